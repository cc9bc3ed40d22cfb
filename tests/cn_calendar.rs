//! The built-in `cn` calendar against an independent source: every working
//! day of 2024–2026 as `chinese_calendar.is_workday()` (PyPI package
//! `chinesecalendar` 1.11.0) reports it, committed as fixtures by
//! `scripts/gen_cn_calendar.py`.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

fn fixture(year: i32) -> BTreeSet<NaiveDate> {
    let path = format!(
        "{}/tests/fixtures/cn-calendar/workdays-{year}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            NaiveDate::parse_from_str(l.trim(), "%Y-%m-%d").unwrap_or_else(|e| panic!("{l}: {e}"))
        })
        .collect()
}

#[test]
fn every_day_of_2024_to_2026_agrees_with_chinesecalendar() {
    let cn = baton::calendar::builtin("cn").expect("cn is built in");
    for year in 2024..=2026 {
        let expected = fixture(year);
        assert!(expected.len() > 240, "{year}: fixture looks truncated");
        let mut day = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        let mut mismatches = Vec::new();
        while day.year() == year {
            if cn.is_working_day(day) != expected.contains(&day) {
                mismatches.push(day);
            }
            day = day.succ_opt().unwrap();
        }
        assert!(
            mismatches.is_empty(),
            "{year}: baton disagrees on {mismatches:?}"
        );
        assert!(cn.coverage().covers(year));
    }
}

#[test]
fn working_day_counts_per_year_match() {
    let cn = baton::calendar::builtin("cn").unwrap();
    for year in 2024..=2026 {
        let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        let next = NaiveDate::from_ymd_opt(year + 1, 1, 1).unwrap();
        assert_eq!(
            cn.working_days_between(first, next),
            fixture(year).len() as i64,
            "{year}"
        );
    }
}
