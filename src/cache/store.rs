//! The cache file: a magic line, then (postcard) the build that wrote it
//! and its entries, each a key, the encoded item, the file's text and a
//! CRC-32 of all three: a damaged entry is a miss, never a different item.
//! The text is kept so that findings in a cached file can show its lines
//! without the file being opened again.

use std::borrow::Cow;
use std::io::Write;
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use git2::Oid;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::source::{FileKind, Stamp};

pub(super) const MAGIC: &[u8] = b"baton parse cache 3\n";

/// What an entry is the item of.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Key {
    /// A git blob read as a file of this kind.
    Blob(Oid, FileKind),
    /// A working-tree file (path relative to the baton root) as it was.
    Stamp(String, FileKind, Stamp),
}

#[derive(Serialize, Deserialize)]
enum StoredKey<'a> {
    Blob(#[serde(borrow)] Bytes<'a>, FileKind),
    Stamp(#[serde(borrow)] Cow<'a, str>, FileKind, Stamp),
}

/// Bytes written as one run, read without a copy.
struct Bytes<'a>(&'a [u8]);

impl Serialize for Bytes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Bytes<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <&'a [u8]>::deserialize(deserializer).map(Bytes)
    }
}

#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    #[serde(borrow)]
    build: Cow<'a, str>,
    #[serde(borrow)]
    entries: Vec<(StoredKey<'a>, Bytes<'a>, Bytes<'a>, u32)>,
}

impl Key {
    fn stored(&self) -> StoredKey<'_> {
        match self {
            Key::Blob(oid, kind) => StoredKey::Blob(Bytes(oid.as_bytes()), *kind),
            Key::Stamp(path, kind, stamp) => StoredKey::Stamp(Cow::Borrowed(path), *kind, *stamp),
        }
    }
}

/// The checksum of an entry: its key's encoding, its item's bytes, then
/// its file's text.
pub(super) fn checksum(key: &Key, body: &[u8], text: &[u8]) -> u32 {
    let mut hasher = crc32fast::Hasher::new();
    if let Ok(key) = postcard::to_allocvec(&key.stored()) {
        hasher.update(&key);
    }
    hasher.update(&(body.len() as u64).to_le_bytes());
    hasher.update(body);
    hasher.update(text);
    hasher.finalize()
}

/// One entry as stored: key, item bytes, text bytes.
pub(super) type Entry<'e> = (&'e Key, &'e [u8], &'e [u8]);

/// One entry as decoded: its key, the byte ranges of its item and text
/// in the file's data, and its checksum.
pub(super) type Decoded = (Key, Range<usize>, Range<usize>, u32);

/// The build of baton that is running: its version and its executable's
/// size and modification time. The encoding of items follows the model's
/// types, so a cache is read only by the build that wrote it.
pub(super) fn build() -> &'static str {
    static BUILD: OnceLock<String> = OnceLock::new();
    BUILD.get_or_init(|| {
        let exe = std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|meta| Stamp::of(&meta));
        match exe {
            Ok(stamp) => format!(
                "{} {} {}.{}",
                env!("CARGO_PKG_VERSION"),
                stamp.size,
                stamp.mtime.0,
                stamp.mtime.1
            ),
            // Without a way to tell builds apart, no cache is trusted.
            Err(_) => String::new(),
        }
    })
}

/// The entries of a cache file: each key with the byte range of its item
/// in `data` and its checksum (checked when the entry is used). `None`
/// when `data` is not a cache written by this build.
pub(super) fn decode(data: &[u8]) -> Option<Vec<Decoded>> {
    let rest = data.strip_prefix(MAGIC)?;
    let stored: Stored<'_> = postcard::from_bytes(rest).ok()?;
    if build().is_empty() || stored.build != build() {
        return None;
    }
    let base = data.as_ptr() as usize;
    stored
        .entries
        .into_iter()
        .map(|(key, body, text, crc)| {
            let key = match key {
                StoredKey::Blob(bytes, kind) => Key::Blob(Oid::from_bytes(bytes.0).ok()?, kind),
                StoredKey::Stamp(path, kind, stamp) => Key::Stamp(path.into_owned(), kind, stamp),
            };
            // Body and text borrow from `data`: their places are ranges.
            let range = |bytes: &[u8]| -> Option<Range<usize>> {
                let start = (bytes.as_ptr() as usize).checked_sub(base)?;
                Some(start..start + bytes.len())
            };
            Some((key, range(body.0)?, range(text.0)?, crc))
        })
        .collect()
}

/// Writes `entries` to `path`.
pub(super) fn write(path: &Path, entries: &[Entry<'_>]) -> std::io::Result<()> {
    if build().is_empty() {
        return Ok(());
    }
    let stored = Stored {
        build: Cow::Borrowed(build()),
        entries: entries
            .iter()
            .map(|(key, body, text)| {
                (
                    key.stored(),
                    Bytes(body),
                    Bytes(text),
                    checksum(key, body, text),
                )
            })
            .collect(),
    };
    // Streamed: an encoded copy of a large cache would raise peak memory.
    write_atomically(path, |out| {
        out.write_all(MAGIC)?;
        postcard::to_io(&stored, out).map_err(std::io::Error::other)?;
        Ok(())
    })
}

/// Writes a cache file atomically, creating its folder.
pub(super) fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::atomic::write(path, write)
}

#[cfg(test)]
pub(super) fn build_for_tests() -> &'static str {
    build()
}
