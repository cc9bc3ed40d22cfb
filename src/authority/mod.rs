//! Who may change what (SPEC §6), as data.
//!
//! One table ([`table::ENTRIES`]) says, for every kind, which fields are
//! acts (judged by O004) and which are schedule, scope or assignment
//! (O005), and which roles may change them; `[authority]` in `baton.toml`
//! replaces the roles of a key. Pull-request rules and the commands that
//! write items ask the same question here — [`Authority::judge`] — and
//! never keep a second copy of who may do what.

mod approvals;
mod people;
pub mod review;
pub mod table;
pub mod units;

use std::collections::BTreeMap;
use std::fmt;

pub use approvals::{
    ApprovalState, ChangeRequestState, Listed, ListedProblem, Side, change_request_state, listing,
};
pub use people::{Holders, list_items};
pub use table::Entry;
pub use units::{Unit, split_path, unit_of};

use crate::model::{BodyRef, ItemKind, Org, Project, Role as OrgRole};

/// Which rule judges a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// An act someone performs (a status, a review, a response): O004.
    Act,
    /// Schedule, scope or assignment (a due date, a deliverable, an
    /// owner), which changes only by agreement: O005.
    Schedule,
}

/// A role in an entitlement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// The task's owner.
    Owner,
    /// The owner's manager.
    Manager,
    /// The head of the lead department (for a request: of an assisting one).
    LeadHead,
    /// The task's acceptor, else its request's contact.
    Acceptor,
    /// The request's contact or the head of its `from` department; for a
    /// change request, who requested it.
    Requester,
    /// A member (or the head) of the department an entry names.
    Member,
    /// The meeting's organiser.
    Organizer,
    /// The meeting's chair.
    Chair,
    /// The meeting's scribe.
    Scribe,
    /// The person an entry names (`self`): a reader of minutes, an
    /// action's owner, an approver.
    Own,
    /// A member of `project.legal_department`.
    Legal,
    /// Anyone with role `admin`.
    Admin,
    /// Anyone with role `editor` (or `admin`).
    Editor,
    /// An approved change request listing this exact change.
    Change,
}

impl Role {
    /// Every role, in the order they are documented.
    pub const ALL: &'static [Role] = &[
        Role::Owner,
        Role::Manager,
        Role::LeadHead,
        Role::Acceptor,
        Role::Requester,
        Role::Member,
        Role::Organizer,
        Role::Chair,
        Role::Scribe,
        Role::Own,
        Role::Legal,
        Role::Admin,
        Role::Editor,
        Role::Change,
    ];

    /// The role as written in `[authority]`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Manager => "manager",
            Role::LeadHead => "lead_head",
            Role::Acceptor => "acceptor",
            Role::Requester => "requester",
            Role::Member => "member",
            Role::Organizer => "organizer",
            Role::Chair => "chair",
            Role::Scribe => "scribe",
            Role::Own => "self",
            Role::Legal => "legal",
            Role::Admin => "admin",
            Role::Editor => "editor",
            Role::Change => "change",
        }
    }

    /// Parses a role name.
    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL.iter().copied().find(|r| r.as_str() == name)
    }

    /// Whether the role speaks for the side that asked for the work (a
    /// change request needs one approval from each side).
    pub fn is_requester_side(self) -> bool {
        matches!(self, Role::Acceptor | Role::Requester)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A conjunction of roles: every one must hold (`requester+change`).
pub type Grant = Vec<Role>;

/// Parses a grant as written in `[authority]` (`lead_head`,
/// `requester+change`), or says which part is not a role.
pub fn parse_grant(text: &str) -> Result<Grant, String> {
    text.split('+')
        .map(|part| {
            let part = part.trim();
            Role::parse(part).ok_or_else(|| part.to_string())
        })
        .collect()
}

/// The entitlements of a project: the defaults with `[authority]` applied.
#[derive(Debug, Clone, Default)]
pub struct Authority {
    overrides: BTreeMap<String, Vec<Grant>>,
}

impl Authority {
    /// The defaults with these overrides (`[authority]` key → grants);
    /// keys are checked by the caller against [`table::by_key`].
    pub fn new(overrides: BTreeMap<String, Vec<Grant>>) -> Authority {
        Authority { overrides }
    }

    /// The grants of an entry.
    pub fn grants(&self, entry: &Entry) -> Vec<Grant> {
        match self.overrides.get(&table::key_of(entry)) {
            Some(grants) => grants.clone(),
            None => entry.default.iter().map(|g| g.to_vec()).collect(),
        }
    }
}

/// What a change is, for judging it.
#[derive(Debug, Clone)]
pub struct Proposed<'a> {
    /// The item's id.
    pub id: &'a str,
    /// The item before the change (`None`: the change creates it).
    pub before: Option<BodyRef<'a>>,
    /// The item after the change (`None`: the change deletes it).
    pub after: Option<BodyRef<'a>>,
    /// The unit that changes.
    pub unit: &'a Unit,
    /// Its value before, as comparison text (`None`: absent).
    pub old: Option<String>,
    /// Its value after.
    pub new: Option<String>,
}

/// The answer to "may this person make this change?".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Entitled (or no entitlement applies).
    Allowed,
    /// Entitled through an approved change request.
    Approved {
        /// The change request's id.
        by: String,
    },
    /// Not entitled.
    Denied(Denial),
}

/// Why a change is not allowed, and who could make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Denial {
    /// O004 or O005.
    pub class: Class,
    /// The `[authority]` key (empty when the person may change nothing).
    pub key: String,
    /// The people entitled (admins aside), sorted.
    pub allowed: Vec<String>,
    /// Whether an approved change request would also do.
    pub by_change: bool,
    /// A change request that lists this change but does not authorise it.
    pub listed: Option<Listed>,
    /// Why no one but an admin may make it, when that is the reason.
    pub frozen: bool,
    /// The acting person is a viewer.
    pub viewer: bool,
}

impl Denial {
    fn new(class: Class, key: String, viewer: bool) -> Denial {
        Denial {
            class,
            key,
            allowed: Vec::new(),
            by_change: false,
            listed: None,
            frozen: false,
            viewer,
        }
    }
}

/// Judges `who` (a person id of `org.toml`) making `change` to an item of
/// `project` (whose org, settings and change requests are consulted).
pub fn judge(project: &Project, who: &str, change: &Proposed<'_>) -> Verdict {
    let role = project.org.role_of(who);
    let viewer = role == OrgRole::Viewer;
    if role == OrgRole::Admin {
        return Verdict::Allowed;
    }
    let (Some(entry), Some(context)) = (change.unit.entry, change.before.or(change.after)) else {
        // Open to every editor.
        return match viewer {
            true => Verdict::Denied(Denial::new(Class::Act, String::new(), true)),
            false => Verdict::Allowed,
        };
    };
    // Creating an item is open to editors; a new item is judged only for
    // the acts it carries (SPEC §6).
    if change.before.is_none() && !entry.carried && !viewer {
        return Verdict::Allowed;
    }
    // Accepting or rejecting is the acceptor's act, whatever else may set
    // the status.
    let entry = match table::lookup(ItemKind::Task, "review") {
        Some(review)
            if context.kind() == ItemKind::Task
                && change.unit.field == "status"
                && matches!(change.new.as_deref(), Some("accepted" | "rejected")) =>
        {
            review
        }
        _ => entry,
    };
    let key = table::key_of(entry);
    if viewer {
        return Verdict::Denied(Denial::new(entry.class, key, true));
    }
    // A request's scope is the requester's to write until an assisting
    // department accepts it; then it changes only by agreement.
    if let BodyRef::Request(request) = context
        && entry.class == Class::Schedule
        && !entry.field.is_empty()
        && !request
            .response
            .iter()
            .any(|r| *r.decision.get() == crate::model::Decision::Accept)
    {
        return Verdict::Allowed;
    }
    // An agreement's reviewed fields are the owner's draft until legal
    // approves it; then they change only with legal.
    if let BodyRef::Agreement(agreement) = context
        && table::AGREEMENT_REVIEWED.contains(&entry.field)
        && agreement.approved_review().is_none()
    {
        return Verdict::Allowed;
    }
    // What a change request lists is frozen once anyone decided on it:
    // approvals are given to those exact changes.
    if let Some(BodyRef::Change(before)) = change.before
        && change.unit.field == "change"
        && !before.approval.is_empty()
    {
        let mut denial = Denial::new(Class::Schedule, "change.change".into(), false);
        denial.frozen = true;
        return Verdict::Denied(denial);
    }
    let holders = people::Holders::of(project, context, change);
    let mut denial = Denial::new(entry.class, key, false);
    let mut authorised: Option<Result<String, Option<Listed>>> = None;
    for grant in project.settings.authority.grants(entry) {
        let mut holds = true;
        for role in &grant {
            match role {
                Role::Editor => {}
                Role::Change => {
                    denial.by_change = true;
                    let found =
                        authorised.get_or_insert_with(|| approvals::authorising(project, change));
                    if let Err(listed) = found {
                        if denial.listed.is_none() {
                            denial.listed.clone_from(listed);
                        }
                        holds = false;
                    }
                }
                other => {
                    let people = holders.of_role(*other);
                    if !people.iter().any(|p| p == who) {
                        holds = false;
                    }
                    denial.allowed.extend(people);
                }
            }
        }
        if holds {
            return match (grant.contains(&Role::Change), &authorised) {
                (true, Some(Ok(by))) => Verdict::Approved { by: by.clone() },
                _ => Verdict::Allowed,
            };
        }
    }
    denial.allowed.sort();
    denial.allowed.dedup();
    Verdict::Denied(denial)
}

/// Whether `org` has `who` as an admin.
pub fn is_admin(org: &Org, who: &str) -> bool {
    org.role_of(who) == OrgRole::Admin
}

#[cfg(test)]
mod tests;
