//! The sticky comment: list the pull request's comments page by page, find
//! baton's (its marker first, by baton's own account), and edit it in place
//! or create it. The same walk for every forge; [`Dialect`] says where each
//! forge keeps what.

use http::StatusCode;
use serde::Deserialize;
use serde_json::{Value, json};

use super::CommentOutcome;
use super::client::{ForgeClient, ForgeError, Method, next_link};
use crate::report::markdown::MARKER;

/// Who baton is on the forge, to recognise its own comments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identity {
    /// The token's account answered: this login.
    Login(String),
    /// The token cannot say who it is (GitHub's app token): only a bot
    /// account's marked comment is baton's.
    AnyBot,
}

/// Where a forge keeps the parts of a comment, and how it edits one.
pub struct Dialect {
    /// The first page of the pull request's comments.
    pub list: String,
    /// Where a new comment is posted.
    pub create: String,
    /// Where comment `id` is edited.
    pub edit: Box<dyn Fn(u64) -> String + Send + Sync>,
    /// The method that edits.
    pub edit_method: Method,
    /// The author's login in a comment: `["user", "login"]` (GitHub,
    /// Gitea) or `["author", "username"]` (GitLab).
    pub author: [&'static str; 2],
    /// How a comment's author says it is a bot: `["user", "type"]` equal
    /// to `Bot` (GitHub) or `["author", "bot"]` true (GitLab).
    pub bot: Option<[&'static str; 2]>,
}

#[derive(Debug, Deserialize)]
struct Comment {
    id: u64,
}

/// Bounded: 2,000 pages of comments.
const MAX_PAGES: usize = 2_000;

fn at<'v>(value: &'v Value, path: [&str; 2]) -> Option<&'v Value> {
    value.get(path[0])?.get(path[1])
}

/// Whether a comment is baton's: it starts with the marker, is not a
/// system note (GitLab), and was written by baton's account (someone
/// quoting or copying it is left alone).
pub fn is_ours(comment: &Value, me: &Identity, dialect: &Dialect) -> bool {
    let body = comment.get("body").and_then(Value::as_str).unwrap_or("");
    if !body.starts_with(MARKER) || comment.get("system") == Some(&Value::Bool(true)) {
        return false;
    }
    match me {
        Identity::Login(mine) => at(comment, dialect.author)
            .and_then(Value::as_str)
            .is_some_and(|login| login.eq_ignore_ascii_case(mine)),
        Identity::AnyBot => dialect.bot.is_some_and(|path| {
            matches!(at(comment, path), Some(Value::Bool(true)))
                || at(comment, path).and_then(Value::as_str) == Some("Bot")
        }),
    }
}

/// Who the token is: `GET /user`'s `login` (GitHub, Gitea) or `username`
/// (GitLab); a token that may not ask (403) is an app's.
pub async fn identity(client: &ForgeClient, field: &str) -> Result<Identity, ForgeError> {
    match client.send(Method::Get, "/user", None).await {
        Ok(response) => {
            let user: Value = response.expect(StatusCode::OK)?;
            match user.get(field).and_then(Value::as_str) {
                Some(login) => Ok(Identity::Login(login.to_string())),
                None => Err(ForgeError::Unexpected {
                    forge: client.forge(),
                    what: "GET /user".into(),
                    detail: format!("no `{field}`"),
                }),
            }
        }
        Err(ForgeError::Forbidden { .. }) => Ok(Identity::AnyBot),
        Err(e) => Err(e),
    }
}

/// Creates baton's comment, or edits it in place when it exists.
pub async fn upsert(
    client: &ForgeClient,
    me: &Identity,
    dialect: &Dialect,
    body: &str,
) -> Result<CommentOutcome, ForgeError> {
    let mut page = Some(dialect.list.clone());
    let mut ours: Option<u64> = None;
    let mut pages = 0;
    while let Some(url) = page.take() {
        pages += 1;
        let response = client.send(Method::Get, &url, None).await?;
        let next = next_link(&response.headers);
        let what = response.what.clone();
        let comments: Vec<Value> = response.expect(StatusCode::OK)?;
        if let Some(comment) = comments.iter().find(|c| is_ours(c, me, dialect)) {
            let comment = Comment::deserialize(comment).map_err(|e| ForgeError::Unexpected {
                forge: client.forge(),
                what: what.clone(),
                detail: format!("a comment without an id: {e}"),
            })?;
            ours = Some(comment.id);
        }
        if ours.is_some() || pages >= MAX_PAGES {
            break;
        }
        page = next;
    }
    let payload = json!({ "body": body });
    match ours {
        Some(id) => {
            let path = (dialect.edit)(id);
            let updated: Comment = client
                .send(dialect.edit_method, &path, Some(&payload))
                .await?
                .expect(StatusCode::OK)?;
            if updated.id != id {
                return Err(ForgeError::Unexpected {
                    forge: client.forge(),
                    what: path,
                    detail: format!("it answered for comment {} instead", updated.id),
                });
            }
            Ok(CommentOutcome::Updated(id))
        }
        None => {
            let created: Comment = client
                .send(Method::Post, &dialect.create, Some(&payload))
                .await?
                .expect(StatusCode::CREATED)?;
            Ok(CommentOutcome::Created(created.id))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn github() -> Dialect {
        Dialect {
            list: String::new(),
            create: String::new(),
            edit: Box::new(|id| format!("/{id}")),
            edit_method: Method::Patch,
            author: ["user", "login"],
            bot: Some(["user", "type"]),
        }
    }

    #[test]
    fn only_our_marked_comments_are_ours() {
        let ours = json!({ "body": format!("{MARKER}\n### ✅"), "user": { "login": "baton-bot", "type": "Bot" } });
        let quoted = json!({ "body": format!("> {MARKER}\n> ### ✅"), "user": { "login": "baton-bot", "type": "Bot" } });
        let copied = json!({ "body": format!("{MARKER}\n### ✅"), "user": { "login": "octocat", "type": "User" } });
        let me = Identity::Login("baton-bot".into());
        let d = github();
        assert!(is_ours(&ours, &me, &d));
        assert!(!is_ours(&quoted, &me, &d));
        assert!(!is_ours(&copied, &me, &d));
        assert!(is_ours(&ours, &Identity::AnyBot, &d));
        assert!(!is_ours(&copied, &Identity::AnyBot, &d));
    }

    #[test]
    fn a_gitlab_system_note_is_never_ours() {
        let d = Dialect {
            author: ["author", "username"],
            bot: Some(["author", "bot"]),
            ..github()
        };
        let me = Identity::Login("project_7_bot".into());
        let note = json!({ "body": format!("{MARKER}\nx"), "system": false, "author": { "username": "project_7_bot", "bot": true } });
        let system = json!({ "body": format!("{MARKER}\nx"), "system": true, "author": { "username": "project_7_bot", "bot": true } });
        assert!(is_ours(&note, &me, &d));
        assert!(!is_ours(&system, &me, &d));
        assert!(is_ours(&note, &Identity::AnyBot, &d));
    }
}
