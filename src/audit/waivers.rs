//! Every waiver (`[[waiver]]`): what it accepts, who accepted it, until
//! when, and whether it still holds — decisions a lead reviews, not
//! findings that disappeared.

use serde::Serialize;

use super::Scope;
use crate::model::BodyRef;
use crate::rules::Context;
use crate::waiver::collect;

/// One waiver as the audit lists it.
#[derive(Debug, Clone, Serialize)]
pub struct WaiverLine {
    /// The code of the rule it waives (as written when that is no rule).
    pub rule: String,
    /// The item whose findings it accepts.
    pub item: Option<String>,
    /// Why.
    pub reason: String,
    /// Who accepted it.
    pub by: String,
    /// Its last day.
    pub until: Option<String>,
    /// The file it is written in.
    pub path: String,
    /// `holds`, or `void` when it waives nothing (Q004 says why).
    pub state: &'static str,
}

/// The waivers that concern the scope: the items they name are in it, or
/// the person who gave them is.
pub fn list(cx: &Context<'_>, scope: &Scope) -> Vec<WaiverLine> {
    let project = cx.project;
    let today = cx.clock.now.date_naive();
    collect(project, today)
        .into_iter()
        .filter(|entry| {
            let by = entry.waiver.by.get().trim();
            let item_in_scope = entry
                .item
                .and_then(|id| project.body(id))
                .is_some_and(|body| match body {
                    BodyRef::Task(task) => scope.task(project, task),
                    BodyRef::Request(request) => scope.request(request),
                    BodyRef::Meeting(meeting) => scope.meeting(&project.org, meeting),
                    BodyRef::Complaint(c) => scope.complaint(&project.org, c),
                    BodyRef::Agreement(a) => scope.agreement(&project.org, a),
                    BodyRef::Comm(c) => scope.comm(&project.org, c),
                    BodyRef::Change(_) => false,
                });
            scope.is_everything() || item_in_scope || scope.person_row(&project.org, by)
        })
        .map(|entry| {
            let waiver = entry.waiver.get();
            WaiverLine {
                rule: match entry.rule {
                    Some(rule) => rule.code.to_string(),
                    None => waiver.rule.get().trim().to_string(),
                },
                item: entry.item.map(str::to_string),
                reason: waiver.reason.get().trim().to_string(),
                by: waiver.by.get().trim().to_string(),
                until: waiver.until.as_ref().map(|u| u.get().0.to_string()),
                path: project.files.path(entry.file).to_string(),
                state: if entry.problem.is_none() {
                    "holds"
                } else {
                    "void"
                },
            }
        })
        .collect()
}
