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
    let verdict = format!(
        "<!-- baton:pr-check -->\n### ❌ baton: {} errors · {} warnings · {} info\n",
        summary["errors"], summary["warnings"], summary["infos"]
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
