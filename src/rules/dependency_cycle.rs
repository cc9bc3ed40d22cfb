//! D003 dependency-cycle.

use super::{Context, on};
use crate::diag::{Sink, fingerprint};
use crate::messages::Msg;

/// Cycles longer than this are shown shortened (first and last tasks).
const SHOWN: usize = 8;

declare_rule! {
    /// Tasks depend on each other in a cycle.
    ///
    /// ## What it checks
    /// The `depends_on` graph must be acyclic. Each cycle is reported once,
    /// on its task with the smallest id, with a shortest path around it in
    /// `depends_on` direction (`T-1 → T-2` reads "T-1 depends on T-2";
    /// shortened in the message when long), pointing at the `depends_on`
    /// entry that starts the cycle.
    ///
    /// ## Why
    /// No task of a cycle can ever start, and no plan can be computed for it
    /// or for anything after it.
    ///
    /// ## Fires
    /// `T-1` depends on `T-2`, `T-2` on `T-3`, `T-3` on `T-1`.
    ///
    /// ## Does not fire
    /// `T-1` depends on `T-2` and `T-3`, `T-2` on `T-3`.
    "D003", "dependency-cycle", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let tasks = &cx.project.tasks;
    for cycle in cx.graph.cycles(|t| tasks[t].id.as_str()) {
        let members = cycle.len() - 1;
        let ids: Vec<&str> = cycle.iter().map(|&t| tasks[t].id.as_str()).collect();
        let path: Vec<String> = if ids.len() > SHOWN {
            let mut shown: Vec<String> = ids[..4].iter().map(|s| s.to_string()).collect();
            shown.push(format!("… ({} more)", ids.len() - 7));
            shown.extend(ids[ids.len() - 3..].iter().map(|s| s.to_string()));
            shown
        } else {
            ids.iter().map(|s| s.to_string()).collect()
        };
        // The first task's `depends_on` entry that starts the cycle.
        let first = &tasks[cycle[0]];
        let span = first
            .depends_on
            .iter()
            .find(|d| d.as_str() == ids[1])
            .map(|d| d.span());
        let mut members_sorted: Vec<&str> = ids[..members].to_vec();
        members_sorted.sort_unstable();
        let key = fingerprint("", "", "", &members_sorted.join(","));
        out.emit(
            on(
                first,
                span,
                "depends_on",
                Msg::DependencyCycle { path, len: members },
            )
            .key(key)
            .hint(Msg::CycleHint),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    const NOW: &str = "2026-07-07T10:00:00+08:00";

    fn task(deps: &[&str]) -> String {
        let deps: Vec<String> = deps.iter().map(|d| format!("\"{d}\"")).collect();
        format!(
            "title = \"t\"\nowner = \"li.gong\"\ndepends_on = [{}]\n",
            deps.join(", ")
        )
    }

    #[test]
    fn fires_once_per_cycle_with_its_path() {
        let (a, b, c, d) = (
            task(&["T-2"]),
            task(&["T-3"]),
            task(&["T-1"]),
            task(&["T-4"]),
        );
        let found = run_rule(
            &RULE,
            &[
                ("tasks/T-3.toml", &c),
                ("tasks/T-1.toml", &a),
                ("tasks/T-2.toml", &b),
                ("tasks/T-4.toml", &d),
            ],
            NOW,
        );
        assert_eq!(found.len(), 2, "{found:#?}");
        // T-1 depends on T-2, which depends on T-3, which depends on T-1.
        assert_eq!(
            found[0].message,
            "dependency cycle through 3 tasks: T-1 → T-2 → T-3 → T-1"
        );
        assert_eq!(found[0].item.as_deref(), Some("T-1"));
        assert_eq!(found[0].line, 3);
        assert_eq!(
            found[1].message,
            "dependency cycle through 1 task: T-4 → T-4"
        );
    }

    #[test]
    fn shortens_a_long_cycle_and_does_not_overflow() {
        let n = 10_000;
        let texts: Vec<(String, String)> = (0..n)
            .map(|i| {
                (
                    format!("tasks/T-{i:05}.toml"),
                    task(&[&format!("T-{:05}", (i + 1) % n)]),
                )
            })
            .collect();
        let files: Vec<(&str, &str)> = texts
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let found = run_rule(&RULE, &files, NOW);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.starts_with("dependency cycle through 10000 tasks: T-00000 → T-00001 → T-00002 → T-00003 → … (9994 more) → T-09998 → T-09999 → T-00000"), "{}", found[0].message);
    }

    #[test]
    fn does_not_fire_on_a_diamond() {
        let found = run_rule(
            &RULE,
            &[
                ("tasks/T-1.toml", &task(&["T-2", "T-3"])),
                ("tasks/T-2.toml", &task(&["T-3"])),
                ("tasks/T-3.toml", &task(&[])),
            ],
            NOW,
        );
        assert!(found.is_empty(), "{found:#?}");
    }
}
