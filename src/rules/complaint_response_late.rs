//! W012 complaint-response-late.

use super::{Context, at};
use crate::diag::Sink;
use crate::evidence::Event;
use crate::messages::{Msg, SeedMsg};

declare_rule! {
    /// A customer complaint was not answered with a handling plan within
    /// `sla.complaint_response` of `received_at`.
    ///
    /// ## What it checks
    /// A complaint (`complaints/`) has a `[response]` (at, by, plan) no
    /// later than `sla.complaint_response` (default `48h`: clock hours,
    /// weekends and holidays included, as seed 002 says "48小时内响应")
    /// after `received_at` (else after the commit that filed it). Fires
    /// while there is no response and the deadline passed (open: the
    /// owner can still answer), and when the response came late (closed:
    /// history, reported at `info`). A `[resolution]` without a
    /// `[response]` counts as the answer. Archived complaints do not fire.
    ///
    /// ## Why
    /// Seed 002: a complaint is answered with a handling plan (问题处理方案)
    /// within 48 hours. A customer who hears nothing for two days escalates,
    /// and the team learns of it from the customer.
    ///
    /// ## Fires
    /// Received Friday 2026-10-09 17:00, no `[response]`, checked Sunday
    /// 2026-10-11 at 17:01: the 48 hours ran out on Sunday 17:00.
    ///
    /// ## Does not fire
    /// `[response] at = 2026-10-11T16:00:00+08:00`, or a check before
    /// Sunday 17:00.
    "W012", "complaint-response-late", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let sla = cx.sla().complaint_response;
    for complaint in &cx.project.complaints {
        if complaint.archived {
            continue;
        }
        let Some(received) = cx.time_of(
            &complaint.id,
            complaint.received_at.as_ref(),
            Event::ComplaintReceived,
        ) else {
            continue;
        };
        let Some(deadline) = cx.clock.after(received, sla) else {
            continue;
        };
        let response = complaint.response.as_ref();
        let answered = match (response, &complaint.resolution) {
            (Some(r), _) => {
                Some(cx.time_of(&complaint.id, r.at.as_ref(), Event::ComplaintResponded))
            }
            (None, Some(r)) => {
                Some(cx.time_of(&complaint.id, r.at.as_ref(), Event::ComplaintResolved))
            }
            (None, None) => None,
        };
        match answered {
            Some(Some(responded)) if responded > deadline => {
                let message = Msg::Seed(SeedMsg::ResponseLate {
                    responded_at: cx.show(responded),
                    deadline: cx.show(deadline),
                    sla,
                });
                let diagnostic = match (response, &complaint.resolution) {
                    (Some(r), _) => match &r.at {
                        Some(t) => at(complaint, t, "response.at", message),
                        None => at(complaint, r, "response", message),
                    },
                    (None, Some(r)) => at(complaint, r, "resolution", message),
                    (None, None) => at(complaint, &complaint.title, "response", message),
                };
                out.emit(diagnostic.closed());
            }
            // Answered in time, or answered at a time nobody can tell.
            Some(_) => {}
            None if cx.clock.now > deadline => {
                let message = Msg::Seed(SeedMsg::ResponseMissing {
                    received_at: cx.show(received),
                    deadline: cx.show(deadline),
                    sla,
                });
                let diagnostic = match &complaint.received_at {
                    Some(t) => at(complaint, t, "response", message),
                    None => at(complaint, &complaint.title, "response", message),
                };
                out.emit(diagnostic.hint(Msg::Seed(SeedMsg::ResponseHint)));
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::diag::Severity;
    use crate::testing::{line_of, run_rule};

    /// Received on Friday 2026-10-09 at 17:00 (Saturday 10-10 is a
    /// make-up working day after National Day; Sunday 10-11 is not).
    const FRIDAY: &str = "title = \"杯盖漏水\"\ncustomer = \"某贸易公司\"\nreceived_at = 2026-10-09T17:00:00+08:00\nowner = \"li.gong\"\n";

    fn run(extra: &str, now: &str) -> Vec<crate::testing::Found> {
        let text = format!("{FRIDAY}{extra}");
        run_rule(&RULE, &[("complaints/CMP-1.toml", &text)], now)
    }

    #[test]
    fn fires_48_clock_hours_after_a_friday_complaint_weekend_or_not() {
        assert!(run("", "2026-10-11T17:00:00+08:00").is_empty());
        let found = run("", "2026-10-11T17:01:00+08:00");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].message,
            "complaint received 2026-10-09 17:00 has no handling plan; the customer was to be answered within 48 hours, by 2026-10-11 17:00"
        );
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(found[0].line, line_of(FRIDAY, "received_at"));
        assert!(found[0].hint.is_some());
    }

    #[test]
    fn fires_closed_on_a_late_answer_over_a_holiday() {
        // Received on the eve of National Day; answered after the holiday.
        let text = "title = \"漏水\"\nreceived_at = 2026-09-30T10:00:00+08:00\n[response]\nat = 2026-10-08T09:00:00+08:00\nby = \"li.gong\"\nplan = \"补发\"\n";
        let found = run_rule(
            &RULE,
            &[("complaints/CMP-1.toml", text)],
            "2026-10-09T09:00:00+08:00",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].severity,
            Severity::Info,
            "a closed breach is history"
        );
        assert!(found[0].message.starts_with(
            "handling plan given 2026-10-08 09:00, after the deadline 2026-10-02 10:00"
        ));
    }

    #[test]
    fn does_not_fire_on_a_timely_answer_or_a_resolution() {
        let answered =
            "[response]\nat = 2026-10-11T16:00:00+08:00\nby = \"li.gong\"\nplan = \"补发\"\n";
        assert!(run(answered, "2026-10-20T09:00:00+08:00").is_empty());
        let resolved = "[resolution]\nat = 2026-10-10T11:00:00+08:00\nsummary = \"已补发\"\n";
        assert!(run(resolved, "2026-10-20T09:00:00+08:00").is_empty());
        let archived = "archived = true\n";
        assert!(run(archived, "2026-10-20T09:00:00+08:00").is_empty());
    }
}
