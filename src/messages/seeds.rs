//! Texts of the rules on complaints, agreements, communication records and
//! action items (seed 002, seed 000). [`super::Msg::Seed`] carries them.

use super::{Late, en, zh};
use crate::time::Duration;

/// A finding's text about a complaint, an agreement, a communication
/// record or an action item.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // each variant's text is its documentation, below
pub enum SeedMsg {
    /// W012, open: no handling plan yet.
    ResponseMissing {
        received_at: String,
        deadline: String,
        sla: Duration,
    },
    /// W012, closed: the plan came late.
    ResponseLate {
        responded_at: String,
        deadline: String,
        sla: Duration,
    },
    ResponseHint,
    /// W013, open: resolved, no visit yet.
    FollowUpMissing {
        resolved_at: String,
        deadline: String,
        sla: Duration,
    },
    /// W013, closed: the visit came late.
    FollowUpLate {
        visited_at: String,
        deadline: String,
        sla: Duration,
    },
    FollowUpHint,
    /// O006: a signature before legal approved (or with no approval).
    SignedBeforeReview {
        counterparty: bool,
        signed_at: Option<String>,
        approved_at: Option<String>,
    },
    SignedBeforeReviewHint {
        legal: Option<String>,
    },
    /// W014, open: legal has not decided.
    LegalReviewOverdue {
        requested_at: String,
        deadline: String,
        sla: Duration,
    },
    /// W014, closed: legal decided late.
    LegalReviewLate {
        reviewed_at: String,
        deadline: String,
        sla: Duration,
    },
    LegalReviewHint,
    /// W016 (closed by nature: the record exists).
    RecordLate {
        at: String,
        recorded_at: String,
        deadline: String,
        sla: Duration,
    },
    /// D001 on an action item.
    ActionOverdue {
        title: String,
        due: String,
        late: Late,
    },
    ActionOverdueHint,
    /// D002 on an action item.
    ActionDueSoon {
        title: String,
        due: String,
        working_days_left: i64,
    },
    /// D002 on an agreement about to expire.
    AgreementExpiring {
        expires: String,
        working_days_left: i64,
    },
    AgreementExpiringHint,
    /// Where a complaint or an agreement stands (see
    /// [`crate::model::complaint_stage`], [`crate::model::agreement_stage`]).
    Stage {
        stage: String,
    },
    /// Audit: complaints not closed.
    AuditComplaintsHeading {
        count: usize,
    },
    AuditComplaintColumns,
    /// Audit: agreements waiting.
    AuditAgreementsHeading {
        count: usize,
    },
    AuditAgreementColumns,
    /// Dashboard: every item of a kind.
    DashboardComplaintColumns,
    DashboardAgreementColumns,
    DashboardCommColumns,
    /// Reports: customers, partners and communication of the period.
    DigestHeading,
    DigestSummary {
        received: usize,
        answered: usize,
        in_time: usize,
        visits: usize,
        satisfied: usize,
        neutral: usize,
        dissatisfied: usize,
        signed: usize,
        records: usize,
    },
    DigestComplaintColumns,
    DigestAgreementColumns,
    DigestCommColumns,
    /// Calendar events.
    IcsComplaintResponse {
        id: String,
        title: String,
    },
    IcsComplaintFollowUp {
        id: String,
        title: String,
    },
    IcsAgreementExpires {
        id: String,
        title: String,
    },
}

impl SeedMsg {
    /// The English text.
    pub fn en(&self) -> String {
        use en::{duration, late};
        match self {
            SeedMsg::ResponseMissing {
                received_at,
                deadline,
                sla,
            } => format!(
                "complaint received {received_at} has no handling plan; the customer was to be answered within {}, by {deadline}",
                duration(sla)
            ),
            SeedMsg::ResponseLate {
                responded_at,
                deadline,
                sla,
            } => format!(
                "handling plan given {responded_at}, after the deadline {deadline} ({} after the complaint)",
                duration(sla)
            ),
            SeedMsg::ResponseHint => "the owner adds [response] with at, by and plan: what will be done, by when".into(),
            SeedMsg::FollowUpMissing {
                resolved_at,
                deadline,
                sla,
            } => format!(
                "resolved {resolved_at} and the customer was not visited; a follow-up was due within {}, by {deadline}",
                duration(sla)
            ),
            SeedMsg::FollowUpLate {
                visited_at,
                deadline,
                sla,
            } => format!(
                "follow-up visit {visited_at}, after the deadline {deadline} ({} after the resolution)",
                duration(sla)
            ),
            SeedMsg::FollowUpHint => "the owner calls or visits the customer and adds [follow_up] with at, by and satisfaction".into(),
            SeedMsg::SignedBeforeReview {
                counterparty,
                signed_at,
                approved_at,
            } => {
                let who = if *counterparty { "the counterparty" } else { "us" };
                let when = signed_at
                    .as_ref()
                    .map_or(String::new(), |t| format!(" on {t}"));
                match approved_at {
                    Some(approved) => format!(
                        "signed by {who}{when}, before legal approved the agreement ({approved})"
                    ),
                    None => format!("signed by {who}{when} without an approved legal review"),
                }
            }
            SeedMsg::SignedBeforeReviewHint { legal } => match legal {
                Some(department) => format!(
                    "a member of `{department}` reviews it first: [legal_review] with verdict = \"approved\" dated before any signature"
                ),
                None => "name the legal department (project.legal_department) and have it approve the agreement before anyone signs".into(),
            },
            SeedMsg::LegalReviewOverdue {
                requested_at,
                deadline,
                sla,
            } => format!(
                "legal review requested {requested_at} and not decided; it was due within {}, by {deadline}",
                duration(sla)
            ),
            SeedMsg::LegalReviewLate {
                reviewed_at,
                deadline,
                sla,
            } => format!(
                "legal review decided {reviewed_at}, after the deadline {deadline} ({} after the request)",
                duration(sla)
            ),
            SeedMsg::LegalReviewHint => "the legal department sets legal_review.verdict (approved or changes_requested), with at and by".into(),
            SeedMsg::RecordLate {
                at,
                recorded_at,
                deadline,
                sla,
            } => format!(
                "communication of {at} recorded {recorded_at}, after the deadline {deadline} (within {})",
                duration(sla)
            ),
            SeedMsg::ActionOverdue {
                title,
                due,
                late: l,
            } => format!("action item \"{title}\" overdue: due {due}, {} ago", late(l)),
            SeedMsg::ActionOverdueHint => "its owner does it and sets done_at, or the meeting agrees a new due".into(),
            SeedMsg::ActionDueSoon {
                title,
                due,
                working_days_left,
            } => match working_days_left {
                0 => format!("action item \"{title}\" due today at {due}"),
                1 => format!("action item \"{title}\" due {due}, in 1 working day"),
                n => format!("action item \"{title}\" due {due}, in {n} working days"),
            },
            SeedMsg::AgreementExpiring {
                expires,
                working_days_left,
            } => match working_days_left {
                0 => format!("agreement expires today ({expires})"),
                1 => format!("agreement expires {expires}, in 1 working day"),
                n => format!("agreement expires {expires}, in {n} working days"),
            },
            SeedMsg::AgreementExpiringHint => "renew it (a new agreement with its own legal review) or archive it".into(),
            SeedMsg::Stage { stage } => stage.replace('_', " "),
            SeedMsg::AuditComplaintsHeading { count } => format!("complaints not closed: {count}"),
            SeedMsg::AuditComplaintColumns => "complaint\ttitle\tcustomer\towner\tstage\tby".into(),
            SeedMsg::AuditAgreementsHeading { count } => format!("agreements waiting for review, signature or renewal: {count}"),
            SeedMsg::AuditAgreementColumns => "agreement\ttitle\tcounterparty\tstage\twaiting for\tby".into(),
            SeedMsg::DashboardComplaintColumns => "complaint\ttitle\tcustomer\tseverity\towner\tstage\treceived\tsatisfaction".into(),
            SeedMsg::DashboardAgreementColumns => "agreement\ttitle\tcounterparty\towner\tstage\teffective\texpires".into(),
            SeedMsg::DashboardCommColumns => "record\ttopic\tkind\tat\trecorded\tparticipants\topen actions".into(),
            SeedMsg::DigestHeading => "customers, partners and communication".into(),
            SeedMsg::DigestSummary {
                received,
                answered,
                in_time,
                visits,
                satisfied,
                neutral,
                dissatisfied,
                signed,
                records,
            } => {
                let mut parts = Vec::new();
                if *received > 0 {
                    parts.push(format!(
                        "complaints received {received}, answered {answered} ({in_time} in time)"
                    ));
                }
                if *visits > 0 {
                    parts.push(format!("follow-up visits {visits} (satisfied {satisfied}, neutral {neutral}, dissatisfied {dissatisfied})"));
                }
                if *signed > 0 {
                    parts.push(format!("agreements signed {signed}"));
                }
                if *records > 0 {
                    parts.push(format!("communication records {records}"));
                }
                parts.join("; ")
            }
            SeedMsg::DigestComplaintColumns => "complaint\ttitle\tcustomer\tstage\tanswered in time".into(),
            SeedMsg::DigestAgreementColumns => "agreement\ttitle\tcounterparty\tsigned".into(),
            SeedMsg::DigestCommColumns => "record\ttopic\tat\topen actions".into(),
            SeedMsg::IcsComplaintResponse { id, title } => format!("complaint to answer: {id} {title}"),
            SeedMsg::IcsComplaintFollowUp { id, title } => format!("customer to visit: {id} {title}"),
            SeedMsg::IcsAgreementExpires { id, title } => format!("agreement expires: {id} {title}"),
        }
    }

    /// The Chinese text.
    pub fn zh(&self) -> String {
        use zh::{duration, late};
        match self {
            SeedMsg::ResponseMissing {
                received_at,
                deadline,
                sla,
            } => format!(
                "投诉于 {received_at} 收到,至今没有处理方案;应在{}内(即 {deadline} 前)答复客户",
                duration(sla)
            ),
            SeedMsg::ResponseLate {
                responded_at,
                deadline,
                sla,
            } => format!(
                "处理方案于 {responded_at} 给出,晚于期限 {deadline}(收到投诉后{}内)",
                duration(sla)
            ),
            SeedMsg::ResponseHint => {
                "负责人添加 [response]:at、by 与 plan(做什么、何时完成)".into()
            }
            SeedMsg::FollowUpMissing {
                resolved_at,
                deadline,
                sla,
            } => format!(
                "已于 {resolved_at} 解决,但尚未回访客户;应在{}内(即 {deadline} 前)回访",
                duration(sla)
            ),
            SeedMsg::FollowUpLate {
                visited_at,
                deadline,
                sla,
            } => format!(
                "回访于 {visited_at},晚于期限 {deadline}(解决后{}内)",
                duration(sla)
            ),
            SeedMsg::FollowUpHint => {
                "负责人回访客户,并添加 [follow_up]:at、by 与 satisfaction(满意度)".into()
            }
            SeedMsg::SignedBeforeReview {
                counterparty,
                signed_at,
                approved_at,
            } => {
                let who = if *counterparty { "对方" } else { "我方" };
                let when = signed_at
                    .as_ref()
                    .map_or(String::new(), |t| format!("于 {t} "));
                match approved_at {
                    Some(approved) => {
                        format!("{who}{when}签署,早于法务审核通过的时间({approved})")
                    }
                    None => format!("{who}{when}签署,但协议没有通过法务审核"),
                }
            }
            SeedMsg::SignedBeforeReviewHint { legal } => match legal {
                Some(department) => format!(
                    "先由 `{department}` 的成员审核:[legal_review] 的 verdict = \"approved\",时间早于任何签署"
                ),
                None => "在 project.legal_department 中指定法务部门,签署前由其审核通过".into(),
            },
            SeedMsg::LegalReviewOverdue {
                requested_at,
                deadline,
                sla,
            } => format!(
                "法务审核于 {requested_at} 提交,至今未出结论;应在{}内(即 {deadline} 前)完成",
                duration(sla)
            ),
            SeedMsg::LegalReviewLate {
                reviewed_at,
                deadline,
                sla,
            } => format!(
                "法务审核于 {reviewed_at} 出结论,晚于期限 {deadline}(提交后{}内)",
                duration(sla)
            ),
            SeedMsg::LegalReviewHint => {
                "法务部门填写 legal_review.verdict(approved 或 changes_requested)以及 at、by".into()
            }
            SeedMsg::RecordLate {
                at,
                recorded_at,
                deadline,
                sla,
            } => format!(
                "{at} 的沟通于 {recorded_at} 才记录,晚于期限 {deadline}(应在{}内书面记录)",
                duration(sla)
            ),
            SeedMsg::ActionOverdue {
                title,
                due,
                late: l,
            } => format!("待办「{title}」已逾期:截止 {due},已超过 {}", late(l)),
            SeedMsg::ActionOverdueHint => {
                "负责人完成后填写 done_at,或经会议商定新的截止时间".into()
            }
            SeedMsg::ActionDueSoon {
                title,
                due,
                working_days_left,
            } => match working_days_left {
                0 => format!("待办「{title}」今天 {due} 到期"),
                n => format!("待办「{title}」将于 {due} 到期,还剩 {n} 个工作日"),
            },
            SeedMsg::AgreementExpiring {
                expires,
                working_days_left,
            } => match working_days_left {
                0 => format!("协议今天到期({expires})"),
                n => format!("协议将于 {expires} 到期,还剩 {n} 个工作日"),
            },
            SeedMsg::AgreementExpiringHint => "续签(新协议,重新经法务审核)或归档".into(),
            SeedMsg::Stage { stage } => stage_zh(stage).into(),
            SeedMsg::AuditComplaintsHeading { count } => format!("未关闭的客户投诉:{count} 项"),
            SeedMsg::AuditComplaintColumns => "投诉\t标题\t客户\t负责人\t阶段\t期限".into(),
            SeedMsg::AuditAgreementsHeading { count } => {
                format!("待审核、待签署或待续签的协议:{count} 项")
            }
            SeedMsg::AuditAgreementColumns => "协议\t标题\t对方\t阶段\t等待\t期限".into(),
            SeedMsg::DashboardComplaintColumns => {
                "投诉\t标题\t客户\t严重程度\t负责人\t阶段\t收到时间\t满意度".into()
            }
            SeedMsg::DashboardAgreementColumns => {
                "协议\t标题\t对方\t负责人\t阶段\t生效\t到期".into()
            }
            SeedMsg::DashboardCommColumns => {
                "记录\t主题\t方式\t时间\t记录时间\t参与人\t未完成待办".into()
            }
            SeedMsg::DigestHeading => "客户、合作方与沟通".into(),
            SeedMsg::DigestSummary {
                received,
                answered,
                in_time,
                visits,
                satisfied,
                neutral,
                dissatisfied,
                signed,
                records,
            } => {
                let mut parts = Vec::new();
                if *received > 0 {
                    parts.push(format!(
                        "收到客户投诉 {received} 件,已答复 {answered} 件(按时 {in_time} 件)"
                    ));
                }
                if *visits > 0 {
                    parts.push(format!(
                        "回访 {visits} 次(满意 {satisfied}、一般 {neutral}、不满意 {dissatisfied})"
                    ));
                }
                if *signed > 0 {
                    parts.push(format!("签署协议 {signed} 份"));
                }
                if *records > 0 {
                    parts.push(format!("沟通记录 {records} 条"));
                }
                parts.join(";")
            }
            SeedMsg::DigestComplaintColumns => "投诉\t标题\t客户\t阶段\t按时答复".into(),
            SeedMsg::DigestAgreementColumns => "协议\t标题\t对方\t签署完成".into(),
            SeedMsg::DigestCommColumns => "记录\t主题\t时间\t未完成待办".into(),
            SeedMsg::IcsComplaintResponse { id, title } => format!("投诉待答复:{id} {title}"),
            SeedMsg::IcsComplaintFollowUp { id, title } => format!("投诉待回访:{id} {title}"),
            SeedMsg::IcsAgreementExpires { id, title } => format!("协议到期:{id} {title}"),
        }
    }
}

/// A stage, a severity or a satisfaction in Chinese.
fn stage_zh(stage: &str) -> &str {
    match stage {
        "open" => "待答复",
        "responded" => "处理中",
        "resolved" => "待回访",
        "closed" => "已关闭",
        "draft" => "草稿",
        "in_review" => "法务审核中",
        "changes_requested" => "待修改",
        "approved" => "法务已通过",
        "signing" => "签署中",
        "signed" => "已签署",
        "expired" => "已到期",
        "minor" => "一般",
        "major" => "严重",
        "critical" => "紧急",
        "satisfied" => "满意",
        "neutral" => "一般",
        "dissatisfied" => "不满意",
        "phone" => "电话",
        "email" => "邮件",
        "im" => "即时消息",
        "meeting" => "会谈",
        "visit" => "拜访",
        "platform" => "平台",
        other => other,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::SeedMsg;
    use crate::messages::Late;
    use crate::time::Duration;

    /// One sample of every message.
    pub fn samples() -> Vec<SeedMsg> {
        let s = |x: &str| x.to_string();
        vec![
            SeedMsg::ResponseMissing {
                received_at: s("2026-10-01 17:00"),
                deadline: s("2026-10-03 17:00"),
                sla: Duration::Hours(48),
            },
            SeedMsg::ResponseLate {
                responded_at: s("2026-10-04 09:00"),
                deadline: s("2026-10-03 17:00"),
                sla: Duration::Hours(48),
            },
            SeedMsg::ResponseHint,
            SeedMsg::FollowUpMissing {
                resolved_at: s("2026-10-05 11:00"),
                deadline: s("2026-10-08 11:00"),
                sla: Duration::Days(3),
            },
            SeedMsg::FollowUpLate {
                visited_at: s("2026-10-09 10:00"),
                deadline: s("2026-10-08 11:00"),
                sla: Duration::Days(3),
            },
            SeedMsg::FollowUpHint,
            SeedMsg::SignedBeforeReview {
                counterparty: false,
                signed_at: Some(s("2026-12-02 10:00")),
                approved_at: Some(s("2026-12-03 17:00")),
            },
            SeedMsg::SignedBeforeReviewHint {
                legal: Some(s("legal")),
            },
            SeedMsg::LegalReviewOverdue {
                requested_at: s("2026-12-01 10:00"),
                deadline: s("2026-12-04 18:00"),
                sla: Duration::WorkingDays(3),
            },
            SeedMsg::LegalReviewLate {
                reviewed_at: s("2026-12-07 10:00"),
                deadline: s("2026-12-04 18:00"),
                sla: Duration::WorkingDays(3),
            },
            SeedMsg::LegalReviewHint,
            SeedMsg::RecordLate {
                at: s("2026-10-08 10:00"),
                recorded_at: s("2026-10-09 15:00"),
                deadline: s("2026-10-09 10:00"),
                sla: Duration::Hours(24),
            },
            SeedMsg::ActionOverdue {
                title: s("给出漏水原因分析"),
                due: s("2026-10-09 18:00"),
                late: Late {
                    working_days: 2,
                    hours: 0,
                },
            },
            SeedMsg::ActionOverdueHint,
            SeedMsg::ActionDueSoon {
                title: s("补充用户场景文档"),
                due: s("2026-07-07 18:00"),
                working_days_left: 1,
            },
            SeedMsg::AgreementExpiring {
                expires: s("2027-12-31"),
                working_days_left: 2,
            },
            SeedMsg::AgreementExpiringHint,
            SeedMsg::Stage {
                stage: s("in_review"),
            },
            SeedMsg::AuditComplaintsHeading { count: 2 },
            SeedMsg::AuditComplaintColumns,
            SeedMsg::AuditAgreementsHeading { count: 1 },
            SeedMsg::AuditAgreementColumns,
            SeedMsg::DashboardComplaintColumns,
            SeedMsg::DashboardAgreementColumns,
            SeedMsg::DashboardCommColumns,
            SeedMsg::DigestHeading,
            SeedMsg::DigestSummary {
                received: 2,
                answered: 2,
                in_time: 1,
                visits: 1,
                satisfied: 1,
                neutral: 0,
                dissatisfied: 0,
                signed: 1,
                records: 3,
            },
            SeedMsg::DigestComplaintColumns,
            SeedMsg::DigestAgreementColumns,
            SeedMsg::DigestCommColumns,
            SeedMsg::IcsComplaintResponse {
                id: s("CMP-2026-031"),
                title: s("杯盖漏水"),
            },
            SeedMsg::IcsComplaintFollowUp {
                id: s("CMP-2026-031"),
                title: s("杯盖漏水"),
            },
            SeedMsg::IcsAgreementExpires {
                id: s("AGR-2027-supply"),
                title: s("供货协议"),
            },
        ]
    }

    #[test]
    fn every_seed_message_has_a_sample() {
        let mut seen: Vec<usize> = samples()
            .iter()
            .map(|m| match m {
                SeedMsg::ResponseMissing { .. } => 0,
                SeedMsg::ResponseLate { .. } => 1,
                SeedMsg::ResponseHint => 2,
                SeedMsg::FollowUpMissing { .. } => 3,
                SeedMsg::FollowUpLate { .. } => 4,
                SeedMsg::FollowUpHint => 5,
                SeedMsg::SignedBeforeReview { .. } => 6,
                SeedMsg::SignedBeforeReviewHint { .. } => 7,
                SeedMsg::LegalReviewOverdue { .. } => 8,
                SeedMsg::LegalReviewLate { .. } => 9,
                SeedMsg::LegalReviewHint => 10,
                SeedMsg::RecordLate { .. } => 11,
                SeedMsg::ActionOverdue { .. } => 12,
                SeedMsg::ActionOverdueHint => 13,
                SeedMsg::ActionDueSoon { .. } => 14,
                SeedMsg::AgreementExpiring { .. } => 15,
                SeedMsg::AgreementExpiringHint => 16,
                SeedMsg::Stage { .. } => 17,
                SeedMsg::AuditComplaintsHeading { .. } => 18,
                SeedMsg::AuditComplaintColumns => 19,
                SeedMsg::AuditAgreementsHeading { .. } => 20,
                SeedMsg::AuditAgreementColumns => 21,
                SeedMsg::DashboardComplaintColumns => 22,
                SeedMsg::DashboardAgreementColumns => 23,
                SeedMsg::DashboardCommColumns => 24,
                SeedMsg::DigestHeading => 25,
                SeedMsg::DigestSummary { .. } => 26,
                SeedMsg::DigestComplaintColumns => 27,
                SeedMsg::DigestAgreementColumns => 28,
                SeedMsg::DigestCommColumns => 29,
                SeedMsg::IcsComplaintResponse { .. } => 30,
                SeedMsg::IcsComplaintFollowUp { .. } => 31,
                SeedMsg::IcsAgreementExpires { .. } => 32,
            })
            .collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen, (0..33).collect::<Vec<_>>());
    }
}
