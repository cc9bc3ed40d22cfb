//! Renderers: one per output format, over the same findings.
//!
//! `text` needs the source files (snippets); the others render from the
//! [`ReportDoc`], which is also what `--format json` prints, so `baton
//! comment --report FILE` can publish a report produced earlier.

pub mod codequality;
pub mod doc;
pub mod escape;
pub mod github;
pub mod json;
pub mod markdown;
pub mod sanitize;
pub mod sarif;
mod text;

pub use doc::{ChangedDoc, FindingDoc, GraphDoc, NodeDoc, ReportDoc, RevisionDoc, SummaryDoc};
pub use markdown::Links;
pub use sanitize::{is_hostile, sanitize};
pub use text::{render as text, render_config_errors, render_pr as text_pr};

pub mod audit;
pub mod columns;
pub mod digest;
pub mod graph;
pub mod html;
pub mod ics;
pub mod md;
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
    /// Findings a waiver accepts (counted as infos too).
    pub waived: usize,
}

/// Counts the findings of `checked`.
pub fn counts(checked: &Checked) -> Counts {
    let mut counts = Counts::default();
    for finding in &checked.findings {
        counts.waived += usize::from(finding.waived.is_some());
        match finding.severity {
            Severity::Error => counts.errors += 1,
            Severity::Warning => counts.warnings += 1,
            Severity::Info => counts.infos += 1,
        }
    }
    counts
}
