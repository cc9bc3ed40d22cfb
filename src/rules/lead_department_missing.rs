//! O002 lead-department-missing.

use super::{Context, on};
use crate::diag::Sink;
use crate::messages::Msg;
use crate::model::filled;

declare_rule! {
    /// A task with supporting departments has no lead department.
    ///
    /// ## What it checks
    /// A task whose `support` list is not empty must name its `lead`
    /// department.
    ///
    /// ## Why
    /// Seed 000: a task involving several departments names the lead
    /// department (主责部门, drives the task) and the supporting departments
    /// (配合部门, provide resources). Without a lead, each department waits
    /// for another.
    ///
    /// ## Fires
    /// ```toml
    /// support = ["mkt", "ops"]
    /// ```
    ///
    /// ## Does not fire
    /// ```toml
    /// lead = "rnd"
    /// support = ["mkt", "ops"]
    /// ```
    "O002", "lead-department-missing", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    for task in &cx.project.tasks {
        let Some(first) = task.support.first() else {
            continue;
        };
        if filled(&task.lead).is_some() {
            continue;
        }
        let support = task.support.iter().map(|s| s.to_string()).collect();
        let span = first.span().start
            ..task
                .support
                .last()
                .map_or(first.span().end, |l| l.span().end);
        out.emit(on(task, Some(span), "lead", Msg::LeadMissing { support }).hint(Msg::LeadHint));
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    const NOW: &str = "2026-07-07T10:00:00+08:00";

    #[test]
    fn fires_when_support_has_no_lead() {
        let text =
            "title = \"a\"\nowner = \"li.gong\"\nsupport = [\"mkt\", \"ops\"]\nlead = \"\"\n";
        let found = run_rule(&RULE, &[("tasks/T-1.toml", text)], NOW);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "task has supporting departments (`mkt` and `ops`) but no lead department"
        );
        assert_eq!(found[0].line, 3);
    }

    #[test]
    fn does_not_fire_with_a_lead_or_without_support() {
        let found = run_rule(
            &RULE,
            &[
                (
                    "tasks/T-1.toml",
                    "title = \"a\"\nlead = \"rnd\"\nsupport = [\"mkt\"]\n",
                ),
                ("tasks/T-2.toml", "title = \"b\"\n"),
            ],
            NOW,
        );
        assert!(found.is_empty(), "{found:#?}");
    }
}
