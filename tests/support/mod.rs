//! Test repositories built commit by commit with controlled authors and times.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use git2::{Oid, Repository, Signature, Time};

pub mod github;

/// A git repository in a temporary folder.
pub struct TestRepo {
    pub dir: tempfile::TempDir,
    pub repo: Repository,
}

/// A commit author: (name, email).
pub type Who<'a> = (&'a str, &'a str);

pub const ADMIN: Who = ("徐婷", "xu.ting@example.com");
pub const LI: Who = ("李工", "li.gong@example.com");
pub const CHEN: Who = ("陈总", "chen.zong@example.com");
pub const ZHAO: Who = ("赵六", "zhao.liu@example.com");
pub const ZHANG: Who = ("张经理", "zhang.jingli@example.com");
pub const HE: Who = ("何佳", "he.jia@example.com");
pub const STRANGER: Who = ("Stranger", "someone@elsewhere.com");

/// li.gong (rnd) reports to chen.zong (head of rnd); zhao.liu is in
/// marketing under zhang.jingli; xu.ting is an admin; he.jia a viewer.
pub const ORG: &str = r#"
[[department]]
id = "rnd"
head = "chen.zong"

[[department]]
id = "mkt"
head = "zhang.jingli"

[[person]]
id = "li.gong"
department = "rnd"
manager = "chen.zong"
emails = ["li.gong@example.com"]
github = "ligong"

[[person]]
id = "chen.zong"
department = "rnd"
emails = ["chen.zong@example.com"]

[[person]]
id = "zhao.liu"
department = "mkt"
manager = "zhang.jingli"
emails = ["zhao.liu@example.com"]
github = "zhaoliu"

[[person]]
id = "zhang.jingli"
department = "mkt"
emails = ["zhang.jingli@example.com"]

[[person]]
id = "xu.ting"
department = "mkt"
emails = ["xu.ting@example.com"]
role = "admin"

[[person]]
id = "he.jia"
department = "mkt"
emails = ["he.jia@example.com"]
role = "viewer"
"#;

pub const BATON: &str = "[project]\ntimezone = \"Asia/Shanghai\"\ncalendar = \"cn\"\n";

impl TestRepo {
    pub fn new() -> TestRepo {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        repo.set_head("refs/heads/main").unwrap();
        TestRepo { dir, repo }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, path: &str, text: &str) -> &Self {
        let full = self.dir.path().join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(full, text).unwrap();
        self
    }

    pub fn remove(&self, path: &str) -> &Self {
        fs::remove_file(self.dir.path().join(path)).unwrap();
        self
    }

    pub fn rename(&self, from: &str, to: &str) -> &Self {
        let to_path = self.dir.path().join(to);
        fs::create_dir_all(to_path.parent().unwrap()).unwrap();
        fs::rename(self.dir.path().join(from), to_path).unwrap();
        self
    }

    /// Replaces the first line starting with `prefix` in `path` with `line`.
    pub fn edit(&self, path: &str, prefix: &str, line: &str) -> &Self {
        let full = self.dir.path().join(path);
        let text = fs::read_to_string(&full).unwrap();
        let mut done = false;
        let edited: Vec<String> = text
            .lines()
            .map(|l| {
                if !done && l.starts_with(prefix) {
                    done = true;
                    line.to_string()
                } else {
                    l.to_string()
                }
            })
            .collect();
        assert!(done, "{prefix} not in {path}");
        fs::write(full, edited.join("\n") + "\n").unwrap();
        self
    }

    fn signature(who: Who, when: &str) -> Signature<'static> {
        let t = chrono::DateTime::parse_from_rfc3339(when).unwrap();
        Signature::new(
            who.0,
            who.1,
            &Time::new(t.timestamp(), t.offset().local_minus_utc() / 60),
        )
        .unwrap()
    }

    /// Commits the working tree as it is, on top of `parents` (default: HEAD),
    /// authored and committed by `who` at `when`; moves HEAD (main) there.
    pub fn commit_with(&self, who: Who, when: &str, parents: &[Oid]) -> Oid {
        let mut index = self.repo.index().unwrap();
        index
            .add_all(["*"], git2::IndexAddOption::DEFAULT, None)
            .unwrap();
        index.update_all(["*"], None).unwrap();
        index.write().unwrap();
        let tree = self.repo.find_tree(index.write_tree().unwrap()).unwrap();
        let signature = Self::signature(who, when);
        let parents: Vec<git2::Commit<'_>> = parents
            .iter()
            .map(|p| self.repo.find_commit(*p).unwrap())
            .collect();
        let parent_refs: Vec<&git2::Commit<'_>> = parents.iter().collect();
        let oid = self
            .repo
            .commit(
                None,
                &signature,
                &signature,
                &format!("commit at {when}"),
                &tree,
                &parent_refs,
            )
            .unwrap();
        self.repo
            .reference("refs/heads/main", oid, true, "test")
            .unwrap();
        oid
    }

    pub fn commit(&self, who: Who, when: &str) -> Oid {
        let parents: Vec<Oid> = self
            .repo
            .head()
            .ok()
            .and_then(|h| h.target())
            .into_iter()
            .collect();
        self.commit_with(who, when, &parents)
    }

    /// Resets the working tree and index to `oid` (to build a side branch).
    pub fn checkout(&self, oid: Oid) {
        let commit = self.repo.find_commit(oid).unwrap();
        let mut checkout = git2::build::CheckoutBuilder::new();
        checkout.force().remove_untracked(true);
        self.repo
            .checkout_tree(commit.as_object(), Some(&mut checkout))
            .unwrap();
        self.repo
            .reference("refs/heads/main", oid, true, "test")
            .unwrap();
    }
}

pub fn baton_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_baton"))
}

/// Copies the folder `from` into `to`, leaving out the entries directly
/// below `from` named in `skip` (`example-project`'s `broken` twin).
pub fn copy_tree(from: &Path, to: &Path, skip: &[&str]) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry.path().strip_prefix(from).unwrap();
        if skip.iter().any(|s| rel.starts_with(s)) {
            continue;
        }
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Runs the baton binary with `args` (no `BATON_NOW`, no job summary, no
/// colours): exit code, stdout, stderr.
pub fn run_baton(args: &[&str]) -> (i32, String, String) {
    let output = std::process::Command::new(baton_bin())
        .args(args)
        .env_remove("BATON_NOW")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
