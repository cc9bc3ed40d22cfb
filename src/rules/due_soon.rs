//! D002 due-soon.

use super::{Context, at, on_action};
use crate::diag::Sink;
use crate::messages::{Msg, SeedMsg};
use crate::model::RequestStatus;

declare_rule! {
    /// An open task or request is due within `sla.due_soon`.
    ///
    /// ## What it checks
    /// A task that is not delivered, accepted or cancelled, or an open
    /// request, whose deadline is still ahead but no later than
    /// `sla.due_soon` (default `3wd`: the end of the third working day after
    /// today) from now.
    ///
    /// Also: action items of meetings and communication records that are
    /// not done, and signed agreements whose `expires` falls in the same
    /// window (a reminder to renew).
    ///
    /// ## Why
    /// Seeds 002 and 003: warn three days before a milestone (里程碑节点前3天
    /// 提交进度预警; 任务截止前3天提醒负责人), while there is still time to act.
    ///
    /// ## Fires
    /// Checked Monday 2026-07-06 with `due = 2026-07-09` (Thursday).
    ///
    /// ## Does not fire
    /// The same with `due = 2026-07-10`, or with `status = "delivered"`.
    "D002", "due-soon", Warning
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let clock = cx.clock;
    let Some(horizon) = clock.after(clock.now, cx.sla().due_soon) else {
        return;
    };
    let consider = |due: &crate::parse::Sp<crate::parse::When>, emit: &mut dyn FnMut(Msg)| {
        let deadline = clock.deadline(due);
        if clock.now <= deadline && deadline <= horizon {
            emit(Msg::DueSoon {
                due: cx.show(deadline),
                working_days_left: clock.working_days_until(deadline),
            });
        }
    };
    for task in &cx.project.tasks {
        if task.archived || task.status().is_done() {
            continue;
        }
        if let Some(due) = &task.due {
            consider(due, &mut |m| out.emit(at(task, due, "due", m)));
        }
    }
    for request in &cx.project.requests {
        let status = request.status();
        if request.archived || status.is_done() || status == RequestStatus::Draft {
            continue;
        }
        if let Some(due) = &request.due {
            consider(due, &mut |m| out.emit(at(request, due, "due", m)));
        }
    }
    for found in cx.project.action_items() {
        let action = found.action;
        if found.archived || cx.project.action_done(action) {
            continue;
        }
        let Some(due) = &action.due else { continue };
        let deadline = clock.deadline(due);
        if clock.now <= deadline && deadline <= horizon {
            let message = Msg::Seed(SeedMsg::ActionDueSoon {
                title: action.title.to_string(),
                due: cx.show(deadline),
                working_days_left: clock.working_days_until(deadline),
            });
            out.emit(on_action(&found, due.span(), message));
        }
    }
    // An agreement in force that is about to expire: renew it in time.
    for agreement in &cx.project.agreements {
        if agreement.archived || !agreement.is_signed() {
            continue;
        }
        let Some(expires) = &agreement.expires else {
            continue;
        };
        let deadline = clock.deadline(expires);
        if clock.now <= deadline && deadline <= horizon {
            let message = Msg::Seed(SeedMsg::AgreementExpiring {
                expires: expires.written_date().to_string(),
                working_days_left: clock.working_days_until(deadline),
            });
            out.emit(
                at(agreement, expires, "expires", message)
                    .hint(Msg::Seed(SeedMsg::AgreementExpiringHint)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    fn task(due: &str) -> String {
        format!("title = \"a\"\nowner = \"li.gong\"\ndue = {due}\nstatus = \"in_progress\"\n")
    }

    #[test]
    fn fires_within_three_working_days() {
        let found = run_rule(
            &RULE,
            &[("tasks/T-1.toml", &task("2026-07-09"))],
            "2026-07-06T10:00:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "due 2026-07-09 18:00, in 3 working days");
        let found = run_rule(
            &RULE,
            &[("tasks/T-1.toml", &task("2026-07-06"))],
            "2026-07-06T10:00:00+08:00",
        );
        assert_eq!(found[0].message, "due today at 2026-07-06 18:00");
    }

    #[test]
    fn the_window_stretches_over_holidays_and_shrinks_with_make_up_days() {
        // Thursday 2026-09-24: 09-25..27 are Mid-Autumn holidays, so the
        // third working day after is Wednesday 09-30.
        let now = "2026-09-24T10:00:00+08:00";
        assert_eq!(
            run_rule(&RULE, &[("tasks/T-1.toml", &task("2026-09-30"))], now).len(),
            1
        );
        assert!(run_rule(&RULE, &[("tasks/T-1.toml", &task("2026-10-08"))], now).is_empty());
        // Friday 2026-09-18: Sunday 09-20 is a make-up working day, so the
        // third working day after is Tuesday 09-22, not Wednesday.
        let now = "2026-09-18T10:00:00+08:00";
        assert_eq!(
            run_rule(&RULE, &[("tasks/T-1.toml", &task("2026-09-22"))], now).len(),
            1
        );
        assert!(run_rule(&RULE, &[("tasks/T-1.toml", &task("2026-09-23"))], now).is_empty());
    }

    #[test]
    fn fires_on_open_action_items_and_expiring_agreements() {
        let comm = "topic = \"电话\"\nat = 2026-07-06T10:00:00+08:00\n[[action]]\ntitle = \"给出原因\"\nowner = \"li.gong\"\ndue = 2026-07-08\n[[action]]\ntitle = \"已完成\"\nowner = \"li.gong\"\ndue = 2026-07-08\ndone_at = 2026-07-06T12:00:00+08:00\n";
        let signed = "[[signature]]\nparty = \"us\"\n[[signature]]\nparty = \"counterparty\"\n";
        let agreement = format!("title = \"供货\"\nexpires = 2026-07-09\n{signed}");
        let unsigned = "title = \"草稿\"\nexpires = 2026-07-09\n";
        let found = run_rule(
            &RULE,
            &[
                ("comms/COM-1.toml", comm),
                ("agreements/AGR-1.toml", &agreement),
                ("agreements/AGR-2.toml", unsigned),
            ],
            "2026-07-06T10:00:00+08:00",
        );
        let got: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            got,
            [
                "action item \"给出原因\" due 2026-07-08 18:00, in 2 working days",
                "agreement expires 2026-07-09, in 3 working days",
            ]
        );
    }

    #[test]
    fn does_not_fire_when_past_due_or_delivered() {
        let now = "2026-07-06T10:00:00+08:00";
        assert!(run_rule(&RULE, &[("tasks/T-1.toml", &task("2026-07-03"))], now).is_empty());
        let delivered = "title = \"a\"\ndue = 2026-07-07\nstatus = \"delivered\"\n";
        assert!(run_rule(&RULE, &[("tasks/T-1.toml", delivered)], now).is_empty());
    }
}
