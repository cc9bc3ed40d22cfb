//! One sample of every message of `audit`, `report`, `ics` and the
//! dashboard (the catalogue's second half; findings are in `tests.rs`).

use super::*;

pub(super) fn samples() -> Vec<Msg> {
    let s = |x: &str| x.to_string();
    let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let wd = Duration::WorkingDays(2);
    let late = Late {
        working_days: 2,
        hours: 50,
    };
    vec![
        Msg::AuditTitle {
            project: s("新品上市"),
            now: s("2026-09-24 10:00 +08:00"),
        },
        Msg::AuditScope {
            department: Some(s("rnd")),
            person: Some(s("li.gong")),
        },
        Msg::AuditCounters { due_soon: wd },
        Msg::AuditLateHeading,
        Msg::AuditNothingLate,
        Msg::AuditDueSoonHeading { sla: wd },
        Msg::AuditDueColumns,
        Msg::AuditBlockedHeading,
        Msg::AuditBlockedColumns,
        Msg::AuditAwaitingHeading,
        Msg::AuditAwaitingColumns,
        Msg::AuditAcceptedHeading,
        Msg::AuditDepartmentsHeading {
            days: 10,
            from: s("2026-09-24"),
            to: s("2026-10-14"),
        },
        Msg::AuditDepartmentColumns,
        Msg::AuditOverloaded {
            departments: v(&["研发部 (rnd) 24/20"]),
        },
        Msg::AuditOverloadedMark,
        Msg::AuditPeopleHeading { days: 3 },
        Msg::AuditPeopleColumns,
        Msg::AuditDuty {
            duty: Duty::Confirm,
        },
        Msg::AuditNobodyWaiting,
        Msg::AuditSlaHeading {
            days: 30,
            from: s("2026-08-25"),
            to: s("2026-09-24"),
        },
        Msg::AuditSlaColumns,
        Msg::AuditSlaUnknown { count: 2 },
        Msg::SlaName {
            sla: SlaKind::BlockedEscalate,
        },
        Msg::WorkingHours { minutes: 320 },
        Msg::LateBy { late },
        Msg::WorkingDaysLeft { working_days: 2 },
        Msg::AuditPlanHeading,
        Msg::AuditProjectFinish {
            finish: Some(s("2026-10-28")),
        },
        Msg::AuditRequestColumns,
        Msg::RequestSlack { slack_wd: Some(-2) },
        Msg::AuditNoOpenRequest,
        Msg::AuditNoPlan,
        Msg::Status {
            status: s("in_progress"),
        },
        Msg::DecisionName {
            decision: s("need_info"),
        },
        Msg::Nothing,
        Msg::WeeklyTitle {
            project: s("新品上市"),
            week: s("2026-W38"),
            from: s("2026-09-14"),
            to: s("2026-09-20"),
        },
        Msg::WeeklySummary {
            updates: 12,
            accepted: 2,
            overdue: 1,
            blocked: 1,
            meetings: 1,
        },
        Msg::WeeklyDoneHeading,
        Msg::WeeklyPlanHeading {
            from: s("2026-09-21"),
            to: s("2026-09-27"),
        },
        Msg::WeeklyRisksHeading,
        Msg::WeeklyMeetingsHeading,
        Msg::WeeklyDecisions,
        Msg::WeeklyActionColumns,
        Msg::WeeklyNoRequest,
        Msg::WeeklyStatusChange {
            from: s("in_progress"),
            to: s("delivered"),
            commit: s("abc1234"),
            who: s("吴凯"),
        },
        Msg::PlannedDates {
            start: Some(s("2026-10-09")),
            finish: Some(s("2026-10-12")),
        },
        Msg::BlockedSince {
            since: Some(s("2026-09-18 11:00")),
            escalated_to: Some(s("li.gong")),
        },
        Msg::RiskLine {
            owner: Some(s("li.gong")),
        },
        Msg::MitigationLabel,
        Msg::DueDate {
            date: s("2026-10-21"),
        },
        Msg::MonthlyTitle {
            project: s("新品上市"),
            month: s("2026-09"),
        },
        Msg::MonthlyGoalsHeading,
        Msg::MonthlyGoalsSummary { met: 3, due: 4 },
        Msg::MonthlyGoalColumns,
        Msg::Goal {
            outcome: GoalOutcome::AcceptedLate(2),
        },
        Msg::MonthlySlaHeading {
            from: s("2026-09-01"),
            to: s("2026-09-30"),
        },
        Msg::MonthlyDelaysHeading,
        Msg::MonthlyBlockedReasons,
        Msg::MonthlyBlockedColumns,
        Msg::MonthlyLateByDepartment,
        Msg::MonthlyLateColumns,
        Msg::MonthlyRules,
        Msg::MonthlyRuleColumns,
        Msg::MonthlyRetroHeading,
        Msg::MonthlyRetroColumns,
        Msg::IcsCalendarName {
            project: s("新品上市"),
        },
        Msg::IcsTaskDue {
            id: s("T-201"),
            title: s("会员注册接口调试"),
        },
        Msg::IcsRequestDue {
            id: s("REQ-001"),
            title: s("技术支持协作"),
        },
        Msg::IcsActionDue {
            title: s("提交需求文档初稿"),
        },
        Msg::IcsDueDetails {
            owner: Some(s("吴凯")),
            deadline: s("2026-09-24 18:00"),
            zone: s("Asia/Shanghai"),
        },
        Msg::IcsMeetingDetails {
            organizer: Some(s("xu.ting")),
            chair: Some(s("chen.zong")),
        },
        Msg::IcsReminder {
            title: s("会员注册接口调试"),
            working_days: 3,
        },
        Msg::DashboardNav,
        Msg::DashboardGenerated {
            now: s("2026-09-24 10:00 +08:00"),
        },
        Msg::DashboardRequestSections,
        Msg::DashboardRequestFields,
        Msg::DashboardTaskColumns,
        Msg::DashboardResponseColumns,
        Msg::DashboardRiskColumns,
        Msg::DashboardFindingColumns,
        Msg::DashboardBack,
    ]
}
