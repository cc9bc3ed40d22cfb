//! Git-native checks on real repositories built commit by commit:
//! revisions, pull-request classification, history as evidence, authority.

mod support;

use std::process::Command;

use serde_json::Value;
use support::*;

const NOW: &str = "2026-07-08T10:00:00+08:00";

/// Runs baton with `args` and returns its exit code and JSON report.
fn json(args: &[&str]) -> (i32, Value) {
    let output = Command::new(baton_bin())
        .args(args)
        .args(["--format", "json", "--lang", "en"])
        .env_remove("BATON_NOW")
        .output()
        .unwrap();
    let code = output.status.code().unwrap_or(-1);
    let value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (code, value)
}

/// Runs baton and returns exit code, stdout and stderr.
fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(baton_bin())
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

fn findings(report: &Value) -> Vec<(String, String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["item"].as_str().unwrap_or("").to_string(),
                f["change"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn messages(report: &Value, rule: &str) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

const TASK: &str = "title = \"接口调试\"\nowner = \"li.gong\"\nlead = \"rnd\"\ndeliverable = \"报告\"\nacceptance = \"通过\"\nstatus = \"in_progress\"\n";

fn base_repo() -> TestRepo {
    let repo = TestRepo::new();
    repo.write("baton.toml", BATON)
        .write("org.toml", ORG)
        .write("tasks/T-1.toml", TASK);
    repo.commit(ADMIN, "2026-06-29T10:00:00+08:00");
    repo
}

fn path(repo: &TestRepo) -> String {
    repo.path().display().to_string()
}

#[test]
fn rev_reads_the_commit_not_the_working_tree() {
    let repo = base_repo();
    repo.write("tasks/T-2.toml", "title = \"未提交\"\n");
    let p = path(&repo);
    let (_, worktree) = json(&["check", &p, "--now", NOW]);
    assert_eq!(worktree["summary"]["items"], 2);
    let (_, committed) = json(&["check", &p, "--rev", "HEAD", "--now", NOW]);
    assert_eq!(committed["summary"]["items"], 1);
}

#[test]
fn rev_works_in_a_bare_clone_and_a_subfolder_root() {
    let repo = TestRepo::new();
    repo.write("README.md", "not baton\n")
        .write("plans/baton.toml", BATON)
        .write("plans/org.toml", ORG)
        .write(
            "plans/tasks/T-1.toml",
            "title = \"a\"\nowner = \"nobody\"\n",
        );
    repo.commit(ADMIN, "2026-06-29T10:00:00+08:00");
    let (code, report) = json(&[
        "check",
        &format!("{}/plans/tasks", path(&repo)),
        "--rev",
        "HEAD",
        "--now",
        NOW,
    ]);
    assert_eq!(code, 1);
    assert!(
        findings(&report)
            .iter()
            .any(|(rule, item, _)| rule == "S004" && item == "T-1")
    );
    assert_eq!(
        report["findings"][0]["path"]
            .as_str()
            .unwrap()
            .split('/')
            .next(),
        Some("tasks")
    );

    let bare = tempfile::tempdir().unwrap();
    git2::build::RepoBuilder::new()
        .bare(true)
        .clone(&format!("file://{}", path(&repo)), bare.path())
        .unwrap();
    // In a bare repository the baton root is found from the tree's root
    // down to the folder holding baton.toml only when given; here it is
    // the repository root, which has none.
    let (code, _, stderr) = run(&[
        "check",
        &bare.path().display().to_string(),
        "--rev",
        "HEAD",
        "--now",
        NOW,
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("no baton.toml"), "{stderr}");
    let flat = base_repo();
    let bare = tempfile::tempdir().unwrap();
    git2::build::RepoBuilder::new()
        .bare(true)
        .clone(&format!("file://{}", path(&flat)), bare.path())
        .unwrap();
    let (code, report) = json(&[
        "check",
        &bare.path().display().to_string(),
        "--rev",
        "main",
        "--now",
        NOW,
    ]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["summary"]["items"], 1);
}

#[test]
fn w001_fires_on_a_response_committed_late() {
    let repo = base_repo();
    let request = "title = \"接口支持\"\nfrom = { department = \"mkt\", contact = \"zhang.jingli\" }\nto = [{ department = \"rnd\", contact = \"li.gong\" }]\nwhat = \"3个接口\"\nsubmitted_at = 2026-07-03T10:00:00+08:00\nstatus = \"submitted\"\n";
    repo.write("requests/R-1.toml", request);
    repo.commit(ZHANG, "2026-07-03T10:05:00+08:00");
    // The response states no time: the commit's time is the evidence.
    repo.write(
        "requests/R-1.toml",
        &format!(
            "{request}[[response]]\ndepartment = \"rnd\"\nby = \"li.gong\"\ndecision = \"accept\"\n"
        ),
    );
    repo.commit(LI, "2026-07-07T09:00:00+08:00");
    let (code, report) = json(&["check", &path(&repo), "--now", NOW]);
    // Answered late: a closed breach, history at `info`, nothing to do now.
    assert_eq!(code, 0);
    assert_eq!(
        messages(&report, "W001"),
        [
            "department `rnd` responded at 2026-07-07 09:00, after the deadline 2026-07-06 18:00 (1 working day)"
        ]
    );
    let w001 = &report["findings"].as_array().unwrap()[0];
    assert_eq!(
        (w001["severity"].as_str(), w001["closed"].as_bool()),
        (Some("info"), Some(true))
    );
    let (_, without) = json(&["check", &path(&repo), "--now", NOW, "--no-history"]);
    assert!(
        messages(&without, "W001").is_empty(),
        "without history the response time is unknown"
    );
}

#[test]
fn w007_takes_the_blocking_time_from_the_commit() {
    let repo = base_repo();
    repo.edit(
        "tasks/T-1.toml",
        "status",
        "status = \"blocked\"\n\n[blocked]\nreason = \"等待测试环境\"",
    );
    repo.commit(LI, "2026-07-02T10:00:00+08:00");
    // Three working days later, never escalated, `since` never written.
    let (code, report) = json(&["check", &path(&repo), "--now", "2026-07-07T10:00:00+08:00"]);
    assert_eq!(code, 1);
    assert_eq!(
        messages(&report, "W007"),
        [
            "blocked since 2026-07-02 10:00 and not escalated; escalation was due after 2 working days, by 2026-07-06 18:00"
        ]
    );
}

#[test]
fn evidence_follows_a_renamed_item_file() {
    let repo = base_repo();
    repo.edit(
        "tasks/T-1.toml",
        "status",
        "status = \"blocked\"\n\n[blocked]\nreason = \"等待测试环境\"",
    );
    repo.commit(LI, "2026-07-02T10:00:00+08:00");
    repo.rename("tasks/T-1.toml", "tasks/rnd/T-1.toml");
    repo.commit(LI, "2026-07-06T10:00:00+08:00");
    let (_, report) = json(&["check", &path(&repo), "--now", "2026-07-07T10:00:00+08:00"]);
    assert!(
        messages(&report, "W007")[0].starts_with("blocked since 2026-07-02 10:00"),
        "{report}"
    );
}

#[test]
fn o004_fires_on_a_status_changed_by_a_non_owner() {
    let repo = base_repo();
    let base = repo.commit(ADMIN, "2026-07-01T10:00:00+08:00");
    repo.edit(
        "tasks/T-1.toml",
        "status",
        "status = \"delivered\"\ndelivered_at = 2026-07-06T10:00:00+08:00",
    );
    repo.commit(ZHAO, "2026-07-06T10:00:00+08:00");
    let (code, report) = json(&[
        "check",
        &path(&repo),
        "--base",
        &base.to_string(),
        "--head",
        "HEAD",
        "--now",
        NOW,
    ]);
    assert_eq!(code, 1);
    let o004 = messages(&report, "O004");
    assert_eq!(o004.len(), 1, "{o004:?}");
    // A delivery (status and its time) is one act, one finding.
    assert!(
        o004[0].starts_with("`status` and `delivered_at` changed by `zhao.liu` in "),
        "{}",
        o004[0]
    );
    assert!(
        o004[0].ends_with("only `chen.zong`, `li.gong` or an admin may"),
        "{}",
        o004[0]
    );
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "O004")
        .unwrap();
    assert_eq!(finding["change"], "new");
    assert_eq!(
        (finding["path"].as_str(), finding["line"].as_u64()),
        (Some("tasks/T-1.toml"), Some(6))
    );
}

#[test]
fn o004_does_not_fire_on_changes_by_the_owner_manager_or_admin() {
    for (who, time) in [
        (LI, "2026-07-06T10:00:00+08:00"),
        (CHEN, "2026-07-06T11:00:00+08:00"),
        (ADMIN, "2026-07-06T12:00:00+08:00"),
    ] {
        let repo = base_repo();
        let base = repo.commit(ADMIN, "2026-07-01T10:00:00+08:00");
        repo.edit(
            "tasks/T-1.toml",
            "status",
            "status = \"delivered\"\ndelivered_at = 2026-07-06T10:00:00+08:00",
        );
        repo.commit(who, time);
        let (_, report) = json(&[
            "check",
            &path(&repo),
            "--base",
            &base.to_string(),
            "--head",
            "HEAD",
            "--now",
            NOW,
        ]);
        assert!(messages(&report, "O004").is_empty(), "{who:?}: {report}");
    }
}

#[test]
fn o004_fires_on_unknown_authors_viewers_and_policy_changes() {
    let repo = base_repo();
    let base = repo.commit(ADMIN, "2026-07-01T10:00:00+08:00");
    repo.edit("tasks/T-1.toml", "title", "title = \"接口调试(改)\"");
    repo.commit(STRANGER, "2026-07-06T10:00:00+08:00");
    repo.edit("tasks/T-1.toml", "deliverable", "deliverable = \"报告v2\"");
    repo.commit(HE, "2026-07-06T11:00:00+08:00");
    repo.write("baton.toml", &format!("{BATON}[rules]\nD001 = \"off\"\n"));
    repo.commit(LI, "2026-07-06T12:00:00+08:00");
    let (code, report) = json(&[
        "check",
        &path(&repo),
        "--base",
        &base.to_string(),
        "--head",
        "HEAD",
        "--now",
        NOW,
    ]);
    assert_eq!(code, 1);
    let o004 = messages(&report, "O004");
    assert_eq!(o004.len(), 3, "{o004:?}");
    assert!(
        o004.iter()
            .any(|m| m.starts_with("changed by Stranger <someone@elsewhere.com>"))
    );
    assert!(
        o004.iter()
            .any(|m| m.contains("`he.jia`") && m.contains("viewer"))
    );
    assert!(
        o004.iter()
            .any(|m| m.starts_with("`baton.toml` changed by `li.gong`"))
    );
    assert_eq!(report["policy_changed"], serde_json::json!(["baton.toml"]));

    // Judged as a known GitHub actor instead: the stranger's commit is theirs.
    let (_, report) = json(&[
        "check",
        &path(&repo),
        "--base",
        &base.to_string(),
        "--head",
        "HEAD",
        "--now",
        NOW,
        "--actor",
        "ligong",
    ]);
    let o004 = messages(&report, "O004");
    assert_eq!(o004.len(), 1, "{o004:?}");
    assert!(o004[0].starts_with("`baton.toml` changed by `li.gong`"));
}

#[test]
fn a_pull_request_cannot_loosen_its_own_rules() {
    let repo = base_repo();
    let base = repo.commit(ADMIN, "2026-07-01T10:00:00+08:00");
    let rules: String = [
        "S001", "S002", "S003", "S004", "S005", "O001", "O004", "D001",
    ]
    .iter()
    .map(|c| format!("{c} = \"off\"\n"))
    .collect();
    repo.write("baton.toml", &format!("{BATON}[rules]\n{rules}"));
    repo.write(
        "tasks/T-2.toml",
        "title = \"新任务\"\nowner = \"nobody\"\ndue = 2026-07-01\n",
    );
    repo.commit(ZHAO, "2026-07-06T10:00:00+08:00");
    let (code, report) = json(&[
        "check",
        &path(&repo),
        "--base",
        &base.to_string(),
        "--head",
        "HEAD",
        "--now",
        NOW,
    ]);
    assert_eq!(code, 1);
    let found = findings(&report);
    assert!(
        found.contains(&("S004".into(), "T-2".into(), "new".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("D001".into(), "T-2".into(), "new".into())),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(rule, _, change)| rule == "O004" && change == "new"),
        "{found:?}"
    );
}

#[test]
fn moving_a_field_keeps_a_finding_existing_and_fixes_and_news_are_told_apart() {
    let repo = base_repo();
    repo.write("tasks/T-2.toml", "title = \"逾期\"\nowner = \"li.gong\"\ndeliverable = \"d\"\nacceptance = \"a\"\ndue = 2026-07-01\n");
    repo.write(
        "tasks/T-3.toml",
        "title = \"将修复\"\nowner = \"nobody\"\ndeliverable = \"d\"\nacceptance = \"a\"\n",
    );
    let base = repo.commit(ADMIN, "2026-07-01T10:00:00+08:00");
    // Move `due` to the top of T-2, fix T-3's owner, break T-1's lead.
    repo.write("tasks/T-2.toml", "due = 2026-07-01\ntitle = \"逾期\"\nowner = \"li.gong\"\ndeliverable = \"d\"\nacceptance = \"a\"\n");
    repo.edit("tasks/T-3.toml", "owner", "owner = \"li.gong\"");
    repo.edit("tasks/T-1.toml", "lead", "lead = \"legal\"");
    repo.commit(ADMIN, "2026-07-06T10:00:00+08:00");
    let (code, report) = json(&[
        "check",
        &path(&repo),
        "--base",
        &base.to_string(),
        "--head",
        "HEAD",
        "--now",
        NOW,
    ]);
    assert_eq!(code, 1);
    let found = findings(&report);
    assert!(
        found.contains(&("D001".into(), "T-2".into(), "existing".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("S004".into(), "T-3".into(), "fixed".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("S004".into(), "T-1".into(), "new".into())),
        "{found:?}"
    );
    assert_eq!(report["summary"]["new_errors"], 1);
    // Only the new error fails the check; with --fail-on all existing ones do too.
    let (_, stdout, _) = run(&[
        "check",
        &path(&repo),
        "--base",
        &base.to_string(),
        "--head",
        "HEAD",
        "--now",
        NOW,
    ]);
    assert!(
        stdout.contains("── new: 1 ──")
            && stdout.contains("── fixed: 1 ──")
            && stdout.contains("── existing: 1 ──"),
        "{stdout}"
    );
    assert!(
        stdout.contains("changed: T-1 (modified), T-2 (modified), T-3 (modified)"),
        "{stdout}"
    );

    repo.edit("tasks/T-1.toml", "lead", "lead = \"rnd\"");
    repo.commit(ADMIN, "2026-07-06T11:00:00+08:00");
    let (code, _) = json(&[
        "check",
        &path(&repo),
        "--base",
        &base.to_string(),
        "--head",
        "HEAD",
        "--now",
        NOW,
    ]);
    assert_eq!(code, 0, "only an existing error remains");
    let (code, _) = json(&[
        "check",
        &path(&repo),
        "--base",
        &base.to_string(),
        "--head",
        "HEAD",
        "--now",
        NOW,
        "--fail-on",
        "all",
    ]);
    assert_eq!(code, 1);
}

#[test]
fn renaming_an_item_file_changes_its_id() {
    let repo = base_repo();
    repo.write(
        "tasks/T-2.toml",
        "title = \"旧编号\"\nowner = \"nobody\"\ndeliverable = \"d\"\nacceptance = \"a\"\n",
    );
    let base = repo.commit(ADMIN, "2026-07-01T10:00:00+08:00");
    repo.rename("tasks/T-2.toml", "tasks/T-20.toml");
    repo.commit(ADMIN, "2026-07-06T10:00:00+08:00");
    let (_, report) = json(&[
        "check",
        &path(&repo),
        "--base",
        &base.to_string(),
        "--head",
        "HEAD",
        "--now",
        NOW,
    ]);
    let found = findings(&report);
    assert!(
        found.contains(&("S004".into(), "T-2".into(), "fixed".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("S004".into(), "T-20".into(), "new".into())),
        "{found:?}"
    );
    // An item is its id: a new id is a new item, the old one is gone.
    let changed: Vec<(&str, &str)> = report["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["change"].as_str().unwrap()))
        .collect();
    assert_eq!(changed, [("T-2", "deleted"), ("T-20", "added")]);
}

#[test]
fn w011_fires_on_an_archived_item_edited_moved_or_deleted() {
    let repo = base_repo();
    let archived = "title = \"已归档\"\nowner = \"li.gong\"\ndeliverable = \"d\"\nacceptance = \"a\"\nstatus = \"accepted\"\narchived = true\n";
    repo.write("tasks/A-1.toml", archived)
        .write("tasks/A-2.toml", archived)
        .write("tasks/A-3.toml", archived);
    let base = repo.commit(ADMIN, "2026-07-01T10:00:00+08:00");
    repo.edit("tasks/A-1.toml", "title", "title = \"改了\"");
    repo.rename("tasks/A-2.toml", "tasks/old/A-2.toml");
    repo.remove("tasks/A-3.toml");
    repo.commit(ADMIN, "2026-07-06T10:00:00+08:00");
    let (code, report) = json(&[
        "check",
        &path(&repo),
        "--base",
        &base.to_string(),
        "--head",
        "HEAD",
        "--now",
        NOW,
    ]);
    assert_eq!(code, 1);
    let mut w011 = messages(&report, "W011");
    w011.sort();
    assert_eq!(
        w011,
        [
            "`A-1` was archived at the base and is read-only, but this change modifies it",
            "`A-2` was archived at the base and is read-only, but this change moves it",
            "`A-3` was archived at the base and is read-only, but this change deletes it",
        ]
    );
    let deleted = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "W011" && f["item"] == "A-3")
        .unwrap();
    assert_eq!(
        (deleted["path"].as_str(), deleted["line"].as_u64()),
        (Some("tasks/A-3.toml"), Some(6))
    );
}

#[test]
fn w011_does_not_fire_when_an_item_is_archived_by_the_change() {
    let repo = base_repo();
    let base = repo.commit(ADMIN, "2026-07-01T10:00:00+08:00");
    repo.edit(
        "tasks/T-1.toml",
        "status",
        "status = \"cancelled\"\narchived = true",
    );
    repo.commit(LI, "2026-07-06T10:00:00+08:00");
    let (_, report) = json(&[
        "check",
        &path(&repo),
        "--base",
        &base.to_string(),
        "--head",
        "HEAD",
        "--now",
        NOW,
    ]);
    assert!(messages(&report, "W011").is_empty(), "{report}");
}

#[test]
fn g001_fires_on_a_backdated_timestamp() {
    let repo = base_repo();
    let request = "title = \"接口支持\"\nfrom = { department = \"mkt\" }\nto = [{ department = \"rnd\" }]\nsubmitted_at = 2026-07-03T10:00:00+08:00\nstatus = \"submitted\"\n";
    repo.write("requests/R-1.toml", request);
    repo.commit(ZHANG, "2026-07-03T10:05:00+08:00");
    // Committed Tuesday, claims the response came Friday afternoon.
    repo.write("requests/R-1.toml", &format!("{request}[[response]]\ndepartment = \"rnd\"\nat = 2026-07-03T16:00:00+08:00\ndecision = \"accept\"\n"));
    repo.commit(LI, "2026-07-07T09:00:00+08:00");
    let (_, report) = json(&["check", &path(&repo), "--now", NOW]);
    assert_eq!(
        messages(&report, "G001"),
        [
            "`response[rnd].at` says 2026-07-03T16:00:00+08:00, more than a day before the commit that first recorded it (2026-07-07 09:00)"
        ]
    );
    assert!(
        messages(&report, "W001").is_empty(),
        "the stated time is on time: only G001 tells"
    );
    // Items imported with baton itself are not judged.
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["item"] != "T-1")
    );
}

#[test]
fn o004_does_not_blame_a_merge_for_what_it_brings_in() {
    let repo = base_repo();
    repo.write(
        "tasks/T-2.toml",
        &TASK.replace("li.gong", "zhao.liu").replace("rnd", "mkt"),
    );
    let fork = repo.commit(ADMIN, "2026-07-01T10:00:00+08:00");
    // main: zhao.liu moves his own task.
    repo.edit(
        "tasks/T-2.toml",
        "status",
        "status = \"blocked\"\n[blocked]\nsince = 2026-07-02T09:00:00+08:00",
    );
    let main = repo.commit(ZHAO, "2026-07-02T09:00:00+08:00");
    // the pull request branch: li.gong works on his task, then merges main.
    repo.checkout(fork);
    repo.edit(
        "tasks/T-1.toml",
        "status",
        "status = \"delivered\"\ndelivered_at = 2026-07-03T10:00:00+08:00",
    );
    let work = repo.commit(LI, "2026-07-03T10:00:00+08:00");
    repo.write(
        "tasks/T-2.toml",
        &std::fs::read_to_string(repo.path().join("tasks/T-1.toml"))
            .unwrap()
            .replace("li.gong", "x"),
    );
    repo.checkout(main);
    let t2 = std::fs::read_to_string(repo.path().join("tasks/T-2.toml")).unwrap();
    repo.checkout(work);
    repo.write("tasks/T-2.toml", &t2);
    let merge = repo.commit_with(LI, "2026-07-03T11:00:00+08:00", &[work, main]);
    let (_, report) = json(&[
        "check",
        &path(&repo),
        "--base",
        &main.to_string(),
        "--head",
        &merge.to_string(),
        "--now",
        NOW,
    ]);
    assert!(messages(&report, "O004").is_empty(), "{report}");
    let changed: Vec<&str> = report["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(changed, ["T-1"]);
}

#[test]
fn log_shows_who_changed_which_field_across_renames() {
    let repo = base_repo();
    repo.edit(
        "tasks/T-1.toml",
        "status",
        "status = \"blocked\"\n[blocked]\nreason = \"等待测试环境\"",
    );
    repo.commit(LI, "2026-07-02T10:00:00+08:00");
    repo.rename("tasks/T-1.toml", "tasks/rnd/T-1.toml");
    repo.commit(STRANGER, "2026-07-03T10:00:00+08:00");
    let (code, stdout, stderr) = run(&["log", "T-1", &path(&repo)]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines.iter().any(|l| l.starts_with("2026-07-02 10:00")
            && l.contains("li.gong")
            && l.contains("status")
            && l.ends_with("in_progress → blocked")),
        "{stdout}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("blocked.reason") && l.ends_with("∅ → 等待测试环境")),
        "{stdout}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Stranger <someone@elsewhere.com>")
                && l.contains("(file)")
                && l.ends_with("tasks/T-1.toml → tasks/rnd/T-1.toml")),
        "{stdout}"
    );
    let (code, _, stderr) = run(&["log", "T-404", &path(&repo)]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no item `T-404`"), "{stderr}");
}

#[test]
fn bad_revisions_and_paths_exit_2_with_a_clear_message() {
    let repo = base_repo();
    let p = path(&repo);
    let (code, _, stderr) = run(&["check", &p, "--rev", "no-such-branch", "--now", NOW]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("revision `no-such-branch` does not exist"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&[
        "check", &p, "--base", "HEAD~5", "--head", "HEAD", "--now", NOW,
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("revision `HEAD~5` does not exist"),
        "{stderr}"
    );
    let outside = tempfile::tempdir().unwrap();
    let (code, _, stderr) = run(&[
        "check",
        &outside.path().display().to_string(),
        "--rev",
        "HEAD",
        "--now",
        NOW,
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("is not inside a git repository"),
        "{stderr}"
    );
    // A revision from before baton was adopted.
    let plain = TestRepo::new();
    plain.write("README.md", "x\n");
    plain.commit(ADMIN, "2026-06-01T10:00:00+08:00");
    plain.write("baton.toml", BATON).write("org.toml", ORG);
    plain.commit(ADMIN, "2026-06-02T10:00:00+08:00");
    let (code, _, stderr) = run(&["check", &path(&plain), "--rev", "HEAD~1", "--now", NOW]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("no baton.toml in `.` or any folder above it at revision `HEAD~1`"),
        "{stderr}"
    );
    // A pull request that introduces baton: everything is new.
    let (code, report) = json(&[
        "check",
        &path(&plain),
        "--base",
        "HEAD~1",
        "--head",
        "HEAD",
        "--now",
        NOW,
    ]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["summary"]["fixed"], 0);
}

#[test]
fn a_corrupt_object_is_a_finding_not_a_crash() {
    let repo = base_repo();
    repo.write("tasks/T-2.toml", "title = \"good\"\nowner = \"nobody\"\n");
    repo.commit(ADMIN, "2026-07-01T10:00:00+08:00");
    let blob = repo
        .repo
        .revparse_single("HEAD:tasks/T-1.toml")
        .unwrap()
        .id()
        .to_string();
    let object = repo
        .path()
        .join(".git/objects")
        .join(&blob[..2])
        .join(&blob[2..]);
    let mut permissions = std::fs::metadata(&object).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&object, permissions).unwrap();
    std::fs::write(&object, b"garbage").unwrap();
    let (code, report) = json(&[
        "check",
        &path(&repo),
        "--rev",
        "HEAD",
        "--now",
        NOW,
        "--no-history",
    ]);
    assert_eq!(code, 1);
    let found = findings(&report);
    assert!(found.iter().any(|(rule, _, _)| rule == "S001"), "{found:?}");
    assert!(
        found.contains(&("S004".into(), "T-2".into(), "".into())),
        "the good file is still checked: {found:?}"
    );
}

#[test]
fn shallow_clones_give_no_evidence_for_what_they_cut_off() {
    let repo = base_repo();
    repo.edit(
        "tasks/T-1.toml",
        "status",
        "status = \"blocked\"\n[blocked]\nreason = \"等待\"",
    );
    repo.commit(LI, "2026-07-02T10:00:00+08:00");
    repo.edit("tasks/T-1.toml", "title", "title = \"接口调试2\"");
    repo.commit(LI, "2026-07-06T10:00:00+08:00");
    let clone = tempfile::tempdir().unwrap();
    let status = Command::new("git")
        .args([
            "clone",
            "-q",
            "--depth",
            "1",
            &format!("file://{}", path(&repo)),
        ])
        .arg(clone.path().join("c"))
        .status()
        .unwrap();
    assert!(status.success());
    let c = clone.path().join("c").display().to_string();
    let (_, report) = json(&["check", &c, "--now", NOW]);
    // The blocking time is not in the clone: the deadline cannot be judged.
    assert_eq!(
        messages(&report, "W007"),
        [
            "`blocked.since` is not set and no history says when, so the deadline (2 working days) cannot be checked"
        ]
    );
}

#[test]
fn commits_after_now_are_not_evidence() {
    let repo = base_repo();
    repo.edit(
        "tasks/T-1.toml",
        "status",
        "status = \"blocked\"\n[blocked]\nreason = \"等待\"",
    );
    repo.commit(LI, "2026-07-10T10:00:00+08:00");
    // At 07-08 the blocking commit has not happened yet: its time is no evidence.
    let (_, report) = json(&["check", &path(&repo), "--now", NOW]);
    assert_eq!(
        messages(&report, "W007"),
        [
            "`blocked.since` is not set and no history says when, so the deadline (2 working days) cannot be checked"
        ]
    );
    let (_, later) = json(&["check", &path(&repo), "--now", "2026-07-15T10:00:00+08:00"]);
    assert!(
        messages(&later, "W007")[0].starts_with("blocked since 2026-07-10 10:00"),
        "{later}"
    );
}

#[test]
fn a_pull_request_that_breaks_the_policy_is_told_so() {
    let repo = base_repo();
    let base = repo.commit(ADMIN, "2026-07-01T10:00:00+08:00");
    repo.write("baton.toml", "[project]\ntimezone = \"Asia/Shangai\"\n");
    repo.commit(ADMIN, "2026-07-06T10:00:00+08:00");
    // Judged by the base's (valid) policy, but the breakage is reported.
    let (code, report) = json(&[
        "check",
        &path(&repo),
        "--base",
        &base.to_string(),
        "--head",
        "HEAD",
        "--now",
        NOW,
    ]);
    assert_eq!(code, 1, "{report}");
    let broken = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "S002" && f["path"] == "baton.toml")
        .unwrap();
    assert_eq!(broken["change"], "new");
    assert_eq!(
        (broken["line"].as_u64(), broken["column"].as_u64()),
        (Some(2), Some(12))
    );
    assert!(
        broken["message"]
            .as_str()
            .unwrap()
            .contains("unknown time zone `Asia/Shangai`")
    );
}

#[test]
fn d006_fires_when_a_change_moves_a_request_finish() {
    let repo = base_repo();
    repo.write("requests/REQ-1.toml", "title = \"上线\"\nfrom = { department = \"mkt\" }\nto = [{ department = \"rnd\" }]\nstatus = \"draft\"\ndue = 2026-07-31\n");
    repo.write("tasks/T-2.toml", "title = \"联调\"\nowner = \"li.gong\"\ndeliverable = \"d\"\nacceptance = \"a\"\nrequest = \"REQ-1\"\neffort = \"3wd\"\ndepends_on = [\"T-1\"]\n");
    repo.edit(
        "tasks/T-1.toml",
        "status",
        "status = \"todo\"\neffort = \"3wd\"\nrequest = \"REQ-1\"",
    );
    let base = repo.commit(ADMIN, "2026-07-01T10:00:00+08:00");
    // The lead department's head may change the effort (O005 does not fire).
    repo.edit("tasks/T-1.toml", "effort", "effort = \"5wd\"");
    repo.commit(CHEN, "2026-07-03T10:00:00+08:00");
    let now = "2026-07-06T09:00:00+08:00";
    let (code, report) = json(&[
        "check",
        &path(&repo),
        "--base",
        &base.to_string(),
        "--head",
        "HEAD",
        "--now",
        now,
    ]);
    assert_eq!(code, 0, "information only: {report}");
    let moved = messages(&report, "D006");
    assert!(
        moved.iter().any(|m| m == "moves REQ-1's planned finish from 2026-07-13 to 2026-07-15 (2 working days later) through T-1 → T-2"),
        "{moved:?}"
    );
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "D006" && f["item"] == "REQ-1")
        .unwrap();
    assert_eq!(
        (finding["severity"].as_str(), finding["change"].as_str()),
        (Some("info"), Some("new"))
    );
    // The comment shows it in its own section, not among the findings.
    let (_, stdout, _) = run(&[
        "check",
        &path(&repo),
        "--base",
        &base.to_string(),
        "--head",
        "HEAD",
        "--now",
        now,
        "--format",
        "markdown",
        "--lang",
        "en",
    ]);
    let schedule = stdout.find("#### schedule").expect("a schedule section");
    assert!(
        stdout[schedule..].contains("moves REQ-1's planned finish"),
        "{stdout}"
    );
}
