//! Working in baton without hand-editing TOML (SPEC §7): from an empty
//! folder to a checked repository, and a week of work, with baton commands
//! only — `org.toml`, which `init` leaves to be filled in, aside. And
//! `set` on every kind of example file changes only the bytes of its field.

mod support;

use std::path::Path;

use support::{copy_tree, run_baton};

/// Runs baton in `repo` at `now` as `who`; panics with its output unless
/// it exits 0.
fn ok(repo: &Path, now: &str, who: &str, args: &[&str]) -> String {
    let mut all: Vec<&str> = args.to_vec();
    let repo = repo.to_str().unwrap();
    all.extend(["-C", repo, "--now", now, "--as", who]);
    let (code, out, err) = run_baton(&all);
    assert_eq!(code, 0, "baton {all:?}\n{out}\n{err}");
    format!("{out}{err}")
}

/// A copy of `example-project/` without its `broken/` twin.
fn example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("example-project"),
        dir.path(),
        &["broken"],
    );
    dir
}

fn read(repo: &Path, path: &str) -> String {
    std::fs::read_to_string(repo.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `baton check --format json` of `repo` at `now`: exit code and report.
fn check_json(repo: &Path, now: &str) -> (i32, serde_json::Value) {
    let (code, out, err) = run_baton(&[
        "check",
        repo.to_str().unwrap(),
        "--now",
        now,
        "--format",
        "json",
    ]);
    let report = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    (code, report)
}

const ORG: &str = r#"[[department]]
id = "pmo"
name = "项目管理办公室"
head = "chen.zong"

[[department]]
id = "mkt"
name = "市场部"
head = "zhang.jingli"

[[department]]
id = "rnd"
name = "研发部"
head = "li.gong"

[[person]]
id = "chen.zong"
name = "陈总"
department = "pmo"
emails = ["chen.zong@example.com"]
role = "admin"

[[person]]
id = "zhang.jingli"
name = "张经理"
department = "mkt"
manager = "chen.zong"
emails = ["zhang.jingli@example.com"]

[[person]]
id = "li.gong"
name = "李工"
department = "rnd"
manager = "chen.zong"
emails = ["li.gong@example.com"]

[[person]]
id = "zhou.jie"
name = "周杰"
department = "rnd"
manager = "li.gong"
emails = ["zhou.jie@example.com"]
"#;

#[test]
fn from_an_empty_folder_to_a_week_of_work() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("q4");
    let (code, _, err) = run_baton(&["init", repo.to_str().unwrap(), "--name", "Q4 新品"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("created baton.toml"), "{err}");
    // Once: who is who.
    std::fs::write(repo.join("org.toml"), ORG).unwrap();

    // Monday: marketing asks R&D; R&D answers within the working day.
    let r = &repo;
    ok(
        r,
        "2026-11-02T09:30:00+08:00",
        "张经理",
        &[
            "new",
            "request",
            "title=新品接口联调",
            "from.department=mkt",
            "from.contact=张经理",
            "to=rnd:李工",
            "why=新品上市需要接口",
            "what=完成3个接口联调,覆盖率不低于90%",
            "where=测试环境",
            "how=每日17:00同步",
            "due=2026-11-27",
            "submitted_at=now",
            "status=submitted",
        ],
    );
    ok(
        r,
        "2026-11-02T14:00:00+08:00",
        "li.gong",
        &["respond", "REQ-001", "--decision", "accept"],
    );
    ok(
        r,
        "2026-11-02T14:10:00+08:00",
        "li.gong",
        &["set", "REQ-001", "status=in_progress"],
    );
    let request = read(r, "requests/REQ-001.toml");
    assert!(request.contains("[[response]]\ndepartment = \"rnd\"\nby = \"li.gong\"\nat = 2026-11-02T14:00:00+08:00\ndecision = \"accept\""), "{request}");

    // The weekly meeting: next Monday at 10:00, notice and agenda now.
    let out = ok(
        r,
        "2026-11-02T15:00:00+08:00",
        "zhang.jingli",
        &[
            "new",
            "meeting",
            "--template",
            "weekly",
            "chair=陈总",
            "scribe=zhang.jingli",
            "required=li.gong,zhou.jie",
            "request=REQ-001",
        ],
    );
    assert!(
        out.contains("created meetings/MTG-2026-11-09-1.toml"),
        "{out}"
    );
    let meeting = read(r, "meetings/MTG-2026-11-09-1.toml");
    assert!(
        meeting.contains("start = 2026-11-09T10:00:00+08:00\nend = 2026-11-09T11:00:00+08:00"),
        "{meeting}"
    );

    // Three tasks, created by R&D's head.
    for (title, extra) in [
        ("接口1调试", vec!["start=2026-11-03", "due=2026-11-06"]),
        ("接口2调试", vec!["due=2026-11-13", "depends_on=T-1"]),
        ("联调报告", vec!["due=2026-11-20", "depends_on=T-2"]),
    ] {
        let mut args = vec![
            "new".to_string(),
            "task".into(),
            format!("title={title}"),
            "owner=周杰".into(),
            "lead=rnd".into(),
            "request=REQ-001".into(),
            "acceptor=zhang.jingli".into(),
            "deliverable=调试报告".into(),
            "acceptance=覆盖率不低于90%".into(),
        ];
        args.extend(extra.into_iter().map(String::from));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        ok(r, "2026-11-02T16:00:00+08:00", "li.gong", &args);
    }
    assert!(r.join("tasks/T-3.toml").is_file());

    // The owner may not move a deadline; a change request both sides approve may.
    let (code, _, err) = run_baton(&[
        "set",
        "T-3",
        "due=2026-11-25",
        "-C",
        r.to_str().unwrap(),
        "--now",
        "2026-11-03T09:00:00+08:00",
        "--as",
        "zhou.jie",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("zhou.jie may not change `due`"), "{err}");
    ok(
        r,
        "2026-11-03T09:10:00+08:00",
        "zhou.jie",
        &[
            "new",
            "change",
            "title=联调报告延期",
            "reason=测试环境晚到",
            "impact=T-3 顺延3个工作日",
            "request=REQ-001",
            "change=T-3.due:2026-11-25",
        ],
    );
    let change = read(r, "changes/CR-001.toml");
    assert!(
        change.contains(
            "[[change]]\nitem = \"T-3\"\nfield = \"due\"\nfrom = 2026-11-20\nto = 2026-11-25"
        ),
        "{change}"
    );
    ok(
        r,
        "2026-11-03T10:00:00+08:00",
        "zhang.jingli",
        &["approve", "CR-001"],
    );
    ok(
        r,
        "2026-11-03T11:00:00+08:00",
        "li.gong",
        &["approve", "CR-001"],
    );
    ok(
        r,
        "2026-11-03T11:30:00+08:00",
        "zhou.jie",
        &["set", "T-3", "due=2026-11-25"],
    );

    // A week of daily updates by 17:00.
    for (day, progress) in [("03", "25"), ("04", "50"), ("05", "75"), ("06", "100")] {
        ok(
            r,
            &format!("2026-11-{day}T16:30:00+08:00"),
            "zhou.jie",
            &[
                "update",
                "T-1",
                "--progress",
                progress,
                "--done",
                "调试",
                "--next",
                "继续",
            ],
        );
    }
    ok(
        r,
        "2026-11-06T17:00:00+08:00",
        "zhou.jie",
        &["deliver", "T-1"],
    );
    // The acceptor rejects; the owner reworks and delivers again; accepted.
    let (code, _, err) = run_baton(&[
        "accept",
        "T-1",
        "-C",
        r.to_str().unwrap(),
        "--now",
        "2026-11-09T09:00:00+08:00",
        "--as",
        "zhou.jie",
    ]);
    assert_eq!(code, 2, "the owner cannot accept their own work: {err}");
    ok(
        r,
        "2026-11-09T09:30:00+08:00",
        "zhang.jingli",
        &["reject", "T-1", "--comments", "缺少边界值测试"],
    );
    assert!(read(r, "tasks/T-1.toml").contains("status = \"rejected\""));
    ok(
        r,
        "2026-11-09T16:00:00+08:00",
        "zhou.jie",
        &[
            "update",
            "T-1",
            "--progress",
            "100",
            "--done",
            "补充边界值测试",
        ],
    );
    ok(
        r,
        "2026-11-09T16:30:00+08:00",
        "zhou.jie",
        &["deliver", "T-1"],
    );
    ok(
        r,
        "2026-11-10T10:00:00+08:00",
        "zhang.jingli",
        &["accept", "T-1"],
    );
    let task = read(r, "tasks/T-1.toml");
    assert_eq!(task.matches("[[update]]").count(), 5, "{task}");
    assert!(task.contains("status = \"accepted\""), "{task}");
    assert!(task.contains("[review]\nat = 2026-11-10T10:00:00+08:00\nby = \"zhang.jingli\"\nverdict = \"accepted\""), "{task}");

    // The repository checks without an error.
    let (code, report) = check_json(r, "2026-11-10T11:00:00+08:00");
    let findings: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{} {} {}", f["rule"], f["item"], f["message"]))
        .collect();
    assert_eq!(code, 0, "{findings:#?}");
    assert_eq!(report["summary"]["errors"], 0, "{findings:#?}");
    assert_eq!(report["summary"]["items"], 6);
}

/// `--commit` makes one commit of the item, authored by the person.
#[test]
fn commit_is_authored_by_the_person() {
    let dir = example();
    let repo = dir.path();
    let git = git2::Repository::init(repo).unwrap();
    let mut index = git.index().unwrap();
    index
        .add_all(["*"], git2::IndexAddOption::DEFAULT, None)
        .unwrap();
    index.write().unwrap();
    let tree = git.find_tree(index.write_tree().unwrap()).unwrap();
    let sig = git2::Signature::now("pmo", "xu.ting@example.com").unwrap();
    git.commit(Some("HEAD"), &sig, &sig, "import", &tree, &[])
        .unwrap();
    // Something else staged stays out of the commit.
    std::fs::write(repo.join("notes.txt"), "draft").unwrap();
    let mut index = git.index().unwrap();
    index.add_path(Path::new("notes.txt")).unwrap();
    index.write().unwrap();

    let out = ok(
        repo,
        "2026-09-24T16:40:00+08:00",
        "王主管",
        &[
            "update",
            "T-302",
            "--progress",
            "10",
            "--done",
            "检查单初稿",
            "--commit",
        ],
    );
    assert!(out.contains("已提交"), "{out}");
    let head = git.head().unwrap().peel_to_commit().unwrap();
    assert_eq!(head.summary().ok().flatten(), Some("T-302: 进度 10%"));
    assert_eq!(head.author().email().ok(), Some("wang.zhuguan@example.com"));
    assert_eq!(head.author().when().seconds(), 1_790_239_200);
    let parent = head.parent(0).unwrap();
    let diff = git
        .diff_tree_to_tree(
            Some(&parent.tree().unwrap()),
            Some(&head.tree().unwrap()),
            None,
        )
        .unwrap();
    let files: Vec<String> = diff
        .deltas()
        .map(|d| d.new_file().path().unwrap().display().to_string())
        .collect();
    assert_eq!(files, ["tasks/ops/T-302.toml"]);
    // The working tree agrees with the commit; the other staged file is still staged.
    let statuses = git.statuses(None).unwrap();
    let dirty: Vec<String> = statuses
        .iter()
        .map(|s| format!("{} {:?}", s.path().unwrap(), s.status()))
        .collect();
    assert_eq!(dirty, ["notes.txt Status(INDEX_NEW)"]);
}

/// `set` on one file of every kind: the diff is the field's line, nothing else.
#[test]
fn set_changes_only_the_field_it_sets() {
    let dir = example();
    let repo = dir.path();
    let mut diffs = String::new();
    for (path, id, who, assignment) in [
        (
            "tasks/rnd/T-201.toml",
            "T-201",
            "xu.ting",
            "deliverable=接口文档 v2",
        ),
        (
            "requests/REQ-002.toml",
            "REQ-002",
            "xu.ting",
            "where=线上会议室",
        ),
        (
            "meetings/MTG-2026-09-28-weekly.toml",
            "MTG-2026-09-28-weekly",
            "xu.ting",
            "materials+=上周周报",
        ),
        (
            "changes/CR-002.toml",
            "CR-002",
            "xu.ting",
            "impact=T-204 顺延两天",
        ),
        ("tasks/ops/T-302.toml", "T-302", "xu.ting", "support-=mkt"),
    ] {
        let before = read(repo, path);
        ok(
            repo,
            "2026-09-24T10:00:00+08:00",
            who,
            &["set", id, assignment],
        );
        let after = read(repo, path);
        let diff = similar::TextDiff::from_lines(&before, &after);
        diffs.push_str(&format!("== baton set {id} {assignment}\n"));
        diffs.push_str(&diff.unified_diff().context_radius(0).to_string());
    }
    insta::assert_snapshot!(diffs);
}

/// Two branches that each ran `baton new task` from the same last id
/// cannot both merge: the pull request that comes second gets S003.
#[test]
fn two_branches_allocating_the_same_id_are_caught() {
    let repo = support::TestRepo::new();
    repo.write("baton.toml", support::BATON)
        .write("org.toml", support::ORG);
    let base = repo.commit(support::ADMIN, "2026-11-02T09:00:00+08:00");
    let path = repo.path();
    let new_task = |title: &str| {
        ok(
            path,
            "2026-11-02T10:00:00+08:00",
            "li.gong",
            &[
                "new",
                "task",
                &format!("title={title}"),
                "owner=li.gong",
                "lead=rnd",
                "deliverable=报告",
                "acceptance=评审通过",
            ],
        )
    };
    assert!(new_task("A").contains("created tasks/T-1.toml"));
    let first = repo.commit(support::LI, "2026-11-02T10:05:00+08:00");
    repo.checkout(base);
    assert!(new_task("B").contains("created tasks/T-1.toml"));
    let second = repo.commit(support::LI, "2026-11-02T10:10:00+08:00");
    let (code, out, err) = run_baton(&[
        "check",
        path.to_str().unwrap(),
        "--base",
        &first.to_string(),
        "--head",
        &second.to_string(),
        "--now",
        "2026-11-02T12:00:00+08:00",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "{out}{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let s003: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "S003")
        .collect();
    assert_eq!(s003.len(), 1, "{out}");
    assert_eq!(s003[0]["item"], "T-1");
    assert_eq!(s003[0]["change"], "new");
    assert!(
        s003[0]["message"]
            .as_str()
            .unwrap()
            .contains("tasks/T-1.toml on"),
        "{out}"
    );
}

/// Seed 002's kinds with commands only: a complaint taken on a Friday
/// evening, answered late on Sunday; a phone call written up; an
/// agreement sent to legal and approved.
#[test]
fn a_complaint_a_phone_call_and_an_agreement_without_editing_toml() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("q4");
    let (code, _, err) = run_baton(&["init", repo.to_str().unwrap(), "--name", "Q4 新品"]);
    assert_eq!(code, 0, "{err}");
    std::fs::write(repo.join("org.toml"), ORG).unwrap();
    let r = &repo;
    let out = ok(
        r,
        "2026-11-06T17:00:00+08:00",
        "张经理",
        &[
            "new",
            "complaint",
            "title=杯盖漏水",
            "customer=杭州某贸易有限公司",
            "channel=phone",
            "departments=rnd",
        ],
    );
    assert!(out.contains("CMP-2026-001"), "{out}");
    let complaint = read(r, "complaints/CMP-2026-001.toml");
    assert!(
        complaint.contains("owner = \"zhang.jingli\"")
            && complaint.contains("received_at = 2026-11-06T17:00:00+08:00"),
        "whoever writes it down received it now and handles it: {complaint}"
    );
    let check = |now: &str| {
        let (code, report) = check_json(r, now);
        let findings: Vec<String> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{} {} {}",
                    f["rule"].as_str().unwrap(),
                    f["item"].as_str().unwrap_or(""),
                    f["severity"].as_str().unwrap()
                )
            })
            .collect();
        (code, findings)
    };
    // 48 clock hours, weekend or not: Sunday 17:00.
    assert_eq!(check("2026-11-08T16:59:00+08:00"), (0, vec![]));
    assert_eq!(
        check("2026-11-08T17:01:00+08:00"),
        (1, vec!["W012 CMP-2026-001 error".to_string()])
    );
    ok(
        r,
        "2026-11-08T18:00:00+08:00",
        "张经理",
        &[
            "set",
            "CMP-2026-001",
            "response.at=now",
            "response.by=张经理",
            "response.plan=补发新批次杯盖",
        ],
    );
    ok(
        r,
        "2026-11-09T11:00:00+08:00",
        "li.gong",
        &[
            "new",
            "comm",
            "topic=漏水原因排查",
            "kind=phone",
            "at=2026-11-09T10:00:00+08:00",
            "participants=李工,张经理",
            "summary=密封圈批次问题",
        ],
    );
    let comm = read(r, "comms/COM-2026-11-09-1.toml");
    assert!(
        comm.contains("recorded_at = 2026-11-09T11:00:00+08:00")
            && comm.contains("participants = [\"li.gong\", \"zhang.jingli\"]"),
        "{comm}"
    );
    ok(
        r,
        "2026-11-09T14:00:00+08:00",
        "李工",
        &[
            "new",
            "agreement",
            "title=密封圈供货协议",
            "counterparty=某橡胶制品厂",
            "terms=硬度检测报告随货,每批抽检;换料提前30天通知",
        ],
    );
    ok(
        r,
        "2026-11-09T14:05:00+08:00",
        "李工",
        &["set", "AGR-001", "legal_review.requested_at=now"],
    );
    let agreement = read(r, "agreements/AGR-001.toml");
    assert!(
        agreement.contains("\"硬度检测报告随货,每批抽检\", \"换料提前30天通知\"")
            && agreement.contains("[legal_review]\nrequested_at = 2026-11-09T14:05:00+08:00"),
        "a term keeps its comma; legal was asked: {agreement}"
    );
    ok(
        r,
        "2026-11-10T10:00:00+08:00",
        "陈总",
        &[
            "set",
            "AGR-001",
            "legal_review.at=now",
            "legal_review.by=陈总",
            "legal_review.verdict=approved",
        ],
    );
    // The late answer is history (info); nothing else to do.
    assert_eq!(
        check("2026-11-10T11:00:00+08:00"),
        (0, vec!["W012 CMP-2026-001 info".to_string()])
    );
}
