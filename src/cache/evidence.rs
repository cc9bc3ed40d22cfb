//! The evidence cache: what a commit's first-parent history says, kept
//! between runs.
//!
//! Walking 10,000 commits and reading what they changed takes seconds; its
//! result for a commit never changes once every commit of that history is
//! in the past. An entry is keyed by the commit, the baton root, the time
//! zone and the shallow-clone boundary (deepening a clone changes a
//! commit's history), and records the newest commit time it covers: it is
//! used only when "now" is at or after that time, and stored only when no
//! commit was left out for being after "now". Entries live in
//! `.git/baton/evidence/`, one file each, the newest few kept.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use git2::{Oid, Repository};
use serde::{Deserialize, Serialize};

use super::store::{build, write_atomically};
use crate::diag::fingerprint;
use crate::evidence::{Evidence, StoredEvidence};
use crate::git::GitError;
use crate::history::{BodyCache, CommitChanges, derive_evidence, first_parent_history_with};
use crate::progress::Progress;

const MAGIC: &[u8] = b"baton evidence cache 2\n";

/// How many entries are kept: a few branches' heads.
const KEEP: usize = 8;

/// Evidence of earlier runs, by commit.
pub struct EvidenceCache {
    /// `None` when caching is off.
    dir: Option<PathBuf>,
    /// The shallow boundary of the repository (`.git/shallow`), as read.
    shallow: String,
}

/// Which history an entry is the evidence of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Key {
    commit: Vec<u8>,
    root: String,
    tz: String,
    shallow: String,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    build: String,
    key: Key,
    /// The newest commit time of the history (seconds, nanoseconds).
    newest: Option<(i64, u32)>,
    evidence: StoredEvidence,
}

impl EvidenceCache {
    /// The evidence cache of the repository `repo` (off when `enabled` is
    /// false or `BATON_NO_CACHE` is set).
    pub fn open(repo: &Repository, enabled: bool) -> EvidenceCache {
        let dir = super::location::cache_dir(repo.path(), enabled).map(|d| d.join("evidence"));
        let shallow =
            crate::source::read_capped(&repo.path().join("shallow"), 16 << 20).unwrap_or_default();
        EvidenceCache { dir, shallow }
    }

    /// A cache that holds nothing and keeps nothing.
    pub fn disabled() -> EvidenceCache {
        EvidenceCache {
            dir: None,
            shallow: String::new(),
        }
    }

    fn key(&self, commit: Oid, root: &str, tz: Tz) -> Key {
        Key {
            commit: commit.as_bytes().to_vec(),
            root: root.to_string(),
            tz: tz.name().to_string(),
            shallow: self.shallow.clone(),
        }
    }

    fn path_of(dir: &Path, key: &Key) -> PathBuf {
        let commit = Oid::from_bytes(&key.commit).map_or_else(|_| String::new(), |o| o.to_string());
        let rest = fingerprint(&key.root, &key.tz, &key.shallow, "");
        dir.join(format!("{commit}-{rest}"))
    }

    /// The evidence of `commit`'s history below `root` in `tz`, as of
    /// `until`, if an earlier run stored it and it still holds.
    pub fn get(&self, commit: Oid, root: &str, tz: Tz, until: DateTime<Utc>) -> Option<Evidence> {
        let dir = self.dir.as_ref()?;
        let key = self.key(commit, root, tz);
        let data = std::fs::read(Self::path_of(dir, &key)).ok()?;
        // A CRC-32 of the rest follows the magic line: a damaged file is a
        // miss, not different evidence.
        let (crc, payload) = data.strip_prefix(MAGIC)?.split_first_chunk::<4>()?;
        if crc32fast::hash(payload) != u32::from_le_bytes(*crc) {
            return None;
        }
        let stored: Stored = postcard::from_bytes(payload).ok()?;
        if build().is_empty() || stored.build != build() || stored.key != key {
            return None;
        }
        if let Some((secs, nanos)) = stored.newest
            && DateTime::from_timestamp(secs, nanos)? > until
        {
            return None;
        }
        Evidence::from_stored(stored.evidence, tz)
    }

    /// Stores `evidence`, derived from `history` (the first-parent history
    /// of `commit`) as of `until`, when no commit of it is after `until`.
    /// Failing to store it only costs the next run the walk.
    pub fn put(
        &self,
        (commit, root, tz): (Oid, &str, Tz),
        history: &[CommitChanges],
        until: DateTime<Utc>,
        evidence: &Evidence,
    ) {
        let Some(dir) = &self.dir else { return };
        let newest = history.iter().map(|c| c.commit.time).max();
        if build().is_empty() || newest.is_some_and(|t| t > until) {
            return;
        }
        let key = self.key(commit, root, tz);
        let path = Self::path_of(dir, &key);
        let stored = Stored {
            build: build().to_string(),
            key,
            newest: newest.map(|t| (t.timestamp(), t.timestamp_subsec_nanos())),
            evidence: evidence.to_stored(),
        };
        let Ok(payload) = postcard::to_allocvec(&stored) else {
            return;
        };
        let written = write_atomically(&path, |out| {
            out.write_all(MAGIC)?;
            out.write_all(&crc32fast::hash(&payload).to_le_bytes())?;
            out.write_all(&payload)
        });
        if written.is_ok() {
            prune(dir);
        }
    }

    /// The evidence of `commit`'s first-parent history below `root`, as
    /// of `until`: from the cache, else walked, derived and stored.
    pub fn evidence_of(
        &self,
        repo: &Repository,
        (commit, root, tz): (Oid, &str, Tz),
        until: DateTime<Utc>,
        progress: &dyn Progress,
    ) -> Result<Evidence, GitError> {
        if let Some(evidence) = self.get(commit, root, tz, until) {
            return Ok(evidence);
        }
        let history = first_parent_history_with(repo, commit, root, progress)?;
        let evidence = derive_evidence(repo, &history, until, tz, &mut BodyCache::default());
        self.put((commit, root, tz), &history, until, &evidence);
        Ok(evidence)
    }
}

/// Removes all but the [`KEEP`] most recently written entries.
fn prune(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    files.sort_by_key(|file| std::cmp::Reverse(file.0));
    for (_, path) in files.into_iter().skip(KEEP) {
        let _ = std::fs::remove_file(path);
    }
}
