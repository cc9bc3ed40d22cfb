//! Who may change what, judged on small in-memory projects.

use super::*;
use crate::testing::project;

const TASK: &str = "title = \"合同审核\"\nowner = \"li.gong\"\nlead = \"rnd\"\nacceptor = \"zhang.jingli\"\ndue = 2027-01-15\nstatus = \"in_progress\"\n";

/// Judges `who` changing `field` of item `id` from `old` to `new`.
fn verdict(
    files: &[(&str, &str)],
    who: &str,
    id: &str,
    field: &str,
    (old, new): (Option<&str>, Option<&str>),
    created: bool,
) -> Verdict {
    let project = project(files);
    let body = project.body(id).expect("the item exists");
    let unit = unit_of(body.kind(), field);
    judge(
        &project,
        who,
        &Proposed {
            id,
            before: (!created).then_some(body),
            after: Some(body),
            unit: &unit,
            old: old.map(str::to_string),
            new: new.map(str::to_string),
        },
    )
}

fn denied(v: &Verdict) -> Option<&Denial> {
    match v {
        Verdict::Denied(d) => Some(d),
        _ => None,
    }
}

#[test]
fn the_owner_side_reports_and_others_may_not() {
    let files = [("tasks/T-1.toml", TASK)];
    let status = (Some("in_progress"), Some("delivered"));
    for who in ["li.gong", "chen.zong"] {
        assert_eq!(
            verdict(&files, who, "T-1", "status", status, false),
            Verdict::Allowed,
            "{who}"
        );
    }
    let v = verdict(&files, "zhao.liu", "T-1", "status", status, false);
    let d = denied(&v).expect("denied");
    assert_eq!(d.class, Class::Act);
    assert_eq!(d.allowed, ["chen.zong", "li.gong"]);
    // One whole [[update]] entry is one unit, judged once.
    let v = verdict(
        &files,
        "zhao.liu",
        "T-1",
        "update[0].progress",
        (None, Some("x")),
        false,
    );
    assert_eq!(denied(&v).map(|d| d.key.as_str()), Some("task.update"));
}

#[test]
fn accepting_is_the_acceptors_act_not_the_owners() {
    let files = [("tasks/T-1.toml", TASK)];
    let accepted = (Some("delivered"), Some("accepted"));
    assert_eq!(
        verdict(&files, "zhang.jingli", "T-1", "status", accepted, false),
        Verdict::Allowed
    );
    let v = verdict(&files, "li.gong", "T-1", "status", accepted, false);
    assert_eq!(denied(&v).map(|d| d.key.as_str()), Some("task.review"));
}

#[test]
fn a_deadline_moves_by_the_acceptor_the_lead_head_or_an_approved_change() {
    let files = [("tasks/T-1.toml", TASK)];
    let due = (Some("2027-01-15"), Some("2027-02-15"));
    for who in ["zhang.jingli", "chen.zong"] {
        assert_eq!(
            verdict(&files, who, "T-1", "due", due, false),
            Verdict::Allowed
        );
    }
    let v = verdict(&files, "zhao.liu", "T-1", "due", due, false);
    let d = denied(&v).expect("denied");
    assert_eq!(
        (d.class, d.by_change, d.listed.is_none()),
        (Class::Schedule, true, true)
    );
    assert_eq!(d.allowed, ["chen.zong", "zhang.jingli"]);
    // The owner may not move their own deadline either.
    assert!(denied(&verdict(&files, "li.gong", "T-1", "due", due, false)).is_some());
}

fn cr(from: &str, approvals: &str) -> String {
    format!(
        "title = \"延期\"\nrequested_by = \"li.gong\"\n[[change]]\nitem = \"T-1\"\nfield = \"due\"\nfrom = {from}\nto = 2027-02-15\n{approvals}"
    )
}

const BOTH: &str = "[[approval]]\nby = \"zhang.jingli\"\ndecision = \"approve\"\n[[approval]]\nby = \"chen.zong\"\ndecision = \"approve\"\n";

#[test]
fn an_approved_change_request_listing_the_exact_change_authorises_it() {
    let due = (Some("2027-01-15"), Some("2027-02-15"));
    let approved = cr("2027-01-15", BOTH);
    let files = [("tasks/T-1.toml", TASK), ("changes/CR-7.toml", &approved)];
    assert_eq!(
        verdict(&files, "li.gong", "T-1", "due", due, false),
        Verdict::Approved { by: "CR-7".into() }
    );
    // Another new value is not what was approved.
    let other = (Some("2027-01-15"), Some("2027-03-01"));
    let v = verdict(&files, "li.gong", "T-1", "due", other, false);
    assert!(matches!(
        denied(&v)
            .and_then(|d| d.listed.as_ref())
            .map(|l| &l.problem),
        Some(ListedProblem::To { .. })
    ));
}

#[test]
fn a_change_request_with_a_wrong_old_value_one_side_or_a_rejection_does_not() {
    let due = (Some("2027-01-15"), Some("2027-02-15"));
    let problem = |text: &str| {
        let files = [("tasks/T-1.toml", TASK), ("changes/CR-7.toml", text)];
        let v = verdict(&files, "li.gong", "T-1", "due", due, false);
        denied(&v).and_then(|d| d.listed.clone()).map(|l| l.problem)
    };
    assert!(matches!(
        problem(&cr("2027-01-10", BOTH)),
        Some(ListedProblem::From { .. })
    ));
    let one_side = "[[approval]]\nby = \"chen.zong\"\ndecision = \"approve\"\n";
    assert_eq!(
        problem(&cr("2027-01-15", one_side)),
        Some(ListedProblem::Pending {
            waiting: vec!["zhang.jingli".into()]
        })
    );
    let rejected = "[[approval]]\nby = \"zhang.jingli\"\ndecision = \"reject\"\ncomments = \"法务排期已满\"\n[[approval]]\nby = \"chen.zong\"\ndecision = \"approve\"\n";
    assert_eq!(
        problem(&cr("2027-01-15", rejected)),
        Some(ListedProblem::Rejected {
            by: "zhang.jingli".into()
        })
    );
}

#[test]
fn a_new_item_may_be_created_but_not_carry_someone_elses_act() {
    let reviewed = format!("{TASK}[review]\nby = \"zhang.jingli\"\nverdict = \"accepted\"\n");
    let files = [("tasks/T-1.toml", reviewed.as_str())];
    let v = verdict(
        &files,
        "zhao.liu",
        "T-1",
        "review.verdict",
        (None, Some("x")),
        true,
    );
    assert_eq!(denied(&v).map(|d| d.key.as_str()), Some("task.review"));
    // Schedule fields of a new item are the creator's to set.
    assert_eq!(
        verdict(
            &files,
            "zhao.liu",
            "T-1",
            "due",
            (None, Some("2027-01-15")),
            true
        ),
        Verdict::Allowed
    );
}

#[test]
fn authority_overrides_replace_the_defaults() {
    let baton = format!(
        "{}\n[authority]\n\"task.due\" = [\"owner\"]\n",
        crate::testing::BATON
    );
    let files = [("baton.toml", baton.as_str()), ("tasks/T-1.toml", TASK)];
    let due = (Some("2027-01-15"), Some("2027-02-15"));
    assert_eq!(
        verdict(&files, "li.gong", "T-1", "due", due, false),
        Verdict::Allowed
    );
    assert!(denied(&verdict(&files, "zhang.jingli", "T-1", "due", due, false)).is_some());
}

#[test]
fn a_requests_scope_is_open_until_accepted_then_needs_requester_and_change() {
    let request = |responses: &str| {
        format!(
            "title = \"协作\"\nfrom = {{ department = \"mkt\", contact = \"zhang.jingli\" }}\nto = [{{ department = \"rnd\", contact = \"li.gong\" }}]\ndue = 2027-01-15\n{responses}"
        )
    };
    let due = (Some("2027-01-15"), Some("2027-02-15"));
    let draft = request("");
    let files = [("requests/REQ-1.toml", draft.as_str())];
    assert_eq!(
        verdict(&files, "zhao.liu", "REQ-1", "due", due, false),
        Verdict::Allowed
    );
    let accepted =
        request("[[response]]\ndepartment = \"rnd\"\nby = \"li.gong\"\ndecision = \"accept\"\n");
    let files = [("requests/REQ-1.toml", accepted.as_str())];
    // The requester alone is not enough: both sides agree through a change.
    let v = verdict(&files, "zhang.jingli", "REQ-1", "due", due, false);
    assert_eq!(denied(&v).map(|d| d.by_change), Some(true));
}

#[test]
fn people_confirm_and_read_only_for_themselves() {
    let meeting = "title = \"周会\"\norganizer = \"zhang.jingli\"\nstart = 2026-07-06T10:00:00+08:00\n[minutes]\nread_by = [\"li.gong\"]\n[[minutes.action]]\ntitle = \"补充文档\"\nowner = \"li.gong\"\ndue = 2026-07-08\n";
    let files = [("meetings/M-1.toml", meeting)];
    let read = (None, Some("[li.gong]"));
    assert_eq!(
        verdict(&files, "li.gong", "M-1", "minutes.read_by", read, false),
        Verdict::Allowed
    );
    assert!(
        denied(&verdict(
            &files,
            "zhao.liu",
            "M-1",
            "minutes.read_by",
            read,
            false
        ))
        .is_some()
    );
    let confirm = (None, Some("2026-07-06T19:00:00+08:00"));
    let field = "minutes.action[补充文档].confirmed_at";
    assert_eq!(
        verdict(&files, "li.gong", "M-1", field, confirm, false),
        Verdict::Allowed
    );
    assert!(
        denied(&verdict(
            &files,
            "zhang.jingli",
            "M-1",
            field,
            confirm,
            false
        ))
        .is_some()
    );
}

#[test]
fn approvals_are_each_approvers_own_and_viewers_change_nothing() {
    let approved = cr("2027-01-15", BOTH);
    let org = format!(
        "{}\n[[person]]\nid = \"he.jia\"\ndepartment = \"mkt\"\nrole = \"viewer\"\n",
        crate::testing::ORG
    );
    let files = [
        ("org.toml", org.as_str()),
        ("tasks/T-1.toml", TASK),
        ("changes/CR-7.toml", approved.as_str()),
    ];
    let decision = (None, Some("approve"));
    let field = "approval[zhang.jingli].decision";
    assert_eq!(
        verdict(&files, "zhang.jingli", "CR-7", field, decision, false),
        Verdict::Allowed
    );
    assert!(denied(&verdict(&files, "li.gong", "CR-7", field, decision, false)).is_some());
    let v = verdict(
        &files,
        "he.jia",
        "T-1",
        "title",
        (Some("a"), Some("b")),
        false,
    );
    assert_eq!(denied(&v).map(|d| d.viewer), Some(true));
}
