//! The forward pass: tasks in dependency order, each planned from the ends
//! of its dependencies (earliest start and finish).

use std::collections::{HashMap, VecDeque};

use chrono::NaiveDate;

use super::effort::{effort, remaining};
use super::{
    Driver, Plan, Point, RequestPlan, Schedule, Slot, TaskPlan, Unplanned, first_working_day,
};
use crate::graph::TaskGraph;
use crate::model::{Item, Project, Task, TaskStatus};
use crate::time::Clock;

/// Task indices in dependency order (Kahn's algorithm, ready tasks in index
/// order). Tasks in or after a cycle never become ready and are left out.
pub(super) fn dependency_order(graph: &TaskGraph, n: usize) -> Vec<usize> {
    let mut waiting: Vec<usize> = (0..n).map(|t| graph.dependencies(t).count()).collect();
    let mut ready: VecDeque<usize> = (0..n).filter(|&t| waiting[t] == 0).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(t) = ready.pop_front() {
        order.push(t);
        for next in graph.dependents(t) {
            waiting[next] -= 1;
            if waiting[next] == 0 {
                ready.push_back(next);
            }
        }
    }
    order
}

/// Plans every task; returns the plan (slack not yet computed) and the
/// dependency order used.
pub(super) fn run(
    project: &Project,
    graph: &TaskGraph,
    clock: &Clock,
    start: NaiveDate,
    today: NaiveDate,
) -> (Plan, Vec<usize>) {
    let n = project.tasks.len();
    let order = dependency_order(graph, n);
    let mut tasks: Vec<TaskPlan> = project
        .tasks
        .iter()
        .map(|task| describe(task, clock))
        .collect();
    // Where each task ends (a cancelled task: where its latest dependency
    // ends), and the unplannable task that keeps it from being planned.
    let mut ends: Vec<Option<Point>> = vec![None; n];
    let mut stuck: Vec<Option<usize>> = vec![None; n];
    for &t in &order {
        let mut latest: Option<(Point, usize)> = None;
        for d in graph.dependencies(t) {
            if let Some(root) = stuck[d] {
                stuck[t] = Some(root);
            }
            if let Some(end) = ends[d] {
                let later = match latest {
                    None => true,
                    Some((best, b)) => {
                        end > best || (end == best && project.tasks[d].id < project.tasks[b].id)
                    }
                };
                if later {
                    latest = Some((end, d));
                }
            }
        }
        let task = &project.tasks[t];
        if task.status() == TaskStatus::Cancelled {
            ends[t] = latest.map(|(end, _)| end);
            tasks[t].schedule = Schedule::Unplanned(Unplanned::Cancelled {
                via: latest.map(|(_, d)| d),
            });
            continue;
        }
        // Recorded dates are facts, whatever happens to the dependencies.
        let slot = match recorded(task, &tasks[t], clock) {
            Some(slot) => {
                tasks[t].remaining_wd = 0;
                Some(slot)
            }
            None => {
                if let Some(root) = stuck[t] {
                    tasks[t].schedule =
                        Schedule::Unplanned(Unplanned::AfterUnplanned { dependency: root });
                    continue;
                }
                tasks[t].fixed_start = fixed_start(task, clock);
                plan_open(&tasks[t], clock, start, today, latest)
            }
        };
        match slot {
            Some(slot) => {
                ends[t] = Some(slot.end);
                tasks[t].schedule = Schedule::Planned(slot);
            }
            None => {
                stuck[t] = Some(t);
                tasks[t].schedule = Schedule::Unplanned(Unplanned::OutOfRange);
            }
        }
    }
    let requests = requests(project, &tasks, clock);
    let finish = tasks
        .iter()
        .filter_map(|t| t.slot().map(|s| s.finish))
        .max();
    let plan = Plan {
        chains: Default::default(),
        tasks,
        requests,
        finish,
        critical_path: Vec::new(),
        start,
        today,
    };
    (plan, order)
}

/// The plan's view of a task, before dates.
fn describe(task: &Item<Task>, clock: &Clock) -> TaskPlan {
    let effort_wd = effort(task, clock);
    let progress = task.progress.as_ref().map_or(0, |p| p.get().0);
    TaskPlan {
        id: task.id.clone(),
        title: task.title.get().clone(),
        lead: task.lead.as_ref().map(|l| l.get().clone()),
        request: task.request.as_ref().map(|r| r.get().clone()),
        status: task.status(),
        milestone: effort_wd == 0,
        due: task
            .due
            .as_ref()
            .map(|due| clock.local_date(clock.deadline(due))),
        effort_wd,
        remaining_wd: remaining(effort_wd, progress),
        progress,
        fixed_start: None,
        schedule: Schedule::Unplanned(Unplanned::Cycle),
    }
}

/// The actual start of a task: `start`, else its first update.
fn actual_start(task: &Task, clock: &Clock) -> Option<NaiveDate> {
    task.start.as_ref().map(|s| s.get().0).or_else(|| {
        task.update
            .iter()
            .map(|u| clock.local_date(clock.event(u.at.get())))
            .min()
    })
}

/// The recorded dates of a delivered or accepted task.
fn recorded(task: &Task, plan: &TaskPlan, clock: &Clock) -> Option<Slot> {
    if !matches!(task.status(), TaskStatus::Delivered | TaskStatus::Accepted) {
        return None;
    }
    let finished = task
        .delivered_at
        .as_ref()
        .or_else(|| task.review.as_ref().and_then(|r| r.at.as_ref()))?;
    let finish = clock.local_date(clock.event(finished.get()));
    let start = actual_start(task, clock)
        .or_else(|| {
            clock
                .calendar
                .nth_working_day_before(finish, plan.effort_wd.saturating_sub(1))
        })
        .unwrap_or(finish)
        .min(finish);
    Some(Slot {
        start,
        work_start: start,
        finish,
        end: Point::end_of(finish),
        slack_wd: 0,
        critical: false,
        driver: Driver::Recorded,
    })
}

/// Whether work on a task has begun (and may have an actual start).
fn started(status: TaskStatus) -> bool {
    matches!(
        status,
        TaskStatus::InProgress | TaskStatus::Blocked | TaskStatus::Rejected
    )
}

/// The date open work may not start before: the written `start`, or for
/// work in progress its actual start.
fn fixed_start(task: &Task, clock: &Clock) -> Option<NaiveDate> {
    if started(task.status()) {
        actual_start(task, clock)
    } else {
        task.start.as_ref().map(|s| s.get().0)
    }
}

/// Plans open work (or the rest of work in progress) after `latest`, the
/// dependency that ends last. `None` when the calendar runs out.
fn plan_open(
    plan: &TaskPlan,
    clock: &Clock,
    start: NaiveDate,
    today: NaiveDate,
    latest: Option<(Point, usize)>,
) -> Option<Slot> {
    let started = started(plan.status);
    let fixed = plan.fixed_start;
    // The latest constraint; the more specific one wins a tie (a dependency,
    // then the fixed start, then today, then the project start).
    let mut best = (Point::start_of(start), Driver::ProjectStart(start));
    if Point::start_of(today) >= best.0 {
        best = (Point::start_of(today), Driver::Today(today));
    }
    if let Some(fixed) = fixed
        && Point::start_of(fixed) >= best.0
    {
        best = (Point::start_of(fixed), Driver::FixedStart(fixed));
    }
    if let Some((end, d)) = latest
        && end >= best.0
    {
        best = (end, Driver::Dependency(d));
    }
    let (from, driver) = best;
    if plan.milestone {
        return Some(Slot {
            start: from.date,
            work_start: from.date,
            finish: from.date,
            end: from,
            slack_wd: 0,
            critical: false,
            driver,
        });
    }
    let first = first_working_day(clock, from)?;
    let finish = clock
        .calendar
        .nth_working_day_after(first, plan.remaining_wd.saturating_sub(1))?;
    let shown_start = match (started, fixed) {
        (true, Some(actual)) => actual.min(first),
        _ => first,
    };
    Some(Slot {
        start: shown_start,
        work_start: first,
        finish,
        end: Point::end_of(finish),
        slack_wd: 0,
        critical: false,
        driver,
    })
}

/// Each request's planned finish: the latest end of its planned tasks.
fn requests(project: &Project, tasks: &[TaskPlan], clock: &Clock) -> Vec<RequestPlan> {
    let index: HashMap<&str, usize> = project
        .requests
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut last: Vec<Option<(&Slot, usize)>> = vec![None; project.requests.len()];
    for (t, task) in tasks.iter().enumerate() {
        let (Some(request), Some(slot)) = (&task.request, task.slot()) else {
            continue;
        };
        let Some(&r) = index.get(request.as_str()) else {
            continue;
        };
        let later = match last[r] {
            None => true,
            Some((best, b)) => {
                // Ties go to the smallest id: not the file order.
                slot.end > best.end || (slot.end == best.end && tasks[t].id < tasks[b].id)
            }
        };
        if later {
            last[r] = Some((slot, t));
        }
    }
    project
        .requests
        .iter()
        .zip(last)
        .map(|(request, last)| RequestPlan {
            id: request.id.clone(),
            due: request
                .due
                .as_ref()
                .map(|due| clock.local_date(clock.deadline(due))),
            finish: last.map(|(slot, _)| slot.finish),
            last: last.map(|(_, t)| t),
        })
        .collect()
}
