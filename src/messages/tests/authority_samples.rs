//! One sample of every message about who may change what: authority,
//! change requests, and how a pull request was judged.

use super::*;

pub(super) fn samples() -> Vec<Msg> {
    let s = |x: &str| x.to_string();
    let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    vec![
        Msg::UnapprovedChange {
            item: s("T-LEG-1"),
            field: s("due"),
            from: Some(s("2027-01-15")),
            to: Some(s("2027-02-15")),
            who: s("zhao.liu"),
            commit: s("abc123"),
            allowed: v(&["fang.lv", "zhang.jingli"]),
            by_change: true,
        },
        Msg::ChangeRequestHint {
            item: s("T-LEG-1"),
            field: s("due"),
            from: Some(s("2027-01-15")),
            to: Some(s("2027-02-15")),
        },
        Msg::ChangeRequestNotAuthorising {
            id: s("CR-007"),
            problem: ListedHint::From {
                listed: Some(s("2027-01-10")),
                actual: Some(s("2027-01-15")),
            },
        },
        Msg::ChangeListFrozen {
            who: s("li.gong"),
            commit: s("abc123"),
        },
        Msg::ChangeUndecided {
            requested_at: s("2026-09-25 10:00"),
            deadline: s("2026-09-29 18:00"),
            sla: Duration::WorkingDays(2),
            waiting: v(&["zhang.jingli"]),
        },
        Msg::ChangeUndecidedHint,
        Msg::ChangeFieldUnknown {
            item: s("T-200"),
            field: s("dua"),
        },
        Msg::ReportJudgedConflict {
            paths: v(&["tasks/T-5.toml"]),
        },
        Msg::ReportJudgedUnrelated,
        Msg::ReportApprovedChange {
            item: s("T-200"),
            field: s("due"),
            from: Some(s("2026-10-16")),
            to: Some(s("2026-10-23")),
            by: s("CR-007"),
        },
        Msg::ReportUnattributed {
            changes: v(&["T-1 `status`"]),
        },
        Msg::DayOff {
            name: Some(s("国庆节")),
        },
        Msg::CalendarYearHint { year: 2027 },
        Msg::MeetingOnNonWorkingDay {
            date: s("2027-02-08"),
            reason: Box::new(Msg::DayOff {
                name: Some(s("春节")),
            }),
        },
        Msg::MinutesDueOnNonWorkingDay {
            due: s("2027-02-09 11:00"),
            sla: Duration::Hours(24),
            reason: Box::new(Msg::Weekend),
        },
        Msg::MinutesDueHint,
        Msg::DependencyNotFinished {
            item: s("T-LEG-2"),
            status: s("delivered"),
            unfinished: vec![(s("T-LEG-1"), s("todo"))],
        },
        Msg::NotStarted {
            start: s("2026-09-14"),
            origin: PlanOrigin::FixedStart(s("2026-09-14")),
            deadline: s("2026-09-15 18:00"),
            sla: Duration::WorkingDays(1),
        },
        Msg::NotStartedHint,
        Msg::TextPrHeader {
            base: s("main"),
            head: s("HEAD"),
            base_commit: s("abc"),
            head_commit: s("def"),
        },
        Msg::TextChanged {
            changes: vec![
                (s("T-1"), s("renamed:tasks/T-1.toml"), false),
                (s("baton.toml"), s("modified"), true),
            ],
        },
        Msg::TextGroup {
            change: s("new"),
            count: 2,
        },
        Msg::TextPrSummary {
            new: 2,
            new_errors: 1,
            fixed: 0,
            existing: 3,
            items: 31,
            now: s("2026-09-24 10:00 +08:00"),
        },
        Msg::TextSummary {
            errors: 1,
            warnings: 0,
            infos: 2,
            waived: 1,
            items: 33,
            now: s("2026-09-24 10:00 +08:00"),
        },
        Msg::GanttTip {
            effort_wd: 4,
            remaining_wd: 1,
            slack_wd: -8,
        },
        Msg::SeverityName {
            severity: s("warning"),
        },
        Msg::ConfigInvalid {
            files: v(&["calendars/acme.toml"]),
        },
        Msg::NotRead {
            why: crate::source::Stray::Folder { meant: "tasks" },
        },
        Msg::KeyInsideTable {
            key: s("archived"),
            table: s("review"),
        },
        Msg::MoveKeyUp {
            key: s("archived"),
            table: s("review"),
        },
        Msg::DidYouMeanPerson {
            id: s("zhou.jie"),
            name: s("周杰"),
        },
        Msg::NonAsciiKey {
            key: s("负责人")
        },
        Msg::FullWidth {
            found: s("，"),
            ascii: s(","),
        },
        Msg::NotADate {
            found: s("2027/02/26"),
            date: s("2027-02-26"),
        },
        Msg::QuoteValue {
            value: s("zhou.jie"),
        },
        Msg::UnreadableItems {
            files: v(&["tasks/T-1.toml:3:7: invalid TOML: expected `=`"]),
        },
        Msg::AuditChangesHeading { count: 1 },
        Msg::AuditChangeColumns,
    ]
}

/// Every way a change request can fail to authorise a change reads in
/// both languages.
#[test]
fn listed_hints_render() {
    for problem in [
        ListedHint::To {
            listed: None,
            actual: Some("2027-02-15".into()),
        },
        ListedHint::Pending {
            waiting: vec!["zhang.jingli".into()],
        },
        ListedHint::Rejected {
            by: "chen.zong".into(),
        },
    ] {
        let message = Msg::ChangeRequestNotAuthorising {
            id: "CR-1".into(),
            problem,
        };
        assert!(message.render(Lang::En).contains("CR-1 "));
        assert!(message.render(Lang::Zh).contains("CR-1 "));
    }
}
