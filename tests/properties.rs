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
