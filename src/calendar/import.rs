//! `baton calendar import`: an official holiday schedule in the holiday-cn
//! JSON format (<https://github.com/NateScarlet/holiday-cn>, transcribed
//! from the State Council's notices) → a calendar file that declares the
//! year covered.
//!
//! The format: `{"year": 2027, "papers": [urls], "days": [{"name": "春节",
//! "date": "2027-02-06", "isOffDay": true}, …]}`. Days off are listed with
//! `isOffDay: true`, make-up working days (调休) with `false`; ordinary
//! weekends are not listed. Days of a holiday that crosses the new year
//! sit in the next year's file. holiday-cn writes a file with empty
//! `papers` and `days` for a year whose notice is not out yet: that is an
//! error here, not a year without holidays.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{Days, NaiveDate};
use serde::Deserialize;

/// A holiday-cn file.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct HolidayFile {
    year: i32,
    #[serde(default)]
    papers: Vec<String>,
    days: Vec<HolidayDay>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct HolidayDay {
    name: String,
    date: String,
    is_off_day: bool,
}

/// Why a schedule could not be imported.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON of the expected shape.
    #[error("not a holiday-cn schedule: {detail} (line {line}, column {column})")]
    Format {
        /// What serde_json said.
        detail: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A date that is not `YYYY-MM-DD`.
    #[error("`{date}` is not a date like 2027-02-06 (day {index})")]
    Date {
        /// As written.
        date: String,
        /// 1-based position in `days`.
        index: usize,
    },
    /// The same date twice.
    #[error("{date} is listed twice")]
    Duplicate {
        /// The date.
        date: NaiveDate,
    },
    /// The schedule is empty: not published yet.
    #[error(
        "the file holds no schedule for {year}: holiday-cn writes an empty file until the State Council publishes the year's holidays"
    )]
    Empty {
        /// The year.
        year: i32,
    },
}

/// A run of consecutive days with the same name and status.
struct Run {
    from: NaiveDate,
    to: NaiveDate,
    name: String,
}

/// Converts a holiday-cn JSON document into a calendar file that extends
/// `extends` and declares its year covered.
pub fn holiday_cn_to_toml(json: &str, extends: &str) -> Result<String, ImportError> {
    let file: HolidayFile = serde_json::from_str(json).map_err(|e| ImportError::Format {
        detail: e
            .to_string()
            .split(" at line")
            .next()
            .unwrap_or("")
            .to_string(),
        line: e.line(),
        column: e.column(),
    })?;
    if file.days.is_empty() {
        return Err(ImportError::Empty { year: file.year });
    }
    let mut days: BTreeMap<NaiveDate, (bool, String)> = BTreeMap::new();
    for (i, day) in file.days.iter().enumerate() {
        let date = NaiveDate::parse_from_str(day.date.trim(), "%Y-%m-%d").map_err(|_| {
            ImportError::Date {
                date: day.date.clone(),
                index: i + 1,
            }
        })?;
        if days
            .insert(date, (day.is_off_day, day.name.trim().to_string()))
            .is_some()
        {
            return Err(ImportError::Duplicate { date });
        }
    }
    let runs = |off: bool| -> Vec<Run> {
        let mut out: Vec<Run> = Vec::new();
        for (date, (is_off, name)) in &days {
            if *is_off != off {
                continue;
            }
            match out.last_mut() {
                Some(run)
                    if run.name == *name
                        && run.to.checked_add_days(Days::new(1)) == Some(*date) =>
                {
                    run.to = *date;
                }
                _ => out.push(Run {
                    from: *date,
                    to: *date,
                    name: name.clone(),
                }),
            }
        }
        out
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Mainland China's official holidays and make-up working days (调休) for {},",
        file.year
    );
    let _ = writeln!(
        out,
        "# imported by `baton calendar import` from holiday-cn JSON. Source notices:"
    );
    for paper in &file.papers {
        let _ = writeln!(out, "#   {}", paper.replace(['\n', '\r'], " "));
    }
    let _ = writeln!(out, "extends = {}", toml_string(extends));
    let _ = writeln!(out, "years = [{}]", file.year);
    for (key, off) in [("holidays", true), ("workdays", false)] {
        let runs = runs(off);
        if runs.is_empty() {
            let _ = writeln!(out, "{key} = []");
            continue;
        }
        let _ = writeln!(out, "{key} = [");
        for run in runs {
            let _ = writeln!(
                out,
                "  {{ from = {}, to = {}, name = {} }},",
                run.from,
                run.to,
                toml_string(&run.name)
            );
        }
        let _ = writeln!(out, "]");
    }
    Ok(out)
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CalendarFile;

    /// holiday-cn's real 2026.json (the State Council notice of 2025-11-04),
    /// verbatim.
    const HOLIDAY_CN_2026: &str = include_str!("../../tests/fixtures/holiday-cn/2026.json");

    #[test]
    fn a_holiday_cn_file_becomes_named_ranges_and_a_covered_year() {
        let toml_text = holiday_cn_to_toml(HOLIDAY_CN_2026, "cn").unwrap();
        let file: CalendarFile = toml::from_str(&toml_text).unwrap();
        assert_eq!(file.extends.as_deref().map(String::as_str), Some("cn"));
        assert_eq!(
            file.years.iter().map(|y| *y.get()).collect::<Vec<_>>(),
            [2026]
        );
        let holidays: Vec<(String, String, Option<String>)> = file
            .holidays
            .iter()
            .map(|h| (h.from.to_string(), h.to.to_string(), h.name.clone()))
            .collect();
        assert_eq!(
            holidays[..2],
            [
                (
                    "2026-01-01".into(),
                    "2026-01-03".into(),
                    Some("元旦".into())
                ),
                (
                    "2026-02-15".into(),
                    "2026-02-23".into(),
                    Some("春节".into())
                ),
            ]
        );
        assert_eq!(holidays.len(), 7, "{holidays:?}");
        let workdays: Vec<String> = file.workdays.iter().map(|w| w.from.to_string()).collect();
        assert_eq!(
            workdays,
            [
                "2026-01-04",
                "2026-02-14",
                "2026-02-28",
                "2026-05-09",
                "2026-09-20",
                "2026-10-10"
            ]
        );
        assert!(toml_text.contains("content_7047091.htm"));
    }

    #[test]
    fn the_result_agrees_with_the_built_in_calendar() {
        let toml_text = holiday_cn_to_toml(HOLIDAY_CN_2026, "weekdays").unwrap();
        let file: CalendarFile = toml::from_str(&toml_text).unwrap();
        let builtin = crate::calendar::builtin("cn").unwrap();
        let mut imported = crate::calendar::CalendarBuilder::new("imported");
        for h in &file.holidays {
            for d in h.days() {
                imported = imported.holiday(d, h.name.as_deref());
            }
        }
        for w in &file.workdays {
            for d in w.days() {
                imported = imported.workday(d);
            }
        }
        let imported = imported.build();
        let mut day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        while day < NaiveDate::from_ymd_opt(2027, 1, 1).unwrap() {
            assert_eq!(
                imported.is_working_day(day),
                builtin.is_working_day(day),
                "{day}"
            );
            day = day.succ_opt().unwrap();
        }
    }

    #[test]
    fn empty_broken_or_duplicated_schedules_are_refused() {
        let empty = r#"{"year": 2027, "papers": [], "days": []}"#;
        assert_eq!(
            holiday_cn_to_toml(empty, "cn"),
            Err(ImportError::Empty { year: 2027 })
        );
        let broken =
            "{\"year\": 2027,\n \"days\": [\n  {\"name\": \"春节\", \"date\": \"2027-02-06\"}\n ]}";
        match holiday_cn_to_toml(broken, "cn") {
            Err(ImportError::Format { detail, line, .. }) => {
                assert!(detail.contains("isOffDay"), "{detail}");
                assert_eq!(line, 3);
            }
            other => panic!("{other:?}"),
        }
        let bad_date =
            r#"{"year": 2027, "days": [{"name": "春节", "date": "2027/02/06", "isOffDay": true}]}"#;
        assert!(matches!(
            holiday_cn_to_toml(bad_date, "cn"),
            Err(ImportError::Date { index: 1, .. })
        ));
        let twice = r#"{"year": 2027, "days": [{"name": "a", "date": "2027-02-06", "isOffDay": true}, {"name": "b", "date": "2027-02-06", "isOffDay": false}]}"#;
        assert!(matches!(
            holiday_cn_to_toml(twice, "cn"),
            Err(ImportError::Duplicate { .. })
        ));
    }
}
