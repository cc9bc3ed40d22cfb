use chrono::NaiveDate;

use super::*;
use crate::evidence::Evidence;
use crate::graph::TaskGraph;
use crate::messages::Duty;
use crate::plan::Plan;
use crate::testing::project;
use crate::time::{Clock, parse_now};

fn audit_with(files: &[(&str, &str)], now: &str, options: &Options) -> Audit {
    let project = project(files);
    let settings = &project.settings;
    let clock = Clock {
        tz: settings.tz,
        workday: settings.workday,
        calendar: settings.calendar.clone(),
        now: parse_now(now, settings.tz).unwrap(),
    };
    let graph = TaskGraph::build(&project);
    let plan = Plan::compute(&project, &graph, &clock).ok();
    let evidence = Evidence::none();
    let cx = Context {
        project: &project,
        graph: &graph,
        clock: &clock,
        evidence: &evidence,
        changes: None,
        plan: plan.as_ref(),
    };
    Audit::compute(&cx, options)
}

fn audit(files: &[(&str, &str)], now: &str) -> Audit {
    audit_with(files, now, &Options::default())
}

fn task(owner: &str, lead: &str, effort: &str, extra: &str) -> String {
    format!(
        "title = \"t\"\nowner = \"{owner}\"\nlead = \"{lead}\"\neffort = \"{effort}\"\ndeliverable = \"d\"\nacceptance = \"a\"\n{extra}"
    )
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn department<'a>(audit: &'a Audit, id: &str) -> &'a load::DepartmentLoad {
    audit
        .load
        .as_ref()
        .unwrap()
        .departments
        .iter()
        .find(|r| r.id == id)
        .unwrap()
}

/// Monday 2026-09-07: ten working days run to Friday 09-18.
const MONDAY: &str = "2026-09-07T10:00:00+08:00";

#[test]
fn a_department_with_more_work_than_people_is_overloaded() {
    let rnd = task("li.gong", "rnd", "8wd", "");
    let mkt = task("zhao.liu", "mkt", "5wd", "");
    let a = audit(
        &[
            ("tasks/A.toml", &rnd),
            ("tasks/B.toml", &rnd),
            ("tasks/C.toml", &rnd),
            ("tasks/M.toml", &mkt),
        ],
        MONDAY,
    );
    let load = a.load.as_ref().unwrap();
    assert_eq!(
        (load.from, load.to, load.days),
        (d(2026, 9, 7), d(2026, 9, 18), 10)
    );
    // rnd: li.gong and chen.zong, 2 × 10 working days; three 8wd tasks.
    let rnd = department(&a, "rnd");
    assert_eq!((rnd.people, rnd.load_wd, rnd.capacity_wd), (2, 24, 20));
    assert!(rnd.overloaded);
    assert_eq!(rnd.percent(), Some(120));
    let mkt = department(&a, "mkt");
    assert_eq!(
        (mkt.load_wd, mkt.capacity_wd, mkt.overloaded),
        (5, 20, false)
    );
    assert_eq!(
        a.load
            .as_ref()
            .unwrap()
            .overloaded()
            .map(|d| d.id.as_str())
            .collect::<Vec<_>>(),
        ["rnd"]
    );
}

#[test]
fn load_counts_only_remaining_work_inside_the_window() {
    // 15 working days of which 10 fall in the window; a task half done has
    // half its effort left; work planned after the window counts nothing.
    let long = task("li.gong", "rnd", "15wd", "");
    let half = task(
        "li.gong",
        "rnd",
        "6wd",
        "status = \"in_progress\"\nprogress = 50\nstart = 2026-09-01\n",
    );
    let later = task("li.gong", "rnd", "3wd", "start = 2026-09-28\n");
    let done = task(
        "li.gong",
        "rnd",
        "4wd",
        "status = \"accepted\"\ndelivered_at = 2026-09-04T10:00:00+08:00\n",
    );
    let a = audit(
        &[
            ("tasks/L.toml", &long),
            ("tasks/H.toml", &half),
            ("tasks/X.toml", &later),
            ("tasks/D.toml", &done),
        ],
        MONDAY,
    );
    let rnd = department(&a, "rnd");
    let shares: Vec<(&str, i64)> = rnd
        .tasks
        .iter()
        .map(|t| (t.id.as_str(), t.working_days))
        .collect();
    assert_eq!(shares, [("L", 10), ("H", 3)]);
    assert_eq!(rnd.load_wd, 13);
}

#[test]
fn summary_tasks_are_not_counted_twice() {
    let parent = task("li.gong", "rnd", "10wd", "");
    let child = task("li.gong", "rnd", "4wd", "parent = \"P\"\n");
    let a = audit(
        &[("tasks/P.toml", &parent), ("tasks/C.toml", &child)],
        MONDAY,
    );
    let rnd = department(&a, "rnd");
    assert_eq!(rnd.load_wd, 4, "{:?}", rnd.tasks);
    assert_eq!(rnd.lead_open, 2);
}

#[test]
fn the_window_skips_holidays_and_counts_make_up_days() {
    // From Wednesday 2026-09-30: National Day 10-01..07 is skipped, the
    // make-up Saturday 10-10 counts: the 10th working day is Monday 10-19.
    let a = audit(
        &[("tasks/A.toml", &task("li.gong", "rnd", "20wd", ""))],
        "2026-09-30T10:00:00+08:00",
    );
    let load = a.load.as_ref().unwrap();
    assert_eq!((load.from, load.to), (d(2026, 9, 30), d(2026, 10, 19)));
    assert_eq!(department(&a, "rnd").load_wd, 10);
    // On a Sunday, the window starts on the next working day.
    let window = load::window(&crate::calendar::builtin("cn").unwrap(), d(2026, 9, 27), 3);
    assert_eq!(window, Some((d(2026, 9, 28), d(2026, 9, 30))));
}

#[test]
fn the_headline_counts_as_the_rules_do() {
    let overdue = task("li.gong", "rnd", "1wd", "due = 2026-09-04\n");
    let soon = task("zhao.liu", "mkt", "1wd", "due = 2026-09-09\n");
    let later = task("zhao.liu", "mkt", "1wd", "due = 2026-09-30\n");
    let blocked = task(
        "li.gong",
        "rnd",
        "2wd",
        "status = \"blocked\"\n[blocked]\nsince = 2026-09-04T10:00:00+08:00\nreason = \"等待测试环境\"\n",
    );
    let delivered = task(
        "li.gong",
        "rnd",
        "2wd",
        "status = \"delivered\"\nacceptor = \"zhang.jingli\"\ndelivered_at = 2026-09-04T16:00:00+08:00\n",
    );
    let accepted = task(
        "li.gong",
        "rnd",
        "2wd",
        "status = \"accepted\"\ndelivered_at = 2026-09-04T16:00:00+08:00\n[review]\nat = 2026-09-07T09:30:00+08:00\nby = \"zhang.jingli\"\nverdict = \"accepted\"\n",
    );
    let a = audit(
        &[
            ("tasks/O.toml", &overdue),
            ("tasks/S.toml", &soon),
            ("tasks/L.toml", &later),
            ("tasks/B.toml", &blocked),
            ("tasks/D.toml", &delivered),
            ("tasks/A.toml", &accepted),
        ],
        MONDAY,
    );
    let h = &a.headline;
    let ids = |lines: Vec<&ItemLine>| lines.iter().map(|l| l.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(h.open.iter().collect()), ["B", "L", "O", "S"]);
    assert_eq!(ids(h.overdue.iter().map(|l| &l.item).collect()), ["O"]);
    assert_eq!(h.overdue[0].working_days, 1, "Friday's deadline, Monday");
    assert_eq!(ids(h.due_soon.iter().map(|l| &l.item).collect()), ["S"]);
    assert_eq!(ids(h.blocked.iter().map(|l| &l.item).collect()), ["B"]);
    assert_eq!(h.blocked[0].escalated_to, None);
    assert_eq!(
        ids(h.awaiting_acceptance.iter().map(|l| &l.item).collect()),
        ["D"]
    );
    assert_eq!(
        h.awaiting_acceptance[0].accept_by.map(|t| t.to_rfc3339()),
        Some("2026-09-08T18:00:00+08:00".to_string()),
        "2 working days after a Friday delivery"
    );
    assert_eq!(
        ids(h.accepted_this_week.iter().map(|l| &l.item).collect()),
        ["A"]
    );
}

#[test]
fn people_are_reminded_of_what_is_due_within_three_working_days() {
    // Friday 2026-09-04: the third working day after is Wednesday 09-09.
    let now = "2026-09-04T10:00:00+08:00";
    let wed = task("li.gong", "rnd", "1wd", "due = 2026-09-09\n");
    let thu = task("li.gong", "rnd", "1wd", "due = 2026-09-10\n");
    let delivered = task(
        "li.gong",
        "rnd",
        "1wd",
        "status = \"delivered\"\nacceptor = \"zhang.jingli\"\ndelivered_at = 2026-09-03T16:00:00+08:00\n",
    );
    let meeting = r#"
title = "周会"
start = 2026-09-03T10:00:00+08:00
end = 2026-09-03T11:00:00+08:00
[minutes]
published_at = 2026-09-03T14:00:00+08:00
[[minutes.action]]
title = "补充文档"
owner = "zhao.liu"
due = 2026-09-08
"#;
    let a = audit(
        &[
            ("tasks/W.toml", &wed),
            ("tasks/T.toml", &thu),
            ("tasks/D.toml", &delivered),
            ("meetings/M.toml", meeting),
        ],
        now,
    );
    let duties = |id: &str| -> Vec<(Duty, String)> {
        a.people
            .people
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.duties.iter().map(|d| (d.duty, d.item.clone())).collect())
            .unwrap_or_default()
    };
    assert_eq!(duties("li.gong"), [(Duty::Due, "W".to_string())]);
    assert_eq!(duties("zhang.jingli"), [(Duty::Accept, "D".to_string())]);
    assert_eq!(
        duties("zhao.liu"),
        [
            (Duty::Confirm, "M".to_string()),
            (Duty::Due, "M".to_string())
        ]
    );
    let names: Vec<&str> = a.people.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["李工", "张经理", "赵六"], "org.toml's order");
}

#[test]
fn service_levels_are_measured_in_working_hours() {
    // Submitted Friday 10:00; rnd answers Monday 10:00 (9 working hours,
    // kept: due Monday 18:00), ops Tuesday 10:00 (18 working hours, late).
    let request = r#"
title = "r"
from = { department = "mkt", contact = "zhang.jingli" }
to = [{ department = "rnd", contact = "li.gong" }, { department = "ops", contact = "wang.zhuguan" }]
submitted_at = 2026-07-03T10:00:00+08:00
status = "in_progress"
[[response]]
department = "rnd"
at = 2026-07-06T10:00:00+08:00
decision = "accept"
[[response]]
department = "ops"
at = 2026-07-07T10:00:00+08:00
decision = "accept"
"#;
    let a = audit(&[("requests/R.toml", request)], "2026-07-10T10:00:00+08:00");
    let ack = &a.sla.levels[0];
    assert_eq!(ack.sla, crate::messages::SlaKind::RequestAck);
    assert_eq!((ack.cases, ack.kept, ack.late, ack.open), (2, 1, 1, 0));
    assert_eq!(ack.median_minutes, Some((540 + 1080) / 2));
    assert_eq!(ack.worst_minutes, Some(1080));
    assert_eq!(
        ack.worst().map(|c| c.subject.clone()),
        Some(Some("ops".into()))
    );
    // Outside the period, nothing is counted.
    let short = audit_with(
        &[("requests/R.toml", request)],
        "2026-07-10T10:00:00+08:00",
        &Options {
            since_days: 3,
            ..Options::default()
        },
    );
    assert_eq!(short.sla.levels[0].cases, 0);
    // By person: only the cases they owe.
    let li = audit_with(
        &[("requests/R.toml", request)],
        "2026-07-10T10:00:00+08:00",
        &Options {
            scope: Scope {
                department: None,
                person: Some("li.gong".into()),
            },
            ..Options::default()
        },
    );
    assert_eq!((li.sla.levels[0].cases, li.sla.levels[0].kept), (1, 1));
}

#[test]
fn an_open_case_past_its_deadline_is_late_and_measured_to_now() {
    let blocked = task(
        "li.gong",
        "rnd",
        "2wd",
        "status = \"blocked\"\n[blocked]\nsince = 2026-09-01T09:00:00+08:00\nreason = \"x\"\n",
    );
    let a = audit(&[("tasks/B.toml", &blocked)], "2026-09-04T18:00:00+08:00");
    let escalate = &a.sla.levels[3];
    assert_eq!(escalate.sla, crate::messages::SlaKind::BlockedEscalate);
    assert_eq!((escalate.cases, escalate.late), (1, 1));
    // Tuesday 09:00 to Friday 18:00: four whole working days.
    assert_eq!(escalate.worst_minutes, Some(4 * 9 * 60));
}

#[test]
fn median_of_even_and_odd_counts() {
    assert_eq!(sla::median(&[]), None);
    assert_eq!(sla::median(&[5]), Some(5));
    assert_eq!(sla::median(&[1, 3, 10]), Some(3));
    assert_eq!(sla::median(&[1, 3, 10, 20]), Some(6));
}

#[test]
fn a_department_filter_keeps_its_rows_items_and_people() {
    let rnd = task("li.gong", "rnd", "1wd", "due = 2026-09-08\n");
    let mkt = task("zhao.liu", "mkt", "1wd", "due = 2026-09-08\n");
    let a = audit_with(
        &[("tasks/R.toml", &rnd), ("tasks/M.toml", &mkt)],
        MONDAY,
        &Options {
            scope: Scope {
                department: Some("mkt".into()),
                person: None,
            },
            ..Options::default()
        },
    );
    let rows: Vec<&str> = a
        .load
        .as_ref()
        .unwrap()
        .departments
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(rows, ["mkt"]);
    assert_eq!(a.headline.open.len(), 1);
    assert_eq!(a.headline.due_soon[0].item.id, "M");
    assert!(
        a.people
            .people
            .iter()
            .all(|p| p.department.as_deref() == Some("mkt"))
    );
}

#[test]
fn request_slack_counts_working_days_both_ways() {
    let cn = crate::calendar::builtin("cn").unwrap();
    // Finishing Monday 10-19 for a due on Wednesday 10-21: two days to spare.
    assert_eq!(outlook::slack(&cn, d(2026, 10, 19), d(2026, 10, 21)), 2);
    assert_eq!(outlook::slack(&cn, d(2026, 10, 21), d(2026, 10, 21)), 0);
    // Finishing Friday 10-09 for a due on Wednesday 09-30: across National
    // Day, 10-08 and 10-09 are the days late.
    assert_eq!(outlook::slack(&cn, d(2026, 10, 9), d(2026, 9, 30)), -2);
}

#[test]
fn the_json_shape_is_stable() {
    let a = audit(
        &[(
            "tasks/A.toml",
            &task("li.gong", "rnd", "1wd", "due = 2026-09-04\n"),
        )],
        MONDAY,
    );
    let json: serde_json::Value = serde_json::to_value(&a).unwrap();
    for key in [
        "version", "project", "now", "scope", "headline", "load", "people", "sla", "outlook",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
    assert_eq!(json["now"], "2026-09-07T10:00:00+08:00");
    assert_eq!(json["headline"]["due_soon_limit"], "3wd");
    assert_eq!(json["headline"]["overdue"][0]["id"], "A");
    assert_eq!(json["headline"]["overdue"][0]["kind"], "task");
    assert_eq!(
        json["headline"]["overdue"][0]["due"],
        "2026-09-04T18:00:00+08:00"
    );
    assert_eq!(json["load"]["from"], "2026-09-07");
    assert_eq!(json["sla"]["levels"][0]["sla"], "request_ack");
}
