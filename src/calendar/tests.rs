use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn cn() -> Calendar {
    builtin("cn").unwrap()
}

#[test]
fn the_counting_axis_starts_on_a_monday() {
    assert_eq!(d(1, 1, 1).weekday(), Weekday::Mon);
    assert_eq!(ordinal(d(1, 1, 1)), 0);
}

#[test]
fn cn_knows_2026_holidays_and_make_up_days() {
    let cal = cn();
    assert!(!cal.is_working_day(d(2026, 10, 1)));
    assert!(!cal.is_working_day(d(2026, 10, 7)));
    assert!(cal.is_working_day(d(2026, 10, 8)));
    assert!(
        cal.is_working_day(d(2026, 10, 10)),
        "Saturday make-up working day"
    );
    assert!(
        cal.is_working_day(d(2026, 9, 20)),
        "Sunday make-up working day"
    );
    assert!(!cal.is_working_day(d(2026, 9, 25)), "Mid-Autumn Friday");
    assert_eq!(cal.holiday_name(d(2026, 10, 3)), Some("国庆节"));
    assert!(!cal.is_working_day(d(2026, 7, 4)), "ordinary Saturday");
}

/// Counts working days in [from, to) one day at a time.
fn naive_count(cal: &Calendar, from: NaiveDate, to: NaiveDate) -> i64 {
    let mut n = 0;
    let mut day = from;
    while day < to {
        if cal.is_working_day(day) {
            n += 1;
        }
        day = day.succ_opt().unwrap();
    }
    n
}

#[test]
fn counting_agrees_with_walking_day_by_day() {
    let cal = cn();
    let start = d(2023, 12, 20);
    for offset in (0..1200).step_by(7) {
        let from = start + Days::new(offset);
        for len in [0u64, 1, 2, 5, 13, 40, 400] {
            let to = from + Days::new(len);
            assert_eq!(
                cal.working_days_between(from, to),
                naive_count(&cal, from, to),
                "{from}..{to}"
            );
        }
    }
    assert_eq!(
        cal.working_days_between(d(2026, 1, 10), d(2026, 1, 5)),
        -naive_count(&cal, d(2026, 1, 5), d(2026, 1, 10))
    );
}

#[test]
fn nth_working_day_after_matches_a_day_by_day_walk() {
    let cal = cn();
    let mut date = d(2024, 1, 1);
    while date < d(2027, 1, 10) {
        for n in [1u32, 2, 3, 10, 30] {
            let mut walk = date;
            let mut left = n;
            while left > 0 {
                walk = walk.succ_opt().unwrap();
                if cal.is_working_day(walk) {
                    left -= 1;
                }
            }
            assert_eq!(
                cal.nth_working_day_after(date, n),
                Some(walk),
                "{n} after {date}"
            );
        }
        date = date + Days::new(3);
    }
}

#[test]
fn working_days_after_and_before_are_inverse() {
    let cal = cn();
    let mut date = d(2024, 12, 25);
    while date < d(2026, 12, 31) {
        for n in [1u32, 3, 17] {
            let after = cal.nth_working_day_after(date, n).unwrap();
            assert!(cal.is_working_day(after));
            assert_eq!(
                cal.working_days_between(date + Days::new(1), after + Days::new(1)),
                i64::from(n)
            );
            let back = cal.nth_working_day_before(after, n).unwrap();
            assert!(
                back <= date || !cal.is_working_day(date),
                "{n} after {date} is {after}, back {back}"
            );
            assert!(cal.is_working_day(back));
            assert_eq!(cal.working_days_between(back, after), i64::from(n));
        }
        date = date + Days::new(5);
    }
}

#[test]
fn friday_and_holiday_edges() {
    let cal = cn();
    // Friday → Monday.
    assert_eq!(
        cal.nth_working_day_after(d(2026, 7, 3), 1),
        Some(d(2026, 7, 6))
    );
    // Friday 09-18 → make-up Sunday 09-20.
    assert_eq!(
        cal.nth_working_day_after(d(2026, 9, 18), 1),
        Some(d(2026, 9, 20))
    );
    // Wednesday before National Day → Thursday 10-08.
    assert_eq!(
        cal.nth_working_day_after(d(2026, 9, 30), 1),
        Some(d(2026, 10, 8))
    );
    // A holiday itself counts from the next working day.
    assert_eq!(
        cal.nth_working_day_after(d(2026, 10, 3), 1),
        Some(d(2026, 10, 8))
    );
    // Three working days before Wednesday 09-23: 22, 21, and Sunday 20.
    assert_eq!(
        cal.nth_working_day_before(d(2026, 9, 23), 3),
        Some(d(2026, 9, 20))
    );
    assert_eq!(
        cal.nth_working_day_after(d(2026, 9, 18), 0),
        Some(d(2026, 9, 18))
    );
}

#[test]
fn huge_efforts_cost_no_more_than_small_ones() {
    let cal = cn();
    let far = cal.nth_working_day_after(d(2026, 1, 1), 100_000).unwrap();
    assert_eq!(
        cal.working_days_between(d(2026, 1, 2), far + Days::new(1)),
        100_000
    );
    // Four billion working days run past the last representable date.
    assert_eq!(cal.nth_working_day_after(d(2026, 1, 1), u32::MAX), None);
}

#[test]
fn a_calendar_without_working_days_answers_none() {
    let none = CalendarBuilder::new("none").weekdays(&[]).build();
    assert_eq!(none.nth_working_day_after(d(2026, 1, 1), 1), None);
    assert_eq!(none.nth_working_day_before(d(2026, 1, 1), 1), None);
    assert_eq!(none.working_days_between(d(2026, 1, 1), d(2027, 1, 1)), 0);
    // Only one explicit working day: the first exists, the second does not.
    let one = CalendarBuilder::new("one")
        .weekdays(&[])
        .workday(d(2026, 3, 3))
        .build();
    assert_eq!(
        one.nth_working_day_after(d(2026, 1, 1), 1),
        Some(d(2026, 3, 3))
    );
    assert_eq!(one.nth_working_day_after(d(2026, 1, 1), 2), None);
    assert_eq!(
        one.nth_working_day_before(d(2026, 5, 1), 1),
        Some(d(2026, 3, 3))
    );
}

#[test]
fn extending_overrides_both_ways() {
    let cal = CalendarBuilder::extending("acme", &cn())
        .holiday(d(2026, 8, 14), None)
        .workday(d(2026, 10, 5))
        .build();
    assert!(!cal.is_working_day(d(2026, 8, 14)));
    assert!(cal.is_working_day(d(2026, 10, 5)));
    assert!(cal.is_working_day(d(2026, 10, 10)));
    assert_eq!(cal.id(), "acme");
    assert!(cal.coverage().covers(2026));
    assert!(!cal.coverage().covers(2031));
}

#[test]
fn dates_at_the_ends_of_the_range_do_not_panic() {
    let cal = cn();
    let first = d(1, 1, 1);
    let last = d(9999, 12, 31);
    assert!(cal.working_days_between(first, last) > 0);
    assert!(cal.nth_working_day_after(last, 5).is_some());
    assert!(cal.nth_working_day_before(first, 5).is_some());
    assert!(cal.nth_working_day_after(NaiveDate::MAX, 1).is_none());
    assert!(cal.nth_working_day_before(NaiveDate::MIN, 1).is_none());
}
