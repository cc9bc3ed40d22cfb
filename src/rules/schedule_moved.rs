//! D006 schedule-moved.

use super::{Context, at, in_file};
use crate::diag::Sink;
use crate::plan::{ScheduleChange, impact};

declare_rule! {
    /// A pull request moves the planned finish of a request, a milestone or
    /// the project, or changes the critical path.
    ///
    /// ## What it checks
    /// In a pull request (`--base`/`--head`), baton plans both revisions
    /// (SPEC §5) and compares them: every request's and milestone's planned
    /// finish, the project's, and the critical path. Each move is reported,
    /// with the chain of tasks that moved it, as information: the change may
    /// be right, but the reviewer should know what it costs.
    ///
    /// ## Why
    /// Seed 001: when a delay threatens, the requester is told at once and
    /// the plan is renegotiated (若发觉延期风险…需及时组织跨部门沟通).
    /// A one-line edit to an effort or a dependency can move a launch date
    /// three weeks without anyone noticing in the diff.
    ///
    /// ## Fires
    /// A pull request raises `effort` of a task on the critical path from
    /// `3wd` to `5wd`: "moves REQ-001's planned finish from 2026-10-23 to
    /// 2026-10-27 (2 working days later) through T-004 → T-007".
    ///
    /// ## Does not fire
    /// A pull request that changes only titles or comments, or outside
    /// pull-request mode.
    "D006", "schedule-moved", Info
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let (Some(changes), Some(head)) = (cx.changes, cx.plan) else {
        return;
    };
    let Some(base) = &changes.base_plan else {
        return;
    };
    let project = cx.project;
    for change in impact(base, head, &project.settings.calendar) {
        let message = change.message();
        let diagnostic = match &change {
            ScheduleChange::Finish { item: Some(id), .. } => {
                let key = format!("finish:{id}");
                if let Some(request) = project.request(id) {
                    match &request.due {
                        Some(due) => at(request, due, "due", message).key(key),
                        None => at(request, &request.title, "due", message).key(key),
                    }
                } else if let Some(task) = project.task(id) {
                    at(task, &task.title, "due", message).key(key)
                } else {
                    continue;
                }
            }
            ScheduleChange::Finish { item: None, .. } => {
                in_file(project.config_file, None, "project", message).key("finish")
            }
            ScheduleChange::CriticalPath { to, from } => {
                // At the first task that joined the critical path.
                let joined = to.iter().find(|t| !from.contains(t)).or(to.first());
                match joined.and_then(|id| project.task(id)) {
                    Some(task) => {
                        at(task, &task.title, "critical_path", message).key("critical-path")
                    }
                    None => in_file(project.config_file, None, "critical_path", message)
                        .key("critical-path"),
                }
            }
        };
        out.emit(diagnostic);
    }
}

// Firing needs two revisions, tested in tests/git.rs:
// fires: tests/git.rs::d006_fires_when_a_change_moves_a_request_finish
#[cfg(test)]
mod tests {
    #[test]
    fn does_not_fire_without_a_pull_request() {
        let found = crate::testing::run_rule(
            &super::RULE,
            &[(
                "tasks/T-1.toml",
                "title = \"a\"\nowner = \"li.gong\"\neffort = \"5wd\"\n",
            )],
            "2026-07-07T10:00:00+08:00",
        );
        assert!(found.is_empty());
    }
}
