//! Time as SPEC §3 defines it: instants in the project's time zone,
//! deadlines on the working-day calendar, and "now".
//!
//! - A bare date used as a deadline means `workday.end` on that date; a bare
//!   date used as the time of an event (`at`, `since`, …) means
//!   `workday.start` on that date.
//! - `Nh` is N clock hours, `Nd` N calendar days (same local time), and
//!   `Nwd` after an instant is `workday.end` on the N-th working day
//!   strictly after its local date.
//! - `Nwd` before an instant is met when a notice's local date is on or
//!   before the N-th working day strictly before the instant's local date;
//!   `Nh`/`Nd` before are met at or before the instant minus the duration.

mod duration;
mod working_hours;

use chrono::{DateTime, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;

pub use duration::Duration;

use crate::calendar::Calendar;
use crate::messages::Late;
use crate::parse::When;

/// Working hours of a day.
#[derive(Debug, Clone, Copy)]
pub struct Workday {
    /// Start of a working day.
    pub start: NaiveTime,
    /// End of a working day; a date deadline means this time.
    pub end: NaiveTime,
    /// Daily progress cut-off.
    pub update_by: NaiveTime,
}

impl Default for Workday {
    fn default() -> Self {
        let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
        Workday {
            start: hm(9, 0),
            end: hm(18, 0),
            update_by: hm(17, 0),
        }
    }
}

/// The latest time a notice may be sent to be on time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeBy {
    /// Any time on or before this local date (working-day durations).
    Date(NaiveDate),
    /// At or before this instant (hour and day durations).
    Instant(DateTime<Tz>),
}

/// The project's time zone, working hours and calendar, and "now".
#[derive(Debug, Clone)]
pub struct Clock {
    /// Time zone of all local times.
    pub tz: Tz,
    /// Working hours.
    pub workday: Workday,
    /// Working calendar.
    pub calendar: Calendar,
    /// The instant the check is evaluated at.
    pub now: DateTime<Tz>,
}

impl Clock {
    /// The local date of an instant.
    pub fn local_date(&self, t: DateTime<Tz>) -> NaiveDate {
        t.date_naive()
    }

    /// The instant of a local date and time; in a daylight-saving gap the
    /// first valid time after it, in a fold the earlier one.
    pub fn at(&self, date: NaiveDate, time: NaiveTime) -> DateTime<Tz> {
        self.resolve_local(date.and_time(time))
    }

    fn resolve_local(&self, local: NaiveDateTime) -> DateTime<Tz> {
        let mut probe = local;
        // Gaps are at most a few hours; step forward through them.
        for _ in 0..48 {
            match self.tz.from_local_datetime(&probe) {
                LocalResult::Single(t) => return t,
                LocalResult::Ambiguous(early, _) => return early,
                LocalResult::None => {
                    probe = match probe.checked_add_signed(chrono::Duration::minutes(30)) {
                        Some(p) => p,
                        None => break,
                    }
                }
            }
        }
        self.tz.from_utc_datetime(&local)
    }

    /// End of the working day on `date`.
    pub fn end_of_day(&self, date: NaiveDate) -> DateTime<Tz> {
        self.at(date, self.workday.end)
    }

    /// When an event written as `when` happened (a date: the start of that working day).
    pub fn event(&self, when: &When) -> DateTime<Tz> {
        match when {
            When::Date(d) => self.at(*d, self.workday.start),
            When::Local(dt) => self.resolve_local(*dt),
            When::Offset(dt) => dt.with_timezone(&self.tz),
        }
    }

    /// The deadline written as `when` (a date: the end of that working day).
    pub fn deadline(&self, when: &When) -> DateTime<Tz> {
        match when {
            When::Date(d) => self.end_of_day(*d),
            other => self.event(other),
        }
    }

    /// `duration` after `t`. `None` when the calendar has no such working day
    /// or the result is out of range.
    pub fn after(&self, t: DateTime<Tz>, duration: Duration) -> Option<DateTime<Tz>> {
        match duration {
            Duration::Hours(n) => t.checked_add_signed(chrono::Duration::hours(i64::from(n))),
            Duration::Days(n) => {
                let local = t.naive_local().checked_add_days(Days::new(u64::from(n)))?;
                Some(self.resolve_local(local))
            }
            Duration::WorkingDays(n) => {
                let day = self.calendar.nth_working_day_after(self.local_date(t), n)?;
                Some(self.end_of_day(day))
            }
        }
    }

    /// The latest a notice may be sent for something at `t` with `duration`
    /// of notice.
    pub fn notice_by(&self, t: DateTime<Tz>, duration: Duration) -> Option<NoticeBy> {
        match duration {
            Duration::Hours(n) => t
                .checked_sub_signed(chrono::Duration::hours(i64::from(n)))
                .map(NoticeBy::Instant),
            Duration::Days(n) => {
                let local = t.naive_local().checked_sub_days(Days::new(u64::from(n)))?;
                Some(NoticeBy::Instant(self.resolve_local(local)))
            }
            Duration::WorkingDays(n) => self
                .calendar
                .nth_working_day_before(self.local_date(t), n)
                .map(NoticeBy::Date),
        }
    }

    /// Whether a notice sent at `sent` meets `by`.
    pub fn meets(&self, sent: DateTime<Tz>, by: NoticeBy) -> bool {
        match by {
            NoticeBy::Date(d) => self.local_date(sent) <= d,
            NoticeBy::Instant(i) => sent <= i,
        }
    }

    /// Whether `by` has passed at now (a notice could no longer be on time).
    pub fn has_passed(&self, by: NoticeBy) -> bool {
        match by {
            NoticeBy::Date(d) => self.local_date(self.now) > d,
            NoticeBy::Instant(i) => self.now > i,
        }
    }

    /// How late `now` (or any `t`) is after `deadline`.
    pub fn late(&self, deadline: DateTime<Tz>, t: DateTime<Tz>) -> Late {
        let working_days = self
            .calendar
            .working_days_between(self.local_date(deadline), self.local_date(t))
            .max(0);
        let hours = t.signed_duration_since(deadline).num_hours().max(0);
        Late {
            working_days,
            hours,
        }
    }

    /// Working days from now's date to the deadline's date (0 when due today).
    pub fn working_days_until(&self, deadline: DateTime<Tz>) -> i64 {
        self.calendar
            .working_days_between(self.local_date(self.now), self.local_date(deadline))
            .max(0)
    }

    /// An instant for messages: `2026-07-08 18:00` in the project's zone.
    pub fn show(&self, t: DateTime<Tz>) -> String {
        t.format("%Y-%m-%d %H:%M").to_string()
    }

    /// A notice limit for messages.
    pub fn show_notice_by(&self, by: NoticeBy) -> String {
        match by {
            NoticeBy::Date(d) => d.to_string(),
            NoticeBy::Instant(i) => self.show(i),
        }
    }
}

/// `text` with a leap second `:60` written as `:59.999999999`, when it has one.
fn leap_second(text: &str) -> Option<String> {
    let t = text.find(['T', 't', ' '])?;
    let time = &text[t + 1..];
    let colon = time.match_indices(':').nth(1)?.0;
    let seconds = time.get(colon + 1..colon + 3)?;
    if seconds != "60" {
        return None;
    }
    let rest = &time[colon + 3..];
    // Any fraction of the leap second is still the last moment.
    let rest = rest.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    Some(format!(
        "{}{}59.999999999{rest}",
        &text[..=t],
        &time[..=colon]
    ))
}

/// Parses `--now` / `BATON_NOW`: an RFC 3339 date-time, a local date-time
/// (in the project's zone) or a date (its midnight).
pub fn parse_now(text: &str, tz: Tz) -> Result<DateTime<Tz>, String> {
    // A leap second (`23:59:60`, which RFC 3339 allows) is read as the last
    // moment of its minute: TOML's and chrono's date-times have no 60th
    // second to compute with.
    let leap = leap_second(text);
    let text = leap.as_deref().unwrap_or(text);
    let when: When = text.parse().map_err(|_| {
        format!("`{text}` is not a time; write RFC 3339, e.g. 2026-07-07T10:00:00+08:00")
    })?;
    let clock_free = |local: NaiveDateTime| match tz.from_local_datetime(&local) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Ok(t),
        LocalResult::None => Err(format!(
            "`{text}` does not exist in {tz} (daylight-saving gap)"
        )),
    };
    match when {
        When::Offset(dt) => Ok(dt.with_timezone(&tz)),
        When::Local(dt) => clock_free(dt),
        When::Date(d) => clock_free(d.and_time(NaiveTime::MIN)),
    }
}

#[cfg(test)]
mod tests;
