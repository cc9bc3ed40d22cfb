//! Texts of `baton notify`: the reminders people read in their chat, and
//! what the command says about sending them. [`super::Msg::Notify`]
//! carries them.

use crate::model::NotifyEvent;

/// A message of `baton notify`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // each variant's text is its documentation, below
pub enum NotifyMsg {
    /// What a reminder is about, as a label.
    Event { event: NotifyEvent },
    /// One reminder line: `overdue: T-101 接口调试 (by 10-09 18:00)`.
    Line {
        event: NotifyEvent,
        item: String,
        title: String,
        by: Option<String>,
    },
    /// The title of a digest.
    Title { project: String, date: String },
    /// A digest split in parts: this is part `part` of `parts`.
    Part { part: usize, parts: usize },
    /// Nothing to send to a channel.
    Nothing { channel: String },
    /// Today is not a working day.
    DayOff { date: String },
    /// What was sent.
    Sent {
        channel: String,
        messages: usize,
        people: usize,
    },
    /// Reminders the ledger says were sent today already.
    AlreadySent { channel: String, count: usize },
    /// A send that failed, and why.
    Failed { channel: String, detail: String },
    /// The environment variable a channel names is not set.
    MissingEnv { channel: String, variable: String },
    /// No `[[notify]]` in baton.toml.
    NoChannel,
}

impl NotifyMsg {
    /// The English text.
    pub fn en(&self) -> String {
        match self {
            NotifyMsg::Event { event } => event_en(*event).into(),
            NotifyMsg::Line {
                event,
                item,
                title,
                by,
            } => match (by, event) {
                (Some(at), NotifyEvent::MeetingTomorrow) => {
                    format!("{}: {item} {title} (at {at})", event_en(*event))
                }
                (Some(by), _) => format!("{}: {item} {title} (by {by})", event_en(*event)),
                (None, _) => format!("{}: {item} {title}", event_en(*event)),
            },
            NotifyMsg::Title { project, date } => format!("baton reminders · {project} · {date}"),
            NotifyMsg::Part { part, parts } => format!("(part {part} of {parts})"),
            NotifyMsg::Nothing { channel } => {
                format!("{channel}: nothing to remind anyone of today")
            }
            NotifyMsg::DayOff { date } => format!(
                "{date} is not a working day: no reminders are sent (--force sends them anyway)"
            ),
            NotifyMsg::Sent {
                channel,
                messages,
                people,
            } => format!("{channel}: sent {messages} message(s) mentioning {people} person(s)"),
            NotifyMsg::AlreadySent { channel, count } => format!(
                "{channel}: {count} reminder(s) were sent today already (the ledger says so): not sent again"
            ),
            NotifyMsg::Failed { channel, detail } => format!("{channel}: not sent: {detail}"),
            NotifyMsg::MissingEnv { channel, variable } => format!(
                "{channel}: the environment variable `{variable}` is not set (a CI secret holds the webhook URL or signing secret)"
            ),
            NotifyMsg::NoChannel => {
                "baton.toml has no [[notify]] channel: add one (SPEC §2) to send reminders".into()
            }
        }
    }

    /// The Chinese text.
    pub fn zh(&self) -> String {
        match self {
            NotifyMsg::Event { event } => event_zh(*event).into(),
            NotifyMsg::Line {
                event,
                item,
                title,
                by,
            } => match (by, event) {
                (Some(at), NotifyEvent::MeetingTomorrow) => {
                    format!("{}:{item} {title}({at} 开始)", event_zh(*event))
                }
                (Some(by), _) => format!("{}:{item} {title}(截止 {by})", event_zh(*event)),
                (None, _) => format!("{}:{item} {title}", event_zh(*event)),
            },
            NotifyMsg::Title { project, date } => format!("baton 提醒 · {project} · {date}"),
            NotifyMsg::Part { part, parts } => format!("(第 {part}/{parts} 部分)"),
            NotifyMsg::Nothing { channel } => format!("{channel}:今天没有需要提醒的事项"),
            NotifyMsg::DayOff { date } => {
                format!("{date} 不是工作日:不发送提醒(--force 可强制发送)")
            }
            NotifyMsg::Sent {
                channel,
                messages,
                people,
            } => format!("{channel}:已发送 {messages} 条消息,提醒 {people} 人"),
            NotifyMsg::AlreadySent { channel, count } => {
                format!("{channel}:今天已发送过 {count} 条提醒(见发送记录),不再重复发送")
            }
            NotifyMsg::Failed { channel, detail } => format!("{channel}:发送失败:{detail}"),
            NotifyMsg::MissingEnv { channel, variable } => format!(
                "{channel}:未设置环境变量 `{variable}`(应在 CI 密钥中保存 webhook 地址或签名密钥)"
            ),
            NotifyMsg::NoChannel => {
                "baton.toml 中没有 [[notify]] 通道:请添加一个(SPEC §2)以发送提醒".into()
            }
        }
    }
}

fn event_en(event: NotifyEvent) -> &'static str {
    match event {
        NotifyEvent::DueSoon => "due soon",
        NotifyEvent::Overdue => "overdue",
        NotifyEvent::UpdateMissing => "no progress update today",
        NotifyEvent::Blocked => "blocked, to escalate",
        NotifyEvent::Acceptance => "to accept",
        NotifyEvent::ActionConfirm => "action item to confirm",
        NotifyEvent::MeetingTomorrow => "meeting on the next working day",
        NotifyEvent::RequestAck => "request to answer",
        NotifyEvent::Complaint => "complaint to answer or follow up",
        NotifyEvent::ChangePending => "change request to decide",
        NotifyEvent::LegalReview => "agreement to review",
    }
}

fn event_zh(event: NotifyEvent) -> &'static str {
    match event {
        NotifyEvent::DueSoon => "即将到期",
        NotifyEvent::Overdue => "已逾期",
        NotifyEvent::UpdateMissing => "今日未更新进度",
        NotifyEvent::Blocked => "阻塞待上报",
        NotifyEvent::Acceptance => "待验收",
        NotifyEvent::ActionConfirm => "待确认行动项",
        NotifyEvent::MeetingTomorrow => "下个工作日的会议",
        NotifyEvent::RequestAck => "协作需求待答复",
        NotifyEvent::Complaint => "客户投诉待答复或回访",
        NotifyEvent::ChangePending => "变更申请待审批",
        NotifyEvent::LegalReview => "协议待法务审核",
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::NotifyMsg;
    use crate::model::NotifyEvent;

    /// One sample of every notify message.
    pub fn samples() -> Vec<NotifyMsg> {
        let s = |x: &str| x.to_string();
        vec![
            NotifyMsg::Event {
                event: NotifyEvent::Blocked,
            },
            NotifyMsg::Line {
                event: NotifyEvent::Overdue,
                item: s("T-101"),
                title: s("接口调试"),
                by: Some(s("10-09 18:00")),
            },
            NotifyMsg::Title {
                project: s("新品上市"),
                date: s("2026-10-12"),
            },
            NotifyMsg::Part { part: 1, parts: 2 },
            NotifyMsg::Nothing {
                channel: s("项目群"),
            },
            NotifyMsg::DayOff {
                date: s("2026-10-03"),
            },
            NotifyMsg::Sent {
                channel: s("项目群"),
                messages: 1,
                people: 3,
            },
            NotifyMsg::AlreadySent {
                channel: s("项目群"),
                count: 4,
            },
            NotifyMsg::Failed {
                channel: s("项目群"),
                detail: s("19021 bad signature"),
            },
            NotifyMsg::MissingEnv {
                channel: s("项目群"),
                variable: s("BATON_FEISHU_URL"),
            },
            NotifyMsg::NoChannel,
        ]
    }

    #[test]
    fn every_notify_message_has_a_sample() {
        let mut seen: Vec<usize> = samples()
            .iter()
            .map(|m| match m {
                NotifyMsg::Event { .. } => 0,
                NotifyMsg::Line { .. } => 1,
                NotifyMsg::Title { .. } => 2,
                NotifyMsg::Part { .. } => 3,
                NotifyMsg::Nothing { .. } => 4,
                NotifyMsg::DayOff { .. } => 5,
                NotifyMsg::Sent { .. } => 6,
                NotifyMsg::AlreadySent { .. } => 7,
                NotifyMsg::Failed { .. } => 8,
                NotifyMsg::MissingEnv { .. } => 9,
                NotifyMsg::NoChannel => 10,
            })
            .collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen, (0..11).collect::<Vec<_>>());
    }
}
