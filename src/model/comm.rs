//! A communication record (`comms/**/*.toml`): seeds 000/002's 沟通记录表.
//!
//! Communication outside meetings (a phone call, a mail thread, a chat) is
//! recorded in writing within `sla.comm_record`; urgent matters are phoned
//! first and written up after (seed 000). Its action items are checked
//! like a meeting's.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::ActionItem;
use crate::parse::{Sp, When};

/// A communication record (沟通记录).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommRecord {
    /// What was discussed, in one line.
    pub topic: Sp<String>,
    /// How.
    pub kind: Option<Sp<CommKind>>,
    /// When it happened.
    pub at: Sp<When>,
    /// When it was written up (else: the commit that added the record).
    pub recorded_at: Option<Sp<When>>,
    /// Urgent: phoned first, written up after (seed 000).
    #[serde(default)]
    pub urgent: bool,
    /// Who took part (person ids).
    #[serde(default)]
    pub participants: Vec<Sp<String>>,
    /// Outside participants (names).
    #[serde(default)]
    pub external: Vec<Sp<String>>,
    /// Departments concerned (department ids).
    #[serde(default)]
    pub departments: Vec<Sp<String>>,
    /// What was said and agreed.
    pub summary: Option<Sp<String>>,
    /// Items this record is about (request, task, complaint, agreement ids).
    #[serde(default)]
    pub links: Vec<Sp<String>>,
    /// Action items (待办事项).
    #[serde(default)]
    pub action: Vec<Sp<ActionItem>>,
    /// Findings about this item accepted for a reason (`[[waiver]]`).
    #[serde(default)]
    pub waiver: Vec<Sp<super::Waiver>>,
    /// Archived items are read-only (seed 003).
    #[serde(default)]
    pub archived: bool,
}

/// How a communication happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CommKind {
    /// A phone call.
    Phone,
    /// A mail thread.
    Email,
    /// A chat.
    Im,
    /// An informal meeting (a formal one is a `meetings/` item).
    Meeting,
    /// A visit.
    Visit,
}
