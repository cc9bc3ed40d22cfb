//! What a pull request is judged on: the target branch against the merge
//! result (SPEC §6), as the forge's test merge would build it.
//!
//! The merge is computed on baton's files only, path by path, from the
//! changes each side made since the merge base: a file only the pull
//! request changed is taken from its head; a file both changed is merged
//! line by line (libgit2's `merge_file`, git's own algorithm), renames
//! included. Merged contents stay in memory: a check writes nothing into
//! the repository. When the sides conflict, the pull request is judged as
//! the merge base against its head, and the report says so; when there is
//! no merge base at all (unrelated or cut-off histories), as the target
//! against the head.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use git2::{ObjectType, Oid, Repository};

use crate::git::{GitError, TreeFile};
use crate::history::{BlobRef, PathChange, changes_between};
use crate::load::stem;
use crate::source::MAX_FILE_BYTES;

/// How the pair was formed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Judged {
    /// The target against the merge result.
    Merge,
    /// The sides conflict in these files: the merge base against the head.
    Conflict {
        /// The conflicting paths (relative to the baton root).
        paths: Vec<String>,
    },
    /// No common history: the target against the head.
    Unrelated,
}

impl Judged {
    /// The label the report carries: `merge`, `merge-base`, `unrelated`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Judged::Merge => "merge",
            Judged::Conflict { .. } => "merge-base",
            Judged::Unrelated => "unrelated",
        }
    }
}

/// The two sides a pull request is judged on.
#[derive(Debug)]
pub struct Pair {
    /// How it was formed.
    pub judged: Judged,
    /// The merge base of target and head, when there is one.
    pub merge_base: Option<Oid>,
    /// The commit of the "before" side: the target, or the merge base on
    /// a conflict.
    pub old: Oid,
    /// The files of the "after" side below the baton root, sorted by path.
    pub new_files: Vec<TreeFile>,
    /// Merged contents, by blob id, that are not in the object database.
    pub inline: HashMap<Oid, Arc<[u8]>>,
    /// What differs from the "before" side to the "after" side; a file
    /// deleted at one path and added at another with the same item id is
    /// one change (an item is its id, wherever its file lives).
    pub changes: Vec<PathChange>,
    /// Paths both sides created with different content: two branches gave
    /// two new items the same id (`baton new` on each).
    pub added_on_both: Vec<String>,
}

const MODE_BLOB: i32 = 0o100644;

/// The file at `path` below `root` in the tree of `commit`, with its mode.
fn file_at(repo: &Repository, commit: Oid, root: &str, blob: &BlobRef) -> Option<TreeFile> {
    let tree = repo.find_commit(commit).ok()?.tree().ok()?;
    let full = if root.is_empty() {
        blob.path.clone()
    } else {
        format!("{root}/{}", blob.path)
    };
    let entry = tree.get_path(Path::new(&full)).ok()?;
    (entry.kind() == Some(ObjectType::Blob)).then(|| TreeFile {
        path: blob.path.clone(),
        kind: blob.kind,
        oid: entry.id(),
        mode: entry.filemode(),
    })
}

/// One resolved path of the merge result.
enum Resolved {
    /// Gone.
    Deleted,
    /// This file.
    File(TreeFile),
}

/// Builds the pair for `target..head` below `root`; `target_files` are the
/// target's files below the root.
pub fn pair(
    repo: &Repository,
    (target, head): (Oid, Oid),
    root: &str,
    target_files: &[TreeFile],
) -> Result<Pair, GitError> {
    let merge_base = match repo.merge_base(target, head) {
        Ok(base) => base,
        Err(e) if e.code() == git2::ErrorCode::NotFound => {
            return unrelated(repo, (target, head), root, target_files);
        }
        Err(e) => return Err(GitError::Git(e)),
    };
    let ours = changes_between(repo, Some(merge_base), head, root)?;
    let theirs = changes_between(repo, Some(merge_base), target, root)?;
    // The target's changes, by the path they change and the path they
    // create.
    let mut theirs_from: HashMap<&str, &PathChange> = HashMap::new();
    let mut theirs_to: HashMap<&str, &PathChange> = HashMap::new();
    for change in &theirs {
        if let Some(old) = &change.old {
            theirs_from.insert(old.path.as_str(), change);
        }
        if let Some(new) = &change.new
            && change.old.as_ref().is_none_or(|o| o.path != new.path)
        {
            theirs_to.insert(new.path.as_str(), change);
        }
    }

    let mut result: BTreeMap<String, Resolved> = BTreeMap::new();
    let mut inline: HashMap<Oid, Arc<[u8]>> = HashMap::new();
    let mut conflicts: Vec<String> = Vec::new();
    let mut added_on_both: Vec<String> = Vec::new();
    let from_head = |blob: &BlobRef| file_at(repo, head, root, blob);
    for change in &ours {
        // A path our side creates that the target created too.
        if let Some(new) = &change.new
            && change.old.as_ref().is_none_or(|o| o.path != new.path)
            && let Some(theirs) = theirs_to.get(new.path.as_str())
        {
            if theirs.new.as_ref().map(|t| t.oid) != Some(new.oid) {
                conflicts.push(new.path.clone());
                if change.old.is_none() && theirs.old.is_none() {
                    added_on_both.push(new.path.clone());
                }
            }
            continue;
        }
        match (&change.old, &change.new) {
            (None, Some(new)) => {
                if let Some(file) = from_head(new) {
                    result.insert(new.path.clone(), Resolved::File(file));
                }
            }
            (Some(old), None) => match theirs_from.get(old.path.as_str()) {
                None => {
                    result.insert(old.path.clone(), Resolved::Deleted);
                }
                Some(theirs) if theirs.new.is_none() => {}
                Some(_) => conflicts.push(old.path.clone()),
            },
            (Some(old), Some(new)) => {
                let renamed = old.path != new.path;
                match theirs_from.get(old.path.as_str()).map(|t| &t.new) {
                    None => {
                        if renamed {
                            result.insert(old.path.clone(), Resolved::Deleted);
                        }
                        if let Some(file) = from_head(new) {
                            result.insert(new.path.clone(), Resolved::File(file));
                        }
                    }
                    Some(None) => conflicts.push(old.path.clone()),
                    Some(Some(their_new)) => {
                        let their_renamed = their_new.path != old.path;
                        if renamed && their_renamed {
                            if their_new.path != new.path || their_new.oid != new.oid {
                                conflicts.push(old.path.clone());
                            }
                            continue;
                        }
                        // One side (at most) moved the file: the result
                        // lives where it moved to.
                        let at = if renamed { &new.path } else { &their_new.path };
                        if renamed {
                            result.insert(old.path.clone(), Resolved::Deleted);
                        }
                        if their_new.oid == new.oid {
                            if renamed && let Some(file) = from_head(new) {
                                result.insert(at.clone(), Resolved::File(file));
                            }
                            continue;
                        }
                        match merge_text(repo, old.oid, their_new.oid, new.oid, at) {
                            Some(content) => {
                                let oid = Oid::hash_object(ObjectType::Blob, &content)?;
                                result.insert(
                                    at.clone(),
                                    Resolved::File(TreeFile {
                                        path: at.clone(),
                                        kind: new.kind,
                                        oid,
                                        mode: MODE_BLOB,
                                    }),
                                );
                                inline.insert(oid, content.into());
                            }
                            None => conflicts.push(at.clone()),
                        }
                    }
                }
            }
            (None, None) => {}
        }
    }

    if !conflicts.is_empty() {
        conflicts.sort();
        conflicts.dedup();
        let head_files = files_of(repo, head, root)?;
        return Ok(Pair {
            judged: Judged::Conflict { paths: conflicts },
            merge_base: Some(merge_base),
            old: merge_base,
            new_files: head_files,
            inline: HashMap::new(),
            changes: by_id(ours),
            added_on_both,
        });
    }

    // The target's files with the resolved paths applied.
    let mut changes = Vec::new();
    let mut new_files: Vec<TreeFile> = Vec::with_capacity(target_files.len());
    let blob_ref = |f: &TreeFile| BlobRef {
        path: f.path.clone(),
        oid: f.oid,
        kind: f.kind,
    };
    for file in target_files {
        match result.remove(&file.path) {
            None => new_files.push(file.clone()),
            Some(Resolved::Deleted) => changes.push(PathChange {
                old: Some(blob_ref(file)),
                new: None,
            }),
            Some(Resolved::File(new)) => {
                if new.oid != file.oid || new.mode != file.mode {
                    changes.push(PathChange {
                        old: Some(blob_ref(file)),
                        new: Some(blob_ref(&new)),
                    });
                }
                new_files.push(new);
            }
        }
    }
    for (_, resolved) in result {
        if let Resolved::File(new) = resolved {
            changes.push(PathChange {
                old: None,
                new: Some(blob_ref(&new)),
            });
            new_files.push(new);
        }
    }
    new_files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Pair {
        judged: Judged::Merge,
        merge_base: Some(merge_base),
        old: target,
        new_files,
        inline,
        added_on_both: Vec::new(),
        changes: by_id(changes),
    })
}

/// Target and head share no history: judged as they are.
fn unrelated(
    repo: &Repository,
    (target, head): (Oid, Oid),
    root: &str,
    _target_files: &[TreeFile],
) -> Result<Pair, GitError> {
    let changes = changes_between(repo, Some(target), head, root)?;
    Ok(Pair {
        judged: Judged::Unrelated,
        merge_base: None,
        old: target,
        new_files: files_of(repo, head, root)?,
        inline: HashMap::new(),
        added_on_both: Vec::new(),
        changes: by_id(changes),
    })
}

fn files_of(repo: &Repository, commit: Oid, root: &str) -> Result<Vec<TreeFile>, GitError> {
    let tree = repo.find_commit(commit)?.tree()?;
    Ok(crate::git::list_baton_files(repo, &tree, root)?)
}

/// The result of merging three versions of a file, or `None` on a
/// conflict (or a version too large to read).
fn merge_text(repo: &Repository, base: Oid, theirs: Oid, ours: Oid, path: &str) -> Option<Vec<u8>> {
    let read = |oid: Oid| crate::git::blob::read_bounded(repo, oid, MAX_FILE_BYTES).bytes();
    let (base, theirs, ours) = (read(base)?, read(theirs)?, read(ours)?);
    fn input<'c>(content: &'c [u8], path: &str) -> git2::MergeFileInput<'c> {
        let mut input = git2::MergeFileInput::new();
        input.content(content).path(path);
        input
    }
    let (base_in, theirs_in, ours_in) =
        (input(&base, path), input(&theirs, path), input(&ours, path));
    let merged = git2::merge_file(&base_in, &theirs_in, &ours_in, None).ok()?;
    merged.is_automergeable().then(|| merged.content().to_vec())
}

/// Pairs a deletion and an addition of the same item id (and kind) into
/// one change, so that moving an item's file is a change of that item.
pub fn by_id(changes: Vec<PathChange>) -> Vec<PathChange> {
    let key = |b: &BlobRef| (stem(&b.path).to_string(), b.kind);
    let mut additions: HashMap<(String, crate::source::FileKind), usize> = HashMap::new();
    for (i, change) in changes.iter().enumerate() {
        if let (None, Some(new)) = (&change.old, &change.new) {
            additions.entry(key(new)).or_insert(i);
        }
    }
    let mut partner: HashMap<usize, usize> = HashMap::new();
    let mut merged: std::collections::HashSet<usize> = std::collections::HashSet::new();
    for (i, change) in changes.iter().enumerate() {
        if let (Some(old), None) = (&change.old, &change.new)
            && let Some(&j) = additions.get(&key(old))
            && merged.insert(j)
        {
            partner.insert(i, j);
        }
    }
    let mut slots: Vec<Option<PathChange>> = changes.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(slots.len());
    for i in 0..slots.len() {
        if merged.contains(&i) {
            continue;
        }
        let Some(mut change) = slots[i].take() else {
            continue;
        };
        if let Some(&j) = partner.get(&i) {
            change.new = slots[j].take().and_then(|c| c.new);
        }
        out.push(change);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileKind;

    fn blob(path: &str, n: u8) -> BlobRef {
        BlobRef {
            path: path.to_string(),
            oid: Oid::from_bytes(&[n; 20]).unwrap(),
            kind: FileKind::Task,
        }
    }

    #[test]
    fn a_deletion_and_an_addition_of_one_id_are_one_change() {
        let changes = vec![
            PathChange {
                old: Some(blob("tasks/ops/T-302.toml", 1)),
                new: None,
            },
            PathChange {
                old: None,
                new: Some(blob("tasks/a.toml", 2)),
            },
            PathChange {
                old: None,
                new: Some(blob("tasks/mkt/T-302.toml", 3)),
            },
        ];
        let paired = by_id(changes);
        assert_eq!(paired.len(), 2);
        assert_eq!(paired[0].old.as_ref().unwrap().path, "tasks/ops/T-302.toml");
        assert_eq!(paired[0].new.as_ref().unwrap().path, "tasks/mkt/T-302.toml");
        assert_eq!(paired[1].new.as_ref().unwrap().path, "tasks/a.toml");
    }
}
