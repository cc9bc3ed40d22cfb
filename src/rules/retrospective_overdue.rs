//! W010 retrospective-overdue.

use super::{Context, at};
use crate::diag::Sink;
use crate::evidence::Event;
use crate::messages::Msg;
use crate::model::Verdict;

declare_rule! {
    /// An accepted request had no retrospective within `sla.retrospective`.
    ///
    /// ## What it checks
    /// A request whose `[acceptance]` verdict is `accepted` needs a
    /// `[retrospective]` within `sla.retrospective` (default `3wd`) of the
    /// acceptance. Fires when it is missing after the deadline, and when it
    /// was held later.
    ///
    /// ## Why
    /// Seed 001: within 3 working days of acceptance, hold a retrospective —
    /// highlights, improvements, follow-up measures (验收通过后,3个工作日内
    /// 组织复盘会) — while people still remember what happened.
    ///
    /// ## Fires
    /// Accepted Friday 2026-07-10 17:00; no retrospective on Thursday 07-16.
    ///
    /// ## Does not fire
    /// `[retrospective] at = 2026-07-14T10:00:00+08:00`.
    "W010", "retrospective-overdue", Warning
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let clock = cx.clock;
    let sla = cx.sla().retrospective;
    for request in &cx.project.requests {
        if request.archived {
            continue;
        }
        let Some(acceptance) = &request.acceptance else {
            continue;
        };
        if *acceptance.verdict.get() != Verdict::Accepted {
            continue;
        }
        let Some(accepted) = cx.time_of(&request.id, acceptance.at.as_ref(), Event::Reviewed)
        else {
            continue;
        };
        let Some(deadline) = clock.after(accepted, sla) else {
            continue;
        };
        let retrospective = request.retrospective.as_ref();
        let held = cx.time_of(
            &request.id,
            retrospective.and_then(|r| r.at.as_ref()),
            Event::Retrospective,
        );
        match (held, retrospective) {
            (Some(t), Some(r)) if t > deadline => out.emit(
                at(
                    request,
                    r,
                    "retrospective",
                    Msg::RetrospectiveLate {
                        accepted_at: cx.show(accepted),
                        at: cx.show(t),
                        deadline: cx.show(deadline),
                        sla,
                    },
                )
                .closed(),
            ),
            (None, None) if clock.now > deadline => out.emit(at(
                request,
                acceptance,
                "retrospective",
                Msg::RetrospectiveMissing {
                    accepted_at: cx.show(accepted),
                    deadline: cx.show(deadline),
                    sla,
                },
            )),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    const ACCEPTED: &str = "title = \"r\"\nfrom = { department = \"mkt\" }\nstatus = \"accepted\"\n[acceptance]\nat = 2026-07-10T17:00:00+08:00\nby = \"zhang.jingli\"\nverdict = \"accepted\"\n";

    #[test]
    fn fires_after_three_working_days() {
        let found = run_rule(
            &RULE,
            &[("requests/R-1.toml", ACCEPTED)],
            "2026-07-16T09:00:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "accepted 2026-07-10 17:00 and no retrospective held; it was due within 3 working days, by 2026-07-15 18:00"
        );
        assert!(
            run_rule(
                &RULE,
                &[("requests/R-1.toml", ACCEPTED)],
                "2026-07-15T17:00:00+08:00"
            )
            .is_empty()
        );
    }

    #[test]
    fn fires_on_a_late_retrospective() {
        let text = format!("{ACCEPTED}[retrospective]\nat = 2026-07-17T10:00:00+08:00\n");
        let found = run_rule(
            &RULE,
            &[("requests/R-1.toml", &text)],
            "2026-07-20T09:00:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .message
                .contains("the retrospective was held only at 2026-07-17 10:00")
        );
    }

    #[test]
    fn does_not_fire_on_a_timely_retrospective_or_a_rejection() {
        let text = format!(
            "{ACCEPTED}[retrospective]\nat = 2026-07-14T10:00:00+08:00\nhighlights = [\"信息同步及时\"]\n"
        );
        assert!(
            run_rule(
                &RULE,
                &[("requests/R-1.toml", &text)],
                "2026-08-20T09:00:00+08:00"
            )
            .is_empty()
        );
        let rejected = ACCEPTED.replace(
            "verdict = \"accepted\"",
            "verdict = \"rejected\"\ncomments = \"x\"",
        );
        assert!(
            run_rule(
                &RULE,
                &[("requests/R-1.toml", &rejected)],
                "2026-08-20T09:00:00+08:00"
            )
            .is_empty()
        );
    }
}
