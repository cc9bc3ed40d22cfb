//! The default entitlements (SPEC §6): for every kind, which fields are
//! acts (O004) and which are schedule, scope or assignment (O005), and who
//! may change them. `[authority]` in `baton.toml` replaces the roles of a
//! key; everything not named here is open to every editor.

use super::Class::{Act, Schedule};
use super::{Class, Role};
use crate::model::ItemKind;

/// One entitlement.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// The kind of item.
    pub kind: ItemKind,
    /// The field or section path without element keys (`minutes.read_by`,
    /// `update`); `""` is the item as a whole (creating or deleting it).
    pub field: &'static str,
    /// Which rule judges it.
    pub class: Class,
    /// Whether it is an act a new item cannot carry for someone else
    /// (SPEC §6: a review, a response, an approval, a confirmation, an
    /// acceptance, a legal review, a signature).
    pub carried: bool,
    /// Who may change it: any one of these grants (each grant a
    /// conjunction of roles, `requester+change`).
    pub default: &'static [&'static [Role]],
}

const OWNER_SIDE: &[&[Role]] = &[&[Role::Owner], &[Role::Manager], &[Role::LeadHead]];
const SCHEDULE: &[&[Role]] = &[&[Role::Acceptor], &[Role::LeadHead], &[Role::Change]];
const ASSIGNMENT: &[&[Role]] = &[&[Role::LeadHead], &[Role::Change]];
const ORGANISERS: &[&[Role]] = &[&[Role::Organizer], &[Role::Chair]];
const REQUEST_SCOPE: &[&[Role]] = &[&[Role::Requester, Role::Change]];

const fn entry(
    kind: ItemKind,
    field: &'static str,
    class: Class,
    carried: bool,
    default: &'static [&'static [Role]],
) -> Entry {
    Entry {
        kind,
        field,
        class,
        carried,
        default,
    }
}

use ItemKind::{
    Agreement as Agr, Change as Cr, Comm, Complaint as Cmp, Meeting as Mtg, Request as Req, Task,
};

const COMPLAINT_OWNER: &[&[Role]] = &[&[Role::Owner], &[Role::Manager]];
const REVIEWED: &[&[Role]] = &[&[Role::Legal], &[Role::Change]];

/// An agreement's fields that legal reviews.
pub const AGREEMENT_REVIEWED: &[&str] = &["terms", "effective", "expires", "counterparty", "kind"];

/// Every entitlement that is not "any editor".
pub static ENTRIES: &[Entry] = &[
    // A task's acts: its owner's side reports; the acceptor accepts.
    entry(Task, "status", Act, false, OWNER_SIDE),
    entry(Task, "progress", Act, false, OWNER_SIDE),
    entry(Task, "update", Act, false, OWNER_SIDE),
    entry(Task, "blocked", Act, false, OWNER_SIDE),
    entry(Task, "delivered_at", Act, false, OWNER_SIDE),
    entry(Task, "review", Act, true, &[&[Role::Acceptor]]),
    // Accepting a finding (a waiver) is the lead department's head's act.
    entry(Task, "waiver", Act, true, &[&[Role::LeadHead]]),
    // A task's schedule, scope and assignment.
    entry(Task, "due", Schedule, false, SCHEDULE),
    entry(Task, "start", Schedule, false, SCHEDULE),
    entry(Task, "effort", Schedule, false, SCHEDULE),
    entry(Task, "depends_on", Schedule, false, SCHEDULE),
    entry(Task, "milestone", Schedule, false, SCHEDULE),
    entry(Task, "deliverable", Schedule, false, SCHEDULE),
    entry(Task, "acceptance", Schedule, false, SCHEDULE),
    entry(Task, "owner", Schedule, false, ASSIGNMENT),
    entry(Task, "lead", Schedule, false, ASSIGNMENT),
    entry(Task, "support", Schedule, false, ASSIGNMENT),
    entry(
        Task,
        "acceptor",
        Schedule,
        false,
        &[&[Role::Requester], &[Role::Change]],
    ),
    entry(
        Task,
        "",
        Schedule,
        false,
        &[&[Role::Acceptor], &[Role::LeadHead]],
    ),
    // A request: each assisting department answers for itself.
    entry(Req, "response", Act, true, &[&[Role::Member]]),
    entry(Req, "acceptance", Act, true, &[&[Role::Requester]]),
    entry(Req, "retrospective", Act, true, &[&[Role::Requester]]),
    entry(Req, "waiver", Act, true, &[&[Role::Requester]]),
    entry(Req, "what", Schedule, false, REQUEST_SCOPE),
    entry(Req, "due", Schedule, false, REQUEST_SCOPE),
    entry(Req, "to", Schedule, false, REQUEST_SCOPE),
    entry(Req, "", Schedule, false, &[&[Role::Requester]]),
    // A meeting: its organiser and chair call it; the scribe writes the
    // minutes; each person confirms for themselves.
    entry(Mtg, "notice_at", Act, false, ORGANISERS),
    entry(Mtg, "agenda", Act, false, ORGANISERS),
    entry(Mtg, "agenda_at", Act, false, ORGANISERS),
    entry(Mtg, "start", Act, false, ORGANISERS),
    entry(Mtg, "end", Act, false, ORGANISERS),
    entry(Mtg, "major", Act, false, ORGANISERS),
    entry(
        Mtg,
        "minutes",
        Act,
        false,
        &[&[Role::Scribe], &[Role::Organizer], &[Role::Chair]],
    ),
    entry(Mtg, "minutes.read_by", Act, true, &[&[Role::Own]]),
    entry(
        Mtg,
        "minutes.action.confirmed_at",
        Act,
        true,
        &[&[Role::Own]],
    ),
    entry(
        Mtg,
        "minutes.action.done_at",
        Act,
        true,
        &[&[Role::Own], &[Role::Organizer], &[Role::Chair]],
    ),
    entry(Mtg, "waiver", Act, true, ORGANISERS),
    entry(Mtg, "", Schedule, false, ORGANISERS),
    // A change request: each approver decides for themselves.
    entry(Cr, "approval", Act, true, &[&[Role::Own]]),
    entry(Cr, "waiver", Act, true, &[&[Role::Requester]]),
    entry(Cr, "", Schedule, false, &[&[Role::Requester]]),
    // A complaint: its owner (or the owner's manager) answers, resolves
    // and visits; the manager hands it to someone else.
    entry(Cmp, "response", Act, true, COMPLAINT_OWNER),
    entry(Cmp, "resolution", Act, true, COMPLAINT_OWNER),
    entry(Cmp, "follow_up", Act, true, COMPLAINT_OWNER),
    entry(Cmp, "waiver", Act, true, &[&[Role::Manager]]),
    entry(
        Cmp,
        "owner",
        Schedule,
        false,
        &[&[Role::Manager], &[Role::LeadHead]],
    ),
    entry(Cmp, "", Schedule, false, COMPLAINT_OWNER),
    // An agreement: legal reviews it; the head of the lead department
    // signs for us (admins may too); the owner records the counterparty's
    // signature.
    entry(Agr, "legal_review", Act, true, &[&[Role::Legal]]),
    // Asking legal is the owner's side's act; the verdict is legal's.
    entry(
        Agr,
        "legal_review.requested_at",
        Act,
        false,
        &[&[Role::Owner], &[Role::LeadHead]],
    ),
    entry(
        Agr,
        "signature",
        Act,
        true,
        &[&[Role::LeadHead], &[Role::Owner]],
    ),
    entry(Agr, "waiver", Act, true, &[&[Role::LeadHead]]),
    entry(Agr, "owner", Schedule, false, &[&[Role::LeadHead]]),
    // What legal approved changes only with legal (or an approved change
    // request); before the approval it is the owner's draft.
    entry(Agr, "terms", Schedule, false, REVIEWED),
    entry(Agr, "effective", Schedule, false, REVIEWED),
    entry(Agr, "expires", Schedule, false, REVIEWED),
    entry(Agr, "counterparty", Schedule, false, REVIEWED),
    entry(Agr, "kind", Schedule, false, REVIEWED),
    entry(
        Agr,
        "",
        Schedule,
        false,
        &[&[Role::Owner], &[Role::LeadHead]],
    ),
    // A communication record: its participants keep it; each action
    // owner confirms and closes their own action.
    entry(Comm, "action.confirmed_at", Act, true, &[&[Role::Own]]),
    entry(Comm, "action.done_at", Act, true, &[&[Role::Own]]),
    entry(Comm, "waiver", Act, true, &[&[Role::Owner]]),
    entry(Comm, "", Schedule, false, &[&[Role::Owner]]),
];

/// The entry of `kind` for the field path `field` (without element keys),
/// the longest that names it or a section above it.
pub fn lookup(kind: ItemKind, field: &str) -> Option<&'static Entry> {
    ENTRIES
        .iter()
        .filter(|e| e.kind == kind && !e.field.is_empty())
        .filter(|e| {
            field == e.field
                || field
                    .strip_prefix(e.field)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
        .max_by_key(|e| e.field.len())
}

/// The entry for creating or deleting an item of `kind` as a whole.
pub fn whole(kind: ItemKind) -> Option<&'static Entry> {
    ENTRIES
        .iter()
        .find(|e| e.kind == kind && e.field.is_empty())
}

/// The `[authority]` key of an entry: `task.due`, `task.delete`.
pub fn key_of(entry: &Entry) -> String {
    if entry.field.is_empty() {
        format!("{}.delete", entry.kind.name())
    } else {
        format!("{}.{}", entry.kind.name(), entry.field)
    }
}

/// The entry an `[authority]` key names.
pub fn by_key(key: &str) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| key_of(e) == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_entry_names_a_field() {
        let key = |kind, field| lookup(kind, field).map(key_of);
        assert_eq!(key(Task, "update.progress").as_deref(), Some("task.update"));
        assert_eq!(key(Task, "title"), None);
        assert_eq!(key(Task, "due"), Some("task.due".to_string()));
        assert_eq!(key(Task, "duey"), None);
        assert_eq!(
            key(Mtg, "minutes.action.confirmed_at").as_deref(),
            Some("meeting.minutes.action.confirmed_at")
        );
        assert_eq!(
            key(Mtg, "minutes.action.title").as_deref(),
            Some("meeting.minutes")
        );
        assert_eq!(
            key(Mtg, "minutes.read_by").as_deref(),
            Some("meeting.minutes.read_by")
        );
        assert_eq!(whole(Task).map(key_of).as_deref(), Some("task.delete"));
    }

    #[test]
    fn keys_are_unique_and_round_trip() {
        let mut keys: Vec<String> = ENTRIES.iter().map(key_of).collect();
        for key in &keys {
            assert!(by_key(key).is_some(), "{key}");
        }
        keys.sort();
        let before = keys.len();
        keys.dedup();
        assert_eq!(before, keys.len());
    }
}
