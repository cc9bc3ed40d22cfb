//! D007 dependency-not-finished.

use super::{Context, at};
use crate::diag::Sink;
use crate::messages::Msg;
use crate::model::TaskStatus;

declare_rule! {
    /// A task is worked on, delivered or accepted while a task it depends on
    /// is not finished.
    ///
    /// ## What it checks
    /// A task whose status is `in_progress`, `delivered` or `accepted`, and
    /// one of whose `depends_on` tasks is neither `delivered` nor
    /// `accepted` (cancelled dependencies are ignored: they no longer hold
    /// anything back). One finding per task, listing every unfinished
    /// dependency, at the first of them in `depends_on`.
    ///
    /// ## Why
    /// Seed 000 breaks work into steps with dependencies (用户调研 → 需求文档
    /// 撰写 → 原型绘制 → 内部评审): a finish-to-start dependency means the
    /// later step uses what the earlier one delivers. A signature delivered
    /// before the legal review it depends on, or a step started on
    /// unfinished input, is either a status that is not true or a
    /// dependency that is not real; the plan is wrong either way.
    ///
    /// ## Fires
    /// `T-LEG-2` (signature) `depends_on = ["T-LEG-1"]` (legal review) is
    /// `delivered` while `T-LEG-1` is `todo`.
    ///
    /// ## Does not fire
    /// `T-LEG-1` is `delivered` or `accepted`; or `T-LEG-2` is still `todo`.
    "D007", "dependency-not-finished", Warning
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let project = cx.project;
    for task in &project.tasks {
        let status = task.status();
        if task.archived
            || !matches!(
                status,
                TaskStatus::InProgress | TaskStatus::Delivered | TaskStatus::Accepted
            )
        {
            continue;
        }
        let unfinished: Vec<(&crate::parse::Sp<String>, TaskStatus)> = task
            .depends_on
            .iter()
            .filter_map(|d| Some((d, project.task(d)?.status())))
            .filter(|(_, s)| {
                !matches!(
                    s,
                    TaskStatus::Delivered | TaskStatus::Accepted | TaskStatus::Cancelled
                )
            })
            .collect();
        let Some((first, _)) = unfinished.first() else {
            continue;
        };
        out.emit(at(
            task,
            *first,
            "depends_on",
            Msg::DependencyNotFinished {
                item: task.id.clone(),
                status: status.as_str().to_string(),
                unfinished: unfinished
                    .iter()
                    .map(|(d, s)| (d.to_string(), s.as_str().to_string()))
                    .collect(),
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    const NOW: &str = "2026-09-01T10:00:00+08:00";

    fn task(status: &str, depends: &str) -> String {
        format!(
            "title = \"t\"\nowner = \"li.gong\"\nstatus = \"{status}\"\ndelivered_at = 2026-08-31T10:00:00+08:00\ndepends_on = [{depends}]\n"
        )
    }

    #[test]
    fn fires_on_a_signature_delivered_before_its_legal_review() {
        let found = run_rule(
            &RULE,
            &[
                (
                    "tasks/T-LEG-1.toml",
                    "title = \"法务审核\"\nowner = \"li.gong\"\nstatus = \"todo\"\n",
                ),
                ("tasks/T-LEG-2.toml", &task("delivered", "\"T-LEG-1\"")),
            ],
            NOW,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].item.as_deref(), Some("T-LEG-2"));
        assert_eq!(
            found[0].message,
            "`T-LEG-2` is delivered but what it depends on is not finished: `T-LEG-1` (todo)"
        );
        assert_eq!((found[0].field.as_str(), found[0].line), ("depends_on", 5));
    }

    #[test]
    fn does_not_fire_on_finished_cancelled_dependencies_or_work_not_started() {
        for dependency in ["delivered", "accepted", "cancelled"] {
            let first = format!(
                "title = \"a\"\nowner = \"li.gong\"\nstatus = \"{dependency}\"\ndelivered_at = 2026-08-30T10:00:00+08:00\n"
            );
            let found = run_rule(
                &RULE,
                &[
                    ("tasks/T-1.toml", first.as_str()),
                    ("tasks/T-2.toml", &task("in_progress", "\"T-1\"")),
                ],
                NOW,
            );
            assert!(found.is_empty(), "{dependency}: {found:#?}");
        }
        let found = run_rule(
            &RULE,
            &[
                ("tasks/T-1.toml", "title = \"a\"\nowner = \"li.gong\"\n"),
                ("tasks/T-2.toml", &task("todo", "\"T-1\"")),
            ],
            NOW,
        );
        assert!(found.is_empty(), "{found:#?}");
    }
}
