//! The typed arguments of messages that are more than a string or a
//! number: kinds of reference, lateness, plan origins, reminder duties,
//! service levels, monthly outcomes. Renderers in `en` and `zh` turn each
//! into words.

/// What kind of thing an id names, for "unknown reference" messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefKind {
    /// A person of org.toml.
    Person,
    /// A department of org.toml.
    Department,
    /// A task.
    Task,
    /// A request.
    Request,
    /// A calendar.
    Calendar,
    /// An item of any kind.
    Item,
}

/// How late something is: whole working days, and clock hours for less
/// than a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Late {
    /// Working days between the deadline's date and now's date.
    pub working_days: i64,
    /// Clock hours past the deadline (used when `working_days` is 0).
    pub hours: i64,
}

/// Where a chain of planned work starts, for planning messages; the date
/// is pre-formatted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanOrigin {
    /// A task's fixed `start`.
    FixedStart(String),
    /// The project start.
    ProjectStart(String),
    /// Today: open work is not planned in the past.
    Today(String),
    /// Work already delivered on that date.
    Delivered(String),
}

/// Why a task has no planned dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotPlannedReason {
    /// It is cancelled.
    Cancelled,
    /// It is in or after a dependency cycle.
    Cycle,
    /// Its effort runs past the last date the calendar can express.
    OutOfRange,
    /// It depends on this task, which cannot be planned.
    After(String),
}

/// What a person is reminded of in the audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Duty {
    /// Their work is past its due.
    Overdue,
    /// Their work is due within the reminder window.
    Due,
    /// An action item waits on their confirmation.
    Confirm,
    /// A delivery waits on their acceptance.
    Accept,
    /// A change request waits on their decision.
    Decide,
    /// A complaint they own waits for a handling plan.
    Answer,
    /// A resolved complaint they own waits for the follow-up visit.
    Visit,
    /// An agreement waits for their legal review.
    Review,
}

/// A service level measured by the audit (SPEC §3 `[sla]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SlaKind {
    /// An assisting department answers a request (`request_ack`).
    RequestAck,
    /// Minutes after a meeting (`minutes`).
    Minutes,
    /// An action owner confirms (`action_confirm`).
    ActionConfirm,
    /// A blocked task is escalated (`blocked_escalate`).
    BlockedEscalate,
    /// A delivery is reviewed (`acceptance`).
    Acceptance,
    /// A retrospective after acceptance (`retrospective`).
    Retrospective,
    /// A complaint answered with a handling plan (`complaint_response`).
    ComplaintResponse,
    /// A resolved complaint's customer visited (`complaint_follow_up`).
    ComplaintFollowUp,
    /// Legal decides on an agreement (`legal_review`).
    LegalReview,
    /// A communication written up (`comm_record`).
    CommRecord,
}

/// What became of an item due in a month, for the monthly review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "outcome", content = "working_days")]
pub enum GoalOutcome {
    /// Accepted by its due.
    AcceptedOnTime,
    /// Accepted after its due, by this many working days.
    AcceptedLate(i64),
    /// Delivered, not yet accepted.
    Delivered,
    /// Not done and past its due.
    Overdue,
    /// Not done, not yet due.
    Open,
    /// Cancelled or declined.
    Dropped,
}

/// What a change did to an archived item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchivedAction {
    /// Changed its content.
    Modified,
    /// Moved or renamed its file.
    Renamed,
    /// Deleted its file.
    Deleted,
}

/// Why a change request that lists a change does not authorise it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListedHint {
    /// It lists the change from another old value.
    From {
        /// As listed (`None`: not set).
        listed: Option<String>,
        /// As the item had it.
        actual: Option<String>,
    },
    /// It lists another new value.
    To {
        /// As listed.
        listed: Option<String>,
        /// As changed.
        actual: Option<String>,
    },
    /// Waiting for these people (one from each undecided side).
    Pending {
        /// Who could decide.
        waiting: Vec<String>,
    },
    /// Rejected.
    Rejected {
        /// By whom.
        by: String,
    },
}
