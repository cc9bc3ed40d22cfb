//! O004 unauthorized-change.

use std::collections::HashSet;

use super::Context;
use crate::diag::{Diagnostic, Sink};
use crate::history::fields::{FieldChange, flatten};
use crate::history::{Author, FileFields};
use crate::load::stem;
use crate::messages::Msg;
use crate::model::{ItemBody, Org, Role};
use crate::source::is_policy;

declare_rule! {
    /// A field was changed by someone not entitled to change it.
    ///
    /// ## What it checks
    /// In a pull request (`--base`/`--head`), every field changed by every
    /// commit of `base..head`, judged against the commit's author (their
    /// email mapped to a person of `org.toml`), or against `--actor LOGIN`
    /// (a GitHub login mapped through `github`). As SPEC §6 says:
    /// - a task's `status`, `progress`, `update` log and `blocked` section:
    ///   its owner, the owner's manager, or the head of its lead department;
    /// - a task's `review`: its acceptor (or the contact of its request);
    /// - a request's `response` for a department: a member of that
    ///   department (or its head); its `acceptance`: the requester's contact
    ///   or the requesting department's head;
    /// - an action item's `confirmed_at`: the action's owner;
    /// - `baton.toml`, `org.toml` and calendars: an admin only;
    /// - anything: an `admin`; nothing: a `viewer`.
    ///
    /// Entitlements come from the item as it was before the commit, and
    /// people and roles from the base revision's `org.toml`, so a change
    /// cannot grant itself the right it uses. Authors that are not people of
    /// `org.toml` are reported too. Merge commits count only for what they
    /// change relative to every parent.
    ///
    /// ## Why
    /// Seed 003: roles decide who may edit (仅查看 / 可编辑 / 管理员); a
    /// status set by someone who does not own the task is a claim nobody is
    /// accountable for.
    ///
    /// ## Fires
    /// `zhao.liu` sets `status = "delivered"` on a task owned by `li.gong`.
    ///
    /// ## Does not fire
    /// `li.gong`, or his manager `chen.zong`, sets it.
    "O004", "unauthorized-change", Error
}

/// Who may change a field, when not everyone may.
fn entitled(cx: &Context<'_>, before: &ItemBody, change: &FieldChange) -> Option<Vec<String>> {
    let org = &cx.project.org;
    let mut people: Vec<String> = Vec::new();
    match before {
        ItemBody::Task(task) => match change.top() {
            "status" | "progress" | "update" | "blocked" => {
                for (owner, _) in task.owner_ids() {
                    people.push(owner.to_string());
                    people.extend(org.manager_of(owner).map(str::to_string));
                }
                people.extend(
                    task.lead
                        .as_ref()
                        .and_then(|l| org.head_of(l))
                        .map(str::to_string),
                );
            }
            "review" => {
                let request_contact = task
                    .request
                    .as_ref()
                    .and_then(|r| cx.project.request(r))
                    .and_then(|r| r.from.contact.as_ref())
                    .map(|c| c.to_string());
                people.extend(
                    task.acceptor
                        .as_ref()
                        .map(|a| a.to_string())
                        .or(request_contact),
                );
            }
            _ => return None,
        },
        ItemBody::Request(request) => match change.top() {
            "response" => {
                let department = element_key(&change.field)?;
                org.department(&department)?;
                people.extend(org.members_of(&department).map(str::to_string));
                people.extend(org.head_of(&department).map(str::to_string));
            }
            "acceptance" => {
                people.extend(request.from.contact.as_ref().map(|c| c.to_string()));
                people.extend(org.head_of(&request.from.department).map(str::to_string));
            }
            _ => return None,
        },
        ItemBody::Meeting(meeting) => {
            let action = change.field.strip_prefix("minutes.action[")?;
            if !change.field.ends_with(".confirmed_at") {
                return None;
            }
            let title = action.split(']').next()?;
            let owner = meeting
                .minutes
                .as_ref()?
                .action
                .iter()
                .find(|a| a.title.as_str() == title)?
                .owner
                .as_ref()?;
            people.push(owner.to_string());
        }
    }
    people.sort();
    people.dedup();
    (!people.is_empty()).then_some(people)
}

/// `rnd` of `response[rnd].decision`.
fn element_key(field: &str) -> Option<String> {
    let open = field.find('[')?;
    let close = field[open..].find(']')? + open;
    Some(field[open + 1..close].to_string())
}

/// The person a commit acts as: `--actor` when given, else its author.
fn person<'o>(org: &'o Org, author: &Author, actor: Option<&str>) -> Option<&'o str> {
    let person = match actor {
        Some(login) => org.person_by_github(login),
        None => org.person_by_email(&author.email),
    };
    person.map(|p| p.id.as_str())
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let Some(changes) = cx.changes else { return };
    let org = &cx.project.org;
    if !org.known {
        return;
    }
    let mut reported: HashSet<(String, String, String)> = HashSet::new();
    for commit in &changes.commits {
        let short = crate::git::short_id(commit.commit.oid);
        let who = person(org, &commit.commit.author, changes.actor.as_deref());
        for file in &commit.files {
            let Some(file_id) = cx.project.files.find(&file.path) else {
                continue;
            };
            let item = (!is_policy(file.kind)).then(|| stem(&file.path).to_string());
            let fields = flatten(cx.project.files.text(file_id)).unwrap_or_default();
            let span_of = |field: &str| fields.get(field).map(|f| f.span.clone());
            let mut emit = |field: &str, key: &str, message: Msg, hint: Option<Msg>| {
                if reported.insert((file.path.clone(), field.to_string(), key.to_string())) {
                    out.emit(
                        Diagnostic::new(item.as_deref(), file_id, span_of(field), field, message)
                            .key(key)
                            .maybe_hint(hint),
                    );
                }
            };
            let Some(who) = who else {
                let author = match changes.actor.as_deref() {
                    Some(login) => format!("GitHub user `{login}`"),
                    None => commit.commit.author.to_string(),
                };
                let first = file.fields.first().map_or("", |f| f.field.as_str());
                let message = Msg::UnknownAuthor {
                    author: author.clone(),
                    commit: short.clone(),
                };
                emit(first, &author, message, Some(Msg::UnknownAuthorHint));
                continue;
            };
            match org.role_of(who) {
                Role::Admin => continue,
                Role::Viewer => {
                    for field in changed_fields(file) {
                        let message = Msg::ViewerChange {
                            field: field.clone(),
                            who: who.to_string(),
                            commit: short.clone(),
                        };
                        emit(&field, who, message, None);
                    }
                    continue;
                }
                Role::Editor => {}
            }
            if is_policy(file.kind) {
                let message = Msg::PolicyChange {
                    file: file.path.clone(),
                    who: who.to_string(),
                    commit: short.clone(),
                };
                emit("", who, message, None);
                continue;
            }
            let Some(before) = &file.before else { continue };
            for change in &file.fields {
                let Some(allowed) = entitled(cx, before, change) else {
                    continue;
                };
                if allowed.iter().any(|p| p == who) {
                    continue;
                }
                let message = Msg::UnauthorizedChange {
                    field: change.field.clone(),
                    who: who.to_string(),
                    allowed,
                    commit: short.clone(),
                };
                emit(&change.field, who, message, None);
            }
        }
    }
}

/// The fields a commit changed in a file, or the file itself when created
/// or deleted.
fn changed_fields(file: &FileFields) -> Vec<String> {
    if file.created || file.deleted || file.fields.is_empty() {
        return vec![String::new()];
    }
    file.fields.iter().map(|f| f.field.clone()).collect()
}

// Firing needs git history, tested in tests/git.rs:
// fires: tests/git.rs::o004_fires_on_a_status_changed_by_a_non_owner
// fires: tests/git.rs::o004_fires_on_unknown_authors_viewers_and_policy_changes
#[cfg(test)]
mod tests {
    use super::element_key;

    #[test]
    fn element_keys_name_the_department_of_a_response() {
        assert_eq!(
            element_key("response[rnd].decision").as_deref(),
            Some("rnd")
        );
        assert_eq!(element_key("status"), None);
    }

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
