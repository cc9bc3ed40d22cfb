//! baton as a hook of the pre-commit framework (<https://pre-commit.com>),
//! run by the real `pre-commit` (PyPI) against this crate's
//! `.pre-commit-hooks.yaml`.
//!
//! The hook is `language: rust`: the first run builds baton with
//! `cargo install --path .` (a release build: minutes on two cores), so the
//! test runs only when asked, with `BATON_TEST_PRE_COMMIT=1` (`pre-commit`
//! on PATH, or its path in `BATON_PRE_COMMIT`). Without the variable it
//! prints a loud SKIPPED line and passes; with it, a missing `pre-commit`
//! fails the test.
//!
//! pre-commit clones hook repositories with git, so the test commits this
//! crate's files (every file git does not ignore, as the working tree has
//! it) into a temporary repository and points a `.pre-commit-config.yaml`
//! at it with `repo:` and `rev:`, exactly as a team does. (`pre-commit
//! try-repo` would build baton again on every call: it installs hooks into
//! a fresh temporary store and ignores `PRE_COMMIT_HOME`.) Then, in
//! temporary git repositories holding a small baton project, at the root
//! and in a subfolder (`args: [plans]`):
//!
//! - `pre-commit run --all-files` passes on the clean project and fails with
//!   baton's message when an item has an unknown field;
//! - `files:` selects baton's files only (`pre-commit run --files PATH`);
//! - through `pre-commit install`, `git commit` is refused with the broken
//!   item staged, and accepted when only the staged content is clean.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Every run is judged at this time (`BATON_NOW`), so deadlines never move.
const NOW: &str = "2026-09-24T10:00:00+08:00";

const BATON_TOML: &str = r#"[project]
name = "pre-commit hook test"
timezone = "Asia/Shanghai"
start = 2026-09-01
locale = "en"
"#;

const ORG_TOML: &str = r#"[[department]]
id = "rnd"
name = "R&D"
head = "chen"

[[person]]
id = "chen"
name = "Chen"
department = "rnd"

[[person]]
id = "li"
name = "Li"
department = "rnd"
manager = "chen"
"#;

const TASK: &str = r#"title = "Write the hook"
owner = "li"
lead = "rnd"
acceptor = "chen"
start = 2026-09-21
due = 2026-10-16
deliverable = "A pre-commit hook"
acceptance = "pre-commit runs baton"
status = "in_progress"
progress = 10

[[update]]
at = 2026-09-23T17:00:00+08:00
by = "li"
progress = 10
done = "Read the pre-commit docs"
next = "Write the test"
"#;

/// The item with a field baton does not know.
fn broken_task() -> String {
    let broken = TASK.replacen(
        "status = \"in_progress\"\n",
        "status = \"in_progress\"\ncolour = \"red\"\n",
        1,
    );
    assert_ne!(broken, TASK);
    broken
}

const UNKNOWN_FIELD: &str = "unknown field `colour`";

/// The temporary directories and the environment of every command.
struct Sandbox {
    dir: tempfile::TempDir,
    pre_commit: PathBuf,
}

impl Sandbox {
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A command isolated from the caller's git and pre-commit settings.
    fn command(&self, program: &Path, cwd: &Path) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(cwd);
        // Set by git while it runs hooks: cargo test may itself run in one.
        for var in [
            "GIT_DIR",
            "GIT_WORK_TREE",
            "GIT_INDEX_FILE",
            "GIT_OBJECT_DIRECTORY",
            "GIT_ALTERNATE_OBJECT_DIRECTORIES",
            "GIT_PREFIX",
            // pre-commit skips the hook ids listed in SKIP.
            "SKIP",
            "PRE_COMMIT_ALLOW_NO_CONFIG",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", self.path("gitconfig"))
            .env("GIT_AUTHOR_NAME", "Li")
            .env("GIT_AUTHOR_EMAIL", "li@example.com")
            .env("GIT_COMMITTER_NAME", "Li")
            .env("GIT_COMMITTER_EMAIL", "li@example.com")
            .env("PRE_COMMIT_HOME", self.path("pre-commit-home"))
            .env("BATON_NOW", NOW)
            .env("NO_COLOR", "1");
        cmd
    }

    fn git(&self, cwd: &Path, args: &[&str]) -> String {
        let out = self
            .command(Path::new("git"), cwd)
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("git is needed for this test: {e}"));
        assert!(
            out.status.success(),
            "git {args:?} in {}: {}",
            cwd.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs `pre-commit ARGS` (or `git ARGS` through the installed hook);
    /// returns the exit code and stdout followed by stderr.
    fn run(&self, program: &Path, cwd: &Path, args: &[&str]) -> (i32, String) {
        let out = self
            .command(program, cwd)
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{}: {e}", program.display()));
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let code = out.status.code().unwrap_or(-1);
        eprintln!(
            "--- {} {} (in {}) exited {code}:\n{}",
            program.display(),
            args.join(" "),
            cwd.file_name().unwrap().to_string_lossy(),
            text.trim_end()
        );
        (code, text)
    }

    fn pre_commit(&self, cwd: &Path, args: &[&str]) -> (i32, String) {
        self.run(&self.pre_commit, cwd, args)
    }
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// `pre-commit` from `BATON_PRE_COMMIT`, else from PATH, if it runs.
fn pre_commit_bin() -> Option<PathBuf> {
    let bin = std::env::var_os("BATON_PRE_COMMIT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("pre-commit"));
    let out = Command::new(&bin).arg("--version").output().ok()?;
    out.status.success().then_some(bin)
}

/// Commits this crate, as its working tree has it, into `to`: what a team's
/// `rev:` points at. Returns the commit.
fn hook_repository(sandbox: &Sandbox, to: &Path) -> String {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Read-only in the crate's checkout: ls-files never writes the index.
    let out = Command::new("git")
        .current_dir(manifest)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .output()
        .unwrap_or_else(|e| panic!("git is needed for this test: {e}"));
    assert!(
        out.status.success(),
        "the test copies the crate's files from its git checkout: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list = String::from_utf8(out.stdout).unwrap();
    let mut copied = 0;
    for name in list.split('\0').filter(|n| !n.is_empty()) {
        let from = manifest.join(name);
        // Deleted in the working tree, or a submodule.
        if !from.is_file() {
            continue;
        }
        let dest = to.join(name);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&from, &dest).unwrap();
        copied += 1;
    }
    for needed in [".pre-commit-hooks.yaml", "Cargo.toml", "Cargo.lock"] {
        assert!(to.join(needed).is_file(), "{needed} was not copied");
    }
    eprintln!("hook repository: {copied} files of {}", manifest.display());
    sandbox.git(to, &["init", "-q"]);
    sandbox.git(to, &["add", "-A"]);
    sandbox.git(to, &["commit", "-q", "-m", "baton"]);
    sandbox.git(to, &["rev-parse", "HEAD"]).trim().to_string()
}

/// A git repository holding the small project at `below` ("" or "plans/"),
/// with a `.pre-commit-config.yaml` using the hook, committed.
fn project(
    sandbox: &Sandbox,
    name: &str,
    below: &str,
    hooks: &Path,
    rev: &str,
    args: &str,
) -> PathBuf {
    let repo = sandbox.path(name);
    write(&repo.join(format!("{below}baton.toml")), BATON_TOML);
    write(&repo.join(format!("{below}org.toml")), ORG_TOML);
    write(&repo.join(format!("{below}tasks/T-1.toml")), TASK);
    write(&repo.join("README.md"), "# A team\n");
    let hooks = hooks.to_str().unwrap().replace('\'', "''");
    write(
        &repo.join(".pre-commit-config.yaml"),
        &format!(
            "repos:\n  - repo: '{hooks}'\n    rev: {rev}\n    hooks:\n      - id: baton\n{args}"
        ),
    );
    sandbox.git(&repo, &["init", "-q"]);
    sandbox.git(&repo, &["add", "-A"]);
    sandbox.git(&repo, &["commit", "-q", "-m", "a baton project"]);
    repo
}

fn assert_passed(code: i32, output: &str) {
    assert_eq!(code, 0, "{output}");
    assert!(output.contains("baton check"), "{output}");
    assert!(output.contains("Passed"), "{output}");
    assert!(!output.contains("Failed"), "{output}");
}

fn assert_failed_on_unknown_field(code: i32, output: &str) {
    assert_eq!(code, 1, "{output}");
    assert!(output.contains("Failed"), "{output}");
    // baton's own exit code and message, passed through by pre-commit.
    assert!(output.contains("exit code: 1"), "{output}");
    assert!(output.contains(UNKNOWN_FIELD), "{output}");
    assert!(output.contains("tasks/T-1.toml"), "{output}");
}

#[test]
fn pre_commit_runs_baton_check() {
    if std::env::var("BATON_TEST_PRE_COMMIT").as_deref() != Ok("1") {
        eprintln!(
            "\n==================================================================\n\
             SKIPPED: pre-commit integration test — the pre-commit hook\n\
             (.pre-commit-hooks.yaml) was NOT run by pre-commit. It builds\n\
             baton in release mode (minutes): set BATON_TEST_PRE_COMMIT=1, with\n\
             pre-commit on PATH (pip install pre-commit) or in BATON_PRE_COMMIT\n\
             ==================================================================\n"
        );
        return;
    }
    let pre_commit = pre_commit_bin().unwrap_or_else(|| {
        panic!(
            "BATON_TEST_PRE_COMMIT=1 but pre-commit does not run: \
             pip install pre-commit, or set BATON_PRE_COMMIT to its path"
        )
    });
    let sandbox = Sandbox {
        dir: tempfile::tempdir().unwrap(),
        pre_commit,
    };
    write(&sandbox.path("gitconfig"), "");
    let (_, version) = sandbox.pre_commit(sandbox.dir.path(), &["--version"]);

    let hooks = sandbox.path("hooks");
    let rev = hook_repository(&sandbox, &hooks);
    let (code, output) =
        sandbox.pre_commit(&hooks, &["validate-manifest", ".pre-commit-hooks.yaml"]);
    assert_eq!(code, 0, "{output}");

    // 1. The baton repository at the root of the git repository.
    let root = project(&sandbox, "root", "", &hooks, &rev, "");
    let (code, output) = sandbox.pre_commit(&root, &["validate-config"]);
    assert_eq!(code, 0, "{output}");
    let started = Instant::now();
    let (code, output) = sandbox.pre_commit(&root, &["run", "--all-files", "--color", "never"]);
    let first_run = started.elapsed();
    assert_passed(code, &output);

    let task = root.join("tasks/T-1.toml");
    write(&task, &broken_task());
    let started = Instant::now();
    let (code, output) = sandbox.pre_commit(&root, &["run", "--all-files", "--color", "never"]);
    let warm_run = started.elapsed();
    assert_failed_on_unknown_field(code, &output);

    // `files:` decides whether baton runs: it fails on each of its files
    // (the project is broken) and is skipped on the others.
    write(&root.join("Cargo.toml"), "[package]\n");
    for (path, runs) in [
        ("baton.toml", true),
        ("org.toml", true),
        ("tasks/T-1.toml", true),
        ("README.md", false),
        ("Cargo.toml", false),
        (".pre-commit-config.yaml", false),
    ] {
        let (code, output) =
            sandbox.pre_commit(&root, &["run", "--color", "never", "--files", path]);
        if runs {
            assert_failed_on_unknown_field(code, &output);
        } else {
            assert_eq!(code, 0, "{path}: {output}");
            assert!(output.contains("Skipped"), "{path}: {output}");
        }
    }
    std::fs::remove_file(root.join("Cargo.toml")).unwrap();

    // 2. `git commit` through the installed hook checks what is staged.
    let (code, output) = sandbox.pre_commit(&root, &["install"]);
    assert_eq!(code, 0, "{output}");
    let git = Path::new("git");
    let head = sandbox.git(&root, &["rev-parse", "HEAD"]);
    sandbox.git(&root, &["add", "tasks/T-1.toml"]);
    let (code, output) = sandbox.run(git, &root, &["commit", "-m", "a colour"]);
    assert_ne!(code, 0, "{output}");
    assert!(output.contains(UNKNOWN_FIELD), "{output}");
    assert_eq!(sandbox.git(&root, &["rev-parse", "HEAD"]), head);
    // Stage a good change, keep the broken edit unstaged: pre-commit sets
    // it aside while baton runs, and puts it back.
    let retitled = TASK.replacen("Write the hook", "Write the pre-commit hook", 1);
    write(&task, &retitled);
    sandbox.git(&root, &["add", "tasks/T-1.toml"]);
    let unstaged = broken_task().replacen("Write the hook", "Write the pre-commit hook", 1);
    write(&task, &unstaged);
    let (code, output) = sandbox.run(git, &root, &["commit", "-m", "retitle"]);
    assert_eq!(code, 0, "{output}");
    assert!(output.contains("Passed"), "{output}");
    assert_ne!(sandbox.git(&root, &["rev-parse", "HEAD"]), head);
    assert_eq!(
        sandbox.git(&root, &["show", "HEAD:tasks/T-1.toml"]),
        retitled
    );
    assert_eq!(std::fs::read_to_string(&task).unwrap(), unstaged);

    // 3. The baton repository in a subfolder: `args: [plans]`.
    let mono = project(
        &sandbox,
        "monorepo",
        "plans/",
        &hooks,
        &rev,
        "        args: [plans]\n",
    );
    let (code, output) = sandbox.pre_commit(&mono, &["run", "--all-files", "--color", "never"]);
    assert_passed(code, &output);
    write(&mono.join("plans/tasks/T-1.toml"), &broken_task());
    let (code, output) = sandbox.pre_commit(&mono, &["run", "--all-files", "--color", "never"]);
    assert_failed_on_unknown_field(code, &output);

    let kinds = [
        "plans/baton.toml",
        "plans/org.toml",
        "plans/tasks/T-1.toml",
        "plans/tasks/q4/T-2.toml",
        "plans/calendars/team.toml",
        "plans/requests/REQ-1.toml",
        "plans/meetings/MTG-1.toml",
        "plans/changes/CR-1.toml",
        "plans/complaints/CMP-1.toml",
        "plans/agreements/AGR-1.toml",
        "plans/comms/COM-1.toml",
    ];
    let others = [
        "README.md",
        "plans/README.md",
        "plans/tasks/README.md",
        "plans/notes/T-3.toml",
        "plans/mytasks/T-4.toml",
        "services/api/Cargo.toml",
    ];
    for path in kinds.iter().chain(&others) {
        let file = mono.join(path);
        if !file.exists() {
            write(&file, "title = \"only here to be named\"\n");
        }
    }
    for path in kinds {
        let (code, output) =
            sandbox.pre_commit(&mono, &["run", "--color", "never", "--files", path]);
        // The files written above are not items either: baton ran on all.
        assert_ne!(code, 0, "{path}: {output}");
        assert!(output.contains("Failed"), "{path}: {output}");
        assert!(output.contains(UNKNOWN_FIELD), "{path}: {output}");
    }
    for path in others {
        let (code, output) =
            sandbox.pre_commit(&mono, &["run", "--color", "never", "--files", path]);
        assert_eq!(code, 0, "{path}: {output}");
        assert!(output.contains("Skipped"), "{path}: {output}");
    }

    eprintln!(
        "pre-commit: {}; first run (cargo install of baton, then the check) {:.1} s, \
         a later run {:.2} s",
        version.trim(),
        first_run.as_secs_f64(),
        warm_run.as_secs_f64()
    );
}
