//! Durations as written in `baton.toml` and items: `24h`, `3d`, `2wd`.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A span of time in one of three units (SPEC §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Duration {
    /// `Nh`: N clock hours.
    Hours(u32),
    /// `Nd`: N calendar days.
    Days(u32),
    /// `Nwd`: N working days of the project calendar.
    WorkingDays(u32),
}

impl Duration {
    /// The number in front of the unit.
    pub fn amount(self) -> u32 {
        match self {
            Duration::Hours(n) | Duration::Days(n) | Duration::WorkingDays(n) => n,
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Duration::Hours(n) => write!(f, "{n}h"),
            Duration::Days(n) => write!(f, "{n}d"),
            Duration::WorkingDays(n) => write!(f, "{n}wd"),
        }
    }
}

impl FromStr for Duration {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let text = s.trim();
        let digits = text.chars().take_while(char::is_ascii_digit).count();
        let (number, unit) = text.split_at(digits);
        let bad = || {
            format!(
                "`{s}` is not a duration: write a whole number and a unit, as in 24h, 3d or 2wd"
            )
        };
        if number.is_empty() {
            return Err(bad());
        }
        let n: u32 = number
            .parse()
            .map_err(|_| format!("`{s}` is too large for a duration"))?;
        match unit.trim() {
            "h" => Ok(Duration::Hours(n)),
            "d" => Ok(Duration::Days(n)),
            "wd" => Ok(Duration::WorkingDays(n)),
            _ => Err(bad()),
        }
    }
}

// Written as in TOML, so one `Deserialize` reads both TOML and the parse cache.
impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DurationVisitor;
        impl Visitor<'_> for DurationVisitor {
            type Value = Duration;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a duration such as \"24h\", \"3d\" or \"2wd\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Duration, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(DurationVisitor)
    }
}

impl JsonSchema for Duration {
    fn schema_name() -> Cow<'static, str> {
        "Duration".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^\\s*[0-9]+\\s*(h|d|wd)\\s*$",
            "description": "A duration: Nh (clock hours), Nd (calendar days) or Nwd (working days)."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_units() {
        assert_eq!("24h".parse(), Ok(Duration::Hours(24)));
        assert_eq!("3d".parse(), Ok(Duration::Days(3)));
        assert_eq!(" 2wd ".parse(), Ok(Duration::WorkingDays(2)));
        assert_eq!("0wd".parse(), Ok(Duration::WorkingDays(0)));
        assert_eq!("1 wd".parse(), Ok(Duration::WorkingDays(1)));
    }

    #[test]
    fn rejects_what_is_not_a_duration() {
        for bad in [
            "",
            "wd",
            "2",
            "2w",
            "-1wd",
            "1.5h",
            "2 weeks",
            "99999999999wd",
        ] {
            assert!(bad.parse::<Duration>().is_err(), "{bad:?} parsed");
        }
    }

    #[test]
    fn displays_as_written() {
        assert_eq!(Duration::WorkingDays(3).to_string(), "3wd");
        assert_eq!(Duration::Hours(24).to_string(), "24h");
    }
}
