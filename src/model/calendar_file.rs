//! `calendars/*.toml`: a working calendar that may extend another.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::parse::{Day, Sp};

/// A working calendar file.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarFile {
    /// The calendar this one extends: a built-in id ("cn") or another file stem.
    pub extends: Option<Sp<String>>,
    /// Weekly working days; default (or inherited) Monday to Friday.
    pub weekdays: Option<Vec<Sp<WeekdayName>>>,
    /// Extra days off.
    #[serde(default)]
    pub holidays: Vec<Sp<Day>>,
    /// Extra working days, such as a Saturday worked (调休).
    #[serde(default)]
    pub workdays: Vec<Sp<Day>>,
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum WeekdayName {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl WeekdayName {
    /// The chrono weekday.
    pub fn weekday(self) -> chrono::Weekday {
        match self {
            WeekdayName::Mon => chrono::Weekday::Mon,
            WeekdayName::Tue => chrono::Weekday::Tue,
            WeekdayName::Wed => chrono::Weekday::Wed,
            WeekdayName::Thu => chrono::Weekday::Thu,
            WeekdayName::Fri => chrono::Weekday::Fri,
            WeekdayName::Sat => chrono::Weekday::Sat,
            WeekdayName::Sun => chrono::Weekday::Sun,
        }
    }
}
