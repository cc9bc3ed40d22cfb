//! `baton audit --format json`: the [`Audit`] as it is, version 1. Its
//! shape is documented in the README ("Audit JSON"); keys may be added,
//! never renamed or removed within a version.

use crate::audit::Audit;

/// The audit as pretty-printed JSON, with a final newline.
pub fn render(audit: &Audit) -> String {
    match serde_json::to_string_pretty(audit) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // Serializing plain data with string keys cannot fail.
        Err(e) => format!("{{\"error\": \"{e}\"}}\n"),
    }
}
