//! Conventions every rule follows, checked here instead of in review.

use std::collections::HashSet;
use std::fs;

use super::RULES;

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    for rule in RULES {
        assert!(codes.insert(rule.code), "duplicate code {}", rule.code);
        assert!(names.insert(rule.name), "duplicate name {}", rule.name);
        let (letter, digits) = rule.code.split_at(1);
        assert!(
            "SODWQG".contains(letter)
                && digits.len() == 3
                && digits.chars().all(|c| c.is_ascii_digit()),
            "{}",
            rule.code
        );
        assert!(
            rule.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}",
            rule.name
        );
    }
    let mut sorted: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    sorted.sort_by_key(|c| ("SODWQG".find(&c[..1]), c.to_string()));
    assert_eq!(
        sorted,
        RULES.iter().map(|r| r.code).collect::<Vec<_>>(),
        "RULES is in code order"
    );
}

#[test]
fn every_rule_is_documented_in_the_fixed_sections() {
    for rule in RULES {
        let doc = rule.documentation();
        assert!(!rule.summary().is_empty(), "{} has no summary", rule.code);
        for section in [
            "## What it checks",
            "## Why",
            "## Fires",
            "## Does not fire",
        ] {
            assert!(doc.contains(section), "{} lacks {section}", rule.code);
        }
    }
}

#[test]
fn every_rule_file_is_registered_and_tested() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules");
    let mut files = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "mod.rs" || name == "tests.rs" {
            continue;
        }
        files += 1;
        let text = fs::read_to_string(&path).unwrap();
        let code = text
            .lines()
            .find_map(|l| {
                l.trim()
                    .strip_prefix('"')
                    .and_then(|rest| rest.split('"').next())
            })
            .filter(|c| c.len() == 4)
            .unwrap_or_else(|| panic!("{name} declares no rule"));
        let module = name.trim_end_matches(".rs");
        let rule = RULES
            .iter()
            .find(|r| r.code == code)
            .unwrap_or_else(|| panic!("{code} ({name}) is not in RULES"));
        assert_eq!(
            rule.name.replace('-', "_"),
            module,
            "{name} is named for what it flags"
        );
        // Firing tests live here, or (for rules that need git history) in
        // an integration test named by a `// fires: tests/x.rs::name` line.
        let mut fires = text.matches("fn fires").count() + text.matches("fn reports").count();
        for pointer in text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("// fires: "))
        {
            let (file, test) = pointer
                .split_once("::")
                .unwrap_or_else(|| panic!("{name}: bad pointer {pointer}"));
            let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
            let target =
                fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {file}: {e}"));
            assert!(
                target.contains(&format!("fn {test}()")),
                "{name}: {file} has no test {test}"
            );
            fires += 1;
        }
        let quiet = text.matches("fn does_not_").count();
        assert!(
            fires >= 1 && quiet >= 1,
            "{name} needs tests that fire and tests that do not"
        );
    }
    assert_eq!(files, RULES.len());
}

#[test]
fn the_readme_lists_every_rule_with_its_name() {
    let readme = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .unwrap_or_else(|e| panic!("README.md: {e}"));
    for rule in RULES {
        let row = format!(
            "| {} | {} | {}",
            rule.code,
            rule.name,
            rule.default.as_str()
        );
        assert!(
            readme.contains(&row),
            "README.md's rule table lacks `{row} |`"
        );
    }
}
