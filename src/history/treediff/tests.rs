//! The tree diff must say exactly what libgit2's diff says (the walk used
//! libgit2's before), over a history of random edits in and around the
//! baton folders.

use std::path::Path;

use git2::{Oid, Repository};

use super::*;
use crate::history::diff_trees;
use crate::history::test_repo::commit_all;

/// A small deterministic generator (xorshift), so a failure replays.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Paths the edits pick from: baton files at several depths, and files
/// baton must not report (other folders, hidden folders, other
/// extensions), under the repository root and under `sub/`.
const PATHS: &[&str] = &[
    "baton.toml",
    "org.toml",
    "README.md",
    "calendars/company.toml",
    "tasks/T-1.toml",
    "tasks/T-2.toml",
    "tasks/a/T-3.toml",
    "tasks/a/b/T-4.toml",
    "tasks/a-b/T-5.toml",
    "tasks/a.b/T-6.toml",
    "tasks/.hidden/T-7.toml",
    "tasks/notes.md",
    "requests/REQ-1.toml",
    "meetings/2026/M-1.toml",
    "src/tasks/T-8.toml",
    "sub/baton.toml",
    "sub/tasks/T-9.toml",
    "sub/tasks/x/T-10.toml",
    "sub/meetings/M-2.toml",
    "sub/other/T-11.toml",
];

/// One random edit of the working tree.
fn edit(dir: &Path, rng: &mut Rng, n: usize) {
    let path = dir.join(PATHS[rng.below(PATHS.len())]);
    match rng.below(10) {
        0..=4 => {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, format!("title = \"edit {n}\"\n")).unwrap();
        }
        5 | 6 => {
            let _ = std::fs::remove_file(&path);
        }
        7 => {
            // A whole folder goes.
            if let Some(parent) = path.parent().filter(|p| *p != dir) {
                let _ = std::fs::remove_dir_all(parent);
            }
        }
        8 if path.exists() => {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            let flipped = std::fs::Permissions::from_mode(mode ^ 0o111);
            std::fs::set_permissions(&path, flipped).unwrap();
        }
        _ => {
            // The same content under another name: an exact rename.
            let to = dir.join(PATHS[rng.below(PATHS.len())]);
            if path.is_file() && !to.exists() {
                std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                std::fs::rename(&path, &to).unwrap();
            }
        }
    }
}

fn libgit2_diff(repo: &Repository, old: Option<Oid>, new: Oid, root: &str) -> Vec<PathChange> {
    let old = old.map(|o| repo.find_commit(o).unwrap().tree().unwrap());
    let new = repo.find_commit(new).unwrap().tree().unwrap();
    diff_trees(repo, old.as_ref(), Some(&new), root).unwrap()
}

#[test]
fn agrees_with_libgit2_over_a_random_history() {
    let dir = tempfile::tempdir().unwrap();
    let repo = Repository::init(dir.path()).unwrap();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut commits = Vec::new();
    for n in 0..300 {
        for _ in 0..=rng.below(3) {
            edit(dir.path(), &mut rng, n);
        }
        commits.push(commit_all(&repo, n));
    }
    let (mut compared, mut left_to_libgit2) = (0, 0);
    for root in ["", "sub", "tasks/a"] {
        let mut differ = TreeDiffer::new(&repo).unwrap();
        let mut parent: Option<Oid> = None;
        for &commit in &commits {
            let tree = |c: Oid| repo.find_commit(c).unwrap().tree_id();
            let ours = differ
                .diff(parent.map(tree), Some(tree(commit)), root)
                .unwrap();
            let theirs = libgit2_diff(&repo, parent, commit, root);
            match ours {
                Some(ours) => {
                    assert_eq!(ours, theirs, "commit {commit} below {root:?}");
                    compared += 1;
                }
                None => {
                    // libgit2 pairs renames here; without its pairing the
                    // change has both an addition and a deletion.
                    let pairs = theirs.iter().filter(|c| c.old.is_some() && c.new.is_some());
                    assert!(
                        theirs.iter().any(|c| c.old.is_none() || c.new.is_none())
                            || pairs.clone().any(|c| c.old.as_ref().map(|b| &b.path)
                                != c.new.as_ref().map(|b| &b.path)),
                        "commit {commit} below {root:?}: {theirs:?}"
                    );
                    left_to_libgit2 += 1;
                }
            }
            parent = Some(commit);
        }
    }
    // Both paths were exercised, the fast one most.
    assert!(compared > 500, "{compared} compared");
    assert!(left_to_libgit2 > 5, "{left_to_libgit2} left to libgit2");
}

#[test]
fn git_order_puts_folders_after_their_dotted_and_dashed_siblings() {
    // git sorts `a-b` < `a.b` < `a` (folder, as `a/`) < `a0`.
    assert_eq!(git_order(b"a-b", false, b"a", true), Ordering::Less);
    assert_eq!(git_order(b"a.b", false, b"a", true), Ordering::Less);
    assert_eq!(git_order(b"a", true, b"a0", false), Ordering::Less);
    assert_eq!(git_order(b"a", false, b"a-b", false), Ordering::Less);
    assert_eq!(git_order(b"a", true, b"a", true), Ordering::Equal);
    assert_ne!(git_order(b"a", true, b"a", false), Ordering::Equal);
}

#[test]
fn malformed_trees_are_errors_not_panics() {
    for data in [
        &b"100644 name"[..],
        b"100644 name\0short",
        b"10x644 name\0aaaaaaaaaaaaaaaaaaaa",
        b" name\0aaaaaaaaaaaaaaaaaaaa",
        b"12345678 name\0aaaaaaaaaaaaaaaaaaaa",
    ] {
        assert!(RawTree::parse(data.to_vec()).is_none(), "{data:?}");
    }
    let tree = RawTree::parse(b"100644 a.toml\0aaaaaaaaaaaaaaaaaaaa".to_vec()).unwrap();
    assert_eq!(tree.entries.len(), 1);
    assert_eq!(tree.name(&tree.entries[0]), b"a.toml");
    assert_eq!(tree.entries[0].mode, 0o100644);
}

#[test]
fn only_kind_folders_are_entered() {
    assert!(may_hold_items(""));
    assert!(may_hold_items("tasks"));
    assert!(may_hold_items("tasks/2026/q4"));
    assert!(!may_hold_items("src"));
    assert!(!may_hold_items("tasks/.git"));
    assert!(!may_hold_items("docs/tasks"));
}
