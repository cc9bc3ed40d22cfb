//! Status changes from git history: which commit moved which task or
//! request from one status to another, when, and by whom — what the weekly
//! report lists as done when the repository has history.

use chrono::DateTime;
use chrono_tz::Tz;
use git2::Repository;
use serde::Serialize;

use crate::audit::instant;
use crate::git::short_id;
use crate::history::{BodyCache, CommitChanges};
use crate::model::{ItemBody, Org};

/// One status change made by a commit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    /// The item (as named in that commit).
    pub item: String,
    /// The status before (`None`: the commit added the item).
    pub from: Option<String>,
    /// The status after.
    pub to: String,
    /// The commit time.
    #[serde(serialize_with = "instant")]
    pub at: DateTime<Tz>,
    /// The commit, abbreviated.
    pub commit: String,
    /// The author: a person id when their email is in org.toml, else their name.
    pub who: String,
}

fn status(body: &ItemBody) -> Option<String> {
    match body {
        ItemBody::Task(task) => Some(task.status().as_str().to_string()),
        ItemBody::Request(request) => Some(request.status().as_str().to_string()),
        ItemBody::Meeting(_)
        | ItemBody::Change(_)
        | ItemBody::Complaint(_)
        | ItemBody::Agreement(_)
        | ItemBody::Comm(_) => None,
    }
}

/// The status changes of commits made in `[from, to)`, oldest first.
/// Commits at the boundary of a shallow clone are left out: what they
/// hold was not necessarily done then.
pub fn status_changes(
    repo: &Repository,
    history: &[CommitChanges],
    from: DateTime<Tz>,
    to: DateTime<Tz>,
    org: &Org,
    cache: &mut BodyCache,
) -> Vec<StatusChange> {
    let mut out = Vec::new();
    for CommitChanges { commit, changes } in history {
        let at = commit.time.with_timezone(&from.timezone());
        if commit.boundary || at < from || at >= to {
            continue;
        }
        let who = org
            .person_by_email(&commit.author.email)
            .map_or_else(|| commit.author.name.clone(), |p| p.id.to_string());
        for change in changes {
            let Some(new) = &change.new else { continue };
            let Some(after) = cache.body(repo, new).as_deref().and_then(status) else {
                continue;
            };
            let before = change
                .old
                .as_ref()
                .and_then(|old| cache.body(repo, old))
                .as_deref()
                .and_then(status);
            if before.as_deref() == Some(after.as_str()) {
                continue;
            }
            out.push(StatusChange {
                item: new.id().to_string(),
                from: before,
                to: after,
                at,
                commit: short_id(commit.oid),
                who: who.clone(),
            });
        }
    }
    out
}
