//! O005 unapproved-change.

use super::Context;
use super::unauthorized_change::emit;
use crate::authority::review::{Actor, review};
use crate::authority::{Class, ListedProblem, Verdict};
use crate::diag::Sink;
use crate::messages::{ListedHint, Msg};

declare_rule! {
    /// A deadline, the scope or the assignment of agreed work was changed
    /// by someone not entitled to, with no approved change request.
    ///
    /// ## What it checks
    /// In a pull request (`--base`/`--head`), every change to an item that
    /// already exists on the target branch, of the fields that make the
    /// agreement (SPEC §6; `[authority]` in `baton.toml` changes them):
    /// - a task's `due`, `start`, `effort`, `depends_on`, `milestone`,
    ///   `deliverable` and `acceptance`: its acceptor, the head of its
    ///   lead department, or an approved change request;
    /// - a task's `owner`, `lead` and `support`: the head of its lead
    ///   department (or an approved change request); its `acceptor`: the
    ///   requester;
    /// - a request's `what`, `due` and `to`, once an assisting department
    ///   accepted it: the requester together with an approved change
    ///   request;
    /// - deleting a task, a request, a meeting or a change request.
    ///
    /// A change request (`changes/`) authorises a change when one of its
    /// `[[change]]` entries names this item, field, old value (`from`) and
    /// new value (`to`), and every required approver approved it: one
    /// person entitled to make the change from each side, the side that
    /// asked for the work (acceptor, request contact) and the side doing
    /// it (lead department's head). It authorises exactly that change,
    /// once: afterwards the old value no longer matches. What a change
    /// request lists cannot change once anyone decided on it.
    ///
    /// ## Why
    /// Seed 002: once agreed, a plan changes only after both sides confirm
    /// (经双方确认后调整项目计划), with a change request (需求变更申请表)
    /// stating the reason and the impact. A deadline moved quietly by one
    /// side is exactly the silent slip baton exists to stop.
    ///
    /// ## Fires
    /// An editor of sales moves legal's `T-LEG-1` `due` from 2027-01-15 to
    /// 2027-02-15; or a change request lists `from = 2027-01-10` while the
    /// task said 2027-01-15; or the change request was rejected.
    ///
    /// ## Does not fire
    /// The acceptor moves the date in their own commit; or `CR-007`, approved
    /// by the acceptor and the lead department's head, lists exactly this
    /// change.
    "O005", "unapproved-change", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let Some(changes) = cx.changes else { return };
    if !cx.project.org.known {
        return;
    }
    for judgement in review(cx.project, changes) {
        let (Actor::Person(who), Verdict::Denied(denial), Some(item), Some(unit)) = (
            &judgement.actor,
            &judgement.verdict,
            judgement.item,
            judgement.unit,
        ) else {
            continue;
        };
        if denial.class != Class::Schedule || denial.viewer {
            continue;
        }
        let commit = crate::git::short_id(judgement.commit.oid);
        let (message, hint) = if denial.frozen {
            (
                Msg::ChangeListFrozen {
                    who: who.clone(),
                    commit,
                },
                None,
            )
        } else {
            let message = Msg::UnapprovedChange {
                item: item.id.clone(),
                field: unit.unit.path.clone(),
                from: unit.old.clone(),
                to: unit.new.clone(),
                who: who.clone(),
                commit,
                allowed: denial.allowed.clone(),
                by_change: denial.by_change,
            };
            let hint = match &denial.listed {
                Some(listed) => Some(Msg::ChangeRequestNotAuthorising {
                    id: listed.id.clone(),
                    problem: match &listed.problem {
                        ListedProblem::From { listed, actual } => ListedHint::From {
                            listed: listed.clone(),
                            actual: actual.clone(),
                        },
                        ListedProblem::To { listed, actual } => ListedHint::To {
                            listed: listed.clone(),
                            actual: actual.clone(),
                        },
                        ListedProblem::Pending { waiting } => ListedHint::Pending {
                            waiting: waiting.clone(),
                        },
                        ListedProblem::Rejected { by } => ListedHint::Rejected { by: by.clone() },
                    },
                }),
                None if denial.by_change && !unit.unit.path.is_empty() => {
                    Some(Msg::ChangeRequestHint {
                        item: item.id.clone(),
                        field: unit.unit.path.clone(),
                        from: unit.old.clone(),
                        to: unit.new.clone(),
                    })
                }
                None => None,
            };
            (message, hint)
        };
        emit(cx, out, &judgement, who, message, hint);
    }
}

// Firing needs git history, tested in tests/pr_trust.rs:
// fires: tests/pr_trust.rs::a_deadline_moved_by_someone_not_entitled_fails
#[cfg(test)]
mod tests {
    #[test]
    fn does_not_fire_without_a_pull_request() {
        let found = crate::testing::run_rule(
            &super::RULE,
            &[(
                "tasks/T-1.toml",
                "title = \"a\"\ndue = 2026-07-20\nowner = \"li.gong\"\n",
            )],
            "2026-07-07T10:00:00+08:00",
        );
        assert!(found.is_empty());
    }
}
