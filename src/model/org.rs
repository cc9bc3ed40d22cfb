//! `org.toml`: departments and people, and lookups over them.

use std::collections::HashMap;

/// Position by id. Ids come from files: a seeded hash (foldhash) keeps
/// crafted ids from colliding, and is several times faster than SipHash
/// for the lookups every rule makes.
type IdIndex = HashMap<String, usize, foldhash::fast::RandomState>;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::parse::Sp;

/// The organisation file `org.toml`.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgFile {
    /// Departments.
    #[serde(default)]
    pub department: Vec<Sp<Department>>,
    /// People.
    #[serde(default)]
    pub person: Vec<Sp<Person>>,
}

/// A department.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// Short id, e.g. "rnd".
    pub id: Sp<String>,
    /// Display name, e.g. "研发部".
    pub name: Option<Sp<String>>,
    /// The department head (a person id).
    pub head: Option<Sp<String>>,
}

/// A person.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Short id, e.g. "li.gong".
    pub id: Sp<String>,
    /// Display name, e.g. "李工".
    pub name: Option<Sp<String>>,
    /// The person's department.
    pub department: Option<Sp<String>>,
    /// The manager, to whom blocked work is escalated (上级主管).
    pub manager: Option<Sp<String>>,
    /// Emails, matched against git commit authors.
    #[serde(default)]
    pub emails: Vec<Sp<String>>,
    /// GitHub login, matched against pull request authors.
    pub github: Option<Sp<String>>,
    /// What the person may change: "viewer", "editor" (default) or "admin" (seed 003).
    pub role: Option<Sp<Role>>,
    /// Mobile number: @mentions in DingTalk and WeCom.
    pub mobile: Option<Sp<String>>,
    /// Feishu/Lark open_id (`ou_…`): @mentions in Feishu and Lark.
    pub feishu: Option<Sp<String>>,
    /// DingTalk userId: @mentions in DingTalk.
    pub dingtalk: Option<Sp<String>>,
    /// WeCom userid: @mentions in WeCom.
    pub wecom: Option<Sp<String>>,
    /// Slack member id (`U…`): @mentions in Slack.
    pub slack: Option<Sp<String>>,
}

/// A person's permissions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// May change nothing.
    Viewer,
    /// May change what their responsibilities allow.
    #[default]
    Editor,
    /// May change anything.
    Admin,
}

/// The organisation with lookups by id. When org.toml is missing or could
/// not be read, `known` is false and person and department references are
/// not checked (one broken file must not flood every item with findings).
#[derive(Debug, Default)]
pub struct Org {
    /// Whether org.toml was read.
    pub known: bool,
    /// Departments, in file order.
    pub departments: Vec<Department>,
    /// People, in file order.
    pub people: Vec<Person>,
    department_index: IdIndex,
    person_index: IdIndex,
    /// Lower-cased email → person index.
    email_index: IdIndex,
    /// Lower-cased GitHub login → person index.
    github_index: IdIndex,
}

impl Org {
    /// Builds the lookups; the first of two entries with the same id wins.
    pub fn new(file: OrgFile) -> Org {
        let mut org = Org {
            known: true,
            ..Org::default()
        };
        for department in file.department {
            let department = department.into_inner();
            org.department_index
                .entry(department.id.to_string())
                .or_insert(org.departments.len());
            org.departments.push(department);
        }
        for person in file.person {
            let person = person.into_inner();
            let index = org.people.len();
            org.person_index
                .entry(person.id.to_string())
                .or_insert(index);
            for email in &person.emails {
                org.email_index
                    .entry(email.trim().to_lowercase())
                    .or_insert(index);
            }
            if let Some(login) = &person.github {
                org.github_index
                    .entry(login.trim().to_lowercase())
                    .or_insert(index);
            }
            org.people.push(person);
        }
        org
    }

    /// The person with `id`.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.person_index.get(id).and_then(|&i| self.people.get(i))
    }

    /// The department with `id`.
    pub fn department(&self, id: &str) -> Option<&Department> {
        self.department_index
            .get(id)
            .and_then(|&i| self.departments.get(i))
    }

    /// Whether a person reference is acceptable: it exists, or org.toml is unknown.
    pub fn has_person(&self, id: &str) -> bool {
        !self.known || self.person_index.contains_key(id)
    }

    /// Whether a department reference is acceptable.
    pub fn has_department(&self, id: &str) -> bool {
        !self.known || self.department_index.contains_key(id)
    }

    /// Every person id, for suggestions.
    pub fn person_ids(&self) -> impl Iterator<Item = &str> {
        self.people.iter().map(|p| p.id.as_str())
    }

    /// Every department id, for suggestions.
    pub fn department_ids(&self) -> impl Iterator<Item = &str> {
        self.departments.iter().map(|d| d.id.as_str())
    }

    /// The person whose `emails` include `email` (case-insensitive).
    pub fn person_by_email(&self, email: &str) -> Option<&Person> {
        self.email_index
            .get(&email.trim().to_lowercase())
            .and_then(|&i| self.people.get(i))
    }

    /// The person whose display name is `name` (the first, when two share
    /// it), for hints and for `--as 周杰` on the command line.
    pub fn person_by_name(&self, name: &str) -> Option<&Person> {
        let name = name.trim();
        self.people
            .iter()
            .find(|p| p.name.as_ref().is_some_and(|n| n.as_str() == name))
    }

    /// The person whose `github` login is `login` (case-insensitive).
    pub fn person_by_github(&self, login: &str) -> Option<&Person> {
        self.github_index
            .get(&login.trim().to_lowercase())
            .and_then(|&i| self.people.get(i))
    }

    /// A person's role (`editor` when not set).
    pub fn role_of(&self, person: &str) -> Role {
        self.person(person)
            .and_then(|p| p.role.as_ref())
            .map_or(Role::Editor, |r| *r.get())
    }

    /// The members of a department.
    pub fn members_of<'a>(&'a self, department: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.people
            .iter()
            .filter(move |p| {
                p.department
                    .as_ref()
                    .is_some_and(|d| d.as_str() == department)
            })
            .map(|p| p.id.as_str())
    }

    /// Whether `person` belongs to `department`.
    pub fn is_member(&self, person: &str, department: &str) -> bool {
        self.person(person)
            .and_then(|p| p.department.as_ref())
            .is_some_and(|d| d.as_str() == department)
    }

    /// The manager of a person, if set.
    pub fn manager_of(&self, person: &str) -> Option<&str> {
        self.person(person)?.manager.as_ref().map(|m| m.as_str())
    }

    /// The head of a department, if set.
    pub fn head_of(&self, department: &str) -> Option<&str> {
        self.department(department)?
            .head
            .as_ref()
            .map(|h| h.as_str())
    }
}
