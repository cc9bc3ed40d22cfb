//! End-to-end: the `baton` binary on real folders.

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

/// The check time documented in example-project/README.md.
const NOW: &str = "2026-09-24T10:00:00+08:00";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn baton() -> Command {
    let mut cmd = Command::cargo_bin("baton").unwrap();
    cmd.current_dir(root())
        .env_remove("BATON_NOW")
        .env("NO_COLOR", "1");
    cmd
}

/// A temporary baton repository from `(path, text)` pairs.
fn repo(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

const ORG: &str = "[[department]]\nid = \"rnd\"\nhead = \"li.gong\"\n\n[[person]]\nid = \"li.gong\"\ndepartment = \"rnd\"\n";

/// The example is clean at its documented time but for one task left late
/// on purpose, so that `baton audit` has something late to show, and one
/// urgent phone call written up late (a closed breach: `info`).
#[test]
fn the_example_project_reports_only_its_late_task_at_its_documented_time() {
    let output = baton()
        .args(["check", "example-project", "--now", NOW, "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.matches("error[").count(), 1, "{stdout}");
    assert!(
        stdout.contains("error[D001]: T-304: overdue: due 2026-09-22 18:00, 2 working days ago"),
        "{stdout}"
    );
    assert!(
        stdout.starts_with("info[W016]: COM-2026-09-15-phone: communication of 2026-09-15 10:00 recorded 2026-09-16 15:00"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "baton: 1 error, 0 warnings, 1 info in 39 items (now 2026-09-24 10:00 +08:00)"
        ),
        "{stdout}"
    );
}

#[test]
fn the_broken_twin_reports_its_findings_as_text() {
    let output = baton()
        .args([
            "check",
            "example-project/broken",
            "--now",
            NOW,
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    insta::assert_snapshot!("broken_text", stdout);
}

#[test]
fn the_broken_twin_speaks_its_configured_language() {
    // example-project/broken sets project.locale = "zh-CN".
    baton()
        .args(["check", "example-project/broken", "--now", NOW])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "已逾期:截止时间 2026-09-22 18:00,已超过 2 个工作日",
        ));
}

#[test]
fn json_output_has_the_shape_of_the_spec() {
    let output = baton()
        .args([
            "check",
            "example-project/broken",
            "--now",
            NOW,
            "--format",
            "json",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["version"], 1);
    assert_eq!(report["now"], NOW);
    let summary = &report["summary"];
    for key in ["items", "errors", "warnings", "infos"] {
        assert!(summary[key].is_u64(), "summary.{key}");
    }
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(
        findings.len() as u64,
        summary["errors"].as_u64().unwrap()
            + summary["warnings"].as_u64().unwrap()
            + summary["infos"].as_u64().unwrap()
    );
    for finding in findings {
        for key in ["rule", "name", "severity", "path", "message", "fingerprint"] {
            assert!(finding[key].is_string(), "{key} in {finding}");
        }
        assert!(finding["line"].as_u64().unwrap() >= 1 && finding["column"].as_u64().unwrap() >= 1);
        assert!(finding["item"].is_string() || finding["item"].is_null());
        assert!(
            finding.get("change").is_none(),
            "change only appears in PR mode"
        );
        assert!(!finding["path"].as_str().unwrap().contains('\\'));
    }
    // `root` is where the checkout sits in its git repository: not part of the snapshot.
    let mut report = report;
    assert_eq!(report["root"], "example-project/broken");
    report.as_object_mut().unwrap().remove("root");
    insta::assert_json_snapshot!("broken_json", report);
}

#[test]
fn baton_now_is_the_default_time_and_output_goes_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    baton()
        .env("BATON_NOW", NOW)
        .args(["check", "example-project", "--format", "json", "--output"])
        .arg(&out)
        .assert()
        .code(1)
        .stdout("");
    let report: Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(report["now"], NOW);
    assert_eq!(report["summary"]["items"], 39);
    assert_eq!(report["findings"][1]["item"], "T-304");
}

#[test]
fn a_path_below_the_root_finds_the_root() {
    baton()
        .args(["check", "example-project/tasks/design", "--now", NOW])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("共 39 个条目"));
}

#[test]
fn explain_prints_a_rules_documentation_and_lists_rules() {
    baton()
        .args(["explain", "W007"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "W007 blocked-not-escalated (default: error)",
        ))
        .stdout(predicate::str::contains("## Why"));
    baton()
        .args(["explain", "blocked-not-escalated"])
        .assert()
        .code(0);
    let list = baton().arg("explain").output().unwrap();
    assert_eq!(
        String::from_utf8(list.stdout).unwrap().lines().count(),
        baton::rules::RULES.len()
    );
    baton()
        .args(["explain", "W077"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no rule `W077`"));
}

#[test]
fn schema_writes_the_committed_schemas() {
    let dir = tempfile::tempdir().unwrap();
    baton()
        .args(["schema", "--out"])
        .arg(dir.path())
        .assert()
        .code(0);
    for name in ["baton", "org", "calendar", "request", "meeting", "task"] {
        let written = fs::read_to_string(dir.path().join(format!("{name}.schema.json"))).unwrap();
        let committed =
            fs::read_to_string(root().join(format!("schema/{name}.schema.json"))).unwrap();
        assert_eq!(written, committed, "{name}");
    }
}

#[test]
fn configuration_errors_exit_2_with_file_line_and_column() {
    let dir = repo(&[
        ("baton.toml", "[project]\ntimezone = \"Asia/Shangai\"\n"),
        ("org.toml", ORG),
    ]);
    baton()
        .args(["check", "--now", NOW])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("baton.toml:2:12"))
        .stderr(predicate::str::contains("unknown time zone `Asia/Shangai`"))
        .stderr(predicate::str::contains("did you mean `Asia/Shanghai`?"));

    let dir = repo(&[
        ("baton.toml", "[rules]\nW07 = \"off\"\n"),
        ("org.toml", ORG),
    ]);
    baton()
        .args(["check", "--now", NOW])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("there is no rule `W07`"));

    let dir = repo(&[("baton.toml", "[sla]\nminutes = \"2 hours\"\n")]);
    baton()
        .args(["check", "--now", NOW])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`2 hours` is not a duration"));
}

#[test]
fn bad_invocations_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    baton()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no baton.toml"));
    baton()
        .args(["check", "example-project", "--now", "yesterday"])
        .assert()
        .code(2);
    baton().args(["check", "--format", "xml"]).assert().code(2);
    baton().arg("frobnicate").assert().code(2);
}

#[test]
fn rule_levels_from_baton_toml_apply() {
    let task = "title = \"t\"\nowner = \"li.gong\"\ndue = 2026-07-01\ndeliverable = \"d\"\nacceptance = \"a\"\n";
    let dir = repo(&[
        ("baton.toml", "[rules]\noverdue = \"warning\"\n"),
        ("org.toml", ORG),
        ("tasks/T-1.toml", task),
    ]);
    baton()
        .args(["check", "--now", NOW])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("warning[D001]"));
    let dir = repo(&[
        ("baton.toml", "[rules]\nD001 = \"off\"\n"),
        ("org.toml", ORG),
        ("tasks/T-1.toml", task),
    ]);
    baton()
        .args(["check", "--now", NOW])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("no findings"));
}

#[test]
fn one_bad_file_does_not_hide_the_findings_of_others() {
    let dir = repo(&[
        ("baton.toml", ""),
        ("org.toml", ORG),
        ("tasks/T-1.toml", "title = \"broken\n"),
        (
            "tasks/T-2.toml",
            "title = \"t\"\nowner = \"li.gong\"\ndue = 2026-07-01\ndeliverable = \"d\"\nacceptance = \"a\"\n",
        ),
        ("tasks/T-3.toml", ""),
    ]);
    let output = baton()
        .args(["check", "--format", "json", "--now", NOW])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let rules: Vec<(&str, &str)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].as_str().unwrap(), f["path"].as_str().unwrap()))
        .collect();
    assert!(rules.contains(&("S001", "tasks/T-1.toml")), "{rules:?}");
    assert!(rules.contains(&("D001", "tasks/T-2.toml")), "{rules:?}");
    assert!(
        rules.contains(&("S002", "tasks/T-3.toml")),
        "the empty file lacks its title: {rules:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_repository_is_reported_and_never_read() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.toml");
    fs::write(&secret, "title = \"TOP-SECRET-CONTENT\"\n").unwrap();
    let dir = repo(&[("baton.toml", ""), ("org.toml", ORG)]);
    fs::create_dir_all(dir.path().join("tasks")).unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("tasks/T-1.toml")).unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("tasks/linked")).unwrap();
    for format in ["text", "json"] {
        let output = baton()
            .args(["check", "--now", NOW, "--format", format])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(!all.contains("TOP-SECRET-CONTENT"), "{all}");
        assert!(all.contains("symbolic link"), "{all}");
        assert!(all.contains("tasks/T-1.toml"), "{all}");
    }
}

#[test]
fn a_file_over_one_mebibyte_is_a_finding() {
    let big = format!("title = \"{}\"\n", "长".repeat(400_000));
    let dir = repo(&[
        ("baton.toml", ""),
        ("org.toml", ORG),
        ("tasks/T-1.toml", &big),
    ]);
    baton()
        .args(["check", "--now", NOW])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[S001]"))
        .stdout(predicate::str::contains("tasks/T-1.toml"));
}

#[test]
fn nothing_reaches_stderr_without_a_terminal() {
    // The progress bar is for terminals only; CI logs stay clean.
    let output = baton()
        .args(["check", "example-project", "--now", NOW])
        .output()
        .unwrap();
    // Exit 1: the example has one task running late (D001, T-304).
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}
