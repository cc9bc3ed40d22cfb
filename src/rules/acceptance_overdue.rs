//! W008 acceptance-overdue.

use super::{Context, at};
use crate::diag::Sink;
use crate::evidence::Event;
use crate::messages::Msg;
use crate::model::TaskStatus;

declare_rule! {
    /// A delivered task was not reviewed within `sla.acceptance`.
    ///
    /// ## What it checks
    /// A task with `status = "delivered"` and `delivered_at` needs a
    /// `[review]` within `sla.acceptance` (default `2wd`). Fires while the
    /// review is missing after the deadline, and when a recorded review came
    /// after it. A delivered task whose delivery time is neither written nor
    /// known from history fires too: its acceptance deadline cannot start.
    ///
    /// ## Why
    /// Seed 000: the requester completes acceptance within 2 working days of
    /// the submission (在2个工作日内完成验收); delivered work that waits for
    /// a verdict is the most common silent delay.
    ///
    /// ## Fires
    /// Delivered Wednesday 2026-07-08 17:00, no review on Monday 07-13.
    ///
    /// ## Does not fire
    /// A review on Friday 07-10.
    "W008", "acceptance-overdue", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let clock = cx.clock;
    let sla = cx.sla().acceptance;
    for task in &cx.project.tasks {
        let status = task.status();
        if task.archived
            || !matches!(
                status,
                TaskStatus::Delivered | TaskStatus::Accepted | TaskStatus::Rejected
            )
        {
            continue;
        }
        let Some(delivered) = cx.time_of(&task.id, task.delivered_at.as_ref(), Event::Delivered)
        else {
            if status == TaskStatus::Delivered {
                let message = Msg::TimeUnknown {
                    field: "delivered_at".into(),
                    sla,
                };
                out.emit(match &task.status {
                    Some(s) => at(task, s, "delivered_at", message),
                    None => at(task, &task.title, "delivered_at", message),
                });
            }
            continue;
        };
        let Some(deadline) = clock.after(delivered, sla) else {
            continue;
        };
        let review = task.review.as_ref();
        let reviewed = cx.time_of(
            &task.id,
            review.and_then(|r| r.at.as_ref()),
            Event::Reviewed,
        );
        // A review from before this delivery belongs to an earlier round.
        let current = reviewed.filter(|t| *t >= delivered);
        match (current, review) {
            (Some(t), Some(review)) if t > deadline => out.emit(
                at(
                    task,
                    review,
                    "review",
                    Msg::AcceptanceLate {
                        delivered_at: cx.show(delivered),
                        at: cx.show(t),
                        deadline: cx.show(deadline),
                        sla,
                    },
                )
                .closed(),
            ),
            (None, _) if status == TaskStatus::Delivered && clock.now > deadline => {
                let message = Msg::AcceptanceOverdue {
                    delivered_at: cx.show(delivered),
                    deadline: cx.show(deadline),
                    sla,
                };
                out.emit(match &task.delivered_at {
                    Some(value) => at(task, value, "review", message),
                    None => at(task, &task.title, "review", message),
                });
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{line_of, run_rule};

    const DELIVERED: &str = "title = \"a\"\nowner = \"li.gong\"\nstatus = \"delivered\"\ndelivered_at = 2026-07-08T17:00:00+08:00\n";

    #[test]
    fn fires_after_two_working_days_without_review() {
        let found = run_rule(
            &RULE,
            &[("tasks/T-1.toml", DELIVERED)],
            "2026-07-13T09:00:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "delivered 2026-07-08 17:00 and not reviewed; acceptance was due within 2 working days, by 2026-07-10 18:00"
        );
        assert_eq!(found[0].line, line_of(DELIVERED, "delivered_at"));
        assert!(
            run_rule(
                &RULE,
                &[("tasks/T-1.toml", DELIVERED)],
                "2026-07-10T17:00:00+08:00"
            )
            .is_empty()
        );
    }

    #[test]
    fn fires_on_a_late_review_and_ignores_an_old_round() {
        let late = "title = \"a\"\nstatus = \"accepted\"\ndelivered_at = 2026-07-08T17:00:00+08:00\n[review]\nat = 2026-07-14T10:00:00+08:00\nverdict = \"accepted\"\n";
        let found = run_rule(
            &RULE,
            &[("tasks/T-1.toml", late)],
            "2026-07-20T09:00:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .message
                .starts_with("delivered 2026-07-08 17:00 but reviewed only at 2026-07-14 10:00")
        );
        // Redelivered after a rejection: the old review does not count.
        let again = format!(
            "{DELIVERED}[review]\nat = 2026-07-01T10:00:00+08:00\nverdict = \"rejected\"\ncomments = \"补充用例\"\n"
        );
        assert_eq!(
            run_rule(
                &RULE,
                &[("tasks/T-1.toml", &again)],
                "2026-07-13T09:00:00+08:00"
            )
            .len(),
            1
        );
    }

    #[test]
    fn fires_when_the_delivery_time_is_unknown() {
        let text = "title = \"a\"\nstatus = \"delivered\"\n";
        let found = run_rule(
            &RULE,
            &[("tasks/T-1.toml", text)],
            "2026-07-13T09:00:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, 2);
        assert!(found[0].message.starts_with("`delivered_at` is not set"));
    }

    #[test]
    fn does_not_fire_on_a_timely_review() {
        let ok = "title = \"a\"\nstatus = \"accepted\"\ndelivered_at = 2026-07-08T17:00:00+08:00\n[review]\nat = 2026-07-10T11:00:00+08:00\nverdict = \"accepted\"\n";
        assert!(
            run_rule(
                &RULE,
                &[("tasks/T-1.toml", ok)],
                "2026-07-20T09:00:00+08:00"
            )
            .is_empty()
        );
    }
}
