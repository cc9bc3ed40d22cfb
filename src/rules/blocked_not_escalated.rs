//! W007 blocked-not-escalated.

use super::{Context, at};
use crate::diag::Sink;
use crate::evidence::Event;
use crate::messages::Msg;
use crate::model::{Item, Task, TaskStatus};

declare_rule! {
    /// A task blocked longer than `sla.blocked_escalate` was not escalated.
    ///
    /// ## What it checks
    /// A task with `status = "blocked"` whose `[blocked] since` is more than
    /// `sla.blocked_escalate` ago (default `2wd`: past the end of the second
    /// working day after the day it became blocked) must have been escalated
    /// to the owner's manager or the head of its lead department by then:
    /// `blocked.escalated_to` and `blocked.escalated_at`. Fires when there is
    /// no escalation, when it came late, and when it went to someone else.
    /// Without `since`, the commit that set the status to `blocked` counts;
    /// when neither tells, the finding says the deadline cannot be checked.
    ///
    /// ## Why
    /// Seed 000: a blocked task is reported to the lead department at once,
    /// and one blocked over 2 working days is escalated to the manager
    /// (阻塞超过2个工作日的需上报上级主管) — blocked work must not wait silently.
    ///
    /// ## Fires
    /// Blocked since Thursday 2026-07-02 10:00, no escalation, checked
    /// Tuesday 07-07 (the deadline was Monday 07-06 18:00).
    ///
    /// ## Does not fire
    /// `escalated_to = "chen.zong"` (the owner's manager),
    /// `escalated_at = 2026-07-06T09:30:00+08:00`.
    "W007", "blocked-not-escalated", Error
}

/// Who may receive the escalation: the owner's manager, the lead
/// department's head.
fn escalation_targets(cx: &Context<'_>, task: &Item<Task>) -> Vec<String> {
    let org = &cx.project.org;
    let mut targets = Vec::new();
    for (owner, _) in task.owner_ids() {
        if let Some(manager) = org.manager_of(owner) {
            targets.push(manager.to_string());
        }
    }
    if let Some(head) = task.lead.as_ref().and_then(|l| org.head_of(l)) {
        targets.push(head.to_string());
    }
    targets.dedup();
    targets
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let clock = cx.clock;
    let sla = cx.sla().blocked_escalate;
    for task in &cx.project.tasks {
        if task.archived || task.status() != TaskStatus::Blocked {
            continue;
        }
        let Some(blocked) = &task.blocked else {
            continue;
        };
        let Some(since) = cx.time_of(&task.id, blocked.since.as_ref(), Event::Blocked) else {
            out.emit(at(
                task,
                blocked,
                "blocked.since",
                Msg::TimeUnknown {
                    field: "blocked.since".into(),
                    sla,
                },
            ));
            continue;
        };
        let Some(deadline) = clock.after(since, sla) else {
            continue;
        };
        let targets = escalation_targets(cx, task);
        match &blocked.escalated_to {
            Some(to) if !to.trim().is_empty() => {
                if !targets.is_empty() && !targets.iter().any(|t| t == to.as_str()) {
                    out.emit(
                        at(
                            task,
                            to,
                            "blocked.escalated_to",
                            Msg::BlockedEscalatedToWrongPerson {
                                to: to.to_string(),
                                expected: targets.clone(),
                            },
                        )
                        .key("target"),
                    );
                }
                let escalated =
                    cx.time_of(&task.id, blocked.escalated_at.as_ref(), Event::Escalated);
                if let Some(escalated) = escalated.filter(|t| *t > deadline) {
                    let anchor = blocked
                        .escalated_at
                        .as_ref()
                        .map_or(to.span(), |e| e.span());
                    out.emit(
                        super::on(
                            task,
                            Some(anchor),
                            "blocked.escalated_at",
                            Msg::BlockedEscalatedLate {
                                since: cx.show(since),
                                at: cx.show(escalated),
                                deadline: cx.show(deadline),
                            },
                        )
                        .key("late")
                        .closed(),
                    );
                }
            }
            _ if clock.now > deadline => {
                let mut diagnostic = at(
                    task,
                    blocked,
                    "blocked.escalated_at",
                    Msg::BlockedNotEscalated {
                        since: cx.show(since),
                        deadline: cx.show(deadline),
                        sla,
                    },
                );
                if !targets.is_empty() {
                    diagnostic = diagnostic.hint(Msg::EscalateHint { to: targets });
                }
                out.emit(diagnostic.key("late"));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{line_of, run_rule};

    fn task(since: &str, escalation: &str) -> String {
        format!(
            "title = \"a\"\nowner = \"li.gong\"\nlead = \"rnd\"\nstatus = \"blocked\"\n\n[blocked]\nsince = {since}\nreason = \"等待测试环境\"\n{escalation}"
        )
    }

    #[test]
    fn fires_after_two_working_days_without_escalation() {
        let text = task("2026-07-02T10:00:00+08:00", "");
        let found = run_rule(
            &RULE,
            &[("tasks/T-3.toml", &text)],
            "2026-07-07T10:00:00+08:00",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "blocked since 2026-07-02 10:00 and not escalated; escalation was due after 2 working days, by 2026-07-06 18:00"
        );
        assert_eq!(
            found[0].hint.as_deref(),
            Some(
                "set `blocked.escalated_to` to `chen.zong` and `blocked.escalated_at` to when it was escalated"
            )
        );
        assert_eq!(found[0].line, line_of(&text, "[blocked]"));
        assert!(
            run_rule(
                &RULE,
                &[("tasks/T-3.toml", &text)],
                "2026-07-06T17:00:00+08:00"
            )
            .is_empty()
        );
    }

    #[test]
    fn the_window_spans_a_holiday() {
        // Blocked Wednesday 2026-09-30; National Day is 10-01..07, so the
        // two working days after are Thursday 10-08 and Friday 10-09.
        let text = task("2026-09-30T10:00:00+08:00", "");
        assert!(
            run_rule(
                &RULE,
                &[("tasks/T-3.toml", &text)],
                "2026-10-09T17:00:00+08:00"
            )
            .is_empty()
        );
        assert_eq!(
            run_rule(
                &RULE,
                &[("tasks/T-3.toml", &text)],
                "2026-10-09T18:30:00+08:00"
            )
            .len(),
            1
        );
    }

    #[test]
    fn fires_on_late_or_misdirected_escalation() {
        let late = task(
            "2026-07-02T10:00:00+08:00",
            "escalated_to = \"chen.zong\"\nescalated_at = 2026-07-07T09:00:00+08:00\n",
        );
        let found = run_rule(
            &RULE,
            &[("tasks/T-3.toml", &late)],
            "2026-07-08T10:00:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "blocked since 2026-07-02 10:00 but escalated only at 2026-07-07 09:00, after 2026-07-06 18:00"
        );
        let wrong = task(
            "2026-07-02T10:00:00+08:00",
            "escalated_to = \"zhao.liu\"\nescalated_at = 2026-07-03T09:00:00+08:00\n",
        );
        let found = run_rule(
            &RULE,
            &[("tasks/T-3.toml", &wrong)],
            "2026-07-08T10:00:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .message
                .starts_with("escalated to `zhao.liu`, who is neither"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn fires_when_the_blocking_time_is_unknown() {
        let text =
            "title = \"a\"\nowner = \"li.gong\"\nstatus = \"blocked\"\n[blocked]\nreason = \"x\"\n";
        let found = run_rule(
            &RULE,
            &[("tasks/T-3.toml", text)],
            "2026-07-08T10:00:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.starts_with("`blocked.since` is not set"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn does_not_fire_on_timely_escalation_to_the_lead_head() {
        let ok = task(
            "2026-07-02T10:00:00+08:00",
            "escalated_to = \"chen.zong\"\nescalated_at = 2026-07-06T09:30:00+08:00\n",
        );
        assert!(
            run_rule(
                &RULE,
                &[("tasks/T-3.toml", &ok)],
                "2026-07-20T10:00:00+08:00"
            )
            .is_empty()
        );
    }
}
