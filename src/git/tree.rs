//! The baton files of a commit's tree, and their contents.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use git2::{ObjectType, Oid, Repository, Tree};
use rayon::prelude::*;

use super::GitError;
use super::blob::{Blob, MAX_LINK_TARGET, read_bounded};
use crate::files::Reread;
use crate::source::{Content, FileKind, MAX_FILE_BYTES, SourceFile, Stray, classify, stray};

/// git's file mode of a symbolic link.
const MODE_SYMLINK: i32 = 0o120000;

/// A baton file in a tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeFile {
    /// Path relative to the baton root, `/`-separated.
    pub path: String,
    /// Its role.
    pub kind: FileKind,
    /// The blob.
    pub oid: Oid,
    /// git's file mode.
    pub mode: i32,
}

fn subtree<'r>(
    repo: &'r Repository,
    tree: &Tree<'r>,
    root: &str,
) -> Result<Option<Tree<'r>>, git2::Error> {
    if root.is_empty() {
        return Ok(Some(tree.clone()));
    }
    match tree.get_path(Path::new(root)) {
        Ok(entry) if entry.kind() == Some(ObjectType::Tree) => repo.find_tree(entry.id()).map(Some),
        Ok(_) => Ok(None),
        Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Every baton file below `root` (relative to the tree's root) in `tree`,
/// sorted by path. Walks with an explicit stack; hidden entries and
/// submodules are skipped.
pub fn list_baton_files(
    repo: &Repository,
    tree: &Tree<'_>,
    root: &str,
) -> Result<Vec<TreeFile>, git2::Error> {
    list_files_and_strays(repo, tree, root).map(|(files, _)| files)
}

/// Baton files, and files that look meant for baton but are not read.
pub type FilesAndStrays = (Vec<TreeFile>, Vec<(String, Stray)>);

/// [`list_baton_files`], with the files that look meant for baton but are
/// not read ([`crate::source::stray`]).
pub fn list_files_and_strays(
    repo: &Repository,
    tree: &Tree<'_>,
    root: &str,
) -> Result<FilesAndStrays, git2::Error> {
    let Some(top) = subtree(repo, tree, root)? else {
        return Ok((Vec::new(), Vec::new()));
    };
    let mut files = Vec::new();
    let mut strays = Vec::new();
    let mut stack: Vec<(Oid, String)> = vec![(top.id(), String::new())];
    while let Some((oid, prefix)) = stack.pop() {
        let tree = repo.find_tree(oid)?;
        for entry in tree.iter() {
            let Ok(name) = entry.name() else { continue };
            if name.starts_with('.') {
                continue;
            }
            let path = if prefix.is_empty() {
                name.to_string()
            } else {
                format!("{prefix}/{name}")
            };
            match entry.kind() {
                // Only descend where baton files can be (or where a folder
                // named like one holds files meant for baton).
                Some(ObjectType::Tree)
                    if prefix.is_empty() && classify(&format!("{name}/x.toml")).is_none() =>
                {
                    strays_below_lookalike(repo, (entry.id(), &path), &mut strays);
                }
                Some(ObjectType::Tree) => stack.push((entry.id(), path)),
                Some(ObjectType::Blob) => match classify(&path) {
                    Some(kind) => files.push(TreeFile {
                        path,
                        kind,
                        oid: entry.id(),
                        mode: entry.filemode(),
                    }),
                    None => {
                        if let Some(why) = stray(&path) {
                            strays.push((path, why));
                        }
                    }
                },
                _ => {}
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    strays.sort_by(|a, b| a.0.cmp(&b.0));
    Ok((files, strays))
}

/// Strays in a top-level folder named like a kind folder (`task/`): at
/// most 100 files, 4 levels down; nothing for other folders.
fn strays_below_lookalike(
    repo: &Repository,
    (oid, prefix): (Oid, &str),
    out: &mut Vec<(String, Stray)>,
) {
    if stray(&format!("{prefix}/x.toml")).is_none() {
        return;
    }
    let mut stack: Vec<(Oid, String, usize)> = vec![(oid, prefix.to_string(), 1)];
    let mut seen = 0;
    while let Some((oid, prefix, depth)) = stack.pop() {
        let Ok(tree) = repo.find_tree(oid) else {
            continue;
        };
        for entry in tree.iter() {
            let Ok(name) = entry.name() else { continue };
            let path = format!("{prefix}/{name}");
            match entry.kind() {
                Some(ObjectType::Tree) if depth < 4 => stack.push((entry.id(), path, depth + 1)),
                Some(ObjectType::Blob) => {
                    seen += 1;
                    if seen > 100 {
                        return;
                    }
                    if let Some(why) = stray(&path) {
                        out.push((path, why));
                    }
                }
                _ => {}
            }
        }
    }
}

fn read_one(repo: &Repository, file: &TreeFile) -> Content {
    if file.mode == MODE_SYMLINK {
        // A link's blob is its target; a target longer than any path is
        // described, not read.
        return match read_bounded(repo, file.oid, MAX_LINK_TARGET) {
            Blob::Bytes(bytes) => Content::Symlink(String::from_utf8_lossy(&bytes).into_owned()),
            Blob::TooLarge(size) => Content::Symlink(format!("<a {size}-byte target>")),
            Blob::Unreadable(why) => Content::Unreadable(why),
        };
    }
    match read_bounded(repo, file.oid, MAX_FILE_BYTES) {
        Blob::Bytes(bytes) => Content::Bytes(bytes),
        Blob::TooLarge(size) => Content::TooLarge(size),
        Blob::Unreadable(why) => Content::Unreadable(why),
    }
}

/// Reads `files` from the repository at `git_dir` on every core (one
/// repository handle per thread: libgit2 handles are not shared).
pub fn read_blobs(git_dir: &Path, files: Vec<TreeFile>) -> Result<Vec<SourceFile>, GitError> {
    super::configure_libgit2();
    // Fail early and clearly when the repository cannot be opened at all.
    Repository::open(git_dir)?;
    Ok(files
        .into_par_iter()
        .map_init(
            || Repository::open(git_dir).ok(),
            |repo, file| {
                let content = match repo {
                    Some(repo) => read_one(repo, &file),
                    None => Content::Unreadable("the repository could not be opened".into()),
                };
                SourceFile {
                    path: file.path,
                    kind: file.kind,
                    content,
                    blob: Some(file.oid),
                    stamp: None,
                }
            },
        )
        .collect())
}

impl TreeFile {
    /// Whether this is a regular file (not a symbolic link, whose blob
    /// holds the link's target and is never read as a baton file).
    pub fn is_regular(&self) -> bool {
        self.mode != MODE_SYMLINK
    }
}

/// Reads blobs later, on demand, through one repository handle: the texts
/// of files whose item came from the parse cache, when a finding points
/// into them.
pub struct BlobReader {
    git_dir: PathBuf,
    repo: Mutex<Option<Repository>>,
}

impl BlobReader {
    /// A reader of the repository at `git_dir` (opened on first use).
    pub fn new(git_dir: &Path) -> Arc<BlobReader> {
        Arc::new(BlobReader {
            git_dir: git_dir.to_path_buf(),
            repo: Mutex::new(None),
        })
    }

    fn read(&self, oid: Oid) -> Option<Vec<u8>> {
        let mut repo = self.repo.lock().ok()?;
        if repo.is_none() {
            *repo = Repository::open(&self.git_dir).ok();
        }
        read_bounded(repo.as_ref()?, oid, MAX_FILE_BYTES).bytes()
    }

    /// A [`Reread`] of the blob `oid`.
    pub fn reread(reader: &Arc<BlobReader>, oid: Oid) -> Reread {
        let reader = Arc::clone(reader);
        Reread::new(move || reader.read(oid))
    }
}
