//! A git revision: the baton files of one commit, read from the object
//! database (no checkout; works in bare repositories).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::{Content, FileKind, Source, SourceError, SourceFile};
use crate::cache::ParseCache;
use crate::git::{BlobReader, GitError, GitRepo, Revision, list_files_and_strays, read_blobs};

/// The baton files of a commit below a baton root.
pub struct GitSource {
    git_dir: PathBuf,
    description: String,
    root_name: String,
    files: Vec<crate::git::TreeFile>,
    /// Files that look meant for baton but are not read.
    strays: Vec<(String, super::Stray)>,
    /// Contents not in the object database (a merge result's merged files).
    inline: HashMap<git2::Oid, Arc<[u8]>>,
}

impl GitSource {
    /// The baton root of `repo` at `rev`.
    pub fn new(repo: &GitRepo, rev: &Revision) -> Result<GitSource, GitError> {
        let root = repo.baton_root(rev)?;
        GitSource::with_root(repo, rev, &root)
    }

    /// The files below `root` (relative to the repository root) at `rev`.
    pub fn with_root(repo: &GitRepo, rev: &Revision, root: &str) -> Result<GitSource, GitError> {
        let tree = repo.tree_of(rev)?;
        let (files, strays) =
            list_files_and_strays(&repo.repo, &tree, root).map_err(|e| GitError::Object {
                what: "the tree".into(),
                rev: rev.name.clone(),
                message: e.message().to_string(),
            })?;
        let root_name = match root.rsplit('/').next() {
            Some(name) if !name.is_empty() => name.to_string(),
            _ => repo
                .repo
                .workdir()
                .and_then(|w| w.file_name())
                .map_or_else(|| "baton".to_string(), |n| n.to_string_lossy().into_owned()),
        };
        Ok(GitSource {
            git_dir: repo.repo.path().to_path_buf(),
            description: format!("{} at {} ({})", repo.describe(), rev.name, rev.short()),
            root_name,
            files,
            strays,
            inline: HashMap::new(),
        })
    }

    /// Files of a tree that is not a commit's (a pull request's merge
    /// result), some of whose contents are only in `inline`.
    pub fn from_files(
        like: &GitSource,
        description: String,
        files: Vec<crate::git::TreeFile>,
        inline: HashMap<git2::Oid, Arc<[u8]>>,
    ) -> GitSource {
        GitSource {
            git_dir: like.git_dir.clone(),
            description,
            root_name: like.root_name.clone(),
            files,
            strays: like.strays.clone(),
            inline,
        }
    }

    /// The files of the revision and their blob ids, without contents.
    pub fn files(&self) -> &[crate::git::TreeFile] {
        &self.files
    }
}

impl Source for GitSource {
    fn describe(&self) -> String {
        self.description.clone()
    }

    fn strays(&self) -> Vec<(String, super::Stray)> {
        self.strays.clone()
    }

    fn root_name(&self) -> String {
        self.root_name.clone()
    }

    fn read(&self) -> Result<Vec<SourceFile>, SourceError> {
        self.read_kinds(&|_| true)
    }

    fn read_kinds(&self, keep: &dyn Fn(FileKind) -> bool) -> Result<Vec<SourceFile>, SourceError> {
        self.read_kinds_cached(keep, &ParseCache::disabled())
    }

    fn read_kinds_cached(
        &self,
        keep: &dyn Fn(FileKind) -> bool,
        cache: &ParseCache,
    ) -> Result<Vec<SourceFile>, SourceError> {
        let (known, wanted): (Vec<_>, Vec<_>) = self
            .files
            .iter()
            .filter(|f| keep(f.kind))
            .cloned()
            .partition(|f| f.is_regular() && cache.knows_blob(f.oid, f.kind));
        let (inline, wanted): (Vec<_>, Vec<_>) = wanted
            .into_iter()
            .partition(|f| f.is_regular() && self.inline.contains_key(&f.oid));
        let mut files = read_blobs(&self.git_dir, wanted).map_err(|e| SourceError::Io {
            path: self.description.clone(),
            source: std::io::Error::other(e.to_string()),
        })?;
        files.extend(inline.into_iter().map(|f| SourceFile {
            content: match self.inline.get(&f.oid) {
                Some(bytes) if bytes.len() as u64 > super::MAX_FILE_BYTES => {
                    Content::TooLarge(bytes.len() as u64)
                }
                Some(bytes) => Content::Bytes(bytes.to_vec()),
                None => Content::Unreadable("merged content lost".into()),
            },
            path: f.path,
            kind: f.kind,
            blob: Some(f.oid),
            stamp: None,
        }));
        if !known.is_empty() {
            let reader = BlobReader::new(&self.git_dir);
            files.extend(known.into_iter().map(|f| SourceFile {
                content: {
                    let cached = cache.blob_text(f.oid, f.kind);
                    let from_git = BlobReader::reread(&reader, f.oid);
                    Content::Unread(crate::files::Reread::new(move || {
                        cached
                            .as_ref()
                            .and_then(crate::files::Reread::bytes)
                            .or_else(|| from_git.bytes())
                    }))
                },
                path: f.path,
                kind: f.kind,
                blob: Some(f.oid),
                stamp: None,
            }));
        }
        Ok(files)
    }
}
