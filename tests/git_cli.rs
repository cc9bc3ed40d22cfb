//! End to end with the real `git` binary: a history of example-project/
//! committed in steps, then `baton check --base HEAD~3 --head HEAD`.

mod support;

use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str], who: (&str, &str), when: &str) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", who.0)
        .env("GIT_AUTHOR_EMAIL", who.1)
        .env("GIT_COMMITTER_NAME", who.0)
        .env("GIT_COMMITTER_EMAIL", who.1)
        .env("GIT_AUTHOR_DATE", when)
        .env("GIT_COMMITTER_DATE", when)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .status()
        .unwrap_or_else(|e| panic!("git is needed for this test: {e}"));
    assert!(status.success(), "git {args:?}");
}

fn copy_tree(from: &Path, to: &Path) {
    support::copy_tree(from, to, &["broken"]);
}

fn replace(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_pull_request_on_the_example_project_is_classified() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("example-project"),
        repo,
    );
    let admin = ("徐婷", "xu.ting@example.com");
    git(
        repo,
        &["init", "-q", "-b", "main"],
        admin,
        "2026-09-14T09:00:00+08:00",
    );
    // The base: the example, with a task already late and a typo in an acceptor.
    replace(
        &repo.join("tasks/mkt/T-601.toml"),
        "due = 2026-10-10",
        "due = 2026-09-22",
    );
    replace(
        &repo.join("tasks/ops/T-302.toml"),
        "acceptor = \"zhang.jingli\"",
        "acceptor = \"zhang.jinli\"",
    );
    git(repo, &["add", "-A"], admin, "2026-09-14T09:00:00+08:00");
    git(
        repo,
        &["commit", "-q", "-m", "adopt baton"],
        admin,
        "2026-09-14T09:00:00+08:00",
    );
    // 1. The owner reports progress: nothing to say.
    replace(
        &repo.join("tasks/mkt/T-601.toml"),
        "progress = 40",
        "progress = 70",
    );
    git(
        repo,
        &["commit", "-q", "-am", "T-601 progress"],
        ("赵六", "zhao.liu@example.com"),
        "2026-09-23T16:00:00+08:00",
    );
    // 2. The admin fixes the acceptor typo.
    replace(
        &repo.join("tasks/ops/T-302.toml"),
        "acceptor = \"zhang.jinli\"",
        "acceptor = \"zhang.jingli\"",
    );
    git(
        repo,
        &["commit", "-q", "-am", "fix acceptor"],
        admin,
        "2026-09-23T17:00:00+08:00",
    );
    // 3. Someone who does not own T-302 starts it, with a vague deliverable.
    replace(
        &repo.join("tasks/ops/T-302.toml"),
        "status = \"todo\"",
        "status = \"in_progress\"",
    );
    replace(
        &repo.join("tasks/ops/T-302.toml"),
        "deliverable = \"",
        "deliverable = \"尽快提供",
    );
    git(
        repo,
        &["commit", "-q", "-am", "start T-302"],
        ("赵六", "zhao.liu@example.com"),
        "2026-09-24T09:00:00+08:00",
    );

    let output = Command::new(env!("CARGO_BIN_EXE_baton"))
        .current_dir(repo)
        .args([
            "check",
            "--base",
            "HEAD~3",
            "--head",
            "HEAD",
            "--now",
            "2026-09-24T10:00:00+08:00",
            "--lang",
            "en",
        ])
        .env("NO_COLOR", "1")
        .env_remove("BATON_NOW")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    insta::with_settings!({ filters => vec![(r"\b[0-9a-f]{12}\b", "[sha]")] }, {
        insta::assert_snapshot!("example_pull_request", stdout);
    });
    assert!(
        stdout.contains("── new: 4 ──")
            && stdout.contains("── fixed: 1 ──")
            && stdout.contains("── existing: 3 ──"),
        "{stdout}"
    );
    // The same pull request as its comment: docs/pr-comment-example.md is
    // this output, kept current by this test (BATON_UPDATE_DOCS=1 rewrites it).
    let output = Command::new(env!("CARGO_BIN_EXE_baton"))
        .current_dir(repo)
        .args([
            "check",
            "--base",
            "HEAD~3",
            "--head",
            "HEAD",
            "--now",
            "2026-09-24T10:00:00+08:00",
            "--format",
            "markdown",
        ])
        .env("GITHUB_REPOSITORY", "acme/launch-plan")
        .env("GITHUB_SERVER_URL", "https://github.com")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("BATON_NOW")
        .output()
        .unwrap();
    let comment = String::from_utf8(output.stdout).unwrap();
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/pr-comment-example.md");
    let page = format!(
        "# A pull-request comment\n\nWhat `baton comment` posts for the pull request of `tests/git_cli.rs`\n(example-project/, three commits; commit ids shown as `[sha]`). The\ncomment itself follows the line.\n\n---\n\n{}",
        without_commit_ids(&comment)
    );
    if std::env::var_os("BATON_UPDATE_DOCS").is_some() {
        std::fs::write(&docs, &page).unwrap();
    }
    let committed = std::fs::read_to_string(&docs).unwrap_or_default();
    assert!(
        committed == page,
        "docs/pr-comment-example.md is stale: run BATON_UPDATE_DOCS=1 cargo test --test git_cli"
    );
}

/// Replaces 40- and 12-digit hex commit ids by `[sha]`.
fn without_commit_ids(text: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() == 40 || run.len() == 12 {
            out.push_str("[sha]");
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() || ('a'..='f').contains(&c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}
