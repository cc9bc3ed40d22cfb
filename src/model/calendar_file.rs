//! `calendars/*.toml`: a working calendar that may extend another.

use std::borrow::Cow;

use chrono::NaiveDate;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer};

use crate::parse::{Day, Sp};

/// A working calendar file.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarFile {
    /// The calendar this one extends: a built-in id ("cn") or another file stem.
    pub extends: Option<Sp<String>>,
    /// Weekly working days; default (or inherited) Monday to Friday.
    pub weekdays: Option<Vec<Sp<WeekdayName>>>,
    /// Years whose whole official schedule this file holds (no S006 for
    /// them). A company day off does not make a year known.
    #[serde(default)]
    pub years: Vec<Sp<i32>>,
    /// Extra days off: dates, or ranges with a name
    /// (`{ from = 2027-02-05, to = 2027-02-13, name = "春节" }`).
    #[serde(default)]
    pub holidays: Vec<Sp<DaySpan>>,
    /// Extra working days, such as a Saturday worked (调休): dates or ranges.
    #[serde(default)]
    pub workdays: Vec<Sp<DaySpan>>,
}

/// Longest range a calendar entry may span, in days.
pub const MAX_SPAN_DAYS: i64 = 366;

/// A day or a range of days in a calendar file, with an optional name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DaySpan {
    /// The first day.
    pub from: NaiveDate,
    /// The last day (the same as `from` for a single date).
    pub to: NaiveDate,
    /// What it is (`春节`, `司庆日`).
    pub name: Option<String>,
}

impl DaySpan {
    /// Every day of the span, in order (empty when `to` is before `from`).
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.from.iter_days().take_while(move |d| *d <= self.to)
    }
}

fn date_of<E: de::Error>(value: &toml::Value, field: &str) -> Result<NaiveDate, E> {
    let text = match value {
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::String(s) => s.clone(),
        other => {
            return Err(E::custom(format!(
                "`{field}` must be a date like 2027-02-05, found {}",
                other.type_str()
            )));
        }
    };
    match text.parse::<crate::parse::When>() {
        Ok(crate::parse::When::Date(d)) => Ok(d),
        _ => Err(E::custom(format!(
            "`{field}` must be a date like 2027-02-05, found `{text}`"
        ))),
    }
}

impl<'de> Deserialize<'de> for DaySpan {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = toml::Value::deserialize(deserializer)?;
        let toml::Value::Table(table) = &value else {
            let day = date_of::<D::Error>(&value, "date")?;
            return Ok(DaySpan {
                from: day,
                to: day,
                name: None,
            });
        };
        for key in table.keys() {
            if !matches!(key.as_str(), "from" | "to" | "name") {
                return Err(de::Error::custom(format!(
                    "unknown key `{key}` in a range of days (expected `from`, `to` and `name`)"
                )));
            }
        }
        let from = match table.get("from") {
            Some(v) => date_of::<D::Error>(v, "from")?,
            None => return Err(de::Error::custom("a range of days needs `from`")),
        };
        let to = match table.get("to") {
            Some(v) => date_of::<D::Error>(v, "to")?,
            None => from,
        };
        if to < from {
            return Err(de::Error::custom(format!(
                "the range ends ({to}) before it starts ({from})"
            )));
        }
        if (to - from).num_days() >= MAX_SPAN_DAYS {
            return Err(de::Error::custom(format!(
                "the range {from} – {to} is longer than a year"
            )));
        }
        let name = match table.get("name") {
            Some(toml::Value::String(s)) => Some(s.clone()),
            Some(other) => {
                return Err(de::Error::custom(format!(
                    "`name` must be a string, found {}",
                    other.type_str()
                )));
            }
            None => None,
        };
        Ok(DaySpan { from, to, name })
    }
}

impl JsonSchema for DaySpan {
    fn schema_name() -> Cow<'static, str> {
        "DateOrRange".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let date = generator.subschema_for::<Day>();
        json_schema!({
            "description": "A date, or a range of dates with a name.",
            "anyOf": [
                date,
                {
                    "type": "object",
                    "properties": {
                        "from": date,
                        "to": date,
                        "name": { "type": "string", "description": "What the days are (春节, 司庆日)." }
                    },
                    "required": ["from"],
                    "additionalProperties": false
                }
            ]
        })
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holidays_are_dates_or_named_ranges() {
        let file: CalendarFile = toml::from_str(
            "extends = \"cn\"\nyears = [2027]\nholidays = [2026-09-11, { from = 2027-02-05, to = 2027-02-13, name = \"春节\" }, \"2027-06-18\"]\n",
        )
        .unwrap();
        let spans: Vec<(String, usize, Option<String>)> = file
            .holidays
            .iter()
            .map(|h| (h.from.to_string(), h.days().count(), h.name.clone()))
            .collect();
        assert_eq!(
            spans,
            [
                ("2026-09-11".into(), 1, None),
                ("2027-02-05".into(), 9, Some("春节".into())),
                ("2027-06-18".into(), 1, None),
            ]
        );
        assert_eq!(file.years[0].get(), &2027);
    }

    #[test]
    fn bad_ranges_say_what_is_wrong() {
        let error = |text: &str| {
            toml::from_str::<CalendarFile>(text)
                .unwrap_err()
                .message()
                .to_string()
        };
        assert!(
            error("holidays = [{ from = 2027-02-13, to = 2027-02-05 }]")
                .contains("ends (2027-02-05) before it starts")
        );
        assert!(error("holidays = [{ form = 2027-02-13 }]").contains("unknown key `form`"));
        assert!(
            error("holidays = [{ from = 2027-01-01, to = 2029-01-01 }]")
                .contains("longer than a year")
        );
        assert!(error("holidays = [2027]").contains("must be a date"));
    }
}
