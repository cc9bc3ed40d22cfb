//! `baton check`: the working tree, a revision, or a pull request.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use clap::{Args, ValueEnum};

use super::progress::Bar;
use super::{ColorChoice, Outcome, fail, output, parse_lang};
use crate::cache::{EvidenceCache, ParseCache, git_cache, worktree_cache};
use crate::check::baseline::{Applied, Baseline};
use crate::check::{CheckError, Checked, check, resolve_now};
use crate::evidence::Evidence;
use crate::git::{GitError, GitRepo};
use crate::load::{LoadError, ParseMemo, load_cached};
use crate::messages::{BaselineMsg, Lang, Msg};
use crate::model::Project;
use crate::pr::{PrChecked, PrError, PrOptions, check_pr};
use crate::progress::Progress;
use crate::report::{self, Links, ReportDoc, markdown};
use crate::source::{GitSource, WorktreeSource, find_root};

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable, with source snippets.
    Text,
    /// Machine-readable (SPEC §7).
    Json,
    /// The pull-request comment (GitHub Markdown).
    Markdown,
    /// GitHub Actions workflow commands: annotations on the changed lines.
    Github,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitLab's Code Quality report, for the merge-request widget.
    Codequality,
}

/// Which errors fail the check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Only errors the change introduced (the default with --base/--head).
    New,
    /// Every error.
    All,
}

/// Arguments of `baton check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The baton repository (a folder with baton.toml, or below one).
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Evaluate at this time (RFC 3339, e.g. 2026-07-07T10:00:00+08:00) instead of the clock.
    #[arg(long, env = "BATON_NOW")]
    pub now: Option<String>,
    /// Check this git revision, read from the object database (no checkout).
    #[arg(long, conflicts_with_all = ["base", "head"])]
    pub rev: Option<String>,
    /// Pull-request mode: the base revision; findings are new, existing or fixed.
    #[arg(long, requires = "head")]
    pub base: Option<String>,
    /// Pull-request mode: the head revision.
    #[arg(long, requires = "base")]
    pub head: Option<String>,
    /// Which errors fail the check: `new` (default with --base/--head) or `all`.
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Pull-request mode: judge every change as made by this GitHub login
    /// (mapped through `github` in org.toml) instead of commit authors.
    #[arg(long, requires = "base")]
    pub actor: Option<String>,
    /// Report only findings this baseline does not record (and the
    /// recorded ones that no longer occur).
    #[arg(long, value_name = "FILE", conflicts_with = "base")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file; with
    /// `--baseline` (the same file), keep only recorded ones still found.
    #[arg(long, value_name = "FILE", conflicts_with = "base")]
    pub write_baseline: Option<PathBuf>,
    /// Do not use git history as evidence for times the files do not state.
    #[arg(long)]
    pub no_history: bool,
    /// Neither read nor write the parse cache (also: BATON_NO_CACHE=1).
    #[arg(long)]
    pub no_cache: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the report to this file (atomically) instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Message language (default: project.locale): en or zh-CN.
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// When to use colors.
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Prints why a check could not run; exit code 2.
fn failed(error: Failure, args: &CheckArgs) -> Outcome {
    match error {
        Failure::Load(LoadError::Config(errors))
        | Failure::Pr(PrError::Load {
            error: LoadError::Config(errors),
            ..
        }) => super::project::config_failed(
            (&errors.files, &errors.diagnostics),
            args.color,
            args.lang,
        ),
        Failure::Check(CheckError::Rules(errors))
        | Failure::Pr(PrError::Check(CheckError::Rules(errors))) => super::project::config_failed(
            (&errors.files, &errors.diagnostics),
            args.color,
            args.lang,
        ),
        Failure::Load(e) => fail(e),
        Failure::Check(e) => fail(e),
        Failure::Pr(e) => fail(e),
        Failure::Git(e) => fail(e),
        Failure::Source(e) => fail(e),
    }
}

/// Everything that stops a check.
enum Failure {
    Source(crate::source::SourceError),
    Load(LoadError),
    Check(CheckError),
    Git(GitError),
    Pr(PrError),
}

/// Evidence from the history of the commit checked out in the working tree
/// at `root`, when it is a git repository with commits (through the
/// evidence cache when `cache` is true).
pub(crate) fn worktree_evidence(
    root: &Path,
    now: DateTime<Utc>,
    project: &Project,
    progress: &dyn Progress,
    cache: bool,
) -> Evidence {
    let Ok(repo) = GitRepo::discover(root) else {
        return Evidence::none();
    };
    let Ok(head) = repo.resolve("HEAD") else {
        return Evidence::none();
    };
    let tz = project.settings.tz;
    EvidenceCache::open(&repo.repo, cache)
        .evidence_of(&repo.repo, (head.commit, &repo.start, tz), now, progress)
        .unwrap_or_else(|_| Evidence::none())
}

/// Writes the parse cache while the rules run; joined before the command ends.
pub(crate) fn save_in_background(cache: ParseCache) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        // A cache that cannot be written only costs the next run a parse.
        let _ = cache.save();
    })
}

fn run_single(args: &CheckArgs, progress: &dyn Progress) -> Result<Checked, Failure> {
    let mut saving = None;
    let checked = check_single(args, progress, &mut saving);
    if let Some(saving) = saving {
        let _ = saving.join();
    }
    checked
}

fn check_single(
    args: &CheckArgs,
    progress: &dyn Progress,
    saving: &mut Option<std::thread::JoinHandle<()>>,
) -> Result<Checked, Failure> {
    let (project, now, evidence) = match &args.rev {
        Some(rev) => {
            let repo = GitRepo::discover(&args.path).map_err(Failure::Git)?;
            let revision = repo.resolve(rev).map_err(Failure::Git)?;
            let root = repo.baton_root(&revision).map_err(Failure::Git)?;
            let source = GitSource::with_root(&repo, &revision, &root).map_err(Failure::Git)?;
            let cache = git_cache(repo.repo.path(), !args.no_cache);
            let project = load_cached(&source, progress, &mut ParseMemo::default(), &cache)
                .map_err(Failure::Load)?;
            *saving = Some(save_in_background(cache));
            let now =
                resolve_now(args.now.as_deref(), project.settings.tz).map_err(Failure::Check)?;
            let evidence = if args.no_history {
                Evidence::none()
            } else {
                let tz = project.settings.tz;
                EvidenceCache::open(&repo.repo, !args.no_cache)
                    .evidence_of(&repo.repo, (revision.commit, &root, tz), now, progress)
                    .map_err(Failure::Git)?
            };
            (project, now, evidence)
        }
        None => {
            let root = find_root(&args.path).map_err(Failure::Source)?;
            let cache = worktree_cache(&root, !args.no_cache);
            let project = load_cached(
                &WorktreeSource::new(&root),
                progress,
                &mut ParseMemo::default(),
                &cache,
            )
            .map_err(Failure::Load)?;
            *saving = Some(save_in_background(cache));
            let now =
                resolve_now(args.now.as_deref(), project.settings.tz).map_err(Failure::Check)?;
            let evidence = if args.no_history {
                Evidence::none()
            } else {
                worktree_evidence(&root, now, &project, progress, !args.no_cache)
            };
            (project, now, evidence)
        }
    };
    check(project, now, &evidence, None).map_err(Failure::Check)
}

fn run_pr(
    args: &CheckArgs,
    base: &str,
    head: &str,
    progress: &dyn Progress,
) -> Result<PrChecked, Failure> {
    let repo = GitRepo::discover(&args.path).map_err(Failure::Git)?;
    let base = repo.resolve(base).map_err(Failure::Git)?;
    let head = repo.resolve(head).map_err(Failure::Git)?;
    let options = PrOptions {
        now: args.now.clone(),
        actor: args.actor.clone(),
        history: !args.no_history,
        cache: !args.no_cache,
    };
    check_pr(&repo, &base, &head, &options, progress).map_err(Failure::Pr)
}

/// A finished check of either kind.
// One per run, moved once: boxing would only add an allocation.
#[allow(clippy::large_enum_variant)]
enum Done {
    Single(Checked, Option<String>),
    Pr(PrChecked),
}

/// Links to files at a commit, from the GitHub Actions environment; none
/// when a value could not stand in a link (they end up in Markdown).
pub(crate) fn links_from_env(sha: Option<&str>) -> Option<Links> {
    use crate::publish::{valid_base_url, valid_repository, valid_sha};
    let repository = std::env::var("GITHUB_REPOSITORY").ok().filter(|r| {
        r.split_once('/')
            .is_some_and(|(o, n)| valid_repository(o, n))
    })?;
    let server = std::env::var("GITHUB_SERVER_URL").unwrap_or_else(|_| "https://github.com".into());
    if !valid_base_url(&server) {
        return None;
    }
    let sha = sha
        .map(str::to_string)
        .or_else(|| std::env::var("GITHUB_SHA").ok())
        .filter(|s| valid_sha(s))?;
    Some(Links {
        blob_url: format!("{}/{repository}/blob", server.trim_end_matches('/')),
        sha,
    })
}

/// The job summary file, when running in GitHub Actions.
fn job_summary_path() -> Option<std::ffi::OsString> {
    std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty())
}

/// Appends `markdown` to the job summary when running in GitHub Actions.
pub(crate) fn write_job_summary(markdown: &str) {
    let Some(path) = job_summary_path() else {
        return;
    };
    let written = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
        .and_then(|mut file| {
            std::io::Write::write_all(&mut file, format!("{markdown}\n").as_bytes())
        });
    if let Err(e) = written {
        say!("warning: cannot write the job summary: {e}");
    }
}

/// The baton root's folder within its git repository, when it is in one.
fn worktree_root_in_repo(path: &Path) -> Option<String> {
    let root = find_root(path).ok()?;
    GitRepo::discover(&root).ok().map(|repo| repo.start)
}

/// Applies `--baseline` and writes `--write-baseline`: the findings left
/// in `checked` are those to report.
fn adopt(args: &CheckArgs, checked: &mut Checked, lang: Lang) -> Result<Option<Applied>, String> {
    let recorded = args.baseline.as_deref().map(Baseline::read).transpose()?;
    let (baseline, path) = match (&args.write_baseline, recorded, &args.baseline) {
        (Some(path), recorded, _) => {
            let baseline = match recorded {
                Some(recorded) => recorded.pruned(&checked.findings),
                None => Baseline::of(&checked.findings, &checked.project.files, lang),
            };
            // The baseline's folder (`.baton/`) is made for it, unlike a
            // report's: it is part of the repository's setup.
            if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(folder).map_err(|e| {
                    format!("cannot write the baseline: `{}`: {e}", folder.display())
                })?;
            }
            output::write(Some(path), &baseline.to_json())
                .map_err(|e| format!("cannot write the baseline: {e}"))?;
            let written = BaselineMsg::Written {
                count: baseline.findings.len(),
                path: path.display().to_string(),
            };
            say!("{}", Msg::Baseline(written).render(lang));
            (baseline, path)
        }
        (None, Some(recorded), Some(path)) => (recorded, path),
        _ => return Ok(None),
    };
    let shown = path.display().to_string();
    Ok(Some(baseline.apply(&shown, &mut checked.findings)))
}

/// The lines that say what a baseline hid, and what it records in vain.
fn baseline_notes(applied: Option<&Applied>, lang: Lang) -> String {
    let Some(applied) = applied else {
        return String::new();
    };
    let mut out = String::new();
    let hidden = BaselineMsg::Hidden {
        hidden: applied.hidden,
        path: applied.path.clone(),
    };
    out.push_str(&Msg::Baseline(hidden).render(lang));
    out.push('\n');
    if !applied.gone.is_empty() {
        let gone = BaselineMsg::Gone {
            path: applied.path.clone(),
            entries: (applied.gone.iter())
                .map(|e| format!("{} {}", e.rule, e.item.as_deref().unwrap_or(&e.path)))
                .collect(),
        };
        out.push_str(&Msg::Baseline(gone).render(lang));
        out.push('\n');
    }
    out
}

/// Runs `baton check`.
pub fn run(args: CheckArgs) -> Outcome {
    let color = args.output.is_none() && args.color.for_stdout();
    let bar = Bar::new(args.quiet, args.lang.unwrap_or_default());
    let done = match (&args.base, &args.head) {
        (Some(base), Some(head)) => run_pr(&args, base, head, &bar).map(Done::Pr),
        _ => run_single(&args, &bar).map(|checked| {
            let root = match &args.rev {
                Some(rev) => GitRepo::discover(&args.path).ok().and_then(|repo| {
                    repo.resolve(rev)
                        .ok()
                        .and_then(|r| repo.baton_root(&r).ok())
                }),
                None => worktree_root_in_repo(&args.path),
            };
            Done::Single(checked, root)
        }),
    };
    let mut done = match done {
        Ok(done) => done,
        Err(e) => return failed(e, &args),
    };
    let stage = crate::timing::stage("report: build");
    let (lang, doc) = match &mut done {
        Done::Single(checked, root) => {
            let lang = args.lang.unwrap_or(checked.project.settings.lang);
            let applied = match adopt(&args, checked, lang) {
                Ok(applied) => applied,
                Err(e) => return fail(e),
            };
            let mut doc = ReportDoc::from_checked(checked, lang, root.clone());
            doc.baseline = applied;
            (lang, doc)
        }
        Done::Pr(pr) => {
            let lang = args.lang.unwrap_or(pr.checked.project.settings.lang);
            (lang, ReportDoc::from_pr(pr, lang))
        }
    };
    drop(stage);
    let _stage = crate::timing::stage("report: render and write");
    // Every format but text is rendered from the report: the findings it
    // was made from need not stay in memory beside it.
    if args.format != Format::Text {
        match &mut done {
            Done::Single(checked, _) => checked.findings = Vec::new(),
            Done::Pr(pr) => pr.checked.findings = Vec::new(),
        }
    }
    let links = links_from_env(doc.head.as_ref().map(|h| h.commit.as_str()));
    let written = match (args.format, &done) {
        (Format::Json, _) => output::write_with(args.output.as_deref(), |out| {
            report::json::to_writer(out, &doc)
        }),
        (Format::Sarif, _) => output::write_with(args.output.as_deref(), |out| {
            report::sarif::to_writer(out, &doc)
        }),
        (Format::Codequality, _) => output::write_with(args.output.as_deref(), |out| {
            report::codequality::to_writer(out, &doc)
        }),
        (format, done) => {
            let text = match (format, done) {
                (Format::Text, Done::Single(checked, _)) => {
                    report::text(checked, color, lang)
                        + &baseline_notes(doc.baseline.as_ref(), lang)
                }
                (Format::Text, Done::Pr(pr)) => report::text_pr(pr, color, lang),
                (Format::Markdown, _) => {
                    markdown::render(&doc, links.as_ref(), lang, markdown::GITHUB_LIMIT)
                }
                _ => report::github::render(&doc),
            };
            output::write(args.output.as_deref(), &text)
        }
    };
    if let Err(e) = written {
        return fail(format!("cannot write the report: {e}"));
    }
    // Rendered only when someone will read it.
    if job_summary_path().is_some() {
        write_job_summary(&markdown::render(
            &doc,
            links.as_ref(),
            lang,
            markdown::GITHUB_LIMIT,
        ));
    }
    let fail_on_all = match (&done, args.fail_on) {
        (Done::Pr(_), Some(FailOn::All)) => true,
        (Done::Pr(_), _) => false,
        (Done::Single(..), _) => true,
    };
    let outcome = if doc.fails(fail_on_all) {
        Outcome::Findings
    } else {
        Outcome::Clean
    };
    // The command ends here and the process with it: freeing a large
    // project item by item would only delay the exit (a tenth of a second
    // at 100,000 items); the operating system takes the memory back at once.
    std::mem::forget(done);
    std::mem::forget(doc);
    outcome
}
