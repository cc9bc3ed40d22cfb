//! W011 archived-item-modified.

use super::Context;
use crate::diag::{Diagnostic, Sink};
use crate::history::fields::flatten;
use crate::messages::{ArchivedAction, Msg};

declare_rule! {
    /// A change touches an item that was archived at the base revision.
    ///
    /// ## What it checks
    /// In a pull request (`--base`/`--head`): an item whose file at the base
    /// says `archived = true` must not be modified, moved or deleted.
    ///
    /// ## Why
    /// Seed 003: finished projects are archived to a history library with
    /// read-only permissions (设置"只读权限"供后续查阅); an archived record
    /// that can still change is no record.
    ///
    /// ## Fires
    /// A pull request edits `tasks/T-001.toml`, which says `archived = true`
    /// at the base.
    ///
    /// ## Does not fire
    /// A pull request archives a task (it was not archived at the base).
    "W011", "archived-item-modified", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let Some(changes) = cx.changes else { return };
    for touch in &changes.archived {
        let (path, action) = match &touch.head {
            None => (&touch.base.path, ArchivedAction::Deleted),
            Some(head) if head.path != touch.base.path => (&head.path, ArchivedAction::Renamed),
            Some(head) => (&head.path, ArchivedAction::Modified),
        };
        let Some(file) = cx.project.files.find(path) else {
            continue;
        };
        let span = flatten(cx.project.files.text(file))
            .and_then(|fields| fields.get("archived").map(|f| f.span.clone()));
        let message = Msg::ArchivedModified {
            id: touch.id.clone(),
            action,
        };
        out.emit(
            Diagnostic::new(Some(&touch.id), file, span, "archived", message)
                .hint(Msg::ArchivedHint),
        );
    }
}

// Firing needs git history, tested in tests/git.rs:
// fires: tests/git.rs::w011_fires_on_an_archived_item_edited_moved_or_deleted
#[cfg(test)]
mod tests {
    #[test]
    fn does_not_fire_without_a_pull_request() {
        let found = crate::testing::run_rule(
            &super::RULE,
            &[("tasks/T-1.toml", "title = \"a\"\narchived = true\n")],
            "2026-07-07T10:00:00+08:00",
        );
        assert!(found.is_empty());
    }
}
