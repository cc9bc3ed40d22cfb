//! Property tests: invariants that must hold for any input, not just the
//! examples the unit tests pick.

use baton::calendar::{Calendar, CalendarBuilder, builtin};
use baton::check::check;
use baton::evidence::Evidence;
use baton::load::load;
use baton::parse::When;
use baton::source::MemorySource;
use baton::time::{Clock, Duration, Workday, parse_now};
use chrono::{Days, NaiveDate, TimeZone, Weekday};
use proptest::prelude::*;

fn date(offset: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2004, 1, 1).unwrap() + Days::new(u64::from(offset))
}

/// A random calendar with at least one weekly working day.
fn calendar() -> impl Strategy<Value = Calendar> {
    (
        1u8..128,
        prop::collection::vec((0u32..9000, any::<bool>()), 0..60),
    )
        .prop_map(|(mask, days)| {
            let all = [
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
                Weekday::Sat,
                Weekday::Sun,
            ];
            let weekdays: Vec<Weekday> = all
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, d)| *d)
                .collect();
            let mut builder = CalendarBuilder::new("random").weekdays(&weekdays);
            for (offset, working) in days {
                builder = if working {
                    builder.workday(date(offset))
                } else {
                    builder.holiday(date(offset), None)
                };
            }
            builder.build()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn adding_n_working_days_then_counting_back_gives_n(start in 0u32..8400, n in 1u32..400) {
        let cn = builtin("cn").unwrap();
        let from = date(start);
        let after = cn.nth_working_day_after(from, n).unwrap();
        prop_assert!(cn.is_working_day(after));
        prop_assert_eq!(cn.working_days_between(from + Days::new(1), after + Days::new(1)), i64::from(n));
        let back = cn.nth_working_day_before(after, n).unwrap();
        prop_assert!(cn.is_working_day(back));
        prop_assert_eq!(cn.working_days_between(back, after), i64::from(n));
        prop_assert!(back <= from || !cn.is_working_day(from) || back == from);
    }

    #[test]
    fn any_calendar_counts_like_walking_day_by_day(cal in calendar(), start in 0u32..8800, len in 0u32..120) {
        let from = date(start);
        let to = from + Days::new(u64::from(len));
        let mut walked = 0;
        let mut day = from;
        while day < to {
            if cal.is_working_day(day) {
                walked += 1;
            }
            day = day.succ_opt().unwrap();
        }
        prop_assert_eq!(cal.working_days_between(from, to), walked);
    }

    #[test]
    fn deadlines_never_fall_on_a_day_off(cal in calendar(), start in 0u32..8800, hour in 0u32..24, n in 0u32..60) {
        let tz = chrono_tz::Asia::Shanghai;
        let now = tz.from_utc_datetime(&date(start).and_hms_opt(hour, 0, 0).unwrap());
        let clock = Clock { tz, workday: Workday::default(), calendar: cal.clone(), now };
        let deadline = clock.after(now, Duration::WorkingDays(n.max(1))).unwrap();
        prop_assert!(cal.is_working_day(clock.local_date(deadline)));
        prop_assert_eq!(deadline.time(), Workday::default().end);
        prop_assert!(deadline > now);
    }

    #[test]
    fn local_times_mean_the_same_instant_in_any_machine_zone(start in 0u32..8800, minutes in 0u32..1440) {
        // Evaluation never consults the machine's zone: the same text gives
        // the same instant (CI also runs the suite under TZ=America/Los_Angeles).
        let text = format!("{}T{:02}:{:02}:00", date(start), minutes / 60, minutes % 60);
        let a = parse_now(&text, chrono_tz::Asia::Shanghai).unwrap();
        let b = parse_now(&format!("{text}+08:00"), chrono_tz::Asia::Shanghai).unwrap();
        prop_assert_eq!(a, b);
        let when: When = text.parse().unwrap();
        prop_assert!(matches!(when, When::Local(_)));
    }
}

const ORG: &str = "[[department]]\nid = \"rnd\"\nhead = \"li.gong\"\n\n[[person]]\nid = \"li.gong\"\ndepartment = \"rnd\"\n";

/// A task's lines in some order; findings: unknown owner, overdue, no deliverable.
fn fingerprints(order: &[usize], file_names: &[String]) -> Vec<String> {
    let lines = [
        "title = \"t\"",
        "owner = \"ghost\"",
        "due = 2026-07-01",
        "lead = \"nowhere\"",
        "depends_on = [\"T-404\"]",
        "status = \"in_progress\"",
    ];
    let text: String = order.iter().map(|&i| format!("{}\n", lines[i])).collect();
    let mut source = MemorySource::new()
        .with("baton.toml", "")
        .with("org.toml", ORG);
    for name in file_names {
        source = source.with(&format!("tasks/{name}"), text.clone());
    }
    let project = load(&source).unwrap();
    let now = parse_now("2026-07-07T10:00:00+08:00", project.settings.tz)
        .unwrap()
        .with_timezone(&chrono::Utc);
    let checked = check(project, now, &Evidence::none(), None).unwrap();
    let mut prints: Vec<String> = checked
        .findings
        .iter()
        .map(|f| f.fingerprint.clone())
        .collect();
    prints.sort();
    prints
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn reordering_fields_or_files_never_changes_fingerprints(
        order in Just((0..6).collect::<Vec<usize>>()).prop_shuffle(),
        folders in prop::collection::vec(0u8..3, 3),
    ) {
        let baseline = fingerprints(&[0, 1, 2, 3, 4, 5], &["T-1.toml".into(), "T-2.toml".into(), "T-3.toml".into()]);
        // Same items, fields in another order, files moved between folders.
        let names: Vec<String> = folders.iter().enumerate().map(|(i, f)| format!("f{f}/T-{}.toml", i + 1)).collect();
        prop_assert_eq!(fingerprints(&order, &names), baseline);
    }
}

mod planner {
    use std::collections::BTreeMap;

    use baton::graph::TaskGraph;
    use baton::load::load;
    use baton::plan::{Plan, Point};
    use baton::source::MemorySource;
    use baton::time::{Clock, parse_now};
    use proptest::prelude::*;

    /// A random DAG: task i depends on some tasks before it.
    #[derive(Debug, Clone)]
    struct Spec {
        efforts: Vec<u32>,
        deps: Vec<Vec<usize>>,
        dues: Vec<Option<u32>>,
    }

    fn spec(with_dues: bool) -> impl Strategy<Value = Spec> {
        (2usize..25).prop_flat_map(move |n| {
            let efforts = prop::collection::vec(0u32..8, n);
            let deps = (0..n)
                .map(|i| {
                    prop::collection::vec(0..i.max(1), 0..3.min(i + 1))
                        .prop_map(move |d| if i == 0 { vec![] } else { d })
                })
                .collect::<Vec<_>>();
            let dues = prop::collection::vec(prop::option::of(0u32..60), n)
                .prop_map(move |d| if with_dues { d } else { vec![None; d.len()] });
            (efforts, deps, dues).prop_map(|(efforts, deps, dues)| Spec {
                efforts,
                deps,
                dues,
            })
        })
    }

    /// Writes the tasks (in `names` order/folders) and plans them at a fixed now.
    fn plan(spec: &Spec, folder_of: &dyn Fn(usize) -> String) -> (Plan, Vec<String>) {
        let mut source = MemorySource::new()
            .with(
                "baton.toml",
                "[project]\ncalendar = \"cn\"\nstart = 2026-09-14\n",
            )
            .with("org.toml", "");
        let ids: Vec<String> = (0..spec.efforts.len())
            .map(|i| format!("T-{i:02}"))
            .collect();
        for (i, id) in ids.iter().enumerate() {
            let deps: Vec<String> = spec.deps[i]
                .iter()
                .map(|d| format!("\"{}\"", ids[*d]))
                .collect();
            let mut text = format!(
                "title = \"t\"\neffort = \"{}wd\"\ndepends_on = [{}]\n",
                spec.efforts[i],
                deps.join(", ")
            );
            if let Some(offset) = spec.dues[i] {
                let due = chrono::NaiveDate::from_ymd_opt(2026, 9, 14).unwrap()
                    + chrono::Days::new(u64::from(offset));
                text.push_str(&format!("due = {due}\n"));
            }
            source = source.with(&format!("tasks/{}/{id}.toml", folder_of(i)), text);
        }
        let project = load(&source).unwrap();
        let tz = project.settings.tz;
        let clock = Clock {
            tz,
            workday: project.settings.workday,
            calendar: project.settings.calendar.clone(),
            now: parse_now("2026-09-14T09:00:00+08:00", tz).unwrap(),
        };
        let graph = TaskGraph::build(&project);
        let plan = Plan::compute(&project, &graph, &clock).unwrap();
        let ids = project.tasks.iter().map(|t| t.id.clone()).collect();
        (plan, ids)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(120))]

        #[test]
        fn every_task_starts_after_its_dependencies_finish(spec in spec(true)) {
            let (plan, ids) = plan(&spec, &|_| "a".into());
            let at = |id: &str| plan.tasks.iter().position(|t| t.id == id).unwrap();
            for (i, deps) in spec.deps.iter().enumerate() {
                let Some(slot) = plan.tasks[at(&ids[at(&format!("T-{i:02}"))])].slot() else { continue };
                let task = &plan.tasks[at(&format!("T-{i:02}"))];
                for d in deps {
                    let Some(dep) = plan.tasks[at(&format!("T-{d:02}"))].slot() else { continue };
                    // Work starts after its dependencies end; a milestone is
                    // the point where they end (as in TaskJuggler).
                    let begins = if task.milestone { slot.end } else { Point::start_of(slot.work_start) };
                    prop_assert!(begins >= dep.end, "T-{i:02} begins {begins:?} before T-{d:02} ends {:?}", dep.end);
                }
            }
        }

        #[test]
        fn critical_tasks_have_zero_slack_against_the_project_finish(spec in spec(false)) {
            let (plan, _) = plan(&spec, &|_| "a".into());
            prop_assert!(!plan.critical_path.is_empty());
            for &t in &plan.critical_path {
                let slot = plan.tasks[t].slot().unwrap();
                prop_assert_eq!(slot.slack_wd, 0, "{} is critical", plan.tasks[t].id);
                prop_assert!(slot.critical);
            }
            let last = *plan.critical_path.last().unwrap();
            prop_assert_eq!(Some(plan.tasks[last].slot().unwrap().finish), plan.finish);
        }

        #[test]
        fn the_plan_does_not_depend_on_file_order(spec in spec(true), seed in any::<u64>()) {
            let (a, _) = plan(&spec, &|_| "a".into());
            let (b, _) = plan(&spec, &move |i| format!("f{}", (seed.wrapping_mul(i as u64 + 7) >> 3) % 4));
            let by_id = |p: &Plan| -> BTreeMap<String, String> {
                p.tasks.iter().map(|t| (t.id.clone(), format!("{:?}", t.slot().map(|s| (s.start, s.finish, s.slack_wd, s.critical))))).collect()
            };
            prop_assert_eq!(by_id(&a), by_id(&b));
            prop_assert_eq!(a.finish, b.finish);
            let path = |p: &Plan| -> Vec<String> { p.critical_path.iter().map(|&t| p.tasks[t].id.clone()).collect() };
            prop_assert_eq!(path(&a), path(&b));
        }
    }
}
