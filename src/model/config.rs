//! `baton.toml`: marks the root; project settings and policy.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::diag::Level;
use crate::messages::Lang;
use crate::parse::{ClockTime, Day, Sp};
use crate::time::Duration;

/// A `[rules]` value: a level (`W001 = "warning"`), or a table of the
/// rule's level and the level of its closed breaches — which is what TOML
/// makes of the dotted key `W001.closed = "warning"` (SPEC §4), and of
/// `W001 = { level = "error", closed = "warning" }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RuleSetting {
    /// The rule's level.
    pub level: Option<Level>,
    /// The level of its closed breaches.
    pub closed: Option<Level>,
}

impl<'de> Deserialize<'de> for RuleSetting {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RuleSetting;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("\"error\", \"warning\", \"info\" or \"off\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RuleSetting, E> {
                let level = Level::deserialize(serde::de::value::StrDeserializer::<E>::new(v))?;
                Ok(RuleSetting {
                    level: Some(level),
                    closed: None,
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RuleSetting, A::Error> {
                let mut setting = RuleSetting::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "level" => setting.level = Some(map.next_value()?),
                        "closed" => setting.closed = Some(map.next_value()?),
                        other => {
                            return Err(serde::de::Error::unknown_field(
                                other,
                                &["level", "closed"],
                            ));
                        }
                    }
                }
                Ok(setting)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl JsonSchema for RuleSetting {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RuleSetting".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let level = generator.subschema_for::<Level>();
        schemars::json_schema!({
            "description": "A level, or `closed` (and `level`) for the rule's closed breaches",
            "anyOf": [
                level,
                {
                    "type": "object",
                    "properties": { "level": level, "closed": level },
                    "additionalProperties": false
                }
            ]
        })
    }
}

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
    /// Severity per rule code (or name): "error", "warning", "info" or
    /// "off"; `W001.closed = "warning"` sets the level of a rule's closed
    /// breaches.
    #[serde(default)]
    pub rules: BTreeMap<String, Sp<RuleSetting>>,
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
    /// Chat groups and mailboxes `baton notify` writes to.
    #[serde(default)]
    pub notify: Vec<Sp<NotifyChannel>>,
}

/// `[[notify]]`: one chat group or mailbox. Secrets never live in the
/// repository: the webhook URL, the signing secret and the SMTP URL come
/// from the environment variables named here.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotifyChannel {
    /// A name for messages and the ledger, e.g. "新品上市项目群".
    pub name: Sp<String>,
    /// The platform.
    pub kind: Sp<NotifyKind>,
    /// The environment variable holding the webhook URL (a secret).
    pub url_env: Option<Sp<String>>,
    /// The environment variable holding the signing secret (Feishu/Lark, DingTalk).
    pub secret_env: Option<Sp<String>>,
    /// The bot's keyword security: one of these appears in every message.
    #[serde(default)]
    pub keywords: Vec<Sp<String>>,
    /// Only items these departments lead or support (default: all).
    #[serde(default)]
    pub departments: Vec<Sp<String>>,
    /// Only these reminders (default: all).
    #[serde(default)]
    pub events: Vec<Sp<NotifyEvent>>,
    /// Mail: the recipients.
    #[serde(default)]
    pub to: Vec<Sp<String>>,
    /// Mail: the environment variable holding the SMTP URL
    /// (`smtps://user:pass@host:465`).
    pub smtp_env: Option<Sp<String>>,
    /// Mail: the sender address.
    pub from: Option<Sp<String>>,
}

/// A platform `baton notify` writes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotifyKind {
    /// Feishu custom bot (open.feishu.cn).
    Feishu,
    /// Lark custom bot (open.larksuite.com).
    Lark,
    /// DingTalk custom robot.
    Dingtalk,
    /// WeCom (企业微信) group robot.
    Wecom,
    /// Slack incoming webhook.
    Slack,
    /// Mail over SMTP with TLS.
    Email,
    /// A generic JSON webhook.
    Webhook,
}

/// A kind of reminder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotifyEvent {
    /// Due within `sla.due_soon` (to the owner).
    DueSoon,
    /// Past due (to the owner).
    Overdue,
    /// No progress update today by `workday.update_by` (to the owner).
    UpdateMissing,
    /// Blocked past `sla.blocked_escalate` and not escalated (to the manager).
    Blocked,
    /// A delivery waiting for acceptance (to the acceptor).
    Acceptance,
    /// An action item to confirm (to its owner).
    ActionConfirm,
    /// A meeting tomorrow (to required and informed).
    MeetingTomorrow,
    /// A request to acknowledge (to the assisting department's contact).
    RequestAck,
    /// A customer complaint waiting for a handling plan or a follow-up
    /// visit (to its owner).
    Complaint,
    /// A change request waiting for a decision (to the approvers).
    ChangePending,
    /// An agreement waiting for the legal department's review (to the
    /// reviewer, else the legal department's head).
    LegalReview,
}

/// `[ids]`: the id pattern of each kind for `baton new`. Placeholders:
/// `{n}` (the next free number; `{n:03}` zero-padded), `{date}`
/// (2027-03-05: today, or a meeting's day), `{yyyymmdd}`, `{yyyy}` and `{rand}` (four
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
    /// Complaints; default "CMP-{yyyy}-{n:03}".
    pub complaint: Option<Sp<String>>,
    /// Agreements; default "AGR-{n:03}".
    pub agreement: Option<Sp<String>>,
    /// Communication records; default "COM-{date}-{n}".
    pub comm: Option<Sp<String>>,
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
    /// Answer a complaint with a handling plan within (default "48h", seed 002).
    pub complaint_response: Option<Sp<Duration>>,
    /// Visit the customer after the resolution within (default "3d", seed 002).
    pub complaint_follow_up: Option<Sp<Duration>>,
    /// Legal decides on an agreement within (default "3wd", seed 002).
    pub legal_review: Option<Sp<Duration>>,
    /// Write up a communication within (default "24h", seed 000).
    pub comm_record: Option<Sp<Duration>>,
}
