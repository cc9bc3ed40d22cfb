//! `--format sarif`: SARIF 2.1.0 for code scanning (valid against the
//! OASIS schema; a test checks it). Built with serde_json rather than a
//! SARIF crate: baton needs a small, fixed subset of the format.

use serde_json::{Value, json};

use super::ReportDoc;
use crate::diag::{Change, Severity};
use crate::rules::RULES;

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The report as a SARIF log.
pub fn render(doc: &ReportDoc) -> String {
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
    let results: Vec<Value> = doc
        .findings
        .iter()
        .map(|finding| {
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
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "baton",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/baton-dev/baton",
                "rules": rules
            } },
            "columnKind": "unicodeCodePoints",
            "results": results
        }]
    });
    super::sanitize::json(&serde_json::to_string_pretty(&log).unwrap_or_default()) + "\n"
}
