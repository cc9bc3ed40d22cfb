//! What a Chinese team reads when it makes the usual mistakes: in its
//! language, with where and how to fix them (issue: "messages a Chinese
//! team understands").

use std::fs;
use std::path::Path;
use std::process::Command;

const NOW: &str = "2026-12-01T10:00:00+08:00";

fn baton(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_baton"))
        .current_dir(dir)
        .args(args)
        .env_remove("BATON_NOW")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec![
        ("baton.toml", "[project]\nlocale = \"zh-CN\"\n"),
        (
            "org.toml",
            "[[department]]\nid = \"rnd\"\n[[person]]\nid = \"zhou.jie\"\nname = \"周杰\"\ndepartment = \"rnd\"\n",
        ),
    ];
    all.extend_from_slice(files);
    for (path, text) in all {
        let full = dir.path().join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(full, text).unwrap();
    }
    dir
}

/// The text of the finding about `path`, from its header to its help line.
fn finding<'a>(out: &'a str, path: &str) -> &'a str {
    let at = out
        .find(&format!("--> {path}"))
        .unwrap_or_else(|| panic!("no finding in {path}:\n{out}"));
    let start = out[..at].rfind("\nerror").map_or(0, |i| i + 1);
    let end = out[at..].find("\n\n").map_or(out.len(), |i| at + i);
    &out[start..end]
}

#[test]
fn full_width_punctuation_is_named_in_chinese() {
    let dir = project(&[
        ("tasks/T-1.toml", "title = \"a\"\nowner ＝ \"zhou.jie\"\n"),
        ("tasks/T-2.toml", "title = \"a\"\nowner = “zhou.jie”\n"),
        (
            "tasks/T-3.toml",
            "title = \"a\"\nsupport = [\"rnd\"，\"rnd\"]\n",
        ),
        (
            "tasks/T-4.toml",
            "title = \"a\"\nowner\u{3000}= \"zhou.jie\"\n",
        ),
    ]);
    let (code, out, _) = baton(dir.path(), &["check", ".", "--now", NOW]);
    assert_eq!(code, 1);
    assert!(
        finding(&out, "tasks/T-1.toml:2:7").contains("全角字符 `＝`:此处 TOML 需要半角的 `=`"),
        "{out}"
    );
    assert!(
        finding(&out, "tasks/T-2.toml:2:9").contains("全角字符 `“`"),
        "{out}"
    );
    assert!(
        finding(&out, "tasks/T-3.toml:2:17").contains("全角字符 `，`:此处 TOML 需要半角的 `,`"),
        "{out}"
    );
    assert!(
        finding(&out, "tasks/T-4.toml:2:6").contains("全角空格"),
        "{out}"
    );
    // The same in English for an English project.
    let (_, en, _) = baton(dir.path(), &["check", ".", "--now", NOW, "--lang", "en"]);
    assert!(
        en.contains("full-width character `，` where TOML needs `,`"),
        "{en}"
    );
}

#[test]
fn dates_names_and_meanings_are_understood() {
    let dir = project(&[
        ("tasks/T-5.toml", "title = \"a\"\ndue = 2027/02/26\n"),
        (
            "tasks/T-6.toml",
            "title = \"a\"\nowner = \"周杰\"\ndealine = 2027-02-26\n",
        ),
        ("tasks/T-8.toml", "title = \"a\"\n负责人 = \"zhou.jie\"\n"),
        (
            "tasks/T-7.toml",
            "title = \"a\"\nowner = \"zhou.jie\"\n[review]\nverdict = \"accepted\"\narchived = true\n",
        ),
    ]);
    let (_, out, _) = baton(dir.path(), &["check", ".", "--now", NOW]);
    assert!(
        finding(&out, "tasks/T-5.toml:2:7")
            .contains("`2027/02/26` 不是日期:TOML 的日期写作 2027-02-26"),
        "{out}"
    );
    assert!(
        finding(&out, "tasks/T-6.toml:2:9").contains("是否应为 `zhou.jie`(周杰)?"),
        "{out}"
    );
    assert!(
        finding(&out, "tasks/T-6.toml:3:1").contains("是否应为 `due`?"),
        "{out}"
    );
    let chinese_key = finding(&out, "tasks/T-8.toml:2:1");
    assert!(
        chinese_key.contains("`负责人` 不是 baton 的字段名")
            && chinese_key.contains("是否应为 `owner`?"),
        "{chinese_key}"
    );
    let review = finding(&out, "tasks/T-7.toml:5:1");
    assert!(
        review.contains("`archived` 写在了 `[review]` 表里"),
        "{review}"
    );
    assert!(review.contains("移到第一个 `[表名]` 行"), "{review}");
}

#[test]
fn files_baton_does_not_read_are_said() {
    let dir = project(&[
        ("tasks/T-8.TOML", "title = \"a\"\n"),
        ("tasks/T-9.txt", "title = \"a\"\n"),
        ("T-10.toml", "title = \"a\"\n"),
        ("task/T-11.toml", "title = \"a\"\n"),
        ("tasks/README.md", "# 任务\n"),
    ]);
    let (code, out, _) = baton(dir.path(), &["check", ".", "--now", NOW, "--lang", "en"]);
    assert_eq!(code, 1, "{out}");
    for path in [
        "tasks/T-8.TOML",
        "tasks/T-9.txt",
        "T-10.toml",
        "task/T-11.toml",
    ] {
        assert!(out.contains(&format!("--> {path}")), "{path}: {out}");
    }
    assert!(out.contains("did you mean `tasks/`?"), "{out}");
    assert!(!out.contains("README.md"), "{out}");
}

#[test]
fn configuration_errors_name_their_file_in_the_project_language() {
    let dir = project(&[("calendars/acme.toml", "extend = \"cn\"\n")]);
    fs::write(
        dir.path().join("baton.toml"),
        "[project]\nlocale = \"zh-CN\"\ncalendar = \"acme\"\n[sla]\nminutes = \"3days\"\n",
    )
    .unwrap();
    let (code, _, err) = baton(dir.path(), &["check", ".", "--now", NOW]);
    assert_eq!(code, 2);
    assert!(err.contains("calendars/acme.toml"), "{err}");
    assert!(err.contains("是否应为 `extends`?"), "{err}");
    assert!(err.contains("`3days` 不是时长"), "{err}");
    assert!(
        err.contains("baton.toml、calendars/acme.toml 有误,未进行任何检查"),
        "{err}"
    );
}

#[test]
fn command_line_mistakes_say_what_is_wrong() {
    let dir = project(&[("tasks/T-1.toml", "title = \"a\"\nowner = \"zhou.jie\"\n")]);
    let (code, _, err) = baton(
        dir.path(),
        &[
            "check",
            ".",
            "--now",
            NOW,
            "--output",
            "/nonexistent/x/report.txt",
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("there is no folder `/nonexistent/x`"), "{err}");
    // A leap second is the last moment of its minute.
    let (code, _, err) = baton(dir.path(), &["check", ".", "--now", "2016-12-31T23:59:60Z"]);
    assert_eq!(code, 0, "{err}");
    // A revision that names a file.
    let git = |args: &[&str]| {
        Command::new("git")
            .current_dir(dir.path())
            .args(args)
            .env("GIT_AUTHOR_NAME", "a")
            .env("GIT_AUTHOR_EMAIL", "a@example.com")
            .env("GIT_COMMITTER_NAME", "a")
            .env("GIT_COMMITTER_EMAIL", "a@example.com")
            .env("HOME", dir.path())
            .status()
            .unwrap()
    };
    assert!(git(&["init", "-q"]).success());
    assert!(git(&["add", "-A"]).success());
    assert!(git(&["commit", "-q", "-m", "x"]).success());
    let (code, _, err) = baton(dir.path(), &["check", ".", "--rev", "HEAD:baton.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("names a file, not a commit"), "{err}");
}
