//! What git history says about items: when states became true (evidence),
//! who changed which field (log, authority), first-recorded times (G001).
//!
//! The walk follows first parents from a head commit back to the root (or
//! a shallow clone's boundary) and diffs each commit's tree against its
//! first parent's, restricted to the baton root ([`treediff`]: unchanged
//! subtrees are skipped by id, each tree is parsed once), and only blobs
//! that changed are ever read and parsed (and each blob id at most once).

mod changes;
mod derive;
pub mod fields;
mod log;
#[cfg(test)]
pub(crate) mod test_repo;
mod treediff;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use git2::{Delta, DiffFindOptions, DiffOptions, Oid, Repository, Sort, Tree};

pub use changes::{
    ArchivedTouch, Attribution, ChangeSet, ChangeSources, ItemChange, PolicyChange, UnitChange,
    changed_units, unit_value,
};
pub use derive::{RecordedAt, apply_pending, derive_evidence};
pub use log::{LogLine, item_log};

use crate::git::{GitError, commit_time};
use crate::load::parse_item_body;
use crate::model::ItemBody;
use crate::source::{FileKind, classify};
use treediff::TreeDiffer;

/// Who made a commit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Author {
    /// The author's name.
    pub name: String,
    /// The author's email.
    pub email: String,
}

impl std::fmt::Display for Author {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} <{}>", self.name, self.email)
    }
}

/// A commit of the walk.
#[derive(Debug, Clone)]
pub struct CommitInfo {
    /// Its id.
    pub oid: Oid,
    /// When it was committed (recorded in the repository).
    pub time: DateTime<Utc>,
    /// Its author.
    pub author: Author,
    /// The first line of its message.
    pub summary: String,
    /// Its parents.
    pub parents: Vec<Oid>,
    /// The first commit of a shallow clone: what it adds was not
    /// necessarily added then, so its time is no evidence.
    pub boundary: bool,
}

/// A file of the baton root at one version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlobRef {
    /// Path relative to the baton root.
    pub path: String,
    /// The blob.
    pub oid: Oid,
    /// Its role.
    pub kind: FileKind,
}

impl BlobRef {
    /// The item id (file stem).
    pub fn id(&self) -> &str {
        crate::load::stem(&self.path)
    }
}

/// One file changed by a commit: added (`old` is `None`), deleted (`new` is
/// `None`), modified, or renamed (both, with different paths).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathChange {
    /// Before.
    pub old: Option<BlobRef>,
    /// After.
    pub new: Option<BlobRef>,
}

/// A commit and the baton files it changed.
#[derive(Debug, Clone)]
pub struct CommitChanges {
    /// The commit.
    pub commit: CommitInfo,
    /// The files it changed relative to its first parent.
    pub changes: Vec<PathChange>,
}

fn git_err(what: &str, e: git2::Error) -> GitError {
    GitError::Object {
        what: what.to_string(),
        rev: String::new(),
        message: e.message().to_string(),
    }
}

/// Commits at which a shallow clone's history is cut.
fn shallow_boundaries(repo: &Repository) -> HashSet<Oid> {
    if !repo.is_shallow() {
        return HashSet::new();
    }
    // One line per boundary commit: a few kilobytes in any real clone.
    crate::source::read_capped(&repo.path().join("shallow"), 16 << 20)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| Oid::from_str(l.trim()).ok())
        .collect()
}

fn commit_info(commit: &git2::Commit<'_>, boundaries: &HashSet<Oid>) -> CommitInfo {
    let author = commit.author();
    CommitInfo {
        oid: commit.id(),
        time: commit_time(commit.committer().when()),
        author: Author {
            name: String::from_utf8_lossy(author.name_bytes()).into_owned(),
            email: String::from_utf8_lossy(author.email_bytes()).into_owned(),
        },
        summary: String::from_utf8_lossy(commit.summary_bytes().unwrap_or_default()).into_owned(),
        parents: commit.parent_ids().collect(),
        boundary: boundaries.contains(&commit.id()),
    }
}

/// The baton files that differ between two trees (`old` absent: all added),
/// below `root`, with renames detected.
pub fn diff_trees(
    repo: &Repository,
    old: Option<&Tree<'_>>,
    new: Option<&Tree<'_>>,
    root: &str,
) -> Result<Vec<PathChange>, GitError> {
    let mut options = DiffOptions::new();
    if !root.is_empty() {
        options.pathspec(format!("{root}/"));
    }
    let mut diff = repo
        .diff_tree_to_tree(old, new, Some(&mut options))
        .map_err(|e| git_err("a diff", e))?;
    diff.find_similar(Some(DiffFindOptions::new().renames(true)))
        .map_err(|e| git_err("a diff", e))?;
    let relative = |path: Option<&std::path::Path>| -> Option<String> {
        let path = path?.to_str()?.replace('\\', "/");
        let rel = if root.is_empty() {
            path
        } else {
            path.strip_prefix(&format!("{root}/"))?.to_string()
        };
        Some(rel)
    };
    let blob = |path: Option<String>, oid: Oid| -> Option<BlobRef> {
        let path = path?;
        let kind = classify(&path)?;
        (!oid.is_zero()).then_some(BlobRef { path, oid, kind })
    };
    let mut changes = Vec::new();
    for delta in diff.deltas() {
        let old = blob(relative(delta.old_file().path()), delta.old_file().id());
        let new = blob(relative(delta.new_file().path()), delta.new_file().id());
        let change = match delta.status() {
            Delta::Added | Delta::Copied => PathChange { old: None, new },
            Delta::Deleted => PathChange { old, new: None },
            _ => PathChange { old, new },
        };
        if change.old.is_some() || change.new.is_some() {
            changes.push(change);
        }
    }
    Ok(changes)
}

/// The baton files `commit` changed relative to its first parent (all of
/// them added for a root commit, or the first of a shallow clone).
fn commit_changes(
    repo: &Repository,
    differ: &mut TreeDiffer<'_>,
    commit: &git2::Commit<'_>,
    root: &str,
) -> Result<Vec<PathChange>, GitError> {
    let parent_tree = commit.parent(0).ok().map(|p| p.tree_id());
    trees_changes(repo, differ, parent_tree, Some(commit.tree_id()), root)
}

/// The baton files that differ between two root trees, below `root`.
fn trees_changes(
    repo: &Repository,
    differ: &mut TreeDiffer<'_>,
    old: Option<Oid>,
    new: Option<Oid>,
    root: &str,
) -> Result<Vec<PathChange>, GitError> {
    if let Some(changes) = differ.diff(old, new, root)? {
        return Ok(changes);
    }
    // Additions and deletions together: libgit2 pairs the renames.
    let tree = |oid: Option<Oid>| -> Result<Option<Tree<'_>>, GitError> {
        oid.map(|oid| {
            repo.find_tree(oid)
                .map_err(|e| git_err("a commit's tree", e))
        })
        .transpose()
    };
    diff_trees(repo, tree(old)?.as_ref(), tree(new)?.as_ref(), root)
}

/// The baton files below `root` that differ between the trees of two
/// commits (`old` absent: every file added).
pub fn changes_between(
    repo: &Repository,
    old: Option<Oid>,
    new: Oid,
    root: &str,
) -> Result<Vec<PathChange>, GitError> {
    let tree_of = |oid: Oid| -> Result<Oid, GitError> {
        Ok(repo
            .find_commit(oid)
            .map_err(|e| git_err("a commit", e))?
            .tree_id())
    };
    let old = old.map(tree_of).transpose()?;
    let new = tree_of(new)?;
    let mut differ = TreeDiffer::new(repo)?;
    trees_changes(repo, &mut differ, old, Some(new), root)
}

/// The first-parent history of `head`, oldest first, with the baton files
/// each commit changed; commits that changed none are left out.
pub fn first_parent_history(
    repo: &Repository,
    head: Oid,
    root: &str,
) -> Result<Vec<CommitChanges>, GitError> {
    first_parent_history_with(repo, head, root, &crate::progress::Silent)
}

/// [`first_parent_history`], reporting each commit walked.
pub fn first_parent_history_with(
    repo: &Repository,
    head: Oid,
    root: &str,
    progress: &dyn crate::progress::Progress,
) -> Result<Vec<CommitChanges>, GitError> {
    progress.start(crate::progress::Stage::History, None);
    let boundaries = shallow_boundaries(repo);
    let mut walk = repo.revwalk().map_err(|e| git_err("the history", e))?;
    walk.push(head).map_err(|e| git_err("the history", e))?;
    walk.simplify_first_parent()
        .map_err(|e| git_err("the history", e))?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
        .map_err(|e| git_err("the history", e))?;
    let mut differ = TreeDiffer::new(repo)?;
    let mut out = Vec::new();
    for oid in walk {
        let oid = oid.map_err(|e| git_err("the history", e))?;
        let commit = repo.find_commit(oid).map_err(|e| git_err("a commit", e))?;
        let changes = commit_changes(repo, &mut differ, &commit, root)?;
        progress.advance(1);
        if !changes.is_empty() {
            out.push(CommitChanges {
                commit: commit_info(&commit, &boundaries),
                changes,
            });
        }
    }
    progress.finish();
    Ok(out)
}

/// When `base` is on the first-parent line of `head`, how many commits of
/// `history` (the first-parent history of `head`, oldest first) are the
/// first-parent history of `base`; `None` when it is not on that line.
pub fn first_parent_prefix(
    repo: &Repository,
    history: &[CommitChanges],
    head: Oid,
    base: Oid,
) -> Result<Option<usize>, GitError> {
    // The commits after the base on the line, found walking back from the head.
    let mut after = HashSet::new();
    let mut at = head;
    while at != base {
        after.insert(at);
        let commit = repo.find_commit(at).map_err(|e| git_err("a commit", e))?;
        match commit.parent_id(0) {
            Ok(parent) => at = parent,
            Err(_) => return Ok(None),
        }
    }
    Ok(Some(
        history
            .iter()
            .take_while(|c| !after.contains(&c.commit.oid))
            .count(),
    ))
}

/// The commits of `base..head` (reachable from head, not from base), oldest
/// first, each with its changes against its first parent.
pub fn range_history(
    repo: &Repository,
    base: Oid,
    head: Oid,
    root: &str,
) -> Result<Vec<CommitChanges>, GitError> {
    let boundaries = shallow_boundaries(repo);
    let mut walk = repo.revwalk().map_err(|e| git_err("the history", e))?;
    walk.push(head).map_err(|e| git_err("the history", e))?;
    walk.hide(base).map_err(|e| git_err("the history", e))?;
    walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)
        .map_err(|e| git_err("the history", e))?;
    let mut differ = TreeDiffer::new(repo)?;
    let mut out = Vec::new();
    for oid in walk {
        let oid = oid.map_err(|e| git_err("the history", e))?;
        let commit = repo.find_commit(oid).map_err(|e| git_err("a commit", e))?;
        let changes = commit_changes(repo, &mut differ, &commit, root)?;
        out.push(CommitChanges {
            commit: commit_info(&commit, &boundaries),
            changes,
        });
    }
    Ok(out)
}

/// Parsed item bodies by blob id: each blob is parsed at most once.
#[derive(Default)]
pub struct BodyCache {
    bodies: HashMap<Oid, Option<Arc<ItemBody>>>,
    texts: HashMap<Oid, Arc<str>>,
    /// What evidence derivation needs of each version (`None`: not a
    /// readable item).
    summaries: HashMap<Oid, Option<Arc<derive::Summary>>>,
}

/// The text of a blob (lossy UTF-8), or `None` when it cannot be read or is
/// larger than baton reads.
fn blob_text(repo: &Repository, oid: Oid) -> Option<String> {
    let bytes = crate::git::blob::read_bounded(repo, oid, crate::source::MAX_FILE_BYTES).bytes()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

impl BodyCache {
    /// Holds `text` as the content of blob `oid` (merged contents that are
    /// not in the object database).
    pub fn insert_text(&mut self, oid: Oid, text: Arc<str>) {
        self.texts.insert(oid, text);
    }

    /// The text of a blob (lossy UTF-8), or `None` when it cannot be read.
    pub fn text(&mut self, repo: &Repository, oid: Oid) -> Option<Arc<str>> {
        if let Some(text) = self.texts.get(&oid) {
            return Some(text.clone());
        }
        let text: Arc<str> = blob_text(repo, oid)?.into();
        self.texts.insert(oid, text.clone());
        Some(text)
    }

    /// The parsed item of a blob, or `None` when it is not a readable item.
    pub fn body(&mut self, repo: &Repository, blob: &BlobRef) -> Option<Arc<ItemBody>> {
        if let Some(body) = self.bodies.get(&blob.oid) {
            return body.clone();
        }
        let body = self
            .text(repo, blob.oid)
            .and_then(|text| parse_item_body(blob.kind, &text).0)
            .map(Arc::new);
        self.bodies.insert(blob.oid, body.clone());
        body
    }
}
