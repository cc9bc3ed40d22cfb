//! The message catalogue: every text baton shows a user about a finding.
//!
//! Rules never format user-facing strings themselves; they build a [`Msg`]
//! with typed arguments, and a renderer turns it into text in the project's
//! language. Each language is an exhaustive `match` over [`Msg`] (see
//! [`en`] and [`zh`]), so a message that lacks a translation does not
//! compile.

mod args;
mod baseline;
mod edit;
mod en;
mod notify;
mod seeds;
mod waiver;
mod zh;

pub use args::{
    ArchivedAction, Duty, GoalOutcome, Late, ListedHint, NotPlannedReason, PlanOrigin, RefKind,
    SlaKind,
};

pub use baseline::BaselineMsg;
pub use edit::EditMsg;
pub use notify::NotifyMsg;
pub use seeds::SeedMsg;
pub use waiver::WaiverMsg;

use std::fmt;

use crate::time::Duration;

/// A language baton can speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, schemars::JsonSchema)]
pub enum Lang {
    /// English (default).
    #[default]
    #[serde(rename = "en")]
    En,
    /// Simplified Chinese.
    #[serde(rename = "zh-CN", alias = "zh", alias = "zh-Hans")]
    Zh,
}

impl Lang {
    /// Parses a language tag: `en`, `zh-CN` (also `zh`, `zh-Hans`).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag.to_ascii_lowercase().as_str() {
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            "zh" | "zh-cn" | "zh-hans" | "zh-hans-cn" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The tag of the language: `en`, `zh-CN`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }
}

/// A user-facing message with its arguments. Times are pre-formatted in the
/// project's time zone (`2026-07-08 18:00`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // each variant's text is its documentation, in en.rs
pub enum Msg {
    // ── reading and parsing ────────────────────────────────────────────
    TomlSyntax {
        detail: String,
    },
    InvalidUtf8,
    FileTooLarge {
        bytes: u64,
        limit: u64,
    },
    SymlinkNotFollowed {
        target: String,
    },
    Unreadable {
        error: String,
    },
    UnknownField {
        field: String,
    },
    MissingField {
        field: String,
    },
    WrongType {
        field: String,
        found: String,
        expected: String,
    },
    BadEnumValue {
        field: String,
        value: String,
        expected: Vec<String>,
    },
    InvalidValue {
        field: String,
        detail: String,
    },
    InvalidFileName {
        name: String,
    },
    DuplicateId {
        id: String,
        first: String,
    },
    DuplicateOrgId {
        kind: RefKind,
        id: String,
    },
    OrgMissing,
    SectionRequired {
        status: String,
        section: String,
    },
    // ── hints ───────────────────────────────────────────────────────────
    DidYouMean {
        candidate: String,
    },
    ExpectedOneOf {
        candidates: Vec<String>,
    },
    FirstDefinedHere,
    UseArray {
        example: String,
    },
    // ── rules ───────────────────────────────────────────────────────────
    UnknownReference {
        kind: RefKind,
        id: String,
    },
    ResponseFromUnaskedDepartment {
        department: String,
    },
    DateBeforeStart {
        field: String,
        date: String,
        start_field: String,
        start: String,
    },
    CalendarOutOfRange {
        year: i32,
        calendar: String,
        first: i32,
        last: i32,
    },
    OwnerMissing,
    OwnerNotSingle {
        owners: Vec<String>,
    },
    OwnerHint,
    LeadMissing {
        support: Vec<String>,
    },
    LeadHint,
    UnauthorizedChange {
        fields: Vec<String>,
        who: String,
        allowed: Vec<String>,
        commit: String,
    },
    ViewerChange {
        fields: Vec<String>,
        who: String,
        commit: String,
    },
    PolicyChange {
        file: String,
        who: String,
        commit: String,
    },
    UnknownAuthor {
        author: String,
        commit: String,
    },
    UnknownAuthorHint,
    UnapprovedChange {
        item: String,
        field: String,
        from: Option<String>,
        to: Option<String>,
        who: String,
        commit: String,
        allowed: Vec<String>,
        by_change: bool,
    },
    ChangeRequestHint {
        item: String,
        field: String,
        from: Option<String>,
        to: Option<String>,
    },
    ChangeRequestNotAuthorising {
        id: String,
        problem: ListedHint,
    },
    ChangeListFrozen {
        who: String,
        commit: String,
    },
    ChangeUndecided {
        requested_at: String,
        deadline: String,
        sla: Duration,
        waiting: Vec<String>,
    },
    ChangeUndecidedHint,
    ChangeFieldUnknown {
        item: String,
        field: String,
    },
    ReportJudgedConflict {
        paths: Vec<String>,
    },
    ReportJudgedUnrelated,
    ReportApprovedChange {
        item: String,
        field: String,
        from: Option<String>,
        to: Option<String>,
        by: String,
    },
    ReportUnattributed {
        changes: Vec<String>,
    },
    DayOff {
        name: Option<String>,
    },
    CalendarYearHint {
        year: i32,
    },
    MeetingOnNonWorkingDay {
        date: String,
        /// [`Msg::Weekend`] or [`Msg::DayOff`].
        reason: Box<Msg>,
    },
    MinutesDueOnNonWorkingDay {
        due: String,
        sla: Duration,
        /// [`Msg::Weekend`] or [`Msg::DayOff`].
        reason: Box<Msg>,
    },
    MinutesDueHint,
    DependencyNotFinished {
        item: String,
        status: String,
        /// Each unfinished dependency with its status.
        unfinished: Vec<(String, String)>,
    },
    NotStarted {
        start: String,
        origin: PlanOrigin,
        deadline: String,
        sla: Duration,
    },
    NotStartedHint,
    /// Waivers (Q004, waived findings).
    Waiver(WaiverMsg),
    /// Baselines.
    Baseline(BaselineMsg),
    /// The commands that write items.
    Edit(EditMsg),
    /// `baton notify`.
    Notify(NotifyMsg),
    /// Complaints, agreements, communication records and action items.
    Seed(SeedMsg),
    TextPrHeader {
        base: String,
        head: String,
        base_commit: String,
        head_commit: String,
    },
    /// (id or path, `added` / `modified` / `deleted` / `renamed:FROM`, is policy).
    TextChanged {
        changes: Vec<(String, String, bool)>,
    },
    TextGroup {
        change: String,
        count: usize,
    },
    TextPrSummary {
        new: usize,
        new_errors: usize,
        fixed: usize,
        existing: usize,
        items: usize,
        now: String,
    },
    TextSummary {
        errors: usize,
        warnings: usize,
        infos: usize,
        waived: usize,
        items: usize,
        now: String,
    },
    GanttTip {
        effort_wd: u32,
        remaining_wd: u32,
        slack_wd: i64,
    },
    SeverityName {
        severity: String,
    },
    ConfigInvalid {
        files: Vec<String>,
    },
    NotRead {
        why: crate::source::Stray,
    },
    KeyInsideTable {
        key: String,
        table: String,
    },
    MoveKeyUp {
        key: String,
        table: String,
    },
    DidYouMeanPerson {
        id: String,
        name: String,
    },
    NonAsciiKey {
        key: String,
    },
    FullWidth {
        found: String,
        ascii: String,
    },
    NotADate {
        found: String,
        date: String,
    },
    QuoteValue {
        value: String,
    },
    UnreadableItems {
        /// `path:line:column: reason`, one per file.
        files: Vec<String>,
    },
    AuditChangesHeading {
        count: usize,
    },
    AuditChangeColumns,
    ArchivedModified {
        id: String,
        action: ArchivedAction,
    },
    ArchivedHint,
    Backdated {
        field: String,
        stated: String,
        recorded: String,
    },
    ActionIncomplete {
        title: String,
        missing: Vec<String>,
    },
    Overdue {
        due: String,
        late: Late,
    },
    DueSoon {
        due: String,
        working_days_left: i64,
    },
    DependencyCycle {
        path: Vec<String>,
        len: usize,
    },
    CycleHint,
    // ── planning ────────────────────────────────────────────────────────
    InfeasibleSchedule {
        due: String,
        finish: String,
        late_wd: i64,
        chain: Vec<String>,
        origin: PlanOrigin,
        work_wd: u32,
    },
    InfeasibleRequest {
        due: String,
        finish: String,
        late_wd: i64,
        task: String,
        chain: Vec<String>,
        origin: PlanOrigin,
    },
    InfeasibleHint,
    NotPlanned {
        id: String,
        reason: NotPlannedReason,
    },
    PlanSummary {
        finish: Option<String>,
        planned: usize,
        now: String,
    },
    PlanCriticalPath {
        path: Vec<String>,
    },
    PlanColumns,
    GanttLegend,
    PlanFinishMoved {
        item: Option<String>,
        from: String,
        to: String,
        working_days: i64,
        chain: Vec<String>,
    },
    PlanFinishLost {
        item: Option<String>,
        from: String,
    },
    PlanFinishGained {
        item: Option<String>,
        to: String,
    },
    CriticalPathChanged {
        from: Vec<String>,
        to: Vec<String>,
    },
    DueOnNonWorkingDay {
        date: String,
        /// [`Msg::Weekend`] or [`Msg::DayOff`], rendered in the output's language.
        reason: Box<Msg>,
    },
    Weekend,
    NotAcknowledged {
        department: String,
        deadline: String,
        sla: Duration,
    },
    AcknowledgedLate {
        department: String,
        at: String,
        deadline: String,
        sla: Duration,
    },
    TimeUnknown {
        field: String,
        sla: Duration,
    },
    DeclineWithoutAlternative {
        department: String,
        missing: Vec<String>,
    },
    NeedInfoWithoutReason {
        department: String,
    },
    NoticeMissing {
        required_by: String,
        sla: Duration,
    },
    NoticeLate {
        notice_at: String,
        required_by: String,
        sla: Duration,
    },
    AgendaMissing {
        required_by: String,
        sla: Duration,
    },
    AgendaLate {
        agenda_at: String,
        required_by: String,
        sla: Duration,
    },
    MinutesMissing {
        end: String,
        deadline: String,
        sla: Duration,
    },
    MinutesLate {
        published_at: String,
        deadline: String,
        sla: Duration,
    },
    ActionNotConfirmed {
        title: String,
        owner: String,
        deadline: String,
        sla: Duration,
    },
    ActionConfirmedLate {
        title: String,
        owner: String,
        at: String,
        deadline: String,
        sla: Duration,
    },
    ProgressStale {
        last: String,
        deadline: String,
        sla: Duration,
    },
    ProgressHint,
    BlockedNotEscalated {
        since: String,
        deadline: String,
        sla: Duration,
    },
    BlockedEscalatedLate {
        since: String,
        at: String,
        deadline: String,
    },
    BlockedEscalatedToWrongPerson {
        to: String,
        expected: Vec<String>,
    },
    EscalateHint {
        to: Vec<String>,
    },
    AcceptanceOverdue {
        delivered_at: String,
        deadline: String,
        sla: Duration,
    },
    AcceptanceLate {
        delivered_at: String,
        at: String,
        deadline: String,
        sla: Duration,
    },
    RejectionWithoutComments,
    RejectionHint,
    RetrospectiveMissing {
        accepted_at: String,
        deadline: String,
        sla: Duration,
    },
    RetrospectiveLate {
        accepted_at: String,
        at: String,
        deadline: String,
        sla: Duration,
    },
    VagueWording {
        term: String,
        field: String,
    },
    VagueHint,
    MissingDeliverable {
        missing: Vec<String>,
    },
    AgendaUntimed {
        topic: String,
    },
    AgendaUntimedHint,
    ReportFailed {
        new_errors: usize,
        new_warnings: usize,
        fixed: usize,
    },
    ReportPassed {
        new_warnings: usize,
        fixed: usize,
        existing: usize,
    },
    ReportTotals {
        errors: usize,
        warnings: usize,
        infos: usize,
    },
    ReportContext {
        base: String,
        head: String,
        now: String,
        items: usize,
    },
    ReportNew,
    ReportFixed,
    ReportExisting {
        count: usize,
    },
    ReportFindings,
    ReportChangedTasks,
    ReportPolicyChanged {
        files: Vec<String>,
    },
    ReportColumns,
    ReportSchedule,
    ProgressLoading,
    ProgressHistory,
    ReportOmitted {
        count: usize,
    },
    // ── audit (`baton audit`) ───────────────────────────────────────────
    AuditTitle {
        project: String,
        now: String,
    },
    AuditScope {
        department: Option<String>,
        person: Option<String>,
    },
    AuditCounters {
        due_soon: Duration,
    },
    AuditLateHeading,
    AuditNothingLate,
    AuditDueSoonHeading {
        sla: Duration,
    },
    AuditDueColumns,
    AuditBlockedHeading,
    AuditBlockedColumns,
    AuditAwaitingHeading,
    AuditAwaitingColumns,
    AuditAcceptedHeading,
    AuditDepartmentsHeading {
        days: u32,
        from: String,
        to: String,
    },
    AuditDepartmentColumns,
    AuditOverloaded {
        departments: Vec<String>,
    },
    AuditOverloadedMark,
    AuditPeopleHeading {
        days: u32,
    },
    AuditPeopleColumns,
    AuditDuty {
        duty: Duty,
    },
    AuditNobodyWaiting,
    AuditSlaHeading {
        days: u32,
        from: String,
        to: String,
    },
    AuditSlaColumns,
    AuditSlaUnknown {
        count: usize,
    },
    SlaName {
        sla: SlaKind,
    },
    WorkingHours {
        minutes: i64,
    },
    LateBy {
        late: Late,
    },
    WorkingDaysLeft {
        working_days: i64,
    },
    AuditPlanHeading,
    AuditProjectFinish {
        finish: Option<String>,
    },
    AuditRequestColumns,
    RequestSlack {
        slack_wd: Option<i64>,
    },
    AuditNoOpenRequest,
    AuditNoPlan,
    Status {
        status: String,
    },
    DecisionName {
        decision: String,
    },
    Nothing,
    // ── weekly and monthly reports (`baton report`) ─────────────────────
    WeeklyTitle {
        project: String,
        week: String,
        from: String,
        to: String,
    },
    WeeklySummary {
        updates: usize,
        accepted: usize,
        overdue: usize,
        blocked: usize,
        meetings: usize,
    },
    WeeklyDoneHeading,
    WeeklyPlanHeading {
        from: String,
        to: String,
    },
    WeeklyRisksHeading,
    WeeklyMeetingsHeading,
    WeeklyDecisions,
    WeeklyActionColumns,
    WeeklyNoRequest,
    WeeklyStatusChange {
        from: String,
        to: String,
        commit: String,
        who: String,
    },
    PlannedDates {
        start: Option<String>,
        finish: Option<String>,
    },
    BlockedSince {
        since: Option<String>,
        escalated_to: Option<String>,
    },
    RiskLine {
        owner: Option<String>,
    },
    MitigationLabel,
    DueDate {
        date: String,
    },
    MonthlyTitle {
        project: String,
        month: String,
    },
    MonthlyGoalsHeading,
    MonthlyGoalsSummary {
        met: usize,
        due: usize,
    },
    MonthlyGoalColumns,
    Goal {
        outcome: GoalOutcome,
    },
    MonthlySlaHeading {
        from: String,
        to: String,
    },
    MonthlyDelaysHeading,
    MonthlyBlockedReasons,
    MonthlyBlockedColumns,
    MonthlyLateByDepartment,
    MonthlyLateColumns,
    MonthlyRules,
    MonthlyRuleColumns,
    MonthlyRetroHeading,
    MonthlyRetroColumns,
    // ── iCalendar (`baton ics`) ─────────────────────────────────────────
    IcsCalendarName {
        project: String,
    },
    IcsTaskDue {
        id: String,
        title: String,
    },
    IcsRequestDue {
        id: String,
        title: String,
    },
    IcsActionDue {
        title: String,
    },
    IcsDueDetails {
        owner: Option<String>,
        deadline: String,
        zone: String,
    },
    IcsMeetingDetails {
        organizer: Option<String>,
        chair: Option<String>,
    },
    IcsReminder {
        title: String,
        working_days: u32,
    },
    // ── static dashboard (`baton audit --format html`) ──────────────────
    DashboardNav,
    DashboardGenerated {
        now: String,
    },
    DashboardRequestSections,
    DashboardRequestFields,
    DashboardTaskColumns,
    DashboardResponseColumns,
    DashboardRiskColumns,
    DashboardFindingColumns,
    DashboardBack,
}

impl Msg {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match lang {
            Lang::En => en::render(self),
            Lang::Zh => zh::render(self),
        }
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// `a`, `b` and `c` style lists of code names.
pub(crate) fn code_list(items: &[String], conjunction: &str) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("`{s}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {conjunction} {last}", init.join(", ")),
    }
}

/// Minutes as hours with one decimal, rounded half up: 90 → `1.5`.
pub(crate) fn tenths(minutes: i64) -> String {
    let tenths = (minutes.max(0) * 10 + 30) / 60;
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests;
