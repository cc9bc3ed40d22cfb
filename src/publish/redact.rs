//! What a forge says reaches a log: with the token removed, whatever its
//! source (a server that echoes the `Authorization` header, a proxy's
//! error page), without terminal escapes, and short.

use crate::report::sanitize;

/// The longest server text shown.
const MAX_SHOWN: usize = 300;

/// Prefixes of GitHub's token formats (personal, OAuth, user-to-server,
/// server-to-server, refresh, fine-grained).
const TOKEN_PREFIXES: &[&str] = &["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"];

/// `text` without `secret` (and without anything shaped like a GitHub
/// token), sanitised for a terminal and cut to a few hundred characters.
pub fn redact(text: &str, secret: &str) -> String {
    let mut out = if secret.trim().len() >= 4 {
        text.replace(secret.trim(), "***")
    } else {
        text.to_string()
    };
    for prefix in TOKEN_PREFIXES {
        out = redact_shaped(&out, prefix);
    }
    let out = sanitize(&out);
    if out.chars().count() > MAX_SHOWN {
        let cut: String = out.chars().take(MAX_SHOWN).collect();
        format!("{cut}…")
    } else {
        out
    }
}

/// Replaces `prefix` followed by eight or more token characters.
fn redact_shaped(text: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        let tail = &rest[at + prefix.len()..];
        let len = tail
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(tail.len());
        out.push_str(&rest[..at]);
        if len >= 8 {
            out.push_str(prefix);
            out.push_str("***");
        } else {
            out.push_str(&rest[at..at + prefix.len() + len]);
        }
        rest = &tail[len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_and_token_shaped_text_never_show() {
        let token = "ghs_TOPSECRETtoken0123456789abcdef";
        let said = format!("Bad credentials: Bearer {token} and ghp_0123456789ABCDEFabcdef1 seen");
        let shown = redact(&said, token);
        assert!(
            !shown.contains("TOPSECRET") && !shown.contains("0123456789ABCDEF"),
            "{shown}"
        );
        assert_eq!(shown, "Bad credentials: Bearer *** and ghp_*** seen");
        // Short look-alikes and ordinary words stay.
        assert_eq!(redact("ghs_ab is short", token), "ghs_ab is short");
    }

    #[test]
    fn server_text_is_inert_and_short() {
        let shown = redact(&format!("\u{1b}]0;pwned\u{7}{}", "x".repeat(1000)), "");
        assert!(!shown.contains('\u{1b}') && !shown.contains('\u{7}'));
        assert!(shown.chars().count() <= MAX_SHOWN + 1);
    }
}
