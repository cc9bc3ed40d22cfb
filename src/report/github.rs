//! `--format github`: workflow-command annotations, shown by GitHub
//! Actions on the lines of the pull request's files.

use super::ReportDoc;
use super::escape::{workflow_data, workflow_property};
use crate::diag::{Change, Severity};

/// One `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`
/// line per finding; in pull-request mode only new and existing findings
/// in the files the change touched (GitHub can only show those).
pub fn render(doc: &ReportDoc) -> String {
    let touched: Option<Vec<&str>> = doc
        .changed
        .as_ref()
        .map(|c| c.iter().map(|c| c.path.as_str()).collect());
    let mut out = String::new();
    for finding in &doc.findings {
        if finding.change() == Some(Change::Fixed) {
            continue;
        }
        if let Some(touched) = &touched
            && !touched.contains(&finding.path.as_str())
        {
            continue;
        }
        let command = match finding.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = finding.message.clone();
        if let Some(hint) = &finding.hint {
            message.push_str(" — ");
            message.push_str(hint);
        }
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            workflow_property(&doc.repo_path(&finding.path)),
            finding.line,
            finding.column,
            finding.end_line,
            finding.end_column,
            workflow_property(&format!("{} {}", finding.rule, finding.name)),
            workflow_data(&message),
        ));
    }
    out
}
