use chrono::{NaiveDate, NaiveTime};

use super::*;
use crate::calendar::builtin;

fn clock(now: &str) -> Clock {
    let tz = chrono_tz::Asia::Shanghai;
    Clock {
        tz,
        workday: Workday::default(),
        calendar: builtin("cn").unwrap(),
        now: parse_now(now, tz).unwrap(),
    }
}

fn t(c: &Clock, s: &str) -> chrono::DateTime<Tz> {
    parse_now(s, c.tz).unwrap()
}

#[test]
fn a_date_deadline_is_the_end_of_the_working_day_and_an_event_its_start() {
    let c = clock("2026-07-07T10:00:00+08:00");
    let date = When::Date(NaiveDate::from_ymd_opt(2026, 7, 8).unwrap());
    assert_eq!(c.show(c.deadline(&date)), "2026-07-08 18:00");
    assert_eq!(c.show(c.event(&date)), "2026-07-08 09:00");
}

#[test]
fn working_days_after_a_friday_and_around_holidays() {
    let c = clock("2026-07-07T10:00:00+08:00");
    let friday = t(&c, "2026-07-03T10:00:00+08:00");
    assert_eq!(
        c.show(c.after(friday, Duration::WorkingDays(1)).unwrap()),
        "2026-07-06 18:00"
    );
    // Late on Friday is still Friday's date.
    let late_friday = t(&c, "2026-07-03T23:30:00+08:00");
    assert_eq!(
        c.show(c.after(late_friday, Duration::WorkingDays(1)).unwrap()),
        "2026-07-06 18:00"
    );
    // A make-up Saturday counts.
    let friday_before_make_up = t(&c, "2026-10-09T10:00:00+08:00");
    assert_eq!(
        c.show(
            c.after(friday_before_make_up, Duration::WorkingDays(1))
                .unwrap()
        ),
        "2026-10-10 18:00"
    );
}

#[test]
fn hours_and_calendar_days() {
    let c = clock("2026-07-07T10:00:00+08:00");
    let start = t(&c, "2026-07-03T15:30:00+08:00");
    assert_eq!(
        c.show(c.after(start, Duration::Hours(24)).unwrap()),
        "2026-07-04 15:30"
    );
    assert_eq!(
        c.show(c.after(start, Duration::Days(3)).unwrap()),
        "2026-07-06 15:30"
    );
}

#[test]
fn notice_limits_before_an_instant() {
    let c = clock("2026-07-07T10:00:00+08:00");
    let meeting = t(&c, "2026-07-06T14:00:00+08:00");
    let by = c.notice_by(meeting, Duration::WorkingDays(3)).unwrap();
    assert_eq!(
        by,
        NoticeBy::Date(NaiveDate::from_ymd_opt(2026, 7, 1).unwrap())
    );
    assert!(c.meets(t(&c, "2026-07-01T23:00:00+08:00"), by));
    assert!(!c.meets(t(&c, "2026-07-02T08:00:00+08:00"), by));
    let by = c.notice_by(meeting, Duration::Hours(24)).unwrap();
    assert!(c.meets(t(&c, "2026-07-05T14:00:00+08:00"), by));
    assert!(!c.meets(t(&c, "2026-07-05T14:01:00+08:00"), by));
}

#[test]
fn lateness_counts_working_days() {
    let c = clock("2026-10-08T10:00:00+08:00");
    let due = t(&c, "2026-09-30T18:00:00+08:00");
    let late = c.late(due, c.now);
    assert_eq!(late.working_days, 1);
    assert!(late.hours > 24 * 7);
    assert_eq!(c.working_days_until(t(&c, "2026-10-09T18:00:00+08:00")), 1);
}

#[test]
fn now_accepts_rfc3339_local_and_dates_and_is_independent_of_the_machine_zone() {
    let tz = chrono_tz::Asia::Shanghai;
    let a = parse_now("2026-07-07T02:00:00Z", tz).unwrap();
    let b = parse_now("2026-07-07T10:00:00", tz).unwrap();
    assert_eq!(a, b);
    let d = parse_now("2026-07-07", tz).unwrap();
    assert_eq!(d.time(), NaiveTime::MIN);
    assert!(parse_now("tomorrow", tz).is_err());
}

#[test]
fn a_leap_second_in_now_is_the_last_moment_of_its_minute() {
    let tz = chrono_tz::Asia::Shanghai;
    let leap = parse_now("2016-12-31T23:59:60Z", tz).unwrap();
    let before = parse_now("2016-12-31T23:59:59Z", tz).unwrap();
    let after = parse_now("2017-01-01T00:00:00Z", tz).unwrap();
    assert!(before < leap && leap < after, "{leap}");
    assert!(parse_now("2016-12-31T23:59:60.5+00:00", tz).is_ok());
    assert!(parse_now("2016-12-31T23:59:61Z", tz).is_err());
}

#[test]
fn daylight_saving_gaps_resolve_forward() {
    let tz = chrono_tz::America::New_York;
    let c = Clock {
        tz,
        workday: Workday {
            start: NaiveTime::from_hms_opt(2, 30, 0).unwrap(),
            ..Workday::default()
        },
        calendar: builtin("weekdays").unwrap(),
        now: parse_now("2026-03-09T10:00:00-04:00", tz).unwrap(),
    };
    // 2026-03-08 02:30 does not exist in New York.
    let when = When::Date(NaiveDate::from_ymd_opt(2026, 3, 8).unwrap());
    assert_eq!(c.show(c.event(&when)), "2026-03-08 03:00");
    assert!(parse_now("2026-03-08T02:30:00", tz).is_err());
}
