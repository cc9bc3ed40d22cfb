//! A collaboration request (`requests/**/*.toml`): the seed 001 template.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::Review;
use crate::parse::{Sp, When};

/// The state of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    /// Being written; not yet sent.
    Draft,
    /// Sent to the assisting departments.
    Submitted,
    /// Accepted by the assisting departments and being worked on.
    InProgress,
    /// Deliverables handed over, awaiting acceptance.
    Delivered,
    /// Accepted by the requester.
    Accepted,
    /// Finished, retrospective done.
    Closed,
    /// Declined by the assisting departments.
    Declined,
}

impl RequestStatus {
    /// The status as written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Draft => "draft",
            RequestStatus::Submitted => "submitted",
            RequestStatus::InProgress => "in_progress",
            RequestStatus::Delivered => "delivered",
            RequestStatus::Accepted => "accepted",
            RequestStatus::Closed => "closed",
            RequestStatus::Declined => "declined",
        }
    }

    /// True when nothing more is owed on the request.
    pub fn is_done(self) -> bool {
        matches!(
            self,
            RequestStatus::Delivered
                | RequestStatus::Accepted
                | RequestStatus::Closed
                | RequestStatus::Declined
        )
    }
}

/// A collaboration request (协作需求) from one department to others, in the
/// 5W1H form of seed 001.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// The collaboration topic (协作主题).
    pub title: Sp<String>,
    /// The requesting department and its contact (需求发起部门/对接人).
    pub from: Sp<Party>,
    /// The assisting departments and their contacts (需协助部门/对接人).
    #[serde(default)]
    pub to: Vec<Sp<Party>>,
    /// Why: background and goal (协作背景与目标).
    pub why: Option<Sp<String>>,
    /// What exactly is needed, with measurable criteria (具体需求描述).
    pub what: Option<Sp<String>>,
    /// Where: systems or places involved.
    #[serde(rename = "where")]
    pub where_: Option<Sp<String>>,
    /// How: ways and rhythm of working together (协同方式与频次).
    pub how: Option<Sp<String>>,
    /// When it must be done; a date means the end of that working day.
    pub due: Option<Sp<When>>,
    /// When the request was sent.
    pub submitted_at: Option<Sp<When>>,
    /// State of the request; `submitted` when `submitted_at` is set, else `draft`.
    pub status: Option<Sp<RequestStatus>>,
    /// One response per assisting department (seed 001: within 1 working day).
    #[serde(default)]
    pub response: Vec<Sp<Response>>,
    /// Risks and mitigations (风险提示与应对预案).
    #[serde(default)]
    pub risk: Vec<Sp<Risk>>,
    /// The requester's acceptance of the result (成果验收).
    pub acceptance: Option<Sp<Review>>,
    /// The retrospective (复盘总结), within 3 working days of acceptance.
    pub retrospective: Option<Sp<Retrospective>>,
    /// Findings about this item accepted for a reason (`[[waiver]]`).
    #[serde(default)]
    pub waiver: Vec<Sp<super::Waiver>>,
    /// Archived items are read-only (seed 003).
    #[serde(default)]
    pub archived: bool,
}

impl Request {
    /// The status, derived from `submitted_at` when not written.
    pub fn status(&self) -> RequestStatus {
        match &self.status {
            Some(s) => *s.get(),
            None if self.submitted_at.is_some() => RequestStatus::Submitted,
            None => RequestStatus::Draft,
        }
    }
}

/// A department and its contact person.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// A department id from org.toml.
    pub department: Sp<String>,
    /// The contact person (a person id).
    pub contact: Option<Sp<String>>,
}

/// An assisting department's answer to a request.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// The responding department.
    pub department: Sp<String>,
    /// Who answered (a person id).
    pub by: Option<Sp<String>>,
    /// When.
    pub at: Option<Sp<When>>,
    /// `accept`, `decline` or `need_info`.
    pub decision: Sp<Decision>,
    /// Why; required for `decline` and `need_info`.
    pub reason: Option<Sp<String>>,
    /// Suggested alternative (建议替代方案); required for `decline`.
    pub alternative: Option<Sp<String>>,
}

/// An assisting department's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Takes the request on.
    Accept,
    /// Cannot take it on; gives a reason and an alternative.
    Decline,
    /// Needs more information first.
    NeedInfo,
}

/// A risk and its mitigation.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// The risk.
    pub description: Sp<String>,
    /// What is done about it.
    pub mitigation: Option<Sp<String>>,
    /// Who watches it (a person id).
    pub owner: Option<Sp<String>>,
}

/// The retrospective of a request (复盘).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Retrospective {
    /// When it was held.
    pub at: Option<Sp<When>>,
    /// What went well (协作亮点).
    #[serde(default)]
    pub highlights: Vec<Sp<String>>,
    /// What to improve (待改进点).
    #[serde(default)]
    pub improvements: Vec<Sp<String>>,
    /// Follow-up measures (后续措施).
    #[serde(default)]
    pub actions: Vec<Sp<String>>,
}
