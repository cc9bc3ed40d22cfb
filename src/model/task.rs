//! A task (`tasks/**/*.toml`): one deliverable with exactly one owner.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Owners, Percent, Review};
use crate::parse::{Day, Sp, When};
use crate::time::Duration;

/// The state of a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    /// Not started.
    #[default]
    Todo,
    /// Being worked on; progress is updated daily.
    InProgress,
    /// Cannot proceed; `[blocked]` says why and since when.
    Blocked,
    /// Submitted for acceptance (`delivered_at`).
    Delivered,
    /// Accepted by the acceptor.
    Accepted,
    /// Rejected at acceptance; to be reworked and delivered again.
    Rejected,
    /// Will not be done.
    Cancelled,
}

impl TaskStatus {
    /// The status as written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::Todo => "todo",
            TaskStatus::InProgress => "in_progress",
            TaskStatus::Blocked => "blocked",
            TaskStatus::Delivered => "delivered",
            TaskStatus::Accepted => "accepted",
            TaskStatus::Rejected => "rejected",
            TaskStatus::Cancelled => "cancelled",
        }
    }

    /// True when the owner's work is finished or will not happen: the task
    /// can no longer be late.
    pub fn is_done(self) -> bool {
        matches!(
            self,
            TaskStatus::Delivered | TaskStatus::Accepted | TaskStatus::Cancelled
        )
    }
}

/// A task (任务), one file per task. Seed 000: every task has a single
/// owner, a lead department when departments support it, a deliverable and
/// acceptance criteria.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// What is to be done.
    pub title: Sp<String>,
    /// The one person responsible (a person id from org.toml).
    pub owner: Option<Sp<Owners>>,
    /// Lead department (主责部门); required when `support` is not empty.
    pub lead: Option<Sp<String>>,
    /// Supporting departments (配合部门).
    #[serde(default)]
    pub support: Vec<Sp<String>>,
    /// The request this task serves.
    pub request: Option<Sp<String>>,
    /// The task this one is part of (decomposition).
    pub parent: Option<Sp<String>>,
    /// Fixed start date.
    pub start: Option<Sp<Day>>,
    /// Deadline; a date means the end of that working day.
    pub due: Option<Sp<When>>,
    /// Effort, e.g. "4wd"; else the working days from start to due.
    pub effort: Option<Sp<Duration>>,
    /// Tasks that must finish before this one starts.
    #[serde(default)]
    pub depends_on: Vec<Sp<String>>,
    /// A milestone: zero effort, marks a point in the plan.
    #[serde(default)]
    pub milestone: bool,
    /// What is handed over (交付物).
    pub deliverable: Option<Sp<String>>,
    /// Acceptance criteria (交付标准).
    pub acceptance: Option<Sp<String>>,
    /// Who accepts the deliverable; else the request's contact.
    pub acceptor: Option<Sp<String>>,
    /// State of the task; `todo` when absent.
    pub status: Option<Sp<TaskStatus>>,
    /// Percent complete.
    pub progress: Option<Sp<Percent>>,
    /// When the deliverable was submitted for acceptance.
    pub delivered_at: Option<Sp<When>>,
    /// Why and since when the task is blocked; required while blocked.
    pub blocked: Option<Sp<Blocked>>,
    /// Progress log, newest last (seed 000: daily by 17:00).
    #[serde(default)]
    pub update: Vec<Sp<Update>>,
    /// The acceptance review (验收).
    pub review: Option<Sp<Review>>,
    /// Findings about this item accepted for a reason (`[[waiver]]`).
    #[serde(default)]
    pub waiver: Vec<Sp<super::Waiver>>,
    /// Archived items are read-only (seed 003).
    #[serde(default)]
    pub archived: bool,
}

impl Task {
    /// The status, `todo` when not written.
    pub fn status(&self) -> TaskStatus {
        self.status.as_ref().map_or(TaskStatus::Todo, |s| *s.get())
    }
}

/// Why a task is blocked, and whether it was escalated.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Blocked {
    /// When the task became blocked.
    pub since: Option<Sp<When>>,
    /// What it waits for.
    pub reason: Option<Sp<String>>,
    /// Who it was escalated to: the owner's manager or the lead department's head.
    pub escalated_to: Option<Sp<String>>,
    /// When it was escalated.
    pub escalated_at: Option<Sp<When>>,
}

/// One progress update (进度更新).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Update {
    /// When the update was written.
    pub at: Sp<When>,
    /// Who wrote it (a person id).
    pub by: Option<Sp<String>>,
    /// Percent complete at that time.
    pub progress: Option<Sp<Percent>>,
    /// What was done (已完成).
    pub done: Option<Sp<String>>,
    /// What comes next (次日计划).
    pub next: Option<Sp<String>>,
}

impl Task {
    /// Each owner id with the span to point at (a single string owner
    /// points at the whole value).
    pub fn owner_ids(&self) -> Vec<(&str, std::ops::Range<usize>)> {
        let Some(owners) = &self.owner else {
            return Vec::new();
        };
        owners
            .get()
            .0
            .iter()
            .map(|o| {
                let span = if o.span().is_empty() {
                    owners.span()
                } else {
                    o.span()
                };
                (o.as_str(), span)
            })
            .collect()
    }
}
