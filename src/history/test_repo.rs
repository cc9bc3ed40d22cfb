//! Repositories for the history tests: commit the working tree as is.

use git2::{IndexAddOption, Oid, Repository, Signature};

/// Commits every change of the working tree (additions, edits, deletions)
/// as commit number `n`, one second after the previous one.
pub(crate) fn commit_all(repo: &Repository, n: usize) -> Oid {
    let mut index = repo.index().unwrap();
    index.add_all(["*"], IndexAddOption::DEFAULT, None).unwrap();
    index.update_all(["*"], None).unwrap();
    index.write().unwrap();
    let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
    let when = git2::Time::new(1_700_000_000 + n as i64, 0);
    let who = Signature::new("t", "t@example.com", &when).unwrap();
    let parent = repo.head().ok().and_then(|h| h.peel_to_commit().ok());
    let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
    repo.commit(
        Some("HEAD"),
        &who,
        &who,
        &format!("edit {n}"),
        &tree,
        &parents,
    )
    .unwrap()
}
