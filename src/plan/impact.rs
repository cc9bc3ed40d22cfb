//! Schedule impact: what a change moves, comparing the plans of two
//! revisions (for pull requests: "moves REQ-001's planned finish from
//! 2026-07-10 to 2026-07-14 through T-004 → T-007").

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Plan, next_day};
use crate::calendar::Calendar;
use crate::messages::Msg;

/// One thing a change moves in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleChange {
    /// The planned finish of the project (`item` = `None`), a request or a
    /// milestone moved, appeared or disappeared.
    Finish {
        /// The request or milestone id; `None` for the whole project.
        item: Option<String>,
        /// Planned finish at the base.
        from: Option<NaiveDate>,
        /// Planned finish at the head.
        to: Option<NaiveDate>,
        /// Working days from `from` to `to` (negative: earlier).
        working_days: i64,
        /// The tasks of the head's driving chain whose planned finish moved,
        /// first task first: what moved it.
        through: Vec<String>,
    },
    /// The critical path changed.
    CriticalPath {
        /// At the base.
        from: Vec<String>,
        /// At the head.
        to: Vec<String>,
    },
}

impl ScheduleChange {
    /// The change as a message.
    pub fn message(&self) -> Msg {
        match self {
            ScheduleChange::Finish {
                item,
                from,
                to,
                working_days,
                through,
            } => match (from, to) {
                (Some(from), Some(to)) => Msg::PlanFinishMoved {
                    item: item.clone(),
                    from: from.to_string(),
                    to: to.to_string(),
                    working_days: *working_days,
                    chain: through.clone(),
                },
                (Some(from), None) => Msg::PlanFinishLost {
                    item: item.clone(),
                    from: from.to_string(),
                },
                (None, to) => Msg::PlanFinishGained {
                    item: item.clone(),
                    to: to.map(|d| d.to_string()).unwrap_or_default(),
                },
            },
            ScheduleChange::CriticalPath { from, to } => Msg::CriticalPathChanged {
                from: from.clone(),
                to: to.clone(),
            },
        }
    }
}

/// What moves from `base` to `head`: the project's planned finish, each
/// request's and milestone's planned finish (items in both plans), and the
/// critical path. Working days are counted on `calendar` (the head's).
pub fn impact(base: &Plan, head: &Plan, calendar: &Calendar) -> Vec<ScheduleChange> {
    let base_index: HashMap<&str, usize> = base
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let base_finish = |id: &str| {
        base_index
            .get(id)
            .and_then(|&i| base.tasks[i].slot())
            .map(|s| s.finish)
    };
    // The tasks of a head chain whose planned finish is not what it was.
    let moved = |chain: Vec<usize>| -> Vec<String> {
        chain
            .into_iter()
            .filter_map(|t| {
                let task = &head.tasks[t];
                let finish = task.slot().map(|s| s.finish);
                (finish != base_finish(&task.id)).then(|| task.id.clone())
            })
            .collect()
    };
    let mut changes = Vec::new();
    let mut finish = |item: Option<String>,
                      from: Option<NaiveDate>,
                      to: Option<NaiveDate>,
                      through: Vec<String>| {
        if from == to {
            return;
        }
        let working_days = match (from, to) {
            (Some(a), Some(b)) => between(calendar, a, b),
            _ => 0,
        };
        changes.push(ScheduleChange::Finish {
            item,
            from,
            to,
            working_days,
            through,
        });
    };
    if base.finish != head.finish {
        finish(
            None,
            base.finish,
            head.finish,
            moved(head.critical_path.clone()),
        );
    }
    let base_requests: HashMap<&str, Option<NaiveDate>> = base
        .requests
        .iter()
        .map(|r| (r.id.as_str(), r.finish))
        .collect();
    for request in &head.requests {
        let Some(&from) = base_requests.get(request.id.as_str()) else {
            continue;
        };
        if from != request.finish {
            let through = request
                .last
                .map(|t| moved(head.chain(t)))
                .unwrap_or_default();
            finish(Some(request.id.clone()), from, request.finish, through);
        }
    }
    for (t, task) in head.tasks.iter().enumerate() {
        let in_base = base_index.get(task.id.as_str()).map(|&i| &base.tasks[i]);
        let Some(before) = in_base else { continue };
        if !(task.milestone || before.milestone) {
            continue;
        }
        let (from, to) = (
            before.slot().map(|s| s.finish),
            task.slot().map(|s| s.finish),
        );
        if from != to {
            let mut through = moved(head.chain(t));
            through.retain(|id| *id != task.id);
            finish(Some(task.id.clone()), from, to, through);
        }
    }
    let ids = |plan: &Plan| -> Vec<String> {
        plan.critical_path
            .iter()
            .map(|&t| plan.tasks[t].id.clone())
            .collect()
    };
    let (from, to) = (ids(base), ids(head));
    if from != to {
        changes.push(ScheduleChange::CriticalPath { from, to });
    }
    changes
}

/// Working days from finishing on `a` to finishing on `b` (negative when
/// `b` is earlier).
fn between(calendar: &Calendar, a: NaiveDate, b: NaiveDate) -> i64 {
    match (next_day(a), next_day(b)) {
        (Some(a), Some(b)) => calendar.working_days_between(a, b),
        _ => calendar.working_days_between(a, b),
    }
}
