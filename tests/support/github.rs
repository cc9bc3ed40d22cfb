//! A local GitHub API for `baton comment`: response shapes as the REST
//! API returns them, and a runner that asserts the token never leaks.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

pub const TOKEN: &str = "ghs_TOPSECRETtoken0123456789abcdef";
pub const MARKER: &str = "<!-- baton:pr-check -->";
pub const COMMENTS: &str = "/repos/acme/plans/issues/5/comments";
pub const SHA: &str = "0123456789abcdef0123456789abcdef01234567";

/// A GitHub user object, as the REST API returns it.
pub fn user(login: &str, kind: &str, id: u64) -> Value {
    json!({
        "login": login, "id": id, "node_id": format!("MDQ6VXNlcj{id}"),
        "avatar_url": format!("https://avatars.githubusercontent.com/u/{id}?v=4"), "gravatar_id": "",
        "url": format!("https://api.github.com/users/{login}"), "html_url": format!("https://github.com/{login}"),
        "followers_url": format!("https://api.github.com/users/{login}/followers"),
        "following_url": format!("https://api.github.com/users/{login}/following{{/other_user}}"),
        "gists_url": format!("https://api.github.com/users/{login}/gists{{/gist_id}}"),
        "starred_url": format!("https://api.github.com/users/{login}/starred{{/owner}}{{/repo}}"),
        "subscriptions_url": format!("https://api.github.com/users/{login}/subscriptions"),
        "organizations_url": format!("https://api.github.com/users/{login}/orgs"),
        "repos_url": format!("https://api.github.com/users/{login}/repos"),
        "events_url": format!("https://api.github.com/users/{login}/events{{/privacy}}"),
        "received_events_url": format!("https://api.github.com/users/{login}/received_events"),
        "type": kind, "user_view_type": "public", "site_admin": false
    })
}

/// An issue comment object, as the REST API returns it.
pub fn comment(id: u64, body: &str, author: Value) -> Value {
    json!({
        "url": format!("https://api.github.com/repos/acme/plans/issues/comments/{id}"),
        "html_url": format!("https://github.com/acme/plans/pull/5#issuecomment-{id}"),
        "issue_url": "https://api.github.com/repos/acme/plans/issues/5",
        "id": id, "node_id": format!("IC_kwDO{id}"), "user": author,
        "created_at": "2026-09-24T02:00:00Z", "updated_at": "2026-09-24T02:00:00Z",
        "author_association": "NONE", "body": body,
        "reactions": { "url": format!("https://api.github.com/repos/acme/plans/issues/comments/{id}/reactions"),
            "total_count": 0, "+1": 0, "-1": 0, "laugh": 0, "hooray": 0, "confused": 0, "heart": 0, "rocket": 0, "eyes": 0 },
        "performed_via_github_app": null
    })
}

pub fn actions_bot() -> Value {
    user("github-actions[bot]", "Bot", 41898282)
}

pub fn status_created() -> Value {
    json!({ "url": format!("https://api.github.com/repos/acme/plans/statuses/{SHA}"), "id": 1, "node_id": "SC_1",
        "state": "failure", "description": "x", "target_url": null, "context": "baton",
        "created_at": "2026-09-24T02:00:00Z", "updated_at": "2026-09-24T02:00:00Z", "creator": actions_bot() })
}

/// A pull-request report with one new error.
pub fn write_report(dir: &Path) -> std::path::PathBuf {
    let report = json!({
        "version": 1, "now": "2026-09-24T10:00:00+08:00", "root": "", "lang": "en",
        "base": { "rev": "main", "commit": "a".repeat(40) }, "head": { "rev": "HEAD", "commit": SHA },
        "summary": { "items": 2, "errors": 1, "warnings": 0, "infos": 0, "new": 1, "new_errors": 1, "existing": 0, "fixed": 0 },
        "findings": [{ "rule": "D001", "name": "overdue", "severity": "error", "item": "T-1", "path": "tasks/T-1.toml",
            "line": 3, "column": 7, "end_line": 3, "end_column": 17, "field": "due",
            "message": "overdue: due 2026-09-22 18:00, 2 working days ago", "fingerprint": "abc", "change": "new" }],
        "changed": [{ "id": "T-1", "path": "tasks/T-1.toml", "change": "modified" }], "policy_changed": []
    });
    let path = dir.join("report.json");
    std::fs::write(&path, serde_json::to_string(&report).unwrap()).unwrap();
    path
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

/// Runs `baton comment` against `server` (blocking, off the async runtime).
pub async fn comment_run(
    server: &MockServer,
    extra: &[&str],
    env: Vec<(&'static str, String)>,
) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let report = write_report(dir.path());
    let mut args: Vec<String> = vec![
        "comment".into(),
        "--repo".into(),
        "acme/plans".into(),
        "--pr".into(),
        "5".into(),
        "--report".into(),
    ];
    args.push(report.display().to_string());
    args.extend(extra.iter().map(|s| s.to_string()));
    let api = server.uri();
    let run = tokio::task::spawn_blocking(move || {
        let started = Instant::now();
        let mut command = Command::new(env!("CARGO_BIN_EXE_baton"));
        command
            .args(&args)
            .env("GITHUB_TOKEN", TOKEN)
            .env("GITHUB_API_URL", api)
            .env("GITHUB_SERVER_URL", "https://github.com")
            .env("GITHUB_RUN_ID", "42")
            .env("GITHUB_REPOSITORY", "acme/plans")
            .env_remove("GITHUB_EVENT_PATH")
            .env_remove("GITHUB_STEP_SUMMARY")
            // Not another forge's CI job, whatever runs the tests.
            .env_remove("GITLAB_CI")
            .env_remove("GITEA_ACTIONS")
            .env_remove("FORGEJO_ACTIONS");
        for (key, value) in env {
            command.env(key, value);
        }
        let output = command.output().unwrap();
        (output, started.elapsed())
    })
    .await
    .unwrap();
    let (output, elapsed) = run;
    let run = Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        elapsed,
    };
    assert!(
        !run.stdout.contains(TOKEN) && !run.stderr.contains(TOKEN),
        "the token leaked"
    );
    drop(dir);
    run
}

pub async fn requests(server: &MockServer) -> Vec<Request> {
    server.received_requests().await.unwrap_or_default()
}

pub fn count(requests: &[Request], verb: &str, url_path: &str) -> usize {
    requests
        .iter()
        .filter(|r| r.method.as_str() == verb && r.url.path() == url_path)
        .count()
}

pub async fn app_token(server: &MockServer) {
    // An installation token may not read /user.
    Mock::given(method("GET"))
        .and(path("/user"))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({ "message": "Resource not accessible by integration", "documentation_url": "https://docs.github.com/rest/users/users#get-the-authenticated-user", "status": "403" })))
        .mount(server)
        .await;
}

pub async fn status_ok(server: &MockServer) {
    Mock::given(method("POST"))
        .and(path(format!("/repos/acme/plans/statuses/{SHA}")))
        .respond_with(ResponseTemplate::new(201).set_body_json(status_created()))
        .mount(server)
        .await;
}
