//! Planning: the critical path method on the project calendar (SPEC §5).
//!
//! [`Plan::compute`] runs a forward pass over the task graph in dependency
//! order (earliest start and finish of every task), a backward pass in the
//! reverse order (latest finish, total slack), and walks the chain of
//! driving dependencies back from the latest finish (the critical path).
//! Every step is iterative and linear in tasks + edges; every date step is
//! one O(log n) calendar query, so effort size does not matter.
//!
//! # The rules, where SPEC §5 is silent
//!
//! - **Days.** A plan is made of working days. A task occupies whole working
//!   days: a 1wd task starts and finishes on the same day; a task after a
//!   dependency starts on the first working day after the dependency's
//!   finish. This is TaskJuggler's `length`: work happens in working hours,
//!   a dependency ends at the end of its last working day.
//! - **Start.** The planned start of open work is the first working day on
//!   or after the latest of: the project start, today (the local date of
//!   `--now`: work that is not done cannot be planned in the past), the
//!   task's fixed `start`, and the end of every dependency.
//! - **Effort.** `effort` in working days: `Nwd`, and `Nd`, which for effort
//!   means N days *of work* as in TaskJuggler and MS Project (`Nd` is
//!   calendar days only for service levels); `Nh` is rounded up to whole
//!   working days of `workday.start`–`workday.end`. Without `effort`, the
//!   working days from `start` to `due`, both included; else 1 working day.
//! - **Milestones.** `milestone = true`, or an effort of 0, is a point in
//!   time: it falls at the end of its last dependency (on that dependency's
//!   finish day), or at the start of its fixed start, the project start or
//!   today, whichever is latest — exactly TaskJuggler's `milestone`. Its
//!   dependents start on the first working day after that finish day, or on
//!   the milestone's own day when it was fixed by a start date.
//! - **Done work.** Delivered and accepted tasks keep their recorded dates:
//!   they finish on the local date of `delivered_at` (the owner's work ended
//!   then; acceptance does not hold up dependents), else of `review.at`;
//!   they start on `start`, else on the first `[[update]]`, else one effort
//!   back from the finish. One without any recorded date is planned as if
//!   it had not started (W008 reports the missing `delivered_at`).
//! - **Work in progress.** An `in_progress`, `blocked` or `rejected` task
//!   keeps its actual start (`start`, else its first `[[update]]`); what is
//!   left, `ceil(effort × (100 − progress) / 100)` and at least one working
//!   day, is planned from today like open work. A blocked task is planned
//!   as if unblocked today.
//! - **Cancelled tasks** are dropped from the plan but keep the order they
//!   stood for: a cancelled task passes its own dependencies on to its
//!   dependents (A → cancelled B → C still makes C wait for A).
//! - **What cannot be planned** is reported, not guessed: tasks in or after
//!   a dependency cycle (D003), tasks whose effort runs past the last date
//!   the calendar can express, and their dependents. A calendar without any
//!   working day is a [`PlanError`].
//! - **Slack** is total slack in working days: working days between the
//!   planned finish and the latest finish, which is the task's `due`, or
//!   the latest start of a dependent, whichever is earlier; a task with
//!   neither must finish by the project's planned finish. Negative when
//!   late.
//! - **Critical path.** The chain of driving dependencies (the dependency
//!   that finishes last) back from the task with the latest planned finish;
//!   ties go to the task later in dependency order, then the smaller id.

mod backward;
mod chains;
mod effort;
mod forward;
mod impact;

use chrono::{Days, NaiveDate};

pub use impact::{ScheduleChange, impact};

use crate::graph::TaskGraph;
use crate::model::{Project, TaskStatus};
use crate::time::Clock;

/// A moment on the axis of days: the start or the end of a date.
///
/// Ordered by date, then start before end; the end of a date and the start
/// of the next date are different points but schedule work identically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Point {
    /// The date.
    pub date: NaiveDate,
    /// `false`: the start of the date; `true`: its end.
    pub end: bool,
}

impl Point {
    /// The start of `date`.
    pub fn start_of(date: NaiveDate) -> Point {
        Point { date, end: false }
    }

    /// The end of `date`.
    pub fn end_of(date: NaiveDate) -> Point {
        Point { date, end: true }
    }
}

/// What fixed the planned start of a task's (remaining) work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Driver {
    /// The dependency that finishes last (a task index; possibly a cancelled
    /// task standing for its own dependencies).
    Dependency(usize),
    /// The task's fixed `start` (or, for work in progress, its actual start).
    FixedStart(NaiveDate),
    /// The project start.
    ProjectStart(NaiveDate),
    /// Today: open work is not planned in the past.
    Today(NaiveDate),
    /// Done: the dates are recorded, not planned.
    Recorded,
}

/// A planned task's dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// First working day (a milestone: its day; work in progress: its actual start).
    pub start: NaiveDate,
    /// First working day of the work still to do (the same as `start`
    /// unless work in progress started earlier; done work: `start`).
    pub work_start: NaiveDate,
    /// Last working day (a milestone: its day).
    pub finish: NaiveDate,
    /// Where the task ends on the axis of days (the end of `finish`, or for
    /// a milestone fixed by a date, the start of that date).
    pub end: Point,
    /// Total slack in working days; negative when late.
    pub slack_wd: i64,
    /// Whether the task is on the critical path.
    pub critical: bool,
    /// What fixed the start of its (remaining) work.
    pub driver: Driver,
}

/// Why a task has no dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unplanned {
    /// Cancelled; it passes its dependency `via` (the one finishing last,
    /// when it has dependencies) on to its dependents.
    Cancelled {
        /// The dependency it stands for.
        via: Option<usize>,
    },
    /// In a dependency cycle, or after one (D003).
    Cycle,
    /// Its effort runs past the last date the calendar can express.
    OutOfRange,
    /// It depends on a task that could not be planned.
    AfterUnplanned {
        /// The task that could not be planned.
        dependency: usize,
    },
}

/// The outcome of planning one task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Schedule {
    /// Dates.
    Planned(Slot),
    /// No dates, and why.
    Unplanned(Unplanned),
}

/// One task of a plan. Plans are self-contained (ids, not references into
/// a project) so that the plans of two revisions can be compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskPlan {
    /// Task id.
    pub id: String,
    /// Task title.
    pub title: String,
    /// Lead department, when set.
    pub lead: Option<String>,
    /// The request the task serves.
    pub request: Option<String>,
    /// Status as written.
    pub status: TaskStatus,
    /// Planned as a point in time (flagged, or zero effort).
    pub milestone: bool,
    /// Local date of the due.
    pub due: Option<NaiveDate>,
    /// Effort in working days.
    pub effort_wd: u32,
    /// Working days of effort left to plan.
    pub remaining_wd: u32,
    /// Percent complete as written.
    pub progress: u8,
    /// The date open work may not start before: `start` as written, or for
    /// work in progress its actual start.
    pub fixed_start: Option<NaiveDate>,
    /// Dates, or why there are none.
    pub schedule: Schedule,
}

impl TaskPlan {
    /// The dates, when planned.
    pub fn slot(&self) -> Option<&Slot> {
        match &self.schedule {
            Schedule::Planned(slot) => Some(slot),
            Schedule::Unplanned(_) => None,
        }
    }
}

/// A request and the planned finish of its tasks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestPlan {
    /// Request id.
    pub id: String,
    /// Local date of its due.
    pub due: Option<NaiveDate>,
    /// The latest planned finish of its planned tasks.
    pub finish: Option<NaiveDate>,
    /// The task that finishes last.
    pub last: Option<usize>,
}

/// The plan of a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Every task, in the order of [`Project::tasks`].
    pub tasks: Vec<TaskPlan>,
    /// Every request, in the order of [`Project::requests`].
    pub requests: Vec<RequestPlan>,
    /// The latest planned finish of any task.
    pub finish: Option<NaiveDate>,
    /// The critical path, first task first (task indices).
    pub critical_path: Vec<usize>,
    /// The project start used (`project.start`, else today).
    pub start: NaiveDate,
    /// Today: the local date of now.
    pub today: NaiveDate,
    /// Every task's driving chain, summarised (built once per plan).
    pub chains: chains::Chains,
}

/// Why no plan can be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// The calendar has no working day on or after the start.
    #[error("calendar `{calendar}` has no working day on or after {from}; nothing can be planned")]
    NoWorkingDay {
        /// The calendar's id.
        calendar: String,
        /// The date from which none was found.
        from: NaiveDate,
    },
}

impl Plan {
    /// Plans `project` on `clock`'s calendar as of `clock.now`.
    pub fn compute(project: &Project, graph: &TaskGraph, clock: &Clock) -> Result<Plan, PlanError> {
        let today = clock.local_date(clock.now);
        let start = project.settings.start.unwrap_or(today);
        let earliest = start.min(today);
        if first_working_day(clock, Point::start_of(earliest)).is_none() {
            return Err(PlanError::NoWorkingDay {
                calendar: clock.calendar.id().to_string(),
                from: earliest,
            });
        }
        let (mut plan, order) = forward::run(project, graph, clock, start, today);
        backward::run(&mut plan, &order, graph, clock);
        plan.chains = chains::Chains::of(&plan);
        plan.critical_path = plan.critical_chain();
        for &t in &plan.critical_path {
            if let Schedule::Planned(slot) = &mut plan.tasks[t].schedule {
                slot.critical = true;
            }
        }
        Ok(plan)
    }

    /// The index of the task `id`.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.tasks.iter().position(|t| t.id == id)
    }

    /// The chain of driving dependencies that ends at `task`, first task
    /// first (cancelled tasks on the way are left out).
    pub fn chain(&self, task: usize) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut at = Some(task);
        // Each step goes to a task earlier in dependency order, so this ends;
        // the bound guards against a malformed plan.
        let mut steps = 0;
        while let Some(t) = at {
            steps += 1;
            if steps > self.tasks.len() + 1 {
                break;
            }
            if self.tasks.get(t).and_then(TaskPlan::slot).is_some() {
                chain.push(t);
            }
            at = self.driven_by(t);
        }
        chain.reverse();
        chain
    }

    /// The ids of the chain ending at `task`, at most `max` of them (the
    /// first, "… (N more)", the last), without walking the whole chain.
    pub fn chain_ids(&self, task: usize, max: usize) -> Vec<String> {
        let (head, hidden, tail) = self.chains.summary(self, task, max);
        let id = |t: usize| self.tasks[t].id.clone();
        let mut ids: Vec<String> = head.into_iter().map(id).collect();
        if hidden > 0 {
            ids.push(format!("… ({hidden} more)"));
        }
        ids.extend(tail.into_iter().map(id));
        ids
    }

    /// The chain that ends at the task whose planned end is latest (ties:
    /// the task later in dependency order, by `position`).
    fn critical_chain(&self) -> Vec<usize> {
        let depth: Vec<usize> = (0..self.tasks.len()).map(|t| self.chains.len(t)).collect();
        let last = self
            .tasks
            .iter()
            .enumerate()
            .filter_map(|(i, t)| t.slot().map(|s| (i, s.end)))
            // Of the tasks ending last, the one with the longest driving
            // chain, then the smallest id: never the file order.
            .max_by(|&(i, a), &(j, b)| {
                a.cmp(&b)
                    .then_with(|| depth[i].cmp(&depth[j]))
                    .then_with(|| self.tasks[j].id.cmp(&self.tasks[i].id))
            });
        match last {
            Some((t, _)) => self.chain(t),
            None => Vec::new(),
        }
    }

    /// The task a task's driving chain continues with.
    fn driven_by(&self, task: usize) -> Option<usize> {
        match self.tasks.get(task).map(|p| &p.schedule) {
            Some(Schedule::Planned(slot)) => match slot.driver {
                Driver::Dependency(d) => Some(d),
                _ => None,
            },
            Some(Schedule::Unplanned(Unplanned::Cancelled { via })) => *via,
            _ => None,
        }
    }
}

/// The first working day at or after `point`.
pub(crate) fn first_working_day(clock: &Clock, point: Point) -> Option<NaiveDate> {
    let calendar = &clock.calendar;
    if !point.end && calendar.is_working_day(point.date) {
        return Some(point.date);
    }
    calendar.nth_working_day_after(point.date, 1)
}

/// `ids` shortened to at most `max` entries: the first few, "… (N more)",
/// the last few.
pub fn shorten(ids: Vec<String>, max: usize) -> Vec<String> {
    if ids.len() <= max || max < 3 {
        return ids;
    }
    let tail = (max - 1) / 2;
    let head = max - 1 - tail;
    let hidden = ids.len() - head - tail;
    let mut shown: Vec<String> = ids[..head].to_vec();
    shown.push(format!("… ({hidden} more)"));
    shown.extend_from_slice(&ids[ids.len() - tail..]);
    shown
}

/// The day after `date`, when there is one.
pub fn next_day(date: NaiveDate) -> Option<NaiveDate> {
    date.checked_add_days(Days::new(1))
}

#[cfg(test)]
mod tests;
