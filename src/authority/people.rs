//! Who holds a role on an item.

use super::{Proposed, Role};
use crate::model::{BodyRef, Org, Project};

/// The holders of every role on one item, for one change.
pub struct Holders<'a> {
    project: &'a Project,
    item: BodyRef<'a>,
    /// The unit's element key (`rnd` of `response[rnd]`).
    element: Option<String>,
    /// The action title of `minutes.action[…]`.
    action: Option<String>,
    /// For lists of person ids (`read_by`): who was added or removed.
    list_delta: Vec<String>,
}

fn push(out: &mut Vec<String>, id: Option<&str>) {
    if let Some(id) = id.filter(|id| !id.is_empty()) {
        out.push(id.to_string());
    }
}

/// The elements of a list value as comparison text (`[a, b]`).
pub fn list_items(text: Option<&str>) -> Vec<String> {
    let Some(text) = text else {
        return Vec::new();
    };
    let inner = text
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or(text);
    inner
        .split(", ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

impl<'a> Holders<'a> {
    /// The holders for `change` to `item` (its version before the change,
    /// or after it when the change creates it).
    pub fn of(project: &'a Project, item: BodyRef<'a>, change: &Proposed<'_>) -> Holders<'a> {
        let old = list_items(change.old.as_deref());
        let new = list_items(change.new.as_deref());
        let mut list_delta: Vec<String> = new
            .iter()
            .filter(|n| !old.contains(n))
            .chain(old.iter().filter(|o| !new.contains(o)))
            .cloned()
            .collect();
        list_delta.sort();
        list_delta.dedup();
        Holders {
            project,
            item,
            element: change.unit.element().map(str::to_string),
            action: change.unit.element_of("action").map(str::to_string),
            list_delta,
        }
    }

    /// The holders for an item without a particular change (who must
    /// approve a change request, who is waited for).
    pub fn plain(project: &'a Project, item: BodyRef<'a>) -> Holders<'a> {
        Holders {
            project,
            item,
            element: None,
            action: None,
            list_delta: Vec::new(),
        }
    }

    fn org(&self) -> &Org {
        &self.project.org
    }

    /// The people holding `role`, sorted.
    pub fn of_role(&self, role: Role) -> Vec<String> {
        let mut out = self.collect(role);
        out.sort();
        out.dedup();
        out
    }

    fn collect(&self, role: Role) -> Vec<String> {
        let org = self.org();
        let mut out = Vec::new();
        match (role, self.item) {
            (Role::Owner, BodyRef::Task(task)) => {
                for (owner, _) in task.owner_ids() {
                    push(&mut out, Some(owner));
                }
            }
            (Role::Manager, BodyRef::Task(task)) => {
                for (owner, _) in task.owner_ids() {
                    push(&mut out, org.manager_of(owner));
                }
            }
            (Role::LeadHead, BodyRef::Task(task)) => match &task.lead {
                Some(lead) => push(&mut out, org.head_of(lead)),
                None => {
                    for (owner, _) in task.owner_ids() {
                        let department = org
                            .person(owner)
                            .and_then(|p| p.department.as_ref())
                            .map(|d| d.to_string());
                        push(&mut out, department.as_deref().and_then(|d| org.head_of(d)));
                    }
                }
            },
            (Role::LeadHead, BodyRef::Request(request)) => {
                for party in &request.to {
                    push(&mut out, org.head_of(&party.department));
                }
            }
            (Role::Acceptor, BodyRef::Task(task)) => match &task.acceptor {
                Some(acceptor) => push(&mut out, Some(acceptor)),
                None => out.extend(self.task_requester(task, true)),
            },
            (Role::Requester, BodyRef::Task(task)) => {
                out.extend(self.task_requester(task, false));
            }
            (Role::Acceptor | Role::Requester, BodyRef::Request(request)) => {
                push(&mut out, request.from.contact.as_ref().map(|c| c.as_str()));
                push(&mut out, org.head_of(&request.from.department));
            }
            (Role::Requester, BodyRef::Change(cr)) => {
                push(&mut out, cr.requested_by.as_ref().map(|p| p.as_str()));
            }
            (Role::Member, _) => {
                if let Some(department) = &self.element
                    && org.department(department).is_some()
                {
                    out.extend(org.members_of(department).map(str::to_string));
                    push(&mut out, org.head_of(department));
                }
            }
            (Role::Organizer, BodyRef::Meeting(m)) => {
                push(&mut out, m.organizer.as_ref().map(|p| p.as_str()));
            }
            (Role::Chair, BodyRef::Meeting(m)) => {
                push(&mut out, m.chair.as_ref().map(|p| p.as_str()));
            }
            (Role::Scribe, BodyRef::Meeting(m)) => {
                push(&mut out, m.scribe.as_ref().map(|p| p.as_str()));
            }
            (Role::Owner, BodyRef::Complaint(c)) => {
                push(&mut out, c.owner.as_ref().map(|o| o.as_str()));
            }
            (Role::Manager, BodyRef::Complaint(c)) => {
                push(&mut out, c.owner.as_ref().and_then(|o| org.manager_of(o)));
            }
            (Role::LeadHead, BodyRef::Complaint(c)) => {
                let owner = c.owner.as_ref().map(|o| o.as_str());
                push(&mut out, owner.and_then(|o| self.head_of_department_of(o)));
            }
            // The owner records the counterparty's signature, never ours.
            (Role::Owner, BodyRef::Agreement(a)) if self.element.as_deref() != Some("us") => {
                push(&mut out, a.owner.as_ref().map(|o| o.as_str()));
            }
            (Role::LeadHead, BodyRef::Agreement(a)) => match &a.lead {
                Some(lead) => push(&mut out, org.head_of(lead)),
                None => {
                    let owner = a.owner.as_ref().map(|o| o.as_str());
                    push(&mut out, owner.and_then(|o| self.head_of_department_of(o)));
                }
            },
            (Role::Owner, BodyRef::Comm(c)) => {
                out.extend(c.participants.iter().map(|p| p.to_string()));
            }
            (Role::Own, BodyRef::Comm(c)) => match &self.action {
                Some(title) => {
                    let owner = c
                        .action
                        .iter()
                        .find(|a| a.title.as_str() == title)
                        .and_then(|a| a.owner.as_ref())
                        .map(|o| o.as_str());
                    push(&mut out, owner);
                }
                None => out.extend(self.list_delta.iter().cloned()),
            },
            (Role::Own, BodyRef::Meeting(m)) => match &self.action {
                Some(title) => {
                    let owner = m
                        .minutes
                        .as_ref()
                        .and_then(|minutes| {
                            minutes.action.iter().find(|a| a.title.as_str() == title)
                        })
                        .and_then(|a| a.owner.as_ref())
                        .map(|o| o.as_str());
                    push(&mut out, owner);
                }
                None => out.extend(self.list_delta.iter().cloned()),
            },
            (Role::Own, _) => {
                if let Some(person) = &self.element {
                    push(&mut out, Some(person));
                }
            }
            (Role::Legal, _) => {
                if let Some(legal) = &self.project.settings.legal_department {
                    out.extend(org.members_of(legal).map(str::to_string));
                    push(&mut out, org.head_of(legal));
                }
            }
            (Role::Admin, _) => {
                out.extend(
                    org.people
                        .iter()
                        .filter(|p| super::is_admin(org, p.id.as_str()))
                        .map(|p| p.id.to_string()),
                );
            }
            _ => {}
        }
        out
    }

    /// The head of `person`'s department.
    fn head_of_department_of(&self, person: &str) -> Option<&'a str> {
        let org = &self.project.org;
        let department = org.person(person)?.department.as_ref()?;
        org.head_of(department)
    }

    /// For a task: its request's contact and the head of the requesting
    /// department (`contact_only`: the contact alone, when there is one).
    fn task_requester(&self, task: &crate::model::Task, contact_only: bool) -> Vec<String> {
        let mut out = Vec::new();
        let Some(request) = task.request.as_ref().and_then(|r| self.project.request(r)) else {
            return out;
        };
        let contact = request.from.contact.as_ref().map(|c| c.as_str());
        push(&mut out, contact);
        if !(contact_only && contact.is_some()) {
            push(&mut out, self.org().head_of(&request.from.department));
        }
        out
    }
}
