//! W014 legal-review-overdue.

use super::{Context, at};
use crate::diag::Sink;
use crate::evidence::Event;
use crate::messages::{Msg, SeedMsg};

declare_rule! {
    /// The legal department has not decided on an agreement within
    /// `sla.legal_review` of the request.
    ///
    /// ## What it checks
    /// An agreement's `[legal_review]` has a `verdict` (`approved` or
    /// `changes_requested`) no later than `sla.legal_review` (default
    /// `3wd`: the end of the third working day after `requested_at`, else
    /// after the commit that asked for the review). Fires while there is
    /// no verdict and the deadline passed (open), and when the verdict came
    /// late (closed, `info`). Archived agreements do not fire.
    ///
    /// ## Why
    /// Seed 002: agreements wait for legal before anyone signs (O006); a
    /// review nobody finishes holds the supply, the sale or the
    /// partnership up, so it has a service level like any other
    /// cross-department request.
    ///
    /// ## Fires
    /// Requested Thursday 2026-09-24 10:00 with the default `3wd`: the
    /// Mid-Autumn holiday (09-25..27) is skipped, the three working days
    /// are 09-28, 09-29 and 09-30, and the deadline is 09-30 18:00;
    /// checked 2026-10-08 with no verdict.
    ///
    /// ## Does not fire
    /// `verdict = "approved"` with `at = 2026-09-29T17:00:00+08:00`.
    "W014", "legal-review-overdue", Warning
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let sla = cx.sla().legal_review;
    for agreement in &cx.project.agreements {
        if agreement.archived {
            continue;
        }
        let Some(review) = &agreement.legal_review else {
            continue;
        };
        let Some(requested) = cx.time_of(
            &agreement.id,
            review.requested_at.as_ref(),
            Event::LegalReviewRequested,
        ) else {
            continue;
        };
        let Some(deadline) = cx.clock.after(requested, sla) else {
            continue;
        };
        if review.verdict.is_some() {
            let decided = cx.time_of(&agreement.id, review.at.as_ref(), Event::LegalReviewed);
            if let Some(decided) = decided.filter(|d| *d > deadline) {
                let message = Msg::Seed(SeedMsg::LegalReviewLate {
                    reviewed_at: cx.show(decided),
                    deadline: cx.show(deadline),
                    sla,
                });
                let diagnostic = match &review.at {
                    Some(t) => at(agreement, t, "legal_review.at", message),
                    None => at(agreement, review, "legal_review", message),
                };
                out.emit(diagnostic.closed());
            }
            continue;
        }
        if cx.clock.now <= deadline {
            continue;
        }
        let message = Msg::Seed(SeedMsg::LegalReviewOverdue {
            requested_at: cx.show(requested),
            deadline: cx.show(deadline),
            sla,
        });
        let diagnostic = match &review.requested_at {
            Some(t) => at(agreement, t, "legal_review", message),
            None => at(agreement, review, "legal_review", message),
        };
        out.emit(diagnostic.hint(Msg::Seed(SeedMsg::LegalReviewHint)));
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::diag::Severity;
    use crate::testing::run_rule;

    /// Thursday 2026-09-24, the eve of the Mid-Autumn holiday (09-25..27).
    const REQUESTED: &str =
        "title = \"供货协议\"\n[legal_review]\nrequested_at = 2026-09-24T10:00:00+08:00\n";

    fn run(extra: &str, now: &str) -> Vec<crate::testing::Found> {
        let text = format!("{REQUESTED}{extra}");
        run_rule(&RULE, &[("agreements/AGR-1.toml", &text)], now)
    }

    #[test]
    fn fires_after_three_working_days_across_the_holiday() {
        // Working days after Thursday 09-24: 09-28, 09-29, 09-30.
        assert!(run("", "2026-09-30T17:00:00+08:00").is_empty());
        let found = run("", "2026-09-30T18:01:00+08:00");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].message,
            "legal review requested 2026-09-24 10:00 and not decided; it was due within 3 working days, by 2026-09-30 18:00"
        );
    }

    #[test]
    fn fires_closed_on_a_late_verdict() {
        let late =
            "at = 2026-10-09T10:00:00+08:00\nby = \"li.gong\"\nverdict = \"changes_requested\"\n";
        let found = run(late, "2026-10-12T10:00:00+08:00");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Info);
    }

    #[test]
    fn does_not_fire_on_a_timely_verdict_or_without_a_review() {
        let timely = "at = 2026-09-29T17:00:00+08:00\nby = \"li.gong\"\nverdict = \"approved\"\n";
        assert!(run(timely, "2026-10-12T10:00:00+08:00").is_empty());
        assert!(
            run_rule(
                &RULE,
                &[("agreements/AGR-1.toml", "title = \"x\"\n")],
                "2026-10-12T10:00:00+08:00"
            )
            .is_empty()
        );
    }
}
