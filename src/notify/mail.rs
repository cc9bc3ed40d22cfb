//! Mail over SMTP (`kind = "email"`): the digest as a plain-text message to
//! the channel's `to`, through the server the `smtp_env` variable names —
//! `smtps://user:password@host:465` (TLS from the first byte) or
//! `smtp://user:password@host:587?tls=required` (STARTTLS). The URL holds a
//! password: it never appears in what baton prints.

use std::time::Duration;

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, SinglePart};
use lettre::{Message, SmtpTransport, Transport};

use super::send::SendError;
use crate::model::NotifyChannel;

/// Sends `subject` and `text` to the channel's recipients.
pub fn send(
    channel: &NotifyChannel,
    smtp_url: &str,
    subject: &str,
    text: &str,
) -> Result<(), SendError> {
    let redact = |message: String| SendError(redact(&message, smtp_url));
    let from: Mailbox = channel
        .from
        .as_ref()
        .map_or("baton <baton@localhost>", |f| f.as_str())
        .parse()
        .map_err(|e| SendError(format!("`from` is not a mail address: {e}")))?;
    let mut builder = Message::builder().from(from).subject(subject);
    if channel.to.is_empty() {
        return Err(SendError("an email channel needs `to = [\"…\"]`".into()));
    }
    for to in &channel.to {
        let mailbox: Mailbox = to
            .as_str()
            .parse()
            .map_err(|e| SendError(format!("`{}` is not a mail address: {e}", to.as_str())))?;
        builder = builder.to(mailbox);
    }
    // Base64: any text, any line length, whatever the server's 8BITMIME.
    let body = SinglePart::builder()
        .header(ContentType::TEXT_PLAIN)
        .header(ContentTransferEncoding::Base64)
        .body(text.to_string());
    let message = builder
        .singlepart(body)
        .map_err(|e| SendError(e.to_string()))?;
    let transport = SmtpTransport::from_url(smtp_url)
        .map_err(|e| redact(format!("the SMTP URL is not valid: {e}")))?
        .timeout(Some(Duration::from_secs(30)))
        .build();
    transport
        .send(&message)
        .map(|_| ())
        .map_err(|e| redact(format!("the SMTP server refused the mail: {e}")))
}

/// `message` without the URL's password (or the URL itself).
fn redact(message: &str, url: &str) -> String {
    let mut out = message.replace(url, "<smtp_env>");
    if let Some(rest) = url.split("://").nth(1)
        && let Some((credentials, _)) = rest.split_once('@')
        && let Some((_, password)) = credentials.split_once(':')
        && !password.is_empty()
    {
        out = out.replace(password, "***");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn the_password_never_shows() {
        let url = "smtps://pmo:s3cr3t-pass@mail.example.com:465";
        assert_eq!(
            redact(
                "connection to smtps://pmo:s3cr3t-pass@mail.example.com:465 failed",
                url
            ),
            "connection to <smtp_env> failed"
        );
        assert_eq!(
            redact("auth s3cr3t-pass rejected", url),
            "auth *** rejected"
        );
    }
}
