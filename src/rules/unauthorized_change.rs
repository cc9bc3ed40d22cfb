//! O004 unauthorized-change.

use std::collections::HashSet;

use super::Context;
use crate::authority::review::{Actor, Judgement, review};
use crate::authority::{Class, Verdict};
use crate::diag::{Diagnostic, Sink};
use crate::history::fields::flatten;
use crate::messages::Msg;

declare_rule! {
    /// An act (a status, a review, a response, an approval, a
    /// confirmation) was recorded by someone not entitled to it.
    ///
    /// ## What it checks
    /// In a pull request (`--base`/`--head`), every changed field of
    /// every item between the target branch and the merge result, judged
    /// against the person who gave it its final value: the author of the
    /// pull request's commit that made it (their email mapped to a person
    /// of `org.toml`), or `--actor LOGIN`. The acts and who may record
    /// them (SPEC §6; `[authority]` in `baton.toml` changes them):
    /// - a task's `status`, `progress`, `update`, `blocked` and
    ///   `delivered_at`: its owner, the owner's manager, the head of its
    ///   lead department;
    /// - a task's `review`, and its `status` set to accepted or rejected:
    ///   its acceptor (else its request's contact);
    /// - a request's `response` for a department: a member of it; its
    ///   `acceptance` and `retrospective`: the requester;
    /// - a meeting's notice, agenda and schedule: organiser, chair; its
    ///   `minutes`: scribe, organiser, chair; `minutes.read_by` and an
    ///   action's `confirmed_at`: the person named;
    /// - a change request's `approval`: the approver named;
    /// - `baton.toml`, `org.toml` and calendars: an admin;
    /// - anything: an `admin`; nothing: a `viewer`.
    ///
    /// A new item may be created by any editor, but cannot carry someone
    /// else's act (a review, a response, an approval, a confirmation):
    /// those are judged as if added to an existing item. Entitlements come
    /// from the item as it was on the target branch, and people and roles
    /// from the target's `org.toml`, so a change cannot grant itself the
    /// right it uses. One change is one finding (a whole `[[update]]`
    /// entry). Authors that are not people of `org.toml` are reported too.
    ///
    /// ## Why
    /// Seed 003: roles decide who may edit (仅查看 / 可编辑 / 管理员); a
    /// status set by someone who does not own the task, or an acceptance
    /// written by someone other than the acceptor, is a claim nobody is
    /// accountable for.
    ///
    /// ## Fires
    /// `zhao.liu` sets `status = "delivered"` on a task owned by `li.gong`;
    /// an editor creates a task that already carries a `[review]` by its
    /// acceptor.
    ///
    /// ## Does not fire
    /// `li.gong`, or his manager `chen.zong`, sets it; the acceptor sets
    /// `status = "accepted"` together with `[review]`.
    "O004", "unauthorized-change", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let Some(changes) = cx.changes else { return };
    if !cx.project.org.known {
        return;
    }
    let mut unknown_reported: HashSet<String> = HashSet::new();
    // One finding per item, commit and person: a delivery that sets
    // `status` and `delivered_at` together is one act.
    let mut groups: Vec<(Group, Vec<Judgement<'_>>)> = Vec::new();
    for judgement in review(cx.project, changes) {
        match &judgement.actor {
            Actor::Unknown(author) => {
                if unknown_reported.insert(author.clone()) {
                    let message = Msg::UnknownAuthor {
                        author: author.clone(),
                        commit: crate::git::short_id(judgement.commit.oid),
                    };
                    emit(
                        cx,
                        out,
                        &judgement,
                        author,
                        message,
                        Some(Msg::UnknownAuthorHint),
                    );
                }
            }
            Actor::Person(who) => {
                let Verdict::Denied(denial) = &judgement.verdict else {
                    continue;
                };
                if denial.class != Class::Act && !denial.viewer {
                    // Schedule, scope and assignment: O005's.
                    continue;
                }
                let group = Group {
                    subject: judgement
                        .item
                        .map(|i| i.id.clone())
                        .or(judgement.policy.map(str::to_string))
                        .unwrap_or_default(),
                    commit: judgement.commit.oid,
                    who: who.clone(),
                };
                match groups.iter_mut().find(|(g, _)| *g == group) {
                    Some((_, members)) => members.push(judgement),
                    None => groups.push((group, vec![judgement])),
                }
            }
        }
    }
    for (group, mut members) in groups {
        // In the order the fields appear in the file.
        members.sort_by_key(|j| locate(cx, j).and_then(|(_, span)| span).map(|s| s.start));
        let Some(first) = members.first() else {
            continue;
        };
        let commit = crate::git::short_id(group.commit);
        let denials: Vec<&crate::authority::Denial> = members
            .iter()
            .filter_map(|j| match &j.verdict {
                Verdict::Denied(d) => Some(d),
                _ => None,
            })
            .collect();
        let fields: Vec<String> = members
            .iter()
            .map(|j| j.unit.map(|u| u.unit.path.clone()).unwrap_or_default())
            .collect();
        let viewer = denials.iter().any(|d| d.viewer);
        let message = match (first.policy, viewer) {
            (Some(file), false) => Msg::PolicyChange {
                file: file.to_string(),
                who: group.who.clone(),
                commit,
            },
            (Some(file), true) => Msg::ViewerChange {
                fields: vec![file.to_string()],
                who: group.who.clone(),
                commit,
            },
            (None, true) => Msg::ViewerChange {
                fields,
                who: group.who.clone(),
                commit,
            },
            (None, false) => {
                let mut allowed: Vec<String> =
                    denials.iter().flat_map(|d| d.allowed.clone()).collect();
                allowed.sort();
                allowed.dedup();
                Msg::UnauthorizedChange {
                    fields,
                    who: group.who.clone(),
                    allowed,
                    commit,
                }
            }
        };
        emit(cx, out, first, &group.who, message, None);
    }
}

/// What one O004 finding is about.
#[derive(Debug, PartialEq, Eq)]
struct Group {
    /// The item id, or the policy file.
    subject: String,
    commit: git2::Oid,
    who: String,
}

/// Reports a change at its unit in the file it is in (the file it was
/// deleted from, for a deletion).
pub(super) fn emit(
    cx: &Context<'_>,
    out: &mut Sink<'_>,
    judgement: &Judgement<'_>,
    who: &str,
    message: Msg,
    hint: Option<Msg>,
) {
    let Some((file, span)) = locate(cx, judgement) else {
        return;
    };
    let item = judgement.item.map(|i| i.id.as_str());
    let field = judgement.unit.map_or("", |u| u.unit.path.as_str());
    out.emit(
        Diagnostic::new(item, file, span, field, message)
            .key(who)
            .maybe_hint(hint),
    );
}

/// The file a change is in (the file it was deleted from, for a deletion)
/// and the span of its unit's first field there.
fn locate(
    cx: &Context<'_>,
    judgement: &Judgement<'_>,
) -> Option<(crate::files::FileId, Option<std::ops::Range<usize>>)> {
    let path = match (judgement.item, judgement.policy) {
        (Some(item), _) => item.new_path.as_deref().or(item.old_path.as_deref()),
        (None, policy) => policy,
    };
    let file = path.and_then(|p| cx.project.files.find(p))?;
    let unit = judgement.unit.map(|u| &u.unit);
    let span = unit.filter(|u| !u.path.is_empty()).and_then(|unit| {
        let fields = flatten(cx.project.files.text(file))?;
        fields
            .iter()
            .filter(|(path, _)| unit.contains(path))
            .map(|(_, field)| field.span.clone())
            .min_by_key(|span| span.start)
    });
    Some((file, span))
}

// Firing needs git history, tested in tests/git.rs and tests/pr_trust.rs:
// fires: tests/git.rs::o004_fires_on_a_status_changed_by_a_non_owner
// fires: tests/pr_trust.rs::a_new_item_cannot_carry_another_persons_act
#[cfg(test)]
mod tests {
    #[test]
    fn does_not_fire_without_a_pull_request() {
        let found = crate::testing::run_rule(
            &super::RULE,
            &[("tasks/T-1.toml", "title = \"a\"\nstatus = \"delivered\"\n")],
            "2026-07-07T10:00:00+08:00",
        );
        assert!(found.is_empty());
    }
}
