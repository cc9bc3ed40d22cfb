//! The report as a document: what `--format json` prints (SPEC §7), and
//! what the Markdown, SARIF and GitHub renderers (and `baton comment
//! --report`) read. It needs no source files, only the findings.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::check::Checked;
use crate::diag::{Change, Severity};
use crate::graph::TaskGraph;
use crate::messages::Lang;
use crate::pr::{PrChecked, Touch};

/// The whole report.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ReportDoc {
    /// Format version, 1.
    pub version: u32,
    /// The evaluation time, RFC 3339 in the project's zone.
    pub now: String,
    /// The baton root relative to the git repository root (`""` at the
    /// root), when known: findings' paths are relative to the baton root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root: Option<String>,
    /// The language of the messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Pull-request mode: the base revision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<RevisionDoc>,
    /// Pull-request mode: the head revision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<RevisionDoc>,
    /// Counts.
    pub summary: SummaryDoc,
    /// Every finding.
    pub findings: Vec<FindingDoc>,
    /// Pull-request mode: the files the change touched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed: Option<Vec<ChangedDoc>>,
    /// Pull-request mode: policy files the change touched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_changed: Option<Vec<String>>,
    /// Pull-request mode: the changed tasks with their dependencies and dependents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graph: Option<GraphDoc>,
    /// Pull-request mode: what was compared with what.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judged: Option<JudgedDoc>,
    /// Pull-request mode: schedule, scope and assignment changes approved
    /// by change requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_changes: Option<Vec<crate::pr::ApprovedChange>>,
    /// Pull-request mode: changes nobody known made (a shallow clone's
    /// boundary), as `ID `field`` texts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unattributed: Option<Vec<String>>,
    /// `--baseline`: what it hid, and the recorded findings that are gone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<crate::check::baseline::Applied>,
}

/// How a pull request was judged (SPEC §6).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct JudgedDoc {
    /// `merge`: the target against the merge result; `merge-base`: the
    /// merge conflicts, so the merge base against the head; `unrelated`:
    /// no common history, the target against the head.
    pub mode: String,
    /// The merge base, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merge_base: Option<String>,
    /// The conflicting files (`merge-base` only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<String>,
}

/// Reports larger than this are not read (a check of 100,000 items with a
/// finding each writes about 60 MiB).
pub const MAX_REPORT_BYTES: usize = 256 * 1024 * 1024;

/// Whether `text` is a full commit id (SHA-1 or SHA-256, hexadecimal).
pub fn is_commit_id(text: &str) -> bool {
    (text.len() == 40 || text.len() == 64) && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A revision.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RevisionDoc {
    /// As given (`main`, `HEAD~3`, a sha).
    pub rev: String,
    /// The full commit id.
    pub commit: String,
}

/// Counts of findings.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SummaryDoc {
    /// Items checked.
    pub items: usize,
    /// Errors (not counting fixed ones).
    pub errors: usize,
    /// Warnings (not counting fixed ones).
    pub warnings: usize,
    /// Infos (not counting fixed ones).
    pub infos: usize,
    /// Findings a waiver accepts (counted as infos too).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub waived: usize,
    /// Pull-request mode: new findings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<usize>,
    /// Pull-request mode: new errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_errors: Option<usize>,
    /// Pull-request mode: existing findings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing: Option<usize>,
    /// Pull-request mode: fixed findings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed: Option<usize>,
}

/// One finding.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FindingDoc {
    /// Rule code.
    pub rule: String,
    /// Rule name.
    pub name: String,
    /// `error`, `warning` or `info`.
    pub severity: String,
    /// The item id, when about an item.
    pub item: Option<String>,
    /// Path relative to the baton root.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// 1-based end line (the start line when a report leaves it out).
    #[serde(default)]
    pub end_line: usize,
    /// 1-based end column (the start column when a report leaves it out).
    #[serde(default)]
    pub end_column: usize,
    /// Field path.
    #[serde(default)]
    pub field: String,
    /// The message.
    pub message: String,
    /// How to fix it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Stable identity.
    pub fingerprint: String,
    /// A service level's breach that is closed (the act happened, late):
    /// history, `info` unless configured otherwise.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub closed: bool,
    /// Pull-request mode: `new`, `existing` or `fixed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<String>,
    /// The waiver that accepts it (its severity is then `info`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waived: Option<WaivedDoc>,
}

/// How a finding was waived.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct WaivedDoc {
    /// The severity it had.
    pub severity: String,
    /// Who accepted it.
    pub by: String,
    /// Its last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// Why.
    pub reason: String,
    /// The file holding the waiver.
    pub path: String,
    /// The waiver's 1-based line.
    pub line: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl FindingDoc {
    /// The severity.
    pub fn severity(&self) -> Severity {
        Severity::from_name(&self.severity)
    }

    /// The pull-request classification.
    pub fn change(&self) -> Option<Change> {
        match self.change.as_deref() {
            Some("new") => Some(Change::New),
            Some("existing") => Some(Change::Existing),
            Some("fixed") => Some(Change::Fixed),
            _ => None,
        }
    }
}

/// A file the change touched.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ChangedDoc {
    /// The item id, for item files.
    pub id: Option<String>,
    /// The path (relative to the baton root).
    pub path: String,
    /// `added`, `modified`, `deleted` or `renamed`.
    pub change: String,
    /// For renames: the old path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

/// Tasks around the change, for a picture.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct GraphDoc {
    /// The tasks.
    pub nodes: Vec<NodeDoc>,
    /// `depends_on` edges: (task, the task it depends on).
    pub edges: Vec<(String, String)>,
}

/// A task in the picture.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct NodeDoc {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its status.
    pub status: String,
    /// Whether the change touched it.
    pub changed: bool,
}

fn findings(checked: &Checked, lang: Lang) -> Vec<FindingDoc> {
    use rayon::prelude::*;
    let files = &checked.project.files;
    // On every core: rendering messages and finding lines (which may read
    // a file the parse cache did not) is most of a findings-heavy report.
    checked
        .findings
        .par_iter()
        .map(|f| {
            let d = &f.diagnostic;
            let span = d.span.clone().unwrap_or(0..0);
            let start = files.line_col(d.file, span.start);
            let end = files.line_col(d.file, span.end);
            FindingDoc {
                rule: f.code.to_string(),
                name: f.name.to_string(),
                severity: f.severity.as_str().to_string(),
                item: d.item.clone(),
                path: files.path(d.file).to_string(),
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                field: d.field.clone(),
                message: d.message.render(lang),
                hint: d.hint.as_ref().map(|h| h.render(lang)),
                fingerprint: f.fingerprint.clone(),
                closed: d.closed,
                change: f.change.map(|c| c.as_str().to_string()),
                waived: f.waived.as_ref().map(|w| WaivedDoc {
                    severity: w.severity.as_str().to_string(),
                    by: w.by.clone(),
                    until: w.until.map(|d| d.to_string()),
                    reason: w.reason.clone(),
                    path: files.path(w.file).to_string(),
                    line: files.line_col(w.file, w.span.start).line,
                }),
            }
        })
        .collect()
}

fn summary(findings: &[FindingDoc], items: usize) -> SummaryDoc {
    let mut summary = SummaryDoc {
        items,
        ..SummaryDoc::default()
    };
    for finding in findings
        .iter()
        .filter(|f| f.change() != Some(Change::Fixed))
    {
        if finding.waived.is_some() {
            summary.waived += 1;
        }
        match finding.severity() {
            Severity::Error => summary.errors += 1,
            Severity::Warning => summary.warnings += 1,
            Severity::Info => summary.infos += 1,
        }
    }
    summary
}

fn lang_tag(lang: Lang) -> String {
    match lang {
        Lang::En => "en".into(),
        Lang::Zh => "zh-CN".into(),
    }
}

impl ReportDoc {
    /// The report of a check; `root` is the baton root within its git
    /// repository, when known.
    pub fn from_checked(checked: &Checked, lang: Lang, root: Option<String>) -> ReportDoc {
        let findings = findings(checked, lang);
        ReportDoc {
            version: 1,
            now: checked.clock.now.to_rfc3339(),
            root,
            lang: Some(lang_tag(lang)),
            base: None,
            head: None,
            summary: summary(&findings, checked.project.item_count()),
            findings,
            changed: None,
            policy_changed: None,
            graph: None,
            judged: None,
            approved_changes: None,
            unattributed: None,
            baseline: None,
        }
    }

    /// The report of a pull-request check.
    pub fn from_pr(pr: &PrChecked, lang: Lang) -> ReportDoc {
        let mut doc = ReportDoc::from_checked(&pr.checked, lang, Some(pr.root.clone()));
        let count = |change: &str| {
            doc.findings
                .iter()
                .filter(|f| f.change.as_deref() == Some(change))
                .count()
        };
        doc.summary.new = Some(count("new"));
        doc.summary.existing = Some(count("existing"));
        doc.summary.fixed = Some(count("fixed"));
        doc.summary.new_errors = Some(
            doc.findings
                .iter()
                .filter(|f| f.change() == Some(Change::New) && f.severity() == Severity::Error)
                .count(),
        );
        let revision = |r: &crate::git::Revision| RevisionDoc {
            rev: r.name.clone(),
            commit: r.commit.to_string(),
        };
        doc.base = Some(revision(&pr.base));
        doc.head = Some(revision(&pr.head));
        doc.changed = Some(
            pr.touched
                .iter()
                .map(|t| {
                    let (change, from) = match &t.touch {
                        Touch::Added => ("added", None),
                        Touch::Modified => ("modified", None),
                        Touch::Deleted => ("deleted", None),
                        Touch::Renamed(from) => ("renamed", Some(from.clone())),
                    };
                    ChangedDoc {
                        id: t.id.clone(),
                        path: t.path.clone(),
                        change: change.into(),
                        from,
                    }
                })
                .collect(),
        );
        doc.policy_changed = Some(pr.policy_changed.clone());
        doc.graph = Some(graph_around_changes(pr));
        doc.judged = Some(JudgedDoc {
            mode: pr.judged.as_str().to_string(),
            merge_base: pr.merge_base.map(|m| m.to_string()),
            conflicts: match &pr.judged {
                crate::pr::Judged::Conflict { paths } => paths.clone(),
                _ => Vec::new(),
            },
        });
        doc.approved_changes = Some(pr.approved.clone());
        doc.unattributed = Some(pr.unattributed.clone());
        doc
    }

    /// Whether the report fails the check: new errors in pull-request mode
    /// (any error with `fail_on_all`), any error otherwise.
    pub fn fails(&self, fail_on_all: bool) -> bool {
        self.findings.iter().any(|f| {
            f.severity() == Severity::Error
                && match f.change() {
                    None | Some(Change::New) => true,
                    Some(Change::Existing) => fail_on_all,
                    Some(Change::Fixed) => false,
                }
        })
    }

    /// The report as pretty JSON.
    pub fn to_json(&self) -> String {
        super::json::to_string(self)
    }

    /// Reads a report of the SPEC §7 shape (as `check --format json` writes
    /// it, or any tool that follows the SPEC): the keys the SPEC lists are
    /// required, the others take defaults; a version other than 1, or a
    /// commit that is not a commit id, is refused.
    pub fn read(text: &str) -> Result<ReportDoc, String> {
        if text.len() > MAX_REPORT_BYTES {
            return Err(format!(
                "it is {} bytes, over the {MAX_REPORT_BYTES}-byte limit of a report",
                text.len()
            ));
        }
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
        match value.get("version").and_then(serde_json::Value::as_u64) {
            Some(1) => {}
            Some(other) => {
                return Err(format!(
                    "it is a version {other} report; this baton reads version 1 (render it with the baton that wrote it)"
                ));
            }
            None => return Err("it has no `version` (a baton report says \"version\": 1)".into()),
        }
        let mut doc: ReportDoc =
            serde_json::from_value(value).map_err(|e| format!("not a baton report: {e}"))?;
        for finding in &mut doc.findings {
            if finding.end_line == 0 {
                finding.end_line = finding.line;
            }
            if finding.end_column == 0 {
                finding.end_column = finding.column;
            }
        }
        for revision in [&doc.base, &doc.head].into_iter().flatten() {
            if !is_commit_id(&revision.commit) {
                return Err(format!(
                    "`{}` is not a commit id (40 or 64 hexadecimal digits)",
                    crate::report::sanitize(&revision.commit)
                ));
            }
        }
        Ok(doc)
    }

    /// The repository-relative path of a finding's file.
    pub fn repo_path(&self, path: &str) -> String {
        match self.root.as_deref() {
            Some(root) if !root.is_empty() => format!("{root}/{path}"),
            _ => path.to_string(),
        }
    }
}

/// The changed tasks with their direct dependencies and dependents.
fn graph_around_changes(pr: &PrChecked) -> GraphDoc {
    let project = &pr.checked.project;
    let graph = TaskGraph::build(project);
    let changed: BTreeSet<&str> = pr.touched.iter().filter_map(|t| t.id.as_deref()).collect();
    let mut shown: BTreeSet<usize> = BTreeSet::new();
    for (i, task) in project.tasks.iter().enumerate() {
        if changed.contains(task.id.as_str()) {
            shown.insert(i);
            shown.extend(graph.dependencies(i));
            shown.extend(graph.dependents(i));
        }
    }
    let nodes = shown
        .iter()
        .map(|&i| {
            let task = &project.tasks[i];
            NodeDoc {
                id: task.id.clone(),
                title: task.title.to_string(),
                status: task.status().as_str().to_string(),
                changed: changed.contains(task.id.as_str()),
            }
        })
        .collect();
    let mut edges = Vec::new();
    for &i in &shown {
        for dependency in graph.dependencies(i) {
            if shown.contains(&dependency) {
                edges.push((
                    project.tasks[i].id.clone(),
                    project.tasks[dependency].id.clone(),
                ));
            }
        }
    }
    edges.sort();
    edges.dedup();
    GraphDoc { nodes, edges }
}
