//! The floor of `baton check`: read every baton file of a repository and
//! parse it with `toml` into a generic `toml::Table`, on all cores — nothing
//! else. `scripts/bench.sh` reports each command's time as a multiple of it.
//!
//! ```sh
//! cargo run --release --example floor -- /tmp/synth-100k            # the working tree
//! cargo run --release --example floor -- /tmp/synth-100k --rev HEAD # blobs of a commit
//! ```
//!
//! The file set is baton's (`baton::source::classify`: `baton.toml`,
//! `org.toml`, and `*.toml` below `calendars/`, `requests/`, `meetings/`
//! and `tasks/`, no hidden files), listed with `walkdir` as baton does.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;
use walkdir::WalkDir;

/// Paths (relative, `/`-separated) of the baton files under `root`.
fn list(root: &Path) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for name in ["baton.toml", "org.toml"] {
        if root.join(name).is_file() {
            paths.push(root.join(name));
        }
    }
    for (folder, _) in baton::source::KIND_FOLDERS {
        let walk = WalkDir::new(root.join(folder))
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walk.flatten() {
            let Ok(rel) = entry.path().strip_prefix(root) else {
                continue;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            if entry.file_type().is_file() && baton::source::classify(&rel).is_some() {
                paths.push(entry.into_path());
            }
        }
    }
    paths
}

/// Parses one file's text; the number of top-level keys, or an error.
fn parse(text: &str) -> Result<usize, toml::de::Error> {
    text.parse::<toml::Table>().map(|t| t.len())
}

fn worktree(root: &Path) -> Result<(usize, usize, usize), String> {
    let paths = list(root);
    paths
        .par_iter()
        .map(|path| {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let keys = parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok((1, text.len(), keys))
        })
        .try_reduce(|| (0, 0, 0), |a, b| Ok((a.0 + b.0, a.1 + b.1, a.2 + b.2)))
}

fn revision(root: &Path, rev: &str) -> Result<(usize, usize, usize), String> {
    let repo = git2::Repository::open(root).map_err(|e| e.to_string())?;
    let tree = repo
        .revparse_single(rev)
        .and_then(|o| o.peel_to_tree())
        .map_err(|e| e.to_string())?;
    let mut blobs = Vec::new();
    tree.walk(git2::TreeWalkMode::PreOrder, |dir, entry| {
        let path = format!("{dir}{}", entry.name().unwrap_or(""));
        if entry.kind() == Some(git2::ObjectType::Blob) && baton::source::classify(&path).is_some()
        {
            blobs.push(entry.id());
        }
        git2::TreeWalkResult::Ok
    })
    .map_err(|e| e.to_string())?;
    blobs
        .par_iter()
        .map_init(
            || git2::Repository::open(root),
            |repo, oid| {
                let repo = repo.as_ref().map_err(|e| e.to_string())?;
                let blob = repo.find_blob(*oid).map_err(|e| e.to_string())?;
                let text = std::str::from_utf8(blob.content()).map_err(|e| e.to_string())?;
                let keys = parse(text).map_err(|e| format!("{oid}: {e}"))?;
                Ok((1, text.len(), keys))
            },
        )
        .try_reduce(|| (0, 0, 0), |a, b| Ok((a.0 + b.0, a.1 + b.1, a.2 + b.2)))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (root, rev) = match args.as_slice() {
        [root] => (PathBuf::from(root), None),
        [root, flag, rev] if flag == "--rev" => (PathBuf::from(root), Some(rev.as_str())),
        _ => {
            eprintln!("usage: floor PATH [--rev REV]");
            return ExitCode::from(2);
        }
    };
    let result = match rev {
        None => worktree(&root),
        Some(rev) => revision(&root, rev),
    };
    match result {
        Ok((files, bytes, keys)) => {
            println!("floor: {files} files, {bytes} bytes, {keys} top-level keys");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("floor: {e}");
            ExitCode::from(2)
        }
    }
}
