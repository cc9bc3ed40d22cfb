//! O001 owner-not-single.

use super::{Context, at, on};
use crate::diag::Sink;
use crate::messages::Msg;

declare_rule! {
    /// A task has no owner, or more than one.
    ///
    /// ## What it checks
    /// `owner` must name exactly one person. A list of owners, an empty
    /// string and a missing `owner` all fire.
    ///
    /// ## Why
    /// Seed 000: every task has a single responsible person (唯一负责人),
    /// "to avoid several people being responsible and passing the buck".
    ///
    /// ## Fires
    /// ```toml
    /// owner = ["li.gong", "wang.wu"]
    /// ```
    ///
    /// ## Does not fire
    /// ```toml
    /// owner = "li.gong"
    /// support = ["ops"]
    /// ```
    "O001", "owner-not-single", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    for task in &cx.project.tasks {
        let owners: Vec<String> = task
            .owner_ids()
            .into_iter()
            .map(|(o, _)| o.trim().to_string())
            .filter(|o| !o.is_empty())
            .collect();
        match (owners.len(), &task.owner) {
            (1, _) => {}
            (0, _) => out.emit(
                on(task, Some(task.title.span()), "owner", Msg::OwnerMissing).hint(Msg::OwnerHint),
            ),
            (_, Some(owner)) => out.emit(
                at(task, owner, "owner", Msg::OwnerNotSingle { owners }).hint(Msg::OwnerHint),
            ),
            (_, None) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    const NOW: &str = "2026-07-07T10:00:00+08:00";

    #[test]
    fn fires_on_missing_empty_and_multiple_owners() {
        let found = run_rule(
            &RULE,
            &[
                ("tasks/T-1.toml", "title = \"a\"\n"),
                ("tasks/T-2.toml", "title = \"b\"\nowner = \"  \"\n"),
                (
                    "tasks/T-3.toml",
                    "title = \"c\"\nowner = [\"li.gong\", \"zhao.liu\"]\n",
                ),
            ],
            NOW,
        );
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "task has no owner",
                "task has no owner",
                "task has 2 owners (`li.gong` and `zhao.liu`); a task has exactly one owner"
            ]
        );
        assert_eq!(found[2].line, 2);
    }

    #[test]
    fn does_not_fire_on_one_owner_even_as_a_one_element_list() {
        let found = run_rule(
            &RULE,
            &[
                ("tasks/T-1.toml", "title = \"a\"\nowner = \"li.gong\"\n"),
                ("tasks/T-2.toml", "title = \"b\"\nowner = [\"li.gong\"]\n"),
            ],
            NOW,
        );
        assert!(found.is_empty(), "{found:#?}");
    }
}
