//! What a pull request changed: per commit of `base..head`, who changed
//! which field of which file; and which files differ between base and head.

use std::sync::Arc;

use git2::{Oid, Repository};

use super::fields::{FieldChange, Fields, diff, flatten};
use super::{Author, BlobRef, BodyCache, CommitInfo, PathChange, diff_trees, range_history};
use crate::git::GitError;
use crate::model::ItemBody;
use crate::source::{FileKind, is_policy};

/// One file changed by one commit, field by field.
#[derive(Debug, Clone)]
pub struct FileFields {
    /// The path after the commit (before it, when deleted).
    pub path: String,
    /// Its role.
    pub kind: FileKind,
    /// The item before the commit (`None` for new files and non-items).
    pub before: Option<Arc<ItemBody>>,
    /// Whether the commit created the file.
    pub created: bool,
    /// Whether the commit deleted the file.
    pub deleted: bool,
    /// The fields that changed.
    pub fields: Vec<FieldChange>,
}

/// One commit of the range.
#[derive(Debug, Clone)]
pub struct CommitFields {
    /// The commit.
    pub commit: CommitInfo,
    /// The files it changed.
    pub files: Vec<FileFields>,
}

/// An item that was archived at the base and that the change touches.
#[derive(Debug, Clone)]
pub struct ArchivedTouch {
    /// The item's id at the base.
    pub id: String,
    /// Its file at the base.
    pub base: BlobRef,
    /// Its file at the head, if it still exists.
    pub head: Option<BlobRef>,
}

/// Everything a pull request changed.
#[derive(Debug, Clone, Default)]
pub struct ChangeSet {
    /// Each commit of `base..head`, oldest first.
    pub commits: Vec<CommitFields>,
    /// The baton files that differ between base and head.
    pub touched: Vec<PathChange>,
    /// Items archived at the base that the change modifies, renames or deletes.
    pub archived: Vec<ArchivedTouch>,
    /// The GitHub login to judge every change by, instead of commit authors.
    pub actor: Option<String>,
    /// The base's plan, to tell what the change moves (rule D006).
    pub base_plan: Option<crate::plan::Plan>,
}

impl ChangeSet {
    /// The change from `base` to `head` below the baton root `root`.
    pub fn compute(
        repo: &Repository,
        base: Oid,
        head: Oid,
        root: &str,
        actor: Option<String>,
        cache: &mut BodyCache,
    ) -> Result<ChangeSet, GitError> {
        let tree = |oid: Oid| -> Result<git2::Tree<'_>, GitError> {
            let commit = repo.find_commit(oid).map_err(|e| object("a commit", e))?;
            commit.tree().map_err(|e| object("a commit's tree", e))
        };
        let (base_tree, head_tree) = (tree(base)?, tree(head)?);
        let touched = diff_trees(repo, Some(&base_tree), Some(&head_tree), root)?;

        let mut archived = Vec::new();
        for change in &touched {
            let Some(old) = &change.old else { continue };
            let was_archived = cache.body(repo, old).is_some_and(|body| is_archived(&body));
            if was_archived {
                archived.push(ArchivedTouch {
                    id: old.id().to_string(),
                    base: old.clone(),
                    head: change.new.clone(),
                });
            }
        }

        let mut commits = Vec::new();
        for commit in range_history(repo, base, head, root)? {
            let mut files = Vec::new();
            let other_parents: Vec<git2::Tree<'_>> = commit
                .commit
                .parents
                .iter()
                .skip(1)
                .filter_map(|p| tree(*p).ok())
                .collect();
            for change in &commit.changes {
                let Some(blob) = change.new.as_ref().or(change.old.as_ref()) else {
                    continue;
                };
                let text_fields = |b: &Option<BlobRef>, cache: &mut BodyCache| -> Fields {
                    b.as_ref()
                        .and_then(|b| cache.text(repo, b.oid))
                        .and_then(|t| flatten(&t))
                        .unwrap_or_default()
                };
                let after = text_fields(&change.new, cache);
                let mut fields = diff(&text_fields(&change.old, cache), &after);
                // A merge: only what differs from every parent is the merge's own change.
                for parent in &other_parents {
                    let version = blob_at(parent, root, &blob.path, blob.kind);
                    let theirs = text_fields(&version, cache);
                    let from_parent = diff(&theirs, &after);
                    fields.retain(|f| from_parent.iter().any(|p| p.field == f.field));
                }
                if fields.is_empty()
                    && change.old.is_some()
                    && change.new.is_some()
                    && !is_policy(blob.kind)
                {
                    continue;
                }
                files.push(FileFields {
                    path: blob.path.clone(),
                    kind: blob.kind,
                    before: change.old.as_ref().and_then(|old| cache.body(repo, old)),
                    created: change.old.is_none(),
                    deleted: change.new.is_none(),
                    fields,
                });
            }
            commits.push(CommitFields {
                commit: commit.commit,
                files,
            });
        }
        Ok(ChangeSet {
            commits,
            touched,
            archived,
            actor,
            base_plan: None,
        })
    }

    /// The authors of the range, for messages.
    pub fn authors(&self) -> Vec<&Author> {
        let mut authors: Vec<&Author> = self.commits.iter().map(|c| &c.commit.author).collect();
        authors.sort_by(|a, b| a.email.cmp(&b.email));
        authors.dedup();
        authors
    }
}

fn object(what: &str, e: git2::Error) -> GitError {
    GitError::Object {
        what: what.to_string(),
        rev: String::new(),
        message: e.message().to_string(),
    }
}

fn is_archived(body: &ItemBody) -> bool {
    match body {
        ItemBody::Task(t) => t.archived,
        ItemBody::Request(r) => r.archived,
        ItemBody::Meeting(m) => m.archived,
    }
}

/// The blob at `path` (relative to `root`) in `tree`.
fn blob_at(tree: &git2::Tree<'_>, root: &str, path: &str, kind: FileKind) -> Option<BlobRef> {
    let full = if root.is_empty() {
        path.to_string()
    } else {
        format!("{root}/{path}")
    };
    let entry = tree.get_path(std::path::Path::new(&full)).ok()?;
    Some(BlobRef {
        path: path.to_string(),
        oid: entry.id(),
        kind,
    })
}
