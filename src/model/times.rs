//! The stated times of an item, under stable field keys.
//!
//! The keys match [`crate::history::fields`] paths (`response[rnd].at`,
//! `update[2].at`, `minutes.action[补充文档].confirmed_at`), so the time a
//! value was first recorded in git can be found for each stated time.

use super::{Agreement, ChangeRequest, CommRecord, Complaint, ItemBody, Meeting, Request, Task};
use crate::parse::{Sp, When};

/// Keys for elements of a list: `by(element)` when all are distinct, else indices.
fn element_keys<T>(items: &[T], by: impl Fn(&T) -> Option<String>) -> Vec<String> {
    let keys: Option<Vec<String>> = items.iter().map(&by).collect();
    if let Some(keys) = keys {
        let mut unique = keys.clone();
        unique.sort();
        unique.dedup();
        if unique.len() == keys.len() {
            return keys;
        }
    }
    (0..items.len()).map(|i| i.to_string()).collect()
}

/// Every stated time of a task with its field key.
pub fn task_times(task: &Task) -> Vec<(String, &Sp<When>)> {
    let mut out = Vec::new();
    if let Some(t) = &task.delivered_at {
        out.push(("delivered_at".to_string(), t));
    }
    if let Some(blocked) = &task.blocked {
        if let Some(t) = &blocked.since {
            out.push(("blocked.since".to_string(), t));
        }
        if let Some(t) = &blocked.escalated_at {
            out.push(("blocked.escalated_at".to_string(), t));
        }
    }
    for (i, update) in task.update.iter().enumerate() {
        out.push((format!("update[{i}].at"), &update.at));
    }
    if let Some(t) = task.review.as_ref().and_then(|r| r.at.as_ref()) {
        out.push(("review.at".to_string(), t));
    }
    out
}

/// Every stated time of a request with its field key.
pub fn request_times(request: &Request) -> Vec<(String, &Sp<When>)> {
    let mut out = Vec::new();
    if let Some(t) = &request.submitted_at {
        out.push(("submitted_at".to_string(), t));
    }
    let keys = element_keys(&request.response, |r| Some(r.department.to_string()));
    for (response, key) in request.response.iter().zip(keys) {
        if let Some(t) = &response.at {
            out.push((format!("response[{key}].at"), t));
        }
    }
    if let Some(t) = request.acceptance.as_ref().and_then(|a| a.at.as_ref()) {
        out.push(("acceptance.at".to_string(), t));
    }
    if let Some(t) = request.retrospective.as_ref().and_then(|r| r.at.as_ref()) {
        out.push(("retrospective.at".to_string(), t));
    }
    out
}

/// Every stated time of a meeting with its field key.
pub fn meeting_times(meeting: &Meeting) -> Vec<(String, &Sp<When>)> {
    let mut out = Vec::new();
    for (value, key) in [
        (&meeting.notice_at, "notice_at"),
        (&meeting.agenda_at, "agenda_at"),
    ] {
        if let Some(t) = value {
            out.push((key.to_string(), t));
        }
    }
    if let Some(minutes) = &meeting.minutes {
        if let Some(t) = &minutes.published_at {
            out.push(("minutes.published_at".to_string(), t));
        }
        let keys = element_keys(&minutes.action, |a| Some(a.title.to_string()));
        for (action, key) in minutes.action.iter().zip(keys) {
            if let Some(t) = &action.confirmed_at {
                out.push((format!("minutes.action[{key}].confirmed_at"), t));
            }
            if let Some(t) = &action.done_at {
                out.push((format!("minutes.action[{key}].done_at"), t));
            }
        }
    }
    out
}

/// Every stated time of a complaint with its field key.
pub fn complaint_times(complaint: &Complaint) -> Vec<(String, &Sp<When>)> {
    let mut out = Vec::new();
    let sections = [
        ("received_at", complaint.received_at.as_ref()),
        (
            "response.at",
            complaint.response.as_ref().and_then(|r| r.at.as_ref()),
        ),
        (
            "resolution.at",
            complaint.resolution.as_ref().and_then(|r| r.at.as_ref()),
        ),
        (
            "follow_up.at",
            complaint.follow_up.as_ref().and_then(|f| f.at.as_ref()),
        ),
    ];
    for (key, value) in sections {
        if let Some(t) = value {
            out.push((key.to_string(), t));
        }
    }
    out
}

/// Every stated time of an agreement with its field key.
pub fn agreement_times(agreement: &Agreement) -> Vec<(String, &Sp<When>)> {
    let mut out = Vec::new();
    if let Some(review) = &agreement.legal_review {
        if let Some(t) = &review.requested_at {
            out.push(("legal_review.requested_at".to_string(), t));
        }
        if let Some(t) = &review.at {
            out.push(("legal_review.at".to_string(), t));
        }
    }
    let keys = element_keys(&agreement.signature, |s| {
        Some(super::agreement::party_name(*s.party.get()).to_string())
    });
    for (signature, key) in agreement.signature.iter().zip(keys) {
        if let Some(t) = &signature.at {
            out.push((format!("signature[{key}].at"), t));
        }
    }
    out
}

/// Every stated time of a communication record with its field key.
pub fn comm_times(comm: &CommRecord) -> Vec<(String, &Sp<When>)> {
    let mut out = Vec::new();
    if let Some(t) = &comm.recorded_at {
        out.push(("recorded_at".to_string(), t));
    }
    let keys = element_keys(&comm.action, |a| Some(a.title.to_string()));
    for (action, key) in comm.action.iter().zip(keys) {
        if let Some(t) = &action.done_at {
            out.push((format!("action[{key}].done_at"), t));
        }
    }
    out
}

/// Every stated time of a change request with its field key.
pub fn change_times(change: &ChangeRequest) -> Vec<(String, &Sp<When>)> {
    let mut out = Vec::new();
    if let Some(t) = &change.requested_at {
        out.push(("requested_at".to_string(), t));
    }
    let keys = element_keys(&change.approval, |a| Some(a.by.to_string()));
    for (approval, key) in change.approval.iter().zip(keys) {
        if let Some(t) = &approval.at {
            out.push((format!("approval[{key}].at"), t));
        }
    }
    out
}

/// Every stated time of an item body.
pub fn item_times(body: &ItemBody) -> Vec<(String, &Sp<When>)> {
    match body {
        ItemBody::Task(t) => task_times(t),
        ItemBody::Request(r) => request_times(r),
        ItemBody::Meeting(m) => meeting_times(m),
        ItemBody::Change(c) => change_times(c),
        ItemBody::Complaint(c) => complaint_times(c),
        ItemBody::Agreement(a) => agreement_times(a),
        ItemBody::Comm(c) => comm_times(c),
    }
}
