//! What a pull request changed, unit by unit, and who made each change.
//!
//! The changes are those between the two sides a pull request is judged
//! on ([`crate::pr`]): the target and the merge result. Each changed unit
//! (a field, or a whole `[[update]]` entry: [`crate::authority::units`])
//! is attributed to the commit of the pull request that gave it its final
//! value, walking back from the head: through a parent of the pull
//! request that has the same value, to the commit that made it. A merge
//! that takes the value from outside the pull request's own history (an
//! older commit, an orphan) made it; a value the target already had is
//! nobody's change; the boundary of a shallow clone is nobody known.

use std::collections::HashMap;
use std::sync::Arc;

use git2::{Oid, Repository};

use super::fields::{Fields, flatten};
use super::{Author, BlobRef, BodyCache, CommitInfo, PathChange, range_history};
use crate::authority::{Unit, unit_of};
use crate::git::GitError;
use crate::model::{ItemBody, ItemKind};
use crate::source::is_policy;

/// Who made a change of a pull request.
#[derive(Debug, Clone)]
pub enum Attribution {
    /// A commit of the pull request: its author (or `--actor`).
    Commit(CommitInfo),
    /// The first commit of a shallow clone: who made the change is not known.
    Boundary(CommitInfo),
    /// Not the pull request's change (the target's, or older).
    Target,
}

/// One changed unit of an item.
#[derive(Debug, Clone)]
pub struct UnitChange {
    /// The unit.
    pub unit: Unit,
    /// Its value before (comparison text; `None` when absent).
    pub old: Option<String>,
    /// Its value after.
    pub new: Option<String>,
    /// Who made it.
    pub by: Attribution,
}

/// One item the pull request changed.
#[derive(Debug, Clone)]
pub struct ItemChange {
    /// Its id.
    pub id: String,
    /// Its kind.
    pub kind: ItemKind,
    /// Its file before (`None`: created).
    pub old_path: Option<String>,
    /// Its file after (`None`: deleted).
    pub new_path: Option<String>,
    /// The item before.
    pub before: Option<Arc<ItemBody>>,
    /// The item after.
    pub after: Option<Arc<ItemBody>>,
    /// What changed, unit by unit.
    pub units: Vec<UnitChange>,
}

/// A policy file (`baton.toml`, `org.toml`, a calendar) the pull request
/// changed.
#[derive(Debug, Clone)]
pub struct PolicyChange {
    /// Its path.
    pub path: String,
    /// Who changed it.
    pub by: Attribution,
}

/// An item that was archived before the change and that the change touches.
#[derive(Debug, Clone)]
pub struct ArchivedTouch {
    /// The item's id.
    pub id: String,
    /// Its file before.
    pub base: BlobRef,
    /// Its file after, if it still exists.
    pub head: Option<BlobRef>,
}

/// Everything a pull request changed.
#[derive(Debug, Clone, Default)]
pub struct ChangeSet {
    /// The items it changed, in path order.
    pub items: Vec<ItemChange>,
    /// The policy files it changed.
    pub policy: Vec<PolicyChange>,
    /// The baton files that differ between the two sides.
    pub touched: Vec<PathChange>,
    /// Items archived before the change that it modifies, moves or deletes.
    pub archived: Vec<ArchivedTouch>,
    /// The pull request's own commits, oldest first.
    pub commits: Vec<CommitInfo>,
    /// The GitHub login to judge every change by, instead of commit authors.
    pub actor: Option<String>,
    /// The plan of the "before" side, to tell what the change moves (D006).
    pub base_plan: Option<crate::plan::Plan>,
}

/// The sides and history a change set is computed from.
pub struct ChangeSources<'a> {
    /// The target branch's commit.
    pub target: Oid,
    /// The pull request's head.
    pub head: Oid,
    /// Their merge base, if any.
    pub merge_base: Option<Oid>,
    /// The baton root.
    pub root: &'a str,
    /// What differs between the sides, renames paired by id.
    pub touched: &'a [PathChange],
}

impl ChangeSet {
    /// Computes the change set of `sources`; `cache` must already hold the
    /// texts of merged contents that are not in the object database.
    pub fn compute(
        repo: &Repository,
        sources: &ChangeSources<'_>,
        actor: Option<String>,
        cache: &mut BodyCache,
    ) -> Result<ChangeSet, GitError> {
        let range = range_history(repo, sources.target, sources.head, sources.root)?;
        let mut walker = Walker::new(repo, sources, &range);
        let mut items = Vec::new();
        let mut policy = Vec::new();
        let mut archived = Vec::new();
        for change in sources.touched {
            let Some(blob) = change.new.as_ref().or(change.old.as_ref()) else {
                continue;
            };
            if is_policy(blob.kind) {
                let located = Located::policy(&blob.path);
                let value = change.new.as_ref().map(|b| b.oid.to_string());
                let by = walker.attribute(cache, &located, &Unit::file(), value);
                if !matches!(by, Attribution::Target) {
                    policy.push(PolicyChange {
                        path: blob.path.clone(),
                        by,
                    });
                }
                continue;
            }
            let Some(kind) = ItemKind::of_file(blob.kind) else {
                continue;
            };
            let before = change.old.as_ref().and_then(|b| cache.body(repo, b));
            let after = change.new.as_ref().and_then(|b| cache.body(repo, b));
            if let (Some(old), Some(body)) = (&change.old, &before)
                && body.archived()
            {
                archived.push(ArchivedTouch {
                    id: old.id().to_string(),
                    base: old.clone(),
                    head: change.new.clone(),
                });
            }
            let id = blob.id().to_string();
            let located = walker.locate(&id, blob.kind, change);
            let old_fields = fields_of(repo, cache, change.old.as_ref());
            let new_fields = fields_of(repo, cache, change.new.as_ref());
            let units = changed_units(
                kind,
                (&old_fields, change.old.is_some()),
                (&new_fields, change.new.is_some()),
            );
            let mut unit_changes = Vec::new();
            for unit in units {
                let (old, new) = (
                    unit_value(&old_fields, &unit, change.old.is_some()),
                    unit_value(&new_fields, &unit, change.new.is_some()),
                );
                let by = walker.attribute(cache, &located, &unit, new.clone());
                unit_changes.push(UnitChange { unit, old, new, by });
            }
            items.push(ItemChange {
                id,
                kind,
                old_path: change.old.as_ref().map(|b| b.path.clone()),
                new_path: change.new.as_ref().map(|b| b.path.clone()),
                before,
                after,
                units: unit_changes,
            });
        }
        Ok(ChangeSet {
            items,
            policy,
            touched: sources.touched.to_vec(),
            archived,
            commits: range.into_iter().map(|c| c.commit).collect(),
            actor,
            base_plan: None,
        })
    }

    /// The authors of the pull request's commits, for messages.
    pub fn authors(&self) -> Vec<&Author> {
        let mut authors: Vec<&Author> = self.commits.iter().map(|c| &c.author).collect();
        authors.sort_by(|a, b| a.email.cmp(&b.email));
        authors.dedup();
        authors
    }
}

fn fields_of(repo: &Repository, cache: &mut BodyCache, blob: Option<&BlobRef>) -> Fields {
    blob.and_then(|b| cache.text(repo, b.oid))
        .and_then(|t| flatten(&t))
        .unwrap_or_default()
}

/// The units of an item that differ between two versions (each given with
/// whether the item exists in it): the whole item when it is created or
/// deleted, and every unit whose fields differ — of a new item, only the
/// acts it carries (its other fields are its creator's). Sorted, once each.
pub fn changed_units(
    kind: ItemKind,
    (old_fields, old_exists): (&Fields, bool),
    (new_fields, new_exists): (&Fields, bool),
) -> Vec<Unit> {
    let mut units: Vec<Unit> = match (old_exists, new_exists) {
        (true, true) => Vec::new(),
        _ => vec![Unit::whole(kind)],
    };
    if new_exists {
        for field in super::fields::diff(old_fields, new_fields) {
            let unit = unit_of(kind, &field.field);
            if !old_exists && !unit.entry.is_some_and(|e| e.carried) {
                continue;
            }
            units.push(unit);
        }
    }
    units.sort();
    units.dedup();
    units
}

/// The value of `unit` in `fields` as one comparison text: a leaf's value,
/// or `path=value` lines of every leaf inside the unit; `exists` says
/// whether the item exists at all (the whole item's value).
pub fn unit_value(fields: &Fields, unit: &Unit, exists: bool) -> Option<String> {
    if unit.path.is_empty() {
        return exists.then(String::new);
    }
    if let Some(field) = fields.get(&unit.path) {
        return Some(field.value.clone());
    }
    let lines: Vec<String> = fields
        .range(unit.path.clone()..)
        .take_while(|(k, _)| k.starts_with(&unit.path))
        .filter(|(k, _)| unit.contains(k))
        .map(|(k, v)| format!("{k}={}", v.value))
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// Where an item's file may be, at any commit of the walk.
struct Located {
    kind: crate::source::FileKind,
    /// Candidate paths relative to the root, most likely first.
    paths: Vec<String>,
    /// A policy file: its value is its blob.
    policy: bool,
}

impl Located {
    fn policy(path: &str) -> Located {
        Located {
            kind: crate::source::FileKind::Config,
            paths: vec![path.to_string()],
            policy: true,
        }
    }
}

/// Walks a pull request's commits to attribute changes.
struct Walker<'r> {
    repo: &'r Repository,
    root: String,
    head: Oid,
    merge_base: Option<Oid>,
    /// The commits of the pull request.
    commits: HashMap<Oid, CommitInfo>,
    /// Paths each item id had in the pull request's commits.
    paths_by_id: HashMap<String, Vec<String>>,
    /// Blob of a path at a commit.
    blobs: HashMap<(Oid, String), Option<Oid>>,
    /// Parsed fields by blob.
    fields: HashMap<Oid, Arc<Fields>>,
}

impl<'r> Walker<'r> {
    fn new(
        repo: &'r Repository,
        sources: &ChangeSources<'_>,
        range: &[super::CommitChanges],
    ) -> Walker<'r> {
        let mut paths_by_id: HashMap<String, Vec<String>> = HashMap::new();
        for commit in range {
            for change in &commit.changes {
                for blob in [&change.old, &change.new].into_iter().flatten() {
                    let paths = paths_by_id.entry(blob.id().to_string()).or_default();
                    if !paths.contains(&blob.path) {
                        paths.push(blob.path.clone());
                    }
                }
            }
        }
        Walker {
            repo,
            root: sources.root.to_string(),
            head: sources.head,
            merge_base: sources.merge_base,
            commits: range
                .iter()
                .map(|c| (c.commit.oid, c.commit.clone()))
                .collect(),
            paths_by_id,
            blobs: HashMap::new(),
            fields: HashMap::new(),
        }
    }

    fn locate(&self, id: &str, kind: crate::source::FileKind, change: &PathChange) -> Located {
        let mut paths: Vec<String> = Vec::new();
        for blob in [&change.new, &change.old].into_iter().flatten() {
            if !paths.contains(&blob.path) {
                paths.push(blob.path.clone());
            }
        }
        for path in self.paths_by_id.get(id).into_iter().flatten() {
            if !paths.contains(path) && crate::source::classify(path) == Some(kind) {
                paths.push(path.clone());
            }
        }
        Located {
            kind,
            paths,
            policy: false,
        }
    }

    fn blob_at(&mut self, commit: Oid, path: &str) -> Option<Oid> {
        let key = (commit, path.to_string());
        if let Some(found) = self.blobs.get(&key) {
            return *found;
        }
        let full = if self.root.is_empty() {
            path.to_string()
        } else {
            format!("{}/{path}", self.root)
        };
        let found = self
            .repo
            .find_commit(commit)
            .ok()
            .and_then(|c| c.tree().ok())
            .and_then(|t| t.get_path(std::path::Path::new(&full)).ok())
            .filter(|e| e.kind() == Some(git2::ObjectType::Blob))
            .map(|e| e.id());
        self.blobs.insert(key, found);
        found
    }

    /// The value of `unit` of the located item at `commit` (`None` when
    /// the item is not there).
    fn value(
        &mut self,
        cache: &mut BodyCache,
        commit: Oid,
        located: &Located,
        unit: &Unit,
    ) -> Option<String> {
        let blob = located
            .paths
            .iter()
            .find_map(|path| self.blob_at(commit, path))?;
        if located.policy {
            return Some(blob.to_string());
        }
        let fields = match self.fields.get(&blob) {
            Some(fields) => fields.clone(),
            None => {
                let reference = BlobRef {
                    path: located.paths.first().cloned().unwrap_or_default(),
                    oid: blob,
                    kind: located.kind,
                };
                let fields = Arc::new(fields_of(self.repo, cache, Some(&reference)));
                self.fields.insert(blob, fields.clone());
                fields
            }
        };
        unit_value(&fields, unit, true)
    }

    /// Who gave `unit` of the located item the value `value`.
    fn attribute(
        &mut self,
        cache: &mut BodyCache,
        located: &Located,
        unit: &Unit,
        value: Option<String>,
    ) -> Attribution {
        // The head's value is what the pull request contributes (a line
        // merge may have combined it with the target's).
        let value = if self.commits.contains_key(&self.head) {
            self.value(cache, self.head, located, unit)
        } else {
            value
        };
        if let Some(base) = self.merge_base
            && self.value(cache, base, located, unit) == value
        {
            return Attribution::Target;
        }
        let mut at = self.head;
        for _ in 0..=self.commits.len() {
            let Some(info) = self.commits.get(&at).cloned() else {
                return Attribution::Target;
            };
            if info.boundary {
                return Attribution::Boundary(info);
            }
            let mut from_inside = None;
            for parent in &info.parents {
                if self.commits.contains_key(parent)
                    && self.value(cache, *parent, located, unit) == value
                {
                    from_inside = Some(*parent);
                    break;
                }
            }
            if let Some(parent) = from_inside {
                at = parent;
                continue;
            }
            // An ordinary commit whose parent outside the pull request
            // already had the value did not make it.
            if let [parent] = info.parents.as_slice()
                && self.value(cache, *parent, located, unit) == value
            {
                return Attribution::Target;
            }
            return Attribution::Commit(info);
        }
        // Not reached: each step moves to a parent inside the pull request.
        Attribution::Target
    }
}
