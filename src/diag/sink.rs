//! The sink: where rules put diagnostics and findings come out.

use std::collections::HashMap;

use super::{Diagnostic, Finding, Level, Severity, fingerprint};
use crate::files::Files;

/// Severity overrides from `[rules]`, by rule code.
#[derive(Debug, Clone, Default)]
pub struct Levels {
    overrides: HashMap<&'static str, Level>,
    /// Levels of closed breaches (`W001.closed = "warning"`).
    closed: HashMap<&'static str, Level>,
}

impl Levels {
    /// Sets the level of the rule `code`.
    pub fn set(&mut self, code: &'static str, level: Level) {
        self.overrides.insert(code, level);
    }

    /// Sets the level of the closed breaches of the rule `code`.
    pub fn set_closed(&mut self, code: &'static str, level: Level) {
        self.closed.insert(code, level);
    }

    /// The severity of a closed breach of rule `code`: `info` unless set;
    /// `None` when off (or the rule is off).
    pub fn closed_severity(&self, code: &str) -> Option<Severity> {
        if matches!(self.overrides.get(code), Some(Level::Off)) {
            return None;
        }
        match self.closed.get(code) {
            Some(level) => level.severity(),
            None => Some(Severity::Info),
        }
    }

    /// The severity of rule `code` whose default is `default`; `None` when off.
    pub fn severity(&self, code: &str, default: Severity) -> Option<Severity> {
        match self.overrides.get(code) {
            Some(level) => level.severity(),
            None => Some(default),
        }
    }
}

/// Collects findings for one rule at a time.
pub struct Sink<'a> {
    levels: &'a Levels,
    files: &'a Files,
    findings: Vec<Finding>,
    current: Option<(&'static str, &'static str, Option<Severity>)>,
}

impl<'a> Sink<'a> {
    /// A sink applying `levels`.
    pub fn new(levels: &'a Levels, files: &'a Files) -> Self {
        Sink {
            levels,
            files,
            findings: Vec::new(),
            current: None,
        }
    }

    /// Subsequent diagnostics belong to rule `code` (`name`), whose default
    /// severity is `default`.
    pub fn start_rule(&mut self, code: &'static str, name: &'static str, default: Severity) {
        self.current = Some((code, name, self.levels.severity(code, default)));
    }

    /// Whether the current rule is switched off (rules may skip work).
    pub fn is_off(&self) -> bool {
        matches!(self.current, Some((_, _, None)) | None)
    }

    /// Reports a diagnostic of the current rule.
    pub fn emit(&mut self, diagnostic: Diagnostic) {
        let Some((code, name, Some(open_severity))) = self.current else {
            return;
        };
        let severity = if diagnostic.closed {
            match self.levels.closed_severity(code) {
                Some(severity) => severity,
                None => return,
            }
        } else {
            open_severity
        };
        let subject = diagnostic
            .item
            .clone()
            .unwrap_or_else(|| self.files.path(diagnostic.file).to_string());
        let fingerprint = fingerprint(code, &subject, &diagnostic.field, &diagnostic.key);
        self.findings.push(Finding {
            code,
            name,
            severity,
            diagnostic,
            fingerprint,
            change: None,
            waived: None,
        });
    }

    /// The findings, in the order reported.
    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }
}
