//! Reading a git repository: revisions, trees and blobs, straight from the
//! object database — no checkout, no temporary files, bare repositories and
//! shallow clones included.

pub mod blob;
mod tree;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use git2::{Oid, Repository};

pub use tree::{BlobReader, TreeFile, list_baton_files, list_files_and_strays, read_blobs};

/// Why a repository or revision could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// The path is not inside a git repository.
    #[error("`{path}` is not inside a git repository")]
    NotARepository {
        /// The path.
        path: String,
    },
    /// The path is inside the repository's folder but outside its working tree, or vice versa.
    #[error("`{path}` is outside the working tree of the repository at `{repo}`")]
    OutsideWorktree {
        /// The path.
        path: String,
        /// The repository.
        repo: String,
    },
    /// The revision does not name a commit.
    #[error("revision `{rev}` does not exist in `{repo}`{hint}")]
    NoSuchRevision {
        /// The revision as given.
        rev: String,
        /// The repository.
        repo: String,
        /// Extra advice (shallow clones).
        hint: String,
    },
    /// The revision names something that is not a commit (a file, a tree).
    #[error("`{rev}` names a {kind}, not a commit: give a branch, a tag or a commit id")]
    NotACommit {
        /// The revision as given.
        rev: String,
        /// What it names (`blob`, `tree`).
        kind: String,
    },
    /// No `baton.toml` at the revision.
    #[error("no baton.toml in `{prefix}` or any folder above it at revision `{rev}`")]
    NoBatonRoot {
        /// The revision.
        rev: String,
        /// The folder looked at, relative to the repository root.
        prefix: String,
    },
    /// An object is missing or corrupt.
    #[error("cannot read {what} at revision `{rev}`: {message}")]
    Object {
        /// What was being read.
        what: String,
        /// The revision.
        rev: String,
        /// libgit2's message.
        message: String,
    },
    /// Any other libgit2 failure.
    #[error("git: {0}")]
    Git(#[from] git2::Error),
}

/// A commit baton reads: its id and the revision text that named it.
#[derive(Debug, Clone)]
pub struct Revision {
    /// The commit.
    pub commit: Oid,
    /// As given on the command line (`HEAD~3`, a branch, a sha).
    pub name: String,
}

impl Revision {
    /// The abbreviated commit id.
    pub fn short(&self) -> String {
        short_id(self.commit)
    }
}

/// The first 12 hex digits of an object id.
pub fn short_id(oid: Oid) -> String {
    let mut s = oid.to_string();
    s.truncate(12);
    s
}

/// Process-wide libgit2 settings, applied once before the first repository
/// is opened.
///
/// libgit2 re-hashes every object it reads to verify its id; git itself
/// does not (that is `git fsck`'s job). On a history walk that re-hashing
/// of tree objects was half of all the time spent, so baton reads objects
/// as git does.
pub fn configure_libgit2() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| git2::opts::strict_hash_verification(false));
}

/// A repository and the folder of the baton root inside it.
pub struct GitRepo {
    /// The repository.
    pub repo: Repository,
    /// The folder `path` pointed at, relative to the repository root
    /// (`/`-separated, empty for the root). The baton root at a revision is
    /// this folder or the nearest one above it holding `baton.toml`.
    pub start: String,
}

impl GitRepo {
    /// Opens the repository containing `path`.
    pub fn discover(path: &Path) -> Result<GitRepo, GitError> {
        configure_libgit2();
        let repo = Repository::discover(path).map_err(|_| GitError::NotARepository {
            path: path.display().to_string(),
        })?;
        let start = match repo.workdir() {
            Some(workdir) => {
                let absolute = absolute(path);
                let workdir = absolute_dir(workdir);
                match absolute.strip_prefix(&workdir) {
                    Ok(rel) => rel
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy().into_owned())
                        .collect::<Vec<_>>()
                        .join("/"),
                    Err(_) if absolute.starts_with(absolute_dir(repo.path())) => String::new(),
                    Err(_) => {
                        return Err(GitError::OutsideWorktree {
                            path: path.display().to_string(),
                            repo: workdir.display().to_string(),
                        });
                    }
                }
            }
            // A bare repository: the baton root is found from the tree's root.
            None => String::new(),
        };
        Ok(GitRepo { repo, start })
    }

    /// The folder holding the repository, for messages.
    pub fn describe(&self) -> String {
        self.repo
            .workdir()
            .unwrap_or_else(|| self.repo.path())
            .display()
            .to_string()
    }

    /// Resolves `rev` to a commit.
    pub fn resolve(&self, rev: &str) -> Result<Revision, GitError> {
        let not_found = || {
            let hint = if self.repo.is_shallow() {
                "; this is a shallow clone: fetch more history (actions/checkout with fetch-depth: 0)".to_string()
            } else {
                String::new()
            };
            GitError::NoSuchRevision {
                rev: rev.to_string(),
                repo: self.describe(),
                hint,
            }
        };
        let object = self.repo.revparse_single(rev).map_err(|_| not_found())?;
        let commit = object.peel_to_commit().map_err(|_| GitError::NotACommit {
            rev: rev.to_string(),
            kind: match object.kind() {
                Some(git2::ObjectType::Blob) => "file".to_string(),
                Some(git2::ObjectType::Tree) => "folder".to_string(),
                other => other.map_or("object", |k| k.str()).to_string(),
            },
        })?;
        Ok(Revision {
            commit: commit.id(),
            name: rev.to_string(),
        })
    }

    /// The baton root at `rev`: `start` or the nearest folder above it whose
    /// tree holds `baton.toml`.
    pub fn baton_root(&self, rev: &Revision) -> Result<String, GitError> {
        let tree = self.tree_of(rev)?;
        let mut prefix = self.start.clone();
        loop {
            let candidate = if prefix.is_empty() {
                "baton.toml".to_string()
            } else {
                format!("{prefix}/baton.toml")
            };
            if let Ok(entry) = tree.get_path(Path::new(&candidate))
                && entry.kind() == Some(git2::ObjectType::Blob)
            {
                return Ok(prefix);
            }
            if prefix.is_empty() {
                return Err(GitError::NoBatonRoot {
                    rev: rev.name.clone(),
                    prefix: if self.start.is_empty() {
                        ".".into()
                    } else {
                        self.start.clone()
                    },
                });
            }
            prefix = match prefix.rfind('/') {
                Some(i) => prefix[..i].to_string(),
                None => String::new(),
            };
        }
    }

    /// The tree of a revision.
    pub fn tree_of(&self, rev: &Revision) -> Result<git2::Tree<'_>, GitError> {
        let object_error = |e: git2::Error| GitError::Object {
            what: "the commit's tree".into(),
            rev: rev.name.clone(),
            message: e.message().to_string(),
        };
        let commit = self.repo.find_commit(rev.commit).map_err(object_error)?;
        commit.tree().map_err(object_error)
    }
}

fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    joined.canonicalize().unwrap_or(joined)
}

fn absolute_dir(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// A commit's time as an instant (git stores seconds since the epoch; the
/// offset only says how the author's clock displayed it).
pub fn commit_time(time: git2::Time) -> DateTime<Utc> {
    DateTime::from_timestamp(time.seconds(), 0).unwrap_or(DateTime::<Utc>::MIN_UTC)
}
