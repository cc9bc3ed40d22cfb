//! Pull-request mode: judge the pull request's own changes (SPEC §6).
//!
//! The target branch is checked against the merge result (the target with
//! the head merged, as the forge's test merge), at the same instant, and
//! every finding is classified new, existing or fixed; nothing the target
//! changed after the branch point is new, fixed or attributed to the pull
//! request. When the merge conflicts, the merge base is checked against
//! the head instead. Both sides are judged by the target's policy
//! (`baton.toml`, `org.toml` and calendars), so a pull request cannot
//! loosen the rules it is judged by; findings are matched by fingerprint
//! (rule, item, field, key — never line numbers), as a multiset.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::cache::{EvidenceCache, ParseCache, git_cache};
use crate::check::{CheckError, Checked, check, resolve_now};
use crate::diag::{Change, Finding, Severity};
use crate::evidence::Evidence;
use crate::files::FileId;
use crate::git::{GitError, GitRepo, Revision};
use crate::history::{
    BodyCache, ChangeSet, ChangeSources, PathChange, apply_pending, derive_evidence,
    first_parent_history_with,
};
use crate::load::{LoadError, ParseMemo, load, load_cached, stem};
use git2::Oid;

mod pair;

use crate::model::Project;
use crate::progress::Progress;
use crate::source::{GitSource, PolicyOverlay, is_policy};
pub use pair::{Judged, Pair, by_id};

/// Why a pull-request check could not run.
#[derive(Debug, thiserror::Error)]
pub enum PrError {
    /// A revision or object could not be read.
    #[error(transparent)]
    Git(#[from] GitError),
    /// A revision's files could not be loaded.
    #[error("{revision}: {error}")]
    Load {
        /// Which revision.
        revision: String,
        /// Why.
        error: LoadError,
    },
    /// The check could not run.
    #[error(transparent)]
    Check(#[from] CheckError),
}

/// How a file changed between base and head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Touch {
    /// New in the head.
    Added,
    /// Changed.
    Modified,
    /// Gone from the head.
    Deleted,
    /// Moved from this path.
    Renamed(String),
}

/// A file the pull request changed.
#[derive(Debug, Clone)]
pub struct Touched {
    /// The item id, for item files.
    pub id: Option<String>,
    /// The path (at the head; at the base when deleted).
    pub path: String,
    /// How it changed.
    pub touch: Touch,
}

/// Options of a pull-request check.
#[derive(Debug, Default)]
pub struct PrOptions {
    /// `--now`.
    pub now: Option<String>,
    /// `--actor`: judge every change as made by this GitHub login.
    pub actor: Option<String>,
    /// Use git history as evidence (default true).
    pub history: bool,
    /// Use the parse cache (default true).
    pub cache: bool,
}

/// A change of schedule, scope or assignment that an approved change
/// request authorised.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ApprovedChange {
    /// The item.
    pub item: String,
    /// The field.
    pub field: String,
    /// The value before.
    pub from: Option<String>,
    /// The value after.
    pub to: Option<String>,
    /// The change request.
    pub by: String,
}

/// The result of a pull-request check: the merge result's findings plus
/// the target's fixed ones, each with its [`Change`].
#[derive(Debug)]
pub struct PrChecked {
    /// The merge result's project and every finding (fixed ones copied in
    /// with their base files).
    pub checked: Checked,
    /// The base revision (the target branch).
    pub base: Revision,
    /// The head revision.
    pub head: Revision,
    /// What was compared with what.
    pub judged: Judged,
    /// The merge base of base and head.
    pub merge_base: Option<Oid>,
    /// Changes approved by change requests.
    pub approved: Vec<ApprovedChange>,
    /// Changes nobody known made (a shallow clone's boundary).
    pub unattributed: Vec<String>,
    /// The files the pull request changed.
    pub touched: Vec<Touched>,
    /// The policy files it changed (they take effect once merged).
    pub policy_changed: Vec<String>,
    /// The baton root relative to the repository root.
    pub root: String,
}

fn load_revision(
    source: &dyn crate::source::Source,
    revision: &str,
    progress: &dyn Progress,
    (memo, cache): (&mut ParseMemo, &ParseCache),
) -> Result<Project, PrError> {
    load_cached(source, progress, memo, cache).map_err(|error| PrError::Load {
        revision: revision.to_string(),
        error,
    })
}

/// The evidence of `commit`'s first-parent history as of `now`, from the
/// evidence cache when it holds it.
fn evidence_of(
    repo: &GitRepo,
    commit: Oid,
    root: &str,
    (now, tz): (DateTime<Utc>, chrono_tz::Tz),
    (cache, stored): (&mut BodyCache, &EvidenceCache),
    progress: &dyn Progress,
) -> Result<Evidence, PrError> {
    if let Some(evidence) = stored.get(commit, root, tz, now) {
        return Ok(evidence);
    }
    let history = first_parent_history_with(&repo.repo, commit, root, progress)?;
    let evidence = derive_evidence(&repo.repo, &history, now, tz, cache);
    stored.put((commit, root, tz), &history, now, &evidence);
    Ok(evidence)
}

/// What is kept of the base once it is checked: its findings, and its
/// files for the fixed ones to point into. Its items are dropped before the
/// head is loaded, so the two projects are never in memory together.
struct BaseResult {
    findings: Vec<Finding>,
    files: crate::files::Files,
}

/// Checks the pull request `base..head`: the target branch `base` against
/// the merge result (SPEC §6).
pub fn check_pr(
    repo: &GitRepo,
    base: &Revision,
    head: &Revision,
    options: &PrOptions,
    progress: &dyn Progress,
) -> Result<PrChecked, PrError> {
    let root = repo.baton_root(head)?;
    let head_source = GitSource::with_root(repo, head, &root)?;
    // A base without baton (the pull request that introduces it) has no
    // policy and no findings: the head is judged by its own files.
    let base_source = match repo.baton_root(base) {
        Ok(base_root) if base_root == root => Some(GitSource::with_root(repo, base, &root)?),
        _ => None,
    };
    let mut bodies = BodyCache::default();
    let stage = crate::timing::stage("pull request: merge result and changes");
    let (pair, old_source, new_source) = match &base_source {
        Some(base_source) => {
            let pair = pair::pair(
                &repo.repo,
                (base.commit, head.commit),
                &root,
                base_source.files(),
            )?;
            for (oid, bytes) in &pair.inline {
                bodies.insert_text(*oid, String::from_utf8_lossy(bytes).into());
            }
            let old_source = match &pair.judged {
                Judged::Conflict { .. } => Some(GitSource::with_root(
                    repo,
                    &Revision {
                        commit: pair.old,
                        name: "merge base".into(),
                    },
                    &root,
                )?),
                _ => None,
            };
            let new_source = match &pair.judged {
                Judged::Merge => Some(GitSource::from_files(
                    base_source,
                    format!(
                        "{} merged into {} ({} + {})",
                        head.name,
                        base.name,
                        base.short(),
                        head.short()
                    ),
                    pair.new_files.clone(),
                    pair.inline.clone(),
                )),
                _ => None,
            };
            (Some(pair), old_source, new_source)
        }
        None => (None, None, None),
    };
    let touched_paths = match &pair {
        Some(pair) => pair.changes.clone(),
        None => pair::by_id(crate::history::changes_between(
            &repo.repo,
            Some(base.commit),
            head.commit,
            &root,
        )?),
    };
    let mut changes = ChangeSet::compute(
        &repo.repo,
        &ChangeSources {
            target: base.commit,
            head: head.commit,
            merge_base: pair.as_ref().and_then(|p| p.merge_base),
            root: &root,
            touched: &touched_paths,
        },
        options.actor.clone(),
        &mut bodies,
    )?;

    drop(stage);
    // The head shares most blobs with the base: each is parsed once.
    let mut memo = ParseMemo::recording();
    let cache = git_cache(repo.repo.path(), options.cache);
    let stored = EvidenceCache::open(&repo.repo, options.history && options.cache);

    // The "before" side first: checked, then reduced to what the
    // comparison needs.
    let mut base_result = None;
    let mut new_evidence = None;
    if let (Some(base_source), Some(pair)) = (&base_source, &pair) {
        let old_name = match &old_source {
            Some(_) => format!("merge base ({})", crate::git::short_id(pair.old)),
            None => format!("{} ({})", base.name, base.short()),
        };
        let old_project = match &old_source {
            Some(old) => load_revision(
                &PolicyOverlay {
                    head: old,
                    base: base_source,
                },
                &old_name,
                progress,
                (&mut memo, &cache),
            )?,
            None => load_revision(base_source, &old_name, progress, (&mut memo, &cache))?,
        };
        let tz = old_project.settings.tz;
        let now = resolve_now(options.now.as_deref(), tz)?;
        let mut evidence = if options.history {
            evidence_of(
                repo,
                pair.old,
                &root,
                (now, tz),
                (&mut bodies, &stored),
                progress,
            )?
        } else {
            Evidence::none()
        };
        let old_checked = check(old_project, now, &evidence, None)?;
        changes.base_plan = old_checked.plan;
        base_result = Some(BaseResult {
            findings: old_checked.findings,
            files: old_checked.project.files,
        });
        if options.history {
            // What the pull request makes true happens when it merges; a
            // stated time counts as recorded when the pull request's
            // commit says, but never before the branch point nor after now.
            let now_tz = now.with_timezone(&tz);
            let fork = commit_time(&repo.repo, pair.merge_base.unwrap_or(pair.old))
                .map(|t| t.with_timezone(&tz));
            let recorded = |id: &str, field: &str| -> Option<DateTime<chrono_tz::Tz>> {
                let item = changes.items.iter().find(|i| i.id == id)?;
                let unit = item.units.iter().find(|u| u.unit.contains(field))?;
                let crate::history::Attribution::Commit(commit) = &unit.by else {
                    return None;
                };
                let claimed = commit.time.with_timezone(&tz).min(now_tz);
                Some(match fork {
                    Some(fork) => claimed.max(fork),
                    None => claimed,
                })
            };
            apply_pending(
                &repo.repo,
                &mut evidence,
                &pair.changes,
                (now_tz, Some(&recorded)),
                &mut bodies,
            );
        }
        new_evidence = Some(evidence);
    }
    memo.stop_recording();

    let new_name = format!("{} ({})", head.name, head.short());
    let items_source: &GitSource = new_source.as_ref().unwrap_or(&head_source);
    let mut head_project = match &base_source {
        Some(base_source) => load_revision(
            &PolicyOverlay {
                head: items_source,
                base: base_source,
            },
            &new_name,
            progress,
            (&mut memo, &cache),
        )?,
        None => load_revision(
            &head_source,
            &new_name,
            progress,
            (&mut ParseMemo::default(), &cache),
        )?,
    };
    drop(memo);
    // Written while the rest of the check runs.
    let saving = std::thread::spawn(move || {
        let _ = cache.save();
    });

    let tz = head_project.settings.tz;
    let now: DateTime<Utc> = resolve_now(options.now.as_deref(), tz)?;
    // A pull request that introduces baton: nothing it records has a time
    // yet (its commits' times are its author's claims).
    let head_evidence = new_evidence.unwrap_or_else(Evidence::none);

    // Two branches that each created an item with the same id (both ran
    // `baton new` from the same last id) meet here as an add/add conflict:
    // the merge result would hold one id twice, which is S003.
    for path in pair.iter().flat_map(|p| &p.added_on_both) {
        if let Some(file) = head_project.files.find(path) {
            let id = stem(path).to_string();
            head_project.problems.push(crate::model::LoadProblem {
                code: "S003",
                diagnostic: crate::diag::Diagnostic::new(
                    Some(&id),
                    file,
                    None,
                    "",
                    crate::messages::Msg::DuplicateId {
                        id: id.clone(),
                        first: format!("{path} on {} ({})", base.name, base.short()),
                    },
                )
                .key(path)
                .maybe_hint(Some(crate::messages::Msg::Edit(
                    crate::messages::EditMsg::IdRace,
                ))),
            });
        }
    }

    // Files the merge result no longer has, so findings about them can
    // point there.
    for change in &changes.touched {
        if let (Some(old), None) = (&change.old, &change.new)
            && let Some(text) = bodies.text(&repo.repo, old.oid)
        {
            head_project.files.add(old.path.clone(), text.to_string());
        }
    }

    let mut checked = check(head_project, now, &head_evidence, Some(&changes))?;
    classify(&mut checked, base_result);
    if base_source.is_some()
        && changes
            .touched
            .iter()
            .any(|c| c.new.as_ref().is_some_and(|n| is_policy(n.kind)))
    {
        report_broken_policy(&mut checked, items_source);
    }

    let touched = changes
        .touched
        .iter()
        .filter_map(touched)
        .collect::<Vec<_>>();
    let policy_changed = touched
        .iter()
        .filter(|t| t.id.is_none())
        .map(|t| t.path.clone())
        .collect();
    let approved = approved_changes(&checked.project, &changes);
    let unattributed = crate::authority::review::unattributed(&changes);
    let _ = saving.join();
    Ok(PrChecked {
        checked,
        base: base.clone(),
        head: head.clone(),
        judged: pair.as_ref().map_or(Judged::Merge, |p| p.judged.clone()),
        merge_base: pair.as_ref().and_then(|p| p.merge_base),
        touched,
        policy_changed,
        approved,
        unattributed,
        root,
    })
}

/// When a commit was committed.
fn commit_time(repo: &git2::Repository, oid: Oid) -> Option<DateTime<Utc>> {
    let commit = repo.find_commit(oid).ok()?;
    Some(crate::git::commit_time(commit.committer().when()))
}

/// The schedule, scope and assignment changes an approved change request
/// authorised.
fn approved_changes(project: &Project, changes: &ChangeSet) -> Vec<ApprovedChange> {
    use crate::authority::Verdict;
    crate::authority::review::review(project, changes)
        .into_iter()
        .filter_map(|j| match (&j.verdict, j.item, j.unit) {
            (Verdict::Approved { by }, Some(item), Some(unit)) => Some(ApprovedChange {
                item: item.id.clone(),
                field: unit.unit.path.clone(),
                from: unit.old.clone(),
                to: unit.new.clone(),
                by: by.clone(),
            }),
            _ => None,
        })
        .collect()
}

fn touched(change: &PathChange) -> Option<Touched> {
    let (blob, touch) = match (&change.old, &change.new) {
        (None, Some(new)) => (new, Touch::Added),
        (Some(old), None) => (old, Touch::Deleted),
        (Some(old), Some(new)) if old.path != new.path => (new, Touch::Renamed(old.path.clone())),
        (Some(_), Some(new)) => (new, Touch::Modified),
        (None, None) => return None,
    };
    Some(Touched {
        id: (!is_policy(blob.kind)).then(|| stem(&blob.path).to_string()),
        path: blob.path.clone(),
        touch,
    })
}

/// Labels the head's findings new or existing, and appends the base's
/// unmatched findings as fixed (with their base files copied in).
fn classify(head: &mut Checked, base: Option<BaseResult>) {
    // A breach that closed (the act landed, late) is the open one fixed
    // and a closed one new: matched by fingerprint and state.
    let key = |f: &Finding| (f.fingerprint.clone(), f.diagnostic.closed);
    let mut base_counts: HashMap<(String, bool), usize> = HashMap::new();
    if let Some(base) = &base {
        for finding in &base.findings {
            *base_counts.entry(key(finding)).or_default() += 1;
        }
    }
    for finding in &mut head.findings {
        let existing = base_counts.get_mut(&key(finding)).filter(|n| **n > 0);
        finding.change = Some(match existing {
            Some(n) => {
                *n -= 1;
                Change::Existing
            }
            None => Change::New,
        });
    }
    let Some(base) = base else { return };
    let mut copied: HashMap<FileId, FileId> = HashMap::new();
    let mut fixed: Vec<Finding> = Vec::new();
    for mut finding in base.findings {
        let Some(n) = base_counts.get_mut(&key(&finding)).filter(|n| **n > 0) else {
            continue;
        };
        *n -= 1;
        let base_file = finding.diagnostic.file;
        let file = *copied.entry(base_file).or_insert_with(|| {
            head.project
                .files
                .add(base.files.path(base_file), base.files.text(base_file))
        });
        finding.diagnostic.file = file;
        for related in &mut finding.diagnostic.related {
            let original = related.file;
            related.file = *copied.entry(original).or_insert_with(|| {
                head.project
                    .files
                    .add(base.files.path(original), base.files.text(original))
            });
        }
        finding.change = Some(Change::Fixed);
        fixed.push(finding);
    }
    head.findings.extend(fixed);
}

impl PrChecked {
    /// Whether the check fails: any new error (`fail_on_all`: any error in
    /// the head).
    pub fn fails(&self, fail_on_all: bool) -> bool {
        self.checked.findings.iter().any(|f| {
            f.severity == Severity::Error
                && match f.change {
                    Some(Change::New) => true,
                    Some(Change::Existing) => fail_on_all,
                    _ => false,
                }
        })
    }
}

/// The head is judged by the base's policy; when the pull request's own
/// `baton.toml`, `org.toml` or calendars would not load, every check after
/// the merge would fail: report that as new S002 findings on those files.
fn report_broken_policy(checked: &mut Checked, head: &dyn crate::source::Source) {
    let Err(LoadError::Config(errors)) = load(head) else {
        return;
    };
    let Some(rule) = crate::rules::find("S002") else {
        return;
    };
    let levels = crate::check::levels(&checked.project).unwrap_or_default();
    let Some(severity) = levels.severity(rule.code, rule.default) else {
        return;
    };
    let mut copied: HashMap<FileId, FileId> = HashMap::new();
    for mut diagnostic in errors.diagnostics {
        let file = *copied.entry(diagnostic.file).or_insert_with(|| {
            checked.project.files.add(
                errors.files.path(diagnostic.file),
                errors.files.text(diagnostic.file),
            )
        });
        diagnostic.file = file;
        let subject = checked.project.files.path(file).to_string();
        let fingerprint =
            crate::diag::fingerprint(rule.code, &subject, &diagnostic.field, "policy");
        checked.findings.push(Finding {
            code: rule.code,
            name: rule.name,
            severity,
            diagnostic,
            fingerprint,
            change: Some(Change::New),
            waived: None,
        });
    }
}
