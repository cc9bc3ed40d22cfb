//! `baton comment` against a local GitHub API: a wiremock server on
//! 127.0.0.1 that answers with GitHub's response shapes and records every
//! request. Nothing leaves the machine.

mod support;

use std::process::Command;
use std::time::Duration;

use serde_json::{Value, json};
use support::github::*;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_run_creates_one_comment_and_one_status() {
    let server = MockServer::start().await;
    app_token(&server).await;
    status_ok(&server).await;
    Mock::given(method("GET"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(201).set_body_json(comment(1001, "x", actions_bot())))
        .mount(&server)
        .await;
    let run = comment_run(&server, &[], vec![]).await;
    assert_eq!(
        run.code, 1,
        "exit by the findings (one new error): {}",
        run.stderr
    );
    let requests = requests(&server).await;
    assert_eq!(count(&requests, "POST", COMMENTS), 1);
    assert_eq!(
        count(
            &requests,
            "POST",
            &format!("/repos/acme/plans/statuses/{SHA}")
        ),
        1
    );
    let created: Value = requests
        .iter()
        .find(|r| r.method.as_str() == "POST" && r.url.path() == COMMENTS)
        .unwrap()
        .body_json()
        .unwrap();
    let body = created["body"].as_str().unwrap();
    assert!(body.starts_with(MARKER));
    assert!(body.contains("### ❌ baton: 1 new error"));
    assert!(body.contains(&format!(
        "[tasks/T-1.toml:3](https://github.com/acme/plans/blob/{SHA}/tasks/T-1.toml#L3)"
    )));
    let status: Value = requests
        .iter()
        .find(|r| r.url.path().contains("/statuses/"))
        .unwrap()
        .body_json()
        .unwrap();
    assert_eq!(status["context"], "baton");
    assert_eq!(status["state"], "failure");
    assert_eq!(
        status["target_url"],
        "https://github.com/acme/plans/actions/runs/42"
    );
    assert!(
        status["description"]
            .as_str()
            .unwrap()
            .starts_with("baton: 1 new error")
    );
    // The token is sent, and only in the Authorization header.
    let auth = requests[0]
        .headers
        .get("authorization")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(auth.ends_with(TOKEN), "{auth}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_second_run_updates_the_same_comment() {
    let server = MockServer::start().await;
    app_token(&server).await;
    status_ok(&server).await;
    let ours = comment(1001, &format!("{MARKER}\n### ✅ old"), actions_bot());
    Mock::given(method("GET"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([ours])))
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path("/repos/acme/plans/issues/comments/1001"))
        .respond_with(ResponseTemplate::new(200).set_body_json(comment(
            1001,
            "updated",
            actions_bot(),
        )))
        .mount(&server)
        .await;
    let run = comment_run(&server, &[], vec![]).await;
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("updated comment 1001"),
        "{}",
        run.stderr
    );
    let requests = requests(&server).await;
    assert_eq!(
        count(&requests, "PATCH", "/repos/acme/plans/issues/comments/1001"),
        1
    );
    assert_eq!(
        count(&requests, "POST", COMMENTS),
        0,
        "never a second comment"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn someone_elses_comment_with_the_same_text_is_left_alone() {
    let server = MockServer::start().await;
    // A personal token: /user answers, and only its comments are baton's.
    Mock::given(method("GET"))
        .and(path("/user"))
        .respond_with(ResponseTemplate::new(200).set_body_json(user("baton-bot", "User", 7)))
        .mount(&server)
        .await;
    status_ok(&server).await;
    let copied = comment(
        900,
        &format!("{MARKER}\n### ✅ baton: looks fine to me"),
        user("octocat", "User", 1),
    );
    let bot = comment(901, &format!("{MARKER}\n### ✅ another bot"), actions_bot());
    Mock::given(method("GET"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([copied, bot])))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(201).set_body_json(comment(
            1002,
            "x",
            user("baton-bot", "User", 7),
        )))
        .mount(&server)
        .await;
    let run = comment_run(&server, &[], vec![]).await;
    assert_eq!(run.code, 1, "{}", run.stderr);
    let requests = requests(&server).await;
    assert_eq!(count(&requests, "POST", COMMENTS), 1);
    assert!(
        requests.iter().all(|r| r.method.as_str() != "PATCH"),
        "nobody else's comment is edited"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn it_pages_through_250_comments_to_find_its_own() {
    let server = MockServer::start().await;
    app_token(&server).await;
    status_ok(&server).await;
    let others = |from: u64, n: u64| -> Vec<Value> {
        (from..from + n)
            .map(|id| comment(id, "LGTM", user("octocat", "User", 1)))
            .collect()
    };
    let mut last = others(201, 50);
    last[40] = comment(241, &format!("{MARKER}\n### ✅ old"), actions_bot());
    let next = |page: u32| {
        format!(
            "<{}{COMMENTS}?per_page=100&page={page}>; rel=\"next\", <{}{COMMENTS}?per_page=100&page=3>; rel=\"last\"",
            server.uri(),
            server.uri()
        )
    };
    Mock::given(method("GET"))
        .and(path(COMMENTS))
        .and(query_param("page", "2"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(others(101, 100))
                .insert_header("link", next(3).as_str()),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(COMMENTS))
        .and(query_param("page", "3"))
        .respond_with(ResponseTemplate::new(200).set_body_json(last))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(COMMENTS))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(others(1, 100))
                .insert_header("link", next(2).as_str()),
        )
        .with_priority(10)
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path("/repos/acme/plans/issues/comments/241"))
        .respond_with(ResponseTemplate::new(200).set_body_json(comment(
            241,
            "updated",
            actions_bot(),
        )))
        .mount(&server)
        .await;
    let run = comment_run(&server, &[], vec![]).await;
    assert_eq!(run.code, 1, "{}", run.stderr);
    let requests = requests(&server).await;
    assert_eq!(count(&requests, "GET", COMMENTS), 3);
    assert_eq!(
        count(&requests, "PATCH", "/repos/acme/plans/issues/comments/241"),
        1
    );
    assert_eq!(count(&requests, "POST", COMMENTS), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_error_is_retried() {
    let server = MockServer::start().await;
    app_token(&server).await;
    status_ok(&server).await;
    Mock::given(method("GET"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(COMMENTS))
        .respond_with(
            ResponseTemplate::new(500).set_body_json(json!({ "message": "Server Error" })),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(201).set_body_json(comment(1003, "x", actions_bot())))
        .with_priority(2)
        .mount(&server)
        .await;
    let run = comment_run(&server, &[], vec![]).await;
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(count(&requests(&server).await, "POST", COMMENTS), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_secondary_rate_limit_is_waited_out_as_retry_after_says() {
    let server = MockServer::start().await;
    app_token(&server).await;
    status_ok(&server).await;
    Mock::given(method("GET"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    Mock::given(method("POST")).and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(403).insert_header("retry-after", "2")
            .set_body_json(json!({ "message": "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", "documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits" })))
        .up_to_n_times(1).with_priority(1).mount(&server).await;
    Mock::given(method("POST"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(201).set_body_json(comment(1004, "x", actions_bot())))
        .with_priority(2)
        .mount(&server)
        .await;
    let run = comment_run(&server, &[], vec![]).await;
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.elapsed >= Duration::from_secs(2),
        "waited {:?}",
        run.elapsed
    );
    assert_eq!(count(&requests(&server).await, "POST", COMMENTS), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forks_read_only_token_degrades_to_the_job_summary() {
    let server = MockServer::start().await;
    app_token(&server).await;
    Mock::given(method("GET"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    Mock::given(method("POST")).and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({ "message": "Resource not accessible by integration", "documentation_url": "https://docs.github.com/rest/issues/comments#create-an-issue-comment", "status": "403" })))
        .mount(&server).await;
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    let run = comment_run(
        &server,
        &[],
        vec![("GITHUB_STEP_SUMMARY", summary.display().to_string())],
    )
    .await;
    assert_eq!(
        run.code, 1,
        "exit by the findings, not by the 403: {}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("Pull requests from forks get a read-only token"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.starts_with(MARKER), "the comment is in the log");
    let written = std::fs::read_to_string(&summary).unwrap();
    assert!(written.starts_with(MARKER) && written.contains("1 new error"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hung_server_times_out() {
    let server = MockServer::start().await;
    app_token(&server).await;
    Mock::given(method("GET"))
        .and(path(COMMENTS))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!([]))
                .set_delay(Duration::from_secs(30)),
        )
        .mount(&server)
        .await;
    let run = comment_run(&server, &["--timeout", "1"], vec![]).await;
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("GitHub did not answer within 1 s"),
        "{}",
        run.stderr
    );
    assert!(run.elapsed < Duration::from_secs(10), "{:?}", run.elapsed);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn end_to_end_from_a_git_repository_to_the_comment() {
    use support::*;
    let repo = TestRepo::new();
    repo.write("baton.toml", BATON).write("org.toml", ORG)
        .write("tasks/T-1.toml", "title = \"接口调试\"\nowner = \"li.gong\"\ndeliverable = \"报告\"\nacceptance = \"通过\"\ndue = 2026-10-20\n");
    let base = repo.commit(ADMIN, "2026-09-01T10:00:00+08:00");
    // The head of the owner's department moves the date (entitled: no O005).
    repo.edit("tasks/T-1.toml", "due", "due = 2026-09-22");
    let head = repo.commit(CHEN, "2026-09-22T10:00:00+08:00");
    let report = repo.path().join("report.json");
    let status = Command::new(env!("CARGO_BIN_EXE_baton"))
        .args([
            "check",
            "--base",
            &base.to_string(),
            "--head",
            &head.to_string(),
            "--now",
            "2026-09-24T10:00:00+08:00",
            "--format",
            "json",
            "--output",
        ])
        .arg(&report)
        .arg(repo.path())
        .env_remove("GITHUB_STEP_SUMMARY")
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));

    let server = MockServer::start().await;
    app_token(&server).await;
    Mock::given(method("GET"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(201).set_body_json(comment(1005, "x", actions_bot())))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/repos/acme/plans/statuses/{head}")))
        .respond_with(ResponseTemplate::new(201).set_body_json(status_created()))
        .mount(&server)
        .await;
    let api = server.uri();
    let report_arg = report.display().to_string();
    let output = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_baton"))
            .args([
                "comment",
                "--repo",
                "acme/plans",
                "--pr",
                "5",
                "--report",
                &report_arg,
            ])
            .env("GITHUB_TOKEN", TOKEN)
            .env("GITHUB_API_URL", api)
            .env_remove("GITHUB_STEP_SUMMARY")
            .env_remove("GITHUB_EVENT_PATH")
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let requests = requests(&server).await;
    let created: Value = requests
        .iter()
        .find(|r| r.method.as_str() == "POST" && r.url.path() == COMMENTS)
        .unwrap()
        .body_json()
        .unwrap();
    let body = created["body"].as_str().unwrap();
    assert!(body.contains("### ❌ baton: 1 new error"), "{body}");
    assert!(
        body.contains("overdue: due 2026-09-22 18:00, 2 working days ago"),
        "{body}"
    );
    assert!(
        body.contains(&format!("/blob/{head}/tasks/T-1.toml#L5")),
        "{body}"
    );
    assert!(body.contains("```mermaid"), "{body}");
    assert_eq!(
        count(
            &requests,
            "POST",
            &format!("/repos/acme/plans/statuses/{head}")
        ),
        1
    );
}
