//! A GitHub REST client: octocrab for transport, with a timeout on every
//! call and bounded retries on server errors and rate limits.
//!
//! octocrab's own retry layer is not used: honouring `Retry-After` and
//! `x-ratelimit-reset` needs the response headers, which octocrab's typed
//! errors do not carry, so requests go through its raw `_get`/`_post`/
//! `_patch` and this module reads status and headers itself.

use std::time::Duration;

use http::{HeaderMap, StatusCode};
use octocrab::Octocrab;
use serde_json::Value;

/// Why a GitHub call failed.
#[derive(Debug, thiserror::Error)]
pub enum GitHubError {
    /// The token may not do this (a fork's read-only token, missing permissions).
    #[error("GitHub refused the request ({status}): {message}")]
    Forbidden {
        /// 401, 403 or 404.
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
    /// Still rate limited after waiting as long as allowed.
    #[error("GitHub's rate limit did not clear in time (it asked to wait {wait_seconds} s)")]
    RateLimited {
        /// How long GitHub asked to wait.
        wait_seconds: u64,
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
}

impl std::fmt::Debug for GitHub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the token.
        f.debug_struct("GitHub")
            .field("api", &self.api)
            .finish_non_exhaustive()
    }
}

/// How long a rate-limited response asks to wait, if it is one.
fn rate_limit_wait(status: StatusCode, headers: &HeaderMap) -> Option<Duration> {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    if let Some(seconds) = header("retry-after").and_then(|v| v.parse::<u64>().ok()) {
        return Some(Duration::from_secs(seconds));
    }
    let limited =
        status == StatusCode::TOO_MANY_REQUESTS || header("x-ratelimit-remaining") == Some("0");
    if !limited
        || !matches!(
            status,
            StatusCode::FORBIDDEN | StatusCode::TOO_MANY_REQUESTS
        )
    {
        return None;
    }
    let reset = header("x-ratelimit-reset").and_then(|v| v.parse::<i64>().ok());
    let now = chrono::Utc::now().timestamp();
    Some(Duration::from_secs(
        reset.map_or(60, |r| (r - now).max(1)) as u64
    ))
}

fn message_of(body: &Value) -> String {
    body.get("message")
        .and_then(Value::as_str)
        .map_or_else(|| "no message".to_string(), str::to_string)
}

impl GitHub {
    /// A client for the API at `api` (e.g. `https://api.github.com`).
    pub fn new(api: &str, token: &str, policy: RetryPolicy) -> Result<GitHub, GitHubError> {
        let client = Octocrab::builder()
            .base_uri(api)
            .map_err(|_| GitHubError::Setup(format!("`{api}` is not a valid API URL")))?
            .personal_token(token.to_string())
            .set_connect_timeout(Some(policy.timeout))
            .set_read_timeout(Some(policy.timeout))
            .set_write_timeout(Some(policy.timeout))
            .build()
            .map_err(|e| GitHubError::Setup(format!("cannot build the GitHub client: {e}")))?;
        Ok(GitHub {
            client,
            api: api.trim_end_matches('/').to_string(),
            policy,
        })
    }

    /// The absolute URL of an API path (`/repos/…`); absolute URLs (from
    /// `Link` headers) are kept.
    pub fn url(&self, path: &str) -> String {
        if path.starts_with("http://") || path.starts_with("https://") {
            path.to_string()
        } else {
            format!("{}{}", self.api, path)
        }
    }

    async fn once(
        &self,
        method: Method,
        url: &str,
        body: Option<&Value>,
    ) -> Result<Response, GitHubError> {
        let network = |e: octocrab::Error| GitHubError::Network {
            api: self.api.clone(),
            message: e.to_string(),
        };
        let response = match method {
            Method::Get => self.client._get(url).await,
            Method::Post => self.client._post(url, body).await,
            Method::Patch => self.client._patch(url, body).await,
        }
        .map_err(network)?;
        let status = response.status();
        let headers = response.headers().clone();
        let text = self
            .client
            .body_to_string(response)
            .await
            .map_err(network)?;
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Ok(Response {
            status,
            headers,
            body,
        })
    }

    /// Sends a request; retries server errors, rate limits and broken
    /// connections (bounded), and fails on other error statuses.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Response, GitHubError> {
        let url = self.url(path);
        let what = format!("{method:?} {}", path.split('?').next().unwrap_or(path)).to_uppercase();
        let mut backoff = self.policy.backoff;
        let mut attempt = 0;
        loop {
            let result =
                tokio::time::timeout(self.policy.timeout, self.once(method, &url, body)).await;
            let wait = match result {
                Err(_) => {
                    return Err(GitHubError::Timeout {
                        seconds: self.policy.timeout.as_secs(),
                        what,
                    });
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
                    } else if status.is_server_error() && attempt < self.policy.retries {
                        backoff
                    } else if matches!(status.as_u16(), 401 | 403 | 404) {
                        return Err(GitHubError::Forbidden {
                            status: status.as_u16(),
                            message: message_of(&response.body),
                        });
                    } else {
                        return Err(GitHubError::Status {
                            status: status.as_u16(),
                            message: message_of(&response.body),
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
        // A plain 403 (a read-only token) is not a rate limit.
        assert_eq!(
            rate_limit_wait(StatusCode::FORBIDDEN, &HeaderMap::new()),
            None
        );
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
