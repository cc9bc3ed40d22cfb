//! W013 follow-up-overdue.

use super::{Context, at};
use crate::diag::Sink;
use crate::evidence::Event;
use crate::messages::{Msg, SeedMsg};

declare_rule! {
    /// A resolved complaint's customer was not visited within
    /// `sla.complaint_follow_up` of the resolution.
    ///
    /// ## What it checks
    /// A complaint with a `[resolution]` has a `[follow_up]` (回访: at, by,
    /// satisfaction) no later than `sla.complaint_follow_up` (default
    /// `3d`, calendar days) after `resolution.at` (else after the commit
    /// that recorded the resolution). Fires while there is no follow-up
    /// and the deadline passed (open), and when the follow-up came late
    /// (closed, `info`). Archived complaints do not fire.
    ///
    /// ## Why
    /// Seed 002: after a complaint is resolved, the customer is visited
    /// within 3 days to confirm the fix holds and to hear whether they are
    /// satisfied; a fix nobody checks with the customer is a guess.
    ///
    /// ## Fires
    /// Resolved 2026-10-14 11:00, no `[follow_up]`, checked 2026-10-17 at
    /// 12:00 (the three days ran out at 11:00).
    ///
    /// ## Does not fire
    /// `[follow_up] at = 2026-10-16T10:00:00+08:00`.
    "W013", "follow-up-overdue", Warning
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let sla = cx.sla().complaint_follow_up;
    for complaint in &cx.project.complaints {
        if complaint.archived {
            continue;
        }
        let Some(resolution) = &complaint.resolution else {
            continue;
        };
        let Some(resolved) = cx.time_of(
            &complaint.id,
            resolution.at.as_ref(),
            Event::ComplaintResolved,
        ) else {
            continue;
        };
        let Some(deadline) = cx.clock.after(resolved, sla) else {
            continue;
        };
        match &complaint.follow_up {
            Some(follow_up) => {
                let visited = cx.time_of(&complaint.id, follow_up.at.as_ref(), Event::FollowedUp);
                if let Some(visited) = visited.filter(|v| *v > deadline) {
                    let message = Msg::Seed(SeedMsg::FollowUpLate {
                        visited_at: cx.show(visited),
                        deadline: cx.show(deadline),
                        sla,
                    });
                    let diagnostic = match &follow_up.at {
                        Some(t) => at(complaint, t, "follow_up.at", message),
                        None => at(complaint, follow_up, "follow_up", message),
                    };
                    out.emit(diagnostic.closed());
                }
            }
            None if cx.clock.now > deadline => {
                let message = Msg::Seed(SeedMsg::FollowUpMissing {
                    resolved_at: cx.show(resolved),
                    deadline: cx.show(deadline),
                    sla,
                });
                let diagnostic = match &resolution.at {
                    Some(t) => at(complaint, t, "follow_up", message),
                    None => at(complaint, resolution, "follow_up", message),
                };
                out.emit(diagnostic.hint(Msg::Seed(SeedMsg::FollowUpHint)));
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::diag::Severity;
    use crate::testing::run_rule;

    const RESOLVED: &str = "title = \"漏水\"\nreceived_at = 2026-10-10T09:30:00+08:00\n[response]\nat = 2026-10-11T16:00:00+08:00\n[resolution]\nat = 2026-10-14T11:00:00+08:00\nsummary = \"已补发\"\n";

    fn run(extra: &str, now: &str) -> Vec<crate::testing::Found> {
        let text = format!("{RESOLVED}{extra}");
        run_rule(&RULE, &[("complaints/CMP-1.toml", &text)], now)
    }

    #[test]
    fn fires_three_calendar_days_after_the_resolution() {
        assert!(run("", "2026-10-17T11:00:00+08:00").is_empty());
        let found = run("", "2026-10-17T12:00:00+08:00");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].message,
            "resolved 2026-10-14 11:00 and the customer was not visited; a follow-up was due within 3 calendar days, by 2026-10-17 11:00"
        );
        assert_eq!(found[0].severity, Severity::Warning);
    }

    #[test]
    fn fires_closed_on_a_late_visit() {
        let late = "[follow_up]\nat = 2026-10-19T10:00:00+08:00\nby = \"li.gong\"\nsatisfaction = \"neutral\"\n";
        let found = run(late, "2026-10-20T09:00:00+08:00");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Info);
        assert_eq!(found[0].field, "follow_up.at");
    }

    #[test]
    fn does_not_fire_on_a_timely_visit_or_an_unresolved_complaint() {
        let visit = "[follow_up]\nat = 2026-10-16T10:00:00+08:00\nby = \"li.gong\"\nsatisfaction = \"satisfied\"\n";
        assert!(run(visit, "2026-10-30T09:00:00+08:00").is_empty());
        let open = "title = \"漏水\"\nreceived_at = 2026-10-10T09:30:00+08:00\n";
        assert!(
            run_rule(
                &RULE,
                &[("complaints/CMP-1.toml", open)],
                "2026-10-30T09:00:00+08:00"
            )
            .is_empty()
        );
    }
}
