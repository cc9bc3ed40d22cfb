//! S002 schema-violation.

use super::{Context, at, on};
use crate::diag::Sink;
use crate::messages::Msg;
use crate::model::TaskStatus;

declare_rule! {
    /// A file does not fit its schema.
    ///
    /// ## What it checks
    /// Wrong types, missing required fields, unknown fields (with a "did you
    /// mean" hint), values outside an enumeration, ids that are not valid
    /// (`^[A-Za-z0-9][A-Za-z0-9._-]*$`, from the file name), a missing
    /// `org.toml`, and sections a status requires (a `blocked` task needs
    /// `[blocked]`). The JSON Schemas under `schema/` describe every file.
    ///
    /// ## Why
    /// A misspelt field is silently ignored by most tools; then a deadline
    /// or an escalation that someone believes is recorded is not. Every
    /// problem in a file is reported, and the item is still checked without
    /// the offending entries.
    ///
    /// ## Fires
    /// ```toml
    /// titel = "用户调研"        # unknown field: did you mean `title`?
    /// status = "doing"          # not a status
    /// progress = "80%"          # not an integer
    /// ```
    ///
    /// ## Does not fire
    /// ```toml
    /// title = "用户调研"
    /// status = "in_progress"
    /// progress = 80
    /// ```
    "S002", "schema-violation", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    for problem in cx.project.problems.iter().filter(|p| p.code == RULE.code) {
        out.emit(problem.diagnostic.clone());
    }
    for task in &cx.project.tasks {
        if task.status() == TaskStatus::Blocked && task.blocked.is_none() {
            let status = task.status.as_ref().map(|s| s.span());
            out.emit(on(
                task,
                status,
                "blocked",
                Msg::SectionRequired {
                    status: "blocked".into(),
                    section: "blocked".into(),
                },
            ));
        }
    }
    for request in &cx.project.requests {
        for party in &request.to {
            if party.department.trim().is_empty() {
                out.emit(at(
                    request,
                    party,
                    "to.department",
                    Msg::MissingField {
                        field: "to.department".into(),
                    },
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{line_of, run_rule};

    const NOW: &str = "2026-07-07T10:00:00+08:00";

    #[test]
    fn reports_every_problem_of_a_file_with_positions() {
        let text =
            "titel = \"用户调研\"\nowner = \"li.gong\"\nstatus = \"doing\"\nprogress = \"80%\"\n";
        let found = run_rule(&RULE, &[("tasks/T-1.toml", text)], NOW);
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        // The missing `title` is the misspelt `titel`: reported once.
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(messages.contains(&"unknown field `titel`"));
        assert!(!messages.contains(&"missing required field `title`"));
        let titel = found.iter().find(|f| f.message.contains("titel")).unwrap();
        assert_eq!(titel.hint.as_deref(), Some("did you mean `title`?"));
        assert_eq!((titel.line, titel.column), (1, 1));
        let status = found.iter().find(|f| f.field == "status").unwrap();
        assert_eq!(status.line, line_of(text, "status"));
        assert!(
            status
                .message
                .contains("`doing` is not a valid value for `status`"),
            "{}",
            status.message
        );
        let progress = found.iter().find(|f| f.field == "progress").unwrap();
        assert!(
            progress.message.contains("expected an integer"),
            "{}",
            progress.message
        );
    }

    #[test]
    fn reports_a_missing_required_field() {
        let found = run_rule(&RULE, &[("tasks/T-1.toml", "owner = \"li.gong\"\n")], NOW);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "missing required field `title`");
    }

    #[test]
    fn reports_nested_unknown_fields_with_their_path() {
        let text =
            "title = \"a\"\nowner = \"li.gong\"\n[[update]]\nat = 2026-07-01\nprogres = 10\n";
        let found = run_rule(&RULE, &[("tasks/T-1.toml", text)], NOW);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].field, "update[0].progres");
        assert_eq!(found[0].hint.as_deref(), Some("did you mean `progress`?"));
    }

    #[test]
    fn reports_invalid_file_names_and_missing_blocked_section() {
        let found = run_rule(
            &RULE,
            &[
                ("tasks/my task.toml", "title = \"a\"\n"),
                (
                    "tasks/T-2.toml",
                    "title = \"b\"\nowner = \"li.gong\"\nstatus = \"blocked\"\n",
                ),
            ],
            NOW,
        );
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(
            found
                .iter()
                .any(|f| f.message.contains("`my task` is not a valid item id"))
        );
        assert!(
            found
                .iter()
                .any(|f| f.message == "status is `blocked` but the `[blocked]` section is missing")
        );
    }

    #[test]
    fn does_not_fire_on_a_valid_task() {
        let text = "title = \"a\"\nowner = \"li.gong\"\nstatus = \"blocked\"\n[blocked]\nsince = 2026-07-01\n";
        assert!(run_rule(&RULE, &[("tasks/T-1.toml", text)], NOW).is_empty());
    }
}
