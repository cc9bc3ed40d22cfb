//! The periodic reports of seed 000's rhythm: 项目周报, the weekly report
//! for the Monday project meeting ("各部门负责人汇报上周任务完成情况、本周计划及
//! 风险"), and 月度复盘报告, the month-end review ("回顾月度目标达成情况、协作
//! 问题及改进措施").
//!
//! [`weekly::Weekly`] and [`monthly::Monthly`] gather the facts from the
//! items (update logs, reviews, blocks, risks, minutes), the plan, the
//! findings, and — when the repository has history — the status changes
//! commits made ([`history::status_changes`]). Markdown renderers are in
//! [`crate::report::digest`].

pub mod history;
pub mod monthly;
pub mod relations;
pub mod weekly;

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// An ISO week: `2026-W39`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Week {
    /// Its Monday.
    pub monday: NaiveDate,
}

impl Week {
    /// The week that contains `date`.
    pub fn of(date: NaiveDate) -> Week {
        Week {
            monday: date.week(Weekday::Mon).first_day(),
        }
    }

    /// Parses `2026-W39` (also `2026-w39`, `2026W39`).
    pub fn parse(text: &str) -> Result<Week, String> {
        let bad = || format!("`{text}` is not an ISO week: write it as 2026-W39");
        let upper = text.trim().to_ascii_uppercase();
        let (year, week) = upper.split_once('W').ok_or_else(bad)?;
        let year: i32 = year.trim_end_matches('-').parse().map_err(|_| bad())?;
        let week: u32 = week.parse().map_err(|_| bad())?;
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
            .map(|monday| Week { monday })
            .ok_or_else(bad)
    }

    /// The week before.
    pub fn previous(self) -> Week {
        Week {
            monday: self
                .monday
                .checked_sub_days(Days::new(7))
                .unwrap_or(self.monday),
        }
    }

    /// The week after.
    pub fn next(self) -> Week {
        Week {
            monday: self
                .monday
                .checked_add_days(Days::new(7))
                .unwrap_or(self.monday),
        }
    }

    /// Its Sunday.
    pub fn sunday(self) -> NaiveDate {
        self.monday
            .checked_add_days(Days::new(6))
            .unwrap_or(self.monday)
    }

    /// `2026-W39`.
    pub fn label(self) -> String {
        let iso = self.monday.iso_week();
        format!("{}-W{:02}", iso.year(), iso.week())
    }
}

/// A calendar month: `2026-09`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    /// Its first day.
    pub first: NaiveDate,
}

impl Month {
    /// The month that contains `date`.
    pub fn of(date: NaiveDate) -> Month {
        Month {
            first: date.with_day(1).unwrap_or(date),
        }
    }

    /// Parses `2026-09`.
    pub fn parse(text: &str) -> Result<Month, String> {
        let bad = || format!("`{text}` is not a month: write it as 2026-09");
        let (year, month) = text.trim().split_once('-').ok_or_else(bad)?;
        let year: i32 = year.parse().map_err(|_| bad())?;
        let month: u32 = month.parse().map_err(|_| bad())?;
        NaiveDate::from_ymd_opt(year, month, 1)
            .map(|first| Month { first })
            .ok_or_else(bad)
    }

    /// Its last day.
    pub fn last(self) -> NaiveDate {
        let next = if self.first.month() == 12 {
            NaiveDate::from_ymd_opt(self.first.year() + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(self.first.year(), self.first.month() + 1, 1)
        };
        next.and_then(|n| n.pred_opt()).unwrap_or(self.first)
    }

    /// `2026-09`.
    pub fn label(self) -> String {
        self.first.format("%Y-%m").to_string()
    }
}

#[cfg(test)]
mod tests;
