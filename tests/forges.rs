//! `baton comment` on GitLab and Gitea/Forgejo, against local stand-ins on
//! 127.0.0.1 that answer with each forge's documented response shapes
//! (GitLab: `doc/api/notes.md`, `doc/api/commits.md`; Gitea:
//! `modules/structs/issue_comment.go`, `status.go`): one note, then edits
//! of it, never two; someone else's and system notes untouched; paging;
//! retries; a read-only or wrong token; the token never printed.

mod support;

use std::process::Command;

use serde_json::{Value, json};
use support::github::{MARKER, SHA, count, requests, write_report};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "glpat-TOPSECRET0123456789ab";
const NOTES: &str = "/projects/42/merge_requests/7/notes";

/// A GitLab user, as `GET /user` and a note's `author` have it.
fn gitlab_user(username: &str, id: u64, bot: bool) -> Value {
    json!({ "id": id, "username": username, "name": username, "state": "active", "locked": false,
        "avatar_url": "https://gitlab.example.com/uploads/-/system/user/avatar/1/a.png",
        "web_url": format!("https://gitlab.example.com/{username}"), "bot": bot })
}

/// A merge-request note, as GitLab's Notes API returns it.
fn note(id: u64, body: &str, author: Value, system: bool) -> Value {
    json!({ "id": id, "type": null, "body": body, "attachment": null, "author": author,
        "created_at": "2026-09-24T02:00:00.000Z", "updated_at": "2026-09-24T02:00:00.000Z",
        "system": system, "noteable_id": 1007, "noteable_type": "MergeRequest", "project_id": 42,
        "noteable_iid": 7, "resolvable": false, "confidential": false, "internal": false,
        "imported": false, "imported_from": "none" })
}

fn bot() -> Value {
    gitlab_user("project_42_bot_3f2a", 77, true)
}

/// Runs `baton comment` in a GitLab merge-request pipeline's environment.
async fn gitlab_run(
    server: &MockServer,
    env: Vec<(&'static str, String)>,
) -> (i32, String, String) {
    let api = format!("{}/api/v4", server.uri());
    run(
        vec![
            ("GITLAB_CI", "true".into()),
            ("CI_API_V4_URL", api),
            ("CI_PROJECT_ID", "42".into()),
            ("CI_MERGE_REQUEST_IID", "7".into()),
            (
                "CI_PROJECT_URL",
                "https://gitlab.example.com/pmo/plans".into(),
            ),
            (
                "CI_PIPELINE_URL",
                "https://gitlab.example.com/pmo/plans/-/pipelines/901".into(),
            ),
            ("CI_PIPELINE_ID", "901".into()),
            ("BATON_GITLAB_TOKEN", TOKEN.into()),
        ],
        env,
    )
    .await
}

/// Runs `baton comment --report …` with the environment given, none of the
/// runner's forge variables, and checks the token is never printed.
async fn run(
    base: Vec<(&'static str, String)>,
    extra: Vec<(&'static str, String)>,
) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let report = write_report(dir.path());
    let output = tokio::task::spawn_blocking(move || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_baton"));
        command.args(["comment", "--report"]).arg(&report);
        for name in [
            "GITHUB_ACTIONS",
            "GITLAB_CI",
            "GITEA_ACTIONS",
            "FORGEJO_ACTIONS",
            "GITHUB_TOKEN",
            "GITEA_TOKEN",
            "BATON_GITLAB_TOKEN",
            "CI_JOB_TOKEN",
            "GITHUB_API_URL",
            "GITHUB_REPOSITORY",
            "GITHUB_EVENT_PATH",
            "GITHUB_STEP_SUMMARY",
            "CI_API_V4_URL",
        ] {
            command.env_remove(name);
        }
        for (key, value) in base.into_iter().chain(extra) {
            command.env(key, value);
        }
        command.output().unwrap()
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    for secret in [TOKEN, GITEA_TOKEN] {
        assert!(
            !stdout.contains(secret) && !stderr.contains(secret),
            "the token leaked"
        );
    }
    (output.status.code().unwrap_or(-1), stdout, stderr)
}

async fn gitlab_identity(server: &MockServer) {
    Mock::given(method("GET"))
        .and(path("/api/v4/user"))
        .and(header("private-token", TOKEN))
        .respond_with(ResponseTemplate::new(200).set_body_json(bot()))
        .mount(server)
        .await;
}

async fn gitlab_status(server: &MockServer) {
    Mock::given(method("POST"))
        .and(path(format!("/api/v4/projects/42/statuses/{SHA}")))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "id": 93, "sha": SHA, "ref": null, "status": "failed", "name": "baton",
            "target_url": "https://gitlab.example.com/pmo/plans/-/pipelines/901", "description": "x",
            "coverage": null, "allow_failure": false, "created_at": "2026-09-24T02:00:00.000Z",
            "started_at": null, "finished_at": "2026-09-24T02:00:00.000Z", "author": bot() })))
        .mount(server)
        .await;
}

fn body_of(request: &wiremock::Request) -> Value {
    serde_json::from_slice(&request.body).unwrap()
}

#[tokio::test]
async fn gitlab_gets_one_note_and_a_failed_status_from_the_pipeline_alone() {
    let server = MockServer::start().await;
    gitlab_identity(&server).await;
    gitlab_status(&server).await;
    // Someone quoting baton, and a system note that happens to start with
    // the marker: neither is baton's note.
    let others = json!([
        note(
            1,
            "Looks good to me",
            gitlab_user("zhang.jingli", 5, false),
            false
        ),
        note(
            2,
            &format!("{MARKER}\ncopied"),
            gitlab_user("zhang.jingli", 5, false),
            false
        ),
        note(3, &format!("{MARKER}\nadded 1 commit"), bot(), true),
    ]);
    Mock::given(method("GET"))
        .and(path(format!("/api/v4{NOTES}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(others))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/api/v4{NOTES}")))
        .respond_with(ResponseTemplate::new(201).set_body_json(note(10, MARKER, bot(), false)))
        .mount(&server)
        .await;
    let (code, stdout, stderr) = gitlab_run(&server, vec![]).await;
    assert_eq!(code, 1, "a new error fails: {stdout}{stderr}");
    assert!(
        stderr.contains("created comment 10 on GitLab 42#7"),
        "{stderr}"
    );
    let all = requests(&server).await;
    assert_eq!(count(&all, "POST", &format!("/api/v4{NOTES}")), 1);
    assert_eq!(all.iter().filter(|r| r.method.as_str() == "PUT").count(), 0);
    let posted = all
        .iter()
        .find(|r| r.method.as_str() == "POST" && r.url.path().ends_with("/notes"))
        .unwrap();
    let body = body_of(posted)["body"].as_str().unwrap().to_string();
    assert!(body.starts_with(MARKER), "{body}");
    assert!(
        body.contains(&format!(
            "https://gitlab.example.com/pmo/plans/-/blob/{SHA}/tasks/T-1.toml#L3"
        )),
        "files link the way GitLab shows them: {body}"
    );
    let status = all
        .iter()
        .find(|r| r.url.path().contains("/statuses/"))
        .unwrap();
    let status = body_of(status);
    assert_eq!(status["state"], "failed");
    assert_eq!(status["name"], "baton");
    assert_eq!(status["pipeline_id"], 901);
    assert_eq!(
        status["target_url"],
        "https://gitlab.example.com/pmo/plans/-/pipelines/901"
    );
    // The token went as GitLab takes it, never in a URL.
    for request in &all {
        assert_eq!(request.headers.get("private-token").unwrap(), TOKEN);
        assert!(!request.url.as_str().contains(TOKEN));
    }
}

#[tokio::test]
async fn gitlab_edits_its_note_on_the_second_page_in_place() {
    let server = MockServer::start().await;
    gitlab_identity(&server).await;
    gitlab_status(&server).await;
    let first: Vec<Value> = (1..=100)
        .map(|i| {
            note(
                i,
                "a review remark",
                gitlab_user("li.gong", 6, false),
                false,
            )
        })
        .collect();
    let next = format!(
        "<{}/api/v4{NOTES}?page=2&per_page=100&sort=asc>; rel=\"next\"",
        server.uri()
    );
    Mock::given(method("GET"))
        .and(path(format!("/api/v4{NOTES}")))
        .and(wiremock::matchers::query_param("page", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([note(
            150,
            &format!("{MARKER}\nthe last run"),
            bot(),
            false
        )])))
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/api/v4{NOTES}")))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(first)
                .insert_header("link", next.as_str())
                .insert_header("x-next-page", "2"),
        )
        .with_priority(2)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path(format!("/api/v4{NOTES}/150")))
        .respond_with(ResponseTemplate::new(200).set_body_json(note(150, MARKER, bot(), false)))
        .mount(&server)
        .await;
    let (code, stdout, stderr) = gitlab_run(&server, vec![]).await;
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("updated comment 150"), "{stderr}");
    let all = requests(&server).await;
    assert_eq!(
        count(&all, "POST", &format!("/api/v4{NOTES}")),
        0,
        "never two"
    );
    assert_eq!(count(&all, "PUT", &format!("/api/v4{NOTES}/150")), 1);
}

#[tokio::test]
async fn gitlab_retries_a_busy_server_and_a_throttle() {
    let server = MockServer::start().await;
    gitlab_identity(&server).await;
    gitlab_status(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("/api/v4{NOTES}")))
        .respond_with(ResponseTemplate::new(502).set_body_string("<html>502 Bad Gateway</html>"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/api/v4{NOTES}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .with_priority(2)
        .mount(&server)
        .await;
    // GitLab's throttle: plain text, Retry-After in seconds.
    Mock::given(method("POST"))
        .and(path(format!("/api/v4{NOTES}")))
        .respond_with(
            ResponseTemplate::new(429)
                .set_body_string("Retry later")
                .insert_header("retry-after", "1")
                .insert_header("ratelimit-name", "throttle_authenticated_api"),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/api/v4{NOTES}")))
        .respond_with(ResponseTemplate::new(201).set_body_json(note(11, MARKER, bot(), false)))
        .with_priority(2)
        .mount(&server)
        .await;
    let (code, stdout, stderr) = gitlab_run(&server, vec![]).await;
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("created comment 11"), "{stderr}");
    let all = requests(&server).await;
    assert_eq!(count(&all, "GET", &format!("/api/v4{NOTES}")), 2);
    assert_eq!(count(&all, "POST", &format!("/api/v4{NOTES}")), 2);
}

#[tokio::test]
async fn gitlab_tokens_that_cannot_write_say_what_is_needed() {
    // No token but the job's: it cannot write notes.
    let server = MockServer::start().await;
    let (code, _, stderr) = gitlab_run(
        &server,
        vec![
            ("BATON_GITLAB_TOKEN", String::new()),
            ("CI_JOB_TOKEN", "job-token".into()),
        ],
    )
    .await;
    assert_eq!(code, 2);
    assert!(
        stderr.contains("CI_JOB_TOKEN cannot write merge-request notes")
            && stderr.contains("project access token with the `api` scope"),
        "{stderr}"
    );
    assert!(requests(&server).await.is_empty());

    // A wrong token: a setup error, exit 2.
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v4/user"))
        .respond_with(
            ResponseTemplate::new(401).set_body_json(json!({ "message": "401 Unauthorized" })),
        )
        .mount(&server)
        .await;
    let (code, _, stderr) = gitlab_run(&server, vec![]).await;
    assert_eq!(code, 2);
    assert!(
        stderr.contains(
            "GitLab rejected the token (401: 401 Unauthorized): BATON_GITLAB_TOKEN is wrong"
        ),
        "{stderr}"
    );

    // A token without the right to write: the note goes to the log, the
    // verdict stands.
    let server = MockServer::start().await;
    gitlab_identity(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("/api/v4{NOTES}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/api/v4{NOTES}")))
        .respond_with(
            ResponseTemplate::new(403).set_body_json(json!({ "message": "403 Forbidden" })),
        )
        .mount(&server)
        .await;
    let (code, stdout, stderr) = gitlab_run(&server, vec![]).await;
    assert_eq!(code, 1);
    assert!(
        stderr.contains("GitLab refused the note (403: 403 Forbidden)"),
        "{stderr}"
    );
    assert!(stdout.contains(MARKER), "the note is in the log: {stdout}");
}

#[tokio::test]
async fn gitlab_setting_the_state_a_commit_already_has_is_not_an_error() {
    let server = MockServer::start().await;
    gitlab_identity(&server).await;
    Mock::given(method("GET"))
        .and(path(format!("/api/v4{NOTES}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([note(
            12,
            MARKER,
            bot(),
            false
        )])))
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path(format!("/api/v4{NOTES}/12")))
        .respond_with(ResponseTemplate::new(200).set_body_json(note(12, MARKER, bot(), false)))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/api/v4/projects/42/statuses/{SHA}")))
        .respond_with(
            ResponseTemplate::new(400).set_body_json(
                json!({ "message": "Cannot transition status via :drop from :failed" }),
            ),
        )
        .mount(&server)
        .await;
    let (code, stdout, stderr) = gitlab_run(&server, vec![]).await;
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("set status `baton` to failure"), "{stderr}");
}

const GITEA_TOKEN: &str = "gitea-TOPSECRET-abcdef0123456789";
const GITEA_COMMENTS: &str = "/api/v1/repos/acme/plans/issues/5/comments";

/// A Gitea user, as its API returns one.
fn gitea_user(login: &str, id: i64) -> Value {
    json!({ "id": id, "login": login, "login_name": "", "source_id": 0, "full_name": login,
        "email": format!("{login}@noreply.example.com"), "avatar_url": "https://gitea.example.com/avatars/x",
        "html_url": format!("https://gitea.example.com/{login}"), "language": "", "is_admin": false,
        "last_login": "0001-01-01T00:00:00Z", "created": "2026-01-01T00:00:00Z", "restricted": false,
        "active": false, "prohibit_login": false, "location": "", "website": "", "description": "",
        "visibility": "public", "followers_count": 0, "following_count": 0, "starred_repos_count": 0,
        "username": login })
}

/// A pull request's comment, as Gitea returns it.
fn gitea_comment(id: u64, body: &str, user: Value) -> Value {
    json!({ "id": id, "html_url": format!("https://gitea.example.com/acme/plans/pulls/5#issuecomment-{id}"),
        "pull_request_url": "https://gitea.example.com/acme/plans/pulls/5", "issue_url": "",
        "user": user, "original_author": "", "original_author_id": 0, "body": body, "assets": [],
        "created_at": "2026-09-24T10:00:00+08:00", "updated_at": "2026-09-24T10:00:00+08:00" })
}

/// Runs `baton comment` in a Gitea Actions job (which also says it is
/// GitHub Actions) on pull request 5.
async fn gitea_run(server: &MockServer) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let event = dir.path().join("event.json");
    std::fs::write(
        &event,
        json!({ "action": "synchronized", "number": 5, "pull_request": { "number": 5,
            "head": { "sha": SHA }, "base": { "sha": "a".repeat(40) } } })
        .to_string(),
    )
    .unwrap();
    run(
        vec![
            ("GITHUB_EVENT_PATH", event.display().to_string()),
            ("GITEA_ACTIONS", "true".into()),
            ("GITHUB_ACTIONS", "true".into()),
            ("GITHUB_API_URL", format!("{}/api/v1", server.uri())),
            ("GITHUB_SERVER_URL", "https://gitea.example.com".into()),
            ("GITHUB_REPOSITORY", "acme/plans".into()),
            ("GITHUB_TOKEN", GITEA_TOKEN.into()),
        ],
        vec![],
    )
    .await
}

#[tokio::test]
async fn gitea_keeps_one_comment_and_sets_the_status() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/user"))
        .and(header(
            "authorization",
            format!("token {GITEA_TOKEN}").as_str(),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(gitea_user("gitea-actions", -2)))
        .mount(&server)
        .await;
    let comments = json!([
        gitea_comment(
            1,
            &format!("{MARKER}\nquoted"),
            gitea_user("zhang.jingli", 5)
        ),
        gitea_comment(
            2,
            &format!("{MARKER}\nthe last run"),
            gitea_user("gitea-actions", -2)
        ),
    ]);
    Mock::given(method("GET"))
        .and(path(GITEA_COMMENTS))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(comments)
                .insert_header("x-total-count", "2"),
        )
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path("/api/v1/repos/acme/plans/issues/comments/2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(gitea_comment(
            2,
            MARKER,
            gitea_user("gitea-actions", -2),
        )))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/api/v1/repos/acme/plans/statuses/{SHA}")))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "id": 7, "status": "failure", "target_url": "", "description": "x",
            "url": format!("https://gitea.example.com/api/v1/repos/acme/plans/statuses/{SHA}"),
            "context": "baton", "creator": gitea_user("gitea-actions", -2),
            "created_at": "2026-09-24T10:00:00+08:00", "updated_at": "2026-09-24T10:00:00+08:00" })))
        .mount(&server)
        .await;
    let (code, stdout, stderr) = gitea_run(&server).await;
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stderr.contains("updated comment 2 on Gitea acme/plans#5"),
        "{stderr}"
    );
    let all = requests(&server).await;
    assert_eq!(count(&all, "POST", GITEA_COMMENTS), 0, "never two");
    assert_eq!(
        count(&all, "PATCH", "/api/v1/repos/acme/plans/issues/comments/1"),
        0,
        "someone else's comment is untouched"
    );
    let patched = all.iter().find(|r| r.method.as_str() == "PATCH").unwrap();
    let body = body_of(patched)["body"].as_str().unwrap().to_string();
    assert!(
        body.contains(&format!(
            "https://gitea.example.com/acme/plans/src/commit/{SHA}/tasks/T-1.toml#L3"
        )),
        "{body}"
    );
    let status = all
        .iter()
        .find(|r| r.url.path().contains("/statuses/"))
        .unwrap();
    let status = body_of(status);
    assert_eq!(
        (status["state"].as_str(), status["context"].as_str()),
        (Some("failure"), Some("baton"))
    );
}

#[tokio::test]
async fn gitea_a_read_only_fork_token_degrades_to_the_log() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/user"))
        .respond_with(ResponseTemplate::new(200).set_body_json(gitea_user("gitea-actions", -2)))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(GITEA_COMMENTS))
        .respond_with(ResponseTemplate::new(500).set_body_json(json!({ "message": "database is locked", "url": "https://gitea.example.com/api/swagger" })))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(GITEA_COMMENTS))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .with_priority(2)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(GITEA_COMMENTS))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({ "message": "token does not have at least one of required scope(s): [write:issue]", "url": "https://gitea.example.com/api/swagger" })))
        .mount(&server)
        .await;
    let (code, stdout, stderr) = gitea_run(&server).await;
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stderr.contains("Gitea refused the comment (403"),
        "{stderr}"
    );
    assert_eq!(
        count(&requests(&server).await, "GET", GITEA_COMMENTS),
        2,
        "the 500 was retried"
    );
}

#[tokio::test]
async fn gitea_a_wrong_token_is_a_setup_error_and_pages_are_followed() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/user"))
        .respond_with(ResponseTemplate::new(401).set_body_json(
            json!({ "message": "user does not exist [uid: 0, name: ]", "url": "https://gitea.example.com/api/swagger" }),
        ))
        .mount(&server)
        .await;
    let (code, _, stderr) = gitea_run(&server).await;
    assert_eq!(code, 2);
    assert!(
        stderr.contains("Gitea rejected the token (401")
            && stderr.contains("GITHUB_TOKEN is wrong"),
        "{stderr}"
    );

    // A version that pages its comments: the `Link` is followed.
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/user"))
        .respond_with(ResponseTemplate::new(200).set_body_json(gitea_user("baton-bot", 9)))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(GITEA_COMMENTS))
        .and(wiremock::matchers::query_param("page", "2"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!([gitea_comment(
                31,
                &format!("{MARKER}\nthe last run"),
                gitea_user("baton-bot", 9)
            )])),
        )
        .with_priority(1)
        .mount(&server)
        .await;
    let next = format!(
        "<{}{GITEA_COMMENTS}?page=2&limit=50>; rel=\"next\"",
        server.uri()
    );
    Mock::given(method("GET"))
        .and(path(GITEA_COMMENTS))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!([gitea_comment(30, "LGTM", gitea_user("li.gong", 6))]))
                .insert_header("link", next.as_str()),
        )
        .with_priority(2)
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path("/api/v1/repos/acme/plans/issues/comments/31"))
        .respond_with(ResponseTemplate::new(200).set_body_json(gitea_comment(
            31,
            MARKER,
            gitea_user("baton-bot", 9),
        )))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/api/v1/repos/acme/plans/statuses/{SHA}")))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "id": 8, "status": "failure", "target_url": "", "description": "x", "url": "",
            "context": "baton", "creator": gitea_user("baton-bot", 9),
            "created_at": "2026-09-24T10:00:00+08:00", "updated_at": "2026-09-24T10:00:00+08:00" })))
        .mount(&server)
        .await;
    let (code, stdout, stderr) = gitea_run(&server).await;
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("updated comment 31"), "{stderr}");
    assert_eq!(count(&requests(&server).await, "POST", GITEA_COMMENTS), 0);
}
