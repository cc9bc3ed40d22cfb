use super::*;
use crate::source::MemorySource;
use crate::testing::{BATON, ORG};

fn source(files: &[(&str, &str)]) -> MemorySource {
    let mut source = MemorySource::new()
        .with("baton.toml", BATON)
        .with("org.toml", ORG);
    for (path, text) in files {
        source = source.with(path, *text);
    }
    source
}

fn config_errors(files: &[(&str, &str)]) -> Vec<String> {
    match load(&source(files)) {
        Err(LoadError::Config(errors)) => errors
            .diagnostics
            .iter()
            .map(|d| {
                let at = errors
                    .files
                    .line_col(d.file, d.span.as_ref().map_or(0, |s| s.start));
                format!(
                    "{}:{}:{}: {}",
                    errors.files.path(d.file),
                    at.line,
                    at.column,
                    d.message
                )
            })
            .collect(),
        Err(other) => panic!("unexpected error {other:?}"),
        Ok(_) => Vec::new(),
    }
}

#[test]
fn loads_items_of_every_kind_from_nested_folders() {
    let project = load(&source(&[
        ("tasks/q3/design/T-1.toml", "title = \"a\"\n"),
        (
            "requests/REQ-1.toml",
            "title = \"r\"\nfrom = { department = \"mkt\" }\n",
        ),
        (
            "meetings/M-1.toml",
            "title = \"m\"\nstart = 2026-07-01T10:00:00+08:00\n",
        ),
        ("tasks/README.md", "not an item"),
        ("docs/T-9.toml", "not an item"),
    ]))
    .unwrap();
    assert_eq!(project.tasks.len(), 1);
    assert_eq!(project.tasks[0].id, "T-1");
    assert_eq!(project.requests.len(), 1);
    assert_eq!(project.meetings.len(), 1);
    assert!(project.problems.is_empty(), "{:?}", project.problems);
    assert_eq!(project.settings.name, "test");
}

#[test]
fn an_unknown_time_zone_is_a_configuration_error_with_a_suggestion() {
    let errors = config_errors(&[("baton.toml", "[project]\ntimezone = \"Asia/Shangai\"\n")]);
    assert_eq!(
        errors,
        [
            "baton.toml:2:12: invalid `project.timezone`: unknown time zone `Asia/Shangai` (an IANA name such as Asia/Shanghai)"
        ]
    );
}

#[test]
fn an_unknown_calendar_is_a_configuration_error() {
    let errors = config_errors(&[("baton.toml", "[project]\ncalendar = \"acme\"\n")]);
    assert_eq!(
        errors,
        ["baton.toml:2:12: invalid `project.calendar`: unknown calendar `acme`"]
    );
}

#[test]
fn an_unparseable_duration_is_a_configuration_error_naming_the_value() {
    let errors = config_errors(&[("baton.toml", "[sla]\nrequest_ack = \"1 week\"\n")]);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .starts_with("baton.toml:2:15: invalid `sla.request_ack`: `1 week` is not a duration"),
        "{errors:?}"
    );
}

#[test]
fn calendars_extend_each_other_and_cycles_are_errors() {
    let project = load(&source(&[
        ("baton.toml", "[project]\ncalendar = \"acme\"\n"),
        (
            "calendars/acme.toml",
            "extends = \"base\"\nholidays = [2026-08-14]\n",
        ),
        (
            "calendars/base.toml",
            "extends = \"cn\"\nworkdays = [2026-10-05]\n",
        ),
    ]))
    .unwrap();
    let cal = &project.settings.calendar;
    let d = |m, day| chrono::NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    assert!(!cal.is_working_day(d(8, 14)));
    assert!(cal.is_working_day(d(10, 5)));
    assert!(!cal.is_working_day(d(10, 6)));

    let errors = config_errors(&[
        ("baton.toml", "[project]\ncalendar = \"a\"\n"),
        ("calendars/a.toml", "extends = \"b\"\n"),
        ("calendars/b.toml", "extends = \"a\"\n"),
    ]);
    assert_eq!(
        errors,
        ["calendars/b.toml:1:11: invalid `extends`: calendar `a` extends itself through `extends`"]
    );
}

#[test]
fn a_file_named_like_a_builtin_extends_the_builtin() {
    let project = load(&source(&[(
        "calendars/cn.toml",
        "extends = \"cn\"\nholidays = [2026-08-14]\n",
    )]))
    .unwrap();
    let cal = &project.settings.calendar;
    assert!(!cal.is_working_day(chrono::NaiveDate::from_ymd_opt(2026, 8, 14).unwrap()));
    assert!(!cal.is_working_day(chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()));
}

#[test]
fn a_broken_unused_calendar_is_a_finding_not_an_error() {
    let project = load(&source(&[("calendars/old.toml", "holidays = [\n")])).unwrap();
    assert_eq!(project.problems.len(), 1);
    assert_eq!(project.problems[0].code, "S001");
}

#[test]
fn a_day_both_off_and_worked_is_an_error() {
    let errors = config_errors(&[
        ("baton.toml", "[project]\ncalendar = \"acme\"\n"),
        (
            "calendars/acme.toml",
            "holidays = [2026-08-14]\nworkdays = [2026-08-14]\n",
        ),
    ]);
    assert_eq!(
        errors,
        [
            "calendars/acme.toml:2:13: invalid `workdays`: 2026-08-14 is listed both as a holiday and as a working day"
        ]
    );
}

#[test]
fn working_hours_must_be_ordered() {
    let errors = config_errors(&[(
        "baton.toml",
        "[workday]\nstart = \"18:00\"\nend = \"09:00\"\n",
    )]);
    assert_eq!(
        errors,
        [
            "baton.toml:3:7: invalid `workday.end`: the working day ends at 09:00 but starts at 18:00"
        ]
    );
}

#[test]
fn a_missing_org_is_one_finding_and_references_are_not_checked() {
    let source = MemorySource::new()
        .with("baton.toml", BATON)
        .with("tasks/T-1.toml", "title = \"a\"\nowner = \"x\"\n");
    let project = load(&source).unwrap();
    assert_eq!(project.problems.len(), 1);
    assert!(!project.org.known);
    assert!(project.org.has_person("anyone"));
}

#[test]
fn an_unreadable_item_does_not_stop_the_others() {
    let mut source = source(&[("tasks/T-2.toml", "title = \"ok\"\n")]);
    source = source.with("tasks/T-1.toml", vec![0xff, 0xfe, 0x00]);
    let project = load(&source).unwrap();
    assert_eq!(project.tasks.len(), 1);
    assert_eq!(project.problems.len(), 1);
    assert!(
        project.resolves(crate::model::ItemKind::Task, "T-1"),
        "an unreadable item still exists"
    );
}

#[test]
fn without_baton_toml_there_is_no_root() {
    let source = MemorySource::new().with("tasks/T-1.toml", "title = \"a\"\n");
    assert!(matches!(
        load(&source),
        Err(LoadError::Source(SourceError::NoRoot { .. }))
    ));
}

/// A revision's files: a memory source whose files carry blob ids, as a
/// git revision's do (the id is a hash of the content).
struct Revision(MemorySource);

impl Source for Revision {
    fn describe(&self) -> String {
        self.0.describe()
    }
    fn root_name(&self) -> String {
        self.0.root_name()
    }
    fn read(&self) -> Result<Vec<crate::source::SourceFile>, SourceError> {
        let mut files = self.0.read()?;
        for file in &mut files {
            if let Content::Bytes(bytes) = &file.content {
                file.blob = git2::Oid::hash_object(git2::ObjectType::Blob, bytes).ok();
            }
        }
        Ok(files)
    }
}

#[test]
fn a_blob_shared_by_two_revisions_is_parsed_once() {
    let base = Revision(source(&[
        ("tasks/T-1.toml", "title = \"one\"\nstatus = \"blocked\"\n"),
        ("tasks/T-2.toml", "title = \"two\"\n"),
        ("tasks/T-3.toml", "title = \"three\"\nbogus = 1\n"),
    ]));
    let head = Revision(source(&[
        ("tasks/T-1.toml", "title = \"one\"\nstatus = \"blocked\"\n"),
        ("tasks/T-2.toml", "title = \"two, changed\"\n"),
        ("tasks/T-3.toml", "title = \"three\"\nbogus = 1\n"),
    ]));
    let mut memo = ParseMemo::recording();
    let head_project = load_memo(&head, &Silent, &mut memo).unwrap();
    // Every item file of the head, kept for the base.
    assert_eq!(memo.len(), 3);
    memo.stop_recording();
    let base_project = load_memo(&base, &Silent, &mut memo).unwrap();
    // T-1 and T-3 came from the memo; T-2 differs and was parsed.
    assert_eq!(memo.len(), 1);

    let alone = load(&base).unwrap();
    let titles = |p: &Project| -> Vec<String> {
        p.tasks.iter().map(|t| t.body.title.get().clone()).collect()
    };
    assert_eq!(titles(&base_project), titles(&alone));
    assert_eq!(titles(&base_project), ["one", "two", "three"]);
    assert_eq!(titles(&head_project)[1], "two, changed");
    // The schema problem of the shared T-3 is reported in both, at the
    // same place.
    let problems = |p: &Project| -> Vec<(String, Option<std::ops::Range<usize>>)> {
        p.problems
            .iter()
            .map(|l| (l.code.to_string(), l.diagnostic.span.clone()))
            .collect()
    };
    assert_eq!(problems(&base_project), problems(&alone));
    assert!(problems(&alone).iter().any(|(code, _)| code == "S002"));
}
