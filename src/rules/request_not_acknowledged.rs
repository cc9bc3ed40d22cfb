//! W001 request-not-acknowledged.

use super::{Context, at};
use crate::diag::Sink;
use crate::evidence::Event;
use crate::messages::Msg;
use crate::model::RequestStatus;

declare_rule! {
    /// An assisting department did not respond to a request in time.
    ///
    /// ## What it checks
    /// For each department in a submitted request's `to`, a `[[response]]`
    /// from that department within `sla.request_ack` (default `1wd`: by the
    /// end of the next working day) of `submitted_at`. Fires when the
    /// deadline has passed without a response (open requests only), and
    /// when the response came after it. Times come from the file, or from
    /// the commit that added them when the file does not say; an open
    /// request whose submission time is known from neither fires too, since
    /// its deadline cannot be checked.
    ///
    /// ## Why
    /// Seed 001: the contact confirms within 1 working day whether the
    /// department takes the request on, has a resource conflict, or needs
    /// more information (1个工作日内反馈确认).
    ///
    /// ## Fires
    /// Submitted Friday 2026-07-03 10:00; no response from `rnd` on Monday
    /// 2026-07-06 at 18:01.
    ///
    /// ## Does not fire
    /// The same with a response on Monday 2026-07-06 at 17:00 — or on
    /// Tuesday when Monday is a holiday.
    "W001", "request-not-acknowledged", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let clock = cx.clock;
    let sla = cx.sla().request_ack;
    for request in &cx.project.requests {
        let status = request.status();
        if request.archived || status == RequestStatus::Draft {
            continue;
        }
        let Some(submitted) =
            cx.time_of(&request.id, request.submitted_at.as_ref(), Event::Submitted)
        else {
            if !status.is_done() {
                let message = Msg::TimeUnknown {
                    field: "submitted_at".into(),
                    sla,
                };
                out.emit(match &request.status {
                    Some(s) => at(request, s, "submitted_at", message),
                    None => at(request, &request.title, "submitted_at", message),
                });
            }
            continue;
        };
        let Some(deadline) = clock.after(submitted, sla) else {
            continue;
        };
        for party in &request.to {
            let department = party.department.as_str();
            let responses = request
                .response
                .iter()
                .filter(|r| r.department.as_str() == department);
            let first = responses
                .filter_map(|r| {
                    cx.time_of(
                        &request.id,
                        r.at.as_ref(),
                        Event::Response(department.to_string()),
                    )
                    .map(|t| (t, r))
                })
                .min_by_key(|(t, _)| *t);
            let answered = request
                .response
                .iter()
                .any(|r| r.department.as_str() == department);
            match first {
                Some((t, response)) if t > deadline => out.emit(
                    at(
                        request,
                        response,
                        "response",
                        Msg::AcknowledgedLate {
                            department: department.to_string(),
                            at: cx.show(t),
                            deadline: cx.show(deadline),
                            sla,
                        },
                    )
                    .key(department)
                    .closed(),
                ),
                Some(_) => {}
                // Answered, time unknown: nothing to judge.
                None if answered => {}
                None if clock.now > deadline && !status.is_done() => out.emit(
                    at(
                        request,
                        party,
                        "response",
                        Msg::NotAcknowledged {
                            department: department.to_string(),
                            deadline: cx.show(deadline),
                            sla,
                        },
                    )
                    .key(department),
                ),
                None => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{line_of, run_rule};

    fn request(submitted: &str, responses: &str) -> String {
        format!(
            "title = \"r\"\nfrom = {{ department = \"mkt\", contact = \"zhang.jingli\" }}\nto = [{{ department = \"rnd\", contact = \"li.gong\" }}, {{ department = \"ops\" }}]\nsubmitted_at = {submitted}\nstatus = \"submitted\"\n{responses}"
        )
    }

    fn response(department: &str, at: &str) -> String {
        format!("[[response]]\ndepartment = \"{department}\"\nat = {at}\ndecision = \"accept\"\n")
    }

    #[test]
    fn fires_after_the_next_working_day_of_a_friday_submission() {
        let text = request(
            "2026-07-03T10:00:00+08:00",
            &response("ops", "2026-07-03T15:00:00+08:00"),
        );
        let found = run_rule(
            &RULE,
            &[("requests/R-1.toml", &text)],
            "2026-07-06T18:01:00+08:00",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "department `rnd` has not responded; a response was due within 1 working day of submission, by 2026-07-06 18:00"
        );
        assert_eq!(found[0].line, line_of(&text, "to = "));
        assert!(
            run_rule(
                &RULE,
                &[("requests/R-1.toml", &text)],
                "2026-07-06T17:59:00+08:00"
            )
            .is_empty()
        );
    }

    #[test]
    fn a_holiday_moves_the_deadline_and_a_make_up_day_pulls_it_in() {
        // Wednesday 2026-09-30 → next working day is Thursday 10-08 (National Day).
        let text = request("2026-09-30T10:00:00+08:00", "");
        assert!(
            run_rule(
                &RULE,
                &[("requests/R-1.toml", &text)],
                "2026-10-08T17:00:00+08:00"
            )
            .is_empty()
        );
        assert_eq!(
            run_rule(
                &RULE,
                &[("requests/R-1.toml", &text)],
                "2026-10-08T18:30:00+08:00"
            )
            .len(),
            2
        );
        // Friday 2026-09-18 → next working day is the make-up Sunday 09-20.
        let text = request("2026-09-18T10:00:00+08:00", "");
        let found = run_rule(
            &RULE,
            &[("requests/R-1.toml", &text)],
            "2026-09-21T09:00:00+08:00",
        );
        assert_eq!(found.len(), 2);
        assert!(
            found[0].message.ends_with("by 2026-09-20 18:00"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn fires_on_a_late_response() {
        let responses = format!(
            "{}{}",
            response("rnd", "2026-07-07T09:00:00+08:00"),
            response("ops", "2026-07-06T09:00:00+08:00")
        );
        let text = request("2026-07-03T10:00:00+08:00", &responses);
        let found = run_rule(
            &RULE,
            &[("requests/R-1.toml", &text)],
            "2026-07-08T10:00:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "department `rnd` responded at 2026-07-07 09:00, after the deadline 2026-07-06 18:00 (1 working day)"
        );
    }

    #[test]
    fn fires_when_the_submission_time_is_unknown() {
        let text = "title = \"r\"\nfrom = { department = \"mkt\" }\nto = [{ department = \"rnd\" }]\nstatus = \"submitted\"\n";
        let found = run_rule(
            &RULE,
            &[("requests/R-1.toml", text)],
            "2026-07-08T10:00:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "`submitted_at` is not set and no history says when, so the deadline (1 working day) cannot be checked"
        );
    }

    #[test]
    fn does_not_fire_on_drafts_or_timely_responses() {
        let draft = "title = \"r\"\nfrom = { department = \"mkt\" }\nto = [{ department = \"rnd\" }]\nstatus = \"draft\"\n";
        assert!(
            run_rule(
                &RULE,
                &[("requests/R-1.toml", draft)],
                "2026-08-01T10:00:00+08:00"
            )
            .is_empty()
        );
        let responses = format!(
            "{}{}",
            response("rnd", "2026-07-06T17:00:00+08:00"),
            response("ops", "2026-07-03T11:00:00+08:00")
        );
        let text = request("2026-07-03T10:00:00+08:00", &responses);
        assert!(
            run_rule(
                &RULE,
                &[("requests/R-1.toml", &text)],
                "2026-08-01T10:00:00+08:00"
            )
            .is_empty()
        );
    }
}
