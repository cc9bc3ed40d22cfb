//! Date and time values as written in item files.
//!
//! TOML has native dates and times (`due = 2026-07-08`,
//! `at = 2026-07-05T16:40:00+08:00`); quoted strings in the same formats are
//! accepted too. What a value means (a bare date as a deadline is the end of
//! the working day) is decided later by [`crate::time::Clock`], which knows
//! the project's time zone and working hours.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone,
    Timelike,
};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A point in time as written: a date, a local date-time (in the project's
/// time zone), or a date-time with an offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum When {
    /// `2026-07-08`: a whole day.
    Date(NaiveDate),
    /// `2026-07-08T17:00:00`: a local time in the project's time zone.
    Local(NaiveDateTime),
    /// `2026-07-08T17:00:00+08:00`: an exact instant.
    Offset(DateTime<FixedOffset>),
}

impl When {
    /// The calendar date as written (for an offset time, the date in that offset).
    pub fn written_date(&self) -> NaiveDate {
        match self {
            When::Date(d) => *d,
            When::Local(dt) => dt.date(),
            When::Offset(dt) => dt.date_naive(),
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Date(d) => write!(f, "{d}"),
            When::Local(dt) => write!(f, "{}", dt.format("%Y-%m-%dT%H:%M:%S")),
            When::Offset(dt) => write!(f, "{}", dt.to_rfc3339()),
        }
    }
}

/// A calendar date only (`start = 2026-07-02`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Day(pub NaiveDate);

/// A wall-clock time of day, written `"HH:MM"` (`workday.end = "18:00"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockTime(pub NaiveTime);

fn from_toml(dt: &toml::value::Datetime) -> Result<When, String> {
    let date = |d: toml::value::Date| {
        NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
            .ok_or_else(|| format!("`{d}` is not a valid date"))
    };
    let time = |t: toml::value::Time| {
        NaiveTime::from_hms_nano_opt(
            u32::from(t.hour),
            u32::from(t.minute),
            u32::from(t.second.unwrap_or(0)),
            t.nanosecond.unwrap_or(0),
        )
        .ok_or_else(|| format!("`{t}` is not a valid time"))
    };
    match (dt.date, dt.time, dt.offset) {
        (Some(d), None, _) => Ok(When::Date(date(d)?)),
        (Some(d), Some(t), None) => Ok(When::Local(date(d)?.and_time(time(t)?))),
        (Some(d), Some(t), Some(offset)) => {
            let minutes = match offset {
                toml::value::Offset::Z => 0,
                toml::value::Offset::Custom { minutes } => i32::from(minutes),
            };
            let offset = FixedOffset::east_opt(minutes * 60)
                .ok_or_else(|| format!("`{offset}` is not a valid offset"))?;
            let local = date(d)?.and_time(time(t)?);
            local
                .and_local_timezone(offset)
                .single()
                .map(When::Offset)
                .ok_or_else(|| format!("`{dt}` is not a valid date-time"))
        }
        (None, _, _) => Err(format!(
            "expected a date or date-time, found the time of day `{dt}`"
        )),
    }
}

impl FromStr for When {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let parsed = toml::value::Datetime::from_str(s.trim()).map_err(|_| {
            format!("`{s}` is not a date (2026-07-08) or date-time (2026-07-08T17:00:00+08:00)")
        })?;
        from_toml(&parsed)
    }
}

/// Deserializes from a TOML datetime (which the `toml` crate presents as a
/// one-entry map) or from a string.
struct WhenVisitor;

impl<'de> Visitor<'de> for WhenVisitor {
    type Value = When;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date or date-time")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<When, E> {
        v.parse().map_err(E::custom)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<When, A::Error> {
        let datetime: toml::value::Datetime =
            Deserialize::deserialize(de::value::MapAccessDeserializer::new(&mut map))?;
        from_toml(&datetime).map_err(de::Error::custom)
    }
}

/// How the parse cache stores a [`When`]: days since 0001-01-01 (day 1),
/// seconds since midnight, nanoseconds, and the offset east of UTC in
/// seconds.
#[derive(Serialize, Deserialize)]
enum CachedWhen {
    Date(i32),
    Local(i32, u32, u32),
    Offset(i32, u32, u32, i32),
}

impl CachedWhen {
    fn of(when: &When) -> CachedWhen {
        let parts = |dt: NaiveDateTime| {
            (
                dt.date().num_days_from_ce(),
                dt.time().num_seconds_from_midnight(),
                dt.time().nanosecond(),
            )
        };
        match when {
            When::Date(d) => CachedWhen::Date(d.num_days_from_ce()),
            When::Local(dt) => {
                let (d, s, n) = parts(*dt);
                CachedWhen::Local(d, s, n)
            }
            When::Offset(dt) => {
                let (d, s, n) = parts(dt.naive_local());
                CachedWhen::Offset(d, s, n, dt.offset().fix().local_minus_utc())
            }
        }
    }

    fn when(self) -> Option<When> {
        let local = |d: i32, s: u32, n: u32| {
            Some(
                NaiveDate::from_num_days_from_ce_opt(d)?
                    .and_time(NaiveTime::from_num_seconds_from_midnight_opt(s, n)?),
            )
        };
        Some(match self {
            CachedWhen::Date(d) => When::Date(NaiveDate::from_num_days_from_ce_opt(d)?),
            CachedWhen::Local(d, s, n) => When::Local(local(d, s, n)?),
            CachedWhen::Offset(d, s, n, o) => When::Offset(
                FixedOffset::east_opt(o)?
                    .from_local_datetime(&local(d, s, n)?)
                    .single()?,
            ),
        })
    }
}

impl Serialize for When {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        CachedWhen::of(self).serialize(serializer)
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        When::Date(self.0).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if !deserializer.is_human_readable() {
            return CachedWhen::deserialize(deserializer)?
                .when()
                .ok_or_else(|| de::Error::custom("an invalid date in the parse cache"));
        }
        deserializer.deserialize_any(WhenVisitor)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match When::deserialize(deserializer)? {
            When::Date(d) => Ok(Day(d)),
            other => Err(de::Error::custom(format!(
                "expected a date like 2026-07-08, found the date-time `{other}`"
            ))),
        }
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ClockVisitor;
        impl<'de> Visitor<'de> for ClockVisitor {
            type Value = ClockTime;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a time of day like \"18:00\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ClockTime, E> {
                NaiveTime::parse_from_str(v.trim(), "%H:%M")
                    .or_else(|_| NaiveTime::parse_from_str(v.trim(), "%H:%M:%S"))
                    .map(ClockTime)
                    .map_err(|_| E::custom(format!("`{v}` is not a time of day like \"18:00\"")))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ClockTime, A::Error> {
                let datetime: toml::value::Datetime =
                    Deserialize::deserialize(de::value::MapAccessDeserializer::new(&mut map))?;
                match (datetime.date, datetime.time) {
                    (None, Some(t)) => NaiveTime::from_hms_opt(
                        u32::from(t.hour),
                        u32::from(t.minute),
                        u32::from(t.second.unwrap_or(0)),
                    )
                    .map(ClockTime)
                    .ok_or_else(|| de::Error::custom(format!("`{t}` is not a valid time"))),
                    _ => Err(de::Error::custom(format!(
                        "expected a time of day like \"18:00\", found `{datetime}`"
                    ))),
                }
            }
        }
        deserializer.deserialize_any(ClockVisitor)
    }
}

/// A TOML date, optionally with a time and an offset (RFC 3339 as TOML
/// writes it; a space may separate date and time).
const DATE_TIME_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:[0-9]{2})?)?$";

impl JsonSchema for When {
    fn schema_name() -> Cow<'static, str> {
        "DateOrDateTime".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": DATE_TIME_PATTERN,
            "description": "A TOML date (2026-07-08), local date-time (2026-07-08T17:00:00, in project.timezone) or offset date-time (2026-07-08T17:00:00+08:00)."
        })
    }
}

impl JsonSchema for Day {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "format": "date",
            "description": "A TOML date such as 2026-07-08."
        })
    }
}

impl JsonSchema for ClockTime {
    fn schema_name() -> Cow<'static, str> {
        "TimeOfDay".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$",
            "description": "A time of day, \"HH:MM\"."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Doc {
        at: When,
    }

    fn at(toml_text: &str) -> Result<When, String> {
        toml::from_str::<Doc>(toml_text)
            .map(|d| d.at)
            .map_err(|e| e.message().to_string())
    }

    #[test]
    fn accepts_native_toml_dates_and_times() {
        let d = NaiveDate::from_ymd_opt(2026, 7, 8).unwrap();
        assert_eq!(at("at = 2026-07-08").unwrap(), When::Date(d));
        assert_eq!(
            at("at = 2026-07-08T17:00:00").unwrap(),
            When::Local(d.and_hms_opt(17, 0, 0).unwrap())
        );
        let When::Offset(dt) = at("at = 2026-07-08T17:00:00+08:00").unwrap() else {
            panic!("expected an offset date-time");
        };
        assert_eq!(dt.to_rfc3339(), "2026-07-08T17:00:00+08:00");
        let When::Offset(utc) = at("at = 2026-07-08T09:00:00Z").unwrap() else {
            panic!("expected an offset date-time");
        };
        assert_eq!(utc, dt);
    }

    #[test]
    fn accepts_quoted_dates() {
        let d = NaiveDate::from_ymd_opt(2026, 7, 8).unwrap();
        assert_eq!(at("at = \"2026-07-08\"").unwrap(), When::Date(d));
    }

    #[test]
    fn rejects_times_without_dates_and_garbage() {
        assert!(at("at = 10:00:00").unwrap_err().contains("time of day"));
        assert!(
            at("at = \"next week\"")
                .unwrap_err()
                .contains("is not a date")
        );
        assert!(at("at = 3").is_err());
    }

    #[test]
    fn day_rejects_date_times() {
        #[derive(Debug, Deserialize)]
        struct D {
            #[allow(dead_code)]
            start: Day,
        }
        let err = toml::from_str::<D>("start = 2026-07-08T10:00:00").unwrap_err();
        assert!(
            err.message().contains("expected a date"),
            "{}",
            err.message()
        );
    }

    #[test]
    fn clock_time_parses_hh_mm() {
        #[derive(Debug, Deserialize)]
        struct C {
            end: ClockTime,
        }
        let c: C = toml::from_str("end = \"18:00\"").unwrap();
        assert_eq!(c.end.0, NaiveTime::from_hms_opt(18, 0, 0).unwrap());
        let c: C = toml::from_str("end = 18:30:00").unwrap();
        assert_eq!(c.end.0, NaiveTime::from_hms_opt(18, 30, 0).unwrap());
        assert!(toml::from_str::<C>("end = \"6pm\"").is_err());
    }
}
