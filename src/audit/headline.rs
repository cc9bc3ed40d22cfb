//! The headline: what is open, blocked, overdue, due soon, awaiting
//! acceptance and accepted this week, with the same meaning as the rules
//! (D001 overdue, D002 due soon, W008 acceptance).

use chrono::{DateTime, NaiveTime, Weekday};
use chrono_tz::Tz;
use serde::Serialize;

use super::{
    ItemLine, Scope, acceptor, display, instant, maybe_instant, open_request, open_task,
    pending_review,
};
use crate::evidence::Event;
use crate::model::{Item, RequestStatus, Task, TaskStatus, Verdict};
use crate::rules::Context;
use crate::time::Duration;

/// The headline counts, each with its items.
#[derive(Debug, Clone, Serialize)]
pub struct Headline {
    /// `sla.due_soon`: what "due soon" means.
    #[serde(serialize_with = "display")]
    pub due_soon_limit: Duration,
    /// Open tasks and requests.
    pub open: Vec<ItemLine>,
    /// Blocked tasks.
    pub blocked: Vec<BlockedLine>,
    /// Open tasks and requests past their due.
    pub overdue: Vec<DueLine>,
    /// Open tasks and requests due within `sla.due_soon`.
    pub due_soon: Vec<DueLine>,
    /// Delivered tasks (and requests) without an acceptance yet.
    pub awaiting_acceptance: Vec<AcceptanceLine>,
    /// Tasks and requests accepted since Monday of now's week.
    pub accepted_this_week: Vec<AcceptedLine>,
}

/// A blocked task.
#[derive(Debug, Clone, Serialize)]
pub struct BlockedLine {
    /// The task.
    #[serde(flatten)]
    pub item: ItemLine,
    /// Since when.
    #[serde(serialize_with = "maybe_instant")]
    pub since: Option<DateTime<Tz>>,
    /// Why.
    pub reason: Option<String>,
    /// To whom it was escalated.
    pub escalated_to: Option<String>,
}

/// Something with a deadline.
#[derive(Debug, Clone, Serialize)]
pub struct DueLine {
    /// The item.
    #[serde(flatten)]
    pub item: ItemLine,
    /// The deadline.
    #[serde(serialize_with = "instant")]
    pub due: DateTime<Tz>,
    /// Working days late (overdue) or left (due soon).
    pub working_days: i64,
    /// Clock hours late, when overdue by less than a working day.
    pub hours: i64,
}

/// A delivery waiting for its review.
#[derive(Debug, Clone, Serialize)]
pub struct AcceptanceLine {
    /// The item.
    #[serde(flatten)]
    pub item: ItemLine,
    /// Who accepts it.
    pub acceptor: Option<String>,
    /// When it was delivered.
    #[serde(serialize_with = "maybe_instant")]
    pub delivered: Option<DateTime<Tz>>,
    /// When the review is due (`sla.acceptance` after delivery).
    #[serde(serialize_with = "maybe_instant")]
    pub accept_by: Option<DateTime<Tz>>,
}

/// An acceptance.
#[derive(Debug, Clone, Serialize)]
pub struct AcceptedLine {
    /// The item.
    #[serde(flatten)]
    pub item: ItemLine,
    /// When it was accepted.
    #[serde(serialize_with = "instant")]
    pub at: DateTime<Tz>,
}

impl Headline {
    /// The headline of the project `cx` sees, within `scope`.
    pub fn compute(cx: &Context<'_>, scope: &Scope) -> Headline {
        let clock = cx.clock;
        let org = &cx.project.org;
        let horizon = clock.after(clock.now, cx.sla().due_soon);
        let week_start = week_start(cx);
        let mut out = Headline {
            due_soon_limit: cx.sla().due_soon,
            open: Vec::new(),
            blocked: Vec::new(),
            overdue: Vec::new(),
            due_soon: Vec::new(),
            awaiting_acceptance: Vec::new(),
            accepted_this_week: Vec::new(),
        };
        let dues = |line: ItemLine, due: DateTime<Tz>, out: &mut Headline| {
            if clock.now > due {
                out.overdue.push(DueLine::overdue(cx, line, due));
            } else if horizon.is_some_and(|h| due <= h) {
                out.due_soon.push(DueLine {
                    item: line,
                    due,
                    working_days: clock.working_days_until(due),
                    hours: 0,
                });
            }
        };
        for task in &cx.project.tasks {
            if task.archived || !scope.task(cx.project, task) {
                continue;
            }
            let line = ItemLine::task(org, &task.id, task);
            let status = task.status();
            if open_task(task) {
                out.open.push(line.clone());
                if let Some(due) = &task.due {
                    dues(line.clone(), clock.deadline(due), &mut out);
                }
            }
            if status == TaskStatus::Blocked {
                out.blocked.push(BlockedLine::of(cx, task));
            }
            if let Some(pending) = pending_review(cx, task) {
                out.awaiting_acceptance.push(AcceptanceLine {
                    item: line.clone(),
                    acceptor: acceptor(cx.project, task).map(str::to_string),
                    delivered: pending.delivered,
                    accept_by: pending.accept_by,
                });
            }
            let review = task.review.as_ref();
            let reviewed = cx.time_of(
                &task.id,
                review.and_then(|r| r.at.as_ref()),
                Event::Reviewed,
            );
            let accepted = review.is_some_and(|r| *r.verdict.get() == Verdict::Accepted);
            if let (true, Some(at)) = (accepted, reviewed)
                && at >= week_start
                && at <= clock.now
            {
                out.accepted_this_week.push(AcceptedLine { item: line, at });
            }
        }
        for request in &cx.project.requests {
            if request.archived || !scope.request(request) {
                continue;
            }
            let line = ItemLine::request(&cx.project.org, &request.id, request);
            if open_request(request) {
                out.open.push(line.clone());
                if let Some(due) = &request.due {
                    dues(line.clone(), clock.deadline(due), &mut out);
                }
            }
            let acceptance = request.acceptance.as_ref();
            if request.status() == RequestStatus::Delivered && acceptance.is_none() {
                out.awaiting_acceptance.push(AcceptanceLine {
                    item: line.clone(),
                    acceptor: request.from.contact.as_ref().map(|c| c.to_string()),
                    delivered: None,
                    accept_by: None,
                });
            }
            let accepted = acceptance.is_some_and(|a| *a.verdict.get() == Verdict::Accepted);
            let at = cx.time_of(
                &request.id,
                acceptance.and_then(|a| a.at.as_ref()),
                Event::Reviewed,
            );
            if let (true, Some(at)) = (accepted, at)
                && at >= week_start
                && at <= clock.now
            {
                out.accepted_this_week.push(AcceptedLine { item: line, at });
            }
        }
        out.overdue
            .sort_by(|a, b| (a.due, &a.item.id).cmp(&(b.due, &b.item.id)));
        out.due_soon
            .sort_by(|a, b| (a.due, &a.item.id).cmp(&(b.due, &b.item.id)));
        out.accepted_this_week
            .sort_by(|a, b| (a.at, &a.item.id).cmp(&(b.at, &b.item.id)));
        out
    }
}

impl BlockedLine {
    /// A blocked task as it is listed: since when (stated, else from
    /// history), why, and to whom it was escalated.
    pub fn of(cx: &Context<'_>, task: &Item<Task>) -> BlockedLine {
        let blocked = task.blocked.as_ref();
        BlockedLine {
            item: ItemLine::task(&cx.project.org, &task.id, task),
            since: cx.time_of(
                &task.id,
                blocked.and_then(|b| b.since.as_ref()),
                Event::Blocked,
            ),
            reason: blocked
                .and_then(|b| b.reason.as_ref())
                .map(|r| r.to_string()),
            escalated_to: blocked
                .and_then(|b| b.escalated_to.as_ref())
                .map(|e| e.to_string())
                .filter(|e| !e.trim().is_empty()),
        }
    }
}

impl DueLine {
    /// An item past its deadline `due`, with how late it is at now (D001's
    /// measure: working days, or clock hours within the first one).
    pub fn overdue(cx: &Context<'_>, item: ItemLine, due: DateTime<Tz>) -> DueLine {
        let late = cx.clock.late(due, cx.clock.now);
        DueLine {
            item,
            due,
            working_days: late.working_days,
            hours: late.hours,
        }
    }
}

/// Monday 00:00 of now's ISO week, in the project's zone.
pub(crate) fn week_start(cx: &Context<'_>) -> DateTime<Tz> {
    let today = cx.clock.local_date(cx.clock.now);
    let monday = today.week(Weekday::Mon).first_day();
    cx.clock.at(monday, NaiveTime::MIN)
}
