//! Rows of the audit's complaint and agreement sections, shared by the
//! text, Markdown and HTML renderers: each row is its cells and whether it
//! is late.

use super::maybe_when;
use crate::audit::Audit;
use crate::messages::{Lang, Msg, SeedMsg};

/// A row: cells, and whether its deadline is past.
pub(crate) type LateRow = (Vec<String>, bool);

/// A stage, severity or satisfaction as shown.
pub(crate) fn stage(stage: &str, lang: Lang) -> String {
    Msg::Seed(SeedMsg::Stage {
        stage: stage.to_string(),
    })
    .render(lang)
}

/// Complaints not closed: id, title, customer, owner, stage, deadline.
pub(crate) fn complaint_rows(audit: &Audit, lang: Lang) -> Vec<LateRow> {
    audit
        .complaints
        .iter()
        .map(|c| {
            let cells = vec![
                c.id.clone(),
                c.title.clone(),
                c.customer.clone().unwrap_or_default(),
                c.owner.clone().unwrap_or_default(),
                stage(c.stage, lang),
                maybe_when(&c.respond_by.or(c.follow_up_by)),
            ];
            (cells, c.overdue)
        })
        .collect()
}

/// Agreements waiting: id, title, counterparty, stage, who, deadline (the
/// review's, else the expiry).
pub(crate) fn agreement_rows(audit: &Audit, lang: Lang) -> Vec<LateRow> {
    audit
        .agreements
        .iter()
        .map(|a| {
            let waiting = if a.reviewers.is_empty() {
                a.owner.clone().unwrap_or_default()
            } else {
                a.reviewers.join(", ")
            };
            let by = match (&a.review_by, &a.expires) {
                (Some(_), _) => maybe_when(&a.review_by),
                (None, Some(expires)) => expires.clone(),
                (None, None) => "—".to_string(),
            };
            let cells = vec![
                a.id.clone(),
                a.title.clone(),
                a.counterparty.clone().unwrap_or_default(),
                stage(a.stage, lang),
                waiting,
                by,
            ];
            (cells, a.overdue)
        })
        .collect()
}

/// The two sections: heading, column names and rows, for those that have
/// rows.
pub(crate) fn sections(audit: &Audit, lang: Lang) -> Vec<(String, String, Vec<LateRow>)> {
    let mut out = Vec::new();
    let complaints = complaint_rows(audit, lang);
    if !complaints.is_empty() {
        out.push((
            Msg::Seed(SeedMsg::AuditComplaintsHeading {
                count: complaints.len(),
            })
            .render(lang),
            Msg::Seed(SeedMsg::AuditComplaintColumns).render(lang),
            complaints,
        ));
    }
    let agreements = agreement_rows(audit, lang);
    if !agreements.is_empty() {
        out.push((
            Msg::Seed(SeedMsg::AuditAgreementsHeading {
                count: agreements.len(),
            })
            .render(lang),
            Msg::Seed(SeedMsg::AuditAgreementColumns).render(lang),
            agreements,
        ));
    }
    out
}
