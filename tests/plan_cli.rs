//! End-to-end: `baton plan` on the example project and on small folders.

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

/// The check time documented in example-project/README.md.
const NOW: &str = "2026-09-24T10:00:00+08:00";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn baton() -> Command {
    let mut cmd = Command::cargo_bin("baton").unwrap();
    cmd.current_dir(root())
        .env_remove("BATON_NOW")
        .env("NO_COLOR", "1");
    cmd
}

fn run(args: &[&str]) -> String {
    let output = baton().args(args).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn repo(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn the_example_plan_as_a_table() {
    let text = run(&["plan", "example-project", "--now", NOW, "--lang", "en"]);
    insta::assert_snapshot!("example_text", text);
    // The project's own language by default.
    let zh = run(&["plan", "example-project", "--now", NOW]);
    assert!(
        zh.contains("关键路径:T-103 → T-104 → T-302 → T-403"),
        "{zh}"
    );
}

#[test]
fn the_example_plan_as_json_has_the_shape_of_the_spec() {
    let text = run(&["plan", "example-project", "--now", NOW, "--format", "json"]);
    let plan: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(plan["version"], 1);
    assert_eq!(plan["finish"], "2026-10-28");
    assert_eq!(
        plan["critical_path"],
        serde_json::json!(["T-103", "T-104", "T-302", "T-403"])
    );
    for task in plan["tasks"].as_array().unwrap() {
        for key in ["id", "start", "finish"] {
            assert!(task[key].is_string(), "{key} in {task}");
        }
        assert!(
            task["effort_wd"].is_u64() && task["slack_wd"].is_i64(),
            "{task}"
        );
        assert!(task["critical"].is_boolean(), "{task}");
    }
    insta::assert_json_snapshot!("example_json", plan);
}

#[test]
fn the_example_plan_as_a_mermaid_gantt_chart() {
    let text = run(&[
        "plan",
        "example-project",
        "--now",
        NOW,
        "--format",
        "mermaid-gantt",
    ]);
    insta::assert_snapshot!("example_mermaid_gantt", text);
}

#[test]
fn the_example_plan_for_taskjuggler() {
    let text = run(&["plan", "example-project", "--now", NOW, "--format", "tjp"]);
    assert!(text.contains("shifts makeup 2026-09-20 +1d, makeup 2026-10-10 +1d"));
    assert!(text.contains("leaves holiday \"国庆节\" 2026-10-01 +2d"));
    insta::assert_snapshot!("example_tjp", text);
}

#[test]
fn a_calendar_without_working_days_is_a_clear_error() {
    let dir = repo(&[
        ("baton.toml", "[project]\ncalendar = \"never\"\n"),
        ("calendars/never.toml", "weekdays = []\n"),
        ("tasks/T-1.toml", "title = \"t\"\n"),
    ]);
    baton()
        .args(["plan", "--now", NOW])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "calendar `never` has no working day on or after 2026-09-24",
        ));
}

#[test]
fn cycles_and_cancelled_tasks_are_listed_as_not_planned() {
    let dir = repo(&[
        ("baton.toml", "[project]\nstart = 2026-09-28\n"),
        ("tasks/A.toml", "title = \"a\"\ndepends_on = [\"B\"]\n"),
        ("tasks/B.toml", "title = \"b\"\ndepends_on = [\"A\"]\n"),
        ("tasks/C.toml", "title = \"c\"\nstatus = \"cancelled\"\n"),
        ("tasks/D.toml", "title = \"d\"\neffort = \"3wd\"\n"),
    ]);
    let output = baton()
        .args(["plan", "--lang", "en", "--now", NOW])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("`A` is not planned: it is in or after a dependency cycle (D003)"),
        "{text}"
    );
    assert!(
        text.contains("`C` is not planned: it is cancelled"),
        "{text}"
    );
    // D: 09-28, 09-29, 09-30.
    let d = text
        .lines()
        .find(|l| l.starts_with("* D "))
        .unwrap_or_default();
    assert!(d.contains("2026-09-28  2026-09-30"), "{text}");
}

#[test]
fn the_svg_gantt_chart_is_self_contained_and_escapes_item_text() {
    let dir = repo(&[
        ("baton.toml", "[project]\nstart = 2026-09-28\n"),
        (
            "org.toml",
            "[[department]]\nid = \"rnd\"\nname = \"研发部 <b>&</b>\"\n",
        ),
        (
            "tasks/T-1.toml",
            "title = \"<script>alert(1)</script> & \\\"引号\\\"\"\nlead = \"rnd\"\neffort = \"3wd\"\ndue = 2026-10-09\n",
        ),
        (
            "tasks/T-2.toml",
            "title = \"里程碑\"\nmilestone = true\ndepends_on = [\"T-1\"]\n",
        ),
    ]);
    let output = baton()
        .args(["plan", "--now", NOW, "--format", "svg", "--lang", "en"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let svg = String::from_utf8(output.stdout).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(!svg.contains("<script") && !svg.contains("<b>"), "{svg}");
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot;"));
    assert!(svg.contains("研发部 &lt;b&gt;&amp;&lt;/b&gt;"));
    // Nothing is loaded from elsewhere.
    assert!(!svg.contains("href") && svg.matches("http").count() == 1);
    // National Day is shaded, the make-up Saturday 10-10 is marked.
    assert!(svg.contains("<title>2026-10-01 国庆节</title>"), "{svg}");
    assert!(svg.contains("#fff1c7"));
}

#[test]
fn the_example_graph_marks_the_critical_path() {
    let text = run(&["graph", "example-project", "--now", NOW, "--format", "json"]);
    let graph: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(graph["version"], 1);
    assert_eq!(graph["nodes"].as_array().unwrap().len(), 39);
    // Complaints, agreements and records link to the items they name.
    let links: Vec<(String, String)> = graph["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "link")
        .map(|e| {
            (
                e["from"].as_str().unwrap().into(),
                e["to"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(
        links.contains(&("CMP-2025-031".into(), "T-303".into())),
        "{links:?}"
    );
    assert!(
        links.contains(&("COM-2026-09-15-phone".into(), "T-200".into())),
        "{links:?}"
    );
    let critical: Vec<(String, String)> = graph["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["critical"] == true)
        .map(|e| {
            (
                e["from"].as_str().unwrap().into(),
                e["to"].as_str().unwrap().into(),
            )
        })
        .collect();
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        critical,
        pairs(&[("T-103", "T-104"), ("T-302", "T-403"), ("T-104", "T-302")])
    );
    let cancelled = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == "T-604")
        .unwrap();
    assert_eq!(cancelled["status"], "cancelled");
    assert!(cancelled.get("start").is_none());
}

#[test]
fn focus_keeps_an_item_its_ancestors_and_descendants() {
    let text = run(&[
        "graph",
        "example-project",
        "--now",
        NOW,
        "--format",
        "json",
        "--focus",
        "T-204",
    ]);
    let graph: Value = serde_json::from_str(&text).unwrap();
    let ids: Vec<&str> = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    for id in [
        "T-201", "T-202", "T-203", "T-204", "T-205", "T-302", "T-403", "T-901", "T-902", "REQ-001",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    // Siblings are neither ancestors nor descendants.
    for id in ["T-101", "T-601", "T-402", "REQ-002"] {
        assert!(!ids.contains(&id), "{id} in {ids:?}");
    }
    let dot = run(&["graph", "example-project", "--now", NOW, "--focus", "T-205"]);
    insta::assert_snapshot!("focus_dot", dot);
    baton()
        .args(["graph", "example-project", "--focus", "T-2044"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no item `T-2044`; did you mean `T-204`?",
        ));
}

#[test]
fn graph_labels_are_escaped_and_overdue_items_marked() {
    let dir = repo(&[
        ("baton.toml", "[project]\nstart = 2026-09-01\n"),
        (
            "tasks/T-1.toml",
            "title = \"say \\\"hi\\\" \\\\n <b>#1</b> & `x` 中文\"\ndue = 2026-09-10\n",
        ),
        (
            "tasks/T-2.toml",
            "title = \"next\"\ndepends_on = [\"T-1\"]\n",
        ),
    ]);
    let output = baton()
        .args(["graph", "--now", NOW, "--format", "dot"])
        .arg(dir.path())
        .output()
        .unwrap();
    let dot = String::from_utf8(output.stdout).unwrap();
    assert!(
        dot.contains(r#"label="T-1\nsay \"hi\" \\n <b>#1</b> & `x` 中文\n09-24\n⚠ 2026-09-10""#),
        "{dot}"
    );
    assert!(dot.contains("fontcolor=\"#b00020\""), "{dot}");
    let output = baton()
        .args(["graph", "--now", NOW, "--format", "mermaid"])
        .arg(dir.path())
        .output()
        .unwrap();
    let mermaid = String::from_utf8(output.stdout).unwrap();
    assert!(
        mermaid.contains(r#"n0["T-1<br/>say #quot;hi#quot; \n #lt;b#gt;#35;1#lt;/b#gt; #amp; #96;x#96; 中文<br/>09-24<br/>⚠ 2026-09-10"]"#),
        "{mermaid}"
    );
    assert!(mermaid.contains("class n0 overdue"), "{mermaid}");
}
