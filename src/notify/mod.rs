//! `baton notify`: today's reminders, sent to the group chats and
//! mailboxes of `[[notify]]` (SPEC §7), once a day per reminder and
//! channel, on working days only.
//!
//! reminders (from the checked project) → per channel: filtered by its
//! events and departments, minus what the ledger says was sent today →
//! rendered in the platform's form → sent (signed where the platform
//! signs) → recorded in the ledger.

pub mod ledger;
pub mod mail;
mod reminders;
pub mod render;
pub mod send;

pub use reminders::{Reminder, reminders};

use crate::model::{BodyRef, NotifyChannel, NotifyEvent, NotifyKind, Project};

/// The name of a platform as written in `kind = "…"`.
pub fn kind_name(kind: NotifyKind) -> &'static str {
    match kind {
        NotifyKind::Feishu => "feishu",
        NotifyKind::Lark => "lark",
        NotifyKind::Dingtalk => "dingtalk",
        NotifyKind::Wecom => "wecom",
        NotifyKind::Slack => "slack",
        NotifyKind::Email => "email",
        NotifyKind::Webhook => "webhook",
    }
}

/// The name of an event as written in `events = [...]`.
pub fn event_name(event: NotifyEvent) -> &'static str {
    match event {
        NotifyEvent::DueSoon => "due_soon",
        NotifyEvent::Overdue => "overdue",
        NotifyEvent::UpdateMissing => "update_missing",
        NotifyEvent::Blocked => "blocked",
        NotifyEvent::Acceptance => "acceptance",
        NotifyEvent::ActionConfirm => "action_confirm",
        NotifyEvent::MeetingTomorrow => "meeting_tomorrow",
        NotifyEvent::RequestAck => "request_ack",
        NotifyEvent::Complaint => "complaint",
        NotifyEvent::ChangePending => "change_pending",
        NotifyEvent::LegalReview => "legal_review",
    }
}

/// The reminders `channel` takes: its events (all when none are named),
/// and, when it names departments, items those departments lead, support,
/// ask or are asked for, or reminders to their members.
pub fn for_channel(channel: &NotifyChannel, all: &[Reminder], project: &Project) -> Vec<Reminder> {
    let events: Vec<NotifyEvent> = channel.events.iter().map(|e| *e.get()).collect();
    let departments: Vec<&str> = channel.departments.iter().map(|d| d.as_str()).collect();
    all.iter()
        .filter(|r| events.is_empty() || events.contains(&r.event))
        .filter(|r| {
            departments.is_empty()
                || project
                    .org
                    .person(&r.person)
                    .and_then(|p| p.department.as_ref())
                    .is_some_and(|d| departments.contains(&d.as_str()))
                || item_departments(project, &r.item)
                    .iter()
                    .any(|d| departments.contains(d))
        })
        .cloned()
        .collect()
}

/// The departments an item involves.
fn item_departments<'p>(project: &'p Project, id: &str) -> Vec<&'p str> {
    match project.body(id) {
        Some(BodyRef::Task(task)) => task
            .lead
            .iter()
            .chain(&task.support)
            .map(|d| d.as_str())
            .collect(),
        Some(BodyRef::Request(request)) => std::iter::once(request.from.department.as_str())
            .chain(request.to.iter().map(|p| p.department.as_str()))
            .collect(),
        Some(BodyRef::Complaint(complaint)) => {
            complaint.departments.iter().map(|d| d.as_str()).collect()
        }
        Some(BodyRef::Agreement(agreement)) => agreement.lead.iter().map(|d| d.as_str()).collect(),
        Some(BodyRef::Comm(comm)) => comm.departments.iter().map(|d| d.as_str()).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests;
