//! The parse cache end to end: `baton check` on a copy of example-project/
//! inside a git repository, run after run.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use assert_cmd::Command;

const NOW: &str = "2026-09-24T10:00:00+08:00";

/// A copy of example-project/ (without its broken/ folder) in a new git
/// repository, every file last modified an hour ago: old enough to cache.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("example-project");
    let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for entry in walkdir::WalkDir::new(&from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry.path().strip_prefix(&from).unwrap();
        if rel.starts_with("broken") {
            continue;
        }
        let target = dir.path().join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
            let file = std::fs::File::options().write(true).open(&target).unwrap();
            file.set_modified(an_hour_ago).unwrap();
        }
    }
    git2::Repository::init(dir.path()).unwrap();
    dir
}

fn check(dir: &Path, extra: &[&str]) -> (String, i32) {
    let output = Command::cargo_bin("baton")
        .unwrap()
        .args(["check", "--now", NOW, "--format", "json", "--quiet"])
        .args(extra)
        .arg(dir)
        .env_remove("BATON_NOW")
        .env_remove("BATON_NO_CACHE")
        .env_remove("BATON_CACHE_DIR")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    (stdout, output.status.code().unwrap_or(-1))
}

fn cache_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir.join(".git/baton")) else {
        return Vec::new();
    };
    entries.filter_map(Result::ok).map(|e| e.path()).collect()
}

#[test]
fn a_warm_run_reports_exactly_what_a_cold_one_does_and_sees_every_edit() {
    let dir = project();
    let cold = check(dir.path(), &["--no-cache"]);
    assert!(
        cache_files(dir.path()).is_empty(),
        "--no-cache wrote a cache"
    );
    assert_eq!(cold.1, 1, "{}", cold.0);
    assert!(cold.0.contains("\"D001\""), "{}", cold.0);

    let filling = check(dir.path(), &[]);
    let stored = cache_files(dir.path());
    assert_eq!(
        stored.len(),
        1,
        "one cache for the working tree: {stored:?}"
    );
    let written = std::fs::metadata(&stored[0]).unwrap().modified().unwrap();
    let warm = check(dir.path(), &[]);
    assert_eq!(filling, cold);
    assert_eq!(warm, cold);
    // Nothing new was parsed: the cache was not written again.
    let rewritten = std::fs::metadata(&stored[0]).unwrap().modified().unwrap();
    assert_eq!(written, rewritten);

    // An edit is seen at once: a broken task becomes S001 …
    let task = dir.path().join("tasks/rnd/T-200.toml");
    let text = std::fs::read_to_string(&task).unwrap();
    std::fs::write(&task, format!("{text}\nstatus = = \"x\"\n")).unwrap();
    let broken = check(dir.path(), &[]);
    assert_eq!(broken.1, 1, "{}", broken.0);
    assert!(broken.0.contains("\"S001\""), "{}", broken.0);
    assert!(broken.0.contains("T-200.toml"), "{}", broken.0);
    // … and the repaired file is back to what a cold run says.
    std::fs::write(&task, &text).unwrap();
    assert_eq!(check(dir.path(), &[]), cold);
    assert_eq!(check(dir.path(), &["--no-cache"]), cold);
}

#[test]
fn a_revision_reads_its_items_from_the_blob_cache_with_the_same_result() {
    let dir = project();
    let repo = git2::Repository::open(dir.path()).unwrap();
    let mut index = repo.index().unwrap();
    index
        .add_all(["*"], git2::IndexAddOption::DEFAULT, None)
        .unwrap();
    index.write().unwrap();
    let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
    let who =
        git2::Signature::new("t", "t@example.com", &git2::Time::new(1_780_000_000, 480)).unwrap();
    repo.commit(Some("HEAD"), &who, &who, "example", &tree, &[])
        .unwrap();

    let cold = check(dir.path(), &["--rev", "HEAD", "--no-cache"]);
    assert!(cold.0.contains("\"D001\""), "{}", cold.0);
    assert_eq!(check(dir.path(), &["--rev", "HEAD"]), cold);
    assert!(dir.path().join(".git/baton/blobs").is_file());
    // The history's evidence is stored too, and read back to the same result.
    let stored = std::fs::read_dir(dir.path().join(".git/baton/evidence")).unwrap();
    assert_eq!(stored.count(), 1);
    assert_eq!(check(dir.path(), &["--rev", "HEAD"]), cold);
    // The working tree's check shares it (HEAD's history).
    assert_eq!(
        check(dir.path(), &[]).0.contains("\"D001\""),
        cold.0.contains("\"D001\"")
    );
}
