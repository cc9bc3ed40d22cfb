//! Q002 missing-deliverable.

use super::{Context, at};
use crate::diag::Sink;
use crate::messages::Msg;
use crate::model::{TaskStatus, filled};

declare_rule! {
    /// A task has no deliverable or no acceptance criteria.
    ///
    /// ## What it checks
    /// Every task that is not a milestone and not cancelled states its
    /// `deliverable` and its `acceptance` criteria.
    ///
    /// ## Why
    /// Seeds 000 and 001: each task has a clear deliverable and delivery
    /// standard (明确交付物、交付标准); without them, acceptance is a matter
    /// of opinion.
    ///
    /// ## Fires
    /// A task with `title` and `owner` only.
    ///
    /// ## Does not fire
    /// ```toml
    /// deliverable = "需求文档"
    /// acceptance = "包含用户画像、功能优先级、交互流程"
    /// ```
    "Q002", "missing-deliverable", Warning
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    for task in &cx.project.tasks {
        if task.milestone || task.archived || task.status() == TaskStatus::Cancelled {
            continue;
        }
        let mut missing = Vec::new();
        if filled(&task.deliverable).is_none() {
            missing.push("deliverable".to_string());
        }
        if filled(&task.acceptance).is_none() {
            missing.push("acceptance".to_string());
        }
        if !missing.is_empty() {
            out.emit(at(
                task,
                &task.title,
                "deliverable",
                Msg::MissingDeliverable { missing },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    const NOW: &str = "2026-07-07T10:00:00+08:00";

    #[test]
    fn fires_on_tasks_without_deliverable_or_criteria() {
        let found = run_rule(
            &RULE,
            &[
                ("tasks/T-1.toml", "title = \"a\"\n"),
                (
                    "tasks/T-2.toml",
                    "title = \"b\"\ndeliverable = \"需求文档\"\n",
                ),
            ],
            NOW,
        );
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "task has no deliverable and no acceptance",
                "task has no acceptance"
            ]
        );
    }

    #[test]
    fn does_not_fire_on_milestones_cancelled_or_complete_tasks() {
        let found = run_rule(
            &RULE,
            &[
                ("tasks/T-1.toml", "title = \"上线\"\nmilestone = true\n"),
                ("tasks/T-2.toml", "title = \"b\"\nstatus = \"cancelled\"\n"),
                (
                    "tasks/T-3.toml",
                    "title = \"c\"\ndeliverable = \"需求文档\"\nacceptance = \"评审通过\"\n",
                ),
            ],
            NOW,
        );
        assert!(found.is_empty(), "{found:#?}");
    }
}
