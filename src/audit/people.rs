//! Reminders per person (seed 003: 任务截止前3天提醒负责人 — remind the
//! owner 3 days before a deadline):
//!
//! - **due**: their open tasks, the open requests they are an assisting
//!   contact of, and their action items not promoted to a task, due within
//!   `sla.due_soon` (by default 3 working days: by the end of the 3rd working day after
//!   today, as D002 counts);
//! - **overdue**: their open tasks and requests, and their action items
//!   (of meetings and communication records) not done, already past due;
//! - **confirm**: action items of published minutes they own and have not
//!   confirmed;
//! - **accept**: delivered tasks they accept (the acceptor, else the
//!   request's contact) without a review of this delivery, and delivered
//!   requests they asked for;
//! - **decide**: change requests waiting for their decision;
//! - **answer** and **visit**: complaints they own waiting for a handling
//!   plan, or resolved and waiting for the follow-up visit;
//! - **review**: agreements waiting for their legal review.

use std::collections::BTreeMap;

use chrono::DateTime;
use chrono_tz::Tz;
use serde::Serialize;

use super::{
    Scope, acceptor, department_of, maybe_instant, open_request, open_task, pending_review,
    task_owner,
};
use crate::evidence::Event;
use crate::messages::Duty;
use crate::model::{ItemKind, RequestStatus};
use crate::rules::Context;
use crate::time::Duration;

/// Working days ahead a person is reminded of what is due, when
/// `sla.due_soon` is not given in working days (the default is 3wd).
pub const REMINDER_DAYS: u32 = 3;

/// Reminders, per person.
#[derive(Debug, Clone, Serialize)]
pub struct People {
    /// The reminder window in working days.
    pub days: u32,
    /// People with something to do, in org.toml's order.
    pub people: Vec<PersonDuties>,
}

/// One person's reminders.
#[derive(Debug, Clone, Serialize)]
pub struct PersonDuties {
    /// Person id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Their department.
    pub department: Option<String>,
    /// What they have to do, soonest first.
    pub duties: Vec<DutyLine>,
}

/// One thing a person has to do.
#[derive(Debug, Clone, Serialize)]
pub struct DutyLine {
    /// What: `overdue`, `due`, `confirm` or `accept`.
    pub duty: Duty,
    /// The item (for an action item: its meeting).
    pub item: String,
    /// `task`, `request` or `meeting`.
    #[serde(serialize_with = "super::kind")]
    pub kind: ItemKind,
    /// The task's or request's title, or the action item's.
    pub title: String,
    /// By when.
    #[serde(serialize_with = "maybe_instant")]
    pub by: Option<DateTime<Tz>>,
}

impl People {
    /// The reminders of the people `scope` shows.
    pub fn compute(cx: &Context<'_>, scope: &Scope) -> People {
        let clock = cx.clock;
        let project = cx.project;
        let org = &project.org;
        // `sla.due_soon` (seeds 002/003: 3 working days by default).
        let horizon = clock.after(clock.now, cx.sla().due_soon);
        let mut duties: BTreeMap<String, Vec<DutyLine>> = BTreeMap::new();
        let mut add = |person: &str, line: DutyLine| {
            duties.entry(person.to_string()).or_default().push(line);
        };
        let due = |deadline: DateTime<Tz>| -> Option<Duty> {
            if clock.now > deadline {
                Some(Duty::Overdue)
            } else if horizon.is_some_and(|h| deadline <= h) {
                Some(Duty::Due)
            } else {
                None
            }
        };
        for task in &project.tasks {
            if task.archived {
                continue;
            }
            let line = |duty, by| DutyLine {
                duty,
                item: task.id.clone(),
                kind: ItemKind::Task,
                title: task.title.to_string(),
                by,
            };
            if open_task(task)
                && let (Some(owner), Some(d)) = (task_owner(task), &task.due)
            {
                let deadline = clock.deadline(d);
                if let Some(duty) = due(deadline) {
                    add(owner, line(duty, Some(deadline)));
                }
            }
            if let Some(pending) = pending_review(cx, task)
                && let Some(person) = acceptor(project, task)
            {
                add(person, line(Duty::Accept, pending.accept_by));
            }
        }
        for request in &project.requests {
            if request.archived {
                continue;
            }
            let line = |duty, by| DutyLine {
                duty,
                item: request.id.clone(),
                kind: ItemKind::Request,
                title: request.title.to_string(),
                by,
            };
            if open_request(request)
                && let Some(d) = &request.due
            {
                let deadline = clock.deadline(d);
                if let Some(duty) = due(deadline) {
                    for party in &request.to {
                        if let Some(contact) = &party.contact {
                            add(contact.as_str(), line(duty, Some(deadline)));
                        }
                    }
                }
            }
            if request.status() == RequestStatus::Delivered
                && request.acceptance.is_none()
                && let Some(contact) = &request.from.contact
            {
                add(contact.as_str(), line(Duty::Accept, None));
            }
        }
        for meeting in &project.meetings {
            let Some(minutes) = meeting.minutes.as_ref().filter(|_| !meeting.archived) else {
                continue;
            };
            let published = cx.time_of(
                &meeting.id,
                minutes.published_at.as_ref(),
                Event::MinutesPublished,
            );
            for action in &minutes.action {
                let Some(owner) = action.owner.as_ref().filter(|o| !o.trim().is_empty()) else {
                    continue;
                };
                let event = Event::ActionConfirmed(action.title.to_string());
                if cx
                    .time_of(&meeting.id, action.confirmed_at.as_ref(), event)
                    .is_none()
                    && !project.action_done(action)
                {
                    let by = published.and_then(|p| clock.after(p, cx.sla().action_confirm));
                    let line = DutyLine {
                        duty: Duty::Confirm,
                        item: meeting.id.clone(),
                        kind: ItemKind::Meeting,
                        title: action.title.to_string(),
                        by,
                    };
                    add(owner.as_str(), line);
                }
            }
        }
        // Action items of meetings and communication records, until done
        // (one promoted to a task is reminded of as that task).
        for found in project.action_items() {
            let action = found.action;
            if found.archived || action.task.is_some() || project.action_done(action) {
                continue;
            }
            let (Some(owner), Some(d)) = (
                action.owner.as_ref().filter(|o| !o.trim().is_empty()),
                &action.due,
            ) else {
                continue;
            };
            let deadline = clock.deadline(d);
            if let Some(duty) = due(deadline) {
                let kind = project
                    .item(found.item)
                    .map_or(ItemKind::Meeting, |r| r.kind);
                let line = DutyLine {
                    duty,
                    item: found.item.to_string(),
                    kind,
                    title: action.title.to_string(),
                    by: Some(deadline),
                };
                add(owner.as_str(), line);
            }
        }
        for open in super::complaints::open(cx, &Scope::everything()) {
            let Some(owner) = &open.owner else { continue };
            let (duty, by) = match open.stage {
                "open" => (Duty::Answer, open.respond_by),
                "resolved" => (Duty::Visit, open.follow_up_by),
                _ => continue,
            };
            let line = DutyLine {
                duty,
                item: open.id.clone(),
                kind: ItemKind::Complaint,
                title: open.title.clone(),
                by,
            };
            add(owner, line);
        }
        for waiting in super::agreements::in_review(cx, &Scope::everything()) {
            for person in &waiting.reviewers {
                let line = DutyLine {
                    duty: Duty::Review,
                    item: waiting.id.clone(),
                    kind: ItemKind::Agreement,
                    title: waiting.title.clone(),
                    by: waiting.review_by,
                };
                add(person, line);
            }
        }
        for pending in super::changes::pending(cx, &Scope::everything()) {
            for person in &pending.waiting {
                add(
                    person,
                    DutyLine {
                        duty: Duty::Decide,
                        item: pending.id.clone(),
                        kind: ItemKind::Change,
                        title: pending.title.clone(),
                        by: pending.decide_by,
                    },
                );
            }
        }
        let order = |id: &str| {
            org.people
                .iter()
                .position(|p| p.id.as_str() == id)
                .unwrap_or(usize::MAX)
        };
        let mut people: Vec<PersonDuties> = duties
            .into_iter()
            .filter(|(id, _)| scope.person_row(org, id))
            .map(|(id, mut duties)| {
                duties.sort_by(|a, b| {
                    (a.by.is_none(), a.by, a.duty, &a.item).cmp(&(
                        b.by.is_none(),
                        b.by,
                        b.duty,
                        &b.item,
                    ))
                });
                PersonDuties {
                    name: super::person_name(org, &id),
                    department: department_of(org, &id).map(str::to_string),
                    id,
                    duties,
                }
            })
            .collect();
        people.sort_by(|a, b| (order(&a.id), &a.id).cmp(&(order(&b.id), &b.id)));
        People {
            days: match cx.sla().due_soon {
                Duration::WorkingDays(n) => n,
                _ => REMINDER_DAYS,
            },
            people,
        }
    }
}
