//! Service levels kept over a period: for each `[sla]` of SPEC §3 that
//! has a start and an end — a request answered, minutes published, an
//! action item confirmed, a blocked task escalated, a delivery reviewed, a
//! retrospective held, a complaint answered and its customer visited, an
//! agreement's legal review decided, a communication written up — the cases that started in the period, how many
//! ended by their deadline, and how long they took in working hours.
//!
//! A **case** starts with its trigger (submission, the meeting's end,
//! publication of the minutes, the start of a block, a delivery, an
//! acceptance) inside `[now − since, now]`. It is **kept** when it ended by
//! its deadline, **late** when it ended after it or is still open past it,
//! **open** while it may still be kept, and **unknown** when it ended at a
//! time neither the file nor git history tells. Times are those the rules
//! use ([`Context::time_of`]): stated, else derived from history, and the
//! deadline is the rule's (`clock.after(start, sla)`). The time taken is
//! [`Clock::working_minutes`](crate::time::Clock::working_minutes) from
//! start to end — to now for a late case still open, so the worst case is
//! never hidden by not being finished.
//!
//! Each case belongs to the person who owes its end (the assisting
//! contact, the scribe, the action owner, the blocked task's owner, the
//! acceptor, the requesting contact) and to their department, which is
//! what `--person` and `--department` filter on.

use chrono::{DateTime, Days};
use chrono_tz::Tz;
use serde::Serialize;

use super::{Scope, acceptor, department_of, instant, maybe_instant, task_owner};
use crate::evidence::Event;
use crate::messages::SlaKind;
use crate::model::{RequestStatus, TaskStatus, Verdict};
use crate::rules::Context;
use crate::time::Duration;

/// Service levels over the period.
#[derive(Debug, Clone, Serialize)]
pub struct SlaReport {
    /// Calendar days of the period.
    pub days: u32,
    /// Start of the period.
    #[serde(serialize_with = "instant")]
    pub from: DateTime<Tz>,
    /// End of the period (now).
    #[serde(serialize_with = "instant")]
    pub to: DateTime<Tz>,
    /// One row per service level, in SPEC order.
    pub levels: Vec<SlaStats>,
}

/// One service level.
#[derive(Debug, Clone, Serialize)]
pub struct SlaStats {
    /// Which.
    pub sla: SlaKind,
    /// The limit from `[sla]`, as written (`1wd`).
    pub limit: String,
    /// Cases that started in the period.
    pub cases: usize,
    /// Ended by the deadline.
    pub kept: usize,
    /// Ended after the deadline, or open past it.
    pub late: usize,
    /// Open, deadline not passed.
    pub open: usize,
    /// Ended at an unknown time.
    pub unknown: usize,
    /// Median working minutes taken (kept and late cases).
    pub median_minutes: Option<i64>,
    /// Most working minutes taken.
    pub worst_minutes: Option<i64>,
    /// Every case, in order of start.
    pub list: Vec<Case>,
}

impl SlaStats {
    /// The case that took longest.
    pub fn worst(&self) -> Option<&Case> {
        self.list
            .iter()
            .filter(|c| c.minutes.is_some())
            .max_by_key(|c| (c.minutes, std::cmp::Reverse(c.start)))
    }
}

/// How a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Ended by its deadline.
    Kept,
    /// Ended after its deadline, or still open past it.
    Late,
    /// Still open, deadline not passed.
    Open,
    /// Ended, at a time nobody recorded.
    Unknown,
}

/// One case of a service level.
#[derive(Debug, Clone, Serialize)]
pub struct Case {
    /// The item.
    pub item: String,
    /// What within it: the department answering, the action item.
    pub subject: Option<String>,
    /// Who owes the end.
    pub owner: Option<String>,
    /// When the clock started.
    #[serde(serialize_with = "instant")]
    pub start: DateTime<Tz>,
    /// When it had to end.
    #[serde(serialize_with = "instant")]
    pub deadline: DateTime<Tz>,
    /// When it ended.
    #[serde(serialize_with = "maybe_instant")]
    pub end: Option<DateTime<Tz>>,
    /// How it stands.
    pub outcome: Outcome,
    /// Working minutes taken (to now, for a late case still open).
    pub minutes: Option<i64>,
}

/// Collects cases for one service level.
struct Cases<'c, 'a> {
    cx: &'c Context<'a>,
    scope: &'c Scope,
    from: DateTime<Tz>,
    to: DateTime<Tz>,
    limit: Duration,
    list: Vec<Case>,
}

/// How a case ended, as far as is known.
enum End {
    /// At this time.
    At(DateTime<Tz>),
    /// It ended, time unknown.
    Unrecorded,
    /// Not yet.
    Not,
}

impl Cases<'_, '_> {
    /// Adds a case; an archived item's case that never ended is left out
    /// (archived items are read-only history: nobody can act on them).
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        archived: bool,
        item: &str,
        subject: Option<String>,
        owner: Option<&str>,
        department: Option<&str>,
        start: DateTime<Tz>,
        end: End,
    ) {
        let clock = self.cx.clock;
        if start < self.from || start > self.to || start > clock.now {
            return;
        }
        if archived && matches!(end, End::Not) {
            return;
        }
        if !self
            .scope
            .responsible(&self.cx.project.org, owner, department)
        {
            return;
        }
        let Some(deadline) = clock.after(start, self.limit) else {
            return;
        };
        let (outcome, end, minutes) = match end {
            End::At(t) if t <= deadline => (Outcome::Kept, Some(t), Some(t)),
            End::At(t) => (Outcome::Late, Some(t), Some(t)),
            End::Unrecorded => (Outcome::Unknown, None, None),
            End::Not if clock.now > deadline => (Outcome::Late, None, Some(clock.now)),
            End::Not => (Outcome::Open, None, None),
        };
        self.list.push(Case {
            item: item.to_string(),
            subject,
            owner: owner.map(str::to_string),
            start,
            deadline,
            end,
            outcome,
            minutes: minutes.map(|t| clock.working_minutes(start, t)),
        });
    }

    fn finish(mut self, sla: SlaKind) -> SlaStats {
        self.list
            .sort_by(|a, b| (a.start, &a.item, &a.subject).cmp(&(b.start, &b.item, &b.subject)));
        let count = |o: Outcome| self.list.iter().filter(|c| c.outcome == o).count();
        let mut taken: Vec<i64> = self.list.iter().filter_map(|c| c.minutes).collect();
        taken.sort_unstable();
        SlaStats {
            sla,
            limit: self.limit.to_string(),
            cases: self.list.len(),
            kept: count(Outcome::Kept),
            late: count(Outcome::Late),
            open: count(Outcome::Open),
            unknown: count(Outcome::Unknown),
            median_minutes: median(&taken),
            worst_minutes: taken.last().copied(),
            list: self.list,
        }
    }
}

/// The median of sorted values: the middle one, or the mean of the two
/// middle ones (rounded down).
pub fn median(sorted: &[i64]) -> Option<i64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2),
    }
}

fn end_of(time: Option<DateTime<Tz>>, happened: bool) -> End {
    match (time, happened) {
        (Some(t), _) => End::At(t),
        (None, true) => End::Unrecorded,
        (None, false) => End::Not,
    }
}

impl SlaReport {
    /// The service levels of the cases `scope` shows, over the `days`
    /// calendar days before now.
    pub fn compute(cx: &Context<'_>, scope: &Scope, days: u32) -> SlaReport {
        let now = cx.clock.now;
        let from = now
            .checked_sub_days(Days::new(u64::from(days)))
            .unwrap_or(now);
        SlaReport {
            days,
            from,
            to: now,
            levels: Self::levels(cx, scope, from, now),
        }
    }

    /// The service levels of cases that started in `[from, to]` (and not
    /// after now).
    pub fn levels(
        cx: &Context<'_>,
        scope: &Scope,
        from: DateTime<Tz>,
        to: DateTime<Tz>,
    ) -> Vec<SlaStats> {
        let sla = *cx.sla();
        let cases = |limit| Cases {
            cx,
            scope,
            from,
            to,
            limit,
            list: Vec::new(),
        };
        vec![
            request_ack(cases(sla.request_ack)),
            minutes(cases(sla.minutes)),
            action_confirm(cases(sla.action_confirm)),
            blocked_escalate(cases(sla.blocked_escalate)),
            acceptance(cases(sla.acceptance)),
            retrospective(cases(sla.retrospective)),
            complaint_response(cases(sla.complaint_response)),
            complaint_follow_up(cases(sla.complaint_follow_up)),
            legal_review(cases(sla.legal_review)),
            comm_record(cases(sla.comm_record)),
        ]
    }
}

fn request_ack(mut cases: Cases<'_, '_>) -> SlaStats {
    let cx = cases.cx;
    for request in &cx.project.requests {
        let status = request.status();
        if status == RequestStatus::Draft {
            continue;
        }
        let Some(submitted) =
            cx.time_of(&request.id, request.submitted_at.as_ref(), Event::Submitted)
        else {
            continue;
        };
        for party in &request.to {
            let department = party.department.as_str();
            let answers: Vec<_> = request
                .response
                .iter()
                .filter(|r| r.department.as_str() == department)
                .collect();
            let first = answers
                .iter()
                .filter_map(|r| {
                    cx.time_of(
                        &request.id,
                        r.at.as_ref(),
                        Event::Response(department.to_string()),
                    )
                })
                .min();
            // A request finished without an answer owes none any more (W001).
            if answers.is_empty() && status.is_done() {
                continue;
            }
            let contact = party.contact.as_ref().map(|c| c.as_str());
            cases.add(
                request.archived,
                &request.id,
                Some(department.to_string()),
                contact,
                Some(department),
                submitted,
                end_of(first, !answers.is_empty()),
            );
        }
    }
    cases.finish(SlaKind::RequestAck)
}

fn minutes(mut cases: Cases<'_, '_>) -> SlaStats {
    let cx = cases.cx;
    let org = &cx.project.org;
    for meeting in &cx.project.meetings {
        let end = cx
            .clock
            .event(meeting.end.as_ref().unwrap_or(&meeting.start));
        let stated = meeting
            .minutes
            .as_ref()
            .and_then(|m| m.published_at.as_ref());
        let published = cx.time_of(&meeting.id, stated, Event::MinutesPublished);
        let owner = meeting
            .scribe
            .as_ref()
            .or(meeting.organizer.as_ref())
            .map(|p| p.as_str());
        cases.add(
            meeting.archived,
            &meeting.id,
            None,
            owner,
            owner.and_then(|o| department_of(org, o)),
            end,
            end_of(published, meeting.minutes.is_some()),
        );
    }
    cases.finish(SlaKind::Minutes)
}

fn action_confirm(mut cases: Cases<'_, '_>) -> SlaStats {
    let cx = cases.cx;
    let org = &cx.project.org;
    for meeting in &cx.project.meetings {
        let Some(minutes) = meeting.minutes.as_ref() else {
            continue;
        };
        let Some(published) = cx.time_of(
            &meeting.id,
            minutes.published_at.as_ref(),
            Event::MinutesPublished,
        ) else {
            continue;
        };
        for action in &minutes.action {
            let Some(owner) = action.owner.as_ref().filter(|o| !o.trim().is_empty()) else {
                continue;
            };
            let title = action.title.to_string();
            let confirmed = cx.time_of(
                &meeting.id,
                action.confirmed_at.as_ref(),
                Event::ActionConfirmed(title.clone()),
            );
            cases.add(
                meeting.archived,
                &meeting.id,
                Some(title),
                Some(owner.as_str()),
                department_of(org, owner.as_str()),
                published,
                end_of(confirmed, false),
            );
        }
    }
    cases.finish(SlaKind::ActionConfirm)
}

fn blocked_escalate(mut cases: Cases<'_, '_>) -> SlaStats {
    let cx = cases.cx;
    for task in &cx.project.tasks {
        let Some(blocked) = task.blocked.as_ref() else {
            continue;
        };
        let Some(since) = cx.time_of(&task.id, blocked.since.as_ref(), Event::Blocked) else {
            continue;
        };
        let escalated = blocked
            .escalated_to
            .as_ref()
            .is_some_and(|e| !e.trim().is_empty());
        let still_blocked = task.status() == TaskStatus::Blocked;
        // Unblocked without escalation: whether it was needed is unknown.
        if !escalated && !still_blocked {
            continue;
        }
        let at = cx.time_of(&task.id, blocked.escalated_at.as_ref(), Event::Escalated);
        cases.add(
            task.archived,
            &task.id,
            None,
            task_owner(task),
            task.lead.as_ref().map(|l| l.as_str()),
            since,
            end_of(at.filter(|_| escalated), escalated),
        );
    }
    cases.finish(SlaKind::BlockedEscalate)
}

fn acceptance(mut cases: Cases<'_, '_>) -> SlaStats {
    let cx = cases.cx;
    let org = &cx.project.org;
    for task in &cx.project.tasks {
        let status = task.status();
        let reviewing = matches!(
            status,
            TaskStatus::Delivered | TaskStatus::Accepted | TaskStatus::Rejected
        );
        // A task back in progress after a rejection was still delivered once.
        if !reviewing && task.review.is_none() {
            continue;
        }
        let Some(delivered) = cx.time_of(&task.id, task.delivered_at.as_ref(), Event::Delivered)
        else {
            continue;
        };
        let review = task.review.as_ref();
        let reviewed = cx
            .time_of(
                &task.id,
                review.and_then(|r| r.at.as_ref()),
                Event::Reviewed,
            )
            .filter(|t| *t >= delivered);
        let owed = status == TaskStatus::Delivered;
        if reviewed.is_none() && !owed && review.is_none() {
            continue;
        }
        let person = acceptor(cx.project, task);
        let end = match reviewed {
            Some(t) => End::At(t),
            None if owed => End::Not,
            None => End::Unrecorded,
        };
        cases.add(
            task.archived,
            &task.id,
            None,
            person,
            person.and_then(|p| department_of(org, p)),
            delivered,
            end,
        );
    }
    cases.finish(SlaKind::Acceptance)
}

fn retrospective(mut cases: Cases<'_, '_>) -> SlaStats {
    let cx = cases.cx;
    for request in &cx.project.requests {
        let Some(acceptance) = request.acceptance.as_ref() else {
            continue;
        };
        if *acceptance.verdict.get() != Verdict::Accepted {
            continue;
        }
        let Some(accepted) = cx.time_of(&request.id, acceptance.at.as_ref(), Event::Reviewed)
        else {
            continue;
        };
        let held = cx.time_of(
            &request.id,
            request.retrospective.as_ref().and_then(|r| r.at.as_ref()),
            Event::Retrospective,
        );
        let contact = request.from.contact.as_ref().map(|c| c.as_str());
        cases.add(
            request.archived,
            &request.id,
            None,
            contact,
            Some(request.from.department.as_str()),
            accepted,
            end_of(held, request.retrospective.is_some()),
        );
    }
    cases.finish(SlaKind::Retrospective)
}

/// The department a person belongs to, for a case's row.
fn department<'o>(cx: &'o Context<'_>, person: Option<&str>) -> Option<&'o str> {
    person.and_then(|p| department_of(&cx.project.org, p))
}

fn complaint_response(mut cases: Cases<'_, '_>) -> SlaStats {
    let cx = cases.cx;
    for complaint in &cx.project.complaints {
        let id = &complaint.id;
        let Some(received) =
            cx.time_of(id, complaint.received_at.as_ref(), Event::ComplaintReceived)
        else {
            continue;
        };
        // W012's answer: the handling plan, else the resolution.
        let (answered, happened) = match (&complaint.response, &complaint.resolution) {
            (Some(r), _) => (
                cx.time_of(id, r.at.as_ref(), Event::ComplaintResponded),
                true,
            ),
            (None, Some(r)) => (
                cx.time_of(id, r.at.as_ref(), Event::ComplaintResolved),
                true,
            ),
            (None, None) => (None, false),
        };
        let owner = complaint.owner.as_ref().map(|o| o.as_str());
        cases.add(
            complaint.archived,
            id,
            None,
            owner,
            department(cx, owner),
            received,
            end_of(answered, happened),
        );
    }
    cases.finish(SlaKind::ComplaintResponse)
}

fn complaint_follow_up(mut cases: Cases<'_, '_>) -> SlaStats {
    let cx = cases.cx;
    for complaint in &cx.project.complaints {
        let id = &complaint.id;
        let Some(resolved) = complaint
            .resolution
            .as_ref()
            .and_then(|r| cx.time_of(id, r.at.as_ref(), Event::ComplaintResolved))
        else {
            continue;
        };
        let visited = complaint
            .follow_up
            .as_ref()
            .and_then(|f| cx.time_of(id, f.at.as_ref(), Event::FollowedUp));
        let owner = complaint.owner.as_ref().map(|o| o.as_str());
        cases.add(
            complaint.archived,
            id,
            None,
            owner,
            department(cx, owner),
            resolved,
            end_of(visited, complaint.follow_up.is_some()),
        );
    }
    cases.finish(SlaKind::ComplaintFollowUp)
}

fn legal_review(mut cases: Cases<'_, '_>) -> SlaStats {
    let cx = cases.cx;
    let legal = cx.project.settings.legal_department.as_deref();
    for agreement in &cx.project.agreements {
        let id = &agreement.id;
        let Some(review) = &agreement.legal_review else {
            continue;
        };
        let Some(requested) = cx.time_of(
            id,
            review.requested_at.as_ref(),
            Event::LegalReviewRequested,
        ) else {
            continue;
        };
        let decided = review
            .verdict
            .as_ref()
            .and_then(|_| cx.time_of(id, review.at.as_ref(), Event::LegalReviewed));
        let reviewer = review.by.as_ref().map(|b| b.as_str());
        cases.add(
            agreement.archived,
            id,
            None,
            reviewer,
            legal.or(department(cx, reviewer)),
            requested,
            end_of(decided, review.verdict.is_some()),
        );
    }
    cases.finish(SlaKind::LegalReview)
}

fn comm_record(mut cases: Cases<'_, '_>) -> SlaStats {
    let cx = cases.cx;
    for comm in &cx.project.comms {
        let happened = cx.clock.event(&comm.at);
        let recorded = cx.time_of(&comm.id, comm.recorded_at.as_ref(), Event::CommRecorded);
        // The first participant is taken to be who wrote it up.
        let writer = comm.participants.first().map(|p| p.as_str());
        let departments = comm.departments.first().map(|d| d.as_str());
        cases.add(
            comm.archived,
            &comm.id,
            None,
            writer,
            departments.or(department(cx, writer)),
            happened,
            end_of(recorded, true),
        );
    }
    cases.finish(SlaKind::CommRecord)
}
