//! `baton comment`: publish a pull-request check — one sticky comment and
//! the commit status `baton` — to GitHub, GitLab (a merge request's note)
//! or Gitea/Forgejo, the forge of the CI job by default.

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
    CommentOutcome, Forge, ForgeError, ForgeKind, RetryPolicy, StatusState, Target, safe_for_token,
    valid_base_url, valid_gitlab_project, valid_repository, valid_sha,
};
use crate::report::ReportDoc;
use crate::report::markdown::{self, Links};

/// Arguments of `baton comment`. The token is read from the environment
/// only (never an argument: it would land in shell history and logs):
/// `GITHUB_TOKEN` (GitHub), `BATON_GITLAB_TOKEN` (GitLab), `GITEA_TOKEN`
/// else `GITHUB_TOKEN` (Gitea, Forgejo).
#[derive(Debug, Args)]
pub struct CommentArgs {
    /// The baton repository, when the check runs here (no --report).
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// The forge (default: the CI job's: GITLAB_CI, GITEA_ACTIONS or FORGEJO_ACTIONS, else github).
    #[arg(long, value_enum)]
    pub forge: Option<ForgeKind>,
    /// The repository, OWNER/NAME; on GitLab the project's id or GROUP/PROJECT
    /// (default: GITHUB_REPOSITORY; on GitLab CI_PROJECT_ID).
    #[arg(long)]
    pub repo: Option<String>,
    /// The pull request number, a merge request's iid (default: from the
    /// event at GITHUB_EVENT_PATH; on GitLab CI_MERGE_REQUEST_IID).
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
    /// The forge's REST API (default: GITHUB_API_URL else https://api.github.com;
    /// GitLab: CI_API_V4_URL else https://gitlab.com/api/v4; Gitea: GITHUB_API_URL,
    /// which Gitea Actions sets to https://HOST/api/v1).
    #[arg(long)]
    pub api_url: Option<String>,
    /// Seconds to wait for each call to the forge.
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

/// A CI variable, when set and not empty.
fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// What the CI job says of the pull request: (number, base, head), from
/// the GitHub/Gitea event, or GitLab's merge-request pipeline variables.
/// GitLab's base is the target branch's tip in a merged-results pipeline,
/// else the merge base; its head is the source branch's tip (in a
/// merged-results pipeline `CI_COMMIT_SHA` is GitLab's own merge commit).
fn ci_pull_request(forge: ForgeKind) -> Option<(u64, Option<String>, Option<String>)> {
    match forge {
        ForgeKind::Gitlab => {
            let iid = var("CI_MERGE_REQUEST_IID")?.parse().ok()?;
            let base = var("CI_MERGE_REQUEST_TARGET_BRANCH_SHA")
                .or_else(|| var("CI_MERGE_REQUEST_DIFF_BASE_SHA"));
            let head = var("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA").or_else(|| var("CI_COMMIT_SHA"));
            Some((iid, base, head))
        }
        ForgeKind::Github | ForgeKind::Gitea => event_pull_request(),
    }
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
        return Err("no report and no revisions: give --report FILE, or --base and --head (or run in a pull-request or merge-request pipeline)".into());
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

/// The repository (GitHub, Gitea: OWNER/NAME) or project (GitLab), checked
/// so that it cannot leave its place in a URL.
fn repository(forge: ForgeKind, given: Option<&str>) -> Result<String, String> {
    let given = given.map(str::to_string).or_else(|| match forge {
        ForgeKind::Gitlab => var("CI_PROJECT_ID"),
        ForgeKind::Github | ForgeKind::Gitea => var("GITHUB_REPOSITORY"),
    });
    let Some(repo) = given else {
        return Err(match forge {
            ForgeKind::Gitlab => {
                "no project: give --repo ID (or run in GitLab CI, which sets CI_PROJECT_ID)".into()
            }
            _ => "no repository: give --repo OWNER/NAME (or set GITHUB_REPOSITORY)".into(),
        });
    };
    let valid = match forge {
        ForgeKind::Gitlab => valid_gitlab_project(&repo),
        _ => repo
            .split_once('/')
            .is_some_and(|(o, n)| valid_repository(o, n)),
    };
    if valid {
        Ok(repo)
    } else {
        Err(format!(
            "`{}` is not a {} (letters, digits, `-`, `_`, `.`)",
            crate::report::sanitize(&repo),
            match forge {
                ForgeKind::Gitlab => "project id or GROUP/PROJECT path",
                _ => "repository OWNER/NAME",
            }
        ))
    }
}

/// The forge's API: --api-url, else the CI job's.
fn api_url(forge: ForgeKind, given: Option<&str>) -> Result<String, String> {
    if let Some(url) = given {
        return Ok(url.to_string());
    }
    match forge {
        ForgeKind::Github => {
            Ok(var("GITHUB_API_URL").unwrap_or_else(|| "https://api.github.com".into()))
        }
        ForgeKind::Gitlab => {
            Ok(var("CI_API_V4_URL").unwrap_or_else(|| "https://gitlab.com/api/v4".into()))
        }
        ForgeKind::Gitea => var("GITHUB_API_URL").ok_or_else(|| {
            "no Gitea API: give --api-url https://HOST/api/v1 (Gitea Actions sets GITHUB_API_URL)".into()
        }),
    }
}

/// Links to the files of the head commit, and the CI run's page.
fn web_links(forge: ForgeKind, repo: &str, sha: &str) -> (Option<Links>, Option<String>) {
    match forge {
        ForgeKind::Github => {
            let server = var("GITHUB_SERVER_URL")
                .filter(|s| valid_base_url(s))
                .unwrap_or_else(|| "https://github.com".into());
            let links = links_from_env(Some(sha)).unwrap_or(Links {
                blob_url: forge.blob_url(&format!("{}/{repo}", server.trim_end_matches('/'))),
                sha: sha.to_string(),
            });
            (Some(links), run_url())
        }
        ForgeKind::Gitlab => {
            let links = var("CI_PROJECT_URL")
                .filter(|u| valid_base_url(u))
                .map(|url| Links {
                    blob_url: forge.blob_url(&url),
                    sha: sha.to_string(),
                });
            (links, var("CI_PIPELINE_URL").filter(|u| valid_base_url(u)))
        }
        ForgeKind::Gitea => {
            let links = var("GITHUB_SERVER_URL")
                .filter(|s| valid_base_url(s))
                .map(|server| Links {
                    blob_url: forge.blob_url(&format!("{}/{repo}", server.trim_end_matches('/'))),
                    sha: sha.to_string(),
                });
            (links, None)
        }
    }
}

/// The token, and the environment variable it came from.
fn token(forge: ForgeKind) -> Result<(String, &'static str), String> {
    if let Some(found) = forge
        .token_envs()
        .iter()
        .find_map(|name| var(name).map(|token| (token, *name)))
    {
        return Ok(found);
    }
    Err(match forge {
        ForgeKind::Gitlab if var("CI_JOB_TOKEN").is_some() => "BATON_GITLAB_TOKEN is not set, and CI_JOB_TOKEN cannot write merge-request notes or commit statuses: create a project access token with the `api` scope (role Developer or above) and store it as the masked CI/CD variable BATON_GITLAB_TOKEN".into(),
        _ => format!(
            "{} is not set: nothing can be published",
            forge.token_envs().join(" or ")
        ),
    })
}

/// Runs `baton comment`.
pub fn run(args: CommentArgs) -> Outcome {
    let forge = args
        .forge
        .or_else(ForgeKind::from_env)
        .unwrap_or(ForgeKind::Github);
    let event = ci_pull_request(forge);
    let repo = match repository(forge, args.repo.as_deref()) {
        Ok(repo) => repo,
        Err(e) => return fail(e),
    };
    let Some(pr) = args.pr.or(event.as_ref().map(|e| e.0)) else {
        return fail(
            "no pull request: give --pr N (or run on a pull_request event, or in a merge-request pipeline)",
        );
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
        .or_else(|| var("GITHUB_SHA"));
    let Some(sha) = sha else {
        return fail("no head commit: give --sha (or a report from --base/--head)");
    };
    if !valid_sha(&sha) {
        return fail(format!(
            "`{}` is not a commit id (40 or 64 hexadecimal digits)",
            crate::report::sanitize(&sha)
        ));
    }
    let (links, run_page) = web_links(forge, &repo, &sha);
    let body = markdown::render(&doc, links.as_ref(), lang, forge.body_limit());
    if ran_here {
        write_job_summary(&body);
    }
    let fails = doc.fails(args.fail_on == Some(FailOn::All));

    let (token, token_env) = match token(forge) {
        Ok(found) => found,
        Err(e) => return fail(e),
    };
    let api = match api_url(forge, args.api_url.as_deref()) {
        Ok(api) => api,
        Err(e) => return fail(e),
    };
    if !safe_for_token(&api) {
        return fail(format!(
            "`{}` is not https: the token would cross the network in clear (http is allowed only to 127.0.0.1 and localhost)",
            crate::report::sanitize(&api)
        ));
    }
    let policy = RetryPolicy {
        timeout: Duration::from_secs(args.timeout.max(1)),
        ..RetryPolicy::default()
    };
    let target = Target {
        repo: repo.clone(),
        pr,
        sha,
    };
    let pipeline_id = match forge {
        ForgeKind::Gitlab => var("CI_PIPELINE_ID").and_then(|id| id.parse().ok()),
        _ => None,
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => return fail(format!("cannot start the network runtime: {e}")),
    };
    let result: Result<(), ForgeError> = runtime.block_on(async {
        let client = Forge::new(forge, &api, (&token, token_env), policy, target.clone())?;
        let name = client.name();
        match client.upsert_comment(&body).await {
            Ok(CommentOutcome::Created(id)) => {
                say!("baton: created comment {id} on {name} {repo}#{pr}")
            }
            Ok(CommentOutcome::Updated(id)) => {
                say!("baton: updated comment {id} on {name} {repo}#{pr}")
            }
            Err(ForgeError::Forbidden {
                status, message, ..
            }) => {
                degrade(forge, &body, status, &message, ran_here);
                return Ok(());
            }
            Err(e) => return Err(e),
        }
        if !args.no_status {
            let (state, verdict) = verdict(&doc, fails, lang);
            match client
                .set_status(state, &verdict, run_page.as_deref(), pipeline_id)
                .await
            {
                Ok(()) => say!(
                    "baton: set status `baton` to {} on {}",
                    if fails { "failure" } else { "success" },
                    target.sha
                ),
                Err(ForgeError::Forbidden {
                    status, message, ..
                }) => {
                    say!(
                        "note: {name} refused the commit status ({status}: {message}); {}",
                        status_permission(forge)
                    );
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

/// What a token needs to set the commit status.
fn status_permission(forge: ForgeKind) -> &'static str {
    match forge {
        ForgeKind::Github => "the token needs `statuses: write`",
        ForgeKind::Gitlab => "the token needs the `api` scope and the Developer role",
        ForgeKind::Gitea => "the token needs write access to the repository's code",
    }
}

/// A token that may not comment (a pull request from a fork, a token
/// without the scope): the comment goes to the job summary and the log
/// instead, and the outcome is the findings'.
fn degrade(forge: ForgeKind, body: &str, status: u16, message: &str, summary_written: bool) {
    match forge {
        ForgeKind::Github => say!(
            "note: GitHub refused the comment ({status}: {message}). Pull requests from forks get a read-only token; \
             the comment is in the job summary and below. See README.md, \"Pull requests from forks\"."
        ),
        ForgeKind::Gitlab => say!(
            "note: GitLab refused the note ({status}: {message}). BATON_GITLAB_TOKEN needs the `api` scope and the \
             Developer role on the project; the note is below."
        ),
        ForgeKind::Gitea => say!(
            "note: Gitea refused the comment ({status}: {message}). Pull requests from forks get a read-only token, \
             and a restricted token needs `pull-requests: write`; the comment is below."
        ),
    }
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
