//! The generator's time axis: the working days of 2026 on the built-in `cn`
//! calendar. Every generated date is one of them (except the due dates
//! planted for D005), so "N working days after" is index arithmetic.

use chrono::{Datelike, Days as ChronoDays, NaiveDate};

/// Check time of every generated repository (a Thursday), documented in
/// EXPECTED.json and examples/synth/main.rs.
pub const NOW: &str = "2026-11-12T10:00:00+08:00";
const NOW_DATE: (i32, u32, u32) = (2026, 11, 12);
const NOW_MINUTE: u32 = 10 * 60;

/// An instant: minute `min` of working day `day`, Asia/Shanghai (+08:00, no
/// daylight saving).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct At {
    /// Index into [`Days`].
    pub day: usize,
    /// Minutes after local midnight (below 24 × 60).
    pub min: u32,
}

impl At {
    /// Minute `min` of working day `day`.
    pub fn new(day: usize, min: u32) -> At {
        debug_assert!(min < 24 * 60, "{min} minutes is past midnight");
        At { day, min }
    }

    /// `minutes` later on the same day.
    pub fn plus(self, minutes: u32) -> At {
        At::new(self.day, self.min + minutes)
    }
}

/// The working days of 2026.
#[derive(Debug, Clone)]
pub struct Days {
    dates: Vec<NaiveDate>,
    /// The index of the day of [`NOW`].
    pub now_day: usize,
    calendar: baton::calendar::Calendar,
}

impl Days {
    /// The working days of 2026 on the `cn` calendar.
    pub fn new() -> Days {
        let calendar = baton::calendar::builtin("cn").expect("the cn calendar is built in");
        let first = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date");
        let dates: Vec<NaiveDate> = first
            .iter_days()
            .take_while(|d| d.year() == 2026)
            .filter(|d| calendar.is_working_day(*d))
            .collect();
        let now = NaiveDate::from_ymd_opt(NOW_DATE.0, NOW_DATE.1, NOW_DATE.2).expect("a date");
        let now_day = dates
            .iter()
            .position(|d| *d == now)
            .expect("NOW is a working day");
        Days {
            dates,
            now_day,
            calendar,
        }
    }

    /// Number of working days.
    pub fn len(&self) -> usize {
        self.dates.len()
    }

    /// The date of working day `day`.
    pub fn date(&self, day: usize) -> NaiveDate {
        self.dates[day]
    }

    /// "Now" as an instant.
    pub fn now(&self) -> At {
        At::new(self.now_day, NOW_MINUTE)
    }

    /// Whether the calendar day after working day `day` is a named holiday.
    pub fn holiday_after(&self, day: usize) -> bool {
        self.date(day)
            .checked_add_days(ChronoDays::new(1))
            .is_some_and(|next| self.calendar.holiday_name(next).is_some())
    }

    /// The day after working day `day`, when it is a day off of 2026.
    pub fn day_off_after(&self, day: usize) -> Option<NaiveDate> {
        let next = self.date(day).checked_add_days(ChronoDays::new(1))?;
        (next.year() == 2026 && !self.calendar.is_working_day(next)).then_some(next)
    }

    /// `2026-07-05T16:40:00+08:00`.
    pub fn stamp(&self, at: At) -> String {
        format!(
            "{}T{:02}:{:02}:00+08:00",
            self.date(at.day),
            at.min / 60,
            at.min % 60
        )
    }

    /// Seconds since the Unix epoch of `at`.
    pub fn epoch(&self, at: At) -> i64 {
        let midnight = self.date(at.day).and_hms_opt(0, 0, 0).expect("midnight");
        midnight.and_utc().timestamp() + i64::from(at.min) * 60 - 8 * 3600
    }
}
