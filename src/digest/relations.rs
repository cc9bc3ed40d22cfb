//! The part of the weekly and monthly reports about customers, partners
//! and communication (seed 002): complaints received in the period and how
//! they were answered, follow-up visits and what customers said,
//! agreements signed, and the communication records of the period.

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use serde::Serialize;

use crate::evidence::Event;
use crate::model::{Satisfaction, complaint_stage};
use crate::rules::Context;

/// Customers, partners and communication over a period.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Relations {
    /// Complaints received in the period.
    pub complaints: Vec<ComplaintLine>,
    /// Of those, answered with a handling plan.
    pub answered: usize,
    /// Of those, answered within `sla.complaint_response`.
    pub answered_in_time: usize,
    /// Follow-up visits made in the period.
    pub visits: usize,
    /// What customers said at those visits: satisfied, neutral, dissatisfied.
    pub satisfaction: [usize; 3],
    /// Agreements whose last signature fell in the period.
    pub signed: Vec<AgreementLine>,
    /// Communication records of the period (by when they happened).
    pub comms: Vec<CommLine>,
}

/// A complaint received in the period.
#[derive(Debug, Clone, Serialize)]
pub struct ComplaintLine {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The customer.
    pub customer: Option<String>,
    /// Where it stands now.
    pub stage: &'static str,
    /// Whether the handling plan came within the service level (`None`
    /// while there is none, or its time is unknown).
    pub in_time: Option<bool>,
}

/// An agreement signed in the period.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementLine {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The other party.
    pub counterparty: Option<String>,
    /// When it became signed by both.
    pub signed: String,
}

/// A communication record of the period.
#[derive(Debug, Clone, Serialize)]
pub struct CommLine {
    /// Its id.
    pub id: String,
    /// What was discussed.
    pub topic: String,
    /// When it happened.
    pub at: String,
    /// Its action items not yet done.
    pub open_actions: usize,
}

impl Relations {
    /// What happened in `[first, last]` (local dates).
    pub fn compute(cx: &Context<'_>, first: NaiveDate, last: NaiveDate) -> Relations {
        let project = cx.project;
        let clock = cx.clock;
        let sla = cx.sla();
        let within = |t: DateTime<Tz>| {
            let d = clock.local_date(t);
            d >= first && d <= last
        };
        let mut out = Relations::default();
        for complaint in &project.complaints {
            let id = &complaint.id;
            let received = cx.time_of(id, complaint.received_at.as_ref(), Event::ComplaintReceived);
            if received.is_some_and(within) {
                let answered = complaint
                    .response
                    .as_ref()
                    .and_then(|r| cx.time_of(id, r.at.as_ref(), Event::ComplaintResponded));
                let deadline = received.and_then(|t| clock.after(t, sla.complaint_response));
                let in_time = answered.zip(deadline).map(|(a, d)| a <= d);
                out.answered += usize::from(complaint.response.is_some());
                out.answered_in_time += usize::from(in_time == Some(true));
                out.complaints.push(ComplaintLine {
                    id: id.clone(),
                    title: complaint.title.to_string(),
                    customer: complaint.customer.as_ref().map(|c| c.to_string()),
                    stage: complaint_stage(&complaint.body),
                    in_time,
                });
            }
            let visit = complaint.follow_up.as_ref();
            let visited = visit.and_then(|f| cx.time_of(id, f.at.as_ref(), Event::FollowedUp));
            if visited.is_some_and(within) {
                out.visits += 1;
                match visit
                    .and_then(|f| f.satisfaction.as_ref())
                    .map(|s| *s.get())
                {
                    Some(Satisfaction::Satisfied) => out.satisfaction[0] += 1,
                    Some(Satisfaction::Neutral) => out.satisfaction[1] += 1,
                    Some(Satisfaction::Dissatisfied) => out.satisfaction[2] += 1,
                    None => {}
                }
            }
        }
        for agreement in &project.agreements {
            if !agreement.is_signed() {
                continue;
            }
            let last_signature = agreement
                .signature
                .iter()
                .map(|s| {
                    let party = crate::model::party_name(*s.party.get()).to_string();
                    cx.time_of(&agreement.id, s.at.as_ref(), Event::Signed(party))
                })
                .collect::<Option<Vec<_>>>()
                .and_then(|times| times.into_iter().max());
            if let Some(signed) = last_signature.filter(|t| within(*t)) {
                out.signed.push(AgreementLine {
                    id: agreement.id.clone(),
                    title: agreement.title.to_string(),
                    counterparty: agreement.counterparty.as_ref().map(|c| c.to_string()),
                    signed: clock.show(signed),
                });
            }
        }
        for comm in &project.comms {
            let at = clock.event(&comm.at);
            if within(at) {
                out.comms.push(CommLine {
                    id: comm.id.clone(),
                    topic: comm.topic.to_string(),
                    at: clock.show(at),
                    open_actions: comm
                        .action
                        .iter()
                        .filter(|a| !project.action_done(a))
                        .count(),
                });
            }
        }
        out.comms
            .sort_by(|a, b| (&a.at, &a.id).cmp(&(&b.at, &b.id)));
        out
    }

    /// Whether there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.complaints.is_empty()
            && self.visits == 0
            && self.signed.is_empty()
            && self.comms.is_empty()
    }
}
