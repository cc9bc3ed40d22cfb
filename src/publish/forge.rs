//! One interface over the forges: [`Forge::upsert_comment`] and
//! [`Forge::set_status`], for GitHub, GitLab (merge-request notes, commit
//! statuses of `/api/v4`) and Gitea/Forgejo (`/api/v1`).

use http::StatusCode;
use serde::Deserialize;
use serde_json::json;

use super::client::{AuthStyle, ForgeClient, ForgeError, ForgeInfo, GITHUB, Method, RetryPolicy};
use super::sticky::{self, Dialect, Identity};
use super::{CommentOutcome, StatusState, Target};

/// Which forge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ForgeKind {
    /// github.com and GitHub Enterprise.
    Github,
    /// gitlab.com, self-managed GitLab, JiHu GitLab.
    Gitlab,
    /// Gitea and Forgejo (Codeberg).
    Gitea,
}

impl ForgeKind {
    /// The forge of the CI job baton runs in: Gitea and Forgejo Actions
    /// also set `GITHUB_ACTIONS`, so they are asked first.
    pub fn from_env() -> Option<ForgeKind> {
        let set = |name: &str| std::env::var(name).is_ok_and(|v| v == "true");
        if set("FORGEJO_ACTIONS") || set("GITEA_ACTIONS") {
            Some(ForgeKind::Gitea)
        } else if set("GITLAB_CI") {
            Some(ForgeKind::Gitlab)
        } else if set("GITHUB_ACTIONS") {
            Some(ForgeKind::Github)
        } else {
            None
        }
    }

    /// Its name, how it takes a token and where baton reads it.
    pub fn info(self) -> ForgeInfo {
        match self {
            ForgeKind::Github => GITHUB,
            ForgeKind::Gitlab => ForgeInfo {
                name: "GitLab",
                token_env: "BATON_GITLAB_TOKEN",
                auth: AuthStyle::PrivateToken,
            },
            ForgeKind::Gitea => ForgeInfo {
                name: "Gitea",
                token_env: "GITEA_TOKEN",
                auth: AuthStyle::Token,
            },
        }
    }

    /// The environment variables a token may come from, first found wins.
    /// On Gitea Actions the workflow's `GITHUB_TOKEN` is the job's token.
    pub fn token_envs(self) -> &'static [&'static str] {
        match self {
            ForgeKind::Github => &["GITHUB_TOKEN"],
            ForgeKind::Gitlab => &["BATON_GITLAB_TOKEN"],
            ForgeKind::Gitea => &["GITEA_TOKEN", "GITHUB_TOKEN"],
        }
    }

    /// The longest comment the forge takes (characters): GitHub 65,536,
    /// GitLab 1,000,000; Gitea documents none, so GitHub's.
    pub fn body_limit(self) -> usize {
        match self {
            ForgeKind::Gitlab => 1_000_000,
            ForgeKind::Github | ForgeKind::Gitea => crate::report::markdown::GITHUB_LIMIT,
        }
    }

    /// Where a repository's files at a commit are shown, from its web URL:
    /// `…/blob` (GitHub), `…/-/blob` (GitLab), `…/src/commit` (Gitea).
    pub fn blob_url(self, repo_url: &str) -> String {
        let repo_url = repo_url.trim_end_matches('/');
        match self {
            ForgeKind::Github => format!("{repo_url}/blob"),
            ForgeKind::Gitlab => format!("{repo_url}/-/blob"),
            ForgeKind::Gitea => format!("{repo_url}/src/commit"),
        }
    }
}

/// A pull request on a forge, with a client to publish to it.
pub struct Forge {
    kind: ForgeKind,
    client: ForgeClient,
    target: Target,
}

#[derive(Debug, Deserialize)]
struct GitHubStatus {
    state: String,
    context: String,
}

#[derive(Debug, Deserialize)]
struct GitLabStatus {
    status: String,
    name: String,
}

#[derive(Debug, Deserialize)]
struct GiteaStatus {
    status: String,
    context: String,
}

impl Forge {
    /// A forge's API at `api` with `token` (read from the environment
    /// variable `token_env`, for messages), for `target`.
    pub fn new(
        kind: ForgeKind,
        api: &str,
        (token, token_env): (&str, &'static str),
        policy: RetryPolicy,
        target: Target,
    ) -> Result<Forge, ForgeError> {
        let info = ForgeInfo {
            token_env,
            ..kind.info()
        };
        Ok(Forge {
            kind,
            client: ForgeClient::new(api, token, policy, info)?,
            target,
        })
    }

    /// The forge's name.
    pub fn name(&self) -> &'static str {
        self.client.forge()
    }

    /// GitLab's project in a path: its id, or its path with `/` encoded.
    fn project(&self) -> String {
        self.target.repo.replace('/', "%2F")
    }

    fn dialect(&self) -> Dialect {
        let t = &self.target;
        match self.kind {
            ForgeKind::Github => {
                let repo = t.repo.clone();
                Dialect {
                    // 50 a page keeps the largest page under the response cap.
                    list: format!("/repos/{}/issues/{}/comments?per_page=50", t.repo, t.pr),
                    create: format!("/repos/{}/issues/{}/comments", t.repo, t.pr),
                    edit: Box::new(move |id| format!("/repos/{repo}/issues/comments/{id}")),
                    edit_method: Method::Patch,
                    author: ["user", "login"],
                    bot: Some(["user", "type"]),
                }
            }
            ForgeKind::Gitlab => {
                let notes = format!("/projects/{}/merge_requests/{}/notes", self.project(), t.pr);
                let edit = notes.clone();
                Dialect {
                    // Oldest first: baton's note is among the first.
                    list: format!("{notes}?sort=asc&order_by=created_at&per_page=100"),
                    create: notes,
                    edit: Box::new(move |id| format!("{edit}/{id}")),
                    edit_method: Method::Put,
                    author: ["author", "username"],
                    bot: Some(["author", "bot"]),
                }
            }
            ForgeKind::Gitea => {
                let repo = t.repo.clone();
                Dialect {
                    // Gitea lists a pull request's comments whole; a `Link`
                    // to a next page is followed when a version sends one.
                    list: format!("/repos/{}/issues/{}/comments", t.repo, t.pr),
                    create: format!("/repos/{}/issues/{}/comments", t.repo, t.pr),
                    edit: Box::new(move |id| format!("/repos/{repo}/issues/comments/{id}")),
                    edit_method: Method::Patch,
                    author: ["user", "login"],
                    bot: None,
                }
            }
        }
    }

    /// Creates baton's comment on the pull request, or edits it in place
    /// when it exists (found by its marker and author, paging through every
    /// comment; GitLab's system notes skipped).
    pub async fn upsert_comment(&self, body: &str) -> Result<CommentOutcome, ForgeError> {
        let login = match self.kind {
            ForgeKind::Gitlab => "username",
            ForgeKind::Github | ForgeKind::Gitea => "login",
        };
        let me = sticky::identity(&self.client, login).await?;
        // A Gitea token that may not say who it is: its marked comment.
        let me = match (self.kind, me) {
            (ForgeKind::Gitea, Identity::AnyBot) => Identity::Login("gitea-actions".into()),
            (_, me) => me,
        };
        sticky::upsert(&self.client, &me, &self.dialect(), body).await
    }

    /// Sets the commit status `baton` on the head commit (`target_url`:
    /// the CI run; GitLab's `pipeline_id`: the pipeline to attach it to).
    pub async fn set_status(
        &self,
        state: StatusState,
        description: &str,
        target_url: Option<&str>,
        pipeline_id: Option<u64>,
    ) -> Result<(), ForgeError> {
        let t = &self.target;
        let unexpected = |what: String, set: &str, name: &str| ForgeError::Unexpected {
            forge: self.name(),
            what,
            detail: format!(
                "it set `{}` to `{}`",
                crate::report::sanitize(name),
                crate::report::sanitize(set)
            ),
        };
        match self.kind {
            ForgeKind::Github | ForgeKind::Gitea => {
                // GitHub limits descriptions to 140 characters.
                let description: String = description.chars().take(140).collect();
                let state = match state {
                    StatusState::Success => "success",
                    StatusState::Failure => "failure",
                };
                let mut payload = json!({
                    "state": state,
                    "context": "baton",
                    "description": description,
                });
                if let Some(url) = target_url {
                    payload["target_url"] = json!(url);
                }
                let path = format!("/repos/{}/statuses/{}", t.repo, t.sha);
                let response = self
                    .client
                    .send(Method::Post, &path, Some(&payload))
                    .await?;
                let (set, context) = if self.kind == ForgeKind::Github {
                    let s: GitHubStatus = response.expect(StatusCode::CREATED)?;
                    (s.state, s.context)
                } else {
                    let s: GiteaStatus = response.expect(StatusCode::CREATED)?;
                    (s.status, s.context)
                };
                if set != state || context != "baton" {
                    return Err(unexpected(format!("POST {path}"), &set, &context));
                }
                Ok(())
            }
            ForgeKind::Gitlab => {
                let state = match state {
                    StatusState::Success => "success",
                    StatusState::Failure => "failed",
                };
                let description: String = description.chars().take(255).collect();
                let mut payload = json!({
                    "state": state,
                    "name": "baton",
                    "description": description,
                });
                if let Some(url) = target_url {
                    payload["target_url"] = json!(url.chars().take(255).collect::<String>());
                }
                if let Some(id) = pipeline_id {
                    payload["pipeline_id"] = json!(id);
                }
                let path = format!("/projects/{}/statuses/{}", self.project(), t.sha);
                let response = match self.client.send(Method::Post, &path, Some(&payload)).await {
                    Ok(response) => response,
                    // Setting the state the commit already has: GitLab
                    // cannot "transition" to it, and it is already so.
                    Err(ForgeError::Status {
                        status: 400,
                        message,
                        ..
                    }) if message.starts_with("Cannot transition status") => return Ok(()),
                    Err(e) => return Err(e),
                };
                let set: GitLabStatus = response.expect(StatusCode::CREATED)?;
                if set.status != state || set.name != "baton" {
                    return Err(unexpected(format!("POST {path}"), &set.status, &set.name));
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_link_the_way_each_forge_shows_them() {
        assert_eq!(
            ForgeKind::Github.blob_url("https://github.com/acme/plans"),
            "https://github.com/acme/plans/blob"
        );
        assert_eq!(
            ForgeKind::Gitlab.blob_url("https://gitlab.example.com/pmo/plans/"),
            "https://gitlab.example.com/pmo/plans/-/blob"
        );
        assert_eq!(
            ForgeKind::Gitea.blob_url("https://gitea.example.com/pmo/plans"),
            "https://gitea.example.com/pmo/plans/src/commit"
        );
    }
}
