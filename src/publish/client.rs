//! A GitHub REST client: octocrab for transport, with a timeout on every
//! call, bounded retries on server errors and rate limits, a cap on every
//! response body, no redirects, and the token redacted from everything a
//! server says.
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

/// Why a GitHub call failed. Every text in it came through [`redact`].
#[derive(Debug, thiserror::Error)]
pub enum GitHubError {
    /// The token is not accepted (wrong, expired, revoked): a setup
    /// mistake, never a read-only fork token.
    #[error(
        "GitHub rejected the token (401: {message}): GITHUB_TOKEN is wrong, expired or revoked"
    )]
    Unauthorized {
        /// GitHub's message.
        message: String,
    },
    /// The token may not do this (a fork's read-only token, missing permissions).
    #[error("GitHub refused the request ({status}): {message}")]
    Forbidden {
        /// 403 or 404.
        status: u16,
        /// GitHub's message.
        message: String,
    },
    /// Any other error status.
    #[error("GitHub answered {status}: {message}")]
    Status {
        /// The status.
        status: u16,
        /// GitHub's message.
        message: String,
    },
    /// A server error that outlasted the retries.
    #[error("GitHub answered {status} {attempts} times ({message}); try again later")]
    Unavailable {
        /// The last status.
        status: u16,
        /// How many times it was asked.
        attempts: u32,
        /// GitHub's last message.
        message: String,
    },
    /// A redirect, which baton does not follow.
    #[error(
        "GitHub answered {status}, a redirect to `{location}`, which baton does not follow: check --api-url and --repo"
    )]
    Redirected {
        /// The status.
        status: u16,
        /// Where it pointed.
        location: String,
    },
    /// Still rate limited after waiting as long as allowed.
    #[error("GitHub's rate limit did not clear in time (it asked to wait {wait_seconds} s)")]
    RateLimited {
        /// How long GitHub asked to wait.
        wait_seconds: u64,
    },
    /// A success status with a body that is not what GitHub sends.
    #[error("GitHub's answer to {what} is not what GitHub sends ({detail}): check --api-url")]
    Unexpected {
        /// Which call.
        what: String,
        /// What was wrong.
        detail: String,
    },
    /// A body over [`MAX_RESPONSE_BYTES`].
    #[error("GitHub's answer to {what} is over the {limit}-byte limit: check --api-url")]
    TooLarge {
        /// Which call.
        what: String,
        /// The limit.
        limit: usize,
    },
    /// No answer in time.
    #[error("GitHub did not answer within {seconds} s ({what})")]
    Timeout {
        /// The timeout.
        seconds: u64,
        /// Which call.
        what: String,
    },
    /// The connection failed.
    #[error("cannot reach GitHub at {api}: {message}")]
    Network {
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
}

impl Response {
    /// The body as `T`, when the status is `expected`: anything else is
    /// not GitHub's answer to this call.
    pub fn expect<T: DeserializeOwned>(self, expected: StatusCode) -> Result<T, GitHubError> {
        if self.status != expected {
            return Err(GitHubError::Unexpected {
                what: self.what,
                detail: format!(
                    "status {}, where GitHub answers {}",
                    self.status.as_u16(),
                    expected.as_u16()
                ),
            });
        }
        serde_json::from_value(self.body).map_err(|e| GitHubError::Unexpected {
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
}

/// GitHub's REST API at a base URL, with a token.
pub struct GitHub {
    client: Octocrab,
    api: String,
    policy: RetryPolicy,
    /// Kept only to remove it from what servers say.
    token: String,
}

impl std::fmt::Debug for GitHub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the token.
        f.debug_struct("GitHub")
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
    let reset = header("x-ratelimit-reset").and_then(|v| v.parse::<i64>().ok());
    let now = chrono::Utc::now().timestamp();
    Some(Duration::from_secs(
        reset.map_or(60, |r| (r - now).max(1)) as u64
    ))
}

impl GitHub {
    /// A client for the API at `api` (e.g. `https://api.github.com`).
    pub fn new(api: &str, token: &str, policy: RetryPolicy) -> Result<GitHub, GitHubError> {
        let shown = redact(api, token);
        let client = Octocrab::builder()
            .base_uri(api)
            .map_err(|_| GitHubError::Setup(format!("`{shown}` is not a valid API URL")))?
            .personal_token(token.to_string())
            .set_connect_timeout(Some(policy.timeout))
            .set_read_timeout(Some(policy.timeout))
            .set_write_timeout(Some(policy.timeout))
            .build()
            .map_err(|e| {
                GitHubError::Setup(redact(
                    &format!("cannot build the GitHub client: {e}"),
                    token,
                ))
            })?;
        Ok(GitHub {
            client,
            api: shown.trim_end_matches('/').to_string(),
            policy,
            token: token.to_string(),
        })
    }

    /// What a server said, safe to show.
    fn shown(&self, text: &str) -> String {
        redact(text, &self.token)
    }

    fn message_of(&self, body: &Value) -> String {
        match body.get("message").and_then(Value::as_str) {
            Some(message) => self.shown(message),
            None => "no message".to_string(),
        }
    }

    /// The absolute URL of an API path (`/repos/…`); absolute URLs (from
    /// `Link` headers) are kept only on the API's own host.
    pub fn url(&self, path: &str) -> Result<String, GitHubError> {
        if path.starts_with("http://") || path.starts_with("https://") {
            // A `Link` header pointing elsewhere would carry the token there.
            let origin = |url: &str| -> Option<String> {
                let uri: http::Uri = url.parse().ok()?;
                Some(format!("{}://{}", uri.scheme_str()?, uri.authority()?))
            };
            return match (origin(path), origin(&self.api)) {
                (Some(a), Some(b)) if a.eq_ignore_ascii_case(&b) => Ok(path.to_string()),
                _ => Err(GitHubError::Setup(format!(
                    "GitHub pointed to `{}`, outside {}: not followed",
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
    ) -> Result<Response, GitHubError> {
        let network = |e: octocrab::Error| GitHubError::Network {
            api: self.api.clone(),
            message: self.shown(&e.to_string()),
        };
        let response = match method {
            Method::Get => self.client._get(url).await,
            Method::Post => self.client._post(url, body).await,
            Method::Patch => self.client._patch(url, body).await,
        }
        .map_err(network)?;
        let (parts, body) = response.into_parts();
        let too_large = || GitHubError::TooLarge {
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
                return Err(GitHubError::Network {
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
        })
    }

    /// Sends a request; retries server errors, rate limits and broken
    /// connections (bounded), and fails on other statuses but 2xx.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Response, GitHubError> {
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
                    return Err(GitHubError::Timeout {
                        seconds: self.policy.timeout.as_secs(),
                        what,
                    });
                }
                Ok(Err(error @ (GitHubError::TooLarge { .. } | GitHubError::Setup(_)))) => {
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
                            return Err(GitHubError::RateLimited {
                                wait_seconds: wait.as_secs(),
                            });
                        }
                        wait
                    } else if status.is_server_error() {
                        if attempt >= self.policy.retries {
                            return Err(GitHubError::Unavailable {
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
                        return Err(GitHubError::Redirected {
                            status: status.as_u16(),
                            location: self.shown(location),
                        });
                    } else if status == StatusCode::UNAUTHORIZED {
                        return Err(GitHubError::Unauthorized {
                            message: self.message_of(&response.body),
                        });
                    } else if matches!(status.as_u16(), 403 | 404) {
                        return Err(GitHubError::Forbidden {
                            status: status.as_u16(),
                            message: self.message_of(&response.body),
                        });
                    } else {
                        return Err(GitHubError::Status {
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
