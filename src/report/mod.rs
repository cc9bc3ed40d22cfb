//! Renderers: one per output format, over the same findings.

mod json;
mod text;

pub use json::render as json;
pub use text::{render as text, render_config_errors};

pub mod graph;
pub mod plan;

use crate::check::Checked;
use crate::diag::Severity;

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
}

/// Counts the findings of `checked`.
pub fn counts(checked: &Checked) -> Counts {
    let mut counts = Counts::default();
    for finding in &checked.findings {
        match finding.severity {
            Severity::Error => counts.errors += 1,
            Severity::Warning => counts.warnings += 1,
            Severity::Info => counts.infos += 1,
        }
    }
    counts
}
