//! `--format sarif`: SARIF 2.1.0 for code scanning (valid against the
//! OASIS schema; a test checks it). Built with serde_json rather than a
//! SARIF crate: baton needs a small, fixed subset of the format.

use serde::Serialize;
use serde_json::{Value, json};

use super::{FindingDoc, ReportDoc};
use crate::diag::{Change, Severity};
use crate::rules::RULES;

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// One SARIF result.
fn result(doc: &ReportDoc, finding: &FindingDoc) -> Value {
    let rule_index = RULES.iter().position(|r| r.code == finding.rule);
    let mut result = json!({
        "ruleId": finding.rule,
        "level": level(finding.severity()),
        "message": { "text": match &finding.hint {
            Some(hint) => format!("{} ({hint})", finding.message),
            None => finding.message.clone(),
        } },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": doc.repo_path(&finding.path), "uriBaseId": "%SRCROOT%" },
                "region": {
                    "startLine": finding.line,
                    "startColumn": finding.column,
                    "endLine": finding.end_line.max(finding.line),
                    "endColumn": if finding.end_line > finding.line { finding.end_column } else { finding.end_column.max(finding.column) }
                }
            },
            "logicalLocations": finding.item.as_ref().map(|item| vec![json!({ "name": item, "kind": "object" })]).unwrap_or_default()
        }],
        "partialFingerprints": { "batonFingerprint/v1": finding.fingerprint }
    });
    if let Some(index) = rule_index {
        result["ruleIndex"] = json!(index);
    }
    // A waived finding keeps its level and carries the waiver as a
    // suppression (code scanning shows it as dismissed).
    if let Some(waived) = &finding.waived {
        result["level"] = json!(level(Severity::from_name(&waived.severity)));
        result["suppressions"] = json!([{
            "kind": if waived.path == finding.path { "inSource" } else { "external" },
            "status": "accepted",
            "justification": format!("{} ({})", waived.reason, waived.by),
        }]);
    }
    if let Some(change) = finding.change() {
        result["baselineState"] = json!(match change {
            Change::New => "new",
            Change::Existing => "unchanged",
            Change::Fixed => "absent",
        });
    }
    result
}

/// The results, each built as it is written (a 100,000-finding log is
/// never held as one tree).
struct Results<'a>(&'a ReportDoc);

impl Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.findings.iter().map(|f| result(self.0, f)))
    }
}

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Value,
    column_kind: &'static str,
    results: Results<'a>,
}

/// The tool and its rules.
fn tool() -> Value {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|rule| {
            let documentation = rule.documentation();
            json!({
                "id": rule.code,
                "name": rule.name,
                "shortDescription": { "text": rule.summary() },
                "fullDescription": { "text": documentation },
                "help": { "text": documentation, "markdown": documentation },
                "defaultConfiguration": { "level": level(rule.default) },
                "properties": { "tags": ["baton"] }
            })
        })
        .collect();
    json!({ "driver": {
        "name": "baton",
        "version": env!("CARGO_PKG_VERSION"),
        "informationUri": "https://github.com/baton-dev/baton",
        "rules": rules
    } })
}

fn log(doc: &ReportDoc) -> Log<'_> {
    Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: tool(),
            column_kind: "unicodeCodePoints",
            results: Results(doc),
        }],
    }
}

/// Writes the report as a SARIF log to `out`.
pub fn to_writer(out: &mut dyn std::io::Write, doc: &ReportDoc) -> std::io::Result<()> {
    super::json::to_writer(out, &log(doc))
}

/// The report as a SARIF log.
pub fn render(doc: &ReportDoc) -> String {
    super::json::to_string(&log(doc))
}
