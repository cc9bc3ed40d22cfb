//! `--format codequality`: GitLab's Code Quality report (a subset of the
//! Code Climate format: `description`, `check_name`, `fingerprint`,
//! `severity`, `location.path`, `location.lines.begin`), the artifact
//! `artifacts:reports:codequality` that the merge-request widget compares
//! with the target branch's.
//!
//! Every finding present at the checked revision is listed — GitLab works
//! out what is new itself, against the target branch's report — but not
//! those a pull request fixed (absent at its head) nor waived ones.

use serde::Serialize;

use super::{FindingDoc, ReportDoc};
use crate::diag::{Change, Severity};

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: String,
    fingerprint: &'a str,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// GitLab's severities: `info`, `minor`, `major`, `critical`, `blocker`.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

fn issue<'a>(doc: &ReportDoc, finding: &'a FindingDoc) -> Issue<'a> {
    let subject = match &finding.item {
        Some(item) => format!("{item}: {}", finding.message),
        None => finding.message.clone(),
    };
    Issue {
        description: match &finding.hint {
            Some(hint) => format!("{subject} ({hint})"),
            None => subject,
        },
        check_name: format!("baton/{} {}", finding.rule, finding.name),
        fingerprint: &finding.fingerprint,
        severity: severity(finding.severity()),
        location: Location {
            path: doc.repo_path(&finding.path),
            lines: Lines {
                begin: finding.line.max(1),
            },
        },
    }
}

fn issues(doc: &ReportDoc) -> Vec<Issue<'_>> {
    doc.findings
        .iter()
        .filter(|f| f.change() != Some(Change::Fixed) && f.waived.is_none())
        .map(|f| issue(doc, f))
        .collect()
}

/// Writes the report as a Code Quality array to `out`.
pub fn to_writer(out: &mut dyn std::io::Write, doc: &ReportDoc) -> std::io::Result<()> {
    super::json::to_writer(out, &issues(doc))
}

/// The report as a Code Quality array.
pub fn render(doc: &ReportDoc) -> String {
    super::json::to_string(&issues(doc))
}
