//! The working tree: files on disk under the baton root.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::{
    Content, FileKind, KIND_FOLDERS, MAX_FILE_BYTES, Source, SourceError, SourceFile, Stamp, Stray,
    classify, stray,
};
use crate::cache::ParseCache;
use crate::files::Reread;

/// Finds the baton root: `start` or the nearest folder above it holding a
/// `baton.toml` (as cargo finds `Cargo.toml`).
pub fn find_root(start: &Path) -> Result<PathBuf, SourceError> {
    let absolute = if start.is_absolute() {
        start.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|source| SourceError::Io {
                path: start.display().to_string(),
                source,
            })?
            .join(start)
    };
    fs::metadata(&absolute).map_err(|source| SourceError::Io {
        path: start.display().to_string(),
        source,
    })?;
    let mut dir = Some(absolute.as_path());
    while let Some(candidate) = dir {
        if candidate.join("baton.toml").is_file() {
            return Ok(candidate.to_path_buf());
        }
        dir = candidate.parent();
    }
    Err(SourceError::NoRoot {
        path: start.display().to_string(),
    })
}

/// Reads files from a folder on disk.
#[derive(Debug, Clone)]
pub struct WorktreeSource {
    root: PathBuf,
    /// Files that look meant for baton but are not read, found by the last
    /// read.
    strays: std::sync::Arc<std::sync::Mutex<Vec<(String, Stray)>>>,
}

impl WorktreeSource {
    /// A source rooted at `root` (a folder holding `baton.toml`).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        WorktreeSource {
            root: root.into(),
            strays: Default::default(),
        }
    }

    /// Strays at the root and in folders named like kind folders (`task/`).
    fn root_strays(&self, found: &mut Vec<(String, Stray)>) {
        let Ok(entries) = fs::read_dir(&self.root) else {
            return;
        };
        let mut entries: Vec<fs::DirEntry> = entries.filter_map(Result::ok).collect();
        entries.sort_by_key(fs::DirEntry::file_name);
        for entry in entries {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            if file_type.is_file() {
                if let Some(why) = stray(&name) {
                    found.push((name, why));
                }
                continue;
            }
            let looks_like_kind = file_type.is_dir()
                && !KIND_FOLDERS.iter().any(|(f, _)| *f == name)
                && stray(&format!("{name}/x.toml")).is_some();
            if !looks_like_kind {
                continue;
            }
            // Bounded: a folder that is not baton's is only sampled.
            for file in WalkDir::new(entry.path())
                .follow_links(false)
                .max_depth(4)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .take(100)
            {
                if let Some(rel) = relative(&self.root, file.path())
                    && let Some(why) = stray(&rel)
                {
                    found.push((rel, why));
                }
            }
        }
    }

    /// The root folder.
    pub fn root(&self) -> &Path {
        &self.root
    }
}

/// A path found by the walk, before reading.
enum Listed {
    File {
        rel: String,
        kind: FileKind,
        abs: PathBuf,
    },
    Symlink {
        rel: String,
        kind: FileKind,
        abs: PathBuf,
    },
    Error {
        rel: String,
        kind: FileKind,
        error: String,
    },
}

fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

impl WorktreeSource {
    fn list(&self) -> Vec<Listed> {
        let mut listed = Vec::new();
        let mut strays = Vec::new();
        self.root_strays(&mut strays);
        for (name, kind) in [
            ("baton.toml", FileKind::Config),
            ("org.toml", FileKind::Org),
        ] {
            let abs = self.root.join(name);
            if let Ok(meta) = fs::symlink_metadata(&abs) {
                let rel = name.to_string();
                if meta.file_type().is_symlink() {
                    listed.push(Listed::Symlink { rel, kind, abs });
                } else if meta.is_file() {
                    listed.push(Listed::File { rel, kind, abs });
                }
            }
        }
        for (folder, kind) in KIND_FOLDERS {
            let top = self.root.join(folder);
            if fs::symlink_metadata(&top).is_err() {
                continue;
            }
            let walk = WalkDir::new(&top)
                .follow_links(false)
                .follow_root_links(false)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            for entry in walk {
                match entry {
                    Ok(entry) => {
                        let Some(rel) = relative(&self.root, entry.path()) else {
                            continue;
                        };
                        let file_type = entry.file_type();
                        if file_type.is_dir() {
                            continue;
                        }
                        // Only names baton would read; a symlink named `x.toml` is reported.
                        if classify(&rel) != Some(*kind) {
                            if let Some(why) = stray(&rel) {
                                strays.push((rel, why));
                            }
                            continue;
                        }
                        let abs = entry.path().to_path_buf();
                        if file_type.is_symlink() {
                            listed.push(Listed::Symlink {
                                rel,
                                kind: *kind,
                                abs,
                            });
                        } else if file_type.is_file() {
                            listed.push(Listed::File {
                                rel,
                                kind: *kind,
                                abs,
                            });
                        }
                    }
                    Err(error) => {
                        let rel = error
                            .path()
                            .and_then(|p| relative(&self.root, p))
                            .unwrap_or_else(|| folder.to_string());
                        listed.push(Listed::Error {
                            rel,
                            kind: *kind,
                            error: error.to_string(),
                        });
                    }
                }
            }
        }
        if let Ok(mut found) = self.strays.lock() {
            *found = strays;
        }
        listed
    }
}

/// The content of the file `rel` below `root`, and its stamp as of before
/// the read. A file that turned into a symbolic link since it was listed is
/// not followed.
fn read_file(root: &Path, rel: &str) -> (Content, Option<Stamp>) {
    let mut file = match super::open::open_regular(root, rel) {
        Ok(f) => f,
        Err(super::open::OpenError::Symlink) => {
            let target = fs::read_link(root.join(rel))
                .map(|t| t.display().to_string())
                .unwrap_or_else(|_| "?".to_string());
            return (Content::Symlink(target), None);
        }
        Err(e) => return (Content::Unreadable(e.to_string()), None),
    };
    let meta = file.metadata().ok();
    let stamp = meta.as_ref().map(Stamp::of);
    let len = meta.map_or(0, |m| m.len());
    (read_open_file(&mut file, len), stamp)
}

fn read_open_file(file: &mut fs::File, len: u64) -> Content {
    if len > MAX_FILE_BYTES {
        return Content::TooLarge(len);
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // Read one byte past the limit to notice a file that grew meanwhile.
    match file
        .by_ref()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
    {
        Ok(n) if n as u64 > MAX_FILE_BYTES => Content::TooLarge(n as u64),
        Ok(_) => Content::Bytes(bytes),
        Err(e) => Content::Unreadable(e.to_string()),
    }
}

/// The bytes of the regular file `rel` below `root`, read again after the
/// load; as at the load, a symbolic link is not followed and a large file
/// not read.
fn reread_regular(root: &Path, rel: &str) -> Option<Vec<u8>> {
    match read_file(root, rel).0 {
        Content::Bytes(bytes) => Some(bytes),
        _ => None,
    }
}

impl Source for WorktreeSource {
    fn describe(&self) -> String {
        self.root.display().to_string()
    }

    fn root_name(&self) -> String {
        self.root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "baton".to_string())
    }

    fn read(&self) -> Result<Vec<SourceFile>, SourceError> {
        self.read_kinds_cached(&|_| true, &ParseCache::disabled())
    }

    fn strays(&self) -> Vec<(String, Stray)> {
        self.strays.lock().map(|s| s.clone()).unwrap_or_default()
    }

    fn read_kinds(&self, keep: &dyn Fn(FileKind) -> bool) -> Result<Vec<SourceFile>, SourceError> {
        self.read_kinds_cached(keep, &ParseCache::disabled())
    }

    fn read_kinds_cached(
        &self,
        keep: &dyn Fn(FileKind) -> bool,
        cache: &ParseCache,
    ) -> Result<Vec<SourceFile>, SourceError> {
        let mut listed = self.list();
        listed.retain(|entry| match entry {
            Listed::File { kind, .. }
            | Listed::Symlink { kind, .. }
            | Listed::Error { kind, .. } => keep(*kind),
        });
        Ok(listed
            .into_par_iter()
            .map(|entry| match entry {
                Listed::File { rel, kind, abs } => {
                    // The stamp is taken before the read: a file that changes
                    // meanwhile is cached under the older stamp, and missed.
                    let (content, stamp) = if cache.is_empty() {
                        // Nothing to recognise: the open file's stamp will do
                        // (one stat per file, not two).
                        read_file(&self.root, &rel)
                    } else {
                        match fs::symlink_metadata(&abs).ok().map(|m| Stamp::of(&m)) {
                            Some(stamp) if cache.knows_stamp(&rel, kind, &stamp) => {
                                // The text, if a finding needs it: from the
                                // cache, else (a damaged entry) the file.
                                let cached = cache.stamped_text(&rel, kind, &stamp);
                                let (root, path) = (self.root.clone(), rel.clone());
                                (
                                    Content::Unread(Reread::new(move || {
                                        cached
                                            .as_ref()
                                            .and_then(Reread::bytes)
                                            .or_else(|| reread_regular(&root, &path))
                                    })),
                                    Some(stamp),
                                )
                            }
                            stamp => (read_file(&self.root, &rel).0, stamp),
                        }
                    };
                    SourceFile {
                        path: rel,
                        kind,
                        content,
                        blob: None,
                        stamp,
                    }
                }
                Listed::Symlink { rel, kind, abs } => SourceFile {
                    path: rel,
                    kind,
                    content: Content::Symlink(
                        fs::read_link(&abs)
                            .map(|t| t.display().to_string())
                            .unwrap_or_else(|_| "?".to_string()),
                    ),
                    blob: None,
                    stamp: None,
                },
                Listed::Error { rel, kind, error } => SourceFile {
                    path: rel,
                    kind,
                    content: Content::Unreadable(error),
                    blob: None,
                    stamp: None,
                },
            })
            .collect())
    }
}
