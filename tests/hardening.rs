//! What SECURITY.md promises, held against an attacker's inputs: git
//! objects far over the file limit, symbolic links swapped in while baton
//! reads, tampered caches, closed pipes and full disks. Each test runs the
//! release-shaped binary and measures what an attack would cost.

mod support;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use git2::{Oid, Repository};
use support::*;

const NOW: &str = "2026-07-08T10:00:00+08:00";

/// What a run of baton did and what it cost.
struct Measured {
    code: i32,
    stdout: String,
    stderr: String,
    /// Peak resident memory in KiB.
    peak_kib: i64,
}

/// Runs baton in `cwd` with `args` and measures its peak memory (wait4's
/// rusage of that one child); killed after a minute.
// The child is reaped by wait4 below, which `Child::wait` cannot replace:
// only wait4 returns the child's own peak memory.
#[allow(clippy::zombie_processes)]
fn measured(cwd: &Path, args: &[&str]) -> Measured {
    let mut child = Command::new(baton_bin())
        .current_dir(cwd)
        .args(args)
        .env_remove("BATON_NOW")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env("NO_COLOR", "1")
        .env("BATON_NO_CACHE", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        out.read_to_end(&mut s).ok();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        err.read_to_end(&mut s).ok();
        s
    });
    let pid = child.id() as libc::pid_t;
    let (done, watch) = std::sync::mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        if watch.recv_timeout(Duration::from_secs(60)).is_err() {
            // SAFETY: kill(2) on the child's pid, which is not yet reaped
            // (wait4 below has not returned).
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
    });
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: wait4 on our own child with valid pointers; it reaps the
    // child, which `Child` never waits for again.
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(reaped, pid, "wait4 failed");
    let _ = done.send(());
    watchdog.join().unwrap();
    let stderr = String::from_utf8_lossy(&err.join().unwrap()).into_owned();
    assert!(
        libc::WIFEXITED(status),
        "baton {args:?} did not exit (killed after a minute?): {stderr}"
    );
    let run = Measured {
        code: libc::WEXITSTATUS(status),
        stdout: String::from_utf8_lossy(&out.join().unwrap()).into_owned(),
        stderr,
        peak_kib: usage.ru_maxrss,
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

/// A tree with `files` (path, blob, mode) added to `base`'s tree.
fn tree_with(repo: &Repository, base: Oid, files: &[(&str, Oid, i32)]) -> Oid {
    let mut index = git2::Index::new().unwrap();
    let base_tree = repo.find_commit(base).unwrap().tree().unwrap();
    index.read_tree(&base_tree).unwrap();
    for (path, blob, mode) in files {
        let entry = git2::IndexEntry {
            ctime: git2::IndexTime::new(0, 0),
            mtime: git2::IndexTime::new(0, 0),
            dev: 0,
            ino: 0,
            mode: *mode as u32,
            uid: 0,
            gid: 0,
            file_size: 0,
            id: *blob,
            flags: path.len().min(0xfff) as u16,
            flags_extended: 0,
            path: path.as_bytes().to_vec(),
        };
        index.add(&entry).unwrap();
    }
    index.write_tree_to(repo).unwrap()
}

/// A blob of `prefix` and then `size` bytes of `a`, written in chunks: a
/// child's peak memory counts this process's peak at the time it started,
/// so the test never holds the blob itself.
fn streamed_blob(repo: &Repository, prefix: &[u8], size: usize) -> Oid {
    use std::io::Write;
    let mut writer = repo.blob_writer(None).unwrap();
    writer.write_all(prefix).unwrap();
    let chunk = vec![b'a'; 64 * 1024];
    for _ in 0..size / chunk.len() {
        writer.write_all(&chunk).unwrap();
    }
    writer.commit().unwrap()
}

/// A commit of `tree` on `parent` by the admin.
fn commit_tree(repo: &Repository, parent: Oid, tree: Oid) -> Oid {
    let signature =
        git2::Signature::new(ADMIN.0, ADMIN.1, &git2::Time::new(1_782_000_000, 480)).unwrap();
    let tree = repo.find_tree(tree).unwrap();
    let parent = repo.find_commit(parent).unwrap();
    repo.commit(
        None,
        &signature,
        &signature,
        "huge objects",
        &tree,
        &[&parent],
    )
    .unwrap()
}

/// The most memory a check of a small repository may take whatever its
/// objects hold: a small multiple of the 1 MiB file limit over baton's
/// own footprint.
const PEAK_LIMIT_KIB: i64 = 64 * 1024;

#[test]
fn git_objects_over_the_limit_are_never_inflated() {
    let repo = TestRepo::new();
    repo.write("baton.toml", BATON)
        .write("org.toml", ORG)
        .write(
            "tasks/T-1.toml",
            "title = \"a\"\nowner = \"li.gong\"\ndue = 2026-07-20\n",
        );
    let base = repo.commit(ADMIN, "2026-06-29T10:00:00+08:00");
    // 50 MB each, a few dozen kilobytes in git: a symbolic link whose
    // "target" is the whole blob, and a regular file.
    let link = streamed_blob(&repo.repo, b"", 50 << 20);
    let file = streamed_blob(&repo.repo, b"title = \"", 50 << 20);
    let tree = tree_with(
        &repo.repo,
        base,
        &[
            ("tasks/T-link.toml", link, 0o120000),
            ("tasks/T-big.toml", file, 0o100644),
        ],
    );
    let head = commit_tree(&repo.repo, base, tree);
    let (base, head) = (base.to_string(), head.to_string());
    let path = repo.path().display().to_string();

    let pr = measured(
        repo.path(),
        &[
            "check", &path, "--base", &base, "--head", &head, "--now", NOW, "--format", "json",
        ],
    );
    assert!(pr.code <= 1, "{}", pr.stderr);
    assert!(
        pr.stdout.len() < 64 * 1024,
        "a {}-byte report",
        pr.stdout.len()
    );
    assert!(pr.stdout.contains("tasks/T-link.toml"), "{}", pr.stdout);
    assert!(pr.stdout.contains("tasks/T-big.toml"), "{}", pr.stdout);
    assert!(
        !pr.stdout.contains("aaaaaaaaaaaaaaaa"),
        "a target was quoted"
    );
    assert!(
        pr.peak_kib < PEAK_LIMIT_KIB,
        "pull-request check peaked at {} MiB",
        pr.peak_kib / 1024
    );

    // The same objects in history: a check of the revision, its log.
    let rev = measured(
        repo.path(),
        &[
            "check", &path, "--rev", &head, "--now", NOW, "--format", "json",
        ],
    );
    assert!(rev.code <= 1, "{}", rev.stderr);
    assert!(
        rev.peak_kib < PEAK_LIMIT_KIB,
        "--rev peaked at {} MiB",
        rev.peak_kib / 1024
    );
    repo.repo
        .reference("refs/heads/main", head.parse().unwrap(), true, "test")
        .unwrap();
    let log = measured(repo.path(), &["log", "T-big", &path]);
    assert!(log.code <= 2, "{}", log.stderr);
    assert!(
        log.peak_kib < PEAK_LIMIT_KIB,
        "log peaked at {} MiB",
        log.peak_kib / 1024
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_swapped_in_while_baton_reads_is_never_followed() {
    use std::os::unix::fs::symlink;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.toml");
    std::fs::write(&secret, "title = \"x\"\nowner = \"TOP-SECRET\"\n").unwrap();
    let repo = tempfile::tempdir().unwrap();
    let root = repo.path().to_path_buf();
    std::fs::write(root.join("baton.toml"), BATON).unwrap();
    std::fs::write(root.join("org.toml"), ORG).unwrap();
    std::fs::create_dir_all(root.join("tasks")).unwrap();
    let target = root.join("tasks/T-9.toml");
    std::fs::write(&target, "title = \"a\"\nowner = \"li.gong\"\n").unwrap();

    // Swap T-9.toml between a regular file and a link to the secret, each
    // swap one atomic rename, as fast as the machine allows.
    let stop = Arc::new(AtomicBool::new(false));
    let swapper = {
        let (stop, root, secret) = (stop.clone(), root.clone(), secret.clone());
        std::thread::spawn(move || {
            let (link, file) = (root.join("tasks/.link"), root.join("tasks/.file"));
            let target = root.join("tasks/T-9.toml");
            while !stop.load(Ordering::Relaxed) {
                let _ = std::fs::remove_file(&link);
                if symlink(&secret, &link).is_ok() {
                    let _ = std::fs::rename(&link, &target);
                }
                if std::fs::write(&file, "title = \"a\"\nowner = \"li.gong\"\n").is_ok() {
                    let _ = std::fs::rename(&file, &target);
                }
            }
        })
    };
    let path = root.display().to_string();
    let mut leaks = 0;
    let mut links_seen = 0;
    for _ in 0..150 {
        let output = Command::new(baton_bin())
            .args(["check", &path, "--now", NOW, "--no-cache", "--no-history"])
            .args(["--format", "json"])
            .env_remove("BATON_NOW")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        leaks += usize::from(stdout.contains("TOP-SECRET"));
        links_seen += usize::from(stdout.contains("symbolic link"));
    }
    stop.store(true, Ordering::Relaxed);
    swapper.join().unwrap();
    assert_eq!(leaks, 0, "the secret leaked in {leaks} of 150 runs");
    // The race was real: some runs met the link (and reported it).
    assert!(links_seen > 0, "the swap never raced a read");
}

/// Every command that prints, on the missed-once fixture (and `log` on a
/// repository with history).
fn printing_commands(fixture: &str, repo: &str) -> Vec<Vec<String>> {
    let now = "2026-11-20T10:00:00+08:00";
    let on = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    vec![
        on(&["explain"]),
        on(&["explain", "W007"]),
        on(&["schema"]),
        on(&["check", fixture, "--now", now, "--no-history"]),
        on(&[
            "check",
            fixture,
            "--now",
            now,
            "--format",
            "json",
            "--no-history",
        ]),
        on(&["plan", fixture, "--now", now]),
        on(&["audit", fixture, "--now", now, "--no-history"]),
        on(&["graph", fixture, "--now", now]),
        on(&["ics", fixture, "--now", now]),
        on(&["report", "weekly", fixture, "--now", now, "--no-history"]),
        on(&["log", "T-1", repo]),
    ]
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error_and_a_closed_pipe_ends_quietly() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/missed-once");
    let repo = TestRepo::new();
    repo.write("baton.toml", BATON)
        .write("org.toml", ORG)
        .write("tasks/T-1.toml", "title = \"a\"\nowner = \"li.gong\"\n");
    repo.commit(ADMIN, "2026-06-29T10:00:00+08:00");
    let fixture = fixture.display().to_string();
    let repo_path = repo.path().display().to_string();
    for args in printing_commands(&fixture, &repo_path) {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let output = Command::new(baton_bin())
            .args(&args)
            .env_remove("BATON_NOW")
            .stdout(full)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(
            stderr.contains("No space left on device"),
            "{args:?}: {stderr}"
        );

        // The reader went away before baton wrote a byte.
        let mut child = Command::new(baton_bin())
            .args(&args)
            .env_remove("BATON_NOW")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "{args:?} ended {:?}: {stderr}",
            output.status
        );
    }
}

#[test]
fn no_output_carries_a_raw_escape_or_bidirectional_mark_from_data() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("baton.toml"), BATON).unwrap();
    std::fs::write(root.join("org.toml"), ORG).unwrap();
    std::fs::create_dir_all(root.join("tasks")).unwrap();
    // ESC[31m, OSC 8 (a terminal hyperlink), U+202E, U+2066, DEL, a C1 CSI.
    let hostile =
        "\\u001b[31mRED\\u001b]8;;http://evil\\u0007x\\u202Etxt.exe\\u2066y\\u007f\\u009b2J";
    std::fs::write(
        root.join("tasks/T-1.toml"),
        format!(
            "title = \"{hostile}\"\nowner = \"li.gong\"\nlead = \"rnd\"\nstart = 2026-07-01\ndue = 2026-07-03\neffort = \"2wd\"\ndeliverable = \"{hostile}\"\nacceptance = \"x\"\nstatus = \"blocked\"\n\n[blocked]\nsince = 2026-07-02T10:00:00+08:00\nreason = \"{hostile}\"\n"
        ),
    )
    .unwrap();
    let path = root.display().to_string();
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", &path, "--now", NOW],
        vec!["check", &path, "--now", NOW, "--format", "json"],
        vec!["check", &path, "--now", NOW, "--format", "github"],
        vec!["check", &path, "--now", NOW, "--format", "sarif"],
        vec!["check", &path, "--now", NOW, "--format", "markdown"],
        vec!["plan", &path, "--now", NOW],
        vec!["plan", &path, "--now", NOW, "--format", "json"],
        vec!["plan", &path, "--now", NOW, "--format", "svg"],
        vec!["plan", &path, "--now", NOW, "--format", "mermaid-gantt"],
        vec!["plan", &path, "--now", NOW, "--format", "tjp"],
        vec!["audit", &path, "--now", NOW],
        vec!["audit", &path, "--now", NOW, "--format", "json"],
        vec!["audit", &path, "--now", NOW, "--format", "markdown"],
        vec!["graph", &path, "--now", NOW],
        vec!["graph", &path, "--now", NOW, "--format", "mermaid"],
        vec!["graph", &path, "--now", NOW, "--format", "json"],
        vec!["ics", &path, "--now", NOW],
        vec!["report", "weekly", &path, "--now", NOW],
        vec!["report", "monthly", &path, "--now", NOW, "--format", "json"],
    ];
    for args in runs {
        let output = Command::new(baton_bin())
            .args(&args)
            .env_remove("BATON_NOW")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "{args:?}: {stderr}"
        );
        for (name, c) in [
            ("ESC", '\u{1b}'),
            ("BEL", '\u{7}'),
            ("U+202E", '\u{202e}'),
            ("U+2066", '\u{2066}'),
            ("DEL", '\u{7f}'),
            ("CSI", '\u{9b}'),
        ] {
            assert!(
                !stdout.contains(c) && !stderr.contains(c),
                "{args:?} printed a raw {name}"
            );
        }
        // Findings do not quote the title; every other view shows it.
        assert!(
            args[0] == "check" || stdout.contains("RED"),
            "{args:?} lost the title: {stdout}"
        );
    }
}
