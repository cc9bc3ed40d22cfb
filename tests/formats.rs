//! `--format sarif|github|markdown` on the broken twin of the example.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

const NOW: &str = "2026-09-24T10:00:00+08:00";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_baton"))
        .current_dir(root())
        .args(args)
        .env_remove("BATON_NOW")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("GITHUB_REPOSITORY")
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
    )
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let (code, sarif) = run(&[
        "check",
        "example-project/broken",
        "--now",
        NOW,
        "--format",
        "sarif",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1);
    let log: Value = serde_json::from_str(&sarif).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &log["runs"][0];
    assert_eq!(
        run["tool"]["driver"]["rules"].as_array().unwrap().len(),
        baton::rules::RULES.len()
    );
    let results = run["results"].as_array().unwrap();
    assert!(results.len() > 40);
    for result in results {
        let rule = result["ruleId"].as_str().unwrap();
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(run["tool"]["driver"]["rules"][index]["id"], rule);
        assert!(result["partialFingerprints"]["batonFingerprint/v1"].is_string());
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(
            uri.starts_with("example-project/broken/"),
            "repository-relative: {uri}"
        );
    }
    assert!(
        run["tool"]["driver"]["rules"][0]["help"]["text"]
            .as_str()
            .unwrap()
            .contains("## Why")
    );
}

#[test]
fn github_annotations_are_workflow_commands_with_repository_paths() {
    let (code, out) = run(&[
        "check",
        "example-project/broken",
        "--now",
        NOW,
        "--format",
        "github",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() > 40);
    assert!(lines.iter().all(|l| l.starts_with("::error file=")
        || l.starts_with("::warning file=")
        || l.starts_with("::notice file=")));
    let overdue = lines.iter().find(|l| l.contains("T-D001.toml")).unwrap();
    assert!(
        overdue.starts_with("::error file=example-project/broken/tasks/T-D001.toml,line=5,col=7,"),
        "{overdue}"
    );
}

#[test]
fn markdown_summarises_a_check() {
    let (_, json) = run(&[
        "check",
        "example-project/broken",
        "--now",
        NOW,
        "--format",
        "json",
    ]);
    let summary = serde_json::from_str::<Value>(&json).unwrap()["summary"].clone();
    let (code, out) = run(&[
        "check",
        "example-project/broken",
        "--now",
        NOW,
        "--format",
        "markdown",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1);
    let infos = summary["infos"].as_u64().unwrap();
    let verdict = format!(
        "<!-- baton:pr-check -->\n### ❌ baton: {} errors · {} warnings · {infos} {}\n",
        summary["errors"],
        summary["warnings"],
        if infos == 1 { "info" } else { "infos" }
    );
    assert!(out.starts_with(&verdict), "{}", &out[..200]);
    assert!(
        out.contains("| |rule|item|where|message|\n|---|---|---|---|---|"),
        "{}",
        &out[..400]
    );
}

#[test]
fn a_saved_report_renders_like_a_fresh_check() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    let (code, _) = run(&[
        "check",
        "example-project/broken",
        "--now",
        NOW,
        "--format",
        "json",
        "--lang",
        "en",
        "--output",
        &report.display().to_string(),
    ]);
    assert_eq!(code, 1);
    for format in ["github", "sarif", "markdown"] {
        let (_, direct) = run(&[
            "check",
            "example-project/broken",
            "--now",
            NOW,
            "--format",
            format,
            "--lang",
            "en",
        ]);
        let (code, rendered) = run(&["render", &report.display().to_string(), "--format", format]);
        assert_eq!(code, 0);
        assert_eq!(rendered, direct, "{format}");
    }
    let (code, _) = run(&["render", "Cargo.toml", "--format", "github"]);
    assert_eq!(code, 2);
}

/// A report with only the keys SPEC §7 lists (what another tool writing
/// the SPEC's shape would produce) renders in every format.
#[test]
fn a_report_of_the_spec_shape_renders() {
    let dir = tempfile::tempdir().unwrap();
    let minimal = r#"{
  "version": 1,
  "now": "2026-07-07T10:00:00+08:00",
  "summary": { "items": 12, "errors": 1, "warnings": 0, "infos": 0 },
  "findings": [
    { "rule": "W007", "name": "blocked-not-escalated", "severity": "error",
      "item": "T-003", "path": "tasks/T-003.toml", "line": 24, "column": 1,
      "message": "blocked and not escalated", "fingerprint": "abc" }
  ]
}"#;
    let path = dir.path().join("report.json");
    std::fs::write(&path, minimal).unwrap();
    let report = path.display().to_string();
    for format in ["markdown", "github", "sarif"] {
        let output = Command::new(env!("CARGO_BIN_EXE_baton"))
            .args(["render", &report, "--format", format])
            .env_remove("GITHUB_REPOSITORY")
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("T-003"),
            "{format}"
        );
    }
    let refused = |text: &str| {
        std::fs::write(&path, text).unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_baton"))
            .args(["render", &report, "--format", "markdown"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let v2 = minimal.replace("\"version\": 1", "\"version\": 2");
    assert!(
        refused(&v2).contains("version 2 report"),
        "{}",
        refused(&v2)
    );
    let no_fingerprint = minimal.replace(", \"fingerprint\": \"abc\"", "");
    assert!(refused(&no_fingerprint).contains("fingerprint"));
    let bad_sha = minimal.replace(
        "\"summary\"",
        "\"head\": { \"rev\": \"x\", \"commit\": \"../../orgs\" },\n  \"summary\"",
    );
    assert!(refused(&bad_sha).contains("is not a commit id"));
}

/// GitLab's Code Quality report: one entry per finding at the checked
/// revision, with the fields GitLab reads, and waived findings left out.
#[test]
fn codequality_has_gitlabs_fields_for_every_finding() {
    let (code, json) = run(&[
        "check",
        "example-project/broken",
        "--now",
        NOW,
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&json).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let waived = findings.iter().filter(|f| !f["waived"].is_null()).count();
    let (code, text) = run(&[
        "check",
        "example-project/broken",
        "--now",
        NOW,
        "--format",
        "codequality",
    ]);
    assert_eq!(code, 1);
    let issues: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(issues.len(), findings.len() - waived);
    assert!(
        !text.starts_with('\u{feff}'),
        "GitLab refuses a byte-order mark"
    );
    for issue in &issues {
        for field in ["description", "check_name", "fingerprint", "severity"] {
            assert!(
                issue[field].as_str().is_some_and(|s| !s.is_empty()),
                "{field}: {issue}"
            );
        }
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&issue["severity"].as_str().unwrap()),
            "{issue}"
        );
        let path = issue["location"]["path"].as_str().unwrap();
        assert!(
            path.starts_with("example-project/broken/") && root().join(path).exists(),
            "{path} is relative to the repository's root"
        );
        assert!(issue["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
    }
    let overdue = issues
        .iter()
        .find(|i| i["check_name"] == "baton/D001 overdue")
        .unwrap();
    assert_eq!(overdue["severity"], "major");
    let mut fingerprints: Vec<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    fingerprints.sort_unstable();
    fingerprints.dedup();
    assert_eq!(
        fingerprints.len(),
        issues.len(),
        "one entry per finding in the widget"
    );
}
