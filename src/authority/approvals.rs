//! Change requests: who must approve each listed change, whether they
//! have, and which change request authorises a change.
//!
//! SPEC §2: the required approvers of a change are those entitled to make
//! it directly, one from each side — the side that asked for the work
//! (acceptor, request contact) and the side doing it (lead department's
//! head). The state is derived from the decisions, never written.

use std::collections::BTreeMap;

use super::people::Holders;
use super::{Proposed, Role, unit_of};
use crate::model::{ApprovalDecision, BodyRef, ChangeEntry, ChangeRequest, Project};

/// Where a change request stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApprovalState {
    /// Every required approver approved every listed change.
    Approved,
    /// A required approver rejected it.
    Rejected {
        /// Who.
        by: String,
    },
    /// Some side has not decided yet.
    Pending {
        /// For each undecided side, who could decide for it.
        waiting: Vec<Vec<String>>,
    },
}

/// One side of one listed change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    /// The side that asked for the work (else the side doing it).
    pub requester: bool,
    /// Who may decide for this side.
    pub people: Vec<String>,
    /// Who approved for it.
    pub approved_by: Option<String>,
    /// Who rejected for it.
    pub rejected_by: Option<String>,
}

/// A change request's derived state, with the sides of each change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeRequestState {
    /// Overall.
    pub state: ApprovalState,
    /// Per listed change (in file order): its sides.
    pub sides: Vec<Vec<Side>>,
}

/// A change request that lists a change but does not authorise it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// Its id.
    pub id: String,
    /// Why it does not authorise the change.
    pub problem: ListedProblem,
}

/// Why a listing change request does not authorise a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListedProblem {
    /// It lists the change from another value than the item had.
    From {
        /// As listed.
        listed: Option<String>,
        /// As it was.
        actual: Option<String>,
    },
    /// It lists another new value.
    To {
        /// As listed.
        listed: Option<String>,
        /// As made.
        actual: Option<String>,
    },
    /// Not every side approved yet.
    Pending {
        /// Who could still decide.
        waiting: Vec<String>,
    },
    /// Rejected.
    Rejected {
        /// By whom.
        by: String,
    },
}

/// Each approver's latest decision.
fn decisions(cr: &ChangeRequest) -> BTreeMap<&str, ApprovalDecision> {
    let mut out = BTreeMap::new();
    for approval in &cr.approval {
        out.insert(approval.by.as_str(), *approval.decision.get());
    }
    out
}

/// The sides that must approve `entry`, judged on `item` (the version of
/// the item the change applies to).
fn sides_of(project: &Project, entry: &ChangeEntry, item: BodyRef<'_>) -> Vec<(bool, Vec<String>)> {
    let unit = unit_of(item.kind(), entry.field.as_str());
    let Some(table_entry) = unit.entry else {
        return Vec::new();
    };
    let holders = Holders::plain(project, item);
    let mut requester = Vec::new();
    let mut doing = Vec::new();
    for grant in project.settings.authority.grants(table_entry) {
        for role in grant {
            if matches!(role, Role::Change | Role::Editor | Role::Admin) {
                continue;
            }
            let people = holders.of_role(role);
            if role.is_requester_side() {
                requester.extend(people);
            } else {
                doing.extend(people);
            }
        }
    }
    let mut sides = Vec::new();
    for (is_requester, mut people) in [(true, requester), (false, doing)] {
        people.sort();
        people.dedup();
        if !people.is_empty() {
            sides.push((is_requester, people));
        }
    }
    sides
}

/// Where `cr` stands; `context` is the version of one item to judge its
/// changes on (the item as it was before a pull request changed it).
pub fn change_request_state(
    project: &Project,
    cr: &ChangeRequest,
    context: Option<(&str, BodyRef<'_>)>,
) -> ChangeRequestState {
    let decided = decisions(cr);
    let admin = |p: &str| super::is_admin(&project.org, p);
    let mut all_sides = Vec::new();
    let mut rejected = None;
    let mut waiting = Vec::new();
    for entry in &cr.change {
        let item = match context {
            Some((id, body)) if id == entry.item.as_str() => Some(body),
            _ => project.body(&entry.item),
        };
        let Some(item) = item else {
            // A change to an item that does not exist (S004 says so) is
            // never approved.
            waiting.push(Vec::new());
            all_sides.push(Vec::new());
            continue;
        };
        let mut sides = Vec::new();
        for (requester, people) in sides_of(project, entry, item) {
            let decided_by = |want: ApprovalDecision| {
                decided
                    .iter()
                    .find(|(by, d)| **d == want && (people.iter().any(|p| p == *by) || admin(by)))
                    .map(|(by, _)| by.to_string())
            };
            let side = Side {
                requester,
                approved_by: decided_by(ApprovalDecision::Approve),
                rejected_by: decided_by(ApprovalDecision::Reject),
                people,
            };
            if rejected.is_none() {
                rejected.clone_from(&side.rejected_by);
            }
            if side.approved_by.is_none() && side.rejected_by.is_none() {
                waiting.push(side.people.clone());
            }
            sides.push(side);
        }
        all_sides.push(sides);
    }
    let state = match (rejected, cr.change.is_empty()) {
        (Some(by), _) => ApprovalState::Rejected { by },
        (None, true) => ApprovalState::Pending {
            waiting: Vec::new(),
        },
        (None, false) if waiting.is_empty() => ApprovalState::Approved,
        (None, false) => ApprovalState::Pending { waiting },
    };
    ChangeRequestState {
        state,
        sides: all_sides,
    }
}

/// The change request that authorises `change` (an approved one listing
/// this item, field, old and new value), or the first that lists the
/// change without authorising it.
pub fn authorising(project: &Project, change: &Proposed<'_>) -> Result<String, Option<Listed>> {
    let mut first_listed = None;
    for (id, cr, entry) in listing(project, change.id, &change.unit.path) {
        let problem = if entry.from.as_ref().map(|v| v.0.as_str()) != change.old.as_deref() {
            Some(ListedProblem::From {
                listed: entry.from.as_ref().map(|v| v.0.clone()),
                actual: change.old.clone(),
            })
        } else if entry.to.as_ref().map(|v| v.0.as_str()) != change.new.as_deref() {
            Some(ListedProblem::To {
                listed: entry.to.as_ref().map(|v| v.0.clone()),
                actual: change.new.clone(),
            })
        } else {
            let context = change.before.map(|b| (change.id, b));
            match change_request_state(project, cr, context).state {
                ApprovalState::Approved => return Ok(id.to_string()),
                ApprovalState::Rejected { by } => Some(ListedProblem::Rejected { by }),
                ApprovalState::Pending { waiting } => Some(ListedProblem::Pending {
                    waiting: waiting.into_iter().flatten().collect(),
                }),
            }
        };
        if first_listed.is_none()
            && let Some(problem) = problem
        {
            first_listed = Some(Listed {
                id: id.to_string(),
                problem,
            });
        }
    }
    Err(first_listed)
}

/// The change requests of `project` listing a change of `field` of `item`.
pub fn listing<'p>(
    project: &'p Project,
    item: &'p str,
    field: &'p str,
) -> impl Iterator<Item = (&'p str, &'p ChangeRequest, &'p ChangeEntry)> + 'p {
    project.changes.iter().flat_map(move |cr| {
        cr.change
            .iter()
            .filter(move |e| e.item.as_str() == item && e.field.as_str() == field)
            .map(move |e| (cr.id.as_str(), &cr.body, e.get()))
    })
}
