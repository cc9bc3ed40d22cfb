//! The day the State Council publishes next year's schedule: import it with
//! `baton calendar import`, extend it, and the year is covered.

use std::fs;
use std::path::Path;
use std::process::Command;

fn baton(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_baton"))
        .current_dir(dir)
        .args(args)
        .env_remove("BATON_NOW")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A 2027 schedule in holiday-cn's format, as the notice might read (the
/// real one was not published when this was written).
const SCHEDULE_2027: &str = r#"{
    "year": 2027,
    "papers": ["https://www.gov.cn/example/2027.htm"],
    "days": [
        {"name": "春节", "date": "2027-02-06", "isOffDay": true},
        {"name": "春节", "date": "2027-02-07", "isOffDay": true},
        {"name": "春节", "date": "2027-02-08", "isOffDay": true},
        {"name": "春节", "date": "2027-02-09", "isOffDay": true},
        {"name": "春节", "date": "2027-02-10", "isOffDay": true},
        {"name": "春节", "date": "2027-02-11", "isOffDay": true},
        {"name": "春节", "date": "2027-02-12", "isOffDay": true},
        {"name": "春节", "date": "2027-02-20", "isOffDay": false}
    ]
}"#;

#[test]
fn an_imported_schedule_covers_its_year_and_names_its_holidays() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("calendars")).unwrap();
    fs::create_dir_all(root.join("tasks")).unwrap();
    fs::write(
        root.join("baton.toml"),
        "[project]\ncalendar = \"acme\"\nstart = 2027-02-01\n",
    )
    .unwrap();
    fs::write(root.join("org.toml"), "[[person]]\nid = \"li.gong\"\n").unwrap();
    // A company calendar with one day off in 2027: 2027 is still unknown.
    fs::write(
        root.join("calendars/acme.toml"),
        "extends = \"cn\"\nholidays = [2027-06-18]\n",
    )
    .unwrap();
    fs::write(
        root.join("tasks/T-1.toml"),
        "title = \"年后发布\"\nowner = \"li.gong\"\nstart = 2027-02-04\neffort = \"3wd\"\ndue = 2027-02-10\ndeliverable = \"d\"\nacceptance = \"a\"\n",
    )
    .unwrap();
    let now = "2027-01-20T10:00:00+08:00";
    let (_, before, _) = baton(root, &["check", ".", "--now", now, "--lang", "en"]);
    assert!(before.contains("warning[S006]"), "{before}");
    assert!(
        before.contains("baton calendar import 2027.json"),
        "{before}"
    );
    assert!(!before.contains("D005"), "{before}");

    fs::write(root.join("2027.json"), SCHEDULE_2027).unwrap();
    let (code, _, stderr) = baton(
        root,
        &[
            "calendar",
            "import",
            "2027.json",
            "--out",
            "calendars/cn-2027.toml",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    // Importing again does not overwrite without --force.
    let (code, _, stderr) = baton(
        root,
        &[
            "calendar",
            "import",
            "2027.json",
            "--out",
            "calendars/cn-2027.toml",
        ],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("--force"), "{stderr}");
    fs::write(
        root.join("calendars/acme.toml"),
        "extends = \"cn-2027\"\nholidays = [2027-06-18]\n",
    )
    .unwrap();
    let (_, after, _) = baton(root, &["check", ".", "--now", now, "--lang", "en"]);
    assert!(!after.contains("S006"), "{after}");
    assert!(
        after.contains("due date 2027-02-10 is not a working day (Spring Festival)"),
        "{after}"
    );
    // The plan skips the holiday week: 02-04, 02-05, then 02-15.
    let (_, plan, _) = baton(root, &["plan", ".", "--now", now, "--format", "json"]);
    let plan: serde_json::Value = serde_json::from_str(&plan).unwrap();
    assert_eq!(plan["tasks"][0]["finish"], "2027-02-15", "{plan}");
}
