//! Built-in calendars.

use chrono::NaiveDate;

use super::{Calendar, CalendarBuilder, cn_data};

/// Ids of the built-in calendars.
pub const BUILTIN_IDS: &[&str] = &["cn", "weekdays"];

/// A built-in calendar by id:
/// - `cn`: mainland China, Monday to Friday plus the official public
///   holidays and make-up working days (调休) of every year in
///   [`cn_data::YEARS`], generated from the PyPI package `chinesecalendar`
///   by `scripts/gen_cn_calendar.py`;
/// - `weekdays`: Monday to Friday, no holidays.
pub fn builtin(id: &str) -> Option<Calendar> {
    match id {
        "cn" => Some(cn()),
        "weekdays" => Some(CalendarBuilder::new("weekdays").build()),
        _ => None,
    }
}

fn cn() -> Calendar {
    let date = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d);
    let (first, last) = cn_data::YEARS;
    let mut builder = CalendarBuilder::new("cn").covering(first..=last);
    for &(y, m, d, name) in cn_data::HOLIDAYS {
        if let Some(day) = date((y, m, d)) {
            builder = builder.holiday(day, Some(name));
        }
    }
    for &(y, m, d, _) in cn_data::WORKDAYS {
        if let Some(day) = date((y, m, d)) {
            builder = builder.workday(day);
        }
    }
    builder.build()
}
