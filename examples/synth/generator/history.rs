//! A git history that leads to the generated files: an import commit, then
//! commits in which people make the changes the files record — progress
//! updates, blocking and escalating, delivering, reviews, responses,
//! minutes, confirmations, archiving — each authored by the person entitled
//! to it (SPEC §6), committed shortly after the time the file states.
//!
//! Constraints that keep the planted findings exact with history as
//! evidence:
//! - a commit holds one author's changes of one day (1–3 of them), made at
//!   most 20 minutes after the latest of them, so no stated time is more
//!   than a day older than the commit that records it (G001) and the last
//!   progress commit of a task falls on the day of its last update (W006);
//! - the import commit adds `baton.toml`, so what it holds has no known time;
//! - an item's changes are committed in order: two changes of one item by
//!   different people on one day are commits of their own, and a commit's
//!   changes never straddle another commit of the same author and day.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::Path;

use git2::{Oid, Repository, Signature, Time};
use rayon::prelude::*;

use super::days::At;
use super::rng::Rng;
use super::{Handle, Synth};

/// One change of the history.
#[derive(Debug, Clone)]
struct Edit {
    at: At,
    author: usize,
    handle: Handle,
    /// The item's number of applied changes after this one.
    applied: usize,
    summary: String,
    /// Must be a commit of its own (its neighbour in the item's history is
    /// another author's change of the same day).
    alone: bool,
}

impl Edit {
    fn key(&self) -> (At, Handle, usize) {
        (self.at, self.handle, self.applied)
    }
}

/// A commit to make.
#[derive(Debug, Clone)]
struct Commit {
    at: At,
    author: usize,
    edits: Vec<Edit>,
}

/// The planned history.
#[derive(Debug, Clone)]
pub struct History {
    /// Changes of each item already in the import commit; items not listed
    /// are imported in their final state.
    import: HashMap<Handle, usize>,
    commits: Vec<Commit>,
}

/// What [`History::write`] made.
#[derive(Debug, Clone)]
pub struct Written {
    /// Commits after the import commit.
    pub commits: usize,
    /// Item changes in them.
    pub edits: usize,
    /// The head commit.
    pub head: String,
    /// A commit such that `pr_base..HEAD` changes at least 20 item files
    /// (or the import commit when the history is shorter).
    pub pr_base: String,
    /// How many item files `pr_base..HEAD` changes.
    pub pr_changed_files: usize,
}

/// Commits needed for the edits of one author and day, sorted: each `alone`
/// edit is one, and each run between them is split into commits of ≤ 3.
fn cost(bucket: &[(At, Handle, usize, bool)]) -> usize {
    let (mut commits, mut run) = (0usize, 0usize);
    for &(_, _, _, alone) in bucket {
        if alone {
            commits += 1 + run.div_ceil(3);
            run = 0;
        } else {
            run += 1;
        }
    }
    commits + run.div_ceil(3)
}

impl History {
    /// Chooses the changes and groups them into `commits` commits (fewer
    /// when the items do not have that many changes).
    pub fn plan(synth: &Synth, commits: usize) -> History {
        let mut rng = Rng::new(synth.options.seed ^ 0x4849_5354_4f52_5921);
        let mut handles: Vec<Handle> = synth
            .handles()
            .into_iter()
            .filter(|&h| synth.len_of(h) > 0)
            .collect();
        rng.shuffle(&mut handles);
        // Take the latest changes of random items until there are about two
        // per commit, never more than `commits` commits' worth of buckets.
        type Bucket = Vec<(At, Handle, usize, bool)>;
        let mut buckets: HashMap<(usize, usize), Bucket> = HashMap::new();
        let mut needed = 0;
        let mut edits: Vec<Edit> = Vec::new();
        let mut import = HashMap::new();
        for h in handles {
            if edits.len() >= 2 * commits {
                break;
            }
            let steps = synth.steps(h);
            let first = steps.len() - rng.range(1, steps.len());
            let cross = |a: usize, b: usize| {
                steps[a].author != steps[b].author && steps[a].at.day == steps[b].at.day
            };
            let new: Vec<Edit> = (first..steps.len())
                .map(|j| Edit {
                    at: steps[j].at,
                    author: steps[j].author,
                    handle: h,
                    applied: j + 1,
                    summary: steps[j].summary.clone(),
                    alone: (j > first && cross(j - 1, j))
                        || (j + 1 < steps.len() && cross(j, j + 1)),
                })
                .collect();
            let mut changed: BTreeMap<(usize, usize), Bucket> = BTreeMap::new();
            for e in &new {
                changed
                    .entry((e.at.day, e.author))
                    .or_insert_with(|| {
                        buckets
                            .get(&(e.at.day, e.author))
                            .cloned()
                            .unwrap_or_default()
                    })
                    .push((e.at, e.handle, e.applied, e.alone));
            }
            let mut delta = 0isize;
            for (key, bucket) in &mut changed {
                bucket.sort_unstable_by_key(|&(at, h, a, _)| (at, h, a));
                let before = buckets.get(key).map_or(0, |b| cost(b));
                delta += cost(bucket) as isize - before as isize;
            }
            if needed as isize + delta > commits as isize {
                continue;
            }
            needed = (needed as isize + delta) as usize;
            buckets.extend(changed);
            edits.extend(new);
            import.insert(h, first);
        }

        // Runs of groupable edits, and how many commits each gets.
        let mut by_bucket: BTreeMap<(usize, usize), Vec<Edit>> = BTreeMap::new();
        for e in edits {
            by_bucket.entry((e.at.day, e.author)).or_default().push(e);
        }
        let mut runs: Vec<Vec<Edit>> = Vec::new();
        let mut planned: Vec<Commit> = Vec::new();
        for ((_, author), mut bucket) in by_bucket {
            bucket.sort_unstable_by_key(Edit::key);
            let mut run = Vec::new();
            for e in bucket {
                if e.alone {
                    if !run.is_empty() {
                        runs.push(std::mem::take(&mut run));
                    }
                    planned.push(Commit {
                        at: e.at,
                        author,
                        edits: vec![e],
                    });
                } else {
                    run.push(e);
                }
            }
            if !run.is_empty() {
                runs.push(run);
            }
        }
        // At least one commit per three edits of a run; more until there are
        // `commits` commits or every edit is a commit of its own.
        let mut parts: Vec<usize> = runs.iter().map(|r| r.len().div_ceil(3)).collect();
        let mut extra = commits.saturating_sub(planned.len() + parts.iter().sum::<usize>());
        let mut order: Vec<usize> = (0..runs.len()).collect();
        rng.shuffle(&mut order);
        while extra > 0 {
            let before = extra;
            for &r in &order {
                if extra > 0 && parts[r] < runs[r].len() {
                    parts[r] += 1;
                    extra -= 1;
                }
            }
            if extra == before {
                break;
            }
        }
        for (run, parts) in runs.into_iter().zip(parts) {
            let (n, author) = (run.len(), run[0].author);
            let mut run = run.into_iter();
            for p in 0..parts {
                let size = n / parts + usize::from(p < n % parts);
                let edits: Vec<Edit> = run.by_ref().take(size).collect();
                let at = edits.iter().map(|e| e.at).max().unwrap_or(At::new(0, 0));
                planned.push(Commit { at, author, edits });
            }
        }
        planned.sort_by_key(|c| (c.at, c.edits.iter().map(Edit::key).min()));
        for commit in &mut planned {
            commit.at = commit.at.plus(rng.minutes(1, 20));
        }
        History {
            import,
            commits: planned,
        }
    }

    /// Creates the git repository at `out` (whose files are written): the
    /// import commit, the planned commits, `main` and the index.
    pub fn write(&self, synth: &Synth, out: &Path) -> Result<Written, git2::Error> {
        let repo = Repository::init(out)?;
        repo.set_head("refs/heads/main")?;
        // Objects go to memory first and to one pack at the end: 100,000
        // loose objects would take longer to write than everything else.
        let odb = repo.odb()?;
        let _mempack = odb.add_new_mempack_backend(1000)?;
        let handles = synth.handles();
        let mut root = Dir::default();
        root.insert("baton.toml", repo.blob(synth.config().as_bytes())?);
        root.insert("org.toml", repo.blob(synth.org_toml().as_bytes())?);
        for chunk in handles.chunks(50_000) {
            let texts: Vec<String> = chunk
                .par_iter()
                .map(|&h| {
                    let applied = self
                        .import
                        .get(&h)
                        .copied()
                        .unwrap_or_else(|| synth.len_of(h));
                    synth.render(h, applied)
                })
                .collect();
            for (&h, text) in chunk.iter().zip(texts) {
                root.insert(&synth.path(h), repo.blob(text.as_bytes())?);
            }
        }
        let mut tree = root.write(&repo)?;
        let days = &synth.days;
        let signature = |person: usize, at: At| {
            let p = &synth.org.people[person];
            Signature::new(&p.name, &p.email(), &Time::new(days.epoch(at), 8 * 60))
        };
        let admin = signature(synth.org.admin, At::new(0, 8 * 60 + 30))?;
        let message = format!(
            "导入协作事项({} 个事项,examples/synth 种子 {})",
            synth.options.items, synth.options.seed
        );
        let import = repo.commit(None, &admin, &admin, &message, &repo.find_tree(tree)?, &[])?;
        let mut oids = vec![import];
        let mut changed: Vec<BTreeSet<Handle>> = Vec::new();
        let mut edits = 0;
        for commit in &self.commits {
            let mut latest: BTreeMap<Handle, usize> = BTreeMap::new();
            for e in &commit.edits {
                let applied = latest.entry(e.handle).or_default();
                *applied = (*applied).max(e.applied);
            }
            for (&h, &applied) in &latest {
                let blob = repo.blob(synth.render(h, applied).as_bytes())?;
                let path = synth.path(h);
                let parts: Vec<&str> = path.split('/').collect();
                tree = put(&repo, tree, &parts, blob)?;
            }
            let who = signature(commit.author, commit.at)?;
            let summaries: Vec<&str> = commit.edits.iter().map(|e| e.summary.as_str()).collect();
            let parent = repo.find_commit(*oids.last().unwrap_or(&import))?;
            let oid = repo.commit(
                None,
                &who,
                &who,
                &summaries.join("; "),
                &repo.find_tree(tree)?,
                &[&parent],
            )?;
            oids.push(oid);
            changed.push(latest.into_keys().collect());
            edits += commit.edits.len();
        }
        let head = *oids.last().unwrap_or(&import);
        repo.reference("refs/heads/main", head, true, "examples/synth")?;
        let mut index = repo.index()?;
        index.read_tree(&repo.find_tree(tree)?)?;
        index.write()?;
        // A delta-compressed pack, as a clone or `git gc` would leave it.
        let mut pack = repo.packbuilder()?;
        pack.set_threads(0);
        let mut walk = repo.revwalk()?;
        walk.push(head)?;
        pack.insert_walk(&mut walk)?;
        pack.write(&out.join(".git/objects/pack"), 0)?;
        let exclude = out.join(".git/info/exclude");
        let mut text = fs::read_to_string(&exclude).unwrap_or_default();
        text.push_str("EXPECTED.json\n");
        fs::write(&exclude, text).map_err(|e| git2::Error::from_str(&e.to_string()))?;

        // The shortest tail of the history that changes 20 item files.
        let mut files: BTreeSet<Handle> = BTreeSet::new();
        let mut base = 0;
        for (k, set) in changed.iter().enumerate().rev() {
            files.extend(set);
            base = k;
            if files.len() >= 20 {
                break;
            }
        }
        Ok(Written {
            commits: self.commits.len(),
            edits,
            head: head.to_string(),
            pr_base: oids[base].to_string(),
            pr_changed_files: files.len(),
        })
    }
}

/// A folder of the import tree.
#[derive(Default)]
struct Dir {
    blobs: BTreeMap<String, Oid>,
    dirs: BTreeMap<String, Dir>,
}

impl Dir {
    fn insert(&mut self, path: &str, blob: Oid) {
        match path.split_once('/') {
            Some((dir, rest)) => self
                .dirs
                .entry(dir.to_string())
                .or_default()
                .insert(rest, blob),
            None => {
                self.blobs.insert(path.to_string(), blob);
            }
        }
    }

    fn write(&self, repo: &Repository) -> Result<Oid, git2::Error> {
        let mut builder = repo.treebuilder(None)?;
        for (name, dir) in &self.dirs {
            builder.insert(name, dir.write(repo)?, 0o040000)?;
        }
        for (name, blob) in &self.blobs {
            builder.insert(name, *blob, 0o100644)?;
        }
        builder.write()
    }
}

/// `tree` with the file at `path` replaced by `blob`.
fn put(repo: &Repository, tree: Oid, path: &[&str], blob: Oid) -> Result<Oid, git2::Error> {
    let tree = repo.find_tree(tree)?;
    let mut builder = repo.treebuilder(Some(&tree))?;
    match path {
        [name] => {
            builder.insert(name, blob, 0o100644)?;
        }
        [dir, rest @ ..] => {
            let sub = tree
                .get_name(dir)
                .map(|e| e.id())
                .ok_or_else(|| git2::Error::from_str("no such folder in the import tree"))?;
            builder.insert(dir, put(repo, sub, rest, blob)?, 0o040000)?;
        }
        [] => return Err(git2::Error::from_str("empty path")),
    }
    builder.write()
}
