//! The planning rules, one behaviour per test, on the official `cn`
//! calendar of 2026: Mid-Autumn 09-25..27, National Day 10-01..07, make-up
//! working days Sunday 09-20 and Saturday 10-10.

use chrono::NaiveDate;

use super::{Driver, Plan, PlanError, Point, Schedule, Unplanned};
use crate::graph::TaskGraph;
use crate::model::Project;
use crate::source::MemorySource;
use crate::testing::{BATON, ORG, project};
use crate::time::{Clock, parse_now};

/// Before every date below, so that today holds nothing back.
const NOW: &str = "2026-09-01T10:00:00+08:00";

fn date(text: &str) -> NaiveDate {
    text.parse()
        .unwrap_or_else(|_| panic!("{text} is not a date"))
}

fn clock(project: &Project, now: &str) -> Clock {
    let settings = &project.settings;
    Clock {
        tz: settings.tz,
        workday: settings.workday,
        calendar: settings.calendar.clone(),
        now: parse_now(now, settings.tz).unwrap_or_else(|e| panic!("{e}")),
    }
}

fn plan_at(files: &[(&str, &str)], now: &str) -> Plan {
    let project = project(files);
    let graph = TaskGraph::build(&project);
    Plan::compute(&project, &graph, &clock(&project, now)).unwrap_or_else(|e| panic!("{e}"))
}

fn plan(files: &[(&str, &str)]) -> Plan {
    plan_at(files, NOW)
}

fn task(extra: &str) -> String {
    format!("title = \"t\"\nowner = \"li.gong\"\n{extra}")
}

/// `(start, finish)` of task `id`.
fn dates(plan: &Plan, id: &str) -> (String, String) {
    let i = plan.index(id).unwrap_or_else(|| panic!("no task {id}"));
    match &plan.tasks[i].schedule {
        Schedule::Planned(slot) => (slot.start.to_string(), slot.finish.to_string()),
        Schedule::Unplanned(why) => panic!("{id} is not planned: {why:?}"),
    }
}

fn why_unplanned(plan: &Plan, id: &str) -> Unplanned {
    let i = plan.index(id).unwrap_or_else(|| panic!("no task {id}"));
    match &plan.tasks[i].schedule {
        Schedule::Unplanned(why) => *why,
        Schedule::Planned(slot) => panic!("{id} is planned: {slot:?}"),
    }
}

fn pair(start: &str, finish: &str) -> (String, String) {
    (start.to_string(), finish.to_string())
}

#[test]
fn a_one_day_task_starts_and_finishes_the_same_day() {
    let p = plan(&[(
        "tasks/A.toml",
        &task("start = 2026-09-14\neffort = \"1wd\"\n"),
    )]);
    assert_eq!(dates(&p, "A"), pair("2026-09-14", "2026-09-14"));
}

#[test]
fn dependents_start_the_first_working_day_after_across_holidays_and_make_up_days() {
    let p = plan(&[
        (
            "tasks/A.toml",
            &task("start = 2026-09-28\neffort = \"3wd\"\n"),
        ),
        (
            "tasks/B.toml",
            &task("depends_on = [\"A\"]\neffort = \"3wd\"\n"),
        ),
        (
            "tasks/C.toml",
            &task("depends_on = [\"B\"]\neffort = \"1wd\"\n"),
        ),
        // Friday 09-18 → Sunday 09-20 is a make-up working day.
        (
            "tasks/D.toml",
            &task("start = 2026-09-18\neffort = \"1wd\"\n"),
        ),
        (
            "tasks/E.toml",
            &task("depends_on = [\"D\"]\neffort = \"1wd\"\n"),
        ),
    ]);
    assert_eq!(dates(&p, "A"), pair("2026-09-28", "2026-09-30"));
    assert_eq!(dates(&p, "B"), pair("2026-10-08", "2026-10-10"));
    assert_eq!(dates(&p, "C"), pair("2026-10-12", "2026-10-12"));
    assert_eq!(dates(&p, "E"), pair("2026-09-20", "2026-09-20"));
    assert_eq!(p.finish, Some(date("2026-10-12")));
}

#[test]
fn a_fixed_start_on_a_day_off_moves_to_the_next_working_day() {
    let p = plan(&[
        (
            "tasks/A.toml",
            &task("start = 2026-10-03\neffort = \"2wd\"\n"),
        ),
        (
            "tasks/B.toml",
            &task("start = 2026-09-26\neffort = \"1wd\"\n"),
        ),
    ]);
    assert_eq!(dates(&p, "A"), pair("2026-10-08", "2026-10-09"));
    assert_eq!(dates(&p, "B"), pair("2026-09-28", "2026-09-28"));
}

#[test]
fn the_project_start_and_today_hold_open_work_back() {
    let baton = format!("{BATON}start = 2026-09-07\n");
    let files = [
        ("baton.toml", baton.as_str()),
        ("tasks/A.toml", &task("effort = \"2wd\"\n")),
        (
            "tasks/B.toml",
            &task("start = 2026-09-01\neffort = \"1wd\"\n"),
        ),
    ];
    let p = plan(&files);
    assert_eq!(dates(&p, "A"), pair("2026-09-07", "2026-09-08"));
    assert_eq!(dates(&p, "B"), pair("2026-09-07", "2026-09-07"));
    // Later, today is the limit: nothing open is planned in the past.
    let p = plan_at(&files, "2026-09-24T10:00:00+08:00");
    assert_eq!(dates(&p, "A"), pair("2026-09-24", "2026-09-28"));
    assert!(matches!(
        p.tasks[0].slot().map(|s| s.driver),
        Some(Driver::Today(_))
    ));
}

#[test]
fn milestones_fall_on_their_dependencies_finish_day() {
    let p = plan(&[
        (
            "tasks/A.toml",
            &task("start = 2026-09-29\neffort = \"2wd\"\n"),
        ),
        (
            "tasks/M.toml",
            &task("depends_on = [\"A\"]\nmilestone = true\n"),
        ),
        (
            "tasks/B.toml",
            &task("depends_on = [\"M\"]\neffort = \"1wd\"\n"),
        ),
        // Zero effort is a milestone too; a fixed start puts it at the start
        // of that day, and its dependents may start the same day.
        (
            "tasks/Z.toml",
            &task("start = 2026-10-12\neffort = \"0wd\"\n"),
        ),
        (
            "tasks/C.toml",
            &task("depends_on = [\"Z\"]\neffort = \"1wd\"\n"),
        ),
    ]);
    assert_eq!(dates(&p, "M"), pair("2026-09-30", "2026-09-30"));
    assert_eq!(dates(&p, "B"), pair("2026-10-08", "2026-10-08"));
    assert_eq!(dates(&p, "Z"), pair("2026-10-12", "2026-10-12"));
    assert_eq!(dates(&p, "C"), pair("2026-10-12", "2026-10-12"));
    let z = &p.tasks[p.index("Z").unwrap_or(0)];
    assert!(z.milestone && z.effort_wd == 0);
    assert_eq!(
        z.slot().map(|s| s.end),
        Some(Point::start_of(date("2026-10-12")))
    );
}

#[test]
fn effort_units_and_defaults() {
    let p = plan(&[
        // Nd in an effort is days of work.
        (
            "tasks/D.toml",
            &task("start = 2026-09-28\neffort = \"4d\"\n"),
        ),
        // 10 hours of a 9-hour working day are 2 working days.
        (
            "tasks/H.toml",
            &task("start = 2026-09-14\neffort = \"10h\"\n"),
        ),
        // No effort: start to due, both included (09-18, 09-20 make-up, 09-21).
        (
            "tasks/S.toml",
            &task("start = 2026-09-18\ndue = 2026-09-21\n"),
        ),
        // Nothing: one working day.
        ("tasks/N.toml", &task("start = 2026-09-15\n")),
        // Absurd, but plannable: 100,000 working days.
        (
            "tasks/X.toml",
            &task("start = 2026-09-14\neffort = \"100000wd\"\n"),
        ),
    ]);
    assert_eq!(dates(&p, "D"), pair("2026-09-28", "2026-10-08"));
    assert_eq!(dates(&p, "H"), pair("2026-09-14", "2026-09-15"));
    assert_eq!(dates(&p, "S"), pair("2026-09-18", "2026-09-21"));
    assert_eq!(p.tasks[p.index("S").unwrap_or(0)].effort_wd, 3);
    assert_eq!(dates(&p, "N"), pair("2026-09-15", "2026-09-15"));
    let x = dates(&p, "X").1;
    assert!(x.as_str() > "2400-01-01", "{x}");
}

#[test]
fn an_effort_past_the_last_date_is_not_planned_and_neither_are_its_dependents() {
    let p = plan(&[
        ("tasks/A.toml", &task("effort = \"4000000000wd\"\n")),
        ("tasks/B.toml", &task("depends_on = [\"A\"]\n")),
        ("tasks/C.toml", &task("start = 2026-09-14\n")),
        (
            "tasks/D.toml",
            &task(
                "depends_on = [\"A\"]\nstart = 2026-09-15\nstatus = \"delivered\"\ndelivered_at = 2026-09-16T12:00:00+08:00\n",
            ),
        ),
    ]);
    assert_eq!(why_unplanned(&p, "A"), Unplanned::OutOfRange);
    assert_eq!(
        why_unplanned(&p, "B"),
        Unplanned::AfterUnplanned { dependency: 0 }
    );
    assert_eq!(dates(&p, "C"), pair("2026-09-14", "2026-09-14"));
    // Recorded dates stand even after an unplannable dependency.
    assert_eq!(dates(&p, "D"), pair("2026-09-15", "2026-09-16"));
}

#[test]
fn done_tasks_keep_their_recorded_dates() {
    let now = "2026-09-24T10:00:00+08:00";
    let p = plan_at(
        &[
            (
                "tasks/A.toml",
                &task(
                    "start = 2026-09-14\neffort = \"10wd\"\nstatus = \"accepted\"\ndelivered_at = 2026-09-16T15:00:00+08:00\n[review]\nat = 2026-09-18T10:00:00+08:00\nverdict = \"accepted\"\n",
                ),
            ),
            (
                "tasks/B.toml",
                &task(
                    "depends_on = [\"A\"]\neffort = \"1wd\"\nstatus = \"delivered\"\ndelivered_at = 2026-09-21T10:00:00+08:00\n",
                ),
            ),
            // No date recorded: planned as if not started.
            (
                "tasks/C.toml",
                &task("effort = \"2wd\"\nstatus = \"delivered\"\n"),
            ),
        ],
        now,
    );
    assert_eq!(dates(&p, "A"), pair("2026-09-14", "2026-09-16"));
    // No start written: one effort back from the delivery.
    assert_eq!(dates(&p, "B"), pair("2026-09-21", "2026-09-21"));
    assert_eq!(dates(&p, "C"), pair("2026-09-24", "2026-09-28"));
    assert_eq!(p.tasks[0].slot().map(|s| s.driver), Some(Driver::Recorded));
}

#[test]
fn work_in_progress_keeps_its_start_and_plans_what_is_left_from_today() {
    let now = "2026-09-24T10:00:00+08:00";
    let p = plan_at(
        &[
            // 10wd at 35 %: 7 working days left from Thursday 09-24:
            // 09-24, 09-28, 09-29, 09-30, 10-08, 10-09, 10-10.
            (
                "tasks/A.toml",
                &task(
                    "start = 2026-09-15\neffort = \"10wd\"\nstatus = \"in_progress\"\nprogress = 35\n",
                ),
            ),
            // No start: the first update says when work began.
            (
                "tasks/B.toml",
                &task(
                    "effort = \"2wd\"\nstatus = \"blocked\"\nprogress = 90\n[blocked]\nsince = 2026-09-22\nreason = \"r\"\n[[update]]\nat = 2026-09-18T16:00:00+08:00\nprogress = 90\n",
                ),
            ),
        ],
        now,
    );
    assert_eq!(dates(&p, "A"), pair("2026-09-15", "2026-10-10"));
    assert_eq!(p.tasks[0].remaining_wd, 7);
    assert_eq!(dates(&p, "B"), pair("2026-09-18", "2026-09-24"));
}

#[test]
fn a_cancelled_task_passes_its_dependencies_on() {
    let p = plan(&[
        (
            "tasks/A.toml",
            &task("start = 2026-09-28\neffort = \"3wd\"\n"),
        ),
        (
            "tasks/B.toml",
            &task("depends_on = [\"A\"]\neffort = \"5wd\"\nstatus = \"cancelled\"\n"),
        ),
        (
            "tasks/C.toml",
            &task("depends_on = [\"B\"]\neffort = \"1wd\"\n"),
        ),
    ]);
    assert_eq!(
        why_unplanned(&p, "B"),
        Unplanned::Cancelled { via: Some(0) }
    );
    // C waits for A (09-30), not for B's five days.
    assert_eq!(dates(&p, "C"), pair("2026-10-08", "2026-10-08"));
    let chain: Vec<&str> = p.chain(2).iter().map(|&t| p.tasks[t].id.as_str()).collect();
    assert_eq!(chain, ["A", "C"]);
}

#[test]
fn cycles_are_left_out_and_the_rest_is_planned() {
    let p = plan(&[
        ("tasks/A.toml", &task("depends_on = [\"B\"]\n")),
        ("tasks/B.toml", &task("depends_on = [\"A\"]\n")),
        ("tasks/C.toml", &task("depends_on = [\"A\"]\n")),
        (
            "tasks/D.toml",
            &task("start = 2026-09-14\ndepends_on = [\"missing\"]\n"),
        ),
    ]);
    for id in ["A", "B", "C"] {
        assert_eq!(why_unplanned(&p, id), Unplanned::Cycle, "{id}");
    }
    // A reference to a missing task is S004's; the plan ignores it.
    assert_eq!(dates(&p, "D"), pair("2026-09-14", "2026-09-14"));
}

#[test]
fn slack_is_counted_in_working_days_against_due_and_dependents() {
    let p = plan(&[
        // A 09-28..09-30; B after A 10-08..10-09 due 10-12 (1 working day of slack: 10-10).
        (
            "tasks/A.toml",
            &task("start = 2026-09-28\neffort = \"3wd\"\n"),
        ),
        (
            "tasks/B.toml",
            &task("depends_on = [\"A\"]\neffort = \"2wd\"\ndue = 2026-10-12\n"),
        ),
        // C after A, due before its finish: negative slack, and A inherits it.
        (
            "tasks/C.toml",
            &task("depends_on = [\"A\"]\neffort = \"3wd\"\ndue = 2026-10-08\n"),
        ),
        // Due before the start: 09-15 is 3 working days after 09-10.
        (
            "tasks/D.toml",
            &task("start = 2026-09-14\neffort = \"2wd\"\ndue = 2026-09-10\n"),
        ),
    ]);
    let slack = |id: &str| p.tasks[p.index(id).unwrap_or(0)].slot().map(|s| s.slack_wd);
    assert_eq!(dates(&p, "C"), pair("2026-10-08", "2026-10-10"));
    assert_eq!(slack("B"), Some(2));
    assert_eq!(slack("C"), Some(-2));
    assert_eq!(slack("A"), Some(-2));
    assert_eq!(slack("D"), Some(-3));
}

#[test]
fn the_critical_path_is_the_driving_chain_of_the_latest_finish() {
    let p = plan(&[
        (
            "tasks/A.toml",
            &task("start = 2026-09-14\neffort = \"2wd\"\n"),
        ),
        (
            "tasks/B.toml",
            &task("start = 2026-09-14\neffort = \"4wd\"\n"),
        ),
        (
            "tasks/C.toml",
            &task("depends_on = [\"A\", \"B\"]\neffort = \"1wd\"\n"),
        ),
        (
            "tasks/M.toml",
            &task("depends_on = [\"C\"]\nmilestone = true\n"),
        ),
        (
            "tasks/D.toml",
            &task("start = 2026-09-14\neffort = \"1wd\"\n"),
        ),
    ]);
    let path: Vec<&str> = p
        .critical_path
        .iter()
        .map(|&t| p.tasks[t].id.as_str())
        .collect();
    assert_eq!(path, ["B", "C", "M"]);
    let critical: Vec<&str> = p
        .tasks
        .iter()
        .filter(|t| t.slot().is_some_and(|s| s.critical))
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(critical, ["B", "C", "M"]);
    let slack = |id: &str| p.tasks[p.index(id).unwrap_or(0)].slot().map(|s| s.slack_wd);
    assert_eq!(
        (slack("B"), slack("C"), slack("A"), slack("D")),
        (Some(0), Some(0), Some(2), Some(4))
    );
}

#[test]
fn requests_finish_with_their_last_task() {
    let request = "title = \"r\"\nfrom = { department = \"mkt\" }\ndue = 2026-10-09\n";
    let p = plan(&[
        ("requests/R.toml", request),
        (
            "tasks/A.toml",
            &task("request = \"R\"\nstart = 2026-09-28\neffort = \"3wd\"\n"),
        ),
        (
            "tasks/B.toml",
            &task("request = \"R\"\nstart = 2026-09-14\neffort = \"1wd\"\n"),
        ),
    ]);
    assert_eq!(p.requests[0].finish, Some(date("2026-09-30")));
    assert_eq!(p.requests[0].due, Some(date("2026-10-09")));
    assert_eq!(p.requests[0].last, p.index("A"));
}

#[test]
fn a_calendar_without_working_days_is_an_error_not_a_loop() {
    let source = MemorySource::new()
        .with("baton.toml", "[project]\ncalendar = \"never\"\n")
        .with("org.toml", ORG)
        .with("calendars/never.toml", "weekdays = []\n")
        .with("tasks/A.toml", task("effort = \"2wd\"\n"));
    let project = crate::load::load(&source).unwrap_or_else(|e| panic!("{e:?}"));
    let graph = TaskGraph::build(&project);
    let result = Plan::compute(&project, &graph, &clock(&project, NOW));
    assert!(
        matches!(result, Err(PlanError::NoWorkingDay { ref calendar, .. }) if calendar == "never"),
        "{result:?}"
    );
}

#[test]
fn a_long_chain_is_planned_without_recursion() {
    let n = 20_000;
    let files: Vec<(String, String)> = (0..n)
        .map(|i| {
            let deps = if i == 0 {
                String::new()
            } else {
                format!("\"T{:05}\"", i - 1)
            };
            (
                format!("tasks/T{i:05}.toml"),
                format!("title = \"t\"\ndepends_on = [{deps}]\n"),
            )
        })
        .collect();
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let p = plan(&files);
    assert_eq!(p.critical_path.len(), n);
    let last = p.tasks[n - 1].slot().map(|s| s.finish);
    // 20,000 one-day tasks: the last one finishes 19,999 working days after the first.
    let first = p.tasks[0]
        .slot()
        .map(|s| s.finish)
        .unwrap_or(NaiveDate::MIN);
    let expected = crate::testing::project(&[])
        .settings
        .calendar
        .nth_working_day_after(first, 19_999);
    assert_eq!(last, expected);
}

// ── schedule impact ───────────────────────────────────────────────────

mod impact {
    use super::{plan, task};
    use crate::messages::Lang;
    use crate::plan::{ScheduleChange, impact};

    const REQUEST: &str = "title = \"r\"\nfrom = { department = \"mkt\" }\ndue = 2026-10-30\n";

    /// T-001 → T-004 → T-007 (REQ-001) → M-1, and a side task T-009.
    fn files(t004_effort: &str, extra: &[(&'static str, String)]) -> Vec<(&'static str, String)> {
        let mut files = vec![
            ("requests/REQ-001.toml", REQUEST.to_string()),
            (
                "tasks/T-001.toml",
                task("start = 2026-09-21\neffort = \"2wd\"\n"),
            ),
            (
                "tasks/T-004.toml",
                task(&format!(
                    "depends_on = [\"T-001\"]\neffort = \"{t004_effort}\"\n"
                )),
            ),
            (
                "tasks/T-007.toml",
                task("request = \"REQ-001\"\ndepends_on = [\"T-004\"]\neffort = \"2wd\"\n"),
            ),
            (
                "tasks/M-1.toml",
                task("depends_on = [\"T-007\"]\nmilestone = true\n"),
            ),
            (
                "tasks/T-009.toml",
                task("start = 2026-09-21\neffort = \"1wd\"\n"),
            ),
        ];
        files.extend(extra.iter().cloned());
        files
    }

    fn planned(files: &[(&'static str, String)]) -> crate::plan::Plan {
        let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
        plan(&refs)
    }

    fn messages(changes: &[ScheduleChange]) -> Vec<String> {
        changes
            .iter()
            .map(|c| c.message().render(Lang::En))
            .collect()
    }

    #[test]
    fn a_longer_task_moves_the_request_the_milestone_and_the_project() {
        // Base: T-001 09-21..22, T-004 09-23..24, T-007 09-28..29.
        // Head: T-004 takes 4wd, 09-23..29 (Mid-Autumn in between), T-007 09-30..10-08.
        let base = planned(&files("2wd", &[]));
        let head = planned(&files("4wd", &[]));
        let calendar = crate::testing::project(&[]).settings.calendar;
        let changes = impact(&base, &head, &calendar);
        assert_eq!(
            messages(&changes),
            [
                "moves the project's planned finish from 2026-09-29 to 2026-10-08 (2 working days later) through T-004 → T-007 → M-1",
                "moves REQ-001's planned finish from 2026-09-29 to 2026-10-08 (2 working days later) through T-004 → T-007",
                "moves M-1's planned finish from 2026-09-29 to 2026-10-08 (2 working days later) through T-004 → T-007",
            ]
        );
        // And back: earlier.
        let back = impact(&head, &base, &calendar);
        assert!(
            messages(&back)[1].contains("from 2026-10-08 to 2026-09-29 (2 working days earlier)"),
            "{:?}",
            messages(&back)
        );
    }

    #[test]
    fn a_new_longer_branch_changes_the_critical_path() {
        let base = planned(&files("2wd", &[]));
        let extra = [(
            "tasks/T-010.toml",
            task("depends_on = [\"T-009\"]\neffort = \"10wd\"\n"),
        )];
        let head = planned(&files("2wd", &extra));
        let calendar = crate::testing::project(&[]).settings.calendar;
        let changes = impact(&base, &head, &calendar);
        assert_eq!(
            changes.last(),
            Some(&ScheduleChange::CriticalPath {
                from: vec!["T-001".into(), "T-004".into(), "T-007".into(), "M-1".into()],
                to: vec!["T-009".into(), "T-010".into()],
            })
        );
        assert_eq!(
            messages(&changes).last().map(String::as_str),
            Some("changes the critical path from T-001 → T-004 → T-007 → M-1 to T-009 → T-010")
        );
        // The request and the milestone did not move.
        assert_eq!(changes.len(), 2, "{:?}", messages(&changes));
    }

    #[test]
    fn a_cycle_makes_the_request_unplannable() {
        let base = planned(&files("2wd", &[]));
        let mut head_files = files("2wd", &[]);
        head_files[1].1 = task("start = 2026-09-21\neffort = \"2wd\"\ndepends_on = [\"T-007\"]\n");
        let head = planned(&head_files);
        let calendar = crate::testing::project(&[]).settings.calendar;
        let all = messages(&impact(&base, &head, &calendar));
        assert!(
            all.contains(
                &"`REQ-001` can no longer be planned (it was to finish 2026-09-29)".to_string()
            ),
            "{all:?}"
        );
    }

    #[test]
    fn does_not_report_an_unchanged_plan() {
        let base = planned(&files("2wd", &[]));
        let head = planned(&files("2wd", &[]));
        let calendar = crate::testing::project(&[]).settings.calendar;
        assert!(impact(&base, &head, &calendar).is_empty());
    }
}

#[test]
fn chain_summaries_equal_the_walked_chains_shortened() {
    // A chain of 30 one-day tasks with a cancelled one at 12, and a branch.
    let mut files: Vec<(String, String)> = Vec::new();
    for i in 1..=30 {
        let depends = if i == 1 {
            "start = 2026-09-01\n".to_string()
        } else {
            format!("depends_on = [\"T-{:02}\"]\n", i - 1)
        };
        let status = if i == 12 {
            "status = \"cancelled\"\n"
        } else {
            ""
        };
        files.push((
            format!("tasks/T-{i:02}.toml"),
            task(&format!("effort = \"1wd\"\n{depends}{status}")),
        ));
    }
    files.push((
        "tasks/T-99.toml".into(),
        task("effort = \"1wd\"\ndepends_on = [\"T-05\"]\n"),
    ));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let plan = plan(&refs);
    for t in 0..plan.tasks.len() {
        let walked: Vec<String> = plan
            .chain(t)
            .into_iter()
            .map(|i| plan.tasks[i].id.clone())
            .collect();
        for max in [3, 5, 8] {
            assert_eq!(
                plan.chain_ids(t, max),
                super::shorten(walked.clone(), max),
                "{} at {max}",
                plan.tasks[t].id
            );
        }
        assert_eq!(plan.chains.len(t), walked.len());
    }
}
