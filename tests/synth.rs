//! The generated repositories of `examples/synth` are what the benchmarks
//! measure: `baton check` must find exactly the planted findings in them —
//! in the working tree (history as evidence), without history, and at
//! `--rev HEAD` — and the same seed must give the same repository.

#[allow(dead_code)]
#[path = "../examples/synth/generator/mod.rs"]
mod generator;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use generator::{NOW, Options, Synth};

/// Runs `baton check --format json --now NOW` with `extra` arguments: the
/// exit code, the finding counts by rule, and the summary.
fn check(root: &Path, extra: &[&str]) -> (i32, BTreeMap<String, usize>, serde_json::Value) {
    let output = Command::new(env!("CARGO_BIN_EXE_baton"))
        .arg("check")
        .arg(root)
        .args(["--format", "json", "--now", NOW])
        .args(extra)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stderr)));
    let mut counts = BTreeMap::new();
    for finding in report["findings"].as_array().unwrap() {
        *counts
            .entry(finding["rule"].as_str().unwrap().to_string())
            .or_insert(0) += 1;
    }
    (
        output.status.code().unwrap(),
        counts,
        report["summary"].clone(),
    )
}

#[test]
fn check_reports_exactly_the_planted_findings() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("synth");
    let synth = Synth::generate(&Options {
        items: 1000,
        commits: 50,
        seed: 7,
        profile: Default::default(),
    });
    let written = synth.write(&root).unwrap().expect("a git history");
    assert_eq!(written.commits, 50);
    let expected = synth.expected();
    // A few percent overdue, blocked and unacknowledged; one or more of the others.
    assert_eq!(expected.findings["D001"], 14);
    assert_eq!(expected.findings["W007"], 7);
    assert_eq!(expected.findings["W001"], 3);
    assert_eq!(expected.findings.len(), 16, "{:?}", expected.findings);
    let stored: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("EXPECTED.json")).unwrap())
            .unwrap();
    assert_eq!(stored["now"], NOW);
    assert_eq!(stored["findings"], serde_json::json!(expected.findings));

    for extra in [&[][..], &["--no-history"], &["--rev", "HEAD"]] {
        let (code, counts, summary) = check(&root, extra);
        assert_eq!(counts, expected.findings, "check {extra:?}");
        assert_eq!(code, expected.exit_code, "check {extra:?}");
        assert_eq!(summary["items"], 1000);
        assert_eq!(summary["errors"], expected.errors);
        assert_eq!(summary["warnings"], expected.warnings);
        assert_eq!(summary["infos"], expected.infos);
    }
}

#[test]
fn the_late_profile_gives_most_items_a_finding_exactly_as_planted() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("late");
    let synth = Synth::generate(&Options {
        items: 2000,
        commits: 40,
        seed: 3,
        profile: generator::Profile::Late,
    });
    synth.write(&root).unwrap();
    let expected = synth.expected();
    let planted: usize = expected.findings.values().sum();
    assert!(
        planted > 1300,
        "only {planted} of 2000 items have a finding"
    );
    for extra in [&[][..], &["--no-history"]] {
        let (code, counts, _) = check(&root, extra);
        assert_eq!(counts, expected.findings, "check {extra:?}");
        assert_eq!(code, 1);
    }
}

#[test]
fn the_chain_profile_is_one_chain_of_late_work() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("chain");
    Synth::generate(&Options {
        items: 400,
        commits: 0,
        seed: 1,
        profile: generator::Profile::Chain,
    })
    .write(&root)
    .unwrap();
    let (code, counts, _) = check(&root, &["--no-history"]);
    assert_eq!(code, 1);
    // 1wd each from 2026-11-13: about 150 tasks fit before 2027-06-30.
    let late = counts.get("D004").copied().unwrap_or(0);
    assert!((230..=270).contains(&late), "{counts:?}");
    assert_eq!(
        counts.len(),
        2,
        "D004 and S006 (2027 has no holiday data): {counts:?}"
    );
}

#[test]
fn the_same_seed_gives_the_same_repository() {
    let options = |seed| Options {
        items: 300,
        commits: 0,
        seed,
        profile: Default::default(),
    };
    let first = Synth::generate(&options(3)).files();
    assert_eq!(first, Synth::generate(&options(3)).files());
    assert_ne!(first, Synth::generate(&options(4)).files());
    // Folders hold at most 1,000 files; every item is in a kind folder.
    assert_eq!(first.len(), 302);
    assert!(
        first
            .iter()
            .skip(2)
            .all(|(path, _)| path.matches('/').count() == 3)
    );
}
