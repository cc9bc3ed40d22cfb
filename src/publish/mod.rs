//! Publishing a report to a GitHub pull request: one sticky comment and a
//! commit status. Rendering is not done here (see [`crate::report`]).

pub mod client;
mod redact;

use http::StatusCode;
use serde::Deserialize;
use serde_json::{Value, json};

pub use client::{GitHub, GitHubError, Method, RetryPolicy};

use crate::report::markdown::MARKER;

/// Whether `owner/name` can be a GitHub repository: letters, digits, `-`,
/// `_` and `.` (not `.` or `..`), so it cannot leave its place in a URL
/// (`--repo acme/../../orgs/x`).
pub fn valid_repository(owner: &str, name: &str) -> bool {
    let part = |p: &str| {
        !p.is_empty()
            && p.len() <= 100
            && p != "."
            && p != ".."
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    };
    part(owner) && part(name)
}

/// Whether `url` is an `http(s)://host[:port][/path]` base URL that can
/// stand in a Markdown link and a path can follow: no spaces, quotes,
/// brackets, parentheses, query or fragment.
pub fn valid_base_url(url: &str) -> bool {
    let Ok(uri) = url.parse::<http::Uri>() else {
        return false;
    };
    matches!(uri.scheme_str(), Some("http" | "https"))
        && uri.authority().is_some()
        && uri.query().is_none()
        && url
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~' | ':' | '/'))
}

/// Whether the token may be sent to `api`: over https, or to this machine
/// (a local stand-in) — never in clear across a network.
pub fn safe_for_token(api: &str) -> bool {
    let Ok(uri) = api.parse::<http::Uri>() else {
        return false;
    };
    match (uri.scheme_str(), uri.host()) {
        (Some("https"), Some(_)) => true,
        (Some("http"), Some(host)) => matches!(host, "127.0.0.1" | "localhost" | "[::1]" | "::1"),
        _ => false,
    }
}

/// Whether `sha` is a full commit id (40 or 64 hexadecimal digits).
pub fn valid_sha(sha: &str) -> bool {
    matches!(sha.len(), 40 | 64) && sha.chars().all(|c| c.is_ascii_hexdigit())
}

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

/// The parts of GitHub's answers baton reads; serde checks that they are
/// there (a body that is not GitHub's answer is an error, not a success).
#[derive(Debug, Deserialize)]
struct User {
    login: String,
}

#[derive(Debug, Deserialize)]
struct Comment {
    id: u64,
}

#[derive(Debug, Deserialize)]
struct Status {
    state: String,
    context: String,
}

async fn identity(github: &GitHub) -> Result<Identity, GitHubError> {
    match github.send(Method::Get, "/user", None).await {
        Ok(response) => Ok(Identity::Login(
            response.expect::<User>(StatusCode::OK)?.login,
        )),
        // Installation tokens may not read /user (403); a wrong token (401)
        // is an error.
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
    // 50 a page keeps the largest page under the response cap.
    let mut page = Some(format!(
        "/repos/{}/{}/issues/{}/comments?per_page=50",
        target.owner, target.repo, target.pr
    ));
    let mut ours: Option<u64> = None;
    // Bounded: 2,000 pages of 50 comments.
    let mut pages = 0;
    while let Some(url) = page.take() {
        pages += 1;
        let response = github.send(Method::Get, &url, None).await?;
        let next = client::next_link(&response.headers);
        let comments: Vec<Value> = response.expect(StatusCode::OK)?;
        if let Some(comment) = comments.iter().find(|c| is_ours(c, &me)) {
            let comment = Comment::deserialize(comment).map_err(|e| GitHubError::Unexpected {
                what: "a comment".into(),
                detail: e.to_string(),
            })?;
            ours = Some(comment.id);
        }
        if ours.is_some() || pages >= 2_000 {
            break;
        }
        page = next;
    }
    let payload = json!({ "body": body });
    match ours {
        Some(id) => {
            let path = format!(
                "/repos/{}/{}/issues/comments/{id}",
                target.owner, target.repo
            );
            let updated: Comment = github
                .send(Method::Patch, &path, Some(&payload))
                .await?
                .expect(StatusCode::OK)?;
            if updated.id != id {
                return Err(GitHubError::Unexpected {
                    what: format!("PATCH {path}"),
                    detail: format!("it answered for comment {} instead", updated.id),
                });
            }
            Ok(CommentOutcome::Updated(id))
        }
        None => {
            let path = format!(
                "/repos/{}/{}/issues/{}/comments",
                target.owner, target.repo, target.pr
            );
            let created: Comment = github
                .send(Method::Post, &path, Some(&payload))
                .await?
                .expect(StatusCode::CREATED)?;
            Ok(CommentOutcome::Created(created.id))
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
    let path = format!(
        "/repos/{}/{}/statuses/{}",
        target.owner, target.repo, target.sha
    );
    let set: Status = github
        .send(Method::Post, &path, Some(&payload))
        .await?
        .expect(StatusCode::CREATED)?;
    if set.state != state || set.context != "baton" {
        return Err(GitHubError::Unexpected {
            what: format!("POST {path}"),
            detail: format!(
                "it set `{}` to `{}`",
                crate::report::sanitize(&set.context),
                crate::report::sanitize(&set.state)
            ),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repositories_and_commits_cannot_leave_their_place_in_a_url() {
        assert!(valid_repository("acme", "plans.v2"));
        for (owner, name) in [
            ("acme", ".."),
            ("acme", "a/b"),
            ("", "x"),
            ("a?b", "x"),
            ("a", "b#c"),
        ] {
            assert!(!valid_repository(owner, name), "{owner}/{name}");
        }
        assert!(valid_base_url("https://github.example.com"));
        assert!(valid_base_url("http://127.0.0.1:8080/ghe"));
        for bad in [
            "javascript:alert(1)",
            "https://x.com/a)b",
            "https://x.com/ a",
            "https://x?y",
            "x.com",
        ] {
            assert!(!valid_base_url(bad), "{bad}");
        }
        assert!(safe_for_token("https://api.github.com"));
        assert!(safe_for_token("http://127.0.0.1:4000"));
        assert!(!safe_for_token("http://ghe.example.com/api/v3"));
        assert!(valid_sha(&"a".repeat(40)));
        assert!(!valid_sha("../../../orgs/x"));
        assert!(!valid_sha(&"g".repeat(40)));
    }

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
