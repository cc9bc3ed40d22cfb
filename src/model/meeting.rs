//! A meeting (`meetings/**/*.toml`): notice, agenda, minutes, action items.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::parse::{Sp, When};

/// A meeting (会议) with its notice, agenda and minutes (seeds 000–002).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Subject of the meeting.
    pub title: Sp<String>,
    /// Who called it (a person id).
    pub organizer: Option<Sp<String>>,
    /// Who chairs it (主持人).
    pub chair: Option<Sp<String>>,
    /// Who takes the minutes (记录人).
    pub scribe: Option<Sp<String>>,
    /// A complex topic: the notice is due 3 working days ahead (seed 000).
    #[serde(default)]
    pub major: bool,
    /// When it starts.
    pub start: Sp<When>,
    /// When it ends.
    pub end: Option<Sp<When>>,
    /// When the notice was sent.
    pub notice_at: Option<Sp<When>>,
    /// When the agenda was sent.
    pub agenda_at: Option<Sp<When>>,
    /// Required participants: the responsible and the decision makers.
    #[serde(default)]
    pub required: Vec<Sp<String>>,
    /// People kept informed (知会人).
    #[serde(default)]
    pub informed: Vec<Sp<String>>,
    /// Pre-reading (材料).
    #[serde(default)]
    pub materials: Vec<Sp<String>>,
    /// The request the meeting serves.
    pub request: Option<Sp<String>>,
    /// Agenda items (议程), each with a time box.
    #[serde(default)]
    pub agenda: Vec<Sp<AgendaItem>>,
    /// The minutes (会议纪要).
    pub minutes: Option<Sp<Minutes>>,
    /// Findings about this item accepted for a reason (`[[waiver]]`).
    #[serde(default)]
    pub waiver: Vec<Sp<super::Waiver>>,
    /// Archived items are read-only (seed 003).
    #[serde(default)]
    pub archived: bool,
}

/// One agenda item.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// The topic.
    pub topic: Sp<String>,
    /// Who presents it (a person id).
    pub owner: Option<Sp<String>>,
    /// Time box in minutes.
    pub minutes: Option<Sp<u32>>,
}

/// The minutes of a meeting.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Minutes {
    /// When the minutes were sent to the participants.
    pub published_at: Option<Sp<When>>,
    /// Decisions taken (决议事项).
    #[serde(default)]
    pub decisions: Vec<Sp<String>>,
    /// Who confirmed reading them (已阅).
    #[serde(default)]
    pub read_by: Vec<Sp<String>>,
    /// Action items (待办事项).
    #[serde(default)]
    pub action: Vec<Sp<ActionItem>>,
}

/// An action item from the minutes.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    /// What is to be done.
    pub title: Sp<String>,
    /// Who does it (a person id).
    pub owner: Option<Sp<String>>,
    /// By when; a date means the end of that working day.
    pub due: Option<Sp<When>>,
    /// When the owner accepted the action item.
    pub confirmed_at: Option<Sp<When>>,
    /// When it was done; an action item not done by `due` is overdue (D001).
    pub done_at: Option<Sp<When>>,
    /// The task the action item was promoted to (done when the task is).
    pub task: Option<Sp<String>>,
}
