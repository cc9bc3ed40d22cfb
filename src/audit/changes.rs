//! Change requests waiting for a decision (seed 002: a plan changes only
//! after both sides confirm), with who is waited for and by when.

use chrono::DateTime;
use chrono_tz::Tz;
use serde::Serialize;

use super::{Scope, maybe_instant};
use crate::authority::{ApprovalState, change_request_state};
use crate::evidence::Event;
use crate::rules::Context;

/// One undecided change request.
#[derive(Debug, Clone, Serialize)]
pub struct PendingChange {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Who asked for it.
    pub requested_by: Option<String>,
    /// What it changes: `T-200 due 2026-10-16 → 2026-10-23`.
    pub changes: Vec<String>,
    /// Who could still decide (one from each undecided side).
    pub waiting: Vec<String>,
    /// When it was requested (stated, else from history).
    #[serde(serialize_with = "maybe_instant")]
    pub requested_at: Option<DateTime<Tz>>,
    /// When a decision is due: `sla.change_decision` after the request.
    #[serde(serialize_with = "maybe_instant")]
    pub decide_by: Option<DateTime<Tz>>,
    /// Whether that is past.
    pub overdue: bool,
}

/// Every undecided, unarchived change request that touches the scope.
pub fn pending(cx: &Context<'_>, scope: &Scope) -> Vec<PendingChange> {
    let project = cx.project;
    let mut out = Vec::new();
    for cr in &project.changes {
        if cr.archived {
            continue;
        }
        let ApprovalState::Pending { waiting } =
            change_request_state(project, &cr.body, None).state
        else {
            continue;
        };
        let mut waiting: Vec<String> = waiting.into_iter().flatten().collect();
        waiting.sort();
        waiting.dedup();
        let in_scope = scope.is_everything()
            || cr
                .requested_by
                .as_ref()
                .is_some_and(|p| scope.person_row(&project.org, p))
            || waiting.iter().any(|p| scope.person_row(&project.org, p));
        if !in_scope {
            continue;
        }
        let requested_at = cx.time_of(&cr.id, cr.requested_at.as_ref(), Event::ChangeRequested);
        let decide_by = requested_at.and_then(|t| cx.clock.after(t, cx.sla().change_decision));
        out.push(PendingChange {
            id: cr.id.clone(),
            title: cr.title.to_string(),
            requested_by: cr.requested_by.as_ref().map(|p| p.to_string()),
            changes: cr
                .change
                .iter()
                .map(|c| {
                    let show = |v: &Option<crate::parse::Sp<crate::model::FieldValue>>| {
                        v.as_ref().map_or("∅".to_string(), |v| v.0.clone())
                    };
                    format!(
                        "{} {} {} → {}",
                        c.item.as_str(),
                        c.field.as_str(),
                        show(&c.from),
                        show(&c.to)
                    )
                })
                .collect(),
            waiting,
            requested_at,
            decide_by,
            overdue: decide_by.is_some_and(|d| cx.clock.now > d),
        });
    }
    out
}
