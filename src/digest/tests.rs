use chrono::NaiveDate;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn iso_weeks_parse_and_print() {
    let week = Week::parse("2026-W39").unwrap();
    assert_eq!(week.monday, d(2026, 9, 21));
    assert_eq!(week.sunday(), d(2026, 9, 27));
    assert_eq!(week.label(), "2026-W39");
    assert_eq!(Week::parse("2026w39"), Ok(week));
    assert_eq!(week.previous().label(), "2026-W38");
    assert_eq!(week.next().monday, d(2026, 9, 28));
    // ISO week 1 of 2027 starts on Monday 2027-01-04; 2026 has 53 weeks.
    assert_eq!(Week::parse("2027-W01").unwrap().monday, d(2027, 1, 4));
    assert_eq!(Week::parse("2026-W53").unwrap().monday, d(2026, 12, 28));
    assert_eq!(Week::of(d(2027, 1, 1)).label(), "2026-W53");
    for bad in ["2026-39", "2026-W54", "W39", "2026-Wxx", ""] {
        assert!(Week::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn months_parse_and_end_on_their_last_day() {
    let month = Month::parse("2026-09").unwrap();
    assert_eq!((month.first, month.last()), (d(2026, 9, 1), d(2026, 9, 30)));
    assert_eq!(Month::parse("2026-12").unwrap().last(), d(2026, 12, 31));
    assert_eq!(Month::parse("2028-02").unwrap().last(), d(2028, 2, 29));
    assert_eq!(Month::of(d(2026, 9, 24)).label(), "2026-09");
    for bad in ["2026-13", "2026", "09-2026x", ""] {
        assert!(Month::parse(bad).is_err(), "{bad}");
    }
}
