//! `baton notify` against local stand-ins of Feishu and DingTalk on
//! 127.0.0.1 that check what the real services check: the signature,
//! computed here from each platform's documented algorithm (a wrong key
//! order fails), the keyword, the mention syntax; and the ledger, the
//! working calendar and secrets that never reach the output.

mod support;

use std::path::Path;
use std::process::Command;

use base64::Engine as _;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const SECRET: &str = "SECsecretSIGNINGkey0123";
const HOOK: &str = "/open-apis/bot/v2/hook/TOKENabcdef0123";
const NOW: &str = "2026-09-24T09:00:00+08:00";

fn hmac_b64(key: &[u8], message: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).unwrap();
    mac.update(message);
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// Feishu's custom bot: `timestamp` and `sign` in the body, sign =
/// base64(HMAC-SHA256(key = "timestamp\nsecret", message = "")); keyword
/// security; answers 200 with `code`.
struct Feishu {
    keyword: &'static str,
}

impl Respond for Feishu {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let Ok(body) = serde_json::from_slice::<Value>(&request.body) else {
            return ResponseTemplate::new(200)
                .set_body_json(json!({"code": 9499, "msg": "Bad Request"}));
        };
        let timestamp = body["timestamp"].as_str().unwrap_or("");
        let expected = hmac_b64(format!("{timestamp}\n{SECRET}").as_bytes(), b"");
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let fresh = timestamp
            .parse::<u64>()
            .is_ok_and(|t| t.abs_diff(now) < 3600);
        if body["sign"] != expected || !fresh {
            return ResponseTemplate::new(200).set_body_json(json!({"code": 19021, "msg": "sign match fail or timestamp is not within one hour from current time"}));
        }
        if !request
            .body
            .windows(self.keyword.len())
            .any(|w| w == self.keyword.as_bytes())
        {
            return ResponseTemplate::new(200)
                .set_body_json(json!({"code": 19024, "msg": "Key Words Not Found"}));
        }
        ResponseTemplate::new(200).set_body_json(json!({"code": 0, "data": {}, "msg": "success"}))
    }
}

/// DingTalk's custom robot: `timestamp` (ms) and `sign` in the query, sign
/// = urlencode(base64(HMAC-SHA256(key = secret, message = "timestamp\nsecret"))).
struct DingTalk;

impl Respond for DingTalk {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let query: std::collections::HashMap<String, String> = request
            .url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let timestamp = query.get("timestamp").cloned().unwrap_or_default();
        let expected = hmac_b64(
            SECRET.as_bytes(),
            format!("{timestamp}\n{SECRET}").as_bytes(),
        );
        if query.get("sign") != Some(&expected) {
            return ResponseTemplate::new(200)
                .set_body_json(json!({"errcode": 310000, "errmsg": "sign not match"}));
        }
        ResponseTemplate::new(200).set_body_json(json!({"errcode": 0, "errmsg": "ok"}))
    }
}

const CHANNELS: &str = "\n[[notify]]\nname = \"项目群\"\nkind = \"feishu\"\nurl_env = \"T_FEISHU_URL\"\nsecret_env = \"T_FEISHU_SECRET\"\nkeywords = [\"提醒\"]\n\n[[notify]]\nname = \"钉钉群\"\nkind = \"dingtalk\"\nurl_env = \"T_DING_URL\"\nsecret_env = \"T_DING_SECRET\"\n";

/// The example project with two channels and chat ids for wang.zhuguan.
fn project(dir: &Path) {
    project_with(dir, CHANNELS);
}

/// The example project with `channels` and chat ids for wang.zhuguan.
fn project_with(dir: &Path, channels: &str) {
    support::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("example-project"),
        dir,
        &["broken"],
    );
    // The example's own channel (its secrets are not set here) is replaced.
    let baton = std::fs::read_to_string(dir.join("baton.toml")).unwrap();
    let baton = match baton.find("\n[[notify]]") {
        Some(at) => baton[..at].to_string(),
        None => baton,
    };
    std::fs::write(dir.join("baton.toml"), format!("{baton}{channels}")).unwrap();
    // wang.zhuguan has a Feishu open_id and a mobile in the example; a
    // Slack member id too, here.
    let org = std::fs::read_to_string(dir.join("org.toml"))
        .unwrap()
        .replacen(
            "id = \"wang.zhuguan\"",
            "id = \"wang.zhuguan\"\nslack = \"U012AB3CD\"",
            1,
        );
    std::fs::write(dir.join("org.toml"), org).unwrap();
}

async fn notify(dir: &Path, server: &MockServer, secret: &str, extra: &[&str]) -> (i32, String) {
    let mut args = vec!["notify".to_string(), dir.display().to_string()];
    if !extra.contains(&"--now") {
        args.extend(["--now".to_string(), NOW.to_string()]);
    }
    args.extend(extra.iter().map(|a| a.to_string()));
    let (feishu, ding, secret) = (
        format!("{}{HOOK}", server.uri()),
        format!("{}/robot/send?access_token=TOKENding", server.uri()),
        secret.to_string(),
    );
    tokio::task::spawn_blocking(move || {
        let output = Command::new(env!("CARGO_BIN_EXE_baton"))
            .args(&args)
            .env("T_FEISHU_URL", feishu)
            .env("T_FEISHU_SECRET", &secret)
            .env("T_DING_URL", ding)
            .env("T_DING_SECRET", &secret)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        (output.status.code().unwrap_or(-1), all)
    })
    .await
    .unwrap()
}

/// A server with `responder` at the webhook path.
async fn one_stand_in(responder: impl Respond + 'static) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::path(HOOK))
        .respond_with(responder)
        .mount(&server)
        .await;
    server
}

async fn stand_ins(keyword: &'static str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::path(HOOK))
        .respond_with(Feishu { keyword })
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::path("/robot/send"))
        .respond_with(DingTalk)
        .mount(&server)
        .await;
    server
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signed_digests_mention_each_person_once_and_never_twice_a_day() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let server = stand_ins("提醒").await;
    let ledger = dir.path().join(".baton-ledger.jsonl");
    let ledger_arg = ledger.display().to_string();
    let (code, out) = notify(dir.path(), &server, SECRET, &["--ledger", &ledger_arg]).await;
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("项目群:已发送 1 条消息"), "{out}");
    assert!(
        !out.contains(SECRET) && !out.contains("TOKENabcdef") && !out.contains("TOKENding"),
        "{out}"
    );
    let requests = server.received_requests().await.unwrap();
    let feishu: Vec<Value> = requests
        .iter()
        .filter(|r| r.url.path() == HOOK)
        .map(|r| serde_json::from_slice(&r.body).unwrap())
        .collect();
    assert_eq!(feishu.len(), 1);
    let post = &feishu[0]["content"]["post"]["zh_cn"];
    let nodes: Vec<&Value> = post["content"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p.as_array().unwrap())
        .collect();
    // Everyone with an open_id is mentioned once, by it.
    let mut mentions: Vec<&str> = nodes
        .iter()
        .filter(|n| n["tag"] == "at")
        .map(|n| n["user_id"].as_str().unwrap())
        .collect();
    mentions.sort_unstable();
    assert_eq!(
        mentions,
        [
            "ou_3f1d5c8e2a7b4c6d9e0f1a2b3c4d5e6f",
            "ou_7d8a6e6df7621556ce0d21922b676706"
        ],
        "{post}"
    );
    assert!(
        nodes.iter().any(|n| n["text"]
            .as_str()
            .is_some_and(|t| t.contains("已逾期:T-304"))),
        "{post}"
    );
    // DingTalk got the same reminders, signed in its own way.
    let ding: Vec<&Request> = requests
        .iter()
        .filter(|r| r.url.path() == "/robot/send")
        .collect();
    assert_eq!(ding.len(), 1);
    let body: Value = serde_json::from_slice(&ding[0].body).unwrap();
    assert_eq!(
        body["at"]["atMobiles"],
        json!(["13800000002", "13800000001"])
    );
    assert!(
        body["markdown"]["text"]
            .as_str()
            .unwrap()
            .contains("@13800000001")
    );

    // The same job again: the ledger says it was sent today.
    let (code, out) = notify(dir.path(), &server, SECRET, &["--ledger", &ledger_arg]).await;
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("今天已发送过"), "{out}");
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_secret_or_a_missing_keyword_says_what_to_fix() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let server = stand_ins("提醒").await;
    let (code, out) = notify(
        dir.path(),
        &server,
        "not-the-secret",
        &["--channel", "项目群"],
    )
    .await;
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("19021") && out.contains("secret_env"), "{out}");
    assert!(!out.contains("not-the-secret"), "{out}");

    let server = stand_ins("only-this-word").await;
    let (code, out) = notify(dir.path(), &server, SECRET, &["--channel", "项目群"]).await;
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("19024") && out.contains("keywords"), "{out}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_holiday_sends_nothing_and_dry_run_sends_nothing() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let server = stand_ins("提醒").await;
    let (code, out) = notify(
        dir.path(),
        &server,
        SECRET,
        &["--now", "2026-10-02T09:00:00+08:00"],
    )
    .await;
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("2026-10-02 不是工作日"), "{out}");
    let (code, out) = notify(dir.path(), &server, SECRET, &["--dry-run"]).await;
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("== 项目群 (feishu) 1/1 → chen.zong, xu.ting, zhang.jingli"),
        "{out}"
    );
    assert!(server.received_requests().await.unwrap().is_empty());
}

/// Slack answers 429 with Retry-After once: baton waits and sends again.
struct SlackOnceThrottled(std::sync::atomic::AtomicUsize);

impl Respond for SlackOnceThrottled {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        match self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst) {
            0 => ResponseTemplate::new(429)
                .insert_header("Retry-After", "1")
                .set_body_string("rate_limited"),
            _ => ResponseTemplate::new(200).set_body_string("ok"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn throttling_is_waited_out_and_mentions_are_the_platforms() {
    let dir = tempfile::tempdir().unwrap();
    project_with(
        dir.path(),
        "\n[[notify]]\nname = \"slack\"\nkind = \"slack\"\nurl_env = \"T_FEISHU_URL\"\n",
    );
    let server = one_stand_in(SlackOnceThrottled(Default::default())).await;
    let started = std::time::Instant::now();
    let (code, out) = notify(dir.path(), &server, SECRET, &[]).await;
    assert_eq!(code, 0, "{out}");
    assert!(
        started.elapsed() >= std::time::Duration::from_secs(1),
        "Retry-After was not honoured"
    );
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2);
    let body: Value = serde_json::from_slice(&requests[1].body).unwrap();
    let text = body["text"].as_str().unwrap();
    assert!(text.contains("<@U012AB3CD>"), "{text}");
    assert!(!text.contains("<!"), "{text}");
}

/// A local SMTP server for one conversation: it answers every command as a
/// plain server without TLS or AUTH would, and returns what it was sent.
fn smtp_stand_in() -> (String, std::thread::JoinHandle<String>) {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("smtp://{}", listener.local_addr().unwrap());
    let server = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(20)))
            .unwrap();
        let mut writer = stream.try_clone().unwrap();
        let mut reader = BufReader::new(stream);
        let mut transcript = String::new();
        writer
            .write_all(b"220 localhost ESMTP stand-in\r\n")
            .unwrap();
        let mut in_data = false;
        // Bounded: a conversation of at most 10,000 lines.
        for _ in 0..10_000 {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                break;
            }
            transcript.push_str(&line);
            let command = line.trim_end().to_ascii_uppercase();
            let reply: &[u8] = if in_data {
                if command == "." {
                    in_data = false;
                    b"250 2.0.0 queued\r\n"
                } else {
                    continue;
                }
            } else if command.starts_with("EHLO") {
                b"250-localhost\r\n250 8BITMIME\r\n"
            } else if command == "DATA" {
                in_data = true;
                b"354 end with <CRLF>.<CRLF>\r\n"
            } else if command == "QUIT" {
                writer.write_all(b"221 bye\r\n").unwrap();
                break;
            } else {
                b"250 2.1.0 ok\r\n"
            };
            writer.write_all(reply).unwrap();
        }
        transcript
    });
    (url, server)
}

#[test]
fn mail_goes_to_the_recipients_as_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    project_with(
        dir.path(),
        "\n[[notify]]\nname = \"mail\"\nkind = \"email\"\nsmtp_env = \"T_SMTP_URL\"\nto = [\"pmo@example.com\"]\nfrom = \"baton <baton@example.com>\"\n",
    );
    let (url, server) = smtp_stand_in();
    let output = Command::new(env!("CARGO_BIN_EXE_baton"))
        .args(["notify", &dir.path().display().to_string(), "--now", NOW])
        .env("T_SMTP_URL", &url)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let out = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.status.code(), Some(0), "{out}");
    let transcript = server.join().unwrap();
    assert!(
        transcript.contains("MAIL FROM:<baton@example.com>"),
        "{transcript}"
    );
    assert!(
        transcript.contains("RCPT TO:<pmo@example.com>"),
        "{transcript}"
    );
    let encoded: String = transcript
        .split("\r\n\r\n")
        .nth(1)
        .unwrap_or_default()
        .lines()
        .take_while(|l| *l != ".")
        .collect();
    let text = String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(encoded.trim())
            .unwrap(),
    )
    .unwrap();
    assert!(
        text.contains("王主管") && text.contains("已逾期:T-304"),
        "{text}"
    );
}

/// WeCom's group robot: a text message of at most 2,048 bytes; 45009 when
/// sent too fast (here: the first message), then accepted.
struct WeCom(std::sync::atomic::AtomicUsize);

impl Respond for WeCom {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let Ok(body) = serde_json::from_slice::<Value>(&request.body) else {
            return ResponseTemplate::new(200)
                .set_body_json(json!({"errcode": 40008, "errmsg": "invalid message type"}));
        };
        let content = body["text"]["content"].as_str().unwrap_or("");
        if body["msgtype"] != "text" || content.is_empty() || content.len() > 2048 {
            return ResponseTemplate::new(200)
                .set_body_json(json!({"errcode": 40058, "errmsg": "content exceed max length"}));
        }
        match self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst) {
            0 => ResponseTemplate::new(200)
                .set_body_json(json!({"errcode": 45009, "errmsg": "api freq out of limit"})),
            _ => ResponseTemplate::new(200).set_body_json(json!({"errcode": 0, "errmsg": "ok"})),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wecom_mentions_by_userid_and_mobile_and_waits_out_45009() {
    let dir = tempfile::tempdir().unwrap();
    project_with(
        dir.path(),
        "\n[[notify]]\nname = \"运营群\"\nkind = \"wecom\"\nurl_env = \"T_FEISHU_URL\"\ndepartments = [\"ops\"]\n",
    );
    let server = one_stand_in(WeCom(Default::default())).await;
    let (code, out) = notify(
        dir.path(),
        &server,
        SECRET,
        &["--now", "2026-09-24T17:30:00+08:00", "--max-wait", "1"],
    )
    .await;
    assert_eq!(code, 0, "{out}");
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2, "one throttled, one accepted");
    let body: Value = serde_json::from_slice(&requests[1].body).unwrap();
    assert_eq!(body["text"]["mentioned_list"], json!(["LiGong", "QianLi"]));
    assert_eq!(
        body["text"]["mentioned_mobile_list"],
        json!(["13800000001"])
    );
}

/// docs/notify-digests.md shows the example project's digest in every
/// platform's form: this output, kept current by this test
/// (BATON_UPDATE_DOCS=1 rewrites it).
#[test]
fn the_documented_digests_are_what_baton_sends() {
    let dir = tempfile::tempdir().unwrap();
    let mut channels = String::new();
    for (name, kind) in [
        ("飞书项目群", "feishu"),
        ("钉钉运营群", "dingtalk"),
        ("企业微信运营群", "wecom"),
        ("slack", "slack"),
        ("邮件", "email"),
        ("webhook", "webhook"),
    ] {
        channels.push_str(&format!(
            "\n[[notify]]\nname = \"{name}\"\nkind = \"{kind}\"\nurl_env = \"UNUSED\"\ndepartments = [\"ops\"]\nkeywords = [\"baton\"]\n"
        ));
        if kind == "email" {
            channels.push_str("to = [\"pmo@example.com\"]\n");
        }
    }
    project_with(dir.path(), &channels);
    let output = Command::new(env!("CARGO_BIN_EXE_baton"))
        .args([
            "notify",
            &dir.path().display().to_string(),
            "--now",
            "2026-09-24T17:30:00+08:00",
            "--dry-run",
        ])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let digests = String::from_utf8(output.stdout).unwrap();
    let doc = format!(
        "# What `baton notify` sends\n\nThe example project at 2026-09-24 17:30 (a Thursday, after the 17:00\nupdate cut-off), to one channel of each kind limited to operations\n(`departments = [\"ops\"]`), as `baton notify --dry-run` prints it: the\nbody each platform receives, without the webhook URL. Feishu and DingTalk\nadd their signature when they are sent. Written by `tests/notify.rs`\n(`BATON_UPDATE_DOCS=1 cargo test --test notify` rewrites it).\n\n```text\n{digests}```\n"
    );
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/notify-digests.md");
    if std::env::var_os("BATON_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &doc).unwrap();
    }
    assert!(
        std::fs::read_to_string(&path).unwrap_or_default() == doc,
        "docs/notify-digests.md is stale: run BATON_UPDATE_DOCS=1 cargo test --test notify"
    );
}
