//! `baton log ID`: an item's history, one line per commit and field.

use std::collections::HashSet;

use git2::Repository;

use super::fields::{FieldChange, diff, flatten};
use super::{BodyCache, CommitChanges, CommitInfo};

/// One changed field of one commit.
#[derive(Debug, Clone)]
pub struct LogLine {
    /// The commit.
    pub commit: CommitInfo,
    /// The item's id in that commit.
    pub id: String,
    /// What changed; a rename is the field `(file)` from the old to the new path.
    pub change: FieldChange,
}

/// The history of item `id` (as named at the head of `history`), oldest
/// first, following renames.
pub fn item_log(
    repo: &Repository,
    history: &[CommitChanges],
    id: &str,
    cache: &mut BodyCache,
) -> Vec<LogLine> {
    // Names the item had: walk renames backwards from the head.
    let mut names: HashSet<String> = HashSet::from([id.to_string()]);
    for commit in history.iter().rev() {
        for change in &commit.changes {
            if let (Some(old), Some(new)) = (&change.old, &change.new)
                && names.contains(new.id())
            {
                names.insert(old.id().to_string());
            }
        }
    }
    let mut lines = Vec::new();
    for commit in history {
        for change in &commit.changes {
            let ours =
                |b: &Option<super::BlobRef>| b.as_ref().is_some_and(|b| names.contains(b.id()));
            if !ours(&change.old) && !ours(&change.new) {
                continue;
            }
            let current_id = change
                .new
                .as_ref()
                .or(change.old.as_ref())
                .map_or(id, |b| b.id())
                .to_string();
            if let (Some(old), Some(new)) = (&change.old, &change.new)
                && old.path != new.path
            {
                lines.push(LogLine {
                    commit: commit.commit.clone(),
                    id: current_id.clone(),
                    change: FieldChange {
                        field: "(file)".into(),
                        old: Some(old.path.clone()),
                        new: Some(new.path.clone()),
                    },
                });
            }
            let fields = |blob: &Option<super::BlobRef>, cache: &mut BodyCache| {
                blob.as_ref()
                    .and_then(|b| cache.text(repo, b.oid))
                    .and_then(|text| flatten(&text))
                    .unwrap_or_default()
            };
            let before = fields(&change.old, cache);
            let after = fields(&change.new, cache);
            for field_change in diff(&before, &after) {
                lines.push(LogLine {
                    commit: commit.commit.clone(),
                    id: current_id.clone(),
                    change: field_change,
                });
            }
        }
    }
    lines
}
