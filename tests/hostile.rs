//! The adversarial corpus of `tests/hostile/`: every case is checked with
//! the real binary, which must answer 0, 1 or 2 within seconds, never
//! panic, still report the finding of the good file planted beside the bad
//! ones, and name file, line and column of what is wrong.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const NOW: &str = "2026-07-07T10:00:00+08:00";
/// Hard limit of one run; debug builds included.
const LIMIT: Duration = Duration::from_secs(60);

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

fn copy(from: &Path, to: &Path) {
    support::copy_tree(from, to, &[]);
}

fn write(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// A copy of the case, completed with what cannot sensibly be committed.
fn prepare(case: &str, outside: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy(&corpus().join(case), dir.path());
    let d = dir.path();
    match case {
        "huge-string" => write(
            d,
            "tasks/T-huge.toml",
            &format!(
                "title = \"{}\"\nowner = \"li.gong\"\n",
                "x".repeat(2_000_000)
            ),
        ),
        "symlinks" => {
            fs::write(
                outside.join("secret.toml"),
                "title = \"TOP-SECRET-CONTENT\"\nowner = \"li.gong\"\n",
            )
            .unwrap();
            #[cfg(unix)]
            {
                use std::os::unix::fs::symlink;
                symlink(outside.join("secret.toml"), d.join("tasks/T-link.toml")).unwrap();
                symlink(outside, d.join("tasks/outside")).unwrap();
                symlink(d.join("tasks"), d.join("tasks/loop")).unwrap();
                symlink("T-self.toml", d.join("tasks/T-self.toml")).unwrap();
            }
        }
        "deep-nesting" => {
            let depth = 20_000;
            write(
                d,
                "tasks/T-array.toml",
                &format!(
                    "title = \"deep\"\nx = {}1{}\n",
                    "[".repeat(depth),
                    "]".repeat(depth)
                ),
            );
            write(
                d,
                "tasks/T-inline.toml",
                &format!(
                    "title = \"deep\"\nx = {}1{}\n",
                    "{a=".repeat(depth),
                    "}".repeat(depth)
                ),
            );
            write(
                d,
                "tasks/T-keys.toml",
                &format!("title = \"deep\"\n{} = 1\n", vec!["k"; depth].join(".")),
            );
        }
        "long-chain" => {
            for folder in 0..100 {
                let dir = d.join(format!("tasks/c{folder:03}"));
                fs::create_dir_all(&dir).unwrap();
                for i in folder * 1000..(folder + 1) * 1000 {
                    let dep = if i == 0 {
                        String::new()
                    } else {
                        format!("\"T-{:06}\"", i - 1)
                    };
                    let text = format!(
                        "title = \"step {i}\"\nowner = \"li.gong\"\ndeliverable = \"d\"\nacceptance = \"a\"\ndepends_on = [{dep}]\n"
                    );
                    fs::write(dir.join(format!("T-{i:06}.toml")), text).unwrap();
                }
            }
        }
        "long-cycle" => {
            let n = 10_000;
            for i in 0..n {
                write(
                    d,
                    &format!("tasks/c{:02}/T-{i:05}.toml", i / 1000),
                    &format!(
                        "title = \"ring {i}\"\nowner = \"li.gong\"\ndeliverable = \"d\"\nacceptance = \"a\"\ndepends_on = [\"T-{:05}\"]\n",
                        (i + 1) % n
                    ),
                );
            }
        }
        _ => {}
    }
    dir
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

fn run(cwd: &Path, args: &[&str]) -> Run {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_baton"))
        .current_dir(cwd)
        .args(args)
        .env_remove("BATON_NOW")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read pipes on threads so a large report cannot block the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut out, &mut s).ok();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut err, &mut s).ok();
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > LIMIT {
            child.kill().ok();
            panic!("baton {args:?} did not answer within {LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let run = Run {
        code: status.code().unwrap_or(-1),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
        elapsed: started.elapsed(),
    };
    assert!(
        matches!(run.code, 0..=2),
        "exit code {} for {args:?}: {}",
        run.code,
        run.stderr
    );
    assert!(
        !run.stderr.contains("panicked"),
        "panic for {args:?}: {}",
        run.stderr
    );
    run
}

/// (rule, path, line, column) of every finding; column 0 in an
/// expectation means "any column".
fn findings(report: &Value) -> Vec<(String, String, u64, u64)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Checks a case: `expected` findings (rule, path, line, column) must all
/// be there, besides the good file's.
fn check_case(case: &str, expected: &[(&str, &str, u64, u64)]) -> Value {
    let outside = tempfile::tempdir().unwrap();
    let dir = prepare(case, outside.path());
    let r = run(
        dir.path(),
        &[
            "check",
            ".",
            "--now",
            NOW,
            "--format",
            "json",
            "--lang",
            "en",
            "--no-history",
        ],
    );
    assert!(
        r.elapsed < Duration::from_secs(30),
        "{case}: {:?}",
        r.elapsed
    );
    assert_eq!(r.code, 1, "{case}: {}", r.stderr);
    let report: Value =
        serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{case}: {e}: {}", r.stderr));
    // Every renderer copes with the same input (the fuzzer found a text-only panic).
    for format in ["text", "markdown", "github", "sarif"] {
        let other = run(
            dir.path(),
            &[
                "check",
                ".",
                "--now",
                NOW,
                "--format",
                format,
                "--no-history",
            ],
        );
        assert_eq!(
            other.code, r.code,
            "{case} --format {format}: {}",
            other.stderr
        );
    }
    let found = findings(&report);
    assert!(
        found.contains(&("S004".into(), "tasks/GOOD.toml".into(), 2, 9)),
        "{case}: the good file's finding is lost: {found:?}"
    );
    for (rule, path, line, column) in expected {
        assert!(
            found.iter().any(|(r, p, l, c)| r == rule
                && p == path
                && l == line
                && (*column == 0 || c == column)),
            "{case}: expected {rule} at {path}:{line}:{column}, found {found:?}"
        );
    }
    report
}

#[test]
fn bom_crlf_and_cr_only_files() {
    check_case(
        "bom-crlf",
        &[
            ("D001", "tasks/T-bom.toml", 3, 7),
            ("S001", "tasks/T-cr.toml", 1, 19),
        ],
    );
}

#[test]
fn empty_files() {
    check_case(
        "empty-files",
        &[
            ("S002", "tasks/T-empty.toml", 1, 1),
            ("S002", "meetings/M-empty.toml", 1, 1),
            ("S002", "requests/R-empty.toml", 1, 1),
        ],
    );
}

#[test]
fn a_folder_named_like_a_file_and_hidden_files() {
    let report = check_case("dir-named-toml", &[]);
    assert_eq!(
        report["summary"]["items"], 2,
        "the task inside tasks/T-dir.toml/inner.toml/ is read"
    );
    let report = check_case("hidden-files", &[]);
    assert_eq!(
        findings(&report).len(),
        1,
        "hidden files and editor backups are not read"
    );
}

#[test]
fn file_names_that_are_not_ids() {
    check_case(
        "bad-file-names",
        &[
            ("S002", "tasks/my task.toml", 1, 1),
            ("S002", "tasks/任务一.toml", 1, 1),
            ("S002", "tasks/-T.toml", 1, 1),
        ],
    );
}

#[test]
fn wrong_types_everywhere() {
    let report = check_case(
        "wrong-types",
        &[
            ("S002", "tasks/T-types.toml", 1, 9),
            ("S002", "tasks/T-types.toml", 8, 15),
            ("S002", "tasks/T-types.toml", 8, 18),
            ("S002", "tasks/T-types.toml", 10, 10),
            ("S002", "tasks/T-types.toml", 17, 6),
            ("S002", "requests/R-types.toml", 2, 8),
            ("S002", "meetings/M-types.toml", 3, 34),
        ],
    );
    let fields: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"depends_on[0]") && fields.contains(&"depends_on[1]"),
        "paths as written: {fields:?}"
    );
}

#[test]
fn dates_at_year_1_and_9999() {
    check_case(
        "extreme-dates",
        &[
            ("S006", "tasks/T-year1.toml", 3, 9),
            ("S006", "tasks/T-year9999.toml", 3, 7),
        ],
    );
}

#[test]
fn numbers_that_overflow_or_are_negative() {
    let report = check_case(
        "overflowing-numbers",
        &[
            ("S002", "tasks/T-numbers.toml", 5, 12),
            ("S002", "tasks/T-numbers.toml", 6, 10),
            ("S002", "tasks/T-huge.toml", 5, 12),
            ("S002", "tasks/T-overflow.toml", 2, 12),
            ("S002", "meetings/M-minutes.toml", 5, 11),
        ],
    );
    let messages: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(messages.contains(&"invalid `agenda[0].minutes`: -15 is out of range: expected a whole number from 0 to 4294967295"));
    assert!(messages.contains(&"invalid `progress`: `99999999999999999999` is too large"));
}

#[test]
fn invalid_utf8_nul_bytes_and_duplicate_keys() {
    check_case("invalid-utf8", &[("S001", "tasks/T-latin.toml", 2, 10)]);
    check_case(
        "nul-bytes",
        &[
            ("S001", "tasks/T-nul.toml", 1, 11),
            ("S001", "tasks/T-zeros.toml", 1, 0),
        ],
    );
    check_case(
        "duplicate-keys",
        &[
            ("S001", "tasks/T-dup.toml", 2, 1),
            ("S001", "tasks/T-duptable.toml", 4, 2),
        ],
    );
}

#[test]
fn references_to_nothing() {
    let report = check_case(
        "unknown-everything",
        &[("S004", "tasks/T-refs.toml", 7, 24)],
    );
    assert_eq!(findings(&report).len(), 9);
}

#[test]
fn a_two_megabyte_string() {
    check_case("huge-string", &[("S001", "tasks/T-huge.toml", 1, 1)]);
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_repository_and_loops_are_never_followed() {
    let outside = tempfile::tempdir().unwrap();
    let dir = prepare("symlinks", outside.path());
    for format in ["json", "text"] {
        let r = run(
            dir.path(),
            &[
                "check",
                ".",
                "--now",
                NOW,
                "--format",
                format,
                "--lang",
                "en",
                "--no-history",
            ],
        );
        assert_eq!(r.code, 1);
        assert!(
            !r.stdout.contains("TOP-SECRET") && !r.stderr.contains("TOP-SECRET"),
            "content behind a symlink leaked"
        );
        if format == "json" {
            let found = findings(&serde_json::from_str(&r.stdout).unwrap());
            assert!(
                found
                    .iter()
                    .any(|(rule, path, ..)| rule == "S001" && path == "tasks/T-link.toml"),
                "{found:?}"
            );
            assert!(
                found
                    .iter()
                    .any(|(rule, path, ..)| rule == "S001" && path == "tasks/T-self.toml"),
                "{found:?}"
            );
            assert!(found.contains(&("S004".into(), "tasks/GOOD.toml".into(), 2, 9)));
            assert!(
                !found
                    .iter()
                    .any(|(_, path, ..)| path.contains("outside") || path.contains("loop")),
                "{found:?}"
            );
        }
    }
}

#[test]
fn nesting_20000_deep_does_not_overflow_the_stack() {
    check_case(
        "deep-nesting",
        &[
            ("S001", "tasks/T-array.toml", 2, 0),
            ("S001", "tasks/T-inline.toml", 2, 0),
            ("S001", "tasks/T-keys.toml", 2, 0),
        ],
    );
}

#[test]
fn a_100000_task_dependency_chain() {
    let report = check_case("long-chain", &[]);
    assert_eq!(report["summary"]["items"], 100_001);
    assert!(!findings(&report).iter().any(|(rule, ..)| rule == "D003"));
}

#[test]
fn a_cycle_through_10000_tasks_is_reported_once_shortened() {
    let report = check_case("long-cycle", &[("D003", "tasks/c00/T-00000.toml", 5, 15)]);
    let cycles: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "D003")
        .collect();
    assert_eq!(cycles.len(), 1);
    let message = cycles[0]["message"].as_str().unwrap();
    assert!(message.len() < 300, "shortened: {message}");
    assert!(
        message.starts_with("dependency cycle through 10000 tasks: T-00000 → T-00001"),
        "{message}"
    );
}

/// A configuration error: exit 2, naming the file, line, column and value —
/// in the working tree, at a revision, and in pull-request mode.
fn check_config_error(case: &str, location: &str, value: &str) {
    let outside = tempfile::tempdir().unwrap();
    let dir = prepare(case, outside.path());
    let r = run(dir.path(), &["check", ".", "--now", NOW]);
    assert_eq!(r.code, 2, "{case}");
    assert!(
        r.stderr.contains(location) && r.stderr.contains(value),
        "{case}: {}",
        r.stderr
    );

    // The same file at a revision, and as the base of a pull request.
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .current_dir(dir.path())
            .args(args)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.com")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.com")
            .env("HOME", dir.path())
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    };
    git(&["init", "-q", "-b", "main"]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "bad config"]);
    fs::write(dir.path().join("tasks/NEW.toml"), "title = \"new\"\n").unwrap();
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "a change"]);
    for args in [
        vec!["check", ".", "--rev", "HEAD", "--now", NOW],
        vec![
            "check", ".", "--base", "HEAD~1", "--head", "HEAD", "--now", NOW,
        ],
    ] {
        let r = run(dir.path(), &args);
        assert_eq!(r.code, 2, "{case} {args:?}");
        assert!(
            r.stderr.contains(location) && r.stderr.contains(value),
            "{case} {args:?}: {}",
            r.stderr
        );
    }
}

#[test]
fn an_unknown_time_zone() {
    check_config_error("bad-timezone", "baton.toml:2:12", "Mars/Olympus_Mons");
}

#[test]
fn an_unknown_calendar() {
    check_config_error("bad-calendar", "baton.toml:3:12", "lunar");
}

#[test]
fn an_unparseable_duration() {
    check_config_error("bad-duration", "baton.toml:5:15", "one working day");
}
