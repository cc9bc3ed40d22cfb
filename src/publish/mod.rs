//! Publishing a report to a pull request (a merge request on GitLab): one
//! sticky comment, found again by its hidden marker and author and edited
//! in place, and the commit status `baton`. One interface, [`Forge`], over
//! GitHub, GitLab and Gitea/Forgejo — the way reviewdog's `CommentService`
//! and danger's `PlatformCommunicator` hide theirs. Rendering is not done
//! here (see [`crate::report`]).

pub mod client;
mod forge;
mod redact;
mod sticky;

pub use client::{AuthStyle, ForgeClient, ForgeError, ForgeInfo, Method, RetryPolicy};
pub use forge::{Forge, ForgeKind};

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

/// The pull request (merge request) to publish to.
#[derive(Debug, Clone)]
pub struct Target {
    /// `OWNER/NAME` on GitHub and Gitea; the project's id (or its
    /// `GROUP/PROJECT` path) on GitLab.
    pub repo: String,
    /// The pull request's number (a merge request's iid).
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

/// The state of a commit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusState {
    /// The check passed.
    Success,
    /// The check failed.
    Failure,
}

/// Whether `project` can be a GitLab project: a numeric id, or a
/// `GROUP/…/PROJECT` path of letters, digits, `-`, `_` and `.`.
pub fn valid_gitlab_project(project: &str) -> bool {
    if !project.is_empty() && project.chars().all(|c| c.is_ascii_digit()) {
        return project.len() <= 20;
    }
    let parts: Vec<&str> = project.split('/').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 255
                && *p != "."
                && *p != ".."
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        })
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
    fn gitlab_projects_cannot_leave_their_place_in_a_url() {
        assert!(valid_gitlab_project("42"));
        assert!(valid_gitlab_project("acme/plans"));
        assert!(valid_gitlab_project("acme/sub.group/plans"));
        for bad in ["", "acme", "acme/../x", "acme/ plans", "a?b/c", "1/2#3"] {
            assert!(!valid_gitlab_project(bad), "{bad}");
        }
    }
}
