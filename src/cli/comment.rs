//! `baton comment`: publish a pull-request check to GitHub — one sticky
//! comment and the commit status `baton`.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use serde_json::Value;

use super::check::{FailOn, links_from_env, write_job_summary};
use super::{Outcome, fail, parse_lang};
use crate::git::GitRepo;
use crate::messages::{Lang, Msg};
use crate::pr::{PrOptions, check_pr};
use crate::publish::{
    CommentOutcome, GitHub, GitHubError, RetryPolicy, StatusState, Target, safe_for_token,
    set_status, upsert_comment, valid_base_url, valid_repository, valid_sha,
};
use crate::report::ReportDoc;
use crate::report::markdown::{self, Links};

/// Arguments of `baton comment`. The token is read from `GITHUB_TOKEN`
/// only (never an argument: it would land in shell history and logs).
#[derive(Debug, Args)]
pub struct CommentArgs {
    /// The baton repository, when the check runs here (no --report).
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// The repository, OWNER/NAME (default: GITHUB_REPOSITORY).
    #[arg(long, env = "GITHUB_REPOSITORY")]
    pub repo: Option<String>,
    /// The pull request number (default: from the event at GITHUB_EVENT_PATH).
    #[arg(long)]
    pub pr: Option<u64>,
    /// The head commit for the status and links (default: the event's head, else GITHUB_SHA).
    #[arg(long)]
    pub sha: Option<String>,
    /// Publish this report (the JSON of `baton check --base … --head … --format json`)
    /// instead of running the check.
    #[arg(long)]
    pub report: Option<PathBuf>,
    /// The base revision when the check runs here (default: the event's base).
    #[arg(long)]
    pub base: Option<String>,
    /// The head revision when the check runs here (default: the event's head).
    #[arg(long)]
    pub head: Option<String>,
    /// Evaluate at this time (RFC 3339) when the check runs here.
    #[arg(long, env = "BATON_NOW")]
    pub now: Option<String>,
    /// GitHub's REST API (GitHub Enterprise: https://HOST/api/v3).
    #[arg(long, env = "GITHUB_API_URL", default_value = "https://api.github.com")]
    pub api_url: String,
    /// Seconds to wait for each GitHub call.
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
    /// Which errors fail: `new` (default) or `all`.
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Do not set the commit status.
    #[arg(long)]
    pub no_status: bool,
    /// Message language (default: the report's).
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

/// The pull request of the GitHub Actions event, if any: (number, base sha, head sha).
fn event_pull_request() -> Option<(u64, Option<String>, Option<String>)> {
    let path = std::env::var_os("GITHUB_EVENT_PATH")?;
    // GitHub caps webhook payloads at 25 MB.
    let text = crate::source::read_capped(std::path::Path::new(&path), 32 << 20).ok()?;
    let event: Value = serde_json::from_str(&text).ok()?;
    let pr = event.get("pull_request")?;
    let sha = |side: &str| pr.get(side)?.get("sha")?.as_str().map(str::to_string);
    let number = pr
        .get("number")
        .and_then(Value::as_u64)
        .or_else(|| event.get("number")?.as_u64())?;
    Some((number, sha("base"), sha("head")))
}

/// The Actions run's page, for the status link (none when a value from
/// the environment could not stand in a URL).
fn run_url() -> Option<String> {
    let server = std::env::var("GITHUB_SERVER_URL").unwrap_or_else(|_| "https://github.com".into());
    let repo = std::env::var("GITHUB_REPOSITORY").ok().filter(|r| {
        r.split_once('/')
            .is_some_and(|(o, n)| valid_repository(o, n))
    })?;
    let run = std::env::var("GITHUB_RUN_ID")
        .ok()
        .filter(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit()))?;
    if !valid_base_url(&server) {
        return None;
    }
    Some(format!(
        "{}/{repo}/actions/runs/{run}",
        server.trim_end_matches('/')
    ))
}

fn report(
    args: &CommentArgs,
    event: &Option<(u64, Option<String>, Option<String>)>,
) -> Result<(ReportDoc, bool), String> {
    if let Some(path) = &args.report {
        let text = crate::source::read_capped(path, crate::report::doc::MAX_REPORT_BYTES as u64)
            .map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
        let doc = ReportDoc::read(&text).map_err(|e| format!("`{}`: {e}", path.display()))?;
        return Ok((doc, false));
    }
    let base = args
        .base
        .clone()
        .or_else(|| event.as_ref().and_then(|e| e.1.clone()));
    let head = args
        .head
        .clone()
        .or_else(|| event.as_ref().and_then(|e| e.2.clone()));
    let (Some(base), Some(head)) = (base, head) else {
        return Err("no report and no revisions: give --report FILE, or --base and --head (or run on a pull_request event)".into());
    };
    let repo = GitRepo::discover(&args.path).map_err(|e| e.to_string())?;
    let base = repo.resolve(&base).map_err(|e| e.to_string())?;
    let head = repo.resolve(&head).map_err(|e| e.to_string())?;
    let options = PrOptions {
        now: args.now.clone(),
        actor: None,
        history: true,
        cache: true,
    };
    let pr = check_pr(&repo, &base, &head, &options, &crate::progress::Silent)
        .map_err(|e| e.to_string())?;
    let lang = args.lang.unwrap_or(pr.checked.project.settings.lang);
    Ok((ReportDoc::from_pr(&pr, lang), true))
}

/// Runs `baton comment`.
pub fn run(args: CommentArgs) -> Outcome {
    let event = event_pull_request();
    let Some((owner, name)) = args.repo.as_deref().and_then(|r| r.split_once('/')) else {
        return fail("no repository: give --repo OWNER/NAME (or set GITHUB_REPOSITORY)");
    };
    if !valid_repository(owner, name) {
        return fail(format!(
            "`{}` is not a repository (OWNER/NAME: letters, digits, `-`, `_`, `.`)",
            crate::report::sanitize(&format!("{owner}/{name}"))
        ));
    }
    let Some(pr) = args.pr.or(event.as_ref().map(|e| e.0)) else {
        return fail("no pull request: give --pr N (or run on a pull_request event)");
    };
    let (doc, ran_here) = match report(&args, &event) {
        Ok(report) => report,
        Err(e) => return fail(e),
    };
    let lang = args
        .lang
        .or_else(|| doc.lang.as_deref().and_then(Lang::from_tag))
        .unwrap_or_default();
    let sha = args
        .sha
        .clone()
        .or_else(|| doc.head.as_ref().map(|h| h.commit.clone()))
        .or_else(|| event.as_ref().and_then(|e| e.2.clone()))
        .or_else(|| std::env::var("GITHUB_SHA").ok());
    let Some(sha) = sha else {
        return fail("no head commit: give --sha (or a report from --base/--head)");
    };
    if !valid_sha(&sha) {
        return fail(format!(
            "`{}` is not a commit id (40 or 64 hexadecimal digits)",
            crate::report::sanitize(&sha)
        ));
    }
    let server = std::env::var("GITHUB_SERVER_URL")
        .ok()
        .filter(|s| valid_base_url(s))
        .unwrap_or_else(|| "https://github.com".into());
    let links = links_from_env(Some(&sha)).unwrap_or(Links {
        repo_url: format!("{}/{owner}/{name}", server.trim_end_matches('/')),
        sha: sha.clone(),
    });
    let body = markdown::render(&doc, Some(&links), lang, markdown::GITHUB_LIMIT);
    if ran_here {
        write_job_summary(&body);
    }
    let fails = doc.fails(args.fail_on == Some(FailOn::All));

    let Some(token) = std::env::var("GITHUB_TOKEN")
        .ok()
        .filter(|t| !t.trim().is_empty())
    else {
        return fail("GITHUB_TOKEN is not set: nothing can be published");
    };
    if !safe_for_token(&args.api_url) {
        return fail(format!(
            "`{}` is not https: the token would cross the network in clear (http is allowed only to 127.0.0.1 and localhost)",
            crate::report::sanitize(&args.api_url)
        ));
    }
    let policy = RetryPolicy {
        timeout: Duration::from_secs(args.timeout.max(1)),
        ..RetryPolicy::default()
    };
    let target = Target {
        owner: owner.to_string(),
        repo: name.to_string(),
        pr,
        sha,
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => return fail(format!("cannot start the network runtime: {e}")),
    };
    let result: Result<(), GitHubError> = runtime.block_on(async {
        let github = GitHub::new(&args.api_url, &token, policy)?;
        match upsert_comment(&github, &target, &body).await {
            Ok(CommentOutcome::Created(id)) => say!("baton: created comment {id} on {owner}/{name}#{pr}"),
            Ok(CommentOutcome::Updated(id)) => say!("baton: updated comment {id} on {owner}/{name}#{pr}"),
            Err(GitHubError::Forbidden { status, message }) => {
                degrade(&body, status, &message, ran_here);
                return Ok(());
            }
            Err(e) => return Err(e),
        }
        if !args.no_status {
            let (state, verdict) = verdict(&doc, fails, lang);
            match set_status(&github, &target, state, &verdict, run_url().as_deref()).await {
                Ok(()) => say!("baton: set status `baton` to {} on {}", if fails { "failure" } else { "success" }, target.sha),
                Err(GitHubError::Forbidden { status, message }) => {
                    say!("note: GitHub refused the commit status ({status}: {message}); the token needs `statuses: write`");
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    });
    match result {
        Ok(()) if fails => Outcome::Findings,
        Ok(()) => Outcome::Clean,
        Err(e) => fail(e),
    }
}

/// A read-only token (a pull request from a fork): the comment goes to the
/// job summary and the log instead, and the outcome is the findings'.
fn degrade(body: &str, status: u16, message: &str, summary_written: bool) {
    say!(
        "note: GitHub refused the comment ({status}: {message}). Pull requests from forks get a read-only token; \
         the comment is in the job summary and below. See README.md, \"Pull requests from forks\"."
    );
    if !summary_written {
        write_job_summary(body);
    }
    let _ = super::output::write(None, &format!("{body}\n"));
}

fn verdict(doc: &ReportDoc, fails: bool, lang: Lang) -> (StatusState, String) {
    let count = |change: &str, severity: Option<&str>| {
        doc.findings
            .iter()
            .filter(|f| {
                f.change.as_deref() == Some(change) && severity.is_none_or(|s| f.severity == s)
            })
            .count()
    };
    let message = if doc.base.is_some() {
        if fails {
            Msg::ReportFailed {
                new_errors: count("new", Some("error")),
                new_warnings: count("new", Some("warning")),
                fixed: count("fixed", None),
            }
        } else {
            Msg::ReportPassed {
                new_warnings: count("new", Some("warning")),
                fixed: count("fixed", None),
                existing: count("existing", None),
            }
        }
    } else {
        Msg::ReportTotals {
            errors: doc.summary.errors,
            warnings: doc.summary.warnings,
            infos: doc.summary.infos,
        }
    };
    let state = if fails {
        StatusState::Failure
    } else {
        StatusState::Success
    };
    (state, message.render(lang))
}
