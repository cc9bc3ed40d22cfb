//! S005 invalid-date-range.

use super::{Context, at};
use crate::diag::Sink;
use crate::messages::Msg;
use crate::model::Item;
use crate::parse::{Sp, When};

declare_rule! {
    /// A date range ends before it starts.
    ///
    /// ## What it checks
    /// A task due before its `start` or before the project's start; a
    /// meeting that ends before it starts; a request due before it was
    /// submitted; a complaint answered or resolved before it was received,
    /// or visited before it was resolved; an agreement that expires before
    /// it takes effect, or reviewed before legal was asked; a
    /// communication recorded before it happened.
    ///
    /// ## Why
    /// Such a range is a typo, and every deadline computed from it is wrong.
    ///
    /// ## Fires
    /// ```toml
    /// start = 2026-07-10
    /// due = 2026-07-08
    /// ```
    ///
    /// ## Does not fire
    /// ```toml
    /// start = 2026-07-06
    /// due = 2026-07-08
    /// ```
    "S005", "invalid-date-range", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let clock = cx.clock;
    let project_start = cx.project.settings.start;
    for task in &cx.project.tasks {
        let Some(due) = &task.due else { continue };
        let due_date = clock.local_date(clock.deadline(due));
        let starts = [
            task.start.as_ref().map(|s| (s.get().0, "start")),
            project_start.map(|s| (s, "project.start")),
        ];
        if let Some((start, start_field)) = starts
            .into_iter()
            .flatten()
            .find(|(start, _)| due_date < *start)
        {
            out.emit(
                at(
                    task,
                    due,
                    "due",
                    Msg::DateBeforeStart {
                        field: "due".into(),
                        date: due_date.to_string(),
                        start_field: start_field.into(),
                        start: start.to_string(),
                    },
                )
                .key(start_field),
            );
        }
    }
    for meeting in &cx.project.meetings {
        let Some(end) = &meeting.end else { continue };
        let (start_t, end_t) = (clock.event(&meeting.start), clock.event(end));
        if end_t < start_t {
            out.emit(at(
                meeting,
                end,
                "end",
                Msg::DateBeforeStart {
                    field: "end".into(),
                    date: cx.show(end_t),
                    start_field: "start".into(),
                    start: cx.show(start_t),
                },
            ));
        }
    }
    // Complaints, agreements and records: each step after the one before.
    for complaint in &cx.project.complaints {
        let received = complaint.received_at.as_ref();
        let response = complaint.response.as_ref().and_then(|r| r.at.as_ref());
        let resolution = complaint.resolution.as_ref().and_then(|r| r.at.as_ref());
        let follow_up = complaint.follow_up.as_ref().and_then(|f| f.at.as_ref());
        let pairs = [
            ("response.at", response, "received_at", received),
            ("resolution.at", resolution, "received_at", received),
            ("follow_up.at", follow_up, "resolution.at", resolution),
        ];
        for (field, later, start_field, earlier) in pairs {
            if let (Some(later), Some(earlier)) = (later, earlier) {
                before(cx, out, complaint, (field, later), (start_field, earlier));
            }
        }
    }
    for agreement in &cx.project.agreements {
        if let (Some(effective), Some(expires)) = (&agreement.effective, &agreement.expires)
            && expires.written_date() < effective.written_date()
        {
            out.emit(at(
                agreement,
                expires,
                "expires",
                Msg::DateBeforeStart {
                    field: "expires".into(),
                    date: expires.written_date().to_string(),
                    start_field: "effective".into(),
                    start: effective.written_date().to_string(),
                },
            ));
        }
        if let Some(review) = &agreement.legal_review
            && let (Some(decided), Some(requested)) = (&review.at, &review.requested_at)
        {
            let pair = (
                ("legal_review.at", decided),
                ("legal_review.requested_at", requested),
            );
            before(cx, out, agreement, pair.0, pair.1);
        }
    }
    for comm in &cx.project.comms {
        if let Some(recorded) = &comm.recorded_at {
            before(cx, out, comm, ("recorded_at", recorded), ("at", &comm.at));
        }
    }
    for request in &cx.project.requests {
        let (Some(due), Some(submitted)) = (&request.due, &request.submitted_at) else {
            continue;
        };
        let (due_t, submitted_t) = (clock.deadline(due), clock.event(submitted));
        if due_t < submitted_t {
            out.emit(at(
                request,
                due,
                "due",
                Msg::DateBeforeStart {
                    field: "due".into(),
                    date: cx.show(due_t),
                    start_field: "submitted_at".into(),
                    start: cx.show(submitted_t),
                },
            ));
        }
    }
}

/// S005 when the instant `later` is before `earlier`.
fn before<T>(
    cx: &Context<'_>,
    out: &mut Sink<'_>,
    item: &Item<T>,
    (field, later): (&str, &Sp<When>),
    (start_field, earlier): (&str, &Sp<When>),
) {
    let (later_t, earlier_t) = (cx.clock.event(later), cx.clock.event(earlier));
    if later_t < earlier_t {
        out.emit(
            at(
                item,
                later,
                field,
                Msg::DateBeforeStart {
                    field: field.into(),
                    date: cx.show(later_t),
                    start_field: start_field.into(),
                    start: cx.show(earlier_t),
                },
            )
            .key(field),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{BATON, run_rule};

    const NOW: &str = "2026-07-07T10:00:00+08:00";

    #[test]
    fn fires_on_due_before_start_and_end_before_start() {
        let found = run_rule(
            &RULE,
            &[
                (
                    "tasks/T-1.toml",
                    "title = \"a\"\nstart = 2026-07-10\ndue = 2026-07-08\n",
                ),
                (
                    "meetings/M-1.toml",
                    "title = \"m\"\nstart = 2026-07-06T14:00:00+08:00\nend = 2026-07-06T13:00:00+08:00\n",
                ),
                (
                    "requests/R-1.toml",
                    "title = \"r\"\nfrom = { department = \"mkt\" }\nsubmitted_at = 2026-07-06T10:00:00+08:00\ndue = 2026-07-03\n",
                ),
            ],
            NOW,
        );
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`due` 2026-07-08 is before `start` 2026-07-10",
                "`end` 2026-07-06 13:00 is before `start` 2026-07-06 14:00",
                "`due` 2026-07-03 18:00 is before `submitted_at` 2026-07-06 10:00",
            ]
        );
    }

    #[test]
    fn fires_on_complaints_agreements_and_records_out_of_order() {
        let complaint = "title = \"漏水\"\nreceived_at = 2026-10-10T09:30:00+08:00\n[response]\nat = 2026-10-09T16:00:00+08:00\n[resolution]\nat = 2026-10-14T11:00:00+08:00\n[follow_up]\nat = 2026-10-13T10:00:00+08:00\n";
        let agreement = "title = \"协议\"\neffective = 2027-01-01\nexpires = 2026-12-31\n[legal_review]\nrequested_at = 2026-12-01T10:00:00+08:00\nat = 2026-11-30T10:00:00+08:00\n";
        let comm = "topic = \"电话\"\nat = 2026-10-08T10:00:00+08:00\nrecorded_at = 2026-10-07T15:00:00+08:00\n";
        let found = run_rule(
            &RULE,
            &[
                ("complaints/CMP-1.toml", complaint),
                ("agreements/AGR-1.toml", agreement),
                ("comms/COM-1.toml", comm),
            ],
            NOW,
        );
        let fields: Vec<&str> = found.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "response.at",
                "follow_up.at",
                "expires",
                "legal_review.at",
                "recorded_at"
            ],
            "{found:#?}"
        );
    }

    #[test]
    fn does_not_fire_on_steps_in_order() {
        let complaint = "title = \"漏水\"\nreceived_at = 2026-10-10T09:30:00+08:00\n[response]\nat = 2026-10-11T16:00:00+08:00\n[resolution]\nat = 2026-10-14T11:00:00+08:00\n[follow_up]\nat = 2026-10-16T10:00:00+08:00\n";
        let comm = "topic = \"电话\"\nat = 2026-10-08T10:00:00+08:00\nrecorded_at = 2026-10-08T15:00:00+08:00\n";
        assert!(
            run_rule(
                &RULE,
                &[
                    ("complaints/CMP-1.toml", complaint),
                    ("comms/COM-1.toml", comm)
                ],
                NOW
            )
            .is_empty()
        );
    }

    #[test]
    fn fires_on_due_before_project_start() {
        let baton = format!("{BATON}start = 2026-07-01\n");
        let found = run_rule(
            &RULE,
            &[
                ("baton.toml", &baton),
                ("tasks/T-1.toml", "title = \"a\"\ndue = 2026-06-30\n"),
            ],
            NOW,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "`due` 2026-06-30 is before `project.start` 2026-07-01"
        );
    }

    #[test]
    fn does_not_fire_on_ordered_ranges_and_same_day() {
        let found = run_rule(
            &RULE,
            &[
                (
                    "tasks/T-1.toml",
                    "title = \"a\"\nstart = 2026-07-08\ndue = 2026-07-08\n",
                ),
                (
                    "meetings/M-1.toml",
                    "title = \"m\"\nstart = 2026-07-06T14:00:00+08:00\nend = 2026-07-06T15:30:00+08:00\n",
                ),
            ],
            NOW,
        );
        assert!(found.is_empty(), "{found:#?}");
    }
}
