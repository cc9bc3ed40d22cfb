//! Publishing a report to a GitHub pull request: one sticky comment and a
//! commit status. Rendering is not done here (see [`crate::report`]).

pub mod client;

use serde_json::{Value, json};

pub use client::{GitHub, GitHubError, Method, RetryPolicy};

use crate::report::markdown::MARKER;

/// The repository and pull request to publish to.
#[derive(Debug, Clone)]
pub struct Target {
    /// `OWNER`.
    pub owner: String,
    /// `NAME`.
    pub repo: String,
    /// The pull request number.
    pub pr: u64,
    /// The head commit, for the status.
    pub sha: String,
}

/// What happened to the comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommentOutcome {
    /// A new comment.
    Created(u64),
    /// baton's earlier comment, edited in place.
    Updated(u64),
}

/// Who baton is on GitHub, to recognise its own comments.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Identity {
    /// `GET /user` answered: this login.
    Login(String),
    /// An app token (`GITHUB_TOKEN`) cannot ask: any bot account.
    AnyBot,
}

async fn identity(github: &GitHub) -> Result<Identity, GitHubError> {
    match github.send(Method::Get, "/user", None).await {
        Ok(response) => Ok(response
            .body
            .get("login")
            .and_then(Value::as_str)
            .map_or(Identity::AnyBot, |login| Identity::Login(login.to_string()))),
        // Installation tokens may not read /user.
        Err(GitHubError::Forbidden { .. }) => Ok(Identity::AnyBot),
        Err(e) => Err(e),
    }
}

/// Whether a comment is baton's: it starts with the marker and was written
/// by baton's identity (someone quoting or copying it is left alone).
fn is_ours(comment: &Value, me: &Identity) -> bool {
    let body = comment.get("body").and_then(Value::as_str).unwrap_or("");
    if !body.starts_with(MARKER) {
        return false;
    }
    let user = comment.get("user");
    let login = user
        .and_then(|u| u.get("login"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let kind = user
        .and_then(|u| u.get("type"))
        .and_then(Value::as_str)
        .unwrap_or("");
    match me {
        Identity::Login(mine) => login.eq_ignore_ascii_case(mine),
        Identity::AnyBot => kind == "Bot",
    }
}

/// Creates baton's comment on the pull request, or updates it in place when
/// it exists (found by its hidden marker, paging through every comment).
pub async fn upsert_comment(
    github: &GitHub,
    target: &Target,
    body: &str,
) -> Result<CommentOutcome, GitHubError> {
    let me = identity(github).await?;
    let mut page = Some(format!(
        "/repos/{}/{}/issues/{}/comments?per_page=100",
        target.owner, target.repo, target.pr
    ));
    let mut ours: Option<u64> = None;
    // Bounded: 1,000 pages of 100 comments.
    let mut pages = 0;
    while let Some(url) = page.take() {
        pages += 1;
        let response = github.send(Method::Get, &url, None).await?;
        if let Some(comments) = response.body.as_array() {
            ours = comments
                .iter()
                .find(|c| is_ours(c, &me))
                .and_then(|c| c.get("id").and_then(Value::as_u64));
        }
        if ours.is_some() || pages >= 1_000 {
            break;
        }
        page = client::next_link(&response.headers);
    }
    let payload = json!({ "body": body });
    match ours {
        Some(id) => {
            let path = format!(
                "/repos/{}/{}/issues/comments/{id}",
                target.owner, target.repo
            );
            github.send(Method::Patch, &path, Some(&payload)).await?;
            Ok(CommentOutcome::Updated(id))
        }
        None => {
            let path = format!(
                "/repos/{}/{}/issues/{}/comments",
                target.owner, target.repo, target.pr
            );
            let response = github.send(Method::Post, &path, Some(&payload)).await?;
            Ok(CommentOutcome::Created(
                response.body.get("id").and_then(Value::as_u64).unwrap_or(0),
            ))
        }
    }
}

/// The state of a commit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusState {
    /// The check passed.
    Success,
    /// The check failed.
    Failure,
}

/// Sets the commit status `baton` on the head commit.
pub async fn set_status(
    github: &GitHub,
    target: &Target,
    state: StatusState,
    description: &str,
    target_url: Option<&str>,
) -> Result<(), GitHubError> {
    // GitHub limits descriptions to 140 characters.
    let description: String = description.chars().take(140).collect();
    let mut payload = json!({
        "state": match state { StatusState::Success => "success", StatusState::Failure => "failure" },
        "context": "baton",
        "description": description,
    });
    if let Some(url) = target_url {
        payload["target_url"] = json!(url);
    }
    let path = format!(
        "/repos/{}/{}/statuses/{}",
        target.owner, target.repo, target.sha
    );
    github
        .send(Method::Post, &path, Some(&payload))
        .await
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_marked_comments_are_ours() {
        let ours = json!({ "body": format!("{MARKER}\n### ✅"), "user": { "login": "baton-bot", "type": "Bot" } });
        let quoted = json!({ "body": format!("> {MARKER}\n> ### ✅"), "user": { "login": "baton-bot", "type": "Bot" } });
        let copied = json!({ "body": format!("{MARKER}\n### ✅"), "user": { "login": "octocat", "type": "User" } });
        let me = Identity::Login("baton-bot".into());
        assert!(is_ours(&ours, &me));
        assert!(!is_ours(&quoted, &me));
        assert!(!is_ours(&copied, &me));
        assert!(is_ours(&ours, &Identity::AnyBot));
        assert!(!is_ours(&copied, &Identity::AnyBot));
    }
}
