//! Departments' load: the planned work of the next working days against
//! what the department's people can do in them.
//!
//! - **Window.** The next [`WINDOW_DAYS`] working days, today first when
//!   today is a working day.
//! - **Load.** For every planned task with work left, the working days of
//!   its remaining work (the plan's `work_start` to `finish`) that fall in
//!   the window, counted for the task's lead department (else its owner's
//!   department). Summary tasks — the `parent` of other tasks — are left
//!   out: their work is their children's, and counting both would count it
//!   twice (TaskJuggler's container tasks carry no effort either).
//! - **Capacity.** The department's people × the window's working days:
//!   one working day of work per person per working day.
//! - **Overloaded.** Load above capacity.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::{Scope, date, department_of, open_task, summary_tasks, task_department};
use crate::calendar::Calendar;
use crate::model::{Project, TaskStatus};
use crate::plan::{Plan, TaskPlan};
use crate::rules::Context;

/// Working days ahead that load is measured over.
pub const WINDOW_DAYS: u32 = 10;

/// The load of every department over the window.
#[derive(Debug, Clone, Serialize)]
pub struct Load {
    /// First working day of the window.
    #[serde(serialize_with = "date")]
    pub from: NaiveDate,
    /// Last working day of the window.
    #[serde(serialize_with = "date")]
    pub to: NaiveDate,
    /// Working days in the window.
    pub days: u32,
    /// One row per department, in org.toml's order (departments that tasks
    /// name but org.toml does not, last).
    pub departments: Vec<DepartmentLoad>,
}

/// One department.
#[derive(Debug, Clone, Serialize)]
pub struct DepartmentLoad {
    /// Department id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// People in the department.
    pub people: usize,
    /// Open tasks it leads.
    pub lead_open: usize,
    /// Open tasks it supports.
    pub supporting_open: usize,
    /// Open tasks it leads that are past their due.
    pub overdue: usize,
    /// Tasks it leads that are blocked.
    pub blocked: usize,
    /// Working days of planned work in the window.
    pub load_wd: i64,
    /// People × working days of the window.
    pub capacity_wd: i64,
    /// Load above capacity.
    pub overloaded: bool,
    /// The tasks that make up the load, largest first.
    pub tasks: Vec<TaskLoad>,
}

impl DepartmentLoad {
    /// Load as a percentage of capacity (`None` without capacity).
    pub fn percent(&self) -> Option<i64> {
        (self.capacity_wd > 0)
            .then(|| (self.load_wd * 100 + self.capacity_wd / 2) / self.capacity_wd)
    }
}

/// One task's share of a department's load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaskLoad {
    /// Task id.
    pub id: String,
    /// Working days of its remaining work in the window.
    pub working_days: i64,
}

impl Load {
    /// The load of the departments `scope` shows; `None` when the calendar
    /// has no working days ahead.
    pub fn compute(cx: &Context<'_>, plan: &Plan, scope: &Scope) -> Option<Load> {
        let calendar = &cx.clock.calendar;
        let today = cx.clock.local_date(cx.clock.now);
        let (from, to) = window(calendar, today, WINDOW_DAYS)?;
        let project = cx.project;
        let org = &project.org;
        let mut rows: Vec<DepartmentLoad> = org
            .departments
            .iter()
            .map(|d| row(project, d.id.as_str()))
            .collect();
        let summaries = summary_tasks(project);
        for (t, task) in project.tasks.iter().enumerate() {
            if task.archived {
                continue;
            }
            let Some(department) = task_department(org, task) else {
                continue;
            };
            let index = match rows.iter().position(|r| r.id == department) {
                Some(i) => i,
                None => {
                    rows.push(row(project, department));
                    rows.len() - 1
                }
            };
            let open = open_task(task);
            let r = &mut rows[index];
            if open {
                r.lead_open += 1;
                if task
                    .due
                    .as_ref()
                    .is_some_and(|d| cx.clock.now > cx.clock.deadline(d))
                {
                    r.overdue += 1;
                }
            }
            if task.status() == TaskStatus::Blocked {
                r.blocked += 1;
            }
            if open {
                for support in &task.support {
                    if let Some(s) = rows.iter_mut().find(|r| r.id == support.as_str()) {
                        s.supporting_open += 1;
                    }
                }
            }
            if summaries.contains(task.id.as_str()) {
                continue;
            }
            let days = plan
                .tasks
                .get(t)
                .map_or(0, |p| in_window(calendar, p, from, to));
            if days > 0 {
                let r = &mut rows[index];
                r.load_wd += days;
                r.tasks.push(TaskLoad {
                    id: task.id.clone(),
                    working_days: days,
                });
            }
        }
        let days = u32::try_from(calendar.working_days_between(from, next(to))).unwrap_or(0);
        for r in &mut rows {
            r.capacity_wd = r.people as i64 * i64::from(days);
            r.overloaded = r.load_wd > r.capacity_wd;
            r.tasks
                .sort_by(|a, b| b.working_days.cmp(&a.working_days).then(a.id.cmp(&b.id)));
        }
        rows.retain(|r| scope.department_row(org, &r.id));
        Some(Load {
            from,
            to,
            days,
            departments: rows,
        })
    }

    /// The overloaded departments.
    pub fn overloaded(&self) -> impl Iterator<Item = &DepartmentLoad> {
        self.departments.iter().filter(|d| d.overloaded)
    }
}

fn row(project: &Project, id: &str) -> DepartmentLoad {
    let org = &project.org;
    DepartmentLoad {
        id: id.to_string(),
        name: super::department_name(org, id),
        people: org
            .people
            .iter()
            .filter(|p| department_of(org, p.id.as_str()) == Some(id))
            .count(),
        lead_open: 0,
        supporting_open: 0,
        overdue: 0,
        blocked: 0,
        load_wd: 0,
        capacity_wd: 0,
        overloaded: false,
        tasks: Vec::new(),
    }
}

fn next(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(1)).unwrap_or(date)
}

/// The first and last of `days` working days from `today` (today first
/// when it is a working day).
pub fn window(calendar: &Calendar, today: NaiveDate, days: u32) -> Option<(NaiveDate, NaiveDate)> {
    let from = if calendar.is_working_day(today) {
        today
    } else {
        calendar.nth_working_day_after(today, 1)?
    };
    let to = calendar.nth_working_day_after(from, days.saturating_sub(1))?;
    Some((from, to))
}

/// Working days of a task's remaining work inside `[from, to]`.
pub fn in_window(calendar: &Calendar, task: &TaskPlan, from: NaiveDate, to: NaiveDate) -> i64 {
    if task.remaining_wd == 0 || task.milestone {
        return 0;
    }
    let Some(slot) = task.slot() else { return 0 };
    let start = slot.work_start.max(from);
    let end = slot.finish.min(to);
    if end < start {
        return 0;
    }
    calendar
        .working_days_between(start, next(end))
        .clamp(0, i64::from(task.remaining_wd))
}
