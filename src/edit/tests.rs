//! The write pipeline on a copy of `example-project/`: what changes is
//! only the field written; what a person may not do is refused; nothing
//! that would not load is written.

use std::path::{Path, PathBuf};

use super::verbs::{self, Answer};
use super::*;
use crate::load::load;
use crate::source::WorktreeSource;
use crate::time::parse_now;

const NOW: &str = "2026-09-24T10:00:00+08:00";

/// A copy of the example project (without its `broken/` folder).
fn example() -> (tempfile::TempDir, PathBuf) {
    let dir = crate::testing::example_copy();
    let root = dir.path().to_path_buf();
    (dir, root)
}

fn project(root: &Path) -> Project {
    load(&WorktreeSource::new(root)).unwrap()
}

fn writer<'p>(project: &'p Project, root: &Path, who: &str) -> Writer<'p> {
    let settings = &project.settings;
    Writer {
        project,
        root: root.to_path_buf(),
        who: who.to_string(),
        clock: Clock {
            tz: settings.tz,
            workday: settings.workday,
            calendar: settings.calendar.clone(),
            now: parse_now(NOW, settings.tz)
                .unwrap()
                .with_timezone(&settings.tz),
        },
        lang: Lang::En,
    }
}

const T302: &str = "tasks/ops/T-302.toml";

fn read(root: &Path, path: &str) -> String {
    std::fs::read_to_string(root.join(path)).unwrap()
}

/// The lines of `after` that are not in `before`, and the reverse.
fn changed_lines(before: &str, after: &str) -> (Vec<String>, Vec<String>) {
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    let added = new
        .iter()
        .filter(|l| !old.contains(l))
        .map(|l| l.to_string())
        .collect();
    let removed = old
        .iter()
        .filter(|l| !new.contains(l))
        .map(|l| l.to_string())
        .collect();
    (added, removed)
}

#[test]
fn set_changes_only_the_bytes_of_its_field() {
    let (_dir, root) = example();
    let before = read(&root, T302);
    let project = project(&root);
    let w = writer(&project, &root, "wang.zhuguan");
    let target = w.target("T-302").unwrap();
    let (outcome, line) = verbs::set(&w, &target, &["progress=20".into()]).unwrap();
    assert_eq!(
        outcome,
        Outcome::Written {
            path: T302.into(),
            fields: vec!["progress".into()],
        }
    );
    assert_eq!(line, "T-302: progress=20");
    let after = read(&root, T302);
    assert_eq!(after, before.replace("progress = 0", "progress = 20"));
}

#[test]
fn set_types_values_by_the_schema() {
    let (_dir, root) = example();
    let project = project(&root);
    let w = writer(&project, &root, "wang.zhuguan");
    let target = w.target("T-302").unwrap();
    let refused = |assignment: &str| {
        verbs::set(&w, &target, &[assignment.to_string()])
            .unwrap_err()
            .message
            .render(Lang::En)
    };
    assert_eq!(
        refused("progress=150"),
        "`progress` takes a whole number from 0 to 100, not `150`"
    );
    assert!(refused("status=finished").starts_with("`status` takes one of todo, in_progress"));
    assert_eq!(
        refused("effort=3 days"),
        "`effort` takes a duration (4wd, 24h, 3d), not `3 days`"
    );
    assert_eq!(
        refused("deu=2026-10-22"),
        "a task has no field `deu`; did you mean `due`?"
    );
    assert!(refused("update=x").contains("is a list of entries"));
    assert!(refused("progress").contains("is not FIELD=VALUE"));
    // Nothing was written by any of them.
    assert_eq!(
        read(&root, T302),
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("example-project")
                .join(T302)
        )
        .unwrap()
    );
}

#[test]
fn people_are_named_by_id_name_or_email() {
    let (_dir, root) = example();
    let project = project(&root);
    let w = writer(&project, &root, "xu.ting");
    let target = w.target("T-302").unwrap();
    verbs::set(&w, &target, &["acceptor=张经理".into()]).unwrap();
    assert!(read(&root, T302).contains("acceptor = \"zhang.jingli\""));
    let error = verbs::set(&w, &target, &["acceptor=nobody".into()]).unwrap_err();
    assert_eq!(
        error.message.render(Lang::En),
        "`nobody` is nobody in org.toml (give a person id, display name or email)"
    );
}

#[test]
fn a_deadline_is_not_anyones_to_move() {
    let (_dir, root) = example();
    let before = read(&root, T302);
    let project = project(&root);
    // sun.yan (marketing) is neither the acceptor nor the lead department's head.
    let w = writer(&project, &root, "sun.yan");
    let target = w.target("T-302").unwrap();
    let error = verbs::set(&w, &target, &["due=2026-10-28".into()]).unwrap_err();
    let Msg::Edit(EditMsg::NotEntitled { field, allowed, .. }) = &*error.message else {
        panic!("{:?}", error.message);
    };
    assert_eq!(field, "due");
    assert!(allowed.contains(&"wang.zhuguan".to_string()), "{allowed:?}");
    assert_eq!(read(&root, T302), before);
}

#[test]
fn the_daily_update_appends_and_starts_the_task() {
    let (_dir, root) = example();
    let before = read(&root, T302);
    let project = project(&root);
    let w = writer(&project, &root, "wang.zhuguan");
    let target = w.target("T-302").unwrap();
    let (_, line) =
        verbs::update(&w, &target, (Some(10), Some("检查单初稿"), Some("演练"))).unwrap();
    assert_eq!(line, "T-302: progress 10%");
    let after = read(&root, T302);
    let (added, removed) = changed_lines(&before, &after);
    assert_eq!(removed, ["status = \"todo\"", "progress = 0"]);
    assert_eq!(
        added,
        [
            "status = \"in_progress\"",
            "progress = 10",
            "",
            "[[update]]",
            "at = 2026-09-24T10:00:00+08:00",
            "by = \"wang.zhuguan\"",
            "progress = 10",
            "done = \"检查单初稿\"",
            "next = \"演练\"",
        ]
    );
    // The result loads and the update is the task's.
    let reloaded = project_after(&root);
    let task = reloaded.task("T-302").unwrap();
    assert_eq!(task.update.len(), 1);
}

#[test]
fn acceptance_is_the_acceptors_act() {
    let (_dir, root) = example();
    let project = project(&root);
    let owner = writer(&project, &root, "wang.zhuguan");
    let target = owner.target("T-302").unwrap();
    let error = verbs::review(&owner, &target, true, None).unwrap_err();
    assert!(
        matches!(*error.message, Msg::Edit(EditMsg::NotEntitled { ref allowed, .. }) if allowed.contains(&"zhang.jingli".to_string())),
        "{:?}",
        error.message
    );
    let acceptor = writer(&project, &root, "zhang.jingli");
    let error = verbs::review(&acceptor, &target, false, None).unwrap_err();
    assert_eq!(
        error.message.render(Lang::En),
        "a new rejection needs `comments`: give comments=…"
    );
    verbs::review(&acceptor, &target, false, Some("检查单缺回滚项")).unwrap();
    let text = read(&root, T302);
    assert!(text.ends_with(
        "\n[review]\nat = 2026-09-24T10:00:00+08:00\nby = \"zhang.jingli\"\nverdict = \"rejected\"\ncomments = \"检查单缺回滚项\"\n"
    ), "{text}");
    assert!(text.contains("status = \"rejected\""));
}

#[test]
fn a_viewer_writes_nothing_and_an_archived_item_is_read_only() {
    let (_dir, root) = example();
    let project = project(&root);
    let admin = writer(&project, &root, "xu.ting");
    let target = admin.target("T-302").unwrap();
    verbs::archive(&admin, &target).unwrap();
    let text = read(&root, T302);
    // With the other top-level keys, not after a table.
    assert!(text.ends_with("progress = 0\narchived = true\n"), "{text}");
    let project = project_after(&root);
    let owner = writer(&project, &root, "wang.zhuguan");
    let target = owner.target("T-302").unwrap();
    let error = verbs::set(&owner, &target, &["progress=5".into()]).unwrap_err();
    assert_eq!(
        *error.message,
        Msg::Edit(EditMsg::Archived { id: "T-302".into() })
    );
}

#[test]
fn nothing_that_would_not_load_is_written() {
    let (_dir, root) = example();
    let before = read(&root, T302);
    let project = project(&root);
    let w = writer(&project, &root, "xu.ting");
    let target = w.target("T-302").unwrap();
    let error = w
        .write(&target, |d| {
            doc::set(d, &["owner_name"], toml_edit::Value::from("x"));
            Ok(())
        })
        .unwrap_err();
    let Msg::Edit(EditMsg::Invalid { path, problems }) = &*error.message else {
        panic!("{:?}", error.message);
    };
    assert_eq!(path, T302);
    assert!(problems[0].contains("owner_name"), "{problems:?}");
    assert_eq!(read(&root, T302), before);
}

#[test]
fn a_response_is_one_per_department() {
    let (_dir, root) = example();
    let project = project(&root);
    let w = writer(&project, &root, "xu.ting");
    let target = w.target("REQ-002").unwrap();
    let answer = Answer {
        decision: "need_info",
        reason: Some("需要预算口径"),
        alternative: None,
        department: Some("fin"),
    };
    verbs::respond(&w, &target, &answer).unwrap();
    let first = read(&root, "requests/REQ-002.toml");
    let project = project_after(&root);
    let w = writer(&project, &root, "xu.ting");
    let target = w.target("REQ-002").unwrap();
    let answer = Answer {
        decision: "accept",
        reason: None,
        alternative: None,
        department: Some("fin"),
    };
    verbs::respond(&w, &target, &answer).unwrap();
    let second = read(&root, "requests/REQ-002.toml");
    assert_eq!(
        first.matches("department = \"fin\"").count(),
        second.matches("department = \"fin\"").count()
    );
    assert!(second.contains("decision = \"accept\""));
}

#[test]
fn a_verb_names_the_kinds_it_applies_to() {
    let (_dir, root) = example();
    let project = project(&root);
    let w = writer(&project, &root, "xu.ting");
    let target = w.target("REQ-001").unwrap();
    let error = verbs::block(&w, &target, "x").unwrap_err();
    assert_eq!(
        error.message.render(Lang::En),
        "`block` applies to tasks, and REQ-001 is not one"
    );
    assert_eq!(
        w.target("T-999").unwrap_err().message.render(Lang::En),
        "no item `T-999` in this repository"
    );
}

/// The project as it is on disk now.
fn project_after(root: &Path) -> Project {
    project(root)
}

/// Creates the next weekly meeting of the example project at `now`.
fn weekly_at(now: &str) -> (Outcome, PathBuf, tempfile::TempDir) {
    let (dir, root) = example();
    let project = project(&root);
    let mut w = writer(&project, &root, "zhang.jingli");
    w.clock.now = parse_now(now, w.clock.tz).unwrap();
    let new = super::new::NewItem {
        kind: ItemKind::Meeting,
        template: Some("weekly"),
        id: None,
        assignments: &[],
    };
    let (outcome, _) = super::new::create(&w, &new).unwrap();
    (outcome, root, dir)
}

#[test]
fn the_weekly_meeting_skips_a_monday_holiday() {
    // Wednesday 2026-09-30; Monday 2026-10-05 is in the National Day holiday.
    let (outcome, root, _dir) = weekly_at("2026-09-30T10:00:00+08:00");
    assert_eq!(
        outcome,
        Outcome::Created {
            path: "meetings/MTG-2026-10-12-1.toml".into()
        }
    );
    let text = read(&root, "meetings/MTG-2026-10-12-1.toml");
    assert!(text.contains("start = 2026-10-12T10:00:00+08:00\nend = 2026-10-12T11:00:00+08:00\nnotice_at = 2026-09-30T10:00:00+08:00"), "{text}");
    assert!(
        text.starts_with("title = \"项目周例会 2026-10-12\"\n"),
        "{text}"
    );
}

#[test]
fn the_weekly_meeting_leaves_the_notice_w003_asks_for() {
    // Sunday 12:00: Monday 10:00 is 22 hours away, less than a day's notice.
    let (outcome, _root, _dir) = weekly_at("2026-10-18T12:00:00+08:00");
    assert_eq!(
        outcome,
        Outcome::Created {
            path: "meetings/MTG-2026-10-26-1.toml".into()
        }
    );
}

#[test]
fn a_new_item_needs_a_title_and_a_free_id() {
    let (_dir, root) = example();
    let project = project(&root);
    let w = writer(&project, &root, "li.gong");
    let untitled = super::new::NewItem {
        kind: ItemKind::Task,
        template: None,
        id: None,
        assignments: &[],
    };
    assert_eq!(
        super::new::create(&w, &untitled)
            .unwrap_err()
            .message
            .render(Lang::En),
        "a new task needs `title`: give title=…"
    );
    let taken = super::new::NewItem {
        kind: ItemKind::Task,
        template: None,
        id: Some("T-101"),
        assignments: &["title=x".to_string()],
    };
    assert!(matches!(
        *super::new::create(&w, &taken).unwrap_err().message,
        Msg::Edit(EditMsg::IdTaken { .. })
    ));
    let numbered = super::new::NewItem {
        kind: ItemKind::Task,
        template: None,
        id: None,
        assignments: &["title=接口联调".to_string(), "owner=李工".to_string()],
    };
    let (outcome, line) = super::new::create(&w, &numbered).unwrap();
    // The example's highest task number is T-902.
    assert_eq!(
        outcome,
        Outcome::Created {
            path: "tasks/T-903.toml".into()
        }
    );
    assert_eq!(line, "T-903: created 接口联调");
    assert_eq!(
        read(&root, "tasks/T-903.toml"),
        "title = \"接口联调\"\nowner = \"li.gong\"\n"
    );
}

/// Every scalar and list-of-text field of every example item, set to the
/// value it has: typed back to exactly the same TOML, nothing written.
#[test]
fn setting_any_field_to_its_own_value_writes_nothing() {
    let (_dir, root) = example();
    let project = project(&root);
    let w = writer(&project, &root, "xu.ting");
    let mut checked = 0;
    for (id, file, _) in project.bodies() {
        let path = project.files.path(file).to_string();
        let table: toml::Table = read(&root, &path).parse().unwrap();
        let target = w.target(id).unwrap();
        for (key, value) in &table {
            let text = match value {
                toml::Value::String(s) if !s.is_empty() => s.clone(),
                toml::Value::Integer(n) => n.to_string(),
                toml::Value::Boolean(b) => b.to_string(),
                toml::Value::Datetime(d) => d.to_string(),
                toml::Value::Array(items) if !items.is_empty() => {
                    let Some(texts) = items.iter().map(|i| i.as_str()).collect::<Option<Vec<_>>>()
                    else {
                        continue;
                    };
                    let separator = crate::edit::value::list_separators(key)[0];
                    texts.join(&separator.to_string())
                }
                _ => continue,
            };
            let (outcome, _) = verbs::set(&w, &target, &[format!("{key}={text}")])
                .unwrap_or_else(|e| panic!("{id} {key}={text}: {:?}", e.message));
            assert_eq!(
                outcome,
                Outcome::Unchanged { path: path.clone() },
                "{id} {key}={text}"
            );
            checked += 1;
        }
    }
    assert!(checked > 300, "{checked}");
}
