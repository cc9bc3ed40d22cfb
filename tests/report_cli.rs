//! End-to-end: `baton report weekly|monthly` and `baton ics` on the
//! example project, and the weekly report's status changes from history.

mod support;

use std::path::PathBuf;

use assert_cmd::Command;
use icalendar::{CalendarDateTime, Component, DatePerhapsTime};
use support::{LI, TestRepo, ZHANG};

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

#[test]
fn the_weekly_report_of_last_week() {
    // Now is Thursday of W39: by default the report is W38.
    let zh = run(&["report", "weekly", "example-project", "--now", NOW]);
    insta::assert_snapshot!("weekly_w38_zh", zh);
    assert!(zh.starts_with("# 项目周报 2026-W38"), "{zh}");
    assert!(zh.contains("## REQ-001"), "{zh}");
    assert!(zh.contains("### 研发部 (rnd)"), "{zh}");
    assert!(zh.contains("**上周完成**") && zh.contains("**本周计划(2026-09-21 至 2026-09-27)**"));
    assert!(zh.contains("## 会议决议与待办事项") && zh.contains("项目启动会"));
    let en = run(&[
        "report",
        "weekly",
        "example-project",
        "--now",
        NOW,
        "--lang",
        "en",
    ]);
    insta::assert_snapshot!("weekly_w38_en", en);
}

#[test]
fn the_weekly_report_of_a_given_week() {
    let text = run(&[
        "report",
        "weekly",
        "example-project",
        "--now",
        NOW,
        "--week",
        "2026-W39",
    ]);
    insta::assert_snapshot!("weekly_w39_zh", text);
    assert!(text.contains("阻塞") && text.contains("T-203"), "{text}");
}

#[test]
fn a_week_that_is_not_a_week_is_an_error() {
    let output = baton()
        .args(["report", "weekly", "example-project", "--week", "2026-39"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_monthly_review() {
    let zh = run(&[
        "report",
        "monthly",
        "example-project",
        "--now",
        NOW,
        "--month",
        "2026-09",
    ]);
    insta::assert_snapshot!("monthly_2026_09_zh", zh);
    assert!(zh.contains("# 月度复盘报告 2026-09"), "{zh}");
    assert!(
        zh.contains("下次预算申请使用财务部统一的渠道拆分模板"),
        "{zh}"
    );
    // The broken twin has two files that do not parse: said, and exit 1.
    let output = baton()
        .args([
            "report",
            "monthly",
            "example-project/broken",
            "--now",
            NOW,
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let en = String::from_utf8(output.stdout).unwrap();
    assert!(
        en.starts_with("> ⚠️ 2 item files could not be read"),
        "{en}"
    );
    insta::assert_snapshot!("monthly_broken_en", en);
    assert!(en.contains("most frequent findings"), "{en}");
}

#[test]
fn the_calendar_round_trips_through_a_parser() {
    let text = run(&["ics", "example-project", "--now", NOW]);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let calendar: icalendar::Calendar = text.parse().unwrap();
    let events: Vec<&icalendar::Event> = calendar.events().collect();
    let by_uid = |prefix: &str| {
        events
            .iter()
            .find(|e| e.get_uid().is_some_and(|u| u.starts_with(prefix)))
            .unwrap_or_else(|| panic!("no event {prefix}"))
    };
    // A task deadline: an all-day event on its date, summary in Chinese.
    let t201 = by_uid("task-T-201-due.");
    assert_eq!(t201.get_summary(), Some("截止:T-201 会员注册接口调试"));
    assert_eq!(
        t201.get_start(),
        Some(DatePerhapsTime::Date(
            chrono::NaiveDate::from_ymd_opt(2026, 9, 24).unwrap()
        ))
    );
    // A meeting: UTC instants (14:00 in Shanghai is 06:00Z).
    let kickoff = by_uid("meeting-MTG-2026-09-14-kickoff.");
    assert_eq!(
        kickoff.get_summary(),
        Some("云朵智能保温杯新品上市项目启动会")
    );
    let start = match kickoff.get_start() {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(dt))) => dt,
        other => panic!("{other:?}"),
    };
    assert_eq!(start.to_rfc3339(), "2026-09-14T06:00:00+00:00");
    // An action item not promoted to a task; the promoted one is its task.
    assert!(events.iter().any(|e| {
        e.get_summary()
            .is_some_and(|s| s == "待办截止:提交推广主视觉海报与15秒短视频初稿")
    }));
    assert!(!events.iter().any(|e| {
        e.get_summary()
            .is_some_and(|s| s.contains("开展目标用户调研"))
    }));
    // The cancelled task is left out; UIDs are unique.
    assert!(
        !events
            .iter()
            .any(|e| e.get_uid().is_some_and(|u| u.starts_with("task-T-604")))
    );
    let mut uids: Vec<&str> = events.iter().filter_map(|e| e.get_uid()).collect();
    let count = uids.len();
    uids.sort_unstable();
    uids.dedup();
    assert_eq!(uids.len(), count);
    // The same input gives the same file.
    assert_eq!(text, run(&["ics", "example-project", "--now", NOW]));
    insta::assert_snapshot!("ics_example", text.replace("\r\n", "\n"));
}

#[test]
fn a_persons_calendar() {
    let text = run(&["ics", "example-project", "--now", NOW, "--person", "wu.kai"]);
    let calendar: icalendar::Calendar = text.parse().unwrap();
    let mut summaries: Vec<&str> = calendar.events().filter_map(|e| e.get_summary()).collect();
    summaries.sort_unstable();
    insta::assert_debug_snapshot!("ics_wu_kai", summaries);
    assert!(summaries.contains(&"截止:T-203 优惠券核销接口调试"));
    assert!(
        !summaries.iter().any(|s| s.contains("T-202")),
        "zheng.hao's"
    );
}

/// A small repository where commits move a task through its states in
/// W38: the weekly report lists each change with its commit and author.
#[test]
fn the_weekly_report_lists_status_changes_from_history() {
    let repo = TestRepo::new();
    repo.write("baton.toml", support::BATON)
        .write("org.toml", support::ORG)
        .write(
            "tasks/T-1.toml",
            "title = \"接口调试\"\nowner = \"li.gong\"\nlead = \"rnd\"\ndue = 2026-09-30\neffort = \"3wd\"\nstatus = \"todo\"\n",
        );
    repo.commit(support::ADMIN, "2026-09-10T10:00:00+08:00");
    repo.edit("tasks/T-1.toml", "status", "status = \"in_progress\"");
    repo.commit(LI, "2026-09-14T09:30:00+08:00");
    repo.edit("tasks/T-1.toml", "status", "status = \"delivered\"");
    repo.commit(LI, "2026-09-17T17:00:00+08:00");
    repo.edit("tasks/T-1.toml", "status", "status = \"accepted\"");
    repo.commit(ZHANG, "2026-09-22T10:00:00+08:00");
    let text = run(&[
        "report",
        "weekly",
        repo.path().to_str().unwrap(),
        "--now",
        NOW,
        "--lang",
        "en",
    ]);
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("status ")).collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with("- 09-14 09:30 T-1 接口调试 — status to do → in progress (commit ")
            && lines[0].ends_with(" by li.gong)"),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains("in progress → delivered"), "{}", lines[1]);
    // The acceptance on 09-22 belongs to W39, and is after nothing in W38.
    assert!(!text.contains("→ accepted"), "{text}");
    // Without history, only what the files say.
    let quiet = run(&[
        "report",
        "weekly",
        repo.path().to_str().unwrap(),
        "--now",
        NOW,
        "--lang",
        "en",
        "--no-history",
    ]);
    assert!(!quiet.contains("status "), "{quiet}");
}

/// The README shows this output as real output: it must not drift.
#[test]
fn the_readme_shows_the_real_weekly_report() {
    let text = run(&[
        "report",
        "weekly",
        "example-project",
        "--now",
        NOW,
        "--week",
        "2026-W39",
    ]);
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.contains(&text),
        "README.md's weekly report is stale; paste in:\n{text}"
    );
}

/// Archives REQ-002, its task T-401, the kickoff meeting and T-101 in a copy
/// of the example project: the reports about the past must not change.
#[test]
fn archiving_does_not_rewrite_the_past() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("example");
    for entry in walkdir::WalkDir::new(root().join("example-project"))
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry
            .path()
            .strip_prefix(root().join("example-project"))
            .unwrap();
        if rel.starts_with("broken") {
            continue;
        }
        let target = copy.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    let path = copy.display().to_string();
    let reports = |path: &str| {
        let weekly = run(&[
            "report", "weekly", path, "--now", NOW, "--week", "2026-W38", "--lang", "en",
        ]);
        let monthly = run(&[
            "report", "monthly", path, "--now", NOW, "--month", "2026-09", "--lang", "en",
        ]);
        let audit: serde_json::Value =
            serde_json::from_str(&run(&["audit", path, "--now", NOW, "--format", "json"])).unwrap();
        (weekly, monthly, audit["sla"].clone())
    };
    let before = reports(&path);
    for file in [
        "requests/REQ-002.toml",
        "tasks/finance/T-401.toml",
        "tasks/design/T-101.toml",
        "meetings/MTG-2026-09-14-kickoff.toml",
    ] {
        let full = copy.join(file);
        let text = std::fs::read_to_string(&full).unwrap();
        let archived = if text.contains("archived = false") {
            text.replace("archived = false", "archived = true")
        } else {
            format!("archived = true\n{text}")
        };
        std::fs::write(&full, archived).unwrap();
    }
    let after = reports(&path);
    assert_eq!(before.0, after.0, "the weekly report changed");
    assert_eq!(before.1, after.1, "the monthly review changed");
    assert_eq!(before.2, after.2, "the audit's service levels changed");
    assert!(
        before.0.contains("REQ-002") || before.0.contains("T-401"),
        "{}",
        before.0
    );
}

/// A request nothing is planned for says so once, not as both its planned
/// dates and its slack (`截止 … · 未排期 · 未排期`).
#[test]
fn an_unplanned_request_is_said_unplanned_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("requests")).unwrap();
    std::fs::write(root.join("baton.toml"), "[project]\nlocale = \"zh-CN\"\n").unwrap();
    std::fs::write(root.join("org.toml"), "[[department]]\nid = \"mkt\"\n").unwrap();
    std::fs::write(
        root.join("requests/REQ-1.toml"),
        "title = \"春节后上线\"\nfrom = { department = \"mkt\" }\nsubmitted_at = 2026-12-01T10:00:00+08:00\ndue = 2027-02-26\n[[risk]]\ndescription = \"春节假期\"\n",
    )
    .unwrap();
    let text = run(&[
        "report",
        "weekly",
        &root.display().to_string(),
        "--now",
        "2026-12-09T10:00:00+08:00",
    ]);
    let head = text
        .lines()
        .find(|l| l.contains("截止 2027-02-26"))
        .unwrap_or_else(|| panic!("{text}"));
    assert_eq!(head.matches("未排期").count(), 1, "{head}");
}
