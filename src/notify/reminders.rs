//! Today's reminders, from the same checked project as `baton audit`: the
//! audit's duties per person (due soon, overdue, acceptance, action items
//! to confirm, change requests to decide) and what only a reminder needs —
//! the progress update missed by `workday.update_by`, blocked work past
//! `sla.blocked_escalate` (to the manager), tomorrow's meetings (to every
//! participant) and requests an assisting department has not answered.

use std::collections::BTreeSet;

use chrono::{DateTime, Days};
use chrono_tz::Tz;

use crate::audit::people::People;
use crate::audit::{Scope, open_request, open_task, task_owner};
use crate::evidence::Event;
use crate::messages::Duty;
use crate::model::{ItemKind, NotifyEvent, TaskStatus};
use crate::rules::Context;

/// One thing one person is reminded of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    /// Why.
    pub event: NotifyEvent,
    /// Who (a person id).
    pub person: String,
    /// The item (an action item's meeting).
    pub item: String,
    /// Its kind.
    pub kind: ItemKind,
    /// The item's title (an action item's own title).
    pub title: String,
    /// By when, if there is a when.
    pub by: Option<DateTime<Tz>>,
}

/// Every reminder at the context's now, in a stable order: by person (in
/// org.toml's order), then by when, event and item.
pub fn reminders(cx: &Context<'_>) -> Vec<Reminder> {
    let mut out = Vec::new();
    for person in People::compute(cx, &Scope::everything()).people {
        for line in person.duties {
            let event = match line.duty {
                Duty::Overdue => NotifyEvent::Overdue,
                Duty::Due => NotifyEvent::DueSoon,
                Duty::Confirm => NotifyEvent::ActionConfirm,
                Duty::Accept => NotifyEvent::Acceptance,
                Duty::Decide => NotifyEvent::ChangePending,
                Duty::Answer | Duty::Visit => NotifyEvent::Complaint,
                Duty::Review => NotifyEvent::LegalReview,
            };
            out.push(Reminder {
                event,
                person: person.id.clone(),
                item: line.item,
                kind: line.kind,
                title: line.title,
                by: line.by,
            });
        }
    }
    update_missing(cx, &mut out);
    blocked(cx, &mut out);
    meetings_tomorrow(cx, &mut out);
    requests_to_acknowledge(cx, &mut out);
    let org = &cx.project.org;
    let order = |id: &str| {
        org.people
            .iter()
            .position(|p| p.id.as_str() == id)
            .unwrap_or(usize::MAX)
    };
    out.sort_by(|a, b| {
        (
            order(&a.person),
            &a.person,
            a.by.is_none(),
            a.by,
            a.event,
            &a.item,
        )
            .cmp(&(
                order(&b.person),
                &b.person,
                b.by.is_none(),
                b.by,
                b.event,
                &b.item,
            ))
    });
    out.dedup();
    out
}

/// Tasks in progress with no update today once `workday.update_by` has
/// passed on a working day (seeds 000/003: 逾期未更新自动提醒负责人).
fn update_missing(cx: &Context<'_>, out: &mut Vec<Reminder>) {
    let clock = cx.clock;
    let today = clock.local_date(clock.now);
    let cut_off = clock.at(today, clock.workday.update_by);
    if !clock.calendar.is_working_day(today) || clock.now < cut_off {
        return;
    }
    for task in &cx.project.tasks {
        if !open_task(task) || task.status() != TaskStatus::InProgress {
            continue;
        }
        let Some(owner) = task_owner(task) else {
            continue;
        };
        let last = cx.time_of(
            &task.id,
            task.update.last().map(|u| &u.at),
            Event::ProgressUpdated,
        );
        if last.is_some_and(|t| clock.local_date(t) == today) {
            continue;
        }
        out.push(Reminder {
            event: NotifyEvent::UpdateMissing,
            person: owner.to_string(),
            item: task.id.clone(),
            kind: ItemKind::Task,
            title: task.title.to_string(),
            by: Some(cut_off),
        });
    }
}

/// Blocked tasks not escalated within `sla.blocked_escalate`: to the
/// owner's manager (else the lead department's head), as W007 expects.
fn blocked(cx: &Context<'_>, out: &mut Vec<Reminder>) {
    let clock = cx.clock;
    let org = &cx.project.org;
    for task in &cx.project.tasks {
        if task.archived || task.status() != TaskStatus::Blocked {
            continue;
        }
        let Some(blocked) = &task.blocked else {
            continue;
        };
        if blocked.escalated_to.is_some() {
            continue;
        }
        let since = cx.time_of(&task.id, blocked.since.as_ref(), Event::Blocked);
        let Some(due) = since.and_then(|s| clock.after(s, cx.sla().blocked_escalate)) else {
            continue;
        };
        if clock.now <= due {
            continue;
        }
        let owner = task_owner(task);
        let manager = owner.and_then(|o| org.manager_of(o)).or_else(|| {
            task.lead
                .as_ref()
                .and_then(|lead| org.head_of(lead.as_str()))
        });
        if let Some(manager) = manager {
            out.push(Reminder {
                event: NotifyEvent::Blocked,
                person: manager.to_string(),
                item: task.id.clone(),
                kind: ItemKind::Task,
                title: task.title.to_string(),
                by: Some(due),
            });
        }
    }
}

/// Meetings on the next working day: every participant (seed 000:
/// 提前1天发送会议提醒). On a Friday that includes Monday's meetings (and
/// any on the weekend between), since no job runs on the days off.
fn meetings_tomorrow(cx: &Context<'_>, out: &mut Vec<Reminder>) {
    let clock = cx.clock;
    let today = clock.local_date(clock.now);
    let Some(next) = clock
        .calendar
        .nth_working_day_after(today, 1)
        .or_else(|| today.checked_add_days(Days::new(1)))
    else {
        return;
    };
    for meeting in &cx.project.meetings {
        let start = clock.event(&meeting.start);
        let day = clock.local_date(start);
        if meeting.archived || day <= today || day > next {
            continue;
        }
        let mut people = BTreeSet::new();
        for person in [&meeting.organizer, &meeting.chair].into_iter().flatten() {
            people.insert(person.as_str());
        }
        for person in meeting.required.iter().chain(&meeting.informed) {
            people.insert(person.as_str());
        }
        for person in people.into_iter().filter(|p| !p.trim().is_empty()) {
            out.push(Reminder {
                event: NotifyEvent::MeetingTomorrow,
                person: person.to_string(),
                item: meeting.id.clone(),
                kind: ItemKind::Meeting,
                title: meeting.title.to_string(),
                by: Some(start),
            });
        }
    }
}

/// Open requests an assisting department has not answered: to its
/// contact, with the `sla.request_ack` deadline (seed 001: 1 working day).
fn requests_to_acknowledge(cx: &Context<'_>, out: &mut Vec<Reminder>) {
    let clock = cx.clock;
    for request in &cx.project.requests {
        if !open_request(request) {
            continue;
        }
        let submitted = cx.time_of(&request.id, request.submitted_at.as_ref(), Event::Submitted);
        let by = submitted.and_then(|s| clock.after(s, cx.sla().request_ack));
        for party in &request.to {
            let department = party.department.as_str();
            let answered = request
                .response
                .iter()
                .any(|r| r.department.as_str() == department);
            let Some(contact) = party.contact.as_ref().filter(|c| !c.trim().is_empty()) else {
                continue;
            };
            if answered {
                continue;
            }
            out.push(Reminder {
                event: NotifyEvent::RequestAck,
                person: contact.to_string(),
                item: request.id.clone(),
                kind: ItemKind::Request,
                title: request.title.to_string(),
                by,
            });
        }
    }
}
