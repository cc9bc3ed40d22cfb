//! W015 change-request-undecided.

use super::{Context, at};
use crate::authority::{ApprovalState, change_request_state};
use crate::diag::Sink;
use crate::evidence::Event;
use crate::messages::Msg;

declare_rule! {
    /// A change request waits for a decision longer than
    /// `sla.change_decision`.
    ///
    /// ## What it checks
    /// A change request (`changes/`) whose required approvers (one entitled
    /// person from each side of every listed change, SPEC §2) have not all
    /// decided within `sla.change_decision` (default `2wd`) of
    /// `requested_at` (else of the commit that filed it). The message
    /// names who is waited for. Approved and rejected change requests, and
    /// archived ones, do not fire.
    ///
    /// ## Why
    /// Seed 002: a change is confirmed by both sides before the plan is
    /// adjusted (经双方确认后调整项目计划). A change request nobody decides
    /// leaves the work in limbo: the old date still counts, and everyone
    /// knows it will not hold.
    ///
    /// ## Fires
    /// Requested Friday 2026-09-25 10:00 with `sla.change_decision = "2wd"`
    /// and no decision by the acceptor on Wednesday 2026-09-30 (Monday and
    /// Tuesday are working days; the deadline was Tuesday 18:00).
    ///
    /// ## Does not fire
    /// The acceptor and the lead department's head both approved (or one
    /// rejected) within the two working days.
    "W015", "change-request-undecided", Warning
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let sla = cx.sla().change_decision;
    for cr in &cx.project.changes {
        if cr.archived {
            continue;
        }
        let ApprovalState::Pending { waiting } =
            change_request_state(cx.project, &cr.body, None).state
        else {
            continue;
        };
        let Some(requested) = cx.time_of(&cr.id, cr.requested_at.as_ref(), Event::ChangeRequested)
        else {
            continue;
        };
        let Some(deadline) = cx.clock.after(requested, sla) else {
            continue;
        };
        if cx.clock.now <= deadline {
            continue;
        }
        let mut people: Vec<String> = waiting.into_iter().flatten().collect();
        people.sort();
        people.dedup();
        let message = Msg::ChangeUndecided {
            requested_at: cx.show(requested),
            deadline: cx.show(deadline),
            sla,
            waiting: people,
        };
        let diagnostic = match &cr.requested_at {
            Some(t) => at(cr, t, "approval", message),
            None => at(cr, &cr.title, "approval", message),
        };
        out.emit(diagnostic.hint(Msg::ChangeUndecidedHint));
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::run_rule;

    const TASK: &str = "title = \"接口\"\nowner = \"li.gong\"\nlead = \"rnd\"\nacceptor = \"zhang.jingli\"\ndue = 2026-10-16\n";

    fn cr(approvals: &str) -> String {
        format!(
            "title = \"延期\"\nrequested_by = \"li.gong\"\nrequested_at = 2026-09-25T10:00:00+08:00\n[[change]]\nitem = \"T-1\"\nfield = \"due\"\nfrom = 2026-10-16\nto = 2026-10-23\n{approvals}"
        )
    }

    fn run(approvals: &str, now: &str) -> Vec<String> {
        let text = cr(approvals);
        run_rule(
            &super::RULE,
            &[("tasks/T-1.toml", TASK), ("changes/CR-1.toml", &text)],
            now,
        )
        .into_iter()
        .map(|f| f.message)
        .collect()
    }

    #[test]
    fn fires_when_a_side_has_not_decided_after_two_working_days() {
        // Friday 10:00 + 2wd = Tuesday 18:00 (2026-09-28 and 09-29 work).
        let found = run(
            "[[approval]]\nby = \"chen.zong\"\ndecision = \"approve\"\n",
            "2026-09-30T09:00:00+08:00",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("zhang.jingli"), "{found:?}");
        assert!(!found[0].contains("chen.zong"), "{found:?}");
    }

    #[test]
    fn does_not_fire_before_the_deadline_or_once_decided() {
        assert!(run("", "2026-09-29T17:00:00+08:00").is_empty());
        let both = "[[approval]]\nby = \"chen.zong\"\ndecision = \"approve\"\n[[approval]]\nby = \"zhang.jingli\"\ndecision = \"approve\"\n";
        assert!(run(both, "2026-10-09T09:00:00+08:00").is_empty());
        let rejected =
            "[[approval]]\nby = \"zhang.jingli\"\ndecision = \"reject\"\ncomments = \"不同意\"\n";
        assert!(run(rejected, "2026-10-09T09:00:00+08:00").is_empty());
    }
}
