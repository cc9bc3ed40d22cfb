//! Pull-request verdicts people can trust (SPEC §6): a pull request is
//! judged on its own changes and on who made them, with no way around it.
//! Every scenario is a real git repository built commit by commit; the
//! table in SECURITY.md points at these tests.

mod support;

use std::process::Command;

use git2::Oid;
use serde_json::Value;
use support::run_baton as baton;
use support::*;

const NOW: &str = "2026-07-08T10:00:00+08:00";

/// li.gong (rnd) owns it, zhang.jingli (mkt) accepts it, chen.zong heads rnd.
const TASK: &str = "title = \"合同审核\"\nowner = \"li.gong\"\nlead = \"rnd\"\nacceptor = \"zhang.jingli\"\ndue = 2026-07-20\ndeliverable = \"审核意见\"\nacceptance = \"无遗留问题\"\nstatus = \"in_progress\"\n";
/// zhao.liu (mkt) owns it.
const ZHAO_TASK: &str = "title = \"物料准备\"\nowner = \"zhao.liu\"\nlead = \"mkt\"\ndue = 2026-07-20\ndeliverable = \"物料清单\"\nacceptance = \"齐全\"\nstatus = \"in_progress\"\n";

/// `check --base base --head head` as JSON: exit code and report.
fn pr(repo: &TestRepo, base: Oid, head: Oid) -> (i32, Value) {
    pr_at(
        &repo.path().display().to_string(),
        &base.to_string(),
        &head.to_string(),
    )
}

fn pr_at(path: &str, base: &str, head: &str) -> (i32, Value) {
    let (code, stdout, stderr) = baton(&[
        "check", path, "--base", base, "--head", head, "--now", NOW, "--format", "json", "--lang",
        "en",
    ]);
    let report =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}\n{stderr}"));
    (code, report)
}

/// The new findings as (rule, item, message).
fn new_findings(report: &Value) -> Vec<(String, String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["change"] == "new")
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["item"].as_str().unwrap_or("").to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn rules(findings: &[(String, String, String)]) -> Vec<&str> {
    findings.iter().map(|(r, _, _)| r.as_str()).collect()
}

/// The findings of the authority rules (O004, O005) only: other rules may
/// rightly fire on what a change records (a delivery nobody reviewed).
fn authority(findings: &[(String, String, String)]) -> Vec<(String, String, String)> {
    findings
        .iter()
        .filter(|(rule, _, _)| rule == "O004" || rule == "O005")
        .cloned()
        .collect()
}

fn changed_ids(report: &Value) -> Vec<String> {
    report["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap_or("").to_string())
        .collect()
}

/// A repository with T-1 (li.gong's, accepted by zhang.jingli) and T-2
/// (zhao.liu's), committed by the admin.
fn repo_with_tasks() -> (TestRepo, Oid) {
    let repo = TestRepo::new();
    repo.write("baton.toml", BATON)
        .write("org.toml", ORG)
        .write("tasks/T-1.toml", TASK)
        .write("tasks/T-2.toml", ZHAO_TASK);
    let fork = repo.commit(ADMIN, "2026-06-29T10:00:00+08:00");
    (repo, fork)
}

fn text(repo: &TestRepo, path: &str) -> String {
    std::fs::read_to_string(repo.path().join(path)).unwrap()
}

#[test]
fn a_stale_branch_is_not_blamed_for_the_targets_work() {
    let repo = TestRepo::new();
    repo.write("baton.toml", BATON)
        .write("org.toml", ORG)
        // Overdue at NOW until main fixes its date.
        .write("tasks/T-1.toml", &TASK.replace("2026-07-20", "2026-07-03"))
        .write("tasks/T-2.toml", ZHAO_TASK)
        .write("tasks/T-3.toml", &ZHAO_TASK.replace("物料准备", "展位设计"));
    let fork = repo.commit(ADMIN, "2026-06-29T10:00:00+08:00");
    // The pull request: zhao.liu retitles his own T-3.
    repo.edit("tasks/T-3.toml", "title", "title = \"展位设计(终稿)\"");
    let head = repo.commit(ZHAO, "2026-07-01T10:00:00+08:00");
    // Meanwhile on main: the admin fixes T-1's date and archives T-2.
    repo.checkout(fork);
    repo.edit("tasks/T-1.toml", "due", "due = 2026-07-20");
    repo.commit(ADMIN, "2026-07-02T10:00:00+08:00");
    repo.edit(
        "tasks/T-2.toml",
        "status",
        "status = \"cancelled\"\narchived = true",
    );
    let main = repo.commit(ADMIN, "2026-07-03T10:00:00+08:00");

    let (code, report) = pr(&repo, main, head);
    assert_eq!(code, 0, "{report}");
    assert_eq!(changed_ids(&report), ["T-3"]);
    assert!(new_findings(&report).is_empty(), "{report}");
    assert_eq!(report["judged"]["mode"], "merge");
    assert_eq!(report["judged"]["merge_base"], fork.to_string());
}

#[test]
fn the_test_merge_commit_as_head_gives_the_same_verdict() {
    let (repo, fork) = repo_with_tasks();
    repo.edit("tasks/T-1.toml", "due", "due = 2026-07-31");
    let head = repo.commit(ZHAO, "2026-07-01T10:00:00+08:00");
    repo.checkout(fork);
    repo.edit("tasks/T-2.toml", "title", "title = \"物料准备(改)\"");
    let main = repo.commit(ZHAO, "2026-07-02T10:00:00+08:00");
    // What actions/checkout checks out on `pull_request`: main with the
    // head merged.
    repo.edit("tasks/T-1.toml", "due", "due = 2026-07-31");
    let test_merge = repo.commit_with(ADMIN, "2026-07-03T10:00:00+08:00", &[main, head]);
    let (code_head, by_head) = pr(&repo, main, head);
    let (code_merge, by_merge) = pr(&repo, main, test_merge);
    assert_eq!((code_head, code_merge), (1, 1));
    assert_eq!(new_findings(&by_head), new_findings(&by_merge));
    assert_eq!(rules(&new_findings(&by_head)), ["O005"]);
    assert_eq!(changed_ids(&by_merge), ["T-1"]);
}

#[test]
fn a_deadline_moved_by_someone_not_entitled_fails() {
    let (repo, fork) = repo_with_tasks();
    repo.edit("tasks/T-1.toml", "due", "due = 2026-08-20");
    let head = repo.commit(ZHAO, "2026-07-01T10:00:00+08:00");
    let (code, report) = pr(&repo, fork, head);
    assert_eq!(code, 1);
    let found = new_findings(&report);
    assert_eq!(rules(&found), ["O005"], "{found:?}");
    assert!(
        found[0]
            .2
            .starts_with("`due` changed from `2026-07-20` to `2026-08-20` by `zhao.liu` in "),
        "{}",
        found[0].2
    );
    assert!(
        found[0].2.ends_with(
            "only `chen.zong` or `zhang.jingli` may, or an approved change request listing this change"
        ),
        "{}",
        found[0].2
    );
    let hint = report["findings"][0]["hint"].as_str().unwrap_or("");
    assert!(
        hint.contains("item = \"T-1\", field = \"due\", from = 2026-07-20, to = 2026-08-20"),
        "{hint}"
    );

    // Reassigning the owner is the lead department head's call.
    repo.checkout(fork);
    repo.edit("tasks/T-1.toml", "owner", "owner = \"zhao.liu\"");
    let head = repo.commit(LI, "2026-07-01T10:00:00+08:00");
    let (code, report) = pr(&repo, fork, head);
    assert_eq!(code, 1);
    assert_eq!(rules(&new_findings(&report)), ["O005"]);
}

#[test]
fn a_deadline_moved_by_the_acceptor_or_the_lead_head_passes() {
    for who in [ZHANG, CHEN, ADMIN] {
        let (repo, fork) = repo_with_tasks();
        repo.edit("tasks/T-1.toml", "due", "due = 2026-08-20");
        let head = repo.commit(who, "2026-07-01T10:00:00+08:00");
        let (code, report) = pr(&repo, fork, head);
        assert_eq!((code, new_findings(&report)), (0, vec![]), "{who:?}");
    }
}

fn change_request(from: &str, to: &str) -> String {
    format!(
        "title = \"T-1 延期一个月\"\nrequested_by = \"li.gong\"\nrequested_at = 2026-07-01T10:00:00+08:00\nreason = \"外部律所排期\"\nimpact = \"无下游任务\"\n\n[[change]]\nitem = \"T-1\"\nfield = \"due\"\nfrom = {from}\nto = {to}\n"
    )
}

const APPROVE_ZHANG: &str = "\n[[approval]]\nby = \"zhang.jingli\"\nat = 2026-07-01T15:00:00+08:00\ndecision = \"approve\"\n";
const APPROVE_CHEN: &str =
    "\n[[approval]]\nby = \"chen.zong\"\nat = 2026-07-01T16:00:00+08:00\ndecision = \"approve\"\n";

#[test]
fn an_approved_change_request_moves_a_deadline() {
    let (repo, fork) = repo_with_tasks();
    let cr = change_request("2026-07-20", "2026-08-20");
    repo.write("changes/CR-1.toml", &cr);
    repo.commit(LI, "2026-07-01T10:00:00+08:00");
    // Each approver records their own decision.
    repo.write("changes/CR-1.toml", &format!("{cr}{APPROVE_ZHANG}"));
    repo.commit(ZHANG, "2026-07-01T15:00:00+08:00");
    repo.write(
        "changes/CR-1.toml",
        &format!("{cr}{APPROVE_ZHANG}{APPROVE_CHEN}"),
    );
    repo.commit(CHEN, "2026-07-01T16:00:00+08:00");
    repo.edit("tasks/T-1.toml", "due", "due = 2026-08-20");
    let head = repo.commit(LI, "2026-07-02T10:00:00+08:00");

    let (code, report) = pr(&repo, fork, head);
    assert_eq!((code, new_findings(&report)), (0, vec![]), "{report}");
    assert_eq!(
        report["approved_changes"],
        serde_json::json!([{ "item": "T-1", "field": "due", "from": "2026-07-20", "to": "2026-08-20", "by": "CR-1" }])
    );
    let (_, comment, _) = baton(&[
        "check",
        &repo.path().display().to_string(),
        "--base",
        &fork.to_string(),
        "--head",
        &head.to_string(),
        "--now",
        NOW,
        "--format",
        "markdown",
        "--lang",
        "en",
    ]);
    assert!(
        comment.contains("T-1 <code>due</code> 2026-07-20 → 2026-08-20, approved by CR-1"),
        "{comment}"
    );

    // The item's history names the change request that allowed the move.
    let (code, log, stderr) = baton(&[
        "log",
        "T-1",
        &repo.path().display().to_string(),
        "--rev",
        &head.to_string(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        log.lines().any(
            |l| l.contains("due") && l.ends_with("2026-07-20 → 2026-08-20  (approved by CR-1)")
        ),
        "{log}"
    );

    // The same change request with approvals the requester wrote himself
    // authorises nothing: each forged approval is an O004.
    repo.checkout(fork);
    repo.write(
        "changes/CR-1.toml",
        &format!("{cr}{APPROVE_ZHANG}{APPROVE_CHEN}"),
    );
    repo.edit("tasks/T-1.toml", "due", "due = 2026-08-20");
    let forged = repo.commit(LI, "2026-07-02T10:00:00+08:00");
    let (code, report) = pr(&repo, fork, forged);
    assert_eq!(code, 1);
    let found = new_findings(&report);
    assert_eq!(rules(&found), ["O004"], "{found:?}");
    assert!(
        found[0]
            .2
            .contains("`approval[zhang.jingli]` and `approval[chen.zong]` changed by `li.gong`"),
        "{}",
        found[0].2
    );
}

#[test]
fn a_change_request_that_does_not_match_or_was_rejected_authorises_nothing() {
    let cases = [
        (
            change_request("2026-07-10", "2026-08-20") + APPROVE_ZHANG + APPROVE_CHEN,
            "change request CR-1 lists this change from `2026-07-10`, but the value was `2026-07-20`",
        ),
        (
            change_request("2026-07-20", "2026-08-20") + APPROVE_CHEN,
            "change request CR-1 lists this change but is not approved yet: waiting for `zhang.jingli`",
        ),
        (
            change_request("2026-07-20", "2026-08-20")
                + "\n[[approval]]\nby = \"zhang.jingli\"\ndecision = \"reject\"\ncomments = \"上线日期不能动\"\n"
                + APPROVE_CHEN,
            "change request CR-1 lists this change but was rejected by `zhang.jingli`",
        ),
    ];
    for (cr, expected) in cases {
        let (repo, _) = repo_with_tasks();
        // The change request and its decisions are on main already.
        repo.write("changes/CR-1.toml", &cr);
        let main = repo.commit(ADMIN, "2026-07-01T17:00:00+08:00");
        repo.edit("tasks/T-1.toml", "due", "due = 2026-08-20");
        let head = repo.commit(LI, "2026-07-02T10:00:00+08:00");
        let (code, report) = pr(&repo, main, head);
        assert_eq!(code, 1, "{report}");
        assert_eq!(rules(&new_findings(&report)), ["O005"]);
        let hint = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == "O005")
            .and_then(|f| f["hint"].as_str())
            .unwrap_or("");
        assert!(hint.starts_with(expected), "{hint}");
    }
}

#[test]
fn a_merge_of_an_older_commit_cannot_set_a_status() {
    let (repo, _) = repo_with_tasks();
    // Long ago T-1 was accepted; then the acceptor reopened it.
    repo.edit(
        "tasks/T-1.toml",
        "status",
        "status = \"accepted\"\n[review]\nby = \"zhang.jingli\"\nverdict = \"accepted\"",
    );
    let old = repo.commit(ZHANG, "2026-06-30T10:00:00+08:00");
    let accepted = text(&repo, "tasks/T-1.toml");
    repo.write("tasks/T-1.toml", TASK);
    let main = repo.commit(ZHANG, "2026-07-01T10:00:00+08:00");
    // zhao.liu merges the old commit and keeps its T-1.
    repo.write("tasks/T-1.toml", &accepted);
    let head = repo.commit_with(ZHAO, "2026-07-02T10:00:00+08:00", &[main, old]);
    let (code, report) = pr(&repo, main, head);
    assert_eq!(code, 1, "{report}");
    let found = new_findings(&report);
    assert_eq!(rules(&found), ["O004"], "{found:?}");
    assert!(
        found[0].2.contains("changed by `zhao.liu`"),
        "{}",
        found[0].2
    );
}

#[test]
fn an_orphan_commit_cannot_set_a_status() {
    let (repo, main) = repo_with_tasks();
    // An orphan commit holding only T-1, delivered.
    for path in ["baton.toml", "org.toml", "tasks/T-2.toml"] {
        repo.remove(path);
    }
    repo.edit(
        "tasks/T-1.toml",
        "status",
        "status = \"delivered\"\ndelivered_at = 2026-07-01T10:00:00+08:00",
    );
    let orphan = repo.commit_with(ZHAO, "2026-07-01T10:00:00+08:00", &[]);
    let delivered = text(&repo, "tasks/T-1.toml");
    repo.checkout(main);
    repo.write("tasks/T-1.toml", &delivered);
    let head = repo.commit_with(ZHAO, "2026-07-02T10:00:00+08:00", &[main, orphan]);
    let (code, report) = pr(&repo, main, head);
    assert_eq!(code, 1, "{report}");
    let found = authority(&new_findings(&report));
    assert_eq!(rules(&found), ["O004"], "{found:?}");
    assert!(
        found[0]
            .2
            .starts_with("`status` and `delivered_at` changed by `zhao.liu`"),
        "{}",
        found[0].2
    );
}

#[test]
fn deleting_and_re_adding_an_item_elsewhere_is_a_change_of_that_item() {
    let (repo, fork) = repo_with_tasks();
    repo.remove("tasks/T-1.toml");
    repo.commit(ZHAO, "2026-07-01T10:00:00+08:00");
    repo.write(
        "tasks/mkt/T-1.toml",
        &TASK.replace(
            "status = \"in_progress\"",
            "status = \"delivered\"\ndelivered_at = 2026-07-01T11:00:00+08:00",
        ),
    );
    let head = repo.commit(ZHAO, "2026-07-01T11:00:00+08:00");
    let (code, report) = pr(&repo, fork, head);
    assert_eq!(code, 1, "{report}");
    assert_eq!(report["changed"][0]["change"], "renamed");
    let found = authority(&new_findings(&report));
    assert_eq!(rules(&found), ["O004"], "{found:?}");
    assert!(
        found[0]
            .2
            .starts_with("`status` and `delivered_at` changed by `zhao.liu`")
    );
}

#[test]
fn a_new_item_cannot_carry_another_persons_act() {
    let (repo, fork) = repo_with_tasks();
    repo.write(
        "tasks/T-9.toml",
        &TASK.replace(
            "status = \"in_progress\"",
            "status = \"accepted\"\n[review]\nby = \"zhang.jingli\"\nverdict = \"accepted\"",
        ),
    );
    repo.write(
        "requests/REQ-9.toml",
        "title = \"协作\"\nfrom = { department = \"mkt\", contact = \"zhao.liu\" }\nto = [{ department = \"rnd\", contact = \"li.gong\" }]\nsubmitted_at = 2026-07-01T10:00:00+08:00\n[[response]]\ndepartment = \"rnd\"\nby = \"li.gong\"\ndecision = \"accept\"\n",
    );
    let head = repo.commit(ZHAO, "2026-07-01T11:00:00+08:00");
    let (code, report) = pr(&repo, fork, head);
    assert_eq!(code, 1, "{report}");
    let found = new_findings(&report);
    let o004: Vec<(&str, &str)> = found
        .iter()
        .filter(|(r, _, _)| r == "O004")
        .map(|(_, item, message)| (item.as_str(), message.as_str()))
        .collect();
    assert_eq!(o004.len(), 2, "{found:?}");
    assert!(
        o004.iter()
            .any(|(item, m)| *item == "REQ-9"
                && m.starts_with("`response[rnd]` changed by `zhao.liu`")),
        "{o004:?}"
    );
    assert!(
        o004.iter()
            .any(|(item, m)| *item == "T-9" && m.contains("`review`")),
        "{o004:?}"
    );

    // The same items created by the people whose acts they carry pass.
    repo.checkout(fork);
    repo.write(
        "tasks/T-9.toml",
        &TASK.replace(
            "status = \"in_progress\"",
            "status = \"accepted\"\n[review]\nby = \"zhang.jingli\"\nverdict = \"accepted\"",
        ),
    );
    let head = repo.commit(ZHANG, "2026-07-01T11:00:00+08:00");
    let (_, report) = pr(&repo, fork, head);
    assert!(!rules(&new_findings(&report)).contains(&"O004"), "{report}");
}

#[test]
fn commit_times_inside_a_pull_request_are_not_evidence() {
    for committed in ["2026-07-01T11:00:00+08:00", "2099-01-01T10:00:00+08:00"] {
        let repo = TestRepo::new();
        repo.write("baton.toml", BATON).write("org.toml", ORG).write(
            "requests/REQ-1.toml",
            "title = \"协作\"\nfrom = { department = \"mkt\", contact = \"zhang.jingli\" }\nto = [{ department = \"rnd\", contact = \"li.gong\" }]\nsubmitted_at = 2026-07-01T10:00:00+08:00\nstatus = \"submitted\"\n",
        );
        let main = repo.commit(ADMIN, "2026-07-01T10:00:00+08:00");
        // The response claims (by its commit time) to be on time.
        let request = text(&repo, "requests/REQ-1.toml");
        repo.write(
            "requests/REQ-1.toml",
            &format!("{request}\n[[response]]\ndepartment = \"rnd\"\nby = \"li.gong\"\ndecision = \"accept\"\n"),
        );
        let head = repo.commit(LI, committed);
        let (_, report) = pr(&repo, main, head);
        let w001: Vec<&Value> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "W001" && f["change"] != "fixed")
            .collect();
        // Answered at the merge (now, 07-08), not on 07-01: still late.
        assert_eq!(w001.len(), 1, "{committed}: {report}");
        assert!(
            w001[0]["message"]
                .as_str()
                .unwrap()
                .contains("2026-07-08 10:00"),
            "{}",
            w001[0]["message"]
        );
    }
}

#[test]
fn updating_the_branch_is_not_the_authors_change() {
    let (repo, fork) = repo_with_tasks();
    repo.edit("tasks/T-2.toml", "title", "title = \"物料准备(含样品)\"");
    let work = repo.commit(ZHAO, "2026-07-01T10:00:00+08:00");
    // The admin changes the policy and li.gong reports on main.
    repo.checkout(fork);
    repo.write(
        "org.toml",
        &format!("{ORG}\n[[department]]\nid = \"legal\"\nhead = \"xu.ting\"\n"),
    );
    repo.commit(ADMIN, "2026-07-02T10:00:00+08:00");
    repo.edit(
        "tasks/T-1.toml",
        "status",
        "status = \"blocked\"\n[blocked]\nsince = 2026-07-02T11:00:00+08:00\nreason = \"等待法务\"",
    );
    let main = repo.commit(LI, "2026-07-02T11:00:00+08:00");
    // "Update branch": zhao.liu merges main into his branch.
    let main_tree = (text(&repo, "org.toml"), text(&repo, "tasks/T-1.toml"));
    repo.checkout(work);
    repo.write("org.toml", &main_tree.0)
        .write("tasks/T-1.toml", &main_tree.1);
    let head = repo.commit_with(ZHAO, "2026-07-03T10:00:00+08:00", &[work, main]);
    let (code, report) = pr(&repo, main, head);
    assert_eq!((code, new_findings(&report)), (0, vec![]), "{report}");
    assert_eq!(changed_ids(&report), ["T-2"]);
}

#[test]
fn the_acceptor_closing_a_task_is_not_blamed() {
    let (repo, _) = repo_with_tasks();
    let delivered = TASK.replace(
        "status = \"in_progress\"",
        "status = \"delivered\"\ndelivered_at = 2026-07-06T10:00:00+08:00",
    );
    repo.write("tasks/T-1.toml", &delivered);
    let main = repo.commit(LI, "2026-07-06T10:00:00+08:00");
    repo.write(
        "tasks/T-1.toml",
        &(delivered.replace("status = \"delivered\"", "status = \"accepted\"")
            + "\n[review]\nby = \"zhang.jingli\"\nat = 2026-07-07T10:00:00+08:00\nverdict = \"accepted\"\n"),
    );
    let head = repo.commit(ZHANG, "2026-07-07T10:00:00+08:00");
    let (code, report) = pr(&repo, main, head);
    assert_eq!((code, new_findings(&report)), (0, vec![]), "{report}");
    // The owner may not accept his own work.
    repo.checkout(main);
    repo.write(
        "tasks/T-1.toml",
        &delivered.replace("status = \"delivered\"", "status = \"accepted\""),
    );
    let head = repo.commit(LI, "2026-07-07T10:00:00+08:00");
    let (code, report) = pr(&repo, main, head);
    assert_eq!(code, 1);
    assert_eq!(rules(&authority(&new_findings(&report))), ["O004"]);
}

#[test]
fn one_update_entry_is_one_finding() {
    let (repo, fork) = repo_with_tasks();
    let task = text(&repo, "tasks/T-1.toml");
    repo.write(
        "tasks/T-1.toml",
        &format!("{task}\n[[update]]\nat = 2026-07-01T16:40:00+08:00\nby = \"zhao.liu\"\nprogress = 50\ndone = \"初审\"\nnext = \"复审\"\n"),
    );
    let head = repo.commit(ZHAO, "2026-07-01T16:40:00+08:00");
    let (code, report) = pr(&repo, fork, head);
    assert_eq!(code, 1);
    let found = authority(&new_findings(&report));
    assert_eq!(rules(&found), ["O004"], "{found:?}");
    assert!(
        found[0].2.starts_with("`update[0]` changed by `zhao.liu`"),
        "{}",
        found[0].2
    );
}

#[test]
fn deleting_an_agreed_task_needs_the_lead_head_or_the_acceptor() {
    let (repo, fork) = repo_with_tasks();
    repo.remove("tasks/T-1.toml");
    let head = repo.commit(ZHAO, "2026-07-01T10:00:00+08:00");
    let (code, report) = pr(&repo, fork, head);
    assert_eq!(code, 1);
    let found = authority(&new_findings(&report));
    assert_eq!(rules(&found), ["O005"], "{found:?}");
    assert!(
        found[0].2.starts_with("`T-1` deleted by `zhao.liu`"),
        "{}",
        found[0].2
    );
}

#[test]
fn a_conflict_is_judged_against_the_merge_base() {
    let (repo, fork) = repo_with_tasks();
    repo.edit("tasks/T-2.toml", "title", "title = \"物料准备(甲)\"");
    let head = repo.commit(ZHAO, "2026-07-01T10:00:00+08:00");
    repo.checkout(fork);
    repo.edit("tasks/T-2.toml", "title", "title = \"物料准备(乙)\"");
    let main = repo.commit(ZHAO, "2026-07-02T10:00:00+08:00");
    let (code, report) = pr(&repo, main, head);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["judged"]["mode"], "merge-base");
    assert_eq!(
        report["judged"]["conflicts"],
        serde_json::json!(["tasks/T-2.toml"])
    );
    let (_, stdout, _) = baton(&[
        "check",
        &repo.path().display().to_string(),
        "--base",
        &main.to_string(),
        "--head",
        &head.to_string(),
        "--now",
        NOW,
        "--lang",
        "en",
    ]);
    assert!(
        stdout.contains("the pull request conflicts with the target branch in tasks/T-2.toml: judged as the merge base against its head"),
        "{stdout}"
    );
}

#[test]
fn a_shallow_clone_cut_inside_the_pull_request_blames_nobody() {
    let (repo, fork) = repo_with_tasks();
    repo.edit("tasks/T-2.toml", "title", "title = \"物料准备 1\"");
    repo.commit(ZHAO, "2026-07-01T10:00:00+08:00");
    repo.edit("tasks/T-2.toml", "title", "title = \"物料准备 2\"");
    repo.commit(ZHAO, "2026-07-01T11:00:00+08:00");
    repo.edit("tasks/T-2.toml", "title", "title = \"物料准备 3\"");
    let head = repo.commit(ZHAO, "2026-07-01T12:00:00+08:00");
    repo.repo
        .reference("refs/heads/pr", head, true, "test")
        .unwrap();
    repo.checkout(fork);
    repo.edit("tasks/T-1.toml", "title", "title = \"合同审核(主干)\"");
    let main = repo.commit(ADMIN, "2026-07-02T10:00:00+08:00");
    let clone = tempfile::tempdir().unwrap();
    let status = Command::new("git")
        .args(["clone", "-q", "--no-single-branch", "--depth", "2"])
        .arg(format!("file://{}", repo.path().display()))
        .arg(clone.path().join("c"))
        .status()
        .unwrap();
    assert!(status.success());
    let c = clone.path().join("c").display().to_string();
    let (code, report) = pr_at(&c, &main.to_string(), &head.to_string());
    assert_eq!(code, 0, "{report}");
    assert!(!rules(&new_findings(&report)).contains(&"O004"), "{report}");
    assert_eq!(report["judged"]["mode"], "unrelated");
    assert!(
        !report["unattributed"].as_array().unwrap().is_empty(),
        "{report}"
    );
}

#[test]
fn a_waiver_is_the_lead_heads_act() {
    // T-1 is overdue at the base: D001 stands until someone acts.
    let repo = TestRepo::new();
    repo.write("baton.toml", BATON)
        .write("org.toml", ORG)
        .write("tasks/T-1.toml", &TASK.replace("2026-07-20", "2026-07-03"));
    let fork = repo.commit(ADMIN, "2026-06-29T10:00:00+08:00");
    let waiver = "\n[[waiver]]\nrule = \"D001\"\nreason = \"the client moved the review\"\nby = \"chen.zong\"\nuntil = 2026-07-31\n";
    let with_waiver = TASK.replace("2026-07-20", "2026-07-03") + waiver;
    let d001 = |report: &Value| -> Vec<(String, Value)> {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "D001")
            .map(|f| {
                (
                    f["severity"].as_str().unwrap().to_string(),
                    f["waived"].clone(),
                )
            })
            .collect()
    };

    // The owner writes a waiver in his lead head's name: it is not his to
    // give, so it is an unauthorised change and waives nothing.
    repo.write("tasks/T-1.toml", &with_waiver);
    let head = repo.commit(LI, "2026-07-06T10:00:00+08:00");
    let (code, report) = pr(&repo, fork, head);
    assert_eq!(code, 1);
    let found = new_findings(&report);
    assert_eq!(rules(&found), ["O004"], "{found:?}");
    assert!(found[0].2.contains("`li.gong`"), "{}", found[0].2);
    assert_eq!(d001(&report), [("error".to_string(), Value::Null)]);

    // The lead department's head gives it: the finding is waived.
    repo.checkout(fork);
    repo.write("tasks/T-1.toml", &with_waiver);
    let head = repo.commit(CHEN, "2026-07-06T10:00:00+08:00");
    let (code, report) = pr(&repo, fork, head);
    assert_eq!((code, new_findings(&report)), (0, vec![]));
    let found = d001(&report);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "info");
    assert_eq!(found[0].1["by"], "chen.zong");
    assert_eq!(found[0].1["severity"], "error");

    // A waiver in baton.toml is a policy change: an admin's.
    repo.checkout(fork);
    let policy = format!("{BATON}{waiver}item = \"T-1\"\n");
    repo.write("baton.toml", &policy);
    let head = repo.commit(CHEN, "2026-07-06T10:00:00+08:00");
    let (code, report) = pr(&repo, fork, head);
    assert_eq!(code, 1);
    assert_eq!(rules(&new_findings(&report)), ["O004"]);
    assert_eq!(d001(&report), [("error".to_string(), Value::Null)]);
}

/// fang.lv is the legal department (`project.legal_department`).
const FANG: Who = ("方律", "fang.lv@example.com");

/// The support organisation with a legal department, and baton.toml naming it.
fn repo_with_legal() -> TestRepo {
    let repo = TestRepo::new();
    let org = format!(
        "{ORG}\n[[department]]\nid = \"legal\"\nhead = \"fang.lv\"\n\n[[person]]\nid = \"fang.lv\"\ndepartment = \"legal\"\nemails = [\"fang.lv@example.com\"]\n"
    );
    repo.write(
        "baton.toml",
        &BATON.replace("[project]\n", "[project]\nlegal_department = \"legal\"\n"),
    )
    .write("org.toml", &org);
    repo
}

/// zhao.liu (mkt, under zhang.jingli) handles it; no response yet.
const COMPLAINT: &str = "title = \"杯盖漏水\"\ncustomer = \"某贸易公司\"\nreceived_at = 2026-07-07T09:00:00+08:00\nowner = \"zhao.liu\"\n";
const RESPONSE: &str =
    "\n[response]\nat = 2026-07-07T15:00:00+08:00\nby = \"zhao.liu\"\nplan = \"补发杯盖\"\n";

#[test]
fn a_complaint_is_answered_by_its_owner_or_the_owners_manager() {
    let repo = repo_with_legal();
    repo.write("complaints/CMP-1.toml", COMPLAINT);
    let fork = repo.commit(ADMIN, "2026-07-07T09:30:00+08:00");
    let answer = format!("{COMPLAINT}{RESPONSE}");
    // li.gong of R&D answers for zhao.liu: not his to do.
    repo.write("complaints/CMP-1.toml", &answer);
    let head = repo.commit(LI, "2026-07-07T15:00:00+08:00");
    let (code, report) = pr(&repo, fork, head);
    assert_eq!(code, 1, "{report}");
    let found = authority(&new_findings(&report));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "O004");
    assert!(
        found[0].2.starts_with("`response` changed by `li.gong`"),
        "{found:?}"
    );
    // The owner, and the owner's manager, may.
    for who in [ZHAO, ZHANG] {
        repo.checkout(fork);
        repo.write("complaints/CMP-1.toml", &answer);
        let head = repo.commit(who, "2026-07-07T15:00:00+08:00");
        let (_, report) = pr(&repo, fork, head);
        assert!(
            authority(&new_findings(&report)).is_empty(),
            "{who:?}: {report}"
        );
    }
}

/// li.gong (rnd, headed by chen.zong) owns it; legal was asked.
const AGREEMENT: &str = "title = \"供货协议\"\ncounterparty = \"某厂\"\nowner = \"li.gong\"\nlead = \"rnd\"\n\n[legal_review]\nrequested_at = 2026-07-01T10:00:00+08:00\n";
const APPROVED: &str = "at = 2026-07-02T10:00:00+08:00\nby = \"fang.lv\"\nverdict = \"approved\"\n";

#[test]
fn only_legal_reviews_and_only_the_lead_head_signs_for_us() {
    let repo = repo_with_legal();
    repo.write("agreements/AGR-1.toml", AGREEMENT);
    let fork = repo.commit(ADMIN, "2026-07-01T10:00:00+08:00");
    let reviewed = format!("{AGREEMENT}{APPROVED}");
    // The owner approves his own agreement in legal's name.
    repo.write("agreements/AGR-1.toml", &reviewed);
    let head = repo.commit(LI, "2026-07-02T10:00:00+08:00");
    let (_, report) = pr(&repo, fork, head);
    let found = authority(&new_findings(&report));
    assert!(
        found.len() == 1
            && found[0]
                .2
                .starts_with("`legal_review` changed by `li.gong`"),
        "{found:?}"
    );
    // Legal itself may.
    repo.checkout(fork);
    repo.write("agreements/AGR-1.toml", &reviewed);
    let reviewed_head = repo.commit(FANG, "2026-07-02T10:00:00+08:00");
    let (_, report) = pr(&repo, fork, reviewed_head);
    assert!(authority(&new_findings(&report)).is_empty(), "{report}");

    // After the review: the owner records the counterparty's signature,
    // but may not sign for the company; the head of R&D may.
    let ours =
        "\n[[signature]]\nparty = \"us\"\nby = \"li.gong\"\nat = 2026-07-03T10:00:00+08:00\n";
    let theirs = "\n[[signature]]\nparty = \"counterparty\"\nby = \"某厂 王总\"\nat = 2026-07-03T11:00:00+08:00\n";
    repo.write(
        "agreements/AGR-1.toml",
        &format!("{reviewed}{ours}{theirs}"),
    );
    let head = repo.commit(LI, "2026-07-03T12:00:00+08:00");
    let (_, report) = pr(&repo, reviewed_head, head);
    let found = authority(&new_findings(&report));
    assert_eq!(found.len(), 1, "only our signature: {found:?}");
    assert!(found[0].2.contains("signature[us]"), "{found:?}");
    repo.checkout(reviewed_head);
    repo.write("agreements/AGR-1.toml", &format!("{reviewed}{ours}"));
    let head = repo.commit(CHEN, "2026-07-03T12:00:00+08:00");
    let (_, report) = pr(&repo, reviewed_head, head);
    assert!(authority(&new_findings(&report)).is_empty(), "{report}");
}

#[test]
fn a_new_agreement_cannot_carry_legals_approval() {
    let repo = repo_with_legal();
    let fork = repo.commit(ADMIN, "2026-07-01T10:00:00+08:00");
    repo.write("agreements/AGR-9.toml", &format!("{AGREEMENT}{APPROVED}"));
    let head = repo.commit(LI, "2026-07-02T10:00:00+08:00");
    let (code, report) = pr(&repo, fork, head);
    assert_eq!(code, 1, "{report}");
    let found = authority(&new_findings(&report));
    assert!(
        found
            .iter()
            .any(|(rule, item, m)| rule == "O004" && item == "AGR-9" && m.contains("legal_review")),
        "{found:?}"
    );
}

#[test]
fn terms_legal_approved_change_only_with_legal() {
    let repo = repo_with_legal();
    let draft = AGREEMENT.replace(
        "lead = \"rnd\"\n",
        "lead = \"rnd\"\nterms = [\"交期15个工作日\"]\n",
    );
    repo.write("agreements/AGR-1.toml", &draft);
    let fork = repo.commit(ADMIN, "2026-07-01T10:00:00+08:00");
    // Before legal approved: the owner's draft, open to edit.
    repo.edit(
        "agreements/AGR-1.toml",
        "terms",
        "terms = [\"交期10个工作日\"]",
    );
    let head = repo.commit(LI, "2026-07-01T11:00:00+08:00");
    let (_, report) = pr(&repo, fork, head);
    assert!(authority(&new_findings(&report)).is_empty(), "{report}");

    // Legal approved: the same kind of edit by the owner needs legal now.
    let reviewed = format!("{}{APPROVED}", text(&repo, "agreements/AGR-1.toml"));
    repo.write("agreements/AGR-1.toml", &reviewed);
    let approved = repo.commit(FANG, "2026-07-02T10:05:00+08:00");
    repo.edit(
        "agreements/AGR-1.toml",
        "terms",
        "terms = [\"交期20个工作日\"]",
    );
    let head = repo.commit(LI, "2026-07-03T10:00:00+08:00");
    let (code, report) = pr(&repo, approved, head);
    assert_eq!(code, 1, "{report}");
    let found = authority(&new_findings(&report));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "O005");
    assert!(
        found[0].2.contains("`terms`") && found[0].2.contains("fang.lv"),
        "{found:?}"
    );
    // Legal may.
    repo.checkout(approved);
    repo.edit(
        "agreements/AGR-1.toml",
        "terms",
        "terms = [\"交期20个工作日\"]",
    );
    let head = repo.commit(FANG, "2026-07-03T10:00:00+08:00");
    let (_, report) = pr(&repo, approved, head);
    assert!(authority(&new_findings(&report)).is_empty(), "{report}");
}
