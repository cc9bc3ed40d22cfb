//! Resolved project settings: what `baton.toml` says, with defaults.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::calendar::Calendar;
use crate::diag::Level;
use crate::messages::Lang;
use crate::parse::Sp;
use crate::time::{Duration, Workday};

/// Service levels (SPEC §2 `[sla]`), defaults from the seed guides.
#[derive(Debug, Clone, Copy)]
#[allow(missing_docs)] // documented on `SlaSection`
pub struct Sla {
    pub request_ack: Duration,
    pub meeting_notice: Duration,
    pub meeting_notice_major: Duration,
    pub agenda_before: Duration,
    pub minutes: Duration,
    pub action_confirm: Duration,
    pub progress_update: Duration,
    pub blocked_escalate: Duration,
    pub acceptance: Duration,
    pub retrospective: Duration,
    pub due_soon: Duration,
    pub change_decision: Duration,
    pub complaint_response: Duration,
    pub complaint_follow_up: Duration,
    pub legal_review: Duration,
    pub comm_record: Duration,
}

impl Default for Sla {
    fn default() -> Self {
        use Duration::{Days, Hours, WorkingDays};
        Sla {
            request_ack: WorkingDays(1),
            meeting_notice: Days(1),
            meeting_notice_major: WorkingDays(3),
            agenda_before: Hours(24),
            minutes: Hours(24),
            action_confirm: WorkingDays(1),
            progress_update: WorkingDays(1),
            blocked_escalate: WorkingDays(2),
            acceptance: WorkingDays(2),
            retrospective: WorkingDays(3),
            due_soon: WorkingDays(3),
            change_decision: WorkingDays(2),
            complaint_response: Hours(48),
            complaint_follow_up: Days(3),
            legal_review: WorkingDays(3),
            comm_record: Hours(24),
        }
    }
}

/// Project settings after defaults and validation.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Project name (the root folder's name when not set).
    pub name: String,
    /// Time zone of local times.
    pub tz: Tz,
    /// The working calendar.
    pub calendar: Calendar,
    /// Project start, for planning.
    pub start: Option<NaiveDate>,
    /// Message language.
    pub lang: Lang,
    /// Working hours.
    pub workday: Workday,
    /// Service levels.
    pub sla: Sla,
    /// `[rules]` as written: rule code or name → level. Checked against
    /// the rule registry by [`crate::check`].
    pub rules: BTreeMap<String, Sp<Level>>,
    /// Who may change what: the defaults with `[authority]` applied.
    pub authority: crate::authority::Authority,
    /// `project.legal_department`.
    pub legal_department: Option<String>,
    /// `[[waiver]]` of baton.toml.
    pub waivers: Vec<Sp<crate::model::Waiver>>,
    /// `[ids]`: how `baton new` names items.
    pub ids: super::IdsSection,
    /// `[[notify]]`: where `baton notify` writes.
    pub notify: Vec<Sp<super::NotifyChannel>>,
}
