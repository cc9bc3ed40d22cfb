//! Waivers: findings accepted for a stated reason, by someone entitled to,
//! until a date (`[[waiver]]` in `baton.toml` or in an item's own file).
//!
//! [`collect`] reads every waiver and says what is wrong with each (rule
//! Q004 reports that); [`apply`] marks the findings the valid ones accept.
//! A waiver that does not hold waives nothing, so a mistake in one shows
//! the finding it meant to hide.

mod apply;

pub use apply::apply;

use std::ops::Range;

use chrono::NaiveDate;

use crate::authority::{self, Proposed, Verdict};
use crate::files::FileId;
use crate::messages::{Msg, WaiverMsg};
use crate::model::{BodyRef, Project, Role as OrgRole, Waiver};
use crate::parse::{Sp, suggest};
use crate::rules::{self, RULES, Rule};

/// Rules no waiver may accept: they judge who changed what (an approved
/// change request decides that) or a file baton could not read, or waivers
/// themselves.
const NOT_WAIVABLE: &[&str] = &["S001", "O004", "O005", "W011", "Q004"];

/// One waiver as read, with what is wrong with it.
pub struct Entry<'p> {
    /// The waiver.
    pub waiver: &'p Sp<Waiver>,
    /// The file it is written in.
    pub file: FileId,
    /// Whether that file is `baton.toml` (else an item's own file).
    pub in_config: bool,
    /// The item whose findings it accepts (an item file's own item when
    /// `item` is left out).
    pub item: Option<&'p str>,
    /// The rule it names, when that is a rule.
    pub rule: Option<&'static Rule>,
    /// Why it does not hold; `None` when it does.
    pub problem: Option<Problem>,
}

/// Why a waiver does not hold.
#[derive(Debug, Clone)]
pub struct Problem {
    /// What is wrong.
    pub message: WaiverMsg,
    /// Where in the waiver.
    pub span: Range<usize>,
    /// How to fix it.
    pub hint: Option<Msg>,
}

impl Entry<'_> {
    /// The key that tells two waivers of one file apart in a fingerprint.
    pub fn key(&self) -> String {
        format!("{}:{}", self.waiver.rule.get(), self.item.unwrap_or(""))
    }

    /// The item a finding about this waiver belongs to: the item whose
    /// file holds it (`None` for `baton.toml`).
    pub fn owner(&self) -> Option<&str> {
        if self.in_config { None } else { self.item }
    }
}

/// Every waiver of `project`, each checked as of `today`.
pub fn collect(project: &Project, today: NaiveDate) -> Vec<Entry<'_>> {
    let mut out = Vec::new();
    for waiver in &project.settings.waivers {
        let item = waiver.item.as_ref().map(|i| i.get().as_str());
        let mut entry = Entry {
            waiver,
            file: project.config_file,
            in_config: true,
            item,
            rule: None,
            problem: None,
        };
        entry.problem = examine(project, &mut entry, None, today).err().map(|p| *p);
        out.push(entry);
    }
    for (id, file, body) in project.bodies() {
        for waiver in body.waivers() {
            let mut entry = Entry {
                waiver,
                file,
                in_config: false,
                item: Some(id),
                rule: None,
                problem: None,
            };
            entry.problem = examine(project, &mut entry, Some((id, body)), today)
                .err()
                .map(|p| *p);
            out.push(entry);
        }
    }
    out
}

/// Checks one waiver, filling in its rule; `own` is the item whose file
/// holds it.
fn examine(
    project: &Project,
    entry: &mut Entry<'_>,
    own: Option<(&str, BodyRef<'_>)>,
    today: NaiveDate,
) -> Result<(), Box<Problem>> {
    let waiver = entry.waiver.get();
    let problem = |message, span: Range<usize>, hint| {
        Box::new(Problem {
            message,
            span,
            hint,
        })
    };
    let rule_text = waiver.rule.get().trim();
    let Some(rule) = rules::find(rule_text) else {
        let known = RULES.iter().flat_map(|r| [r.code, r.name]);
        let hint = suggest::did_you_mean(rule_text, known).map(|c| Msg::DidYouMean {
            candidate: c.to_string(),
        });
        let message = WaiverMsg::UnknownRule {
            rule: rule_text.to_string(),
        };
        return Err(problem(message, waiver.rule.span(), hint));
    };
    entry.rule = Some(rule);
    if NOT_WAIVABLE.contains(&rule.code) {
        let message = WaiverMsg::NotWaivable {
            rule: rule.code.to_string(),
        };
        return Err(problem(message, waiver.rule.span(), None));
    }
    let (id, body) = match (&waiver.item, own) {
        (None, None) => return Err(problem(WaiverMsg::NoItem, entry.waiver.span(), None)),
        (None, Some(own)) => own,
        (Some(named), Some((here, _))) if named.get() != here => {
            let message = WaiverMsg::OtherItem {
                item: named.get().clone(),
                here: here.to_string(),
            };
            return Err(problem(message, named.span(), None));
        }
        (Some(_), Some(own)) => own,
        (Some(named), None) => match project.body(named.get()) {
            Some(body) => (named.get().as_str(), body),
            None => {
                let candidates = [
                    crate::model::ItemKind::Task,
                    crate::model::ItemKind::Request,
                    crate::model::ItemKind::Meeting,
                    crate::model::ItemKind::Change,
                ]
                .into_iter()
                .flat_map(|k| project.ids_of(k));
                let hint =
                    suggest::did_you_mean(named.get(), candidates).map(|c| Msg::DidYouMean {
                        candidate: c.to_string(),
                    });
                let message = WaiverMsg::UnknownItem {
                    item: named.get().clone(),
                };
                return Err(problem(message, named.span(), hint));
            }
        },
    };
    entitled(project, id, body, rule, &waiver.by)?;
    if let Some(until) = &waiver.until
        && today > until.get().0
    {
        let message = WaiverMsg::Expired {
            until: until.get().0.to_string(),
        };
        return Err(problem(
            message,
            until.span(),
            Some(Msg::Waiver(WaiverMsg::RemoveHint)),
        ));
    }
    Ok(())
}

/// Whether `by` may waive findings on item `id`: the entitlement of
/// `<kind>.waiver` (the lead department's head of a task, a request's
/// requester, a meeting's organiser or chair), or an admin.
fn entitled(
    project: &Project,
    id: &str,
    body: BodyRef<'_>,
    rule: &Rule,
    by: &Sp<String>,
) -> Result<(), Box<Problem>> {
    let who = by.get().trim();
    if !project.org.has_person(who) {
        let hint = match project.org.person_by_name(who) {
            Some(person) => Some(Msg::DidYouMeanPerson {
                id: person.id.to_string(),
                name: who.to_string(),
            }),
            None => suggest::did_you_mean(who, project.org.person_ids()).map(|c| Msg::DidYouMean {
                candidate: c.to_string(),
            }),
        };
        return Err(Box::new(Problem {
            message: WaiverMsg::UnknownPerson {
                by: who.to_string(),
            },
            span: by.span(),
            hint,
        }));
    }
    if project.org.role_of(who) == OrgRole::Admin {
        return Ok(());
    }
    let unit = authority::unit_of(body.kind(), &format!("waiver[{}]", rule.code));
    let proposed = Proposed {
        id,
        before: Some(body),
        after: Some(body),
        unit: &unit,
        old: None,
        new: Some(rule.code.to_string()),
    };
    match authority::judge(project, who, &proposed) {
        Verdict::Allowed | Verdict::Approved { .. } => Ok(()),
        Verdict::Denied(denial) => Err(Box::new(Problem {
            message: WaiverMsg::NotEntitled {
                by: who.to_string(),
                key: denial.key,
                allowed: denial.allowed,
            },
            span: by.span(),
            hint: None,
        })),
    }
}

#[cfg(test)]
mod tests;
