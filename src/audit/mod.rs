//! `baton audit`: where the project stands, on one screen.
//!
//! [`Audit::compute`] reads a checked project (its plan, its clock, the
//! evidence from git history) and gathers what a lead needs at a glance:
//!
//! - [`headline`]: open, blocked, overdue, due soon (`sla.due_soon`),
//!   delivered and awaiting acceptance, accepted this week — each with its
//!   items;
//! - [`load`]: per department, open work led and supported, overdue and
//!   blocked tasks, and the planned work of the next 10 working days
//!   against capacity (people × 10), overloaded departments flagged;
//! - [`people`]: per person, what is due within 3 working days (seed 003's
//!   reminder: 任务截止前3天提醒负责人), and what waits on their
//!   confirmation or acceptance;
//! - [`sla`]: for each service level of SPEC §3, the cases of the period,
//!   how many were kept, and the median and worst time taken in working
//!   hours;
//! - [`outlook`]: the critical path and the planned finish of every open
//!   request;
//! - [`changes`]: change requests waiting for a decision, and for whom;
//! - [`complaints`]: complaints not closed, with their response and
//!   follow-up clocks; [`agreements`]: agreements waiting for legal, for
//!   signatures, or for renewal;
//! - [`waivers`]: every waiver, by whom, until when, and whether it holds.
//!
//! Times of events are those the rules use ([`Context::time_of`]): the time
//! an item states, else the time git history shows the state began.
//! Renderers (text, JSON, Markdown, HTML) live in [`crate::report::audit`].

pub mod agreements;
pub mod changes;
pub mod complaints;
pub mod headline;
pub mod load;
pub mod outlook;
pub mod people;
mod scope;
pub mod sla;
pub mod waivers;

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, SecondsFormat};
use chrono_tz::Tz;
use serde::{Serialize, Serializer};

pub use headline::Headline;
pub use load::Load;
pub use outlook::Outlook;
pub use people::People;
pub use scope::Scope;
pub(crate) use scope::department_of;
pub use sla::SlaReport;

use crate::evidence::Event;
use crate::model::{Item, ItemKind, Org, Project, RequestStatus, Task, TaskStatus};
use crate::rules::Context;

/// How the audit is computed.
#[derive(Debug, Clone)]
pub struct Options {
    /// Service levels are measured over this many calendar days before now.
    pub since_days: u32,
    /// What the view is limited to.
    pub scope: Scope,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            since_days: 30,
            scope: Scope::everything(),
        }
    }
}

/// Where a project stands (`baton audit --format json` prints this).
#[derive(Debug, Clone, Serialize)]
pub struct Audit {
    /// Format version, 1.
    pub version: u32,
    /// The project's name.
    pub project: String,
    /// The evaluation time.
    #[serde(serialize_with = "instant")]
    pub now: DateTime<Tz>,
    /// What the view is limited to.
    pub scope: Scope,
    /// Counts, each with its items.
    pub headline: Headline,
    /// Departments' load; `None` when there is no plan.
    pub load: Option<Load>,
    /// Reminders per person.
    pub people: People,
    /// Service levels over the period.
    pub sla: SlaReport,
    /// Critical path and open requests.
    pub outlook: Outlook,
    /// Change requests waiting for a decision.
    pub changes: Vec<changes::PendingChange>,
    /// Complaints not yet closed.
    pub complaints: Vec<complaints::OpenComplaint>,
    /// Agreements waiting for legal, signatures or renewal.
    pub agreements: Vec<agreements::WaitingAgreement>,
    /// Findings accepted by a waiver (`[[waiver]]`).
    pub waivers: Vec<waivers::WaiverLine>,
}

impl Audit {
    /// Audits the project `cx` sees.
    pub fn compute(cx: &Context<'_>, options: &Options) -> Audit {
        let scope = &options.scope;
        Audit {
            version: 1,
            project: cx.project.settings.name.clone(),
            now: cx.clock.now,
            scope: scope.clone(),
            headline: Headline::compute(cx, scope),
            load: cx.plan.and_then(|plan| Load::compute(cx, plan, scope)),
            people: People::compute(cx, scope),
            sla: SlaReport::compute(cx, scope, options.since_days),
            outlook: Outlook::compute(cx, scope),
            changes: changes::pending(cx, scope),
            complaints: complaints::open(cx, scope),
            agreements: agreements::waiting(cx, scope),
            waivers: waivers::list(cx, scope),
        }
    }
}

/// An item as the audit lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemLine {
    /// Its id.
    pub id: String,
    /// `task`, `request` or `meeting`.
    #[serde(serialize_with = "kind")]
    pub kind: ItemKind,
    /// Its title.
    pub title: String,
    /// Who answers for it: a task's owner, a request's requesting contact.
    pub owner: Option<String>,
    /// Their display name from org.toml, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner_name: Option<String>,
    /// A task's lead department (else its owner's), a request's requesting
    /// department.
    pub department: Option<String>,
}

impl ItemLine {
    /// A task.
    pub fn task(org: &Org, id: &str, task: &Task) -> ItemLine {
        ItemLine {
            id: id.to_string(),
            kind: ItemKind::Task,
            title: task.title.to_string(),
            owner: task_owner(task).map(str::to_string),
            owner_name: task_owner(task).and_then(|o| display_name(org, o)),
            department: task_department(org, task).map(str::to_string),
        }
    }

    /// `张经理 (zhang.jingli)`: the owner as people know them and as files
    /// name them; the id alone when org.toml gives no name.
    pub fn who(&self) -> String {
        match (&self.owner_name, &self.owner) {
            (Some(name), Some(id)) => format!("{name} ({id})"),
            (None, Some(id)) => id.clone(),
            _ => String::new(),
        }
    }

    /// A request.
    pub fn request(org: &Org, id: &str, request: &crate::model::Request) -> ItemLine {
        let owner = request.from.contact.as_ref().map(|c| c.to_string());
        ItemLine {
            id: id.to_string(),
            kind: ItemKind::Request,
            title: request.title.to_string(),
            owner_name: owner.as_deref().and_then(|o| display_name(org, o)),
            owner,
            department: Some(request.from.department.to_string()),
        }
    }
}

/// A delivery waiting for its review.
pub(crate) struct PendingReview {
    /// When the task was delivered (stated, else from history).
    pub delivered: Option<DateTime<Tz>>,
    /// When the review is due: `sla.acceptance` after the delivery.
    pub accept_by: Option<DateTime<Tz>>,
}

/// A delivered task whose delivery has no review yet (W008's view); the
/// headline and the reminders list the same deliveries.
pub(crate) fn pending_review(cx: &Context<'_>, task: &Item<Task>) -> Option<PendingReview> {
    if task.status() != TaskStatus::Delivered {
        return None;
    }
    let delivered = cx.time_of(&task.id, task.delivered_at.as_ref(), Event::Delivered);
    let reviewed = cx.time_of(
        &task.id,
        task.review.as_ref().and_then(|r| r.at.as_ref()),
        Event::Reviewed,
    );
    // A review from before this delivery belongs to an earlier round.
    let current = match (reviewed, delivered) {
        (Some(r), Some(d)) => r >= d,
        (Some(_), None) => true,
        (None, _) => false,
    };
    (!current).then(|| PendingReview {
        delivered,
        accept_by: delivered.and_then(|d| cx.clock.after(d, cx.sla().acceptance)),
    })
}

/// A task's owner (the first, when several are written).
pub(crate) fn task_owner(task: &Task) -> Option<&str> {
    task.owner
        .as_ref()
        .and_then(|o| o.get().0.first())
        .map(|o| o.as_str())
        .filter(|o| !o.trim().is_empty())
}

/// Who accepts a task: its `acceptor`, else its request's contact.
pub(crate) fn acceptor<'a>(project: &'a Project, task: &'a Task) -> Option<&'a str> {
    match &task.acceptor {
        Some(a) => Some(a.as_str()),
        None => task
            .request
            .as_ref()
            .and_then(|r| project.request(r))
            .and_then(|r| r.from.contact.as_ref())
            .map(|c| c.as_str()),
    }
}

/// The request a task serves: its own `request`, else its nearest
/// ancestor's (a subtask of a task that serves a request serves it too).
pub fn task_request<'a>(project: &'a Project, task: &'a Task) -> Option<&'a str> {
    let mut current = task;
    // Parents can form a cycle (S-rules do not forbid it): bound the walk.
    for _ in 0..=project.tasks.len() {
        if let Some(request) = &current.request {
            return Some(request.as_str());
        }
        let parent = current.parent.as_ref()?;
        current = project.task(parent)?;
    }
    None
}

/// A task's department: its lead, else its owner's department.
pub(crate) fn task_department<'a>(org: &'a Org, task: &'a Task) -> Option<&'a str> {
    match &task.lead {
        Some(lead) => Some(lead.as_str()),
        None => task_owner(task).and_then(|o| department_of(org, o)),
    }
}

/// Open work: not archived, not delivered, accepted or cancelled.
pub(crate) fn open_task(task: &Task) -> bool {
    !task.archived && !task.status().is_done()
}

/// An open request: sent, not archived, and nothing more owed.
pub(crate) fn open_request(request: &crate::model::Request) -> bool {
    let status = request.status();
    !request.archived && !status.is_done() && status != RequestStatus::Draft
}

/// Ids of summary tasks: the `parent` of some task that is not cancelled.
/// Their work is their children's, so it is not counted twice.
pub(crate) fn summary_tasks(project: &Project) -> HashSet<&str> {
    project
        .tasks
        .iter()
        .filter(|t| t.status() != TaskStatus::Cancelled && !t.archived)
        .filter_map(|t| t.parent.as_ref().map(|p| p.as_str()))
        .collect()
}

/// A department's display name: `研发部` (its id when it has no name).
pub fn department_name(org: &Org, id: &str) -> String {
    org.department(id)
        .and_then(|d| d.name.as_ref())
        .map_or_else(|| id.to_string(), |n| n.to_string())
}

/// A person's display name: `李工` (their id when they have no name).
/// A person's display name, when org.toml gives one.
pub(crate) fn display_name(org: &Org, id: &str) -> Option<String> {
    org.person(id)
        .and_then(|p| p.name.as_ref())
        .map(|n| n.to_string())
}

/// A person's display name, else their id.
pub fn person_name(org: &Org, id: &str) -> String {
    org.person(id)
        .and_then(|p| p.name.as_ref())
        .map_or_else(|| id.to_string(), |n| n.to_string())
}

/// Serializes an instant as RFC 3339 in the project's zone.
pub(crate) fn instant<S: Serializer>(t: &DateTime<Tz>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&t.to_rfc3339_opts(SecondsFormat::Secs, false))
}

/// Serializes a value as its `Display` text (`3wd`).
pub(crate) fn display<S: Serializer, T: std::fmt::Display>(v: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}

/// Serializes an optional instant.
pub(crate) fn maybe_instant<S: Serializer>(
    t: &Option<DateTime<Tz>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => instant(t, s),
        None => s.serialize_none(),
    }
}

/// Serializes an optional date as `YYYY-MM-DD`.
pub(crate) fn maybe_date<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.to_string()),
        None => s.serialize_none(),
    }
}

/// Serializes a date as `YYYY-MM-DD`.
pub(crate) fn date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&d.to_string())
}

fn kind<S: Serializer>(k: &ItemKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(k.name())
}

#[cfg(test)]
mod tests;
