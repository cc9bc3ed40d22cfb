//! Findings: what a rule reports, with severity, location and fingerprint.
//!
//! Rules build a [`Diagnostic`] (where and what); the [`Sink`] stamps it
//! with the rule, the severity after `[rules]` overrides, and a stable
//! fingerprint, producing a [`Finding`]. Severity is applied in this one
//! place.

mod fingerprint;
mod sink;

use std::ops::Range;

use schemars::JsonSchema;
use serde::Deserialize;

pub use fingerprint::fingerprint;
pub use sink::{Levels, Sink};

use crate::files::FileId;
use crate::messages::Msg;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// For information; never fails a check.
    Info,
    /// Should be looked at; does not fail a check.
    Warning,
    /// Fails the check (exit code 1).
    Error,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The severity named `name` as a report writes it; anything else is
    /// `info`, the severity that fails nothing.
    pub fn from_name(name: &str) -> Severity {
        match name {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            _ => Severity::Info,
        }
    }
}

/// A severity as configured in `[rules]`, including `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Report as an error.
    Error,
    /// Report as a warning.
    Warning,
    /// Report as information.
    Info,
    /// Do not report.
    Off,
}

impl Level {
    /// The severity, or `None` for `off`.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Off => None,
        }
    }
}

/// A secondary location shown with a finding ("first defined here").
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    /// The file.
    pub file: FileId,
    /// The byte range.
    pub span: Range<usize>,
    /// What is there.
    pub message: Msg,
}

/// What a rule found and where, before severity is applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The item id, when the finding is about an item.
    pub item: Option<String>,
    /// The file.
    pub file: FileId,
    /// The byte range of the offending field; `None` for the whole file.
    pub span: Option<Range<usize>>,
    /// Dotted path of the field (`blocked.escalated_to`), part of the fingerprint.
    pub field: String,
    /// What distinguishes two findings of one rule on one field (a referenced
    /// id, a department); part of the fingerprint.
    pub key: String,
    /// What is wrong.
    pub message: Msg,
    /// How to fix it.
    pub hint: Option<Box<Msg>>,
    /// Other places worth showing.
    pub related: Vec<Related>,
    /// A service level's breach that is closed: the act it waited for
    /// happened, late. History, reported at `info` unless `[rules]` says
    /// `<code>.closed = …`; its fingerprint is that of the open breach.
    pub closed: bool,
}

impl Diagnostic {
    /// A diagnostic about `item` in `file` at `span`, on `field`.
    pub fn new(
        item: Option<&str>,
        file: FileId,
        span: Option<Range<usize>>,
        field: &str,
        message: Msg,
    ) -> Self {
        Diagnostic {
            item: item.map(str::to_string),
            file,
            span,
            field: field.to_string(),
            key: String::new(),
            message,
            hint: None,
            related: Vec::new(),
            closed: false,
        }
    }

    /// Marks the breach closed (the act happened, late).
    pub fn closed(mut self) -> Self {
        self.closed = true;
        self
    }

    /// Marks the breach closed when `closed` is true.
    pub fn closed_if(mut self, closed: bool) -> Self {
        self.closed = closed;
        self
    }

    /// Sets the distinguishing key.
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.key = key.into();
        self
    }

    /// Sets the hint.
    pub fn hint(mut self, hint: Msg) -> Self {
        self.hint = Some(Box::new(hint));
        self
    }

    /// Sets the hint when there is one.
    pub fn maybe_hint(mut self, hint: Option<Msg>) -> Self {
        self.hint = hint.map(Box::new);
        self
    }

    /// Adds a related location.
    pub fn related(mut self, file: FileId, span: Range<usize>, message: Msg) -> Self {
        self.related.push(Related {
            file,
            span,
            message,
        });
        self
    }
}

/// How a finding relates to the base revision in pull-request mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Change {
    /// Only in the head revision: the change introduced it.
    New,
    /// In both revisions.
    Existing,
    /// Only in the base revision: the change fixed it.
    Fixed,
}

impl Change {
    /// `new`, `existing` or `fixed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::New => "new",
            Change::Existing => "existing",
            Change::Fixed => "fixed",
        }
    }
}

/// A reported finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Rule code, e.g. `W007`.
    pub code: &'static str,
    /// Rule name, e.g. `blocked-not-escalated`.
    pub name: &'static str,
    /// Severity after configuration.
    pub severity: Severity,
    /// Where and what.
    pub diagnostic: Diagnostic,
    /// Stable identity across revisions: rule, item (or path), field and key,
    /// never line numbers.
    pub fingerprint: String,
    /// Pull-request classification, when comparing revisions.
    pub change: Option<Change>,
    /// The waiver that accepts it, when one does (its severity is then
    /// `info`; the waiver keeps the severity it had).
    pub waived: Option<Box<Waived>>,
}

/// How a finding was waived (`[[waiver]]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Waived {
    /// The severity the finding had before it was waived.
    pub severity: Severity,
    /// Who accepted it (a person id).
    pub by: String,
    /// Its last day, when it has one.
    pub until: Option<chrono::NaiveDate>,
    /// Why.
    pub reason: String,
    /// The file holding the waiver.
    pub file: FileId,
    /// The waiver's span in that file.
    pub span: Range<usize>,
}
