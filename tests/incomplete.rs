//! A file that does not parse never silently drops out of what baton
//! reports on: plan, graph, audit, the reports and the calendar all say
//! which items they left out, and exit 1.

mod support;

use std::fs;
use std::path::Path;
use std::process::Command;

const NOW: &str = "2026-09-24T10:00:00+08:00";

fn copy_example(to: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("example-project");
    support::copy_tree(&from, to, &["broken"]);
}

#[test]
fn every_report_names_the_items_it_could_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p");
    copy_example(&root);
    // A Chinese IME habit: `负责人 =` where a key is expected.
    let t305 = root.join("tasks/ops/T-305.toml");
    let text = fs::read_to_string(&t305).unwrap();
    fs::write(&t305, text.replacen("owner =", "负责人 =", 1)).unwrap();
    let path = root.display().to_string();
    for args in [
        vec!["plan", &path],
        vec!["plan", &path, "--format", "json"],
        vec!["plan", &path, "--format", "svg"],
        vec!["graph", &path, "--format", "json"],
        vec!["audit", &path],
        vec!["audit", &path, "--format", "json"],
        vec!["report", "weekly", &path],
        vec!["report", "monthly", &path, "--format", "json"],
        vec!["ics", &path],
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_baton"))
            .args(&args)
            .args(["--now", NOW])
            .env_remove("BATON_NOW")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("tasks/ops/T-305.toml:"),
            "{args:?}: {stderr}"
        );
        let in_output = stdout.contains("tasks/ops/T-305.toml");
        let room_for_a_note = !args.contains(&"svg") && !args.contains(&"ics");
        assert_eq!(in_output, room_for_a_note, "{args:?}: {stdout}");
    }
}

#[test]
fn a_complete_project_reports_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("p");
    copy_example(&root);
    let output = Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(["plan", &root.display().to_string(), "--now", NOW])
        .env_remove("BATON_NOW")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty());
}
