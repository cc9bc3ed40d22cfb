//! Sending a message to a chat platform's webhook, exactly as its
//! documentation asks:
//!
//! - Feishu/Lark custom bot: with a signing secret, `timestamp` (seconds)
//!   and `sign` = base64(HMAC-SHA256(key = "timestamp\nsecret", message =
//!   empty)) in the JSON body; success is `code` 0 (19021 bad signature,
//!   19024 keyword missing, 11232 throttled).
//! - DingTalk custom robot: `timestamp` (milliseconds) and `sign` =
//!   urlencode(base64(HMAC-SHA256(key = secret, message =
//!   "timestamp\nsecret"))) as URL query parameters; success is `errcode` 0
//!   (310000: signature, keyword or IP not allowed; 130101 too fast).
//! - WeCom group robot: success is `errcode` 0 (45009 throttled, 93000 the
//!   webhook key is invalid).
//! - Slack incoming webhook: HTTP 200 with `ok`; 429 with Retry-After.
//! - A generic webhook: any 2xx.
//!
//! Business errors come back with HTTP 200 on the Chinese platforms, so the
//! body is always read. Throttling is retried, bounded, after the wait the
//! platform asks for; the signing time is the real clock (the platforms
//! reject a timestamp far from theirs), never `--now`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use hmac::{Hmac, Mac};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Bytes;
use serde_json::Value;
use sha2::Sha256;

use crate::model::NotifyKind;

/// Attempts per message (the first and two retries).
const ATTEMPTS: u32 = 3;

/// The largest answer read from a platform.
const MAX_ANSWER: usize = 1 << 20;

/// How to send: waits between attempts and between messages.
#[derive(Debug, Clone, Copy)]
pub struct Pace {
    /// The wait before a retry when the platform names none.
    pub retry: Duration,
    /// The longest wait for a platform's throttling (`--max-wait`).
    pub max_wait: Duration,
}

impl Default for Pace {
    fn default() -> Pace {
        Pace {
            retry: Duration::from_secs(2),
            max_wait: Duration::from_secs(90),
        }
    }
}

/// Why a message was not sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendError(pub String);

/// HMAC-SHA256 of `message` under `key`, base64.
fn sign(key: &[u8], message: &[u8]) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return String::new();
    };
    mac.update(message);
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// Feishu's signature of `timestamp` (seconds) with `secret`.
pub fn feishu_sign(timestamp: u64, secret: &str) -> String {
    sign(format!("{timestamp}\n{secret}").as_bytes(), b"")
}

/// DingTalk's signature of `timestamp` (milliseconds) with `secret`, not yet
/// URL-encoded.
pub fn dingtalk_sign(timestamp: u128, secret: &str) -> String {
    sign(
        secret.as_bytes(),
        format!("{timestamp}\n{secret}").as_bytes(),
    )
}

/// The wait between two messages to the same channel.
pub fn spacing(kind: NotifyKind) -> Duration {
    match kind {
        NotifyKind::Dingtalk | NotifyKind::Wecom => Duration::from_secs(3),
        NotifyKind::Feishu | NotifyKind::Lark => Duration::from_millis(250),
        NotifyKind::Slack => Duration::from_secs(1),
        NotifyKind::Email | NotifyKind::Webhook => Duration::ZERO,
    }
}

/// A request ready to go: where, and what.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// The URL with the query the platform needs.
    pub url: String,
    /// The JSON body.
    pub body: Value,
}

/// The request for `body` to `channel` at `url`, signed with `secret`
/// at the real time `now`.
pub fn prepare(
    kind: NotifyKind,
    url: &str,
    secret: Option<&str>,
    body: &Value,
    now: SystemTime,
) -> Prepared {
    let since = now.duration_since(UNIX_EPOCH).unwrap_or_default();
    let mut body = body.clone();
    let mut url = url.to_string();
    match (kind, secret) {
        (NotifyKind::Feishu | NotifyKind::Lark, Some(secret)) => {
            let timestamp = since.as_secs();
            if let Some(object) = body.as_object_mut() {
                object.insert("timestamp".into(), Value::from(timestamp.to_string()));
                object.insert("sign".into(), Value::from(feishu_sign(timestamp, secret)));
            }
        }
        (NotifyKind::Dingtalk, Some(secret)) => {
            let timestamp = since.as_millis();
            let signature = dingtalk_sign(timestamp, secret);
            let encoded = percent_encoding::utf8_percent_encode(
                &signature,
                percent_encoding::NON_ALPHANUMERIC,
            );
            let joiner = if url.contains('?') { '&' } else { '?' };
            url = format!("{url}{joiner}timestamp={timestamp}&sign={encoded}");
        }
        _ => {}
    }
    Prepared { url, body }
}

/// What a platform answered, judged.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Answer {
    Ok,
    /// Throttled: wait this long (or the default) and try again.
    Throttled(Option<Duration>),
    /// Refused: why, and what to fix.
    Refused(String),
}

/// Judges an answer by the platform's documented codes.
fn judge(kind: NotifyKind, status: u16, retry_after: Option<Duration>, body: &[u8]) -> Answer {
    let text = String::from_utf8_lossy(body);
    let json: Option<Value> = serde_json::from_slice(body).ok();
    let code = |key: &str| {
        json.as_ref()
            .and_then(|j| j.get(key))
            .and_then(Value::as_i64)
    };
    let message = |key: &str| {
        json.as_ref()
            .and_then(|j| j.get(key))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    if status == 429 {
        return Answer::Throttled(retry_after);
    }
    if status >= 500 {
        return Answer::Throttled(retry_after);
    }
    match kind {
        NotifyKind::Feishu | NotifyKind::Lark => match code("code").or(code("StatusCode")) {
            Some(0) if status < 300 => Answer::Ok,
            Some(11232) => Answer::Throttled(None),
            Some(19021) => Answer::Refused(format!(
                "19021 {}: the signature was refused — check secret_env holds the bot's signing secret and the machine's clock is right",
                message("msg")
            )),
            Some(19024) => Answer::Refused(format!(
                "19024 {}: the bot's keyword security refused the message — list one of the bot's keywords in `keywords`",
                message("msg")
            )),
            Some(19022) => Answer::Refused(format!(
                "19022 {}: the bot's IP allow-list refused this machine",
                message("msg")
            )),
            Some(other) => Answer::Refused(format!("{other} {}", message("msg"))),
            None => Answer::Refused(format!(
                "HTTP {status}: {}",
                text.chars().take(200).collect::<String>()
            )),
        },
        NotifyKind::Dingtalk | NotifyKind::Wecom => match code("errcode") {
            Some(0) if status < 300 => Answer::Ok,
            Some(45009 | 130101) => Answer::Throttled(Some(Duration::from_secs(60))),
            Some(310000) => Answer::Refused(format!(
                "310000 {}: DingTalk refused the robot's security check — the signature (secret_env), a keyword (`keywords`) or the IP allow-list",
                message("errmsg")
            )),
            Some(93000) => Answer::Refused(format!(
                "93000 {}: the webhook key is invalid — check url_env",
                message("errmsg")
            )),
            Some(other) => Answer::Refused(format!("{other} {}", message("errmsg"))),
            None => Answer::Refused(format!(
                "HTTP {status}: {}",
                text.chars().take(200).collect::<String>()
            )),
        },
        NotifyKind::Slack => match status {
            200 => Answer::Ok,
            _ => Answer::Refused(format!(
                "HTTP {status}: {}",
                text.chars().take(200).collect::<String>()
            )),
        },
        NotifyKind::Webhook | NotifyKind::Email => match status {
            200..=299 => Answer::Ok,
            _ => Answer::Refused(format!(
                "HTTP {status}: {}",
                text.chars().take(200).collect::<String>()
            )),
        },
    }
}

/// Posts `prepared` and judges the answer, retrying throttling and server
/// errors up to [`ATTEMPTS`] times.
pub fn post(kind: NotifyKind, prepared: &Prepared, pace: Pace) -> Result<(), SendError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| SendError(e.to_string()))?;
    runtime.block_on(async {
        let mut last = String::new();
        for attempt in 1..=ATTEMPTS {
            let (status, retry_after, body) = match once(&prepared.url, &prepared.body).await {
                Ok(answer) => answer,
                Err(e) => {
                    last = e;
                    if attempt < ATTEMPTS {
                        tokio::time::sleep(pace.retry.min(pace.max_wait)).await;
                    }
                    continue;
                }
            };
            match judge(kind, status, retry_after, &body) {
                Answer::Ok => return Ok(()),
                Answer::Refused(why) => return Err(SendError(why)),
                Answer::Throttled(wait) => {
                    last = format!("throttled (HTTP {status}) {attempt} time(s)");
                    if attempt < ATTEMPTS {
                        let wait = wait.unwrap_or(pace.retry).min(pace.max_wait);
                        tokio::time::sleep(wait).await;
                    }
                }
            }
        }
        Err(SendError(last))
    })
}

/// One POST: status, Retry-After, body (capped).
async fn once(url: &str, body: &Value) -> Result<(u16, Option<Duration>, Vec<u8>), String> {
    let connector = hyper_rustls::HttpsConnectorBuilder::new()
        .with_native_roots()
        .map_err(|e| format!("no TLS roots: {e}"))?
        .https_or_http()
        .enable_http1()
        .build();
    let client: hyper_util::client::legacy::Client<_, Full<Bytes>> =
        hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
            .build(connector);
    let bytes = serde_json::to_vec(body).map_err(|e| e.to_string())?;
    let request = http::Request::post(url)
        .header(
            http::header::CONTENT_TYPE,
            "application/json; charset=utf-8",
        )
        .header(
            http::header::USER_AGENT,
            concat!("baton/", env!("CARGO_PKG_VERSION")),
        )
        .body(Full::new(Bytes::from(bytes)))
        .map_err(|_| "the webhook URL is not a valid URL".to_string())?;
    let response = tokio::time::timeout(Duration::from_secs(30), client.request(request))
        .await
        .map_err(|_| "no answer within 30 s".to_string())?
        .map_err(|e| format!("cannot reach the webhook: {e}"))?;
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get(http::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    let body = Limited::new(response.into_body(), MAX_ANSWER)
        .collect()
        .await
        .map_err(|e| format!("reading the answer: {e}"))?
        .to_bytes()
        .to_vec();
    Ok((status, retry_after, body))
}

/// The environment variable's value, or why there is none.
pub fn secret(
    name: Option<&str>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Option<String>, String> {
    match name {
        None => Ok(None),
        Some(variable) => match env(variable).filter(|v| !v.trim().is_empty()) {
            Some(value) => Ok(Some(value.trim().to_string())),
            None => Err(variable.to_string()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_follow_the_documented_algorithms() {
        // Computed with Python's hmac from the documented algorithm:
        // base64(hmac_sha256(key="1700000000\nsecret", msg=b"")).
        assert_eq!(
            feishu_sign(1_700_000_000, "secret"),
            "fiWS2+gh28DOydAv7hzONH/mDn9+b1Y4Y5ivXWXy8vA="
        );
        // base64(hmac_sha256(key="secret", msg=b"1700000000000\nsecret")).
        assert_eq!(
            dingtalk_sign(1_700_000_000_000, "secret"),
            "OuzzJR5+xZ4/EYwqtNt6sMYZQMTa/HEGvc9miJe7XzY="
        );
    }

    #[test]
    fn business_errors_in_http_200_are_errors() {
        let feishu = |body: &str| judge(NotifyKind::Feishu, 200, None, body.as_bytes());
        assert_eq!(feishu(r#"{"code":0,"msg":"success"}"#), Answer::Ok);
        assert!(
            matches!(feishu(r#"{"code":19021,"msg":"sign match fail"}"#), Answer::Refused(w) if w.contains("secret_env"))
        );
        assert!(
            matches!(feishu(r#"{"code":19024,"msg":"Key Words Not Found"}"#), Answer::Refused(w) if w.contains("keywords"))
        );
        assert_eq!(
            feishu(r#"{"code":11232,"msg":"frequency limited"}"#),
            Answer::Throttled(None)
        );
        let ding = |body: &str| judge(NotifyKind::Dingtalk, 200, None, body.as_bytes());
        assert_eq!(ding(r#"{"errcode":0,"errmsg":"ok"}"#), Answer::Ok);
        assert!(
            matches!(ding(r#"{"errcode":310000,"errmsg":"sign not match"}"#), Answer::Refused(w) if w.starts_with("310000"))
        );
        let wecom = |body: &str| judge(NotifyKind::Wecom, 200, None, body.as_bytes());
        assert!(matches!(
            wecom(r#"{"errcode":45009,"errmsg":"api freq out of limit"}"#),
            Answer::Throttled(Some(_))
        ));
        assert_eq!(
            judge(
                NotifyKind::Slack,
                429,
                Some(Duration::from_secs(3)),
                b"rate_limited"
            ),
            Answer::Throttled(Some(Duration::from_secs(3)))
        );
        assert!(
            matches!(judge(NotifyKind::Slack, 400, None, b"invalid_payload"), Answer::Refused(w) if w.contains("invalid_payload"))
        );
    }

    #[test]
    fn dingtalk_signs_in_the_query_and_feishu_in_the_body() {
        let at = UNIX_EPOCH + Duration::from_millis(1_700_000_000_000);
        let body = serde_json::json!({"msgtype": "text"});
        let ding = prepare(
            NotifyKind::Dingtalk,
            "https://oapi.dingtalk.com/robot/send?access_token=x",
            Some("secret"),
            &body,
            at,
        );
        assert_eq!(
            ding.url,
            "https://oapi.dingtalk.com/robot/send?access_token=x&timestamp=1700000000000&sign=OuzzJR5%2BxZ4%2FEYwqtNt6sMYZQMTa%2FHEGvc9miJe7XzY%3D"
        );
        assert_eq!(ding.body, body);
        let feishu = prepare(
            NotifyKind::Feishu,
            "https://open.feishu.cn/open-apis/bot/v2/hook/x",
            Some("secret"),
            &body,
            at,
        );
        assert_eq!(feishu.body["timestamp"], "1700000000");
        assert_eq!(
            feishu.body["sign"],
            "fiWS2+gh28DOydAv7hzONH/mDn9+b1Y4Y5ivXWXy8vA="
        );
    }
}
