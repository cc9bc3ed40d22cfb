//! `--format mermaid-gantt`: a Mermaid Gantt chart (GitHub renders it in a
//! ```` ```mermaid ```` block): bars grouped by lead department, done work
//! `done`, work in progress `active`, the critical path `crit`, milestones
//! as diamonds, and the calendar's days off shaded (`excludes`, with the
//! make-up days as `includes`). Dates are explicit, so Mermaid only draws.

use std::fmt::Write;

use chrono::{Days, NaiveDate};

use super::PlanView;
use crate::model::TaskStatus;

const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The plan as Mermaid Gantt source.
pub fn render(view: &PlanView<'_>) -> String {
    let plan = view.plan;
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "gantt");
    let _ = writeln!(
        w,
        "    title {} ({})",
        text(&view.project.settings.name),
        view.now()
    );
    let _ = writeln!(w, "    dateFormat YYYY-MM-DD");
    let _ = writeln!(w, "    axisFormat %m-%d");
    let _ = writeln!(w, "    todayMarker off");
    let rows = view.by_start();
    let first = rows
        .iter()
        .filter_map(|&t| plan.tasks[t].slot().map(|s| s.start))
        .min();
    let last = rows
        .iter()
        .filter_map(|&t| plan.tasks[t].slot().map(|s| s.finish))
        .max();
    if let (Some(first), Some(last)) = (first, last) {
        let calendar = &view.clock.calendar;
        let weekly = calendar.weekly_working_days();
        let mut excludes: Vec<String> =
            if weekly[..5].iter().all(|w| *w) && !weekly[5] && !weekly[6] {
                vec!["weekends".to_string()]
            } else {
                WEEKDAY_NAMES
                    .iter()
                    .zip(weekly)
                    .filter(|(_, working)| !working)
                    .map(|(name, _)| name.to_string())
                    .collect()
            };
        let mut includes = Vec::new();
        for (date, working) in calendar.exceptions_between(first, last) {
            if working {
                includes.push(date.to_string());
            } else {
                excludes.push(date.to_string());
            }
        }
        if !excludes.is_empty() {
            let _ = writeln!(w, "    excludes {}", excludes.join(" "));
        }
        if !includes.is_empty() {
            let _ = writeln!(w, "    includes {}", includes.join(" "));
        }
    }
    for (lead, tasks) in view.by_department(&rows) {
        let name = if lead.is_empty() {
            "—".to_string()
        } else {
            view.department_name(&lead)
        };
        let _ = writeln!(w, "    section {}", text(&name));
        for t in tasks {
            let task = &plan.tasks[t];
            let Some(slot) = task.slot() else { continue };
            let mut tags = Vec::new();
            match task.status {
                TaskStatus::Delivered | TaskStatus::Accepted => tags.push("done"),
                TaskStatus::InProgress | TaskStatus::Blocked | TaskStatus::Rejected => {
                    tags.push("active")
                }
                _ => {}
            }
            if slot.critical {
                tags.push("crit");
            }
            if task.milestone {
                tags.push("milestone");
            }
            let id = format!("t{t}");
            let when = if task.milestone {
                format!("{}, 0d", slot.start)
            } else {
                format!("{}, {}", slot.start, day_after(slot.finish))
            };
            tags.push(&id);
            let _ = writeln!(
                w,
                "    {} {} :{}, {when}",
                task.id,
                text(&task.title),
                tags.join(", ")
            );
        }
    }
    out
}

/// Mermaid's end dates are exclusive.
fn day_after(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(1)).unwrap_or(date)
}

/// Text on one Gantt line: `:` ends a task's name, `#` and `;` are
/// syntax, line breaks end the statement; their full-width forms read the
/// same in Chinese text.
fn text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            ':' => '：',
            '#' => '＃',
            ';' => '；',
            c if crate::report::sanitize::unprintable(c) => ' ',
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn syntax_characters_become_full_width() {
        assert_eq!(text("a: b # c; d\ne"), "a： b ＃ c； d e");
    }
}
