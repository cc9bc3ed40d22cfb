//! Where files come from: a working tree, a git revision, or memory.
//!
//! A [`Source`] lists and reads the files of a baton repository. Both
//! implementations agree on which paths matter through [`classify`], and
//! neither follows symbolic links: a link is reported, never read, so a
//! repository cannot make baton read files outside it.

mod git;
mod memory;
mod open;
mod overlay;
mod worktree;

pub use git::GitSource;
pub use memory::MemorySource;
pub use overlay::{PolicyOverlay, is_policy};
pub use worktree::{WorktreeSource, find_root};

use crate::cache::ParseCache;
use crate::files::Reread;

/// Files larger than this are not read (SPEC §9).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The text of the file at `path` when it is at most `limit` bytes: the
/// size is checked before and while reading (a file that grows meanwhile
/// is still refused), so no file makes baton allocate more than `limit`.
pub fn read_capped(path: &std::path::Path, limit: u64) -> std::io::Result<String> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let over = |size: u64| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("it is {size} bytes, over the {limit}-byte limit"),
        )
    };
    let size = file.metadata()?.len();
    if size > limit {
        return Err(over(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(over(bytes.len() as u64));
    }
    String::from_utf8(bytes)
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "it is not UTF-8 text"))
}

/// What role a file plays.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum FileKind {
    /// `baton.toml`.
    Config,
    /// `org.toml`.
    Org,
    /// `calendars/**/*.toml`.
    Calendar,
    /// `requests/**/*.toml`.
    Request,
    /// `meetings/**/*.toml`.
    Meeting,
    /// `tasks/**/*.toml`.
    Task,
    /// `changes/**/*.toml`.
    Change,
    /// `complaints/**/*.toml`.
    Complaint,
    /// `agreements/**/*.toml`.
    Agreement,
    /// `comms/**/*.toml`.
    Comm,
}

/// Folders baton writes that hold no items (`baton init`, `baton schema`).
const OWN_FOLDERS: &[&str] = &["templates", "schema", "docs"];

/// The folders below the root that hold baton files.
pub const KIND_FOLDERS: &[(&str, FileKind)] = &[
    ("calendars", FileKind::Calendar),
    ("requests", FileKind::Request),
    ("meetings", FileKind::Meeting),
    ("tasks", FileKind::Task),
    ("changes", FileKind::Change),
    ("complaints", FileKind::Complaint),
    ("agreements", FileKind::Agreement),
    ("comms", FileKind::Comm),
];

/// The role of the file at `path` (relative to the root, `/`-separated), or
/// `None` when baton does not read it (other folders, hidden files, files
/// not ending in `.toml`).
pub fn classify(path: &str) -> Option<FileKind> {
    match path {
        "baton.toml" => return Some(FileKind::Config),
        "org.toml" => return Some(FileKind::Org),
        _ => {}
    }
    let mut parts = path.split('/');
    let folder = parts.next()?;
    let kind = KIND_FOLDERS.iter().find(|(f, _)| *f == folder)?.1;
    let rest: Vec<&str> = parts.collect();
    let name = rest.last()?;
    if rest.iter().any(|p| p.is_empty() || p.starts_with('.')) || !name.ends_with(".toml") {
        return None;
    }
    Some(kind)
}

/// Why a file a user probably meant baton to read is not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stray {
    /// In a kind folder with another extension (`tasks/T-1.TOML`, `.txt`).
    Extension,
    /// An item file at the root (`T-1.toml`), outside every kind folder.
    AtRoot,
    /// In a folder that is not a kind folder but looks like one (`task/`).
    Folder {
        /// The kind folder it resembles.
        meant: &'static str,
    },
}

/// Extensions of files that look like a baton file written wrongly.
const TEXTUAL: &[&str] = &["toml", "tml", "tmol", "txt", "yaml", "yml", "json", "ini"];

/// Files at the root of a project that are other tools' configuration.
const ROOT_CONFIGS: &[&str] = &[
    "baton.toml",
    "org.toml",
    "Cargo.toml",
    "pyproject.toml",
    "rustfmt.toml",
    "clippy.toml",
    "taplo.toml",
    "typos.toml",
    "deny.toml",
    "netlify.toml",
    "dist-workspace.toml",
];

/// Why the file at `path` (relative to the root, `/`-separated) looks like
/// a baton file that will not be read, if it does.
pub fn stray(path: &str) -> Option<Stray> {
    if path.split('/').any(|p| p.starts_with('.')) || classify(path).is_some() {
        return None;
    }
    let mut parts = path.split('/');
    let first = parts.next()?;
    let name = path.rsplit('/').next().unwrap_or(path);
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    let textual = extension.as_deref().is_some_and(|e| TEXTUAL.contains(&e));
    if parts.next().is_none() {
        // At the root: an item file (`T-1.toml`) someone forgot to file.
        let stem = name.strip_suffix(".toml").unwrap_or("");
        return (!ROOT_CONFIGS.contains(&name)
            && !stem.is_empty()
            && crate::load::is_valid_id(stem)
            && stem.chars().any(|c| c.is_ascii_digit()))
        .then_some(Stray::AtRoot);
    }
    if KIND_FOLDERS.iter().any(|(f, _)| *f == first) {
        return textual.then_some(Stray::Extension);
    }
    // `task/`, `Tasks/`, `meeting/`: a kind folder's name written wrongly.
    // Folders baton itself writes are not misspellings (`templates` is as
    // near to `complaints` as `task` is to `tasks`).
    if !textual || OWN_FOLDERS.contains(&first) {
        return None;
    }
    let folders: Vec<&'static str> = KIND_FOLDERS.iter().map(|(f, _)| *f).collect();
    let lower = first.to_ascii_lowercase();
    let meant = folders
        .iter()
        .copied()
        .find(|f| *f == lower || f.trim_end_matches('s') == lower)
        .or_else(|| crate::parse::suggest::did_you_mean(first, folders.iter().copied()))?;
    Some(Stray::Folder { meant })
}

/// The content of a listed file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// The bytes of a regular file.
    Bytes(Vec<u8>),
    /// A symbolic link (to this target), not followed.
    Symlink(String),
    /// A file over [`MAX_FILE_BYTES`], not read.
    TooLarge(u64),
    /// A file that could not be read.
    Unreadable(String),
    /// A file not read because the parse cache holds its item; read again
    /// only if a finding points into it.
    Unread(Reread),
}

/// What tells, without reading a file, that it has not changed: the
/// metadata git's index compares (size, modification and change times,
/// inode, device).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time: seconds and nanoseconds since the Unix epoch.
    pub mtime: (i64, u32),
    /// Status change time (0 where the platform has none).
    pub ctime: (i64, u32),
    /// Inode number (0 where the platform has none).
    pub ino: u64,
    /// Device number (0 where the platform has none).
    pub dev: u64,
}

impl Stamp {
    /// The stamp of a file's metadata.
    pub fn of(meta: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let nanos = |n: i64| u32::try_from(n).unwrap_or(0);
            Stamp {
                size: meta.len(),
                mtime: (meta.mtime(), nanos(meta.mtime_nsec())),
                ctime: (meta.ctime(), nanos(meta.ctime_nsec())),
                ino: meta.ino(),
                dev: meta.dev(),
            }
        }
        #[cfg(not(unix))]
        {
            let mtime = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or((0, 0), |d| {
                    (
                        i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
                        d.subsec_nanos(),
                    )
                });
            Stamp {
                size: meta.len(),
                mtime,
                ctime: (0, 0),
                ino: 0,
                dev: 0,
            }
        }
    }
}

/// One file of the repository.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the baton root, `/`-separated.
    pub path: String,
    /// Its role.
    pub kind: FileKind,
    /// Its content.
    pub content: Content,
    /// The git blob it was read from, when it comes from a revision: the
    /// same blob in two revisions parses to the same item.
    pub blob: Option<git2::Oid>,
    /// Its metadata, when it comes from the working tree.
    pub stamp: Option<Stamp>,
}

/// Why a source could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// No `baton.toml` at the given path or above it.
    #[error("no baton.toml in `{path}` or any folder above it")]
    NoRoot {
        /// Where the search started.
        path: String,
    },
    /// The path does not exist or cannot be read.
    #[error("cannot read `{path}`: {source}")]
    Io {
        /// The path.
        path: String,
        /// The error.
        #[source]
        source: std::io::Error,
    },
}

/// A repository's files.
pub trait Source: Sync {
    /// What is being read, for messages ("/path/to/repo").
    fn describe(&self) -> String;

    /// The root folder's name, the default project name.
    fn root_name(&self) -> String;

    /// Every baton file, with its content, in any order.
    fn read(&self) -> Result<Vec<SourceFile>, SourceError>;

    /// The baton files of the kinds `keep` accepts; sources that can skip
    /// reading the others override this.
    fn read_kinds(&self, keep: &dyn Fn(FileKind) -> bool) -> Result<Vec<SourceFile>, SourceError> {
        Ok(self.read()?.into_iter().filter(|f| keep(f.kind)).collect())
    }

    /// [`Source::read_kinds`], leaving unread ([`Content::Unread`]) the
    /// files whose parsed item `cache` holds; sources that can tell which
    /// those are without reading them override this.
    fn read_kinds_cached(
        &self,
        keep: &dyn Fn(FileKind) -> bool,
        cache: &ParseCache,
    ) -> Result<Vec<SourceFile>, SourceError> {
        let _ = cache;
        self.read_kinds(keep)
    }

    /// Every baton file, the ones `cache` holds left unread.
    fn read_cached(&self, cache: &ParseCache) -> Result<Vec<SourceFile>, SourceError> {
        self.read_kinds_cached(&|_| true, cache)
    }

    /// Files that look meant for baton but are not read ([`stray`]), with
    /// why; sources that can list them override this.
    fn strays(&self) -> Vec<(String, Stray)> {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_reads_only_baton_files() {
        assert_eq!(classify("baton.toml"), Some(FileKind::Config));
        assert_eq!(classify("org.toml"), Some(FileKind::Org));
        assert_eq!(classify("tasks/T-1.toml"), Some(FileKind::Task));
        assert_eq!(classify("tasks/q3/design/T-1.toml"), Some(FileKind::Task));
        assert_eq!(classify("calendars/acme.toml"), Some(FileKind::Calendar));
        assert_eq!(classify("requests/REQ-1.toml"), Some(FileKind::Request));
        assert_eq!(classify("meetings/M.toml"), Some(FileKind::Meeting));
        assert_eq!(classify("changes/CR-1.toml"), Some(FileKind::Change));
        assert_eq!(classify("complaints/CMP-1.toml"), Some(FileKind::Complaint));
        assert_eq!(classify("agreements/AGR-1.toml"), Some(FileKind::Agreement));
        assert_eq!(classify("comms/COM-1.toml"), Some(FileKind::Comm));
        assert_eq!(classify("tasks/README.md"), None);
        assert_eq!(classify("tasks/.T-1.toml"), None);
        assert_eq!(classify("tasks/.hidden/T-1.toml"), None);
        assert_eq!(classify("docs/T-1.toml"), None);
        assert_eq!(classify("sub/baton.toml"), None);
        assert_eq!(classify("tasks"), None);
    }

    #[test]
    fn files_meant_for_baton_but_not_read_are_strays() {
        assert_eq!(stray("tasks/T-1.TOML"), Some(Stray::Extension));
        assert_eq!(stray("tasks/q3/T-1.txt"), Some(Stray::Extension));
        assert_eq!(stray("tasks/README.md"), None);
        assert_eq!(stray("tasks/T-1.toml"), None);
        assert_eq!(stray("T-001.toml"), Some(Stray::AtRoot));
        assert_eq!(stray("Cargo.toml"), None);
        assert_eq!(stray("README.md"), None);
        assert_eq!(
            stray("task/T-1.toml"),
            Some(Stray::Folder { meant: "tasks" })
        );
        assert_eq!(
            stray("Tasks/T-1.toml"),
            Some(Stray::Folder { meant: "tasks" })
        );
        assert_eq!(stray("docs/T-1.toml"), None);
        assert_eq!(stray("templates/complaint/default.toml"), None);
        assert_eq!(
            stray("complaint/CMP-1.toml"),
            Some(Stray::Folder {
                meant: "complaints"
            })
        );
        assert_eq!(
            stray("comm/COM-1.toml"),
            Some(Stray::Folder { meant: "comms" })
        );
        assert_eq!(stray("tasks/.draft.toml"), None);
    }
}
