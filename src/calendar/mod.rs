//! Working-day calendars: weekly working days, holidays, and make-up
//! working days (调休).
//!
//! A [`Calendar`] answers "is this a working day", "how many working days
//! lie between these dates" and "which is the N-th working day after this
//! date" without walking day by day: the weekly pattern is counted
//! arithmetically and the exceptions (holidays on weekly working days,
//! working days on weekly days off) are a sorted list with prefix sums. So
//! a 100,000-working-day effort costs the same as a 1-day one, and a
//! calendar without any working day answers `None` instead of looping.

mod builtin;
pub mod import;
#[rustfmt::skip]
mod cn_data;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, NaiveDate, Weekday};

pub use builtin::{BUILTIN_IDS, builtin};

/// The years a calendar has holiday data for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    /// The calendar is meant to have no holidays (only weekly days off).
    AllYears,
    /// Holiday data exists for these years only.
    Years(BTreeSet<i32>),
}

impl Coverage {
    /// Whether `year` has holiday data.
    pub fn covers(&self, year: i32) -> bool {
        match self {
            Coverage::AllYears => true,
            Coverage::Years(years) => years.contains(&year),
        }
    }
}

/// A resolved working calendar.
#[derive(Debug, Clone)]
pub struct Calendar {
    id: String,
    /// Working days of the week, Monday first.
    weekly: [bool; 7],
    /// Days whose status differs from the weekly pattern, sorted.
    exceptions: Vec<(NaiveDate, bool)>,
    /// `prefix[i]` = net working days added by `exceptions[..i]`.
    prefix: Vec<i64>,
    /// Holiday names, for messages.
    names: BTreeMap<NaiveDate, String>,
    coverage: Coverage,
}

/// Builds a [`Calendar`] from a weekly pattern and explicit days.
#[derive(Debug, Clone)]
pub struct CalendarBuilder {
    id: String,
    weekly: [bool; 7],
    /// Explicit days: `true` = working, `false` = day off.
    days: BTreeMap<NaiveDate, bool>,
    names: BTreeMap<NaiveDate, String>,
    coverage: Coverage,
}

impl CalendarBuilder {
    /// A calendar working Monday to Friday with no holidays.
    pub fn new(id: impl Into<String>) -> Self {
        CalendarBuilder {
            id: id.into(),
            weekly: [true, true, true, true, true, false, false],
            days: BTreeMap::new(),
            names: BTreeMap::new(),
            coverage: Coverage::AllYears,
        }
    }

    /// Starts from `base`, under a new id (a calendar that `extends` another).
    pub fn extending(id: impl Into<String>, base: &Calendar) -> Self {
        CalendarBuilder {
            id: id.into(),
            weekly: base.weekly,
            days: base.exceptions.iter().copied().collect(),
            names: base.names.clone(),
            coverage: base.coverage.clone(),
        }
    }

    /// Sets the weekly working days.
    pub fn weekdays(mut self, days: &[Weekday]) -> Self {
        self.weekly = [false; 7];
        for day in days {
            self.weekly[day.num_days_from_monday() as usize] = true;
        }
        self
    }

    /// Marks `date` as a day off.
    pub fn holiday(mut self, date: NaiveDate, name: Option<&str>) -> Self {
        self.days.insert(date, false);
        if let Some(name) = name {
            self.names.insert(date, name.to_string());
        }
        self
    }

    /// Marks `date` as a working day.
    pub fn workday(mut self, date: NaiveDate) -> Self {
        self.days.insert(date, true);
        self.names.remove(&date);
        self
    }

    /// Declares holiday data to exist for `years` (adds to inherited coverage).
    pub fn covering(mut self, years: impl IntoIterator<Item = i32>) -> Self {
        let mut set = match self.coverage {
            Coverage::Years(set) => set,
            Coverage::AllYears => BTreeSet::new(),
        };
        set.extend(years);
        self.coverage = Coverage::Years(set);
        self
    }

    /// The calendar.
    pub fn build(self) -> Calendar {
        let weekly = self.weekly;
        let exceptions: Vec<(NaiveDate, bool)> = self
            .days
            .into_iter()
            .filter(|(date, working)| weekly[weekday_index(*date)] != *working)
            .collect();
        let mut prefix = Vec::with_capacity(exceptions.len() + 1);
        let mut sum = 0;
        prefix.push(0);
        for (_, working) in &exceptions {
            sum += if *working { 1 } else { -1 };
            prefix.push(sum);
        }
        Calendar {
            id: self.id,
            weekly,
            exceptions,
            prefix,
            names: self.names,
            coverage: self.coverage,
        }
    }
}

fn weekday_index(date: NaiveDate) -> usize {
    date.weekday().num_days_from_monday() as usize
}

/// Days since 0001-01-01 (a Monday), the axis of all counting.
fn ordinal(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - 1
}

impl Calendar {
    /// The calendar's id ("cn", or a file stem).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Which years have holiday data.
    pub fn coverage(&self) -> &Coverage {
        &self.coverage
    }

    /// Whether `date` is a working day.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        match self.exceptions.binary_search_by_key(&date, |(d, _)| *d) {
            Ok(i) => self.exceptions[i].1,
            Err(_) => self.weekly[weekday_index(date)],
        }
    }

    /// The holiday name of `date`, if it has one.
    pub fn holiday_name(&self, date: NaiveDate) -> Option<&str> {
        self.names.get(&date).map(String::as_str)
    }

    /// The weekly pattern: which days of the week are working days, Monday first.
    pub fn weekly_working_days(&self) -> [bool; 7] {
        self.weekly
    }

    /// The days in `[from, to]` whose status differs from the weekly pattern,
    /// in date order: `(date, true)` is a working day on a weekly day off
    /// (a make-up day, 调休), `(date, false)` a holiday on a weekly working day.
    pub fn exceptions_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> impl Iterator<Item = (NaiveDate, bool)> + '_ {
        let first = self.exceptions.partition_point(|(d, _)| *d < from);
        self.exceptions[first..]
            .iter()
            .copied()
            .take_while(move |(d, _)| *d <= to)
    }

    /// Whether the calendar has any working day in its weekly pattern.
    fn has_weekly_working_days(&self) -> bool {
        self.weekly.iter().any(|w| *w)
    }

    /// Weekly working days in `[0, n)` of the ordinal axis (day 0 is a Monday).
    fn weekly_count_before(&self, n: i64) -> i64 {
        let per_week = self.weekly.iter().filter(|w| **w).count() as i64;
        let weeks = n.div_euclid(7);
        let rest = n.rem_euclid(7) as usize;
        weeks * per_week + self.weekly[..rest].iter().filter(|w| **w).count() as i64
    }

    /// Working days before `date` since the start of the axis (may be negative
    /// for exceptions only; only differences are meaningful).
    fn rank(&self, date: NaiveDate) -> i64 {
        let exceptions_before = self.exceptions.partition_point(|(d, _)| *d < date);
        self.weekly_count_before(ordinal(date)) + self.prefix[exceptions_before]
    }

    /// Working days in `[from, to)`; negative when `to` is before `from`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        self.rank(to) - self.rank(from)
    }

    /// The `n`-th working day strictly after `date` (`n` ≥ 1); `date` itself
    /// when `n` is 0. `None` when the calendar runs out of working days or
    /// dates.
    pub fn nth_working_day_after(&self, date: NaiveDate, n: u32) -> Option<NaiveDate> {
        if n == 0 {
            return Some(date);
        }
        let start = date.checked_add_days(Days::new(1))?;
        // Smallest x ≥ start with working_days_between(start, x + 1) ≥ n.
        let target = self.rank(start) + i64::from(n);
        self.first_date_with_rank_at_least(start, target, |c, x| c.rank_after(x))
    }

    /// The `n`-th working day strictly before `date` (`n` ≥ 1); `date` itself
    /// when `n` is 0.
    pub fn nth_working_day_before(&self, date: NaiveDate, n: u32) -> Option<NaiveDate> {
        if n == 0 {
            return Some(date);
        }
        // Working days in [x, date) must reach n: the largest such x.
        let end_rank = self.rank(date);
        let mut low_step: u64 = 8;
        let mut low = loop {
            let candidate = date.checked_sub_days(Days::new(low_step))?;
            if end_rank - self.rank(candidate) >= i64::from(n) {
                break candidate;
            }
            if !self.has_weekly_working_days()
                && self.exceptions.first().is_none_or(|(d, _)| *d >= candidate)
            {
                return None;
            }
            low_step = low_step.checked_mul(2)?;
        };
        // Binary search the largest x in [low, date) with count(x) ≥ n.
        let mut high = date; // count(high) = 0 < n
        while high.signed_duration_since(low).num_days() > 1 {
            let mid = low.checked_add_days(Days::new(
                (high.signed_duration_since(low).num_days() / 2) as u64,
            ))?;
            if end_rank - self.rank(mid) >= i64::from(n) {
                low = mid;
            } else {
                high = mid;
            }
        }
        Some(low)
    }

    /// Rank of the day after `x` (working days in `[.., x]`).
    fn rank_after(&self, x: NaiveDate) -> i64 {
        match x.checked_add_days(Days::new(1)) {
            Some(next) => self.rank(next),
            None => self.rank(x) + i64::from(self.is_working_day(x)),
        }
    }

    /// Smallest date x ≥ `start` with `f(x)` ≥ `target`, `f` non-decreasing.
    fn first_date_with_rank_at_least(
        &self,
        start: NaiveDate,
        target: i64,
        f: impl Fn(&Calendar, NaiveDate) -> i64,
    ) -> Option<NaiveDate> {
        if f(self, start) >= target {
            return Some(start);
        }
        let mut step: u64 = 8;
        let mut high = loop {
            let candidate = start.checked_add_days(Days::new(step))?;
            if f(self, candidate) >= target {
                break candidate;
            }
            if !self.has_weekly_working_days()
                && self.exceptions.last().is_none_or(|(d, _)| *d < candidate)
            {
                return None;
            }
            step = step.checked_mul(2)?;
        };
        let mut low = start; // f(low) < target
        while high.signed_duration_since(low).num_days() > 1 {
            let mid = low.checked_add_days(Days::new(
                (high.signed_duration_since(low).num_days() / 2) as u64,
            ))?;
            if f(self, mid) >= target {
                high = mid;
            } else {
                low = mid;
            }
        }
        Some(high)
    }
}

#[cfg(test)]
mod tests;
