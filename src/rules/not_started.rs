//! D009 not-started.

use chrono::NaiveDate;

use super::{Context, at, on};
use crate::diag::Sink;
use crate::messages::{Msg, PlanOrigin};
use crate::model::TaskStatus;

declare_rule! {
    /// A task is still `todo` well after it should have started.
    ///
    /// ## What it checks
    /// A task with `status = "todo"` (or none) whose start has passed by
    /// more than `sla.progress_update` (default `1wd`): its fixed `start`,
    /// or, when every task it depends on is delivered or accepted, the
    /// first working day after the last of them finished. A task without a
    /// start and without dependencies has no start to miss; archived tasks
    /// are not checked.
    ///
    /// ## Why
    /// Seed 000 asks owners to report daily from the day work starts; a
    /// task that never moved out of `todo` reports nothing, so W006 never
    /// fires for it. Work that never started is the silent slip the seeds
    /// warn about: it is found the day it should have begun, not on its
    /// due date.
    ///
    /// ## Fires
    /// `start = 2026-09-14`, still `todo` on Wednesday 2026-09-16 at 10:00
    /// (the start's next working day ended Tuesday 18:00).
    ///
    /// ## Does not fire
    /// The same task on Tuesday 2026-09-15 at 17:00; a `todo` task whose
    /// dependency is still in progress.
    "D009", "not-started", Warning
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let clock = cx.clock;
    let sla = cx.sla().progress_update;
    let calendar = &clock.calendar;
    for task in &cx.project.tasks {
        if task.archived || task.status() != TaskStatus::Todo || task.milestone {
            continue;
        }
        // Where the start comes from: a fixed start, else the finish of
        // the last dependency (when all are finished).
        let after_dependencies = || -> Option<(NaiveDate, NaiveDate)> {
            if task.depends_on.is_empty() {
                return None;
            }
            let plan = cx.plan?;
            let mut last: Option<NaiveDate> = None;
            for dependency in &task.depends_on {
                let index = match cx.project.item(dependency)? {
                    crate::model::ItemRef {
                        kind: crate::model::ItemKind::Task,
                        index,
                    } => index,
                    _ => return None,
                };
                let before = cx.project.tasks.get(index)?;
                if !matches!(
                    before.status(),
                    TaskStatus::Delivered | TaskStatus::Accepted | TaskStatus::Cancelled
                ) {
                    return None;
                }
                if let Some(finish) = plan
                    .tasks
                    .get(index)
                    .and_then(|p| p.slot())
                    .map(|s| s.finish)
                {
                    last = Some(last.map_or(finish, |l| l.max(finish)));
                }
            }
            let last = last?;
            Some((calendar.nth_working_day_after(last, 1)?, last))
        };
        let (start, origin) = match &task.start {
            Some(start) => (
                start.get().0,
                PlanOrigin::FixedStart(start.get().0.to_string()),
            ),
            None => match after_dependencies() {
                Some((day, finished)) => (day, PlanOrigin::Delivered(finished.to_string())),
                None => continue,
            },
        };
        let began = clock.at(start, clock.workday.start);
        let Some(deadline) = clock.after(began, sla) else {
            continue;
        };
        if clock.now <= deadline {
            continue;
        }
        let message = Msg::NotStarted {
            start: start.to_string(),
            origin,
            deadline: cx.show(deadline),
            sla,
        };
        let diagnostic = match (&task.start, &task.status) {
            (Some(value), _) => at(task, value, "status", message),
            (None, Some(status)) => at(task, status, "status", message),
            (None, None) => on(task, None, "status", message),
        };
        out.emit(diagnostic.hint(Msg::NotStartedHint));
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    const TASK: &str =
        "title = \"a\"\nowner = \"li.gong\"\nstart = 2026-09-14\nstatus = \"todo\"\n";

    #[test]
    fn fires_on_a_fixed_start_passed_without_a_start() {
        let found = run_rule(
            &RULE,
            &[("tasks/T-1.toml", TASK)],
            "2026-09-16T10:00:00+08:00",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "still to do: it was to start 2026-09-14 (its fixed start 2026-09-14) and has not started; work was due to begin within 1 working day, by 2026-09-15 18:00"
        );
        assert!(
            run_rule(
                &RULE,
                &[("tasks/T-1.toml", TASK)],
                "2026-09-15T17:00:00+08:00"
            )
            .is_empty()
        );
    }

    #[test]
    fn fires_when_the_dependencies_finished_and_nothing_began() {
        let first = "title = \"a\"\nowner = \"li.gong\"\nstatus = \"delivered\"\ndelivered_at = 2026-09-10T17:00:00+08:00\n";
        let second = "title = \"b\"\nowner = \"li.gong\"\ndepends_on = [\"T-1\"]\n";
        let found = run_rule(
            &RULE,
            &[("tasks/T-1.toml", first), ("tasks/T-2.toml", second)],
            "2026-09-16T10:00:00+08:00",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].item.as_deref(), Some("T-2"));
    }

    #[test]
    fn does_not_fire_on_started_unscheduled_or_waiting_work() {
        let started = TASK.replace("todo", "in_progress");
        let unscheduled = "title = \"a\"\nowner = \"li.gong\"\n";
        let waiting = "title = \"b\"\nowner = \"li.gong\"\ndepends_on = [\"T-3\"]\n";
        let blocker = "title = \"c\"\nowner = \"li.gong\"\nstatus = \"in_progress\"\n";
        let found = run_rule(
            &RULE,
            &[
                ("tasks/T-1.toml", started.as_str()),
                ("tasks/T-2.toml", unscheduled),
                ("tasks/T-4.toml", waiting),
                ("tasks/T-3.toml", blocker),
            ],
            "2026-10-20T10:00:00+08:00",
        );
        assert!(found.is_empty(), "{found:#?}");
    }
}
