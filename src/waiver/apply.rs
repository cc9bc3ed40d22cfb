//! Marks the findings that valid waivers accept, and reports the waivers
//! that accept nothing.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::{Entry, collect};
use crate::authority::Verdict;
use crate::authority::review::review;
use crate::diag::{Diagnostic, Finding, Levels, Related, Severity, Sink, Waived};
use crate::history::ChangeSet;
use crate::messages::{Msg, WaiverMsg};
use crate::model::Project;

/// Applies the waivers of `project` (as of `today`) to `findings`: each
/// finding a valid waiver accepts drops to `info` and records the waiver;
/// a valid waiver that accepts nothing is itself reported (Q004). In a
/// pull request (`changes`), waivers someone added or changed without the
/// entitlement hold nothing: O004 reports that change, and the findings
/// it meant to hide stay as they are.
pub fn apply(
    project: &Project,
    today: NaiveDate,
    changes: Option<&ChangeSet>,
    levels: &Levels,
    findings: &mut Vec<Finding>,
) {
    let entries = collect(project, today);
    if entries.is_empty() {
        return;
    }
    let denied = Denied::of(project, changes);
    let rule = &crate::rules::STALE_WAIVER;
    let mut sink = Sink::new(levels, &project.files);
    sink.start_rule(rule.code, rule.name, rule.default);
    for entry in entries.iter().filter(|e| e.problem.is_none()) {
        let (Some(waived_rule), Some(item)) = (entry.rule, entry.item) else {
            continue;
        };
        if denied.holds_nothing(entry) {
            continue;
        }
        let waiver = entry.waiver.get();
        let mut used = false;
        for finding in findings.iter_mut().filter(|f| {
            f.code == waived_rule.code
                && f.diagnostic.item.as_deref() == Some(item)
                && f.waived.is_none()
        }) {
            let waived = Waived {
                severity: finding.severity,
                by: waiver.by.get().trim().to_string(),
                until: waiver.until.as_ref().map(|u| u.get().0),
                reason: waiver.reason.get().trim().to_string(),
                file: entry.file,
                span: entry.waiver.span(),
            };
            finding.diagnostic.related.push(Related {
                file: entry.file,
                span: entry.waiver.span(),
                message: Msg::Waiver(WaiverMsg::Waived {
                    by: waived.by.clone(),
                    until: waived.until.map(|d| d.to_string()),
                    reason: waived.reason.clone(),
                }),
            });
            finding.severity = Severity::Info;
            finding.waived = Some(Box::new(waived));
            used = true;
        }
        if !used {
            let message = Msg::Waiver(WaiverMsg::Unused {
                rule: waived_rule.code.to_string(),
                item: item.to_string(),
            });
            sink.emit(unused(entry, message));
        }
    }
    findings.extend(sink.into_findings());
}

fn unused(entry: &Entry<'_>, message: Msg) -> Diagnostic {
    Diagnostic::new(
        entry.owner(),
        entry.file,
        Some(entry.waiver.span()),
        "waiver",
        message,
    )
    .key(entry.key())
    .hint(Msg::Waiver(WaiverMsg::RemoveHint))
}

/// The waivers a pull request touched without the entitlement.
#[derive(Default)]
struct Denied {
    /// Items whose waivers someone changed without the entitlement.
    items: HashSet<String>,
    /// Whether someone changed `baton.toml` without being an admin.
    policy: bool,
}

impl Denied {
    fn of(project: &Project, changes: Option<&ChangeSet>) -> Denied {
        let mut denied = Denied::default();
        let Some(changes) = changes else {
            return denied;
        };
        for judgement in review(project, changes) {
            if !matches!(judgement.verdict, Verdict::Denied(_)) {
                continue;
            }
            if judgement.policy.is_some() {
                denied.policy = true;
            }
            if let (Some(item), Some(unit)) = (judgement.item, judgement.unit)
                && unit.unit.field == "waiver"
            {
                denied.items.insert(item.id.clone());
            }
        }
        denied
    }

    /// Whether `entry` holds nothing because of an unentitled change.
    fn holds_nothing(&self, entry: &Entry<'_>) -> bool {
        if entry.in_config {
            self.policy
        } else {
            entry.item.is_some_and(|id| self.items.contains(id))
        }
    }
}
