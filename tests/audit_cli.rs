//! End-to-end: `baton audit` on the example project (text in both
//! languages, JSON, Markdown, filters), on its broken twin, and the HTML
//! site.

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
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

fn run(args: &[&str]) -> String {
    let output = baton().args(args).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn audit(extra: &[&str]) -> String {
    let mut args = vec!["audit", "example-project", "--now", NOW];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn the_example_audit_in_english() {
    let text = audit(&["--lang", "en"]);
    insta::assert_snapshot!("example_text_en", text);
    // What a lead must read in ten seconds, in the first lines: who is
    // overloaded and what is late.
    let top: Vec<&str> = text.lines().take(8).collect();
    assert_eq!(top[3], "overloaded: 运营部 (ops) 26/20 (130%)", "{text}");
    assert_eq!(top[5], "overdue", "{text}");
    assert!(
        top[7].starts_with("  T-304  电商旗舰店新品详情页上线  王主管 (wang.zhuguan)"),
        "{text}"
    );
    assert!(text.contains("130%  ██████████ overloaded"), "{text}");
}

#[test]
fn the_example_audit_in_the_project_language() {
    let text = audit(&[]);
    insta::assert_snapshot!("example_text_zh", text);
    assert!(
        text.contains("\n超负荷:运营部 (ops) 26/20 (130%)\n"),
        "{text}"
    );
    assert!(text.contains("\n逾期事项\n"), "{text}");
    assert!(!text.contains("没有逾期事项"), "{text}");
}

#[test]
fn the_example_audit_as_json() {
    let text = audit(&["--format", "json"]);
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["now"], NOW);
    // The facts a lead reads first.
    let overdue = json["headline"]["overdue"].as_array().unwrap();
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue[0]["id"], "T-304");
    assert_eq!(overdue[0]["working_days"], 2);
    assert_eq!(json["headline"]["blocked"][0]["id"], "T-203");
    assert_eq!(json["headline"]["blocked"][0]["escalated_to"], "li.gong");
    assert_eq!(json["headline"]["awaiting_acceptance"][0]["id"], "T-201");
    assert_eq!(
        json["headline"]["awaiting_acceptance"][0]["accept_by"], "2026-09-28T18:00:00+08:00",
        "Mid-Autumn 09-25..27 pushes the 2-working-day review to Monday"
    );
    assert_eq!(json["headline"]["accepted_this_week"][0]["id"], "T-101");
    let departments = json["load"]["departments"].as_array().unwrap();
    let overloaded: Vec<&str> = departments
        .iter()
        .filter(|d| d["overloaded"] == true)
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(overloaded, ["ops"]);
    let ops = departments.iter().find(|d| d["id"] == "ops").unwrap();
    assert_eq!(
        (&ops["load_wd"], &ops["capacity_wd"]),
        (&26.into(), &20.into())
    );
    assert_eq!(
        json["outlook"]["critical_path"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["T-103", "T-104", "T-302", "T-403"]
    );
    insta::assert_json_snapshot!("example_json", json);
}

#[test]
fn the_example_audit_as_markdown() {
    let text = audit(&["--format", "markdown"]);
    insta::assert_snapshot!("example_markdown_zh", text);
}

#[test]
fn a_department_and_a_person() {
    let rnd = audit(&["--lang", "en", "--department", "rnd"]);
    insta::assert_snapshot!("example_rnd_en", rnd);
    assert!(rnd.contains("only what concerns department `rnd`"), "{rnd}");
    assert!(!rnd.contains("mkt)"), "{rnd}");
    let zhang = audit(&["--lang", "en", "--person", "zhang.jingli"]);
    insta::assert_snapshot!("example_zhang_en", zhang);
    assert!(zhang.contains("T-201"), "{zhang}");
}

#[test]
fn unknown_filters_are_errors_with_a_suggestion() {
    let output = baton()
        .args(["audit", "example-project", "--now", NOW, "--lang", "en"])
        .args(["--department", "rdn"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("unknown department `rdn`") && stderr.contains("`rnd`"),
        "{stderr}"
    );
}

#[test]
fn the_broken_twin_shows_what_is_late() {
    let output = baton()
        .args([
            "audit",
            "example-project/broken",
            "--now",
            NOW,
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    // Two of its files do not parse: the audit says so, and exits 1.
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("tasks/T-S001.toml:2:17"), "{stderr}");
    let text = String::from_utf8(output.stdout).unwrap();
    insta::assert_snapshot!("broken_text_en", text);
    assert!(
        text.starts_with("⚠ 2 item files could not be read"),
        "{text}"
    );
    assert!(!text.contains("nothing is overdue"), "{text}");
}

#[test]
fn the_dashboard_is_a_folder_of_pages() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    run(&[
        "audit",
        "example-project",
        "--now",
        NOW,
        "--format",
        "html",
        "--output",
        site.to_str().unwrap(),
    ]);
    let mut names: Vec<String> = fs::read_dir(&site)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "agreements.html",
            "comms.html",
            "complaints.html",
            "index.html",
            "plan.html",
            "request-REQ-001.html",
            "request-REQ-002.html",
            "requests.html"
        ]
    );
    let index = fs::read_to_string(site.join("index.html")).unwrap();
    assert!(index.contains("<html lang=\"zh-CN\">"));
    assert!(index.contains("超负荷:运营部 (ops) 26/20 (130%)"));
    assert!(index.contains("href=\"request-REQ-001.html\""));
    let plan = fs::read_to_string(site.join("plan.html")).unwrap();
    assert!(plan.contains("<svg"), "the Gantt chart is inline");
    let request = fs::read_to_string(site.join("request-REQ-001.html")).unwrap();
    for section in ["任务", "计划", "检查结果", "部门反馈", "风险"] {
        assert!(
            request.contains(&format!("<h2>{section}</h2>")),
            "{section}"
        );
    }
    assert!(request.contains("T-203") && request.contains("第三方支付沙箱"));
    insta::assert_snapshot!("example_dashboard_index", index);
}

#[test]
fn html_needs_a_folder() {
    let output = baton()
        .args(["audit", "example-project", "--now", NOW, "--format", "html"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

/// The README shows this output as real output: it must not drift.
#[test]
fn the_readme_shows_the_real_audit() {
    let text = audit(&["--lang", "en"]);
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.contains(&text),
        "README.md's `baton audit` example is stale; paste in:\n{text}"
    );
}
