//! Complaints not yet closed (seed 002: a handling plan within 48 hours, a
//! follow-up visit within 3 days of the resolution), each with its clocks.

use chrono::DateTime;
use chrono_tz::Tz;
use serde::Serialize;

use super::{Scope, maybe_instant};
use crate::evidence::Event;
use crate::model::{Complaint, Item, Project, complaint_stage};
use crate::rules::Context;
use crate::time::Clock;

/// One complaint that is not closed.
#[derive(Debug, Clone, Serialize)]
pub struct OpenComplaint {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The customer.
    pub customer: Option<String>,
    /// `minor`, `major` or `critical`.
    pub severity: Option<&'static str>,
    /// Who handles it.
    pub owner: Option<String>,
    /// `open` (waiting for a handling plan), `responded` or `resolved`
    /// (waiting for the follow-up visit).
    pub stage: &'static str,
    /// When it was received (stated, else from history).
    #[serde(serialize_with = "maybe_instant")]
    pub received_at: Option<DateTime<Tz>>,
    /// When the handling plan is due: `sla.complaint_response` after
    /// receipt (while it has none).
    #[serde(serialize_with = "maybe_instant")]
    pub respond_by: Option<DateTime<Tz>>,
    /// When the follow-up visit is due: `sla.complaint_follow_up` after
    /// the resolution (once resolved).
    #[serde(serialize_with = "maybe_instant")]
    pub follow_up_by: Option<DateTime<Tz>>,
    /// Whether the deadline of its stage is past.
    pub overdue: bool,
}

/// Every complaint that is neither closed nor archived and concerns the
/// scope, most urgent first.
pub fn open(cx: &Context<'_>, scope: &Scope) -> Vec<OpenComplaint> {
    let project = cx.project;
    let sla = cx.sla();
    let mut out = Vec::new();
    for complaint in &project.complaints {
        let stage = complaint_stage(&complaint.body);
        if complaint.archived || stage == "closed" || !scope.complaint(&project.org, complaint) {
            continue;
        }
        let id = &complaint.id;
        let received_at = cx.time_of(id, complaint.received_at.as_ref(), Event::ComplaintReceived);
        let respond_by = received_at
            .filter(|_| stage == "open")
            .and_then(|t| cx.clock.after(t, sla.complaint_response));
        let resolved_at = complaint
            .resolution
            .as_ref()
            .and_then(|r| cx.time_of(id, r.at.as_ref(), Event::ComplaintResolved));
        let follow_up_by = resolved_at.and_then(|t| cx.clock.after(t, sla.complaint_follow_up));
        let overdue = [respond_by, follow_up_by]
            .into_iter()
            .flatten()
            .any(|by| cx.clock.now > by);
        out.push(OpenComplaint {
            id: id.clone(),
            title: complaint.title.to_string(),
            customer: complaint.customer.as_ref().map(|c| c.to_string()),
            severity: complaint.severity.as_ref().map(|s| s.get().as_str()),
            owner: complaint.owner.as_ref().map(|o| o.to_string()),
            stage,
            received_at,
            respond_by,
            follow_up_by,
            overdue,
        });
    }
    out.sort_by(|a, b| {
        let by = |c: &OpenComplaint| c.respond_by.or(c.follow_up_by);
        (!a.overdue, by(a).is_none(), by(a), &a.id).cmp(&(
            !b.overdue,
            by(b).is_none(),
            by(b),
            &b.id,
        ))
    });
    out
}

/// A complaint, the handling plan's deadline and the follow-up visit's.
pub type ComplaintDeadlines<'p> = (
    &'p Item<Complaint>,
    Option<DateTime<Tz>>,
    Option<DateTime<Tz>>,
);

/// The deadlines of every unarchived complaint from its stated times
/// alone (for `baton ics`, which reads no history): the handling plan's
/// while it has none, the follow-up visit's once resolved and not visited.
pub fn deadlines<'p>(project: &'p Project, clock: &Clock) -> Vec<ComplaintDeadlines<'p>> {
    let sla = &project.settings.sla;
    project
        .complaints
        .iter()
        .filter(|c| !c.archived)
        .map(|c| {
            let respond_by = c
                .received_at
                .as_ref()
                .filter(|_| c.response.is_none() && c.resolution.is_none())
                .and_then(|t| clock.after(clock.event(t), sla.complaint_response));
            let follow_up_by = c
                .resolution
                .as_ref()
                .filter(|_| c.follow_up.is_none())
                .and_then(|r| r.at.as_ref())
                .and_then(|t| clock.after(clock.event(t), sla.complaint_follow_up));
            (c, respond_by, follow_up_by)
        })
        .collect()
}
