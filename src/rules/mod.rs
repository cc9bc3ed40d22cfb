//! The rule registry.
//!
//! Each rule lives in its own file, named for what it flags, and declares
//! itself with [`declare_rule!`]: code, name, default severity, and its doc
//! comment, which is what `baton explain CODE` prints. [`RULES`] is the one
//! place a rule is registered; tests check that codes and names are unique
//! and that every rule file has tests.

use std::ops::Range;

use chrono::DateTime;
use chrono_tz::Tz;

use crate::diag::{Diagnostic, Finding, Levels, Severity, Sink};
use crate::evidence::{Event, Evidence};
use crate::files::FileId;
use crate::graph::TaskGraph;
use crate::history::ChangeSet;
use crate::messages::Msg;
use crate::model::{Item, Project};
use crate::parse::{Sp, When};
use crate::plan::Plan;
use crate::time::Clock;

/// A rule: metadata and the function that checks it.
pub struct Rule {
    /// Stable code, e.g. `W007`.
    pub code: &'static str,
    /// Kebab-case name, e.g. `blocked-not-escalated`.
    pub name: &'static str,
    /// Severity unless `[rules]` says otherwise.
    pub default: Severity,
    /// Documentation in Markdown: what it checks, why, examples.
    pub doc: &'static str,
    /// Reports the rule's findings into the sink.
    pub check: fn(&Context<'_>, &mut Sink<'_>),
}

impl Rule {
    /// The first line of the documentation.
    pub fn summary(&self) -> &'static str {
        self.doc
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("")
    }

    /// The documentation with the one-space indent of doc comments removed.
    pub fn documentation(&self) -> String {
        self.doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }
}

/// Declares the rule of the current module: its doc comment becomes its
/// documentation; the module must define `fn check(&Context, &mut Sink)`.
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* $code:literal, $name:literal, $severity:ident) => {
        $(#[doc = $doc])*
        pub const RULE: crate::rules::Rule = crate::rules::Rule {
            code: $code,
            name: $name,
            default: crate::diag::Severity::$severity,
            doc: concat!($($doc, "\n"),*),
            check,
        };
    };
}

mod acceptance_overdue;
mod action_item_incomplete;
mod action_not_confirmed;
mod agenda_untimed;
mod archived_item_modified;
mod backdated_timestamp;
mod blocked_not_escalated;
mod calendar_out_of_range;
mod change_request_undecided;
mod complaint_response_late;
mod decline_without_alternative;
mod dependency_cycle;
mod dependency_not_finished;
mod due_on_non_working_day;
mod due_soon;
mod duplicate_id;
mod follow_up_overdue;
mod infeasible_schedule;
mod invalid_date_range;
mod invalid_toml;
mod late_meeting_notice;
mod lead_department_missing;
mod legal_review_overdue;
mod meeting_on_non_working_day;
mod minutes_late;
mod missing_deliverable;
mod not_started;
mod overdue;
mod owner_not_single;
mod progress_stale;
mod record_late;
mod rejection_without_comments;
mod request_not_acknowledged;
mod retrospective_overdue;
mod schedule_moved;
mod schema_violation;
mod signed_without_legal_review;
mod stale_waiver;
mod unapproved_change;
mod unauthorized_change;
mod unknown_reference;
mod vague_wording;

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    &invalid_toml::RULE,
    &schema_violation::RULE,
    &duplicate_id::RULE,
    &unknown_reference::RULE,
    &invalid_date_range::RULE,
    &calendar_out_of_range::RULE,
    &owner_not_single::RULE,
    &lead_department_missing::RULE,
    &action_item_incomplete::RULE,
    &unauthorized_change::RULE,
    &unapproved_change::RULE,
    &signed_without_legal_review::RULE,
    &overdue::RULE,
    &due_soon::RULE,
    &dependency_cycle::RULE,
    &infeasible_schedule::RULE,
    &due_on_non_working_day::RULE,
    &schedule_moved::RULE,
    &dependency_not_finished::RULE,
    &meeting_on_non_working_day::RULE,
    &not_started::RULE,
    &request_not_acknowledged::RULE,
    &decline_without_alternative::RULE,
    &late_meeting_notice::RULE,
    &minutes_late::RULE,
    &action_not_confirmed::RULE,
    &progress_stale::RULE,
    &blocked_not_escalated::RULE,
    &acceptance_overdue::RULE,
    &rejection_without_comments::RULE,
    &retrospective_overdue::RULE,
    &archived_item_modified::RULE,
    &complaint_response_late::RULE,
    &follow_up_overdue::RULE,
    &legal_review_overdue::RULE,
    &change_request_undecided::RULE,
    &record_late::RULE,
    &vague_wording::RULE,
    &missing_deliverable::RULE,
    &agenda_untimed::RULE,
    &stale_waiver::RULE,
    &backdated_timestamp::RULE,
];

/// Q004, whose "accepts nothing" findings come after every other rule
/// ran ([`crate::waiver::apply`]).
pub(crate) use stale_waiver::RULE as STALE_WAIVER;

/// The rule with this code or name (case-insensitive code).
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// What a rule sees.
pub struct Context<'a> {
    /// The project.
    pub project: &'a Project,
    /// Its task graph.
    pub graph: &'a TaskGraph,
    /// Time zone, calendar, working hours and now.
    pub clock: &'a Clock,
    /// Times derived from history.
    pub evidence: &'a Evidence,
    /// What a pull request changed (`--base`/`--head` only).
    pub changes: Option<&'a ChangeSet>,
    /// The plan (SPEC §5), computed once per check; `None` when the
    /// calendar has no working day to plan on.
    pub plan: Option<&'a Plan>,
}

impl Context<'_> {
    /// When `event` happened to `item`: the stated time when written,
    /// else the time derived from history.
    pub fn time_of(
        &self,
        item: &str,
        stated: Option<&Sp<When>>,
        event: Event,
    ) -> Option<DateTime<Tz>> {
        match stated {
            Some(when) => Some(self.clock.event(when)),
            None => self.evidence.get(item, &event),
        }
    }

    /// Shorthand for [`Clock::show`].
    pub fn show(&self, t: DateTime<Tz>) -> String {
        self.clock.show(t)
    }

    /// The service levels.
    pub fn sla(&self) -> &crate::model::Sla {
        &self.project.settings.sla
    }
}

/// A diagnostic about `item` at `span` on `field`.
pub(crate) fn on<T>(
    item: &Item<T>,
    span: Option<Range<usize>>,
    field: &str,
    message: Msg,
) -> Diagnostic {
    Diagnostic::new(Some(&item.id), item.file, span, field, message)
}

/// A diagnostic about `item` at the span of `value`.
pub(crate) fn at<T, V>(item: &Item<T>, value: &Sp<V>, field: &str, message: Msg) -> Diagnostic {
    on(item, Some(value.span()), field, message)
}

/// Why `date` is not a working day (`None` when it is one): a holiday by
/// its name, a weekend, or an unnamed day off on a weekday.
pub(crate) fn day_off(
    calendar: &crate::calendar::Calendar,
    date: chrono::NaiveDate,
) -> Option<Msg> {
    if calendar.is_working_day(date) {
        return None;
    }
    let weekday = chrono::Datelike::weekday(&date).num_days_from_monday() as usize;
    Some(match calendar.holiday_name(date) {
        Some(name) => Msg::DayOff {
            name: Some(name.to_string()),
        },
        None if !calendar.weekly_working_days()[weekday] => Msg::Weekend,
        None => Msg::DayOff { name: None },
    })
}

/// A diagnostic about an action item of a meeting or communication
/// record, at `span`, keyed by the action's title.
pub(crate) fn on_action(
    found: &crate::model::ActionRef<'_>,
    span: Range<usize>,
    message: Msg,
) -> Diagnostic {
    Diagnostic::new(
        Some(found.item),
        found.file,
        Some(span),
        found.field,
        message,
    )
    .key(found.action.title.as_str())
}

/// A diagnostic in `file` (outside any item) at `span`.
pub(crate) fn in_file(
    file: FileId,
    span: Option<Range<usize>>,
    field: &str,
    message: Msg,
) -> Diagnostic {
    Diagnostic::new(None, file, span, field, message)
}

/// Runs every rule whose severity is not `off`, on every core; the
/// findings come in registry order, as if run one after the other.
pub fn run(cx: &Context<'_>, levels: &Levels) -> Vec<Finding> {
    use rayon::prelude::*;
    let per_rule: Vec<Vec<Finding>> = RULES
        .par_iter()
        .map(|rule| {
            let mut sink = Sink::new(levels, &cx.project.files);
            sink.start_rule(rule.code, rule.name, rule.default);
            if !sink.is_off() {
                (rule.check)(cx, &mut sink);
            }
            sink.into_findings()
        })
        .collect();
    // Concatenated into one list sized once: growing it by doubling would
    // hold two copies of 100,000 findings for a moment.
    let mut findings = Vec::with_capacity(per_rule.iter().map(Vec::len).sum());
    for mut found in per_rule {
        findings.append(&mut found);
    }
    findings
}

#[cfg(test)]
mod tests;
