//! History → [`Evidence`]: for each item, when each of its current states
//! began, and when each stated time was first recorded.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use git2::{Oid, Repository};
use rayon::prelude::*;

use super::{BlobRef, BodyCache, CommitChanges};
use crate::evidence::{Event, Evidence};
use crate::model::{ItemBody, RequestStatus, TaskStatus, item_times};

/// What derivation needs of one version of an item file: its facts and its
/// stated times. Much smaller than the parsed item, so the versions of a
/// long history can all be held at once.
#[derive(Debug, Default)]
pub(super) struct Summary {
    facts: Facts,
    /// Stated times: field path → value as written.
    times: Vec<(String, String)>,
}

impl Summary {
    fn of(body: &ItemBody) -> Summary {
        Summary {
            facts: facts(body),
            times: item_times(body)
                .into_iter()
                .map(|(field, value)| (field, value.get().to_string()))
                .collect(),
        }
    }
}

/// Whether a commit's time is no evidence: what the first commit of a
/// shallow clone holds, and what the commit that adopts baton (adds
/// `baton.toml`) imports, may be much older than the commit.
fn gives_no_evidence(entry: &CommitChanges) -> bool {
    entry.commit.boundary
        || entry
            .changes
            .iter()
            .any(|c| c.old.is_none() && c.new.as_ref().is_some_and(|n| n.path == "baton.toml"))
}

/// Reads and summarises, on every core, each blob of `history` (as of
/// `until`) not yet in
/// `cache` (one repository handle per thread: libgit2 handles are not
/// shared).
fn summarise(
    repo: &Repository,
    history: &[CommitChanges],
    until: DateTime<Utc>,
    cache: &mut BodyCache,
) {
    let happened = || history.iter().filter(|c| c.commit.time <= until);
    // How many commits touch each id: a file that a commit without evidence
    // (an adoption, a shallow boundary) adds and no other commit touches
    // leaves no evidence at all, so it need not be read. On adopting baton
    // in a big repository that is nearly every file.
    let mut touches: HashMap<&str, usize> = HashMap::new();
    for commit in happened() {
        let ids: HashSet<&str> = commit
            .changes
            .iter()
            .flat_map(|c| [&c.old, &c.new])
            .flatten()
            .map(BlobRef::id)
            .collect();
        for id in ids {
            *touches.entry(id).or_default() += 1;
        }
    }
    let mut wanted: Vec<&BlobRef> = Vec::new();
    let mut seen: HashSet<Oid> = HashSet::new();
    for commit in happened() {
        let silent = gives_no_evidence(commit);
        for change in &commit.changes {
            let Some(new) = &change.new else { continue };
            let alone = change.old.is_none() && touches.get(new.id()).is_some_and(|n| *n == 1);
            if silent && alone {
                continue;
            }
            if !cache.summaries.contains_key(&new.oid) && seen.insert(new.oid) {
                wanted.push(new);
            }
        }
    }
    let git_dir = repo.path();
    let summaries: Vec<(Oid, Option<Arc<Summary>>)> = wanted
        .into_par_iter()
        .map_init(
            || Repository::open(git_dir).ok(),
            |repo, blob| {
                let summary = repo.as_ref().and_then(|repo| {
                    let text = super::blob_text(repo, blob.oid)?;
                    let body = crate::load::parse_item_body(blob.kind, &text).0?;
                    Some(Arc::new(Summary::of(&body)))
                });
                (blob.oid, summary)
            },
        )
        .collect();
    cache.summaries.extend(summaries);
}

/// What is true of an item at one version.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Facts {
    states: HashSet<Event>,
    /// Changes whenever someone reports progress.
    progress: Option<String>,
}

fn facts(body: &ItemBody) -> Facts {
    let mut states = HashSet::new();
    let mut progress = None;
    match body {
        ItemBody::Task(task) => {
            let status = task.status();
            if status == TaskStatus::Blocked {
                states.insert(Event::Blocked);
                if task
                    .blocked
                    .as_ref()
                    .is_some_and(|b| b.escalated_to.is_some())
                {
                    states.insert(Event::Escalated);
                }
            }
            if status == TaskStatus::Delivered {
                states.insert(Event::Delivered);
            }
            if task.review.is_some() {
                states.insert(Event::Reviewed);
            }
            progress = Some(format!(
                "{}|{:?}|{}",
                status.as_str(),
                task.progress.as_ref().map(|p| p.get().0),
                task.update.len()
            ));
        }
        ItemBody::Request(request) => {
            if request.status() != RequestStatus::Draft {
                states.insert(Event::Submitted);
            }
            for response in &request.response {
                states.insert(Event::Response(response.department.to_string()));
            }
            if request.acceptance.is_some() {
                states.insert(Event::Reviewed);
            }
            if request.retrospective.is_some() {
                states.insert(Event::Retrospective);
            }
        }
        ItemBody::Change(cr) => {
            states.insert(Event::ChangeRequested);
            for approval in &cr.approval {
                states.insert(Event::Decided(approval.by.to_string()));
            }
        }
        ItemBody::Meeting(meeting) => {
            // The commit that adds a meeting is its notice: the repository
            // is where people learn of it.
            states.insert(Event::Notice);
            if !meeting.agenda.is_empty() {
                states.insert(Event::Agenda);
            }
            if let Some(minutes) = &meeting.minutes {
                states.insert(Event::MinutesPublished);
                for action in &minutes.action {
                    if action.confirmed_at.is_some() {
                        states.insert(Event::ActionConfirmed(action.title.to_string()));
                    }
                    if action.done_at.is_some() {
                        states.insert(Event::ActionDone(action.title.to_string()));
                    }
                }
            }
        }
        ItemBody::Complaint(complaint) => {
            states.insert(Event::ComplaintReceived);
            if complaint.response.is_some() {
                states.insert(Event::ComplaintResponded);
            }
            if complaint.resolution.is_some() {
                states.insert(Event::ComplaintResolved);
            }
            if complaint.follow_up.is_some() {
                states.insert(Event::FollowedUp);
            }
        }
        ItemBody::Agreement(agreement) => {
            for signature in &agreement.signature {
                let party = crate::model::party_name(*signature.party.get());
                states.insert(Event::Signed(party.to_string()));
            }
            if let Some(review) = &agreement.legal_review {
                states.insert(Event::LegalReviewRequested);
                if review.verdict.is_some() {
                    states.insert(Event::LegalReviewed);
                }
            }
        }
        ItemBody::Comm(comm) => {
            states.insert(Event::CommRecorded);
            for action in &comm.action {
                if action.done_at.is_some() {
                    states.insert(Event::ActionDone(action.title.to_string()));
                }
            }
        }
    }
    Facts { states, progress }
}

/// Walks `history` (oldest first) and derives the evidence as of `until`
/// (commits made later have not happened yet at that instant), with times
/// in `tz`.
pub fn derive_evidence(
    repo: &Repository,
    history: &[CommitChanges],
    until: DateTime<Utc>,
    tz: Tz,
    cache: &mut BodyCache,
) -> Evidence {
    let mut evidence = Evidence::none();
    summarise(repo, history, until, cache);
    let mut known: HashMap<String, Facts> = HashMap::new();
    for entry in history {
        let CommitChanges { commit, changes } = entry;
        if commit.time > until {
            continue;
        }
        let at = commit.time.with_timezone(&tz);
        let when = (!gives_no_evidence(entry)).then_some(at);
        for change in changes {
            apply(&mut evidence, &mut known, cache, change, (when, None));
        }
    }
    evidence
}

/// Applies one file change made at `when` (`None`: a time that is no
/// evidence) to `evidence`; `known` holds each item's facts so far;
/// `recorded` says when a stated time was recorded (by default `when`).
fn apply(
    evidence: &mut Evidence,
    known: &mut HashMap<String, Facts>,
    cache: &BodyCache,
    change: &super::PathChange,
    (when, recorded): (Option<DateTime<Tz>>, RecordedAt<'_>),
) {
    if let (Some(old), Some(new)) = (&change.old, &change.new)
        && old.id() != new.id()
    {
        evidence.rename(old.id(), new.id());
        if let Some(f) = known.remove(old.id()) {
            known.insert(new.id().to_string(), f);
        }
    }
    let Some(new) = &change.new else {
        if let Some(old) = &change.old {
            evidence.forget(old.id());
            known.remove(old.id());
        }
        return;
    };
    let Some(summary) = cache.summaries.get(&new.oid).cloned().flatten() else {
        return;
    };
    let id = new.id();
    let now = summary.facts.clone();
    let before = known.get(id).cloned().unwrap_or_default();
    for state in now.states.difference(&before.states) {
        match when {
            Some(t) => evidence.set(id, state.clone(), t),
            None => evidence.clear(id, state),
        }
    }
    for state in before.states.difference(&now.states) {
        evidence.clear(id, state);
    }
    if now.progress != before.progress {
        match when {
            Some(t) => evidence.set(id, Event::ProgressUpdated, t),
            None => evidence.clear(id, &Event::ProgressUpdated),
        }
    }
    for (field, value) in &summary.times {
        let at = match recorded {
            Some(recorded) => recorded(id, field).or(when),
            None => when,
        };
        evidence.note_value(id, field, value.clone(), at);
    }
    known.insert(id.to_string(), now);
}

/// When the stated time `field` of item `id` was recorded, where that is
/// known better than the change's own time.
pub type RecordedAt<'a> = Option<&'a dyn Fn(&str, &str) -> Option<DateTime<Tz>>>;

/// Applies what a pull request changes (`changes`, from the target to the
/// merge result) to the target's evidence, as happening at `now`: the
/// merge is what makes those states true (SPEC §6), whatever the pull
/// request's commits claim as their times. The facts of each item before
/// the change are those of its version on the target. `recorded` says
/// when each stated time was recorded, for G001.
pub fn apply_pending(
    repo: &Repository,
    evidence: &mut Evidence,
    changes: &[super::PathChange],
    (now, recorded): (DateTime<Tz>, RecordedAt<'_>),
    cache: &mut BodyCache,
) {
    let blobs: Vec<&BlobRef> = changes
        .iter()
        .flat_map(|c| [&c.old, &c.new])
        .flatten()
        .collect();
    summarise_blobs(repo, &blobs, cache);
    // Adopting baton imports items whose times nobody knows.
    let adoption = changes
        .iter()
        .any(|c| c.old.is_none() && c.new.as_ref().is_some_and(|n| n.path == "baton.toml"));
    let when = (!adoption).then_some(now);
    let mut known: HashMap<String, Facts> = HashMap::new();
    for change in changes {
        if let Some(old) = &change.old
            && let Some(summary) = cache.summaries.get(&old.oid).cloned().flatten()
        {
            known.insert(old.id().to_string(), summary.facts.clone());
            // An item the history walk never read (adopted and not touched
            // since) has stated times whose recording nobody knows.
            for (field, value) in &summary.times {
                if evidence.recorded(old.id(), field).is_none() {
                    evidence.note_value(old.id(), field, value.clone(), None);
                }
            }
        }
        apply(evidence, &mut known, cache, change, (when, recorded));
    }
}

/// Summarises `blobs` not yet summarised: those whose text `cache` holds
/// (merged contents) here, the others read from the repository.
fn summarise_blobs(repo: &Repository, blobs: &[&BlobRef], cache: &mut BodyCache) {
    let mut wanted: Vec<&BlobRef> = Vec::new();
    for blob in blobs {
        if cache.summaries.contains_key(&blob.oid) {
            continue;
        }
        if let Some(text) = cache.texts.get(&blob.oid).cloned() {
            let summary = crate::load::parse_item_body(blob.kind, &text)
                .0
                .map(|body| Arc::new(Summary::of(&body)));
            cache.summaries.insert(blob.oid, summary);
        } else {
            wanted.push(blob);
        }
    }
    let summaries: Vec<(Oid, Option<Arc<Summary>>)> = wanted
        .into_iter()
        .map(|blob| {
            let summary = super::blob_text(repo, blob.oid).and_then(|text| {
                let body = crate::load::parse_item_body(blob.kind, &text).0?;
                Some(Arc::new(Summary::of(&body)))
            });
            (blob.oid, summary)
        })
        .collect();
    cache.summaries.extend(summaries);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::first_parent_history;
    use crate::history::test_repo::commit_all;

    #[test]
    fn an_adoption_reads_only_what_later_commits_touch() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        let write = |path: &str, text: &str| {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("baton.toml", "[project]\nname = \"x\"\n");
        for id in ["T-1", "T-2", "T-3"] {
            write(
                &format!("tasks/{id}.toml"),
                "title = \"a\"\nstatus = \"todo\"\n",
            );
        }
        write("tasks/T-4.toml", "title = \"four\"\n");
        commit_all(&repo, 0);
        write("tasks/T-1.toml", "title = \"a\"\nstatus = \"blocked\"\n");
        let head = commit_all(&repo, 1);

        let history = first_parent_history(&repo, head, "").unwrap();
        let mut cache = BodyCache::default();
        let until = DateTime::<Utc>::MAX_UTC;
        let evidence = derive_evidence(&repo, &history, until, chrono_tz::UTC, &mut cache);
        // T-1 as adopted (the "before" of its change) and as changed; the
        // identical T-2 and T-3 share T-1's adopted blob; T-4 is not read.
        assert_eq!(cache.summaries.len(), 2);
        // The change after the adoption is evidence; the adoption is not.
        let blocked = evidence.get("T-1", &Event::Blocked).unwrap();
        assert_eq!(blocked.timestamp(), 1_700_000_001);
        assert_eq!(evidence.get("T-2", &Event::Blocked), None);
    }
}
