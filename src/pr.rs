//! Pull-request mode: check the base and the head revision at the same
//! instant and classify every finding as new, existing or fixed.
//!
//! SPEC §6: the head is judged by the base's policy (`baton.toml`,
//! `org.toml` and calendars), so a pull request cannot loosen the rules it
//! is judged by; findings are matched by fingerprint (rule, item, field,
//! key — never line numbers), as a multiset.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::cache::{EvidenceCache, ParseCache, git_cache};
use crate::check::{CheckError, Checked, check, resolve_now};
use crate::diag::{Change, Finding, Severity};
use crate::evidence::Evidence;
use crate::files::FileId;
use crate::git::{GitError, GitRepo, Revision};
use crate::history::{
    BodyCache, ChangeSet, PathChange, derive_evidence, first_parent_history_with,
    first_parent_prefix,
};
use crate::load::{LoadError, ParseMemo, load, load_cached, stem};
use crate::model::Project;
use crate::progress::Progress;
use crate::source::{GitSource, PolicyOverlay, is_policy};

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

/// The result of a pull-request check: the head's findings plus the base's
/// fixed ones, each with its [`Change`].
#[derive(Debug)]
pub struct PrChecked {
    /// The head project and every finding (fixed ones copied in with their
    /// base files).
    pub checked: Checked,
    /// The base revision.
    pub base: Revision,
    /// The head revision.
    pub head: Revision,
    /// The files the pull request changed.
    pub touched: Vec<Touched>,
    /// The policy files it changed (they take effect once merged).
    pub policy_changed: Vec<String>,
    /// The baton root relative to the repository root.
    pub root: String,
}

fn load_revision(
    source: &dyn crate::source::Source,
    revision: &Revision,
    progress: &dyn Progress,
    (memo, cache): (&mut ParseMemo, &ParseCache),
) -> Result<Project, PrError> {
    load_cached(source, progress, memo, cache).map_err(|error| PrError::Load {
        revision: format!("{} ({})", revision.name, revision.short()),
        error,
    })
}

/// Evidence for the head and for the base, from their first-parent
/// histories, as of `now`. When the base is on the head's first-parent
/// line (a branch from it), its history is a prefix of the head's and is
/// not walked again.
fn evidence_of_both(
    repo: &GitRepo,
    (base, head): (&Revision, &Revision),
    root: &str,
    now: DateTime<Utc>,
    (base_tz, head_tz): (Option<chrono_tz::Tz>, chrono_tz::Tz),
    (cache, stored): (&mut BodyCache, &EvidenceCache),
    progress: &dyn Progress,
) -> Result<(Evidence, Evidence), PrError> {
    let cached_head = stored.get(head.commit, root, head_tz, now);
    let cached_base = base_tz.map(|tz| stored.get(base.commit, root, tz, now));
    match (cached_head, cached_base) {
        (Some(head_evidence), None) => return Ok((head_evidence, Evidence::none())),
        (Some(head_evidence), Some(Some(base_evidence))) => {
            return Ok((head_evidence, base_evidence));
        }
        _ => {}
    }
    let history = first_parent_history_with(&repo.repo, head.commit, root, progress)?;
    let head_evidence = derive_evidence(&repo.repo, &history, now, head_tz, cache);
    stored.put((head.commit, root, head_tz), &history, now, &head_evidence);
    let Some(tz) = base_tz else {
        return Ok((head_evidence, Evidence::none()));
    };
    let base_evidence = match first_parent_prefix(&repo.repo, &history, head.commit, base.commit)? {
        Some(prefix) => {
            let base_history = &history[..prefix];
            let evidence = derive_evidence(&repo.repo, base_history, now, tz, cache);
            stored.put((base.commit, root, tz), base_history, now, &evidence);
            evidence
        }
        None => {
            let history = first_parent_history_with(&repo.repo, base.commit, root, progress)?;
            let evidence = derive_evidence(&repo.repo, &history, now, tz, cache);
            stored.put((base.commit, root, tz), &history, now, &evidence);
            evidence
        }
    };
    Ok((head_evidence, base_evidence))
}

/// What is kept of the base once it is checked: its findings, and its
/// files for the fixed ones to point into. Its items are dropped before the
/// head is loaded, so the two projects are never in memory together.
struct BaseResult {
    findings: Vec<Finding>,
    files: crate::files::Files,
}

/// Checks the pull request `base..head`.
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
    // The head shares most blobs with the base: each is parsed once.
    let mut memo = ParseMemo::recording();
    let cache = git_cache(repo.repo.path(), options.cache);
    let mut bodies = BodyCache::default();
    let stored = EvidenceCache::open(&repo.repo, options.history && options.cache);
    let mut changes = ChangeSet::compute(
        &repo.repo,
        base.commit,
        head.commit,
        &root,
        options.actor.clone(),
        &mut bodies,
    )?;

    // The base first: checked, then reduced to what the comparison needs.
    let mut base_result = None;
    let mut evidence = None;
    if let Some(base_source) = &base_source {
        let base_project = load_revision(base_source, base, progress, (&mut memo, &cache))?;
        let tz = base_project.settings.tz;
        let now = resolve_now(options.now.as_deref(), tz)?;
        // The head is judged by the base's policy: the same time zone.
        let (head_evidence, base_evidence) = if options.history {
            evidence_of_both(
                repo,
                (base, head),
                &root,
                now,
                (Some(tz), tz),
                (&mut bodies, &stored),
                progress,
            )?
        } else {
            (Evidence::none(), Evidence::none())
        };
        let base_checked = check(base_project, now, &base_evidence, None)?;
        changes.base_plan = base_checked.plan;
        base_result = Some(BaseResult {
            findings: base_checked.findings,
            files: base_checked.project.files,
        });
        evidence = Some(head_evidence);
    }
    memo.stop_recording();

    let mut head_project = match &base_source {
        Some(base_source) => load_revision(
            &PolicyOverlay {
                head: &head_source,
                base: base_source,
            },
            head,
            progress,
            (&mut memo, &cache),
        )?,
        None => load_revision(
            &head_source,
            head,
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
    let head_evidence = match evidence {
        Some(evidence) => evidence,
        None if options.history => {
            evidence_of_both(
                repo,
                (base, head),
                &root,
                now,
                (None, tz),
                (&mut bodies, &stored),
                progress,
            )?
            .0
        }
        None => Evidence::none(),
    };

    // Files the head no longer has, so findings about them can point there.
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
        report_broken_policy(&mut checked, &head_source);
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
    let _ = saving.join();
    Ok(PrChecked {
        checked,
        base: base.clone(),
        head: head.clone(),
        touched,
        policy_changed,
        root,
    })
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
    let mut base_counts: HashMap<String, usize> = HashMap::new();
    if let Some(base) = &base {
        for finding in &base.findings {
            *base_counts.entry(finding.fingerprint.clone()).or_default() += 1;
        }
    }
    for finding in &mut head.findings {
        let existing = base_counts
            .get_mut(&finding.fingerprint)
            .filter(|n| **n > 0);
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
        let Some(n) = base_counts
            .get_mut(&finding.fingerprint)
            .filter(|n| **n > 0)
        else {
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
        });
    }
}
