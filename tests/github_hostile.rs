//! `baton comment` against a GitHub stand-in that lies, leaks, stalls and
//! floods: every answer is checked, the token never shows, server text
//! cannot drive the terminal, and a wrong token is a setup error (exit 2),
//! never "a fork's read-only token". Nothing leaves 127.0.0.1.

mod support;

use std::time::Duration;

use serde_json::json;
use support::github::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A stand-in where listing finds no comment of baton's.
async fn no_comments_yet(server: &MockServer) {
    app_token(server).await;
    Mock::given(method("GET"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(server)
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_echoes_the_token_does_not_get_it_printed() {
    let server = MockServer::start().await;
    no_comments_yet(&server).await;
    Mock::given(method("POST"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(422).set_body_json(json!({
            "message": format!("Validation Failed for Authorization: Bearer {TOKEN}\u{1b}]0;owned\u{7}\u{1b}[2J"),
        })))
        .mount(&server)
        .await;
    // comment_run asserts the token is in neither stream.
    let run = comment_run(&server, &[], vec![]).await;
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("Bearer ***"), "{}", run.stderr);
    assert!(
        !run.stderr.contains('\u{1b}') && !run.stderr.contains('\u{7}'),
        "{:?}",
        run.stderr
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_token_is_a_setup_error_not_a_fork() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/user"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({
            "message": "Bad credentials",
            "documentation_url": "https://docs.github.com/rest",
            "status": "401"
        })))
        .mount(&server)
        .await;
    let run = comment_run(&server, &[], vec![]).await;
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("GitHub rejected the token (401: Bad credentials)"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("forks"), "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_that_are_not_githubs_are_errors_not_successes() {
    // Garbage where the user should be.
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/user"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{\"login\": [[["))
        .mount(&server)
        .await;
    let run = comment_run(&server, &[], vec![]).await;
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("not what GitHub sends"),
        "{}",
        run.stderr
    );

    // A "created" comment without an id.
    let server = MockServer::start().await;
    no_comments_yet(&server).await;
    Mock::given(method("POST"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({})))
        .mount(&server)
        .await;
    let run = comment_run(&server, &[], vec![]).await;
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!run.stderr.contains("created comment"), "{}", run.stderr);

    // A 200 where creating answers 201, and a status that set something else.
    let server = MockServer::start().await;
    no_comments_yet(&server).await;
    Mock::given(method("POST"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(200).set_body_json(comment(9, "x", actions_bot())))
        .mount(&server)
        .await;
    let run = comment_run(&server, &[], vec![]).await;
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("status 200, where GitHub answers 201"),
        "{}",
        run.stderr
    );

    let server = MockServer::start().await;
    no_comments_yet(&server).await;
    Mock::given(method("POST"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(201).set_body_json(comment(9, "x", actions_bot())))
        .mount(&server)
        .await;
    let mut wrong = status_created();
    wrong["context"] = json!("someone-else");
    Mock::given(method("POST"))
        .and(path(format!("/repos/acme/plans/statuses/{SHA}")))
        .respond_with(ResponseTemplate::new(201).set_body_json(wrong))
        .mount(&server)
        .await;
    let run = comment_run(&server, &[], vec![]).await;
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!run.stderr.contains("set status"), "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redirect_is_not_followed() {
    let server = MockServer::start().await;
    no_comments_yet(&server).await;
    Mock::given(method("POST"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(302).insert_header("location", "/user"))
        .mount(&server)
        .await;
    let run = comment_run(&server, &[], vec![]).await;
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("a redirect to `/user`"),
        "{}",
        run.stderr
    );
    let requests = requests(&server).await;
    assert_eq!(
        count(&requests, "GET", "/user"),
        1,
        "only the identity call"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_is_cut_off_at_the_cap() {
    let server = MockServer::start().await;
    app_token(&server).await;
    let flood = format!("[{}]", "0,".repeat(10 * 1024 * 1024) + "0");
    Mock::given(method("GET"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(200).set_body_string(flood))
        .mount(&server)
        .await;
    let run = comment_run(&server, &[], vec![]).await;
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("over the 16777216-byte limit"),
        "{}",
        run.stderr
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_busy_server_is_asked_again_after_its_retry_after() {
    let server = MockServer::start().await;
    no_comments_yet(&server).await;
    status_ok(&server).await;
    Mock::given(method("POST"))
        .and(path(COMMENTS))
        .respond_with(
            ResponseTemplate::new(503)
                .insert_header("retry-after", "1")
                .set_body_json(json!({ "message": "Service Unavailable" })),
        )
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(COMMENTS))
        .respond_with(ResponseTemplate::new(201).set_body_json(comment(7, "x", actions_bot())))
        .with_priority(2)
        .mount(&server)
        .await;
    let run = comment_run(&server, &[], vec![]).await;
    assert_eq!(run.code, 1, "published; the findings fail: {}", run.stderr);
    assert!(run.stderr.contains("created comment 7"), "{}", run.stderr);
    assert!(run.elapsed >= Duration::from_secs(2), "{:?}", run.elapsed);
    assert_eq!(count(&requests(&server).await, "POST", COMMENTS), 3);

    // Down for good: said as such, not as a rate limit.
    let server = MockServer::start().await;
    no_comments_yet(&server).await;
    Mock::given(method("POST"))
        .and(path(COMMENTS))
        .respond_with(
            ResponseTemplate::new(503)
                .insert_header("retry-after", "0")
                .set_body_json(json!({ "message": "Service Unavailable" })),
        )
        .mount(&server)
        .await;
    let run = comment_run(&server, &[], vec![]).await;
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("GitHub answered 503 4 times"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("rate limit"), "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_next_page_on_another_host_is_not_followed() {
    let server = MockServer::start().await;
    let elsewhere = MockServer::start().await;
    app_token(&server).await;
    Mock::given(method("GET"))
        .and(path(COMMENTS))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!([]))
                .insert_header(
                    "link",
                    format!("<{}{COMMENTS}?page=2>; rel=\"next\"", elsewhere.uri()).as_str(),
                ),
        )
        .mount(&server)
        .await;
    let run = comment_run(&server, &[], vec![]).await;
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("not followed"), "{}", run.stderr);
    assert!(
        requests(&elsewhere).await.is_empty(),
        "the token went elsewhere"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_repository_or_commit_that_would_leave_its_url_is_refused() {
    let server = MockServer::start().await;
    let run = comment_run(&server, &["--repo", "acme/../../orgs"], vec![]).await;
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = comment_run(&server, &["--sha", "../../../orgs/x"], vec![]).await;
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("is not a commit id"), "{}", run.stderr);
    assert!(requests(&server).await.is_empty());
    // The token is never sent in clear across a network.
    let run = comment_run(
        &server,
        &[],
        vec![("GITHUB_API_URL", "http://192.0.2.1/api/v3".into())],
    )
    .await;
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("is not https"), "{}", run.stderr);
    assert!(run.elapsed < Duration::from_secs(5), "it tried to connect");
}
