use super::*;
use crate::report::{ChangedDoc, NodeDoc, RevisionDoc, SummaryDoc};

fn finding(rule: &str, change: &str, severity: &str, message: &str) -> FindingDoc {
    FindingDoc {
        rule: rule.into(),
        name: "some-rule".into(),
        severity: severity.into(),
        item: Some("T-1".into()),
        path: "tasks/T-1.toml".into(),
        line: 3,
        column: 7,
        end_line: 3,
        end_column: 12,
        field: "due".into(),
        message: message.into(),
        hint: None,
        fingerprint: "f".into(),
        closed: false,
        change: Some(change.into()),
        waived: None,
    }
}

fn doc(findings: Vec<FindingDoc>) -> ReportDoc {
    ReportDoc {
        version: 1,
        now: "2026-09-24T10:00:00+08:00".into(),
        root: Some("plans".into()),
        lang: Some("en".into()),
        base: Some(RevisionDoc {
            rev: "main".into(),
            commit: "a".repeat(40),
        }),
        head: Some(RevisionDoc {
            rev: "HEAD".into(),
            commit: "b".repeat(40),
        }),
        summary: SummaryDoc {
            items: 3,
            ..SummaryDoc::default()
        },
        findings,
        changed: Some(vec![ChangedDoc {
            id: Some("T-1".into()),
            path: "tasks/T-1.toml".into(),
            change: "modified".into(),
            from: None,
        }]),
        policy_changed: Some(vec![]),
        judged: None,
        approved_changes: None,
        unattributed: None,
        baseline: None,
        graph: Some(GraphDoc {
            nodes: vec![
                NodeDoc {
                    id: "T-1".into(),
                    title: "上线\"]`x".into(),
                    status: "in_progress".into(),
                    changed: true,
                },
                NodeDoc {
                    id: "T-0".into(),
                    title: "调研".into(),
                    status: "accepted".into(),
                    changed: false,
                },
            ],
            edges: vec![("T-1".into(), "T-0".into())],
        }),
    }
}

fn links() -> Links {
    Links {
        blob_url: "https://github.com/acme/plans/blob".into(),
        sha: "b".repeat(40),
    }
}

#[test]
fn the_verdict_comes_first_then_new_fixed_graph_and_folded_existing() {
    let d = doc(vec![
        finding("D001", "new", "error", "overdue"),
        finding("S004", "fixed", "error", "unknown person `x`"),
        finding("Q002", "existing", "warning", "task has no deliverable"),
    ]);
    let body = render(&d, Some(&links()), Lang::En, GITHUB_LIMIT);
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(lines[0], MARKER);
    assert_eq!(
        lines[1],
        "### ❌ baton: 1 new error · 0 new warnings · 1 fixed"
    );
    let (new, fixed, graph, existing) = (
        body.find("#### new in this change").unwrap(),
        body.find("#### fixed by this change").unwrap(),
        body.find("```mermaid").unwrap(),
        body.find("<details><summary>already there before this change (1)</summary>")
            .unwrap(),
    );
    assert!(new < fixed && fixed < graph && graph < existing);
    // Links go to the head commit for new findings, to the base for fixed
    // ones, with the baton root's folder in the path.
    assert!(body.contains(&format!(
        "[tasks/T-1.toml:3](https://github.com/acme/plans/blob/{}/plans/tasks/T-1.toml#L3)",
        "b".repeat(40)
    )));
    assert!(body.contains(&format!("/blob/{}/plans/tasks/T-1.toml#L3", "a".repeat(40))));
    assert!(body.contains("unknown person <code>x</code>"));
}

#[test]
fn a_clean_change_says_so() {
    let body = render(
        &doc(vec![finding("Q002", "existing", "warning", "x")]),
        None,
        Lang::En,
        GITHUB_LIMIT,
    );
    assert!(
        body.lines()
            .nth(1)
            .unwrap()
            .starts_with("### ✅ baton: no new errors"),
        "{body}"
    );
    assert!(!body.contains("#### new in this change"));
}

#[test]
fn item_text_cannot_ping_render_html_or_break_the_table() {
    let hostile = "@octocat please <script>alert(1)</script> a|b\nc [x](javascript:alert(1))";
    let mut d = doc(vec![finding("D001", "new", "error", hostile)]);
    d.findings[0].item = Some("@team".into());
    let body = render(&d, Some(&links()), Lang::En, GITHUB_LIMIT);
    assert!(
        !body.contains("@octocat") && !body.contains("@team"),
        "{body}"
    );
    assert!(!body.contains("<script>"));
    let row = body.lines().find(|l| l.starts_with("| ❌")).unwrap();
    assert_eq!(row.matches('|').count(), 6, "{row}");
    assert!(
        !body.contains("[x](javascript"),
        "links stay escaped: {body}"
    );
    // Mermaid labels cannot close the node or the code block.
    let mermaid = &body[body.find("```mermaid").unwrap()..];
    let block = &mermaid[..mermaid[3..].find("```").unwrap() + 3];
    assert!(!block[3..].contains('`'), "{block}");
    assert!(block.contains("上线'"));
}

#[test]
fn an_oversized_comment_is_cut_with_a_note_never_rejected() {
    let findings: Vec<FindingDoc> = (0..3000)
        .map(|i| {
            finding(
                "D001",
                if i % 3 == 0 { "new" } else { "existing" },
                "error",
                &format!("overdue number {i} {}", "长".repeat(40)),
            )
        })
        .collect();
    let body = render(&doc(findings), Some(&links()), Lang::En, GITHUB_LIMIT);
    assert!(body.chars().count() <= GITHUB_LIMIT);
    assert!(body.starts_with(MARKER));
    assert!(
        body.contains("more not shown: the comment would exceed GitHub's size limit"),
        "no note"
    );
    assert!(
        body.contains("overdue number 0 "),
        "new findings are kept first"
    );
}

#[test]
fn the_comment_speaks_chinese() {
    let body = render(
        &doc(vec![finding("D001", "new", "error", "已逾期")]),
        None,
        Lang::Zh,
        GITHUB_LIMIT,
    );
    assert!(body.contains("### ❌ baton:新增 1 个错误"), "{body}");
    assert!(body.contains("#### 本次变更新增"));
}
