//! D001 overdue.

use super::{Context, at, on_action};
use crate::diag::Sink;
use crate::messages::{Msg, SeedMsg};

declare_rule! {
    /// An open task or request is past its due.
    ///
    /// ## What it checks
    /// A task that is not delivered, accepted or cancelled, or a submitted
    /// request that is not delivered, accepted, closed or declined, whose
    /// `due` has passed. A due date means the end of that working day
    /// (`workday.end`). Archived items are not checked.
    ///
    /// Action items of meetings (`[[minutes.action]]`) and communication
    /// records (`[[action]]`) are checked too: past `due` and not done
    /// (no `done_at`, and the task it was promoted to, if any, is not
    /// delivered, accepted or cancelled).
    ///
    /// ## Why
    /// Seed 000: deadlines slip silently in chat; a task past its deadline
    /// must be visible the moment it happens, not at the next weekly
    /// meeting.
    ///
    /// ## Fires
    /// `due = 2026-07-08`, `status = "in_progress"`, checked on 2026-07-09.
    ///
    /// ## Does not fire
    /// The same at 2026-07-08 17:59, or with `status = "delivered"`.
    "D001", "overdue", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let clock = cx.clock;
    for task in &cx.project.tasks {
        if task.archived || task.status().is_done() {
            continue;
        }
        let Some(due) = &task.due else { continue };
        let deadline = clock.deadline(due);
        if clock.now > deadline {
            let late = clock.late(deadline, clock.now);
            out.emit(at(
                task,
                due,
                "due",
                Msg::Overdue {
                    due: cx.show(deadline),
                    late,
                },
            ));
        }
    }
    for request in &cx.project.requests {
        let status = request.status();
        if request.archived || status.is_done() || status == crate::model::RequestStatus::Draft {
            continue;
        }
        let Some(due) = &request.due else { continue };
        let deadline = clock.deadline(due);
        if clock.now > deadline {
            let late = clock.late(deadline, clock.now);
            out.emit(at(
                request,
                due,
                "due",
                Msg::Overdue {
                    due: cx.show(deadline),
                    late,
                },
            ));
        }
    }
    for found in cx.project.action_items() {
        let action = found.action;
        if found.archived || cx.project.action_done(action) {
            continue;
        }
        let Some(due) = &action.due else { continue };
        let deadline = clock.deadline(due);
        if clock.now > deadline {
            let message = Msg::Seed(SeedMsg::ActionOverdue {
                title: action.title.to_string(),
                due: cx.show(deadline),
                late: clock.late(deadline, clock.now),
            });
            out.emit(
                on_action(&found, due.span(), message).hint(Msg::Seed(SeedMsg::ActionOverdueHint)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    fn task(due: &str, status: &str) -> String {
        format!("title = \"a\"\nowner = \"li.gong\"\ndue = {due}\nstatus = \"{status}\"\n")
    }

    #[test]
    fn fires_after_the_end_of_the_due_working_day() {
        let t = task("2026-07-08", "in_progress");
        let found = run_rule(
            &RULE,
            &[("tasks/T-1.toml", &t)],
            "2026-07-08T18:01:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "overdue: due 2026-07-08 18:00, less than an hour ago"
        );
        assert_eq!(found[0].line, 3);
        // Friday's deadline seen on Monday: one working day late.
        let t = task("2026-07-03", "todo");
        let found = run_rule(
            &RULE,
            &[("tasks/T-1.toml", &t)],
            "2026-07-06T10:00:00+08:00",
        );
        assert_eq!(
            found[0].message,
            "overdue: due 2026-07-03 18:00, 1 working day ago"
        );
    }

    #[test]
    fn counts_lateness_in_working_days_across_national_day() {
        // Due Wednesday 2026-09-30; 10-01..07 are holidays; 10-08 is a working day.
        let t = task("2026-09-30", "in_progress");
        let found = run_rule(
            &RULE,
            &[("tasks/T-1.toml", &t)],
            "2026-10-08T10:00:00+08:00",
        );
        assert_eq!(
            found[0].message,
            "overdue: due 2026-09-30 18:00, 1 working day ago"
        );
    }

    #[test]
    fn fires_on_action_items_not_done() {
        let meeting = "title = \"m\"\nstart = 2026-07-06T14:00:00+08:00\n[minutes]\n[[minutes.action]]\ntitle = \"补充文档\"\nowner = \"li.gong\"\ndue = 2026-07-07\n[[minutes.action]]\ntitle = \"排期\"\nowner = \"li.gong\"\ndue = 2026-07-07\ndone_at = 2026-07-07T12:00:00+08:00\n[[minutes.action]]\ntitle = \"接口\"\nowner = \"li.gong\"\ndue = 2026-07-07\ntask = \"T-1\"\n";
        let comm = "topic = \"电话\"\nat = 2026-07-06T10:00:00+08:00\n[[action]]\ntitle = \"给出原因\"\nowner = \"li.gong\"\ndue = 2026-07-07T12:00:00+08:00\n";
        let task = "title = \"接口\"\nowner = \"li.gong\"\nstatus = \"delivered\"\n";
        let found = run_rule(
            &RULE,
            &[
                ("meetings/M-1.toml", meeting),
                ("comms/COM-1.toml", comm),
                ("tasks/T-1.toml", task),
            ],
            "2026-07-08T09:00:00+08:00",
        );
        let got: Vec<(&str, &str)> = found
            .iter()
            .map(|f| (f.field.as_str(), f.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "minutes.action",
                    "action item \"补充文档\" overdue: due 2026-07-07 18:00, 1 working day ago"
                ),
                (
                    "action",
                    "action item \"给出原因\" overdue: due 2026-07-07 12:00, 1 working day ago"
                ),
            ],
            "done, and promoted to a delivered task, are not overdue"
        );
    }

    #[test]
    fn fires_on_open_requests() {
        let r = "title = \"r\"\nfrom = { department = \"mkt\" }\nsubmitted_at = 2026-07-01T10:00:00+08:00\ndue = 2026-07-03\n";
        let found = run_rule(
            &RULE,
            &[("requests/R-1.toml", r)],
            "2026-07-07T10:00:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "overdue: due 2026-07-03 18:00, 2 working days ago"
        );
    }

    #[test]
    fn does_not_fire_before_the_deadline_or_on_done_items() {
        let now = "2026-07-08T17:59:00+08:00";
        assert!(
            run_rule(
                &RULE,
                &[("tasks/T-1.toml", &task("2026-07-08", "in_progress"))],
                now
            )
            .is_empty()
        );
        let later = "2026-07-20T10:00:00+08:00";
        for status in ["delivered", "accepted", "cancelled"] {
            assert!(
                run_rule(
                    &RULE,
                    &[("tasks/T-1.toml", &task("2026-07-08", status))],
                    later
                )
                .is_empty(),
                "{status}"
            );
        }
        let archived = format!("{}archived = true\n", task("2026-07-08", "todo"));
        assert!(run_rule(&RULE, &[("tasks/T-1.toml", &archived)], later).is_empty());
        let draft = "title = \"r\"\nfrom = { department = \"mkt\" }\ndue = 2026-07-03\n";
        assert!(run_rule(&RULE, &[("requests/R-1.toml", draft)], later).is_empty());
    }
}
