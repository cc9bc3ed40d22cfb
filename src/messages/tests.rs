use super::*;
use crate::time::Duration;

mod authority_samples;
mod report_samples;

/// One sample of every message. `variant` below maps each message to its
/// position; it is an exhaustive match, so a new variant does not compile
/// until it is listed there, and the test fails until it has a sample here.
fn samples() -> Vec<Msg> {
    let s = |x: &str| x.to_string();
    let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let wd = Duration::WorkingDays(2);
    let late = Late {
        working_days: 2,
        hours: 50,
    };
    let mut samples = vec![
        Msg::TomlSyntax {
            detail: s("invalid basic string"),
        },
        Msg::InvalidUtf8,
        Msg::FileTooLarge {
            bytes: 2_000_000,
            limit: 1_048_576,
        },
        Msg::SymlinkNotFollowed {
            target: s("/etc/passwd"),
        },
        Msg::Unreadable {
            error: s("permission denied"),
        },
        Msg::UnknownField { field: s("titel") },
        Msg::MissingField { field: s("title") },
        Msg::WrongType {
            field: s("progress"),
            found: s("string \"80%\""),
            expected: s("an integer"),
        },
        Msg::BadEnumValue {
            field: s("status"),
            value: s("doing"),
            expected: v(&["todo", "blocked"]),
        },
        Msg::InvalidValue {
            field: s("due"),
            detail: s("not a date"),
        },
        Msg::InvalidFileName { name: s("my task") },
        Msg::DuplicateId {
            id: s("T-1"),
            first: s("tasks/T-1.toml"),
        },
        Msg::DuplicateOrgId {
            kind: RefKind::Person,
            id: s("li.gong"),
        },
        Msg::OrgMissing,
        Msg::SectionRequired {
            status: s("blocked"),
            section: s("blocked"),
        },
        Msg::DidYouMean {
            candidate: s("title"),
        },
        Msg::ExpectedOneOf {
            candidates: v(&["a", "b"]),
        },
        Msg::FirstDefinedHere,
        Msg::UseArray {
            example: s("[\"mkt\"]"),
        },
        Msg::UnknownReference {
            kind: RefKind::Department,
            id: s("legal"),
        },
        Msg::ResponseFromUnaskedDepartment {
            department: s("ops"),
        },
        Msg::DateBeforeStart {
            field: s("due"),
            date: s("2026-07-01"),
            start_field: s("start"),
            start: s("2026-07-02"),
        },
        Msg::CalendarOutOfRange {
            year: 2031,
            calendar: s("cn"),
            first: 2004,
            last: 2026,
        },
        Msg::OwnerMissing,
        Msg::OwnerNotSingle {
            owners: v(&["a", "b"]),
        },
        Msg::OwnerHint,
        Msg::LeadMissing {
            support: v(&["mkt"]),
        },
        Msg::LeadHint,
        Msg::ActionIncomplete {
            title: s("补充文档"),
            missing: v(&["owner", "due"]),
        },
        Msg::Overdue {
            due: s("2026-07-08 18:00"),
            late,
        },
        Msg::DueSoon {
            due: s("2026-07-08 18:00"),
            working_days_left: 2,
        },
        Msg::DependencyCycle {
            path: v(&["A", "B", "A"]),
            len: 2,
        },
        Msg::CycleHint,
        Msg::DueOnNonWorkingDay {
            date: s("2026-10-03"),
            reason: Box::new(Msg::DayOff {
                name: Some(s("国庆节")),
            }),
        },
        Msg::Weekend,
        Msg::NotAcknowledged {
            department: s("rnd"),
            deadline: s("2026-07-06 18:00"),
            sla: wd,
        },
        Msg::AcknowledgedLate {
            department: s("rnd"),
            at: s("x"),
            deadline: s("y"),
            sla: wd,
        },
        Msg::TimeUnknown {
            field: s("submitted_at"),
            sla: wd,
        },
        Msg::DeclineWithoutAlternative {
            department: s("rnd"),
            missing: v(&["reason", "alternative"]),
        },
        Msg::NeedInfoWithoutReason {
            department: s("ops"),
        },
        Msg::NoticeMissing {
            required_by: s("x"),
            sla: Duration::Days(1),
        },
        Msg::NoticeLate {
            notice_at: s("x"),
            required_by: s("y"),
            sla: wd,
        },
        Msg::AgendaMissing {
            required_by: s("x"),
            sla: Duration::Hours(24),
        },
        Msg::AgendaLate {
            agenda_at: s("x"),
            required_by: s("y"),
            sla: Duration::Hours(24),
        },
        Msg::MinutesMissing {
            end: s("x"),
            deadline: s("y"),
            sla: Duration::Hours(24),
        },
        Msg::MinutesLate {
            published_at: s("x"),
            deadline: s("y"),
            sla: Duration::Hours(24),
        },
        Msg::ActionNotConfirmed {
            title: s("t"),
            owner: s("o"),
            deadline: s("y"),
            sla: wd,
        },
        Msg::ActionConfirmedLate {
            title: s("t"),
            owner: s("o"),
            at: s("x"),
            deadline: s("y"),
            sla: wd,
        },
        Msg::ProgressStale {
            last: s("x"),
            deadline: s("y"),
            sla: wd,
        },
        Msg::ProgressHint,
        Msg::BlockedNotEscalated {
            since: s("x"),
            deadline: s("y"),
            sla: wd,
        },
        Msg::BlockedEscalatedLate {
            since: s("x"),
            at: s("y"),
            deadline: s("z"),
        },
        Msg::BlockedEscalatedToWrongPerson {
            to: s("a"),
            expected: v(&["b"]),
        },
        Msg::EscalateHint {
            to: v(&["chen.zong"]),
        },
        Msg::AcceptanceOverdue {
            delivered_at: s("x"),
            deadline: s("y"),
            sla: wd,
        },
        Msg::AcceptanceLate {
            delivered_at: s("x"),
            at: s("y"),
            deadline: s("z"),
            sla: wd,
        },
        Msg::RejectionWithoutComments,
        Msg::RejectionHint,
        Msg::RetrospectiveMissing {
            accepted_at: s("x"),
            deadline: s("y"),
            sla: wd,
        },
        Msg::RetrospectiveLate {
            accepted_at: s("x"),
            at: s("y"),
            deadline: s("z"),
            sla: wd,
        },
        Msg::VagueWording {
            term: s("尽快"),
            field: s("what"),
        },
        Msg::VagueHint,
        Msg::MissingDeliverable {
            missing: v(&["deliverable"]),
        },
        Msg::AgendaUntimed { topic: s("排期") },
        Msg::AgendaUntimedHint,
        Msg::UnauthorizedChange {
            fields: v(&["status", "delivered_at"]),
            who: s("zhao.liu"),
            allowed: v(&["li.gong"]),
            commit: s("abc123"),
        },
        Msg::ViewerChange {
            fields: v(&["status"]),
            who: s("he.jia"),
            commit: s("abc123"),
        },
        Msg::PolicyChange {
            file: s("baton.toml"),
            who: s("li.gong"),
            commit: s("abc123"),
        },
        Msg::UnknownAuthor {
            author: s("X <x@y>"),
            commit: s("abc123"),
        },
        Msg::UnknownAuthorHint,
        Msg::ArchivedModified {
            id: s("T-1"),
            action: ArchivedAction::Deleted,
        },
        Msg::ArchivedHint,
        Msg::Backdated {
            field: s("submitted_at"),
            stated: s("x"),
            recorded: s("y"),
        },
        Msg::ReportFailed {
            new_errors: 2,
            new_warnings: 1,
            fixed: 1,
        },
        Msg::ReportPassed {
            new_warnings: 0,
            fixed: 1,
            existing: 3,
        },
        Msg::ReportTotals {
            errors: 1,
            warnings: 2,
            infos: 0,
        },
        Msg::ReportContext {
            base: s("a"),
            head: s("b"),
            now: s("c"),
            items: 3,
        },
        Msg::ReportNew,
        Msg::ReportFixed,
        Msg::ReportExisting { count: 3 },
        Msg::ReportFindings,
        Msg::ReportChangedTasks,
        Msg::ReportPolicyChanged {
            files: v(&["baton.toml"]),
        },
        Msg::ReportColumns,
        Msg::ReportSchedule,
        Msg::ProgressLoading,
        Msg::ProgressHistory,
        Msg::ReportOmitted { count: 7 },
        Msg::InfeasibleSchedule {
            due: s("2026-10-16 18:00"),
            finish: s("2026-10-23"),
            late_wd: 5,
            chain: v(&["T-1", "T-2"]),
            origin: PlanOrigin::FixedStart(s("2026-10-12")),
            work_wd: 10,
        },
        Msg::InfeasibleRequest {
            due: s("2026-10-16 18:00"),
            finish: s("2026-10-23"),
            late_wd: 5,
            task: s("T-2"),
            chain: v(&["T-1", "T-2"]),
            origin: PlanOrigin::Today(s("2026-09-24")),
        },
        Msg::InfeasibleHint,
        Msg::NotPlanned {
            id: s("T-1"),
            reason: NotPlannedReason::After(s("T-0")),
        },
        Msg::PlanSummary {
            finish: Some(s("2026-10-23")),
            planned: 3,
            now: s("2026-09-24 10:00 +08:00"),
        },
        Msg::PlanCriticalPath {
            path: v(&["T-1", "T-2"]),
        },
        Msg::PlanColumns,
        Msg::GanttLegend,
        Msg::PlanFinishMoved {
            item: Some(s("REQ-001")),
            from: s("2026-07-10"),
            to: s("2026-07-14"),
            working_days: 2,
            chain: v(&["T-004", "T-007"]),
        },
        Msg::PlanFinishLost {
            item: Some(s("REQ-001")),
            from: s("2026-07-10"),
        },
        Msg::PlanFinishGained {
            item: None,
            to: s("2026-07-10"),
        },
        Msg::CriticalPathChanged {
            from: v(&["T-1", "T-2"]),
            to: v(&["T-1", "T-3"]),
        },
    ];
    samples.extend(report_samples::samples());
    samples.extend(authority_samples::samples());
    samples.extend(super::waiver::tests::samples().into_iter().map(Msg::Waiver));
    samples.extend(
        super::baseline::tests::samples()
            .into_iter()
            .map(Msg::Baseline),
    );
    samples.extend(super::edit::tests::samples().into_iter().map(Msg::Edit));
    samples.extend(super::notify::tests::samples().into_iter().map(Msg::Notify));
    samples.extend(super::seeds::tests::samples().into_iter().map(Msg::Seed));
    samples
}

/// The position of a message's variant; exhaustive on purpose.
fn variant(m: &Msg) -> usize {
    match m {
        Msg::TomlSyntax { .. } => 0,
        Msg::InvalidUtf8 => 1,
        Msg::FileTooLarge { .. } => 2,
        Msg::SymlinkNotFollowed { .. } => 3,
        Msg::Unreadable { .. } => 4,
        Msg::UnknownField { .. } => 5,
        Msg::MissingField { .. } => 6,
        Msg::WrongType { .. } => 7,
        Msg::BadEnumValue { .. } => 8,
        Msg::InvalidValue { .. } => 9,
        Msg::InvalidFileName { .. } => 10,
        Msg::DuplicateId { .. } => 11,
        Msg::DuplicateOrgId { .. } => 12,
        Msg::OrgMissing => 13,
        Msg::SectionRequired { .. } => 14,
        Msg::DidYouMean { .. } => 15,
        Msg::ExpectedOneOf { .. } => 16,
        Msg::FirstDefinedHere => 17,
        Msg::UseArray { .. } => 18,
        Msg::UnknownReference { .. } => 19,
        Msg::ResponseFromUnaskedDepartment { .. } => 20,
        Msg::DateBeforeStart { .. } => 21,
        Msg::CalendarOutOfRange { .. } => 22,
        Msg::OwnerMissing => 23,
        Msg::OwnerNotSingle { .. } => 24,
        Msg::OwnerHint => 25,
        Msg::LeadMissing { .. } => 26,
        Msg::LeadHint => 27,
        Msg::ActionIncomplete { .. } => 28,
        Msg::Overdue { .. } => 29,
        Msg::DueSoon { .. } => 30,
        Msg::DependencyCycle { .. } => 31,
        Msg::CycleHint => 32,
        Msg::DueOnNonWorkingDay { .. } => 33,
        Msg::Weekend => 34,
        Msg::NotAcknowledged { .. } => 35,
        Msg::AcknowledgedLate { .. } => 36,
        Msg::TimeUnknown { .. } => 37,
        Msg::DeclineWithoutAlternative { .. } => 38,
        Msg::NeedInfoWithoutReason { .. } => 39,
        Msg::NoticeMissing { .. } => 40,
        Msg::NoticeLate { .. } => 41,
        Msg::AgendaMissing { .. } => 42,
        Msg::AgendaLate { .. } => 43,
        Msg::MinutesMissing { .. } => 44,
        Msg::MinutesLate { .. } => 45,
        Msg::ActionNotConfirmed { .. } => 46,
        Msg::ActionConfirmedLate { .. } => 47,
        Msg::ProgressStale { .. } => 48,
        Msg::ProgressHint => 49,
        Msg::BlockedNotEscalated { .. } => 50,
        Msg::BlockedEscalatedLate { .. } => 51,
        Msg::BlockedEscalatedToWrongPerson { .. } => 52,
        Msg::EscalateHint { .. } => 53,
        Msg::AcceptanceOverdue { .. } => 54,
        Msg::AcceptanceLate { .. } => 55,
        Msg::RejectionWithoutComments => 56,
        Msg::RejectionHint => 57,
        Msg::RetrospectiveMissing { .. } => 58,
        Msg::RetrospectiveLate { .. } => 59,
        Msg::VagueWording { .. } => 60,
        Msg::VagueHint => 61,
        Msg::MissingDeliverable { .. } => 62,
        Msg::AgendaUntimed { .. } => 63,
        Msg::AgendaUntimedHint => 64,
        Msg::UnauthorizedChange { .. } => 65,
        Msg::ViewerChange { .. } => 66,
        Msg::PolicyChange { .. } => 67,
        Msg::UnknownAuthor { .. } => 68,
        Msg::UnknownAuthorHint => 69,
        Msg::ArchivedModified { .. } => 70,
        Msg::ArchivedHint => 71,
        Msg::Backdated { .. } => 72,
        Msg::ReportFailed { .. } => 73,
        Msg::ReportPassed { .. } => 74,
        Msg::ReportTotals { .. } => 75,
        Msg::ReportContext { .. } => 76,
        Msg::ReportNew => 77,
        Msg::ReportFixed => 78,
        Msg::ReportExisting { .. } => 79,
        Msg::ReportFindings => 80,
        Msg::ReportChangedTasks => 81,
        Msg::ReportPolicyChanged { .. } => 82,
        Msg::ReportColumns => 83,
        Msg::ReportOmitted { .. } => 84,
        Msg::InfeasibleSchedule { .. } => 85,
        Msg::InfeasibleRequest { .. } => 86,
        Msg::InfeasibleHint => 87,
        Msg::NotPlanned { .. } => 88,
        Msg::PlanSummary { .. } => 89,
        Msg::PlanCriticalPath { .. } => 90,
        Msg::PlanColumns => 91,
        Msg::GanttLegend => 92,
        Msg::PlanFinishMoved { .. } => 93,
        Msg::PlanFinishLost { .. } => 94,
        Msg::PlanFinishGained { .. } => 95,
        Msg::CriticalPathChanged { .. } => 96,
        Msg::ReportSchedule => 97,
        Msg::ProgressLoading => 98,
        Msg::ProgressHistory => 99,
        Msg::AuditTitle { .. } => 100,
        Msg::AuditScope { .. } => 101,
        Msg::AuditCounters { .. } => 102,
        Msg::AuditLateHeading => 103,
        Msg::AuditNothingLate => 104,
        Msg::AuditDueSoonHeading { .. } => 105,
        Msg::AuditDueColumns => 106,
        Msg::AuditBlockedHeading => 107,
        Msg::AuditBlockedColumns => 108,
        Msg::AuditAwaitingHeading => 109,
        Msg::AuditAwaitingColumns => 110,
        Msg::AuditAcceptedHeading => 111,
        Msg::AuditDepartmentsHeading { .. } => 112,
        Msg::AuditDepartmentColumns => 113,
        Msg::AuditOverloaded { .. } => 114,
        Msg::AuditOverloadedMark => 115,
        Msg::AuditPeopleHeading { .. } => 116,
        Msg::AuditPeopleColumns => 117,
        Msg::AuditDuty { .. } => 118,
        Msg::AuditNobodyWaiting => 119,
        Msg::AuditSlaHeading { .. } => 120,
        Msg::AuditSlaColumns => 121,
        Msg::AuditSlaUnknown { .. } => 122,
        Msg::SlaName { .. } => 123,
        Msg::WorkingHours { .. } => 124,
        Msg::LateBy { .. } => 125,
        Msg::WorkingDaysLeft { .. } => 126,
        Msg::AuditPlanHeading => 127,
        Msg::AuditProjectFinish { .. } => 128,
        Msg::AuditRequestColumns => 129,
        Msg::RequestSlack { .. } => 130,
        Msg::AuditNoOpenRequest => 131,
        Msg::AuditNoPlan => 132,
        Msg::Status { .. } => 133,
        Msg::DecisionName { .. } => 134,
        Msg::Nothing => 135,
        Msg::WeeklyTitle { .. } => 136,
        Msg::WeeklySummary { .. } => 137,
        Msg::WeeklyDoneHeading => 138,
        Msg::WeeklyPlanHeading { .. } => 139,
        Msg::WeeklyRisksHeading => 140,
        Msg::WeeklyMeetingsHeading => 141,
        Msg::WeeklyDecisions => 142,
        Msg::WeeklyActionColumns => 143,
        Msg::WeeklyNoRequest => 144,
        Msg::WeeklyStatusChange { .. } => 145,
        Msg::PlannedDates { .. } => 146,
        Msg::BlockedSince { .. } => 147,
        Msg::RiskLine { .. } => 148,
        Msg::MitigationLabel => 149,
        Msg::MonthlyTitle { .. } => 150,
        Msg::MonthlyGoalsHeading => 151,
        Msg::MonthlyGoalsSummary { .. } => 152,
        Msg::MonthlyGoalColumns => 153,
        Msg::Goal { .. } => 154,
        Msg::MonthlySlaHeading { .. } => 155,
        Msg::MonthlyDelaysHeading => 156,
        Msg::MonthlyBlockedReasons => 157,
        Msg::MonthlyBlockedColumns => 158,
        Msg::MonthlyLateByDepartment => 159,
        Msg::MonthlyLateColumns => 160,
        Msg::MonthlyRules => 161,
        Msg::MonthlyRuleColumns => 162,
        Msg::MonthlyRetroHeading => 163,
        Msg::MonthlyRetroColumns => 164,
        Msg::IcsCalendarName { .. } => 165,
        Msg::IcsTaskDue { .. } => 166,
        Msg::IcsRequestDue { .. } => 167,
        Msg::IcsActionDue { .. } => 168,
        Msg::IcsDueDetails { .. } => 169,
        Msg::IcsMeetingDetails { .. } => 170,
        Msg::IcsReminder { .. } => 171,
        Msg::DashboardNav => 172,
        Msg::DashboardGenerated { .. } => 173,
        Msg::DashboardRequestSections => 174,
        Msg::DashboardRequestFields => 175,
        Msg::DashboardTaskColumns => 176,
        Msg::DashboardResponseColumns => 177,
        Msg::DashboardRiskColumns => 178,
        Msg::DashboardFindingColumns => 179,
        Msg::DashboardBack => 180,
        Msg::DueDate { .. } => 181,
        Msg::UnapprovedChange { .. } => 182,
        Msg::ChangeRequestHint { .. } => 183,
        Msg::ChangeRequestNotAuthorising { .. } => 184,
        Msg::ChangeListFrozen { .. } => 185,
        Msg::ChangeUndecided { .. } => 186,
        Msg::ChangeUndecidedHint => 187,
        Msg::ChangeFieldUnknown { .. } => 188,
        Msg::ReportJudgedConflict { .. } => 189,
        Msg::ReportJudgedUnrelated => 190,
        Msg::ReportApprovedChange { .. } => 191,
        Msg::ReportUnattributed { .. } => 192,
        Msg::AuditChangesHeading { .. } => 193,
        Msg::AuditChangeColumns => 194,
        Msg::DayOff { .. } => 195,
        Msg::CalendarYearHint { .. } => 196,
        Msg::MeetingOnNonWorkingDay { .. } => 197,
        Msg::MinutesDueOnNonWorkingDay { .. } => 198,
        Msg::MinutesDueHint => 199,
        Msg::DependencyNotFinished { .. } => 200,
        Msg::UnreadableItems { .. } => 201,
        Msg::FullWidth { .. } => 202,
        Msg::NotADate { .. } => 203,
        Msg::QuoteValue { .. } => 204,
        Msg::DidYouMeanPerson { .. } => 205,
        Msg::KeyInsideTable { .. } => 206,
        Msg::MoveKeyUp { .. } => 207,
        Msg::NotRead { .. } => 208,
        Msg::ConfigInvalid { .. } => 209,
        Msg::GanttTip { .. } => 210,
        Msg::SeverityName { .. } => 211,
        Msg::TextPrHeader { .. } => 212,
        Msg::TextChanged { .. } => 213,
        Msg::TextGroup { .. } => 214,
        Msg::TextPrSummary { .. } => 215,
        Msg::TextSummary { .. } => 216,
        Msg::NonAsciiKey { .. } => 217,
        Msg::NotStarted { .. } => 218,
        Msg::NotStartedHint => 219,
        Msg::Waiver(..) => 220,
        Msg::Baseline(..) => 221,
        Msg::Edit(..) => 222,
        Msg::Notify(..) => 223,
        Msg::Seed(..) => 224,
    }
}
const VARIANTS: usize = 225;

#[test]
fn every_message_has_a_sample() {
    let mut seen: Vec<usize> = samples().iter().map(variant).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen, (0..VARIANTS).collect::<Vec<_>>());
}

#[test]
fn every_message_renders_in_both_languages() {
    for message in samples() {
        let en = message.render(Lang::En);
        let zh = message.render(Lang::Zh);
        assert!(
            !en.trim().is_empty() && !zh.trim().is_empty(),
            "{message:?}"
        );
        assert!(
            !en.contains('{') && !zh.contains('{'),
            "unfilled placeholder: {en} / {zh}"
        );
        // Chinese texts are Chinese (ids and code names aside).
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{zh}"
        );
    }
}

#[test]
fn english_messages_follow_the_conventions() {
    for message in samples() {
        // A holiday's name is a proper noun, shown inside other messages.
        if matches!(message, Msg::DayOff { .. }) {
            continue;
        }
        let en = message.render(Lang::En);
        let first = en.chars().next().unwrap();
        assert!(
            !first.is_ascii_uppercase() || en.starts_with("TOML"),
            "starts upper-case: {en}"
        );
        assert!(!en.ends_with('.'), "ends with a period: {en}");
    }
}

#[test]
fn language_tags_parse() {
    assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::Zh));
    assert_eq!(Lang::from_tag("EN"), Some(Lang::En));
    assert_eq!(Lang::from_tag("fr"), None);
}
