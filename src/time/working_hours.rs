//! Working time between two instants: the minutes inside `workday.start`–
//! `workday.end` on working days of the calendar, the unit of service-level
//! statistics ("answered after 5.5 working hours").
//!
//! Counting is arithmetic, not a walk: the first and the last day are
//! clipped to their working hours, and every whole working day between them
//! counts `workday.end − workday.start` through
//! [`Calendar::working_days_between`](crate::calendar::Calendar::working_days_between),
//! so a span of years costs the same as a span of hours. Days between the
//! first and the last are counted on the wall clock: in a zone with
//! daylight saving, a working day on which the clocks change inside working
//! hours counts its wall-clock length (transitions happen at night in every
//! zone that has them, so this does not arise in practice); the first and
//! last days are exact instants.

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;

use super::Clock;

impl Clock {
    /// Minutes of working time from `from` to `to`: the part of
    /// `[from, to]` that lies inside `workday.start`–`workday.end` on
    /// working days. 0 when `to` is not after `from`, or when the workday
    /// is empty (`end` not after `start`).
    pub fn working_minutes(&self, from: DateTime<Tz>, to: DateTime<Tz>) -> i64 {
        let (open, close) = (self.workday.start, self.workday.end);
        if to <= from || close <= open {
            return 0;
        }
        let first = self.local_date(from);
        let last = self.local_date(to);
        let within = |date: NaiveDate| -> i64 {
            if !self.calendar.is_working_day(date) {
                return 0;
            }
            let start = self.at(date, open).max(from);
            let end = self.at(date, close).min(to);
            end.signed_duration_since(start).num_minutes().max(0)
        };
        if first >= last {
            return within(first);
        }
        let whole_days = match first.succ_opt() {
            Some(next) => self.calendar.working_days_between(next, last).max(0),
            None => 0,
        };
        let per_day = close.signed_duration_since(open).num_minutes();
        within(first) + whole_days * per_day + within(last)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveTime, TimeZone};

    use super::*;
    use crate::calendar::{CalendarBuilder, builtin};
    use crate::time::{Workday, parse_now};

    fn clock(tz: Tz, calendar: &str) -> Clock {
        Clock {
            tz,
            workday: Workday::default(),
            calendar: builtin(calendar).unwrap(),
            now: parse_now("2026-09-24T10:00:00+08:00", tz).unwrap(),
        }
    }

    fn cn() -> Clock {
        clock(chrono_tz::Asia::Shanghai, "cn")
    }

    fn t(c: &Clock, s: &str) -> DateTime<Tz> {
        parse_now(s, c.tz).unwrap()
    }

    fn hours(c: &Clock, from: &str, to: &str) -> f64 {
        c.working_minutes(t(c, from), t(c, to)) as f64 / 60.0
    }

    #[test]
    fn friday_evening_to_monday_morning_is_two_hours() {
        let c = cn();
        // Friday 17:00–18:00, then Monday 09:00–10:00; the weekend counts nothing.
        assert_eq!(
            hours(&c, "2026-07-03T17:00:00+08:00", "2026-07-06T10:00:00+08:00"),
            2.0
        );
        // After hours on Friday to before hours on Monday: nothing.
        assert_eq!(
            hours(&c, "2026-07-03T19:30:00+08:00", "2026-07-06T08:59:00+08:00"),
            0.0
        );
    }

    #[test]
    fn a_holiday_counts_nothing() {
        let c = cn();
        // Wednesday 2026-09-30 17:00 to Thursday 2026-10-08 10:00: National
        // Day (10-01..10-07) lies between, so one hour on each side.
        assert_eq!(
            hours(&c, "2026-09-30T17:00:00+08:00", "2026-10-08T10:00:00+08:00"),
            2.0
        );
        // Mid-Autumn Friday 2026-09-25 alone is no working time.
        assert_eq!(
            hours(&c, "2026-09-25T09:00:00+08:00", "2026-09-25T18:00:00+08:00"),
            0.0
        );
    }

    #[test]
    fn a_make_up_saturday_counts_a_whole_day() {
        let c = cn();
        // Friday 2026-10-09 17:00 to Monday 10-12 10:00: Saturday 10-10 is a
        // make-up working day (9 hours), Sunday is not.
        assert_eq!(
            hours(&c, "2026-10-09T17:00:00+08:00", "2026-10-12T10:00:00+08:00"),
            11.0
        );
        // The make-up Sunday 2026-09-20 by itself.
        assert_eq!(
            hours(&c, "2026-09-20T08:00:00+08:00", "2026-09-20T20:00:00+08:00"),
            9.0
        );
    }

    #[test]
    fn the_same_day_is_clipped_to_working_hours() {
        let c = cn();
        assert_eq!(
            hours(&c, "2026-09-08T10:00:00+08:00", "2026-09-08T15:20:00+08:00"),
            5.0 + 20.0 / 60.0
        );
        assert_eq!(
            hours(&c, "2026-09-08T06:00:00+08:00", "2026-09-08T23:00:00+08:00"),
            9.0
        );
        // Backwards or empty spans are zero, never negative.
        assert_eq!(
            hours(&c, "2026-09-08T15:00:00+08:00", "2026-09-08T10:00:00+08:00"),
            0.0
        );
        assert_eq!(
            hours(&c, "2026-09-08T15:00:00+08:00", "2026-09-08T15:00:00+08:00"),
            0.0
        );
    }

    #[test]
    fn instants_in_other_zones_are_read_in_the_project_zone() {
        let c = cn();
        // 02:00Z is 10:00 in Shanghai; 07:00Z is 15:00.
        let from = chrono::Utc
            .with_ymd_and_hms(2026, 9, 8, 2, 0, 0)
            .unwrap()
            .with_timezone(&c.tz);
        let to = chrono::Utc
            .with_ymd_and_hms(2026, 9, 8, 7, 0, 0)
            .unwrap()
            .with_timezone(&c.tz);
        assert_eq!(c.working_minutes(from, to), 5 * 60);
    }

    #[test]
    fn a_whole_year_is_its_working_days_times_the_workday() {
        let c = cn();
        let days = c.calendar.working_days_between(
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
        );
        assert_eq!(
            c.working_minutes(
                t(&c, "2026-01-01T00:00:00+08:00"),
                t(&c, "2026-12-31T23:59:00+08:00")
            ),
            days * 9 * 60
        );
    }

    #[test]
    fn an_empty_workday_counts_nothing() {
        let mut c = cn();
        c.workday.end = c.workday.start;
        assert_eq!(
            hours(&c, "2026-09-07T09:00:00+08:00", "2026-09-11T18:00:00+08:00"),
            0.0
        );
        c.workday.end = NaiveTime::from_hms_opt(8, 0, 0).unwrap();
        assert_eq!(
            hours(&c, "2026-09-07T09:00:00+08:00", "2026-09-11T18:00:00+08:00"),
            0.0
        );
    }

    #[test]
    fn a_daylight_saving_change_at_night_does_not_shift_working_hours() {
        // New York springs forward on Sunday 2026-03-08 at 02:00.
        let c = clock(chrono_tz::America::New_York, "weekdays");
        assert_eq!(
            hours(&c, "2026-03-06T09:00:00-05:00", "2026-03-09T18:00:00-04:00"),
            18.0
        );
    }

    /// Minute by minute (well, quarter hour by quarter hour) over a calendar
    /// with holidays and a make-up day, against the arithmetic.
    #[test]
    fn agrees_with_walking_quarter_hours() {
        let base = builtin("cn").unwrap();
        let calendar = CalendarBuilder::extending("test", &base)
            .holiday(NaiveDate::from_ymd_opt(2026, 9, 9).unwrap(), None)
            .workday(NaiveDate::from_ymd_opt(2026, 9, 12).unwrap())
            .build();
        let mut c = cn();
        c.calendar = calendar;
        c.workday.start = NaiveTime::from_hms_opt(8, 30, 0).unwrap();
        c.workday.end = NaiveTime::from_hms_opt(17, 45, 0).unwrap();
        let walk = |from: DateTime<Tz>, to: DateTime<Tz>| -> i64 {
            let mut minutes = 0;
            let mut at = from;
            while at < to {
                let local = at.naive_local();
                let time = local.time();
                if c.calendar.is_working_day(local.date())
                    && time >= c.workday.start
                    && time < c.workday.end
                {
                    minutes += 15;
                }
                at += chrono::Duration::minutes(15);
            }
            minutes
        };
        let origin = t(&c, "2026-09-07T00:00:00+08:00");
        for start in (0..14 * 24 * 4).step_by(7) {
            let from = origin + chrono::Duration::minutes(15 * start);
            for length in [0_i64, 1, 3, 20, 37, 96, 200, 500] {
                let to = from + chrono::Duration::minutes(15 * length);
                assert_eq!(c.working_minutes(from, to), walk(from, to), "{from} → {to}");
            }
        }
    }
}
