//! `--commit`: one commit of exactly the files a command wrote, authored by
//! the acting person as `org.toml` knows them, at `--now`. Whatever else
//! is staged stays staged and out of the commit.

use std::path::Path;

use chrono::Offset as _;
use git2::{Repository, Signature, Time};

use super::EditError;
use crate::messages::EditMsg;
use crate::model::Org;
use crate::time::Clock;

/// Commits `paths` (relative to the baton `root`) on the current branch
/// with `message`; returns the short id of the commit.
pub fn commit(
    root: &Path,
    paths: &[String],
    (org, who): (&Org, &str),
    clock: &Clock,
    message: &str,
) -> Result<String, EditError> {
    let fail = |error: git2::Error| {
        EditError::from(EditMsg::Invalid {
            path: root.display().to_string(),
            problems: vec![error.message().to_string()],
        })
    };
    let repo = Repository::discover(root).map_err(fail)?;
    let workdir = repo
        .workdir()
        .ok_or_else(|| {
            fail(git2::Error::from_str(
                "a bare repository has no files to commit",
            ))
        })?
        .to_path_buf();
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let workdir = workdir.canonicalize().unwrap_or(workdir);
    let head = repo.head().ok().and_then(|h| h.peel_to_commit().ok());
    // The tree of HEAD with only these files replaced: not the index, which
    // may hold other staged work.
    let mut tree_index = git2::Index::new().map_err(fail)?;
    if let Some(head) = &head {
        tree_index
            .read_tree(&head.tree().map_err(fail)?)
            .map_err(fail)?;
    }
    let mut index = repo.index().map_err(fail)?;
    for path in paths {
        let absolute = root.join(path);
        let in_repo = absolute
            .strip_prefix(&workdir)
            .map_err(|_| fail(git2::Error::from_str("the file is outside the repository")))?;
        let bytes =
            std::fs::read(&absolute).map_err(|e| fail(git2::Error::from_str(&e.to_string())))?;
        let blob = repo.blob(&bytes).map_err(fail)?;
        let name = super::relative(Path::new(""), in_repo);
        let entry = git2::IndexEntry {
            ctime: git2::IndexTime::new(0, 0),
            mtime: git2::IndexTime::new(0, 0),
            dev: 0,
            ino: 0,
            mode: 0o100_644,
            uid: 0,
            gid: 0,
            file_size: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
            id: blob,
            flags: 0,
            flags_extended: 0,
            path: name.into_bytes(),
        };
        tree_index.add(&entry).map_err(fail)?;
        index.add_path(in_repo).map_err(fail)?;
    }
    let tree_id = tree_index.write_tree_to(&repo).map_err(fail)?;
    let tree = repo.find_tree(tree_id).map_err(fail)?;
    let person = org.person(who);
    let name = person
        .and_then(|p| p.name.as_ref())
        .map_or(who, |n| n.as_str());
    let email = person
        .and_then(|p| p.emails.first())
        .map_or_else(|| format!("{who}@users.baton"), |e| e.as_str().to_string());
    let offset = clock.now.offset().fix().local_minus_utc() / 60;
    let time = Time::new(clock.now.timestamp(), offset);
    let signature = Signature::new(name, &email, &time).map_err(fail)?;
    let parents: Vec<&git2::Commit<'_>> = head.iter().collect();
    let oid = repo
        .commit(
            Some("HEAD"),
            &signature,
            &signature,
            message,
            &tree,
            &parents,
        )
        .map_err(fail)?;
    // The working tree and index now agree with the commit for these files.
    index.write().map_err(fail)?;
    Ok(crate::git::short_id(oid))
}
