//! The backward pass: tasks in reverse dependency order, each with the
//! latest end that keeps its due and its dependents' latest starts; total
//! slack is the distance from its planned end to that latest end.
//!
//! Work is counted on the axis of working days ("boundaries": the number of
//! working days before a point), so the pass is integer arithmetic only.

use super::{Driver, Plan, Point, Schedule, Unplanned, next_day};
use crate::graph::TaskGraph;
use crate::time::Clock;

/// Sets every planned task's slack.
pub(super) fn run(plan: &mut Plan, order: &[usize], graph: &TaskGraph, clock: &Clock) {
    let calendar = &clock.calendar;
    let anchor = plan.start;
    let rank = |date| calendar.working_days_between(anchor, date);
    let boundary = |point: Point| {
        if !point.end {
            return rank(point.date);
        }
        match next_day(point.date) {
            Some(after) => rank(after),
            None => rank(point.date) + i64::from(calendar.is_working_day(point.date)),
        }
    };
    let project_end = plan
        .tasks
        .iter()
        .filter_map(|t| t.slot().map(|s| boundary(s.end)))
        .max()
        .unwrap_or(0);
    let n = plan.tasks.len();
    // The latest boundary at which each task's (remaining) work may start.
    let mut latest_start: Vec<Option<i64>> = vec![None; n];
    for &t in order.iter().rev() {
        let mut latest_end = graph
            .dependents(t)
            .filter_map(|s| latest_start.get(s).copied().flatten())
            .min();
        let task = &mut plan.tasks[t];
        match &mut task.schedule {
            Schedule::Planned(slot) => {
                if let Some(due) = task.due {
                    let due = boundary(Point::end_of(due));
                    latest_end = Some(latest_end.map_or(due, |l| l.min(due)));
                }
                let latest_end = latest_end.unwrap_or(project_end);
                let end = boundary(slot.end);
                let work = if slot.driver == Driver::Recorded {
                    end - rank(slot.start)
                } else {
                    i64::from(task.remaining_wd)
                };
                slot.slack_wd = latest_end - end;
                latest_start[t] = Some(latest_end - work.max(0));
            }
            // A cancelled task passes its dependents' constraint through.
            Schedule::Unplanned(Unplanned::Cancelled { .. }) => latest_start[t] = latest_end,
            Schedule::Unplanned(_) => {}
        }
    }
}
