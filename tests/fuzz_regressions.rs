//! Replays the inputs the fuzzers found interesting (`tests/fuzz-regressions/
//! <target>/`, from `cargo fuzz cmin` and any crash they found) through the
//! same pipeline the fuzzers run, so `cargo test` guards them without
//! needing a fuzzer. See FUZZING.md.

use std::fs;
use std::path::PathBuf;

/// Fuzz target → the file its input becomes.
const TARGETS: &[(&str, &str)] = &[
    ("task", "tasks/T-fuzz.toml"),
    ("request", "requests/R-fuzz.toml"),
    ("meeting", "meetings/M-fuzz.toml"),
    ("baton_toml", "baton.toml"),
    ("org_toml", "org.toml"),
    ("change", "changes/CR-fuzz.toml"),
    // Not a file of the project: a report or baseline read on its own.
    ("report", "report.json"),
];

#[test]
fn every_recorded_input_runs_through_the_pipeline() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut replayed = 0;
    for (target, path) in TARGETS {
        let Ok(entries) = fs::read_dir(root.join(target)) else {
            continue;
        };
        for entry in entries {
            let input = entry.unwrap().path();
            let bytes = fs::read(&input).unwrap();
            let outcome = std::panic::catch_unwind(|| match *target {
                "report" => baton::harness::report(&bytes),
                _ => baton::harness::pipeline(path, &bytes),
            });
            assert!(outcome.is_ok(), "{} panics", input.display());
            replayed += 1;
        }
    }
    assert!(
        replayed >= 5,
        "only {replayed} inputs: the regression corpus is missing"
    );
}
