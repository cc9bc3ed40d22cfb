//! `baton audit --format json`: the [`Audit`] as it is, version 1. Its
//! shape is documented in the README ("Audit JSON"); keys may be added,
//! never renamed or removed within a version.

use crate::audit::Audit;

/// The audit as pretty-printed (inert) JSON, with a final newline.
pub fn render(audit: &Audit) -> String {
    crate::report::json::to_string(audit)
}
