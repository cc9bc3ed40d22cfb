//! `--format json`: the shape of SPEC §7 (pull-request mode adds `change`
//! to each finding, and `base`, `head`, `changed` and `policy_changed`).

use serde::Serialize;

use crate::check::Checked;
use crate::diag::{Change, Finding as Found, Severity};
use crate::messages::Lang;
use crate::pr::{PrChecked, Touch};

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    now: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    base: Option<Revision>,
    #[serde(skip_serializing_if = "Option::is_none")]
    head: Option<Revision>,
    summary: Summary,
    findings: Vec<Finding<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    changed: Option<Vec<Changed>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    policy_changed: Option<Vec<String>>,
}

#[derive(Serialize)]
struct Revision {
    rev: String,
    commit: String,
}

#[derive(Serialize, Default)]
struct Summary {
    items: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    new: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    new_errors: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    existing: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fixed: Option<usize>,
}

#[derive(Serialize)]
struct Changed {
    id: Option<String>,
    path: String,
    change: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<String>,
}

#[derive(Serialize)]
struct Finding<'a> {
    rule: &'a str,
    name: &'a str,
    severity: &'a str,
    item: Option<&'a str>,
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    field: &'a str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<String>,
    fingerprint: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    change: Option<&'a str>,
}

fn summary(checked: &Checked) -> Summary {
    let current = checked
        .findings
        .iter()
        .filter(|f| f.change != Some(Change::Fixed));
    let mut summary = Summary {
        items: checked.project.item_count(),
        ..Summary::default()
    };
    for finding in current {
        match finding.severity {
            Severity::Error => summary.errors += 1,
            Severity::Warning => summary.warnings += 1,
            Severity::Info => summary.infos += 1,
        }
    }
    summary
}

fn findings<'a>(checked: &'a Checked, lang: Lang) -> Vec<Finding<'a>> {
    let files = &checked.project.files;
    checked
        .findings
        .iter()
        .map(|f: &'a Found| {
            let d = &f.diagnostic;
            let span = d.span.clone().unwrap_or(0..0);
            let start = files.line_col(d.file, span.start);
            let end = files.line_col(d.file, span.end);
            Finding {
                rule: f.code,
                name: f.name,
                severity: f.severity.as_str(),
                item: d.item.as_deref(),
                path: files.path(d.file),
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                field: &d.field,
                message: d.message.render(lang),
                hint: d.hint.as_ref().map(|h| h.render(lang)),
                fingerprint: &f.fingerprint,
                change: f.change.map(|c| c.as_str()),
            }
        })
        .collect()
}

fn to_string(report: &Report<'_>) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default() + "\n"
}

/// The report of a check as pretty JSON.
pub fn render(checked: &Checked, lang: Lang) -> String {
    to_string(&Report {
        version: 1,
        now: checked.clock.now.to_rfc3339(),
        base: None,
        head: None,
        summary: summary(checked),
        findings: findings(checked, lang),
        changed: None,
        policy_changed: None,
    })
}

/// The report of a pull-request check as pretty JSON.
pub fn render_pr(pr: &PrChecked, lang: Lang) -> String {
    let checked = &pr.checked;
    let mut summary = summary(checked);
    let count = |change: Change| {
        checked
            .findings
            .iter()
            .filter(|f| f.change == Some(change))
            .count()
    };
    summary.new = Some(count(Change::New));
    summary.new_errors = Some(
        checked
            .findings
            .iter()
            .filter(|f| f.change == Some(Change::New) && f.severity == Severity::Error)
            .count(),
    );
    summary.existing = Some(count(Change::Existing));
    summary.fixed = Some(count(Change::Fixed));
    let revision = |r: &crate::git::Revision| Revision {
        rev: r.name.clone(),
        commit: r.commit.to_string(),
    };
    to_string(&Report {
        version: 1,
        now: checked.clock.now.to_rfc3339(),
        base: Some(revision(&pr.base)),
        head: Some(revision(&pr.head)),
        summary,
        findings: findings(checked, lang),
        changed: Some(
            pr.touched
                .iter()
                .map(|t| {
                    let (change, from) = match &t.touch {
                        Touch::Added => ("added", None),
                        Touch::Modified => ("modified", None),
                        Touch::Deleted => ("deleted", None),
                        Touch::Renamed(from) => ("renamed", Some(from.clone())),
                    };
                    Changed {
                        id: t.id.clone(),
                        path: t.path.clone(),
                        change,
                        from,
                    }
                })
                .collect(),
        ),
        policy_changed: Some(pr.policy_changed.clone()),
    })
}
