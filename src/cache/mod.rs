//! The parse cache: items parsed by earlier runs, kept on disk so that an
//! unchanged file is neither read nor parsed again.
//!
//! A file is known by one of two keys, as git knows it: by its blob id when
//! it comes from a revision (`--rev`, pull requests), and by its path and
//! [`Stamp`] (size, times, inode, device: what git's index compares) when
//! it comes from the working tree. Only files that parsed without a single
//! problem are kept; the rules always run, on every item, so a cached item
//! gives exactly the findings a fresh parse would.
//!
//! The cache is one file, written whole to a temporary file and renamed
//! over the old one, and only when a run parsed something it did not hold.
//! It is tied to the baton executable that wrote it (version, size and
//! modification time), because its encoding follows the model's types; a
//! cache from another build, or one that cannot be decoded, is ignored.

mod evidence;
mod location;
mod store;

pub use evidence::EvidenceCache;
pub use location::{git_cache, worktree_cache};

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use git2::Oid;

use crate::files::Reread;
use crate::model::ItemBody;
use crate::source::{FileKind, Stamp};
use store::Key;

/// A file changed less than this many seconds before a run is not cached:
/// a file system that keeps coarse times could change it again within the
/// same second without changing its stamp (git's "racily clean" entries).
const RACY_SECONDS: i64 = 2;

/// Parsed items of earlier runs, and the ones this run adds.
#[derive(Default)]
pub struct ParseCache {
    /// Where it is stored; `None` when caching is off.
    path: Option<PathBuf>,
    /// The stored file's bytes; entries point into it.
    data: Vec<u8>,
    /// The stored file, open: the texts of cached files are read from it
    /// when a finding needs them, after `data` is gone (it is the old file
    /// even once a save renamed a new one over it).
    file: Option<Arc<std::fs::File>>,
    entries: Vec<Entry>,
    blobs: HashMap<(Oid, FileKind), usize, foldhash::fast::RandomState>,
    stamps: HashMap<String, usize, foldhash::fast::RandomState>,
    /// Items this run parsed that the cache did not hold, with their texts.
    fresh: Mutex<Vec<(Key, Vec<u8>, String)>>,
    /// Seconds since the epoch when the cache was opened.
    opened_at: i64,
}

struct Entry {
    key: Key,
    body: Range<usize>,
    text: Range<usize>,
    /// The CRC-32 of key, body and text as written.
    crc: u32,
    used: AtomicBool,
}

impl ParseCache {
    /// A cache that holds nothing and keeps nothing.
    pub fn disabled() -> ParseCache {
        ParseCache::default()
    }

    /// The cache stored at `path` (empty when there is none yet, or when it
    /// was written by another build of baton or cannot be decoded).
    pub fn open(path: &Path) -> ParseCache {
        let _stage = crate::timing::stage("parse cache: open");
        let opened_at = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        let mut cache = ParseCache {
            path: Some(path.to_path_buf()),
            opened_at,
            ..ParseCache::default()
        };
        let Ok(mut file) = std::fs::File::open(path) else {
            return cache;
        };
        let mut data = Vec::new();
        if std::io::Read::read_to_end(&mut file, &mut data).is_err() {
            return cache;
        }
        let Some(stored) = store::decode(&data) else {
            return cache;
        };
        for (key, body, text, crc) in stored {
            let index = cache.entries.len();
            match &key {
                Key::Blob(oid, kind) => {
                    cache.blobs.insert((*oid, *kind), index);
                }
                Key::Stamp(path, _, _) => {
                    cache.stamps.insert(path.clone(), index);
                }
            }
            cache.entries.push(Entry {
                key,
                body,
                text,
                crc,
                used: AtomicBool::new(false),
            });
        }
        cache.data = data;
        cache.file = Some(Arc::new(file));
        cache
    }

    /// Whether it is stored anywhere.
    pub fn is_enabled(&self) -> bool {
        self.path.is_some()
    }

    /// How many parsed files it held when opened.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it held none when opened.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The text of the file `path` of `kind` as it is now (`stamp`), served
    /// from the cache when it holds it (checked against its checksum when
    /// read), so that a finding in a cached file needs no second read.
    pub fn stamped_text(&self, path: &str, kind: FileKind, stamp: &Stamp) -> Option<Reread> {
        self.text_of(self.stamp_entry(path, kind, stamp)?)
    }

    /// The text of blob `oid` read as `kind`, as [`Self::stamped_text`].
    pub fn blob_text(&self, oid: Oid, kind: FileKind) -> Option<Reread> {
        self.text_of(*self.blobs.get(&(oid, kind))?)
    }

    fn text_of(&self, index: usize) -> Option<Reread> {
        let entry = self.entries.get(index)?;
        let file = Arc::clone(self.file.as_ref()?);
        let (key, crc) = (entry.key.clone(), entry.crc);
        let (body, text) = (entry.body.clone(), entry.text.clone());
        Some(Reread::new(move || {
            let body = read_at(&file, &body)?;
            let text = read_at(&file, &text)?;
            (store::checksum(&key, &body, &text) == crc).then_some(text)
        }))
    }

    /// Whether it holds the item of blob `oid` read as `kind`.
    pub fn knows_blob(&self, oid: Oid, kind: FileKind) -> bool {
        self.blobs.contains_key(&(oid, kind))
    }

    /// Whether it holds the item of the working-tree file `path` of `kind`
    /// as it is now (`stamp`).
    pub fn knows_stamp(&self, path: &str, kind: FileKind, stamp: &Stamp) -> bool {
        self.stamp_entry(path, kind, stamp).is_some()
    }

    fn stamp_entry(&self, path: &str, kind: FileKind, stamp: &Stamp) -> Option<usize> {
        let index = *self.stamps.get(path)?;
        match &self.entries.get(index)?.key {
            Key::Stamp(_, k, s) if *k == kind && s == stamp => Some(index),
            _ => None,
        }
    }

    /// The cached item of a file: by `blob` when it has one, else by its
    /// path and `stamp`. `None` when the cache does not hold it or its
    /// entry cannot be decoded (the file is then parsed).
    pub fn take(
        &self,
        path: &str,
        kind: FileKind,
        blob: Option<Oid>,
        stamp: Option<&Stamp>,
    ) -> Option<ItemBody> {
        let index = match (blob, stamp) {
            (Some(oid), _) => *self.blobs.get(&(oid, kind))?,
            (None, Some(stamp)) => self.stamp_entry(path, kind, stamp)?,
            (None, None) => return None,
        };
        let entry = self.entries.get(index)?;
        let bytes = self.data.get(entry.body.clone())?;
        let text = self.data.get(entry.text.clone())?;
        // A damaged entry (a flipped bit on disk) is a miss.
        if store::checksum(&entry.key, bytes, text) != entry.crc {
            return None;
        }
        let body: ItemBody = postcard::from_bytes(bytes).ok()?;
        let matches = matches!(
            (&body, kind),
            (ItemBody::Task(_), FileKind::Task)
                | (ItemBody::Request(_), FileKind::Request)
                | (ItemBody::Meeting(_), FileKind::Meeting)
                | (ItemBody::Change(_), FileKind::Change)
                | (ItemBody::Complaint(_), FileKind::Complaint)
                | (ItemBody::Agreement(_), FileKind::Agreement)
                | (ItemBody::Comm(_), FileKind::Comm)
        );
        if !matches {
            return None;
        }
        entry.used.store(true, Ordering::Relaxed);
        Some(body)
    }

    /// Keeps `body`, the item a file parsed to without any problem, for
    /// the next run (if the cache is on and the file's key can be trusted).
    pub fn offer(
        &self,
        path: &str,
        kind: FileKind,
        (blob, stamp): (Option<Oid>, Option<&Stamp>),
        body: &ItemBody,
        text: &str,
    ) {
        if self.path.is_none() {
            return;
        }
        let key = match (blob, stamp) {
            (Some(oid), _) => Key::Blob(oid, kind),
            (None, Some(stamp)) if !self.is_racy(stamp) => {
                Key::Stamp(path.to_string(), kind, *stamp)
            }
            _ => return,
        };
        let Ok(bytes) = postcard::to_allocvec(body) else {
            return;
        };
        if let Ok(mut fresh) = self.fresh.lock() {
            fresh.push((key, bytes, text.to_string()));
        }
    }

    fn is_racy(&self, stamp: &Stamp) -> bool {
        // As git does, by modification time: a write sets it (and the change
        // time, which no tool can set back, so an older change time is not
        // a reason to distrust a stamp).
        stamp.mtime.0 >= self.opened_at - RACY_SECONDS
    }

    /// Writes the cache back when this run parsed something new: what it
    /// took and added, and of the rest as many as it took and added (so a
    /// cache shared by several revisions keeps them, but cannot grow
    /// without bound). Failing to write it is not an error: the next run
    /// parses again.
    pub fn save(self) -> std::io::Result<()> {
        let Some(path) = self.path else {
            return Ok(());
        };
        let fresh = self.fresh.into_inner().unwrap_or_default();
        if fresh.is_empty() {
            return Ok(());
        }
        let replaced: std::collections::HashSet<&Key> = fresh.iter().map(|(k, _, _)| k).collect();
        let renewed_paths: std::collections::HashSet<&str> = fresh
            .iter()
            .filter_map(|(k, _, _)| match k {
                Key::Stamp(path, _, _) => Some(path.as_str()),
                Key::Blob(..) => None,
            })
            .collect();
        let kept = |e: &&Entry| {
            !replaced.contains(&e.key)
                && !matches!(&e.key, Key::Stamp(p, _, _) if renewed_paths.contains(p.as_str()))
        };
        let used: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| e.used.load(Ordering::Relaxed))
            .filter(kept)
            .collect();
        let room = used.len() + fresh.len();
        // The most recently written of the others first: they follow the
        // entries of the run that wrote them.
        let others = self
            .entries
            .iter()
            .rev()
            .filter(|e| !e.used.load(Ordering::Relaxed))
            .filter(kept)
            .take(room);
        let mut out: Vec<store::Entry<'_>> = Vec::with_capacity(room * 2);
        let data = &self.data;
        let slice = |range: &Range<usize>| data.get(range.clone()).unwrap_or_default();
        fn stored<'e>(e: &'e Entry, data: &'e [u8]) -> store::Entry<'e> {
            let slice = |range: &Range<usize>| data.get(range.clone()).unwrap_or_default();
            (&e.key, slice(&e.body), slice(&e.text))
        }
        // Kept entries are written with a new checksum: a damaged one must
        // not be blessed by it.
        let mut others: Vec<store::Entry<'_>> = others
            .filter(|e| store::checksum(&e.key, slice(&e.body), slice(&e.text)) == e.crc)
            .map(|e| stored(e, data))
            .collect();
        others.reverse();
        out.extend(others);
        out.extend(used.into_iter().map(|e| stored(e, data)));
        out.extend(
            fresh
                .iter()
                .map(|(k, b, t)| (k, b.as_slice(), t.as_bytes())),
        );
        store::write(&path, &out)
    }
}

/// The bytes of `range` of `file`, read in place (the cursor is not
/// moved, so readers on several threads do not disturb each other).
fn read_at(file: &std::fs::File, range: &Range<usize>) -> Option<Vec<u8>> {
    let mut bytes = vec![0; range.len()];
    #[cfg(unix)]
    std::os::unix::fs::FileExt::read_exact_at(file, &mut bytes, range.start as u64).ok()?;
    #[cfg(windows)]
    {
        let mut done = 0;
        while done < bytes.len() {
            let n = std::os::windows::fs::FileExt::seek_read(
                file,
                &mut bytes[done..],
                (range.start + done) as u64,
            )
            .ok()?;
            if n == 0 {
                return None;
            }
            done += n;
        }
    }
    Some(bytes)
}

#[cfg(test)]
mod tests;
