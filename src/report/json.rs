//! `--format json`: the shape of SPEC §7.

use serde::Serialize;

use super::counts;
use crate::check::Checked;
use crate::messages::Lang;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    now: String,
    summary: Summary,
    findings: Vec<Finding<'a>>,
}

#[derive(Serialize)]
struct Summary {
    items: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
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

/// The report as pretty JSON.
pub fn render(checked: &Checked, lang: Lang) -> String {
    let files = &checked.project.files;
    let c = counts(checked);
    let report = Report {
        version: 1,
        now: checked.clock.now.to_rfc3339(),
        summary: Summary {
            items: checked.project.item_count(),
            errors: c.errors,
            warnings: c.warnings,
            infos: c.infos,
        },
        findings: checked
            .findings
            .iter()
            .map(|f| {
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
            .collect(),
    };
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}
