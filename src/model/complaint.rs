//! A customer complaint (`complaints/**/*.toml`): seed 002's 客户投诉.
//!
//! Seed 002: a complaint is answered with a handling plan within 48 hours
//! (`sla.complaint_response`), resolved, and followed by a visit within 3
//! days of the resolution (`sla.complaint_follow_up`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::parse::{Sp, When};

/// A customer complaint (客户投诉).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Complaint {
    /// What the customer complains about, in one line.
    pub title: Sp<String>,
    /// Who complains (a customer's name, not a person id).
    pub customer: Option<Sp<String>>,
    /// How the complaint came in.
    pub channel: Option<Sp<ComplaintChannel>>,
    /// When it was received; the response clock starts here.
    pub received_at: Option<Sp<When>>,
    /// Who handles it (a person id, usually 售后).
    pub owner: Option<Sp<String>>,
    /// Departments involved in the cause (department ids).
    #[serde(default)]
    pub departments: Vec<Sp<String>>,
    /// How serious it is.
    pub severity: Option<Sp<ComplaintSeverity>>,
    /// The handling plan given to the customer (问题处理方案).
    pub response: Option<Sp<ComplaintResponse>>,
    /// How it was resolved.
    pub resolution: Option<Sp<Resolution>>,
    /// The follow-up visit (回访).
    pub follow_up: Option<Sp<FollowUp>>,
    /// Request or task ids this complaint led to.
    #[serde(default)]
    pub links: Vec<Sp<String>>,
    /// Findings about this item accepted for a reason (`[[waiver]]`).
    #[serde(default)]
    pub waiver: Vec<Sp<super::Waiver>>,
    /// Archived items are read-only (seed 003).
    #[serde(default)]
    pub archived: bool,
}

impl Complaint {
    /// Resolved (the customer's problem is fixed).
    pub fn is_resolved(&self) -> bool {
        self.resolution.is_some()
    }

    /// Nothing more is owed: resolved and visited.
    pub fn is_closed(&self) -> bool {
        self.resolution.is_some() && self.follow_up.is_some()
    }
}

/// How a complaint came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintChannel {
    /// A phone call.
    Phone,
    /// A mail.
    Email,
    /// A chat message.
    Im,
    /// In person.
    Visit,
    /// A marketplace or review platform.
    Platform,
}

/// How serious a complaint is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintSeverity {
    /// An inconvenience.
    Minor,
    /// A defect the customer cannot work around.
    Major,
    /// Safety, a large order, or the relationship at risk.
    Critical,
}

impl ComplaintSeverity {
    /// As written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            ComplaintSeverity::Minor => "minor",
            ComplaintSeverity::Major => "major",
            ComplaintSeverity::Critical => "critical",
        }
    }
}

/// The handling plan given to the customer.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintResponse {
    /// When the customer was given the plan.
    pub at: Option<Sp<When>>,
    /// Who gave it (a person id).
    pub by: Option<Sp<String>>,
    /// The plan.
    pub plan: Option<Sp<String>>,
}

/// How a complaint was resolved.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resolution {
    /// When; the follow-up clock starts here.
    pub at: Option<Sp<When>>,
    /// What was done.
    pub summary: Option<Sp<String>>,
}

/// The follow-up visit after the resolution (回访).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// When the customer was visited or called back.
    pub at: Option<Sp<When>>,
    /// Who did it (a person id).
    pub by: Option<Sp<String>>,
    /// What the customer said.
    pub satisfaction: Option<Sp<Satisfaction>>,
    /// Notes.
    pub comments: Option<Sp<String>>,
}

/// What the customer said at the follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Satisfaction {
    /// Satisfied.
    Satisfied,
    /// Neither.
    Neutral,
    /// Not satisfied: the complaint may reopen.
    Dissatisfied,
}

impl Satisfaction {
    /// As written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Satisfaction::Satisfied => "satisfied",
            Satisfaction::Neutral => "neutral",
            Satisfaction::Dissatisfied => "dissatisfied",
        }
    }
}

/// Where a complaint stands: `open` (waiting for a handling plan),
/// `responded`, `resolved` (waiting for the follow-up visit), `closed`.
pub fn complaint_stage(complaint: &Complaint) -> &'static str {
    if complaint.follow_up.is_some() && complaint.resolution.is_some() {
        "closed"
    } else if complaint.resolution.is_some() {
        "resolved"
    } else if complaint.response.is_some() {
        "responded"
    } else {
        "open"
    }
}
