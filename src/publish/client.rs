//! A forge's REST client (GitHub, GitLab, Gitea): octocrab for transport,
//! with a timeout on every call, bounded retries on server errors and rate
//! limits, a cap on every response body, no redirects, and the token
//! redacted from everything a server says.
//!
//! octocrab's own retry layer is not used: honouring `Retry-After` and
//! `x-ratelimit-reset` needs the response headers, which octocrab's typed
//! errors do not carry, so requests go through its raw `_get`/`_post`/
//! `_patch` and this module reads status, headers and body itself.
//! Redirects are not followed (octocrab's `follow-redirect` is off): a 302
//! would turn a POST into a GET that "succeeds" without creating anything.

use std::time::Duration;

use http::{HeaderMap, StatusCode};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use octocrab::Octocrab;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::redact::redact;

/// The largest response body read: a page of 50 comments of GitHub's
/// largest size (65,536 characters) is under 16 MiB.
pub const MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// Why a forge call failed. Every text in it came through [`redact`];
/// `forge` is the forge's name (`GitHub`, `GitLab`, `Gitea`).
#[derive(Debug, thiserror::Error)]
pub enum ForgeError {
    /// The token is not accepted (wrong, expired, revoked): a setup
    /// mistake, never a read-only fork token.
    #[error(
        "{forge} rejected the token (401: {message}): {token_env} is wrong, expired or revoked"
    )]
    Unauthorized {
        /// The forge.
        forge: &'static str,
        /// Where the token came from.
        token_env: &'static str,
        /// The forge's message.
        message: String,
    },
    /// The token may not do this (a fork's read-only token, missing permissions).
    #[error("{forge} refused the request ({status}): {message}")]
    Forbidden {
        /// The forge.
        forge: &'static str,
        /// 403 or 404.
        status: u16,
        /// The forge's message.
        message: String,
    },
    /// Any other error status.
    #[error("{forge} answered {status}: {message}")]
    Status {
        /// The forge.
        forge: &'static str,
        /// The status.
        status: u16,
        /// The forge's message.
        message: String,
    },
    /// A server error that outlasted the retries.
    #[error("{forge} answered {status} {attempts} times ({message}); try again later")]
    Unavailable {
        /// The forge.
        forge: &'static str,
        /// The last status.
        status: u16,
        /// How many times it was asked.
        attempts: u32,
        /// The forge's last message.
        message: String,
    },
    /// A redirect, which baton does not follow.
    #[error(
        "{forge} answered {status}, a redirect to `{location}`, which baton does not follow: check --api-url and --repo"
    )]
    Redirected {
        /// The forge.
        forge: &'static str,
        /// The status.
        status: u16,
        /// Where it pointed.
        location: String,
    },
    /// Still rate limited after waiting as long as allowed.
    #[error("{forge}'s rate limit did not clear in time (it asked to wait {wait_seconds} s)")]
    RateLimited {
        /// The forge.
        forge: &'static str,
        /// How long the forge asked to wait.
        wait_seconds: u64,
    },
    /// A success status with a body that is not what the forge sends.
    #[error("{forge}'s answer to {what} is not what {forge} sends ({detail}): check --api-url")]
    Unexpected {
        /// The forge.
        forge: &'static str,
        /// Which call.
        what: String,
        /// What was wrong.
        detail: String,
    },
    /// A body over [`MAX_RESPONSE_BYTES`].
    #[error("{forge}'s answer to {what} is over the {limit}-byte limit: check --api-url")]
    TooLarge {
        /// The forge.
        forge: &'static str,
        /// Which call.
        what: String,
        /// The limit.
        limit: usize,
    },
    /// No answer in time.
    #[error("{forge} did not answer within {seconds} s ({what})")]
    Timeout {
        /// The forge.
        forge: &'static str,
        /// The timeout.
        seconds: u64,
        /// Which call.
        what: String,
    },
    /// The connection failed.
    #[error("cannot reach {forge} at {api}: {message}")]
    Network {
        /// The forge.
        forge: &'static str,
        /// The API base URL.
        api: String,
        /// What happened.
        message: String,
    },
    /// The client could not be built or a URL is invalid.
    #[error("{0}")]
    Setup(String),
}

/// How hard to try.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Timeout of one request (connect, send, read).
    pub timeout: Duration,
    /// Retries after the first attempt.
    pub retries: u32,
    /// First backoff; doubles each retry.
    pub backoff: Duration,
    /// The longest a rate limit may make baton wait, per retry.
    pub max_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            timeout: Duration::from_secs(30),
            retries: 3,
            backoff: Duration::from_secs(1),
            max_wait: Duration::from_secs(60),
        }
    }
}

/// A response: status, headers, JSON body (`Null` when empty or not JSON).
#[derive(Debug)]
pub struct Response {
    /// The status.
    pub status: StatusCode,
    /// The headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: Value,
    /// Which call it answers (`POST /repos/…/comments`), for messages.
    pub what: String,
    /// The forge that answered.
    pub forge: &'static str,
}

impl Response {
    /// The body as `T`, when the status is `expected`: anything else is
    /// not the forge's answer to this call.
    pub fn expect<T: DeserializeOwned>(self, expected: StatusCode) -> Result<T, ForgeError> {
        if self.status != expected {
            return Err(ForgeError::Unexpected {
                forge: self.forge,
                what: self.what,
                detail: format!(
                    "status {}, where {} answers {}",
                    self.status.as_u16(),
                    self.forge,
                    expected.as_u16()
                ),
            });
        }
        let forge = self.forge;
        serde_json::from_value(self.body).map_err(|e| ForgeError::Unexpected {
            forge,
            what: self.what,
            detail: e.to_string(),
        })
    }
}

/// The HTTP methods baton uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET.
    Get,
    /// POST.
    Post,
    /// PATCH.
    Patch,
    /// PUT (GitLab edits notes with it).
    Put,
}

/// How a forge takes its token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthStyle {
    /// `Authorization: Bearer TOKEN` (GitHub).
    Bearer,
    /// `PRIVATE-TOKEN: TOKEN` (GitLab's personal and project access tokens).
    PrivateToken,
    /// `Authorization: token TOKEN` (Gitea, Forgejo).
    Token,
}

/// Who the client talks to, for its requests and its messages.
#[derive(Debug, Clone, Copy)]
pub struct ForgeInfo {
    /// The forge's name in messages: `GitHub`, `GitLab`, `Gitea`.
    pub name: &'static str,
    /// The environment variable the token came from, for messages.
    pub token_env: &'static str,
    /// How the token is sent.
    pub auth: AuthStyle,
}

/// GitHub's own.
pub const GITHUB: ForgeInfo = ForgeInfo {
    name: "GitHub",
    token_env: "GITHUB_TOKEN",
    auth: AuthStyle::Bearer,
};

/// A forge's REST API at a base URL, with a token.
pub struct ForgeClient {
    client: Octocrab,
    api: String,
    policy: RetryPolicy,
    forge: ForgeInfo,
    /// Kept only to remove it from what servers say.
    token: String,
}

impl std::fmt::Debug for ForgeClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the token.
        f.debug_struct("ForgeClient")
            .field("forge", &self.forge.name)
            .field("api", &self.api)
            .finish_non_exhaustive()
    }
}

/// A wait asked for by `Retry-After`: seconds, or an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get("retry-after")?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let seconds = (at.timestamp() - chrono::Utc::now().timestamp()).max(0);
    Some(Duration::from_secs(seconds as u64))
}

/// How long a rate-limited response asks to wait, if it is one (GitHub
/// answers 403 or 429 with `Retry-After` or an exhausted
/// `x-ratelimit-remaining`).
fn rate_limit_wait(status: StatusCode, headers: &HeaderMap) -> Option<Duration> {
    if !matches!(
        status,
        StatusCode::FORBIDDEN | StatusCode::TOO_MANY_REQUESTS
    ) {
        return None;
    }
    if let Some(wait) = retry_after(headers) {
        return Some(wait);
    }
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    let limited =
        status == StatusCode::TOO_MANY_REQUESTS || header("x-ratelimit-remaining") == Some("0");
    if !limited {
        return None;
    }
    // GitHub's `x-ratelimit-reset`, GitLab's `RateLimit-Reset`: epoch seconds.
    let reset = header("x-ratelimit-reset")
        .or_else(|| header("ratelimit-reset"))
        .and_then(|v| v.parse::<i64>().ok());
    let now = chrono::Utc::now().timestamp();
    Some(Duration::from_secs(
        reset.map_or(60, |r| (r - now).max(1)) as u64
    ))
}

impl ForgeClient {
    /// A client for the API at `api` (e.g. `https://api.github.com`,
    /// `https://gitlab.example.com/api/v4`).
    pub fn new(
        api: &str,
        token: &str,
        policy: RetryPolicy,
        forge: ForgeInfo,
    ) -> Result<ForgeClient, ForgeError> {
        let shown = redact(api, token);
        let builder = Octocrab::builder()
            .base_uri(api)
            .map_err(|_| ForgeError::Setup(format!("`{shown}` is not a valid API URL")))?;
        let builder = match forge.auth {
            AuthStyle::Bearer => builder.personal_token(token.to_string()),
            AuthStyle::PrivateToken => builder.add_header(
                http::HeaderName::from_static("private-token"),
                token.to_string(),
            ),
            AuthStyle::Token => {
                builder.add_header(http::header::AUTHORIZATION, format!("token {token}"))
            }
        };
        let client = builder
            .set_connect_timeout(Some(policy.timeout))
            .set_read_timeout(Some(policy.timeout))
            .set_write_timeout(Some(policy.timeout))
            .build()
            .map_err(|e| {
                ForgeError::Setup(redact(
                    &format!("cannot build the {} client: {e}", forge.name),
                    token,
                ))
            })?;
        Ok(ForgeClient {
            client,
            api: shown.trim_end_matches('/').to_string(),
            policy,
            forge,
            token: token.to_string(),
        })
    }

    /// The forge's name.
    pub fn forge(&self) -> &'static str {
        self.forge.name
    }

    /// What a server said, safe to show.
    fn shown(&self, text: &str) -> String {
        redact(text, &self.token)
    }

    /// The message of an error body: GitHub's and Gitea's `message`,
    /// GitLab's `message` (a text, or an object of field errors) or
    /// `error` / `error_description`.
    fn message_of(&self, body: &Value) -> String {
        let text = match (body.get("message"), body.get("error")) {
            (Some(Value::String(message)), _) => message.clone(),
            (Some(other @ Value::Object(_)), _) => other.to_string(),
            (_, Some(Value::String(error))) => {
                match body.get("error_description").and_then(Value::as_str) {
                    Some(description) => format!("{error}: {description}"),
                    None => error.clone(),
                }
            }
            _ => return "no message".to_string(),
        };
        self.shown(&crate::report::sanitize(&text))
    }

    /// The absolute URL of an API path (`/repos/…`); absolute URLs (from
    /// `Link` headers) are kept only on the API's own host.
    pub fn url(&self, path: &str) -> Result<String, ForgeError> {
        if path.starts_with("http://") || path.starts_with("https://") {
            // A `Link` header pointing elsewhere would carry the token there.
            let origin = |url: &str| -> Option<String> {
                let uri: http::Uri = url.parse().ok()?;
                Some(format!("{}://{}", uri.scheme_str()?, uri.authority()?))
            };
            return match (origin(path), origin(&self.api)) {
                (Some(a), Some(b)) if a.eq_ignore_ascii_case(&b) => Ok(path.to_string()),
                _ => Err(ForgeError::Setup(format!(
                    "{} pointed to `{}`, outside {}: not followed",
                    self.forge.name,
                    self.shown(path),
                    self.api
                ))),
            };
        }
        Ok(format!("{}{}", self.api, path))
    }

    async fn once(
        &self,
        method: Method,
        url: &str,
        body: Option<&Value>,
        what: &str,
    ) -> Result<Response, ForgeError> {
        let forge = self.forge.name;
        let network = |e: octocrab::Error| ForgeError::Network {
            forge,
            api: self.api.clone(),
            message: self.shown(&e.to_string()),
        };
        let response = match method {
            Method::Get => self.client._get(url).await,
            Method::Post => self.client._post(url, body).await,
            Method::Patch => self.client._patch(url, body).await,
            Method::Put => self.client._put(url, body).await,
        }
        .map_err(network)?;
        let (parts, body) = response.into_parts();
        let too_large = || ForgeError::TooLarge {
            forge,
            what: what.to_string(),
            limit: MAX_RESPONSE_BYTES,
        };
        let declared = parts
            .headers
            .get(http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|n| n > MAX_RESPONSE_BYTES as u64) {
            return Err(too_large());
        }
        let bytes = match Limited::new(body, MAX_RESPONSE_BYTES).collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(e) if e.is::<LengthLimitError>() => return Err(too_large()),
            Err(e) => {
                return Err(ForgeError::Network {
                    forge,
                    api: self.api.clone(),
                    message: self.shown(&e.to_string()),
                });
            }
        };
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Ok(Response {
            status: parts.status,
            headers: parts.headers,
            body,
            what: what.to_string(),
            forge,
        })
    }

    /// Sends a request; retries server errors, rate limits and broken
    /// connections (bounded), and fails on other statuses but 2xx.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Response, ForgeError> {
        let url = self.url(path)?;
        let route = path.split('?').next().unwrap_or(path);
        let what = format!(
            "{} {}",
            format!("{method:?}").to_uppercase(),
            self.shown(route)
        );
        let mut backoff = self.policy.backoff;
        let mut attempt = 0;
        loop {
            let result =
                tokio::time::timeout(self.policy.timeout, self.once(method, &url, body, &what))
                    .await;
            let wait = match result {
                Err(_) => {
                    return Err(ForgeError::Timeout {
                        forge: self.forge.name,
                        seconds: self.policy.timeout.as_secs(),
                        what,
                    });
                }
                Ok(Err(error @ (ForgeError::TooLarge { .. } | ForgeError::Setup(_)))) => {
                    return Err(error);
                }
                Ok(Err(error)) => {
                    if attempt >= self.policy.retries {
                        return Err(error);
                    }
                    backoff
                }
                Ok(Ok(response)) => {
                    let status = response.status;
                    if status.is_success() {
                        return Ok(response);
                    }
                    if let Some(wait) = rate_limit_wait(status, &response.headers) {
                        if wait > self.policy.max_wait || attempt >= self.policy.retries {
                            return Err(ForgeError::RateLimited {
                                forge: self.forge.name,
                                wait_seconds: wait.as_secs(),
                            });
                        }
                        wait
                    } else if status.is_server_error() {
                        if attempt >= self.policy.retries {
                            return Err(ForgeError::Unavailable {
                                forge: self.forge.name,
                                status: status.as_u16(),
                                attempts: attempt + 1,
                                message: self.message_of(&response.body),
                            });
                        }
                        // A busy server may say how long to wait.
                        match retry_after(&response.headers) {
                            Some(wait) if wait <= self.policy.max_wait => wait,
                            _ => backoff,
                        }
                    } else if status.is_redirection() {
                        let location = response
                            .headers
                            .get(http::header::LOCATION)
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or("");
                        return Err(ForgeError::Redirected {
                            forge: self.forge.name,
                            status: status.as_u16(),
                            location: self.shown(location),
                        });
                    } else if status == StatusCode::UNAUTHORIZED {
                        return Err(ForgeError::Unauthorized {
                            forge: self.forge.name,
                            token_env: self.forge.token_env,
                            message: self.message_of(&response.body),
                        });
                    } else if matches!(status.as_u16(), 403 | 404) {
                        return Err(ForgeError::Forbidden {
                            forge: self.forge.name,
                            status: status.as_u16(),
                            message: self.message_of(&response.body),
                        });
                    } else {
                        return Err(ForgeError::Status {
                            forge: self.forge.name,
                            status: status.as_u16(),
                            message: self.message_of(&response.body),
                        });
                    }
                }
            };
            tokio::time::sleep(wait).await;
            backoff = backoff.saturating_mul(2);
            attempt += 1;
        }
    }
}

/// The `rel="next"` URL of a `Link` header.
pub fn next_link(headers: &HeaderMap) -> Option<String> {
    let link = headers.get("link")?.to_str().ok()?;
    link.split(',').find_map(|part| {
        let (url, params) = part.split_once(';')?;
        params
            .split(';')
            .any(|p| p.trim() == "rel=\"next\"")
            .then(|| {
                url.trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_string()
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_limits_are_recognised_from_headers() {
        let mut headers = HeaderMap::new();
        headers.insert("retry-after", "3".parse().unwrap());
        assert_eq!(
            rate_limit_wait(StatusCode::FORBIDDEN, &headers),
            Some(Duration::from_secs(3))
        );
        let mut headers = HeaderMap::new();
        headers.insert("x-ratelimit-remaining", "0".parse().unwrap());
        let reset = chrono::Utc::now().timestamp() + 5;
        headers.insert("x-ratelimit-reset", reset.to_string().parse().unwrap());
        let wait = rate_limit_wait(StatusCode::FORBIDDEN, &headers).unwrap();
        assert!(
            wait <= Duration::from_secs(5) && wait >= Duration::from_secs(3),
            "{wait:?}"
        );
        // A plain 403 (a read-only token) is not a rate limit, nor is a
        // busy server's Retry-After.
        assert_eq!(
            rate_limit_wait(StatusCode::FORBIDDEN, &HeaderMap::new()),
            None
        );
        let mut busy = HeaderMap::new();
        busy.insert("retry-after", "1".parse().unwrap());
        assert_eq!(
            rate_limit_wait(StatusCode::SERVICE_UNAVAILABLE, &busy),
            None
        );
        assert_eq!(retry_after(&busy), Some(Duration::from_secs(1)));
        let mut dated = HeaderMap::new();
        dated.insert(
            "retry-after",
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&dated), Some(Duration::ZERO));
    }

    #[test]
    fn the_next_page_comes_from_the_link_header() {
        let mut headers = HeaderMap::new();
        headers.insert(
            "link",
            "<https://api.github.com/x?page=2>; rel=\"next\", <https://api.github.com/x?page=3>; rel=\"last\"".parse().unwrap(),
        );
        assert_eq!(
            next_link(&headers).as_deref(),
            Some("https://api.github.com/x?page=2")
        );
        assert_eq!(next_link(&HeaderMap::new()), None);
    }
}
