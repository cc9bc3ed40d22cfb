//! `--format markdown`: the pull-request comment (and job summary).
//!
//! First the verdict, then the new findings as a table linking to the file
//! and line at the head commit, the fixed findings, a Mermaid graph of the
//! changed tasks with their dependencies and dependents, and the existing
//! findings folded away. Item text is escaped (see [`super::escape`]); a
//! body over GitHub's 65,536-character limit is cut with a note.

use std::fmt::Write as _;

use super::escape;
use super::{FindingDoc, GraphDoc, ReportDoc};
use crate::diag::{Change, Severity};
use crate::messages::{BaselineMsg, Lang, Msg, WaiverMsg};

/// The hidden marker by which baton finds its own comment.
pub const MARKER: &str = "<!-- baton:pr-check -->";

/// GitHub rejects comment bodies longer than this (characters).
pub const GITHUB_LIMIT: usize = 65_536;

/// Where findings link to: `{blob_url}/{sha}/{path}#L{line}`.
#[derive(Debug, Clone)]
pub struct Links {
    /// Where files of a commit are shown, without the commit:
    /// `https://github.com/OWNER/NAME/blob`, GitLab's
    /// `https://HOST/GROUP/PROJECT/-/blob`, Gitea's
    /// `https://HOST/OWNER/NAME/src/commit`.
    pub blob_url: String,
    /// The head commit.
    pub sha: String,
}

fn icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "❌",
        Severity::Warning => "⚠️",
        Severity::Info => "ℹ️",
    }
}

fn location(doc: &ReportDoc, finding: &FindingDoc, links: Option<&Links>) -> String {
    let shown = escape::markdown(&format!("{}:{}", finding.path, finding.line));
    match links {
        // Fixed findings are at the base: link there.
        Some(links) => {
            let sha = match (finding.change(), &doc.base) {
                (Some(Change::Fixed), Some(base)) => base.commit.as_str(),
                _ => links.sha.as_str(),
            };
            let path: String = doc
                .repo_path(&finding.path)
                .split('/')
                .map(percent_encode)
                .collect::<Vec<_>>()
                .join("/");
            format!(
                "[{shown}]({}/{sha}/{path}#L{})",
                links.blob_url, finding.line
            )
        }
        None => shown,
    }
}

/// Percent-encodes a path segment for a URL (non-ASCII and reserved bytes).
fn percent_encode(segment: &str) -> String {
    let mut out = String::new();
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

fn row(doc: &ReportDoc, finding: &FindingDoc, links: Option<&Links>, lang: Lang) -> String {
    let mut message = escape::message(&finding.message);
    if let Some(hint) = &finding.hint {
        message.push_str("<br>💡 ");
        message.push_str(&escape::message(hint));
    }
    if let Some(waived) = &finding.waived {
        let note = Msg::Waiver(WaiverMsg::Waived {
            by: waived.by.clone(),
            until: waived.until.clone(),
            reason: waived.reason.clone(),
        });
        message.push_str("<br>🔕 ");
        message.push_str(&escape::message(&note.render(lang)));
    }
    let icon = match finding.change() {
        Some(Change::Fixed) => "✅",
        _ if finding.waived.is_some() => "🔕",
        _ => icon(finding.severity()),
    };
    format!(
        "| {} | <code>{}</code> {} | {} | {} | {} |\n",
        icon,
        escape::markdown(&finding.rule),
        escape::markdown(&finding.name),
        finding
            .item
            .as_deref()
            .map(escape::markdown)
            .unwrap_or_default(),
        location(doc, finding, links),
        message
    )
}

fn table(
    doc: &ReportDoc,
    findings: &[&FindingDoc],
    shown: usize,
    links: Option<&Links>,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let columns = Msg::ReportColumns.render(lang);
    out.push_str(&format!("| {columns}|\n|---|---|---|---|---|\n"));
    for finding in findings.iter().take(shown) {
        out.push_str(&row(doc, finding, links, lang));
    }
    if findings.len() > shown {
        let note = Msg::ReportOmitted {
            count: findings.len() - shown,
        }
        .render(lang);
        out.push_str(&format!("\n_{}_\n", escape::markdown(&note)));
    }
    out
}

fn mermaid(graph: &GraphDoc) -> String {
    let mut out = String::from("```mermaid\ngraph LR\n");
    for node in &graph.nodes {
        let _ = writeln!(
            out,
            "  {}[\"{} · {} · {}\"]",
            escape::mermaid_id(&node.id),
            escape::mermaid_label(&node.id),
            escape::mermaid_label(&node.title),
            escape::mermaid_label(&node.status)
        );
    }
    // Arrows point the way work flows: from a dependency to its dependent.
    for (task, dependency) in &graph.edges {
        let _ = writeln!(
            out,
            "  {} --> {}",
            escape::mermaid_id(dependency),
            escape::mermaid_id(task)
        );
    }
    out.push_str("  classDef changed stroke:#d73a49,stroke-width:3px\n");
    out.push_str("  classDef accepted fill:#dcffe4\n  classDef blocked fill:#ffdce0\n  classDef delivered fill:#fff5b1\n");
    for node in &graph.nodes {
        let id = escape::mermaid_id(&node.id);
        if node.changed {
            let _ = writeln!(out, "  class {id} changed");
        } else if matches!(node.status.as_str(), "accepted" | "blocked" | "delivered") {
            let _ = writeln!(out, "  class {id} {}", node.status);
        }
    }
    out.push_str("```\n");
    out
}

/// How many findings of each group to show.
#[derive(Clone, Copy)]
struct Shown {
    new: usize,
    fixed: usize,
    existing: usize,
    graph: bool,
}

fn compose(doc: &ReportDoc, links: Option<&Links>, lang: Lang, shown: Shown) -> String {
    let group = |change: Option<Change>| -> Vec<&FindingDoc> {
        doc.findings
            .iter()
            .filter(|f| f.change() == change)
            .collect()
    };
    let count = |change: Change, severity: Severity| {
        doc.findings
            .iter()
            .filter(|f| f.change() == Some(change) && f.severity() == severity)
            .count()
    };
    let mut out = String::from(MARKER);
    out.push('\n');
    let pr = doc.base.is_some();
    let verdict = if pr {
        let new_errors = count(Change::New, Severity::Error);
        let new_warnings = count(Change::New, Severity::Warning);
        let fixed = group(Some(Change::Fixed)).len();
        if new_errors > 0 {
            format!(
                "❌ {}",
                Msg::ReportFailed {
                    new_errors,
                    new_warnings,
                    fixed
                }
                .render(lang)
            )
        } else {
            let existing = group(Some(Change::Existing)).len();
            format!(
                "✅ {}",
                Msg::ReportPassed {
                    new_warnings,
                    fixed,
                    existing
                }
                .render(lang)
            )
        }
    } else {
        let s = &doc.summary;
        let icon = if s.errors > 0 { "❌" } else { "✅" };
        let totals = Msg::ReportTotals {
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
        };
        format!("{icon} {}", totals.render(lang))
    };
    let _ = writeln!(out, "### {}\n", escape::markdown(&verdict));
    if let Some(applied) = &doc.baseline {
        let hidden = Msg::Baseline(BaselineMsg::Hidden {
            hidden: applied.hidden,
            path: applied.path.clone(),
        });
        let _ = writeln!(
            out,
            "<sub>{}</sub>\n",
            escape::message(&hidden.render(lang))
        );
    }
    if let (Some(base), Some(head)) = (&doc.base, &doc.head) {
        let context = Msg::ReportContext {
            base: base.commit.chars().take(12).collect(),
            head: head.commit.chars().take(12).collect(),
            now: doc.now.clone(),
            items: doc.summary.items,
        };
        let _ = writeln!(
            out,
            "<sub>{}</sub>\n",
            escape::markdown(&context.render(lang))
        );
    }
    for note in judged_notes(doc) {
        let _ = writeln!(out, "> ⚠️ {}\n", escape::message(&note.render(lang)));
    }
    if let Some(policy) = doc.policy_changed.as_ref().filter(|p| !p.is_empty()) {
        let note = Msg::ReportPolicyChanged {
            files: policy.clone(),
        };
        let _ = writeln!(out, "> {}\n", escape::message(&note.render(lang)));
    }
    if pr {
        // What the change moves in the plan (D006) gets its own section.
        let moves: Vec<&FindingDoc> = doc
            .findings
            .iter()
            .filter(|f| f.rule == "D006" && f.change() != Some(Change::Fixed))
            .collect();
        let approved = doc.approved_changes.as_deref().unwrap_or_default();
        if !moves.is_empty() || !approved.is_empty() {
            let _ = writeln!(out, "#### {}\n", Msg::ReportSchedule.render(lang));
            for change in approved {
                let line = format!(
                    "{} {}",
                    change.item,
                    crate::report::text::approved_msg(change).render(lang)
                );
                let _ = writeln!(out, "- ✅ {}", escape::message(&line));
            }
            for finding in moves {
                let _ = writeln!(out, "- 📅 {}", escape::message(&finding.message));
            }
            out.push('\n');
        }
        let group = |change: Option<Change>| -> Vec<&FindingDoc> {
            group(change)
                .into_iter()
                .filter(|f| f.rule != "D006")
                .collect()
        };
        let new = group(Some(Change::New));
        if !new.is_empty() {
            let _ = writeln!(out, "#### {}\n", Msg::ReportNew.render(lang));
            out.push_str(&table(doc, &new, shown.new, links, lang));
            out.push('\n');
        }
        let fixed = group(Some(Change::Fixed));
        if !fixed.is_empty() {
            let _ = writeln!(out, "#### {}\n", Msg::ReportFixed.render(lang));
            out.push_str(&table(doc, &fixed, shown.fixed, links, lang));
            out.push('\n');
        }
        if let Some(graph) = doc
            .graph
            .as_ref()
            .filter(|g| shown.graph && !g.nodes.is_empty())
        {
            let _ = writeln!(out, "#### {}\n", Msg::ReportChangedTasks.render(lang));
            out.push_str(&mermaid(graph));
            out.push('\n');
        }
        let existing = group(Some(Change::Existing));
        if !existing.is_empty() {
            let title = Msg::ReportExisting {
                count: existing.len(),
            }
            .render(lang);
            let _ = writeln!(
                out,
                "<details><summary>{}</summary>\n",
                escape::markdown(&title)
            );
            out.push_str(&table(doc, &existing, shown.existing, links, lang));
            out.push_str("\n</details>\n");
        }
    } else if !doc.findings.is_empty() {
        let all: Vec<&FindingDoc> = doc.findings.iter().collect();
        let _ = writeln!(out, "#### {}\n", Msg::ReportFindings.render(lang));
        out.push_str(&table(doc, &all, shown.new, links, lang));
    }
    out
}

/// Notes on how a pull request was judged, from its report.
fn judged_notes(doc: &ReportDoc) -> Vec<Msg> {
    let mut notes = Vec::new();
    if let Some(judged) = &doc.judged {
        match judged.mode.as_str() {
            "merge-base" => notes.push(Msg::ReportJudgedConflict {
                paths: judged.conflicts.clone(),
            }),
            "unrelated" => notes.push(Msg::ReportJudgedUnrelated),
            _ => {}
        }
    }
    if let Some(changes) = doc.unattributed.as_ref().filter(|u| !u.is_empty()) {
        notes.push(Msg::ReportUnattributed {
            changes: changes.clone(),
        });
    }
    notes
}

/// The comment body, at most `limit` characters.
pub fn render(doc: &ReportDoc, links: Option<&Links>, lang: Lang, limit: usize) -> String {
    // A table row is longer than this many characters, so no more rows
    // than `limit / MIN_ROW` can fit: rendering more would be cut anyway
    // (and 125,000 findings would be rendered for a 65,536-character
    // comment).
    const MIN_ROW: usize = 16;
    let rows = doc.findings.len().min(limit / MIN_ROW + 1);
    let mut shown = Shown {
        new: rows,
        fixed: rows,
        existing: rows,
        graph: true,
    };
    // Give up detail in order of least value: existing, the graph, fixed, new.
    for _ in 0..200 {
        let body = compose(doc, links, lang, shown);
        if body.chars().count() <= limit {
            return body;
        }
        if shown.existing > 0 {
            shown.existing /= 2;
        } else if shown.graph {
            shown.graph = false;
        } else if shown.fixed > 0 {
            shown.fixed /= 2;
        } else if shown.new > 0 {
            shown.new /= 2;
        } else {
            break;
        }
    }
    let body = compose(doc, links, lang, shown);
    body.chars().take(limit).collect()
}

#[cfg(test)]
mod tests;
