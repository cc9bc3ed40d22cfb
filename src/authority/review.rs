//! A pull request's changes, each judged against who made it.

use super::{Class, Denial, Proposed, Verdict, judge};
use crate::history::{Attribution, ChangeSet, CommitInfo, ItemChange, UnitChange};
use crate::model::{Org, Project, Role as OrgRole};

/// Who made a change, as far as `org.toml` knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A person of `org.toml`.
    Person(String),
    /// Someone `org.toml` does not know (as described: a commit author or
    /// a GitHub login).
    Unknown(String),
}

/// One change of a pull request and its verdict.
#[derive(Debug, Clone)]
pub struct Judgement<'c> {
    /// The item, for item changes.
    pub item: Option<&'c ItemChange>,
    /// The unit, for item changes.
    pub unit: Option<&'c UnitChange>,
    /// The policy file, for policy changes.
    pub policy: Option<&'c str>,
    /// The commit that made the change.
    pub commit: &'c CommitInfo,
    /// Who made it.
    pub actor: Actor,
    /// Whether they were entitled to.
    pub verdict: Verdict,
}

impl Judgement<'_> {
    /// The rule class of a denial (`None` when allowed).
    pub fn denied_class(&self) -> Option<Class> {
        match &self.verdict {
            Verdict::Denied(denial) => Some(denial.class),
            _ => None,
        }
    }
}

/// The person a commit acts as: `--actor` when given, else its author.
pub fn actor_of(org: &Org, commit: &CommitInfo, actor: Option<&str>) -> Actor {
    let person = match actor {
        Some(login) => org.person_by_github(login),
        None => org.person_by_email(&commit.author.email),
    };
    match (person, actor) {
        (Some(p), _) => Actor::Person(p.id.to_string()),
        (None, Some(login)) => Actor::Unknown(format!("GitHub user `{login}`")),
        (None, None) => Actor::Unknown(commit.author.to_string()),
    }
}

/// Every attributed change of `changes`, judged with the people, roles and
/// entitlements of `project` (whose policy is the target's).
pub fn review<'c>(project: &Project, changes: &'c ChangeSet) -> Vec<Judgement<'c>> {
    let org = &project.org;
    let actor = changes.actor.as_deref();
    let mut out = Vec::new();
    for policy in &changes.policy {
        let Attribution::Commit(commit) = &policy.by else {
            continue;
        };
        let who = actor_of(org, commit, actor);
        let verdict = match &who {
            Actor::Person(p) if org.role_of(p) == OrgRole::Admin => Verdict::Allowed,
            Actor::Person(p) => Verdict::Denied(Denial {
                class: Class::Act,
                key: "policy".into(),
                allowed: Vec::new(),
                by_change: false,
                listed: None,
                frozen: false,
                viewer: org.role_of(p) == OrgRole::Viewer,
            }),
            Actor::Unknown(_) => Verdict::Allowed,
        };
        out.push(Judgement {
            item: None,
            unit: None,
            policy: Some(&policy.path),
            commit,
            actor: who,
            verdict,
        });
    }
    for item in &changes.items {
        for unit in &item.units {
            let Attribution::Commit(commit) = &unit.by else {
                continue;
            };
            let who = actor_of(org, commit, actor);
            let verdict = match &who {
                Actor::Person(person) => judge(
                    project,
                    person,
                    &Proposed {
                        id: &item.id,
                        before: item.before.as_deref().map(|b| b.as_ref()),
                        after: item.after.as_deref().map(|b| b.as_ref()),
                        unit: &unit.unit,
                        old: unit.old.clone(),
                        new: unit.new.clone(),
                    },
                ),
                Actor::Unknown(_) => Verdict::Allowed,
            };
            out.push(Judgement {
                item: Some(item),
                unit: Some(unit),
                policy: None,
                commit,
                actor: who,
                verdict,
            });
        }
    }
    out
}

/// Changes nobody known made: attributed to a shallow clone's boundary.
pub fn unattributed(changes: &ChangeSet) -> Vec<String> {
    let mut out = Vec::new();
    for item in &changes.items {
        for unit in &item.units {
            if matches!(unit.by, Attribution::Boundary(_)) {
                out.push(if unit.unit.path.is_empty() {
                    item.id.clone()
                } else {
                    format!("{} `{}`", item.id, unit.unit.path)
                });
            }
        }
    }
    for policy in &changes.policy {
        if matches!(policy.by, Attribution::Boundary(_)) {
            out.push(policy.path.clone());
        }
    }
    out
}
