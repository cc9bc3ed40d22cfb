//! S001 invalid-toml.

use super::Context;
use crate::diag::Sink;

declare_rule! {
    /// A file could not be read as TOML.
    ///
    /// ## What it checks
    /// Every baton file must be UTF-8 text that parses as TOML. Also reported
    /// here: files over 1 MiB (not read), symbolic links (never followed, so
    /// a repository cannot make baton read files outside it), and files the
    /// operating system cannot read.
    ///
    /// ## Why
    /// An item that cannot be read is invisible to every other rule. The
    /// other files are still checked, and references to an unreadable item
    /// are not reported as unknown.
    ///
    /// ## Fires
    /// ```toml
    /// title = "用户调研
    /// owner = "li.gong"
    /// ```
    ///
    /// ## Does not fire
    /// ```toml
    /// title = "用户调研"
    /// owner = "li.gong"
    /// ```
    "S001", "invalid-toml", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    for problem in cx.project.problems.iter().filter(|p| p.code == RULE.code) {
        out.emit(problem.diagnostic.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    const NOW: &str = "2026-07-07T10:00:00+08:00";

    #[test]
    fn fires_on_a_syntax_error_with_its_position() {
        let found = run_rule(
            &RULE,
            &[("tasks/T-1.toml", "title = \"a\nowner = \"li.gong\"\n")],
            NOW,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].path, "tasks/T-1.toml");
        assert_eq!(found[0].line, 1);
        assert!(
            found[0].message.starts_with("invalid TOML"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn fires_on_invalid_utf8_at_the_bad_byte() {
        let mut bytes = b"title = \"ok\"\nowner = \"".to_vec();
        bytes.push(0xff);
        bytes.extend_from_slice(b"\"\n");
        let text = String::from_utf8_lossy(&bytes).into_owned();
        // MemorySource takes bytes; go through the loader directly.
        let source = crate::source::MemorySource::new()
            .with("baton.toml", crate::testing::BATON)
            .with("org.toml", crate::testing::ORG)
            .with("tasks/T-1.toml", bytes);
        let project = crate::load::load(&source).unwrap();
        let found =
            crate::testing::run_rule_with(&RULE, &project, &crate::evidence::Evidence::none(), NOW);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "file is not valid UTF-8");
        assert_eq!((found[0].line, found[0].column), (2, 10), "{text:?}");
    }

    #[test]
    fn fires_on_a_file_over_the_size_limit() {
        let big = format!("title = \"{}\"\n", "x".repeat(2 * 1024 * 1024));
        let found = run_rule(&RULE, &[("tasks/T-1.toml", &big)], NOW);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("over the 1048576-byte limit"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn does_not_fire_on_valid_files_with_bom_and_crlf() {
        let text = "\u{feff}title = \"用户调研\"\r\nowner = \"li.gong\"\r\n";
        assert!(run_rule(&RULE, &[("tasks/T-1.toml", text)], NOW).is_empty());
    }
}
