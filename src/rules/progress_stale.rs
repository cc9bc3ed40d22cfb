//! W006 progress-stale.

use super::{Context, at, on};
use crate::diag::Sink;
use crate::evidence::Event;
use crate::messages::Msg;
use crate::model::TaskStatus;

declare_rule! {
    /// An in-progress task has no recent progress update.
    ///
    /// ## What it checks
    /// A task with `status = "in_progress"` whose latest `[[update]]` (or,
    /// without updates, its `start`) is older than `sla.progress_update`
    /// (default `1wd`: an update is due by the end of the next working day).
    /// With git history, the last commit that changed the task's progress
    /// also counts as an update.
    ///
    /// ## Why
    /// Seeds 000 and 003: owners update progress daily by 17:00 — done,
    /// next, problems — so that a slipping task is seen the day it slips.
    ///
    /// ## Fires
    /// Last update Monday 2026-07-06 16:40, checked Wednesday 07-08 09:00.
    ///
    /// ## Does not fire
    /// Checked Tuesday 07-07 17:00.
    "W006", "progress-stale", Warning
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let clock = cx.clock;
    let sla = cx.sla().progress_update;
    for task in &cx.project.tasks {
        if task.archived || task.status() != TaskStatus::InProgress {
            continue;
        }
        let stated = task.update.iter().map(|u| clock.event(&u.at)).max();
        let start = task
            .start
            .as_ref()
            .map(|s| clock.at(s.get().0, clock.workday.start));
        let derived = cx.evidence.get(&task.id, &Event::ProgressUpdated);
        let Some(last) = [stated, derived].into_iter().flatten().max().or(start) else {
            continue;
        };
        let Some(deadline) = clock.after(last, sla) else {
            continue;
        };
        if clock.now <= deadline {
            continue;
        }
        let message = Msg::ProgressStale {
            last: cx.show(last),
            deadline: cx.show(deadline),
            sla,
        };
        let diagnostic = match (task.update.last(), &task.status) {
            (Some(update), _) => at(task, update, "update", message),
            (None, Some(status)) => at(task, status, "update", message),
            (None, None) => on(task, None, "update", message),
        };
        out.emit(diagnostic.hint(Msg::ProgressHint));
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    const TASK: &str = "title = \"a\"\nowner = \"li.gong\"\nstatus = \"in_progress\"\n[[update]]\nat = 2026-07-06T16:40:00+08:00\nby = \"li.gong\"\nprogress = 30\n";

    #[test]
    fn fires_when_the_next_working_day_passes_without_update() {
        let found = run_rule(
            &RULE,
            &[("tasks/T-1.toml", TASK)],
            "2026-07-08T09:00:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "no progress update since 2026-07-06 16:40; an update was due within 1 working day, by 2026-07-07 18:00"
        );
        assert_eq!(found[0].line, 4);
        assert!(
            run_rule(
                &RULE,
                &[("tasks/T-1.toml", TASK)],
                "2026-07-07T17:00:00+08:00"
            )
            .is_empty()
        );
    }

    #[test]
    fn a_friday_update_lasts_until_monday_evening() {
        let text = TASK.replace("2026-07-06T16:40", "2026-07-03T16:40");
        assert!(
            run_rule(
                &RULE,
                &[("tasks/T-1.toml", &text)],
                "2026-07-06T17:59:00+08:00"
            )
            .is_empty()
        );
        assert_eq!(
            run_rule(
                &RULE,
                &[("tasks/T-1.toml", &text)],
                "2026-07-06T18:01:00+08:00"
            )
            .len(),
            1
        );
    }

    #[test]
    fn without_updates_the_start_counts() {
        let text =
            "title = \"a\"\nowner = \"li.gong\"\nstatus = \"in_progress\"\nstart = 2026-07-01\n";
        let found = run_rule(
            &RULE,
            &[("tasks/T-1.toml", text)],
            "2026-07-03T10:00:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .message
                .starts_with("no progress update since 2026-07-01 09:00")
        );
    }

    #[test]
    fn does_not_fire_on_other_statuses() {
        let text = TASK.replace("in_progress", "todo");
        assert!(
            run_rule(
                &RULE,
                &[("tasks/T-1.toml", &text)],
                "2026-08-01T10:00:00+08:00"
            )
            .is_empty()
        );
    }
}
