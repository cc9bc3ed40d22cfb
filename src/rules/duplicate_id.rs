//! S003 duplicate-id.

use super::Context;
use crate::diag::Sink;

declare_rule! {
    /// Two items share an id.
    ///
    /// ## What it checks
    /// An item's id is its file stem (`tasks/T-001.toml` is `T-001`) and
    /// must be unique across requests, meetings and tasks, in any folder.
    /// The first file in path order keeps the id; each later one is
    /// reported and not checked. Departments and people defined twice in
    /// `org.toml` are reported too.
    ///
    /// ## Why
    /// References (`depends_on`, `request`, `task`) name items by id; with
    /// two items of one id nobody knows which is meant.
    ///
    /// ## Fires
    /// `tasks/T-001.toml` and `tasks/archive/T-001.toml`.
    ///
    /// ## Does not fire
    /// `tasks/T-001.toml` and `tasks/archive/T-001-old.toml`.
    "S003", "duplicate-id", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    for problem in cx.project.problems.iter().filter(|p| p.code == RULE.code) {
        out.emit(problem.diagnostic.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    const NOW: &str = "2026-07-07T10:00:00+08:00";
    const TASK: &str = "title = \"a\"\nowner = \"li.gong\"\n";

    #[test]
    fn fires_on_the_same_id_in_two_folders_and_kinds() {
        let found = run_rule(
            &RULE,
            &[
                ("tasks/T-1.toml", TASK),
                ("tasks/old/T-1.toml", TASK),
                (
                    "meetings/T-1.toml",
                    "title = \"m\"\nstart = 2026-07-01T10:00:00+08:00\n",
                ),
            ],
            NOW,
        );
        assert_eq!(found.len(), 2, "{found:#?}");
        // meetings/ sorts before tasks/: it keeps the id
        assert!(
            found
                .iter()
                .all(|f| f.message == "id `T-1` is already used by `meetings/T-1.toml`")
        );
    }

    #[test]
    fn fires_on_people_defined_twice() {
        let org = format!("{}\n[[person]]\nid = \"li.gong\"\n", crate::testing::ORG);
        let found = run_rule(&RULE, &[("org.toml", &org)], NOW);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "person `li.gong` is defined twice");
    }

    #[test]
    fn does_not_fire_on_distinct_ids() {
        assert!(
            run_rule(
                &RULE,
                &[("tasks/T-1.toml", TASK), ("tasks/old/T-1-old.toml", TASK)],
                NOW
            )
            .is_empty()
        );
    }
}
