//! `--department` and `--person`: which items, people and departments a
//! view shows.

use serde::Serialize;

use super::{acceptor, task_owner};
use crate::model::{Agreement, CommRecord, Complaint, Meeting, Org, Project, Request, Task};

/// What a view is limited to; both `None` is everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Scope {
    /// Only what concerns this department (a department id).
    pub department: Option<String>,
    /// Only what concerns this person (a person id).
    pub person: Option<String>,
}

impl Scope {
    /// Everything.
    pub fn everything() -> Scope {
        Scope::default()
    }

    /// Whether nothing is filtered out.
    pub fn is_everything(&self) -> bool {
        self.department.is_none() && self.person.is_none()
    }

    /// A task concerns a department that leads or supports it, and a person
    /// who owns or accepts it.
    pub fn task(&self, project: &Project, task: &Task) -> bool {
        let department_ok = self.department.as_deref().is_none_or(|d| {
            task.lead.as_ref().is_some_and(|l| l.as_str() == d)
                || task.support.iter().any(|s| s.as_str() == d)
        });
        let person_ok = self
            .person
            .as_deref()
            .is_none_or(|p| task_owner(task) == Some(p) || acceptor(project, task) == Some(p));
        department_ok && person_ok
    }

    /// A request concerns its requesting and assisting departments and
    /// their contacts.
    pub fn request(&self, request: &Request) -> bool {
        let department_ok = self.department.as_deref().is_none_or(|d| {
            request.from.department.as_str() == d
                || request.to.iter().any(|t| t.department.as_str() == d)
        });
        let person_ok = self.person.as_deref().is_none_or(|p| {
            request
                .from
                .contact
                .as_ref()
                .is_some_and(|c| c.as_str() == p)
                || request
                    .to
                    .iter()
                    .any(|t| t.contact.as_ref().is_some_and(|c| c.as_str() == p))
        });
        department_ok && person_ok
    }

    /// A meeting concerns everyone in it (organizer, chair, scribe,
    /// required, informed, action owners) and their departments.
    pub fn meeting(&self, org: &Org, meeting: &Meeting) -> bool {
        let mut people: Vec<&str> = Vec::new();
        for one in [&meeting.organizer, &meeting.chair, &meeting.scribe]
            .into_iter()
            .flatten()
        {
            people.push(one.as_str());
        }
        people.extend(meeting.required.iter().map(|p| p.as_str()));
        people.extend(meeting.informed.iter().map(|p| p.as_str()));
        if let Some(minutes) = &meeting.minutes {
            people.extend(
                minutes
                    .action
                    .iter()
                    .filter_map(|a| a.owner.as_ref().map(|o| o.as_str())),
            );
        }
        self.involves(org, &people, &[])
    }

    /// A complaint concerns its owner, the people who answered and visited,
    /// and the departments involved in its cause.
    pub fn complaint(&self, org: &Org, complaint: &Complaint) -> bool {
        let people: Vec<&str> = [
            complaint.owner.as_ref(),
            complaint.response.as_ref().and_then(|r| r.by.as_ref()),
            complaint.follow_up.as_ref().and_then(|f| f.by.as_ref()),
        ]
        .into_iter()
        .flatten()
        .map(|p| p.as_str())
        .collect();
        let departments: Vec<&str> = complaint.departments.iter().map(|d| d.as_str()).collect();
        self.involves(org, &people, &departments)
    }

    /// An agreement concerns its owner, its lead department, its legal
    /// reviewer and our signatory.
    pub fn agreement(&self, org: &Org, agreement: &Agreement) -> bool {
        let mut people: Vec<&str> = [
            agreement.owner.as_ref(),
            agreement.legal_review.as_ref().and_then(|r| r.by.as_ref()),
            agreement.our_signature().and_then(|s| s.by.as_ref()),
        ]
        .into_iter()
        .flatten()
        .map(|p| p.as_str())
        .collect();
        people.dedup();
        let departments: Vec<&str> = agreement.lead.iter().map(|d| d.as_str()).collect();
        self.involves(org, &people, &departments)
    }

    /// A communication record concerns its participants, its action
    /// owners and the departments it names.
    pub fn comm(&self, org: &Org, comm: &CommRecord) -> bool {
        let mut people: Vec<&str> = comm.participants.iter().map(|p| p.as_str()).collect();
        people.extend(
            comm.action
                .iter()
                .filter_map(|a| a.owner.as_ref().map(|o| o.as_str())),
        );
        let departments: Vec<&str> = comm.departments.iter().map(|d| d.as_str()).collect();
        self.involves(org, &people, &departments)
    }

    /// Whether an item naming these people and departments is in view.
    fn involves(&self, org: &Org, people: &[&str], departments: &[&str]) -> bool {
        let department_ok = self.department.as_deref().is_none_or(|d| {
            departments.contains(&d) || people.iter().any(|p| department_of(org, p) == Some(d))
        });
        let person_ok = self.person.as_deref().is_none_or(|p| people.contains(&p));
        department_ok && person_ok
    }

    /// Something a person owes (a service level, a reminder): it concerns
    /// that person and their department, or the department given.
    pub fn responsible(&self, org: &Org, person: Option<&str>, department: Option<&str>) -> bool {
        let department_ok = self.department.as_deref().is_none_or(|d| {
            department == Some(d) || person.and_then(|p| department_of(org, p)) == Some(d)
        });
        let person_ok = self.person.as_deref().is_none_or(|p| person == Some(p));
        department_ok && person_ok
    }

    /// Whether a department's row is shown: the department filtered on, or
    /// the department of the person filtered on.
    pub fn department_row(&self, org: &Org, department: &str) -> bool {
        let department_ok = self.department.as_deref().is_none_or(|d| d == department);
        let person_ok = self
            .person
            .as_deref()
            .is_none_or(|p| department_of(org, p) == Some(department));
        department_ok && person_ok
    }

    /// Whether a person's row is shown.
    pub fn person_row(&self, org: &Org, person: &str) -> bool {
        let department_ok = self
            .department
            .as_deref()
            .is_none_or(|d| department_of(org, person) == Some(d));
        let person_ok = self.person.as_deref().is_none_or(|p| p == person);
        department_ok && person_ok
    }
}

/// A person's department, when org.toml says.
pub(crate) fn department_of<'a>(org: &'a Org, person: &str) -> Option<&'a str> {
    org.person(person)?.department.as_ref().map(|d| d.as_str())
}
