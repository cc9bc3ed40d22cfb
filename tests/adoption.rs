//! Findings someone can act on: a breach whose act happened (late) is
//! history, a waiver accepts a finding for a reason, and a baseline lets a
//! project full of findings start green and only get better.
//!
//! `tests/fixtures/missed-once/` is a project where every service level
//! was missed once and every late act has since happened.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use support::run_baton as run;

const NOW: &str = "2026-11-20T10:00:00+08:00";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/missed-once")
}

/// A copy of the fixture to change.
fn copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    support::copy_tree(&fixture(), dir.path(), &[]);
    dir
}

/// `baton check DIR` at NOW, plus `extra`.
fn baton(dir: &Path, extra: &[&str]) -> (i32, String, String) {
    let dir = dir.display().to_string();
    let mut args = vec![
        "check",
        &dir,
        "--now",
        NOW,
        "--lang",
        "en",
        "--no-history",
        "--no-cache",
    ];
    args.extend_from_slice(extra);
    run(&args)
}

fn json(dir: &Path, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    let (code, stdout, stderr) = baton(dir, &args);
    let report = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    (code, report)
}

/// (rule, item, severity) of every finding.
fn findings(report: &Value) -> Vec<(String, String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["item"].as_str().unwrap_or("").to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// A request to rnd, submitted on Wednesday and unanswered on Friday: an
/// open breach, someone can answer today.
const UNANSWERED: &str = "title = \"退款接口评估\"\nfrom = { department = \"mkt\", contact = \"zhang.jingli\" }\nto = [{ department = \"rnd\", contact = \"li.gong\" }]\nwhat = \"评估退款接口改造工作量\"\ndue = 2026-12-18\nsubmitted_at = 2026-11-18T10:00:00+08:00\nstatus = \"submitted\"\n";

#[test]
fn every_service_level_missed_once_and_since_met_exits_zero() {
    let (code, report) = json(&fixture(), &[]);
    assert_eq!(code, 0, "{report:#}");
    let mut rules: Vec<String> = findings(&report).into_iter().map(|f| f.0).collect();
    rules.sort();
    rules.dedup();
    assert_eq!(
        rules,
        ["W001", "W003", "W004", "W005", "W007", "W008", "W010"]
    );
    for finding in report["findings"].as_array().unwrap() {
        assert_eq!(finding["severity"], "info", "{finding:#}");
        assert_eq!(finding["closed"], true, "{finding:#}");
    }
    // A team that wants late acts to keep showing says so per rule: as
    // SPEC §4 writes it (a dotted key), quoted, or as a table.
    for rules in [
        "W001.closed = \"warning\"\nW003 = { level = \"warning\", closed = \"info\" }",
        "\"W001.closed\" = \"warning\"",
        "W001 = { closed = \"warning\" }",
    ] {
        let dir = copy();
        let config = fs::read_to_string(dir.path().join("baton.toml")).unwrap();
        fs::write(
            dir.path().join("baton.toml"),
            format!("{config}\n[rules]\n{rules}\n"),
        )
        .unwrap();
        let (code, report) = json(dir.path(), &[]);
        assert_eq!(code, 0, "{rules}: {report:#}");
        let warnings: Vec<_> = findings(&report)
            .into_iter()
            .filter(|f| f.2 == "warning")
            .collect();
        assert_eq!(
            warnings,
            [("W001".into(), "REQ-1".into(), "warning".into())],
            "{rules}"
        );
    }
    // A misspelt level is still an error with the file's position.
    let dir = copy();
    let config = fs::read_to_string(dir.path().join("baton.toml")).unwrap();
    fs::write(
        dir.path().join("baton.toml"),
        format!("{config}\n[rules]\nW001.closed = \"warnin\"\n"),
    )
    .unwrap();
    let (code, stdout, stderr) = run(&[
        "check",
        dir.path().to_str().unwrap(),
        "--now",
        "2026-11-20T10:00:00+08:00",
        "--lang",
        "en",
    ]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains("baton.toml:") && stderr.contains("warnin"),
        "{stderr}"
    );
}

#[test]
fn one_open_breach_fails_and_is_the_only_error() {
    let dir = copy();
    fs::write(dir.path().join("requests/REQ-2.toml"), UNANSWERED).unwrap();
    let (code, report) = json(dir.path(), &[]);
    assert_eq!(code, 1);
    let errors: Vec<_> = findings(&report)
        .into_iter()
        .filter(|f| f.2 == "error")
        .collect();
    assert_eq!(errors, [("W001".into(), "REQ-2".into(), "error".into())]);
    let open = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["item"] == "REQ-2")
        .cloned()
        .unwrap_or_default();
    assert_eq!(open["closed"], Value::Null);
}

#[test]
fn a_waiver_by_the_requester_accepts_the_open_breach() {
    let dir = copy();
    let waiver = "\n[[waiver]]\nrule = \"W001\"\nreason = \"研发部全员在客户现场,11月23日统一答复\"\nby = \"zhang.jingli\"\nuntil = 2026-11-23\n";
    fs::write(
        dir.path().join("requests/REQ-2.toml"),
        format!("{UNANSWERED}{waiver}"),
    )
    .unwrap();
    let (code, stdout, _) = baton(dir.path(), &[]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("waived by zhang.jingli until 2026-11-23: 研发部全员在客户现场"),
        "{stdout}"
    );
    assert!(stdout.contains("(1 waived)"), "{stdout}");
    let path = dir.path().display().to_string();
    let (_, audit, _) = run(&["audit", &path, "--now", NOW, "--lang", "en", "--no-history"]);
    assert!(audit.contains("waivers: 1"), "{audit}");
    assert!(audit.contains("holds"), "{audit}");

    // After its last day it lapses: the finding is back, and so is the
    // waiver, as a warning.
    let later = "2026-11-24T10:00:00+08:00";
    let (code, stdout, _) = run(&[
        "check", &path, "--now", later, "--lang", "en", "--format", "json",
    ]);
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let about_req2: Vec<_> = findings(&report)
        .into_iter()
        .filter(|f| f.1 == "REQ-2")
        .collect();
    assert_eq!(
        about_req2,
        [
            ("W001".into(), "REQ-2".into(), "error".into()),
            ("Q004".into(), "REQ-2".into(), "warning".into())
        ]
    );
}

#[test]
fn a_baseline_starts_green_and_shows_only_what_is_new() {
    let dir = copy();
    let baseline = dir.path().join("baseline.json");
    let baseline_arg = baseline.display().to_string();
    fs::write(dir.path().join("requests/REQ-2.toml"), UNANSWERED).unwrap();

    // Adoption: record today's findings; the run is green.
    let (code, _, stderr) = baton(dir.path(), &["--write-baseline", &baseline_arg]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("wrote 9 findings to the baseline"),
        "{stderr}"
    );
    let recorded: Value = serde_json::from_str(&fs::read_to_string(&baseline).unwrap()).unwrap();
    assert_eq!(recorded["findings"].as_array().map(Vec::len), Some(9));
    let (code, report) = json(dir.path(), &["--baseline", &baseline_arg]);
    assert_eq!((code, findings(&report).len()), (0, 0), "{report:#}");
    assert_eq!(report["baseline"]["hidden"], 9);

    // Something new fails, and is all that is shown.
    let newer = UNANSWERED.replace("退款接口评估", "发票接口评估");
    fs::write(dir.path().join("requests/REQ-3.toml"), newer).unwrap();
    let (code, report) = json(dir.path(), &["--baseline", &baseline_arg]);
    assert_eq!(code, 1);
    assert_eq!(
        findings(&report),
        [("W001".into(), "REQ-3".into(), "error".into())]
    );

    // REQ-2 is answered: its recorded finding is gone, and said to be.
    let answered = format!(
        "{UNANSWERED}\n[[response]]\ndepartment = \"rnd\"\nby = \"li.gong\"\nat = 2026-11-19T11:00:00+08:00\ndecision = \"accept\"\n"
    );
    fs::write(dir.path().join("requests/REQ-2.toml"), answered).unwrap();
    fs::remove_file(dir.path().join("requests/REQ-3.toml")).unwrap();
    let (code, stdout, _) = baton(dir.path(), &["--baseline", &baseline_arg]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("1 finding recorded in")
            && stdout.contains("no longer occurs (W001 REQ-2)"),
        "{stdout}"
    );

    // Pruning drops it from the file and adds nothing new.
    fs::write(
        dir.path().join("requests/REQ-3.toml"),
        UNANSWERED.replace("退款接口评估", "发票接口评估"),
    )
    .unwrap();
    let (code, _, stderr) = baton(
        dir.path(),
        &[
            "--baseline",
            &baseline_arg,
            "--write-baseline",
            &baseline_arg,
        ],
    );
    assert_eq!(code, 1, "REQ-3 is still new: {stderr}");
    let pruned: Value = serde_json::from_str(&fs::read_to_string(&baseline).unwrap()).unwrap();
    let items: Vec<&str> = pruned["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["item"].as_str())
        .collect();
    assert_eq!(items.len(), 8);
    assert!(
        !items.contains(&"REQ-2") && !items.contains(&"REQ-3"),
        "{items:?}"
    );
}

#[test]
fn a_broken_baseline_is_a_usage_error_naming_its_place() {
    let dir = copy();
    let baseline = dir.path().join("baseline.json");
    fs::write(&baseline, "{\"version\": 1,\n\"findings\": [1]}").unwrap();
    let (code, _, stderr) = baton(dir.path(), &["--baseline", &baseline.display().to_string()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("baseline.json:2:"), "{stderr}");
}
