use crate::check::{Checked, check};
use crate::diag::Severity;
use crate::evidence::Evidence;
use crate::testing::{BATON, project};
use crate::time::parse_now;

const TASK: &str = "title = \"a\"\nowner = \"li.gong\"\nlead = \"rnd\"\ndue = 2026-09-14\ndeliverable = \"report\"\nacceptance = \"signed off\"\n";
const WAIVER: &str =
    "\n[[waiver]]\nrule = \"D001\"\nreason = \"moved to Q4 by the board\"\nby = \"chen.zong\"\n";

fn checked(files: &[(&str, &str)], now: &str) -> Checked {
    let project = project(files);
    let now = parse_now(now, project.settings.tz)
        .unwrap_or_else(|e| panic!("{e}"))
        .with_timezone(&chrono::Utc);
    check(project, now, &Evidence::none(), None).unwrap_or_else(|e| panic!("{e}"))
}

fn codes(checked: &Checked) -> Vec<(&'static str, Severity, bool)> {
    checked
        .findings
        .iter()
        .map(|f| (f.code, f.severity, f.waived.is_some()))
        .collect()
}

const NOW: &str = "2026-09-20T10:00:00+08:00";

#[test]
fn a_waiver_in_the_item_turns_its_finding_into_a_waived_info() {
    let task = format!("{TASK}{WAIVER}until = 2026-09-30\n");
    let found = checked(&[("tasks/T-1.toml", &task)], NOW);
    assert_eq!(codes(&found), [("D001", Severity::Info, true)]);
    let waived = found.findings[0].waived.as_deref().map(|w| {
        (
            w.severity,
            w.by.as_str(),
            w.reason.as_str(),
            w.until.map(|d| d.to_string()),
        )
    });
    assert_eq!(
        waived,
        Some((
            Severity::Error,
            "chen.zong",
            "moved to Q4 by the board",
            Some("2026-09-30".to_string())
        ))
    );
    // The same finding without the waiver is an error.
    let bare = checked(&[("tasks/T-1.toml", TASK)], NOW);
    assert_eq!(codes(&bare), [("D001", Severity::Error, false)]);
}

#[test]
fn a_lapsed_or_unentitled_waiver_waives_nothing_and_is_reported() {
    let lapsed = format!("{TASK}{WAIVER}until = 2026-09-18\n");
    let by_the_owner = format!("{TASK}{WAIVER}").replace("by = \"chen.zong\"", "by = \"li.gong\"");
    for task in [lapsed, by_the_owner] {
        let found = checked(&[("tasks/T-1.toml", &task)], NOW);
        assert_eq!(
            codes(&found),
            [
                ("D001", Severity::Error, false),
                ("Q004", Severity::Warning, false)
            ],
            "{task}"
        );
    }
}

#[test]
fn an_unused_waiver_is_reported_where_it_is_written() {
    // Due later: nothing is overdue, the waiver accepts nothing.
    let task = format!("{TASK}{WAIVER}").replace("2026-09-14", "2026-10-14");
    let found = checked(&[("tasks/T-1.toml", &task)], NOW);
    assert_eq!(codes(&found), [("Q004", Severity::Warning, false)]);
    let message = found.findings[0].diagnostic.message.to_string();
    assert_eq!(message, "the waiver of D001 on T-1 matches no finding");
    assert_eq!(found.findings[0].diagnostic.item.as_deref(), Some("T-1"));
}

#[test]
fn a_waiver_in_baton_toml_names_its_item() {
    let config = format!("{BATON}{WAIVER}item = \"T-1\"\n");
    let found = checked(&[("baton.toml", &config), ("tasks/T-1.toml", TASK)], NOW);
    assert_eq!(codes(&found), [("D001", Severity::Info, true)]);
    let waived = found.findings[0].waived.as_deref().map(|w| w.file);
    assert_eq!(waived, Some(found.project.config_file));
    // It waives that item's findings only.
    let other = TASK.replace("title = \"a\"", "title = \"b\"");
    let found = checked(
        &[
            ("baton.toml", &config),
            ("tasks/T-1.toml", TASK),
            ("tasks/T-2.toml", &other),
        ],
        NOW,
    );
    assert_eq!(
        codes(&found),
        [
            ("D001", Severity::Info, true),
            ("D001", Severity::Error, false)
        ]
    );
}

#[test]
fn a_waiver_names_its_rule_by_code_or_name_and_leaves_other_rules_alone() {
    let task = format!("{TASK}{WAIVER}")
        .replace("rule = \"D001\"", "rule = \"overdue\"")
        .replace("signed off", "ASAP");
    let found = checked(&[("tasks/T-1.toml", &task)], NOW);
    assert_eq!(
        codes(&found),
        [
            ("D001", Severity::Info, true),
            ("Q001", Severity::Warning, false)
        ]
    );
}

#[test]
fn the_report_shows_the_waiver_and_counts_it() {
    let task = format!("{TASK}{WAIVER}");
    let found = checked(&[("tasks/T-1.toml", &task)], NOW);
    let doc = crate::report::ReportDoc::from_checked(&found, crate::messages::Lang::En, None);
    assert_eq!(
        (doc.summary.errors, doc.summary.infos, doc.summary.waived),
        (0, 1, 1)
    );
    let waived = doc.findings[0]
        .waived
        .as_ref()
        .map(|w| (w.severity.as_str(), w.line));
    assert_eq!(waived, Some(("error", 8)));
    let text = crate::report::text(&found, false, crate::messages::Lang::En);
    assert!(
        text.contains("waived by chen.zong: moved to Q4 by the board"),
        "{text}"
    );
    assert!(
        text.contains("0 errors, 0 warnings, 1 info (1 waived)"),
        "{text}"
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&crate::report::sarif::render(&doc)).unwrap_or_default();
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["level"], "error");
    assert_eq!(result["suppressions"][0]["kind"], "inSource");
    assert_eq!(
        result["suppressions"][0]["justification"],
        "moved to Q4 by the board (chen.zong)"
    );
}
