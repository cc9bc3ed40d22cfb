//! Where the parse cache lives: in the repository's git folder, like git's
//! own index (`.git/baton/`), or, outside git, in the user's cache folder.
//!
//! `BATON_CACHE_DIR` puts it elsewhere; `BATON_NO_CACHE` (any non-empty
//! value) turns it off. The evidence cache (`evidence.rs`) lives beside it.

use std::path::{Path, PathBuf};

use super::ParseCache;
use crate::diag::fingerprint;

fn turned_off() -> bool {
    std::env::var_os("BATON_NO_CACHE").is_some_and(|v| !v.is_empty())
}

fn chosen_dir() -> Option<PathBuf> {
    std::env::var_os("BATON_CACHE_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

fn user_cache_dir() -> Option<PathBuf> {
    let xdg = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let home = || {
        std::env::var_os("HOME")
            .filter(|v| !v.is_empty())
            .map(|home| PathBuf::from(home).join(".cache"))
    };
    Some(xdg.or_else(home)?.join("baton"))
}

/// The parse cache of the working tree rooted at `root` (files keyed by
/// path and stamp); one per root, since paths are relative to it.
pub fn worktree_cache(root: &Path, enabled: bool) -> ParseCache {
    if !enabled || turned_off() {
        return ParseCache::disabled();
    }
    let dir = chosen_dir().or_else(|| match git2::Repository::discover(root) {
        Ok(repo) => Some(repo.path().join("baton")),
        Err(_) => user_cache_dir(),
    });
    let Some(dir) = dir else {
        return ParseCache::disabled();
    };
    let name = fingerprint("worktree", &root.display().to_string(), "", "");
    ParseCache::open(&dir.join(format!("worktree-{name}")))
}

/// The folder of the caches of the repository at `git_dir`; `None` when
/// caching is off.
pub(super) fn cache_dir(git_dir: &Path, enabled: bool) -> Option<PathBuf> {
    if !enabled || turned_off() {
        return None;
    }
    Some(chosen_dir().unwrap_or_else(|| git_dir.join("baton")))
}

/// The parse cache of the revisions of the repository at `git_dir` (files
/// keyed by blob id, whatever their path or revision).
pub fn git_cache(git_dir: &Path, enabled: bool) -> ParseCache {
    match cache_dir(git_dir, enabled) {
        Some(dir) => ParseCache::open(&dir.join("blobs")),
        None => ParseCache::disabled(),
    }
}
