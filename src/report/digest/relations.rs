//! The reports' section on customers, partners and communication: the
//! complaints of the period and how they were answered, what customers said
//! at follow-up visits, agreements signed, communication records.

use crate::digest::relations::Relations;
use crate::messages::{Lang, Msg, SeedMsg};
use crate::report::audit::seeds::stage;
use crate::report::escape;
use crate::report::md::{heading, table};

/// The section as Markdown (nothing when the period has nothing).
pub fn render(relations: &Relations, lang: Lang) -> String {
    if relations.is_empty() {
        return String::new();
    }
    let seed = |m: SeedMsg| Msg::Seed(m).render(lang);
    let mut out = heading(2, &seed(SeedMsg::DigestHeading));
    let [satisfied, neutral, dissatisfied] = relations.satisfaction;
    let summary = seed(SeedMsg::DigestSummary {
        received: relations.complaints.len(),
        answered: relations.answered,
        in_time: relations.answered_in_time,
        visits: relations.visits,
        satisfied,
        neutral,
        dissatisfied,
        signed: relations.signed.len(),
        records: relations.comms.len(),
    });
    out.push_str(&format!("{}\n\n", escape::markdown(&summary)));
    if !relations.complaints.is_empty() {
        let rows: Vec<Vec<String>> = relations
            .complaints
            .iter()
            .map(|c| {
                vec![
                    c.id.clone(),
                    c.title.clone(),
                    c.customer.clone().unwrap_or_default(),
                    stage(c.stage, lang),
                    match c.in_time {
                        Some(true) => "✓".into(),
                        Some(false) => "⚠️".into(),
                        None => "—".into(),
                    },
                ]
            })
            .collect();
        out.push_str(&table(&seed(SeedMsg::DigestComplaintColumns), &rows));
        out.push('\n');
    }
    if !relations.signed.is_empty() {
        let rows: Vec<Vec<String>> = relations
            .signed
            .iter()
            .map(|a| {
                vec![
                    a.id.clone(),
                    a.title.clone(),
                    a.counterparty.clone().unwrap_or_default(),
                    a.signed.clone(),
                ]
            })
            .collect();
        out.push_str(&table(&seed(SeedMsg::DigestAgreementColumns), &rows));
        out.push('\n');
    }
    if !relations.comms.is_empty() {
        let rows: Vec<Vec<String>> = relations
            .comms
            .iter()
            .map(|c| {
                vec![
                    c.id.clone(),
                    c.topic.clone(),
                    c.at.clone(),
                    c.open_actions.to_string(),
                ]
            })
            .collect();
        out.push_str(&table(&seed(SeedMsg::DigestCommColumns), &rows));
        out.push('\n');
    }
    out
}
