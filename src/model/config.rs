//! `baton.toml`: marks the root; project settings and policy.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::diag::Level;
use crate::messages::Lang;
use crate::parse::{ClockTime, Day, Sp};
use crate::time::Duration;

/// The project file `baton.toml` at the root of a baton repository.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Project settings.
    #[serde(default)]
    pub project: ProjectSection,
    /// Working hours.
    #[serde(default)]
    pub workday: WorkdaySection,
    /// Service levels: how long each step of the process may take.
    #[serde(default)]
    pub sla: SlaSection,
    /// Severity per rule code (or name): "error", "warning", "info" or "off".
    #[serde(default)]
    pub rules: BTreeMap<String, Sp<Level>>,
    /// Who may change what (SPEC §6): `"<kind>.<field>"` → roles, e.g.
    /// `"task.due" = ["acceptor", "lead_head", "change"]`. Roles: owner,
    /// manager, lead_head, acceptor, requester, member, organizer, chair,
    /// scribe, self, legal, admin, editor, change; `a+b` needs both.
    #[serde(default)]
    pub authority: BTreeMap<String, Sp<Vec<Sp<String>>>>,
    /// Findings accepted for a reason, by someone entitled to, until a date.
    #[serde(default)]
    pub waiver: Vec<Sp<super::Waiver>>,
    /// How `baton new` names new items.
    #[serde(default)]
    pub ids: IdsSection,
}

/// `[ids]`: the id pattern of each kind for `baton new`. Placeholders:
/// `{n}` (the next free number; `{n:03}` zero-padded), `{date}`
/// (2027-03-05: today, or a meeting's day), `{yyyymmdd}` and `{rand}` (four
/// letters and digits). Teams that branch a lot use `{yyyymmdd}-{rand}`:
/// two branches numbering from the same last id would collide (S003 on
/// the merge result).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IdsSection {
    /// Tasks; default "T-{n}".
    pub task: Option<Sp<String>>,
    /// Requests; default "REQ-{n:03}".
    pub request: Option<Sp<String>>,
    /// Meetings; default "MTG-{date}-{n}".
    pub meeting: Option<Sp<String>>,
    /// Change requests; default "CR-{n:03}".
    pub change: Option<Sp<String>>,
}

/// `[project]`.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectSection {
    /// Project name.
    pub name: Option<Sp<String>>,
    /// IANA time zone of all local times, e.g. "Asia/Shanghai" (the default).
    pub timezone: Option<Sp<String>>,
    /// Working calendar: a built-in id ("cn", the default) or a file stem under calendars/.
    pub calendar: Option<Sp<String>>,
    /// Project start, for planning.
    pub start: Option<Sp<Day>>,
    /// Message language: "en" (default) or "zh-CN".
    pub locale: Option<Sp<Lang>>,
    /// The department whose members review agreements (role `legal`).
    pub legal_department: Option<Sp<String>>,
}

/// `[workday]`: working hours.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkdaySection {
    /// When a working day starts ("09:00").
    pub start: Option<Sp<ClockTime>>,
    /// When a working day ends ("18:00"); a date used as a deadline means this time.
    pub end: Option<Sp<ClockTime>>,
    /// Daily progress cut-off ("17:00", seed 000).
    pub update_by: Option<Sp<ClockTime>>,
}

/// `[sla]`: durations, written "24h" (clock hours), "3d" (calendar days) or "2wd" (working days).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlaSection {
    /// An assisting department responds to a request within this (default "1wd", seed 001).
    pub request_ack: Option<Sp<Duration>>,
    /// Meeting notice ahead of the start (default "1d", seed 000).
    pub meeting_notice: Option<Sp<Duration>>,
    /// Notice for a major meeting (default "3wd", seed 000).
    pub meeting_notice_major: Option<Sp<Duration>>,
    /// Agenda ahead of the start (default "24h", seed 001).
    pub agenda_before: Option<Sp<Duration>>,
    /// Minutes after the end (default "24h", seeds 000/002).
    pub minutes: Option<Sp<Duration>>,
    /// Action owners confirm after the minutes (default "1wd", seed 000).
    pub action_confirm: Option<Sp<Duration>>,
    /// Longest gap between progress updates (default "1wd", seeds 000/003).
    pub progress_update: Option<Sp<Duration>>,
    /// Escalate a blocked task after (default "2wd", seed 000).
    pub blocked_escalate: Option<Sp<Duration>>,
    /// Review a delivery within (default "2wd", seed 000).
    pub acceptance: Option<Sp<Duration>>,
    /// Retrospective after acceptance within (default "3wd", seed 001).
    pub retrospective: Option<Sp<Duration>>,
    /// Warn this long before a deadline (default "3wd", seeds 002/003).
    pub due_soon: Option<Sp<Duration>>,
    /// Required approvers decide on a change request within (default "2wd", seed 002).
    pub change_decision: Option<Sp<Duration>>,
}
