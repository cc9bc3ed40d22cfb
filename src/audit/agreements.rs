//! Agreements that wait for someone (seed 002): for the legal department's
//! review, for signatures, or for renewal before they expire.

use chrono::DateTime;
use chrono_tz::Tz;
use serde::Serialize;

use super::{Scope, maybe_instant};
use crate::evidence::Event;
use crate::model::agreement_stage;
use crate::rules::Context;

/// One agreement that waits.
#[derive(Debug, Clone, Serialize)]
pub struct WaitingAgreement {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The other party.
    pub counterparty: Option<String>,
    /// Who is responsible for it.
    pub owner: Option<String>,
    /// `draft`, `in_review`, `changes_requested`, `approved`, `signing`,
    /// `signed` (listed when it expires soon) or `expired`.
    pub stage: &'static str,
    /// Who may review it: the named reviewer, else the legal department's
    /// members (while in review).
    pub reviewers: Vec<String>,
    /// When legal's verdict is due: `sla.legal_review` after the request.
    #[serde(serialize_with = "maybe_instant")]
    pub review_by: Option<DateTime<Tz>>,
    /// The last day it applies.
    pub expires: Option<String>,
    /// Whether the review is late.
    pub overdue: bool,
}

/// Agreements in legal review, in review with changes requested, approved
/// but unsigned, or signed and expiring within `sla.due_soon`.
pub fn waiting(cx: &Context<'_>, scope: &Scope) -> Vec<WaitingAgreement> {
    let project = cx.project;
    let clock = cx.clock;
    let today = clock.local_date(clock.now);
    let horizon = clock.after(clock.now, cx.sla().due_soon);
    let mut out = Vec::new();
    for agreement in &project.agreements {
        if agreement.archived || !scope.agreement(&project.org, agreement) {
            continue;
        }
        let stage = agreement_stage(&agreement.body, today);
        let expiring = agreement
            .expires
            .as_ref()
            .map(|e| clock.deadline(e))
            .is_some_and(|e| horizon.is_some_and(|h| e <= h));
        let listed = match stage {
            "in_review" | "changes_requested" | "approved" | "signing" => true,
            "signed" => expiring,
            _ => false,
        };
        if !listed {
            continue;
        }
        let review = agreement.legal_review.as_deref();
        let requested = review.and_then(|r| {
            cx.time_of(
                &agreement.id,
                r.requested_at.as_ref(),
                Event::LegalReviewRequested,
            )
        });
        let review_by = requested
            .filter(|_| stage == "in_review")
            .and_then(|t| clock.after(t, cx.sla().legal_review));
        let reviewers = if stage != "in_review" {
            Vec::new()
        } else if let Some(by) = review.and_then(|r| r.by.as_ref()) {
            vec![by.to_string()]
        } else {
            legal_people(cx)
        };
        out.push(WaitingAgreement {
            id: agreement.id.clone(),
            title: agreement.title.to_string(),
            counterparty: agreement.counterparty.as_ref().map(|c| c.to_string()),
            owner: agreement.owner.as_ref().map(|o| o.to_string()),
            stage,
            reviewers,
            review_by,
            expires: agreement
                .expires
                .as_ref()
                .map(|e| e.written_date().to_string()),
            overdue: review_by.is_some_and(|by| clock.now > by),
        });
    }
    out
}

/// The agreements waiting for legal's verdict.
pub fn in_review(cx: &Context<'_>, scope: &Scope) -> Vec<WaitingAgreement> {
    let mut out = waiting(cx, scope);
    out.retain(|a| a.stage == "in_review");
    out
}

/// The legal department's head, else its members.
fn legal_people(cx: &Context<'_>) -> Vec<String> {
    let org = &cx.project.org;
    let Some(legal) = cx.project.settings.legal_department.as_deref() else {
        return Vec::new();
    };
    match org.head_of(legal) {
        Some(head) => vec![head.to_string()],
        None => org.members_of(legal).map(str::to_string).collect(),
    }
}
