//! The reminders of notify on the example project, and their rendering.

use std::path::Path;

use super::render::{escape, render};
use super::*;
use crate::evidence::Evidence;
use crate::graph::TaskGraph;
use crate::load::load;
use crate::messages::Lang;
use crate::model::NotifyKind;
use crate::source::WorktreeSource;
use crate::time::parse_now;

/// The example project's reminders at `now`, after `edit` of its files.
fn at(now: &str, edit: impl FnOnce(&Path)) -> (Vec<Reminder>, crate::check::Checked) {
    let dir = crate::testing::example_copy();
    edit(dir.path());
    let project = load(&WorktreeSource::new(dir.path())).unwrap();
    let now = parse_now(now, project.settings.tz).unwrap();
    let evidence = Evidence::none();
    let checked =
        crate::check::check(project, now.with_timezone(&chrono::Utc), &evidence, None).unwrap();
    let graph = TaskGraph::build(&checked.project);
    let cx = crate::rules::Context {
        project: &checked.project,
        graph: &graph,
        clock: &checked.clock,
        evidence: &evidence,
        changes: None,
        plan: checked.plan.as_ref(),
    };
    let reminders = reminders(&cx);
    (reminders, checked)
}

fn of(reminders: &[Reminder], event: NotifyEvent) -> Vec<(String, String)> {
    reminders
        .iter()
        .filter(|r| r.event == event)
        .map(|r| (r.person.clone(), r.item.clone()))
        .collect()
}

#[test]
fn an_update_missed_by_17_00_reminds_the_owner() {
    // Before the cut-off: nothing yet.
    let (before, _) = at("2026-09-24T16:59:00+08:00", |_| {});
    assert!(of(&before, NotifyEvent::UpdateMissing).is_empty());
    let (after, _) = at("2026-09-24T17:01:00+08:00", |_| {});
    let missing = of(&after, NotifyEvent::UpdateMissing);
    assert!(
        missing.contains(&("wang.zhuguan".into(), "T-304".into())),
        "{missing:?}"
    );
    // Not on a holiday: 2026-10-02 is in the National Day holiday.
    let (holiday, _) = at("2026-10-02T17:30:00+08:00", |_| {});
    assert!(of(&holiday, NotifyEvent::UpdateMissing).is_empty());
}

#[test]
fn blocked_work_not_escalated_goes_to_the_manager() {
    // T-203 (wu.kai) was escalated to li.gong: no reminder.
    let (escalated, _) = at("2026-09-24T10:00:00+08:00", |_| {});
    assert!(of(&escalated, NotifyEvent::Blocked).is_empty());
    let (open, _) = at("2026-09-24T10:00:00+08:00", |root| {
        let path = root.join("tasks/rnd/T-203.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        let text: String = text
            .lines()
            .filter(|l| !l.starts_with("escalated_"))
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(path, text).unwrap();
    });
    let blocked = of(&open, NotifyEvent::Blocked);
    let manager = "li.gong".to_string();
    assert_eq!(blocked, [(manager, "T-203".to_string())]);
}

#[test]
fn every_participant_hears_of_tomorrows_meeting() {
    let (reminders, _) = at("2026-09-27T09:00:00+08:00", |_| {});
    let meeting: Vec<(String, String)> = of(&reminders, NotifyEvent::MeetingTomorrow);
    assert!(
        meeting
            .iter()
            .all(|(_, item)| item == "MTG-2026-09-28-weekly"),
        "{meeting:?}"
    );
    for person in [
        "zhang.jingli",
        "sun.yan",
        "li.gong",
        "wang.zhuguan",
        "zhou.min",
        "chen.zong",
        "zhao.liu",
    ] {
        assert_eq!(
            meeting.iter().filter(|(p, _)| p == person).count(),
            1,
            "{person}: {meeting:?}"
        );
    }
    // Thursday 2026-09-24: Friday is the Mid-Autumn Festival, so Monday's
    // meeting is the next working day's, and no job runs in between.
    let (thursday, _) = at("2026-09-24T09:00:00+08:00", |_| {});
    assert!(
        of(&thursday, NotifyEvent::MeetingTomorrow)
            .contains(&("li.gong".into(), "MTG-2026-09-28-weekly".into()))
    );
    let (wednesday, _) = at("2026-09-23T09:00:00+08:00", |_| {});
    assert!(of(&wednesday, NotifyEvent::MeetingTomorrow).is_empty());
}

#[test]
fn an_unanswered_request_reminds_the_assisting_contact() {
    let (answered, _) = at("2026-09-24T10:00:00+08:00", |_| {});
    assert!(
        !of(&answered, NotifyEvent::RequestAck)
            .iter()
            .any(|(_, i)| i == "REQ-002")
    );
    let (open, _) = at("2026-09-24T10:00:00+08:00", |root| {
        let path = root.join("requests/REQ-002.toml");
        let text = std::fs::read_to_string(&path)
            .unwrap()
            .replace("status = \"accepted\"", "status = \"submitted\"");
        let cut = text.find("[[response]]").unwrap();
        let rest = &text[cut + 1..];
        let next = rest.find("\n[").map_or(text.len(), |i| cut + 1 + i + 1);
        std::fs::write(&path, format!("{}{}", &text[..cut], &text[next..])).unwrap();
    });
    assert!(of(&open, NotifyEvent::RequestAck).contains(&("zhou.min".into(), "REQ-002".into())));
}

#[test]
fn complaints_legal_reviews_and_record_actions_remind_whoever_owes_them() {
    let (reminders, _) = at("2026-09-24T10:00:00+08:00", |root| {
        let complaint = "title = \"杯身掉色\"\nreceived_at = 2026-09-22T09:00:00+08:00\nowner = \"tang.xiao\"\n";
        std::fs::write(root.join("complaints/CMP-2026-040.toml"), complaint).unwrap();
        let resolved = "title = \"赠品漏发\"\nreceived_at = 2026-09-14T09:00:00+08:00\nowner = \"tang.xiao\"\n[response]\nat = 2026-09-14T15:00:00+08:00\n[resolution]\nat = 2026-09-18T11:00:00+08:00\n";
        std::fs::write(root.join("complaints/CMP-2026-041.toml"), resolved).unwrap();
    });
    let complaints = of(&reminders, NotifyEvent::Complaint);
    assert_eq!(
        complaints,
        [
            ("tang.xiao".to_string(), "CMP-2026-041".to_string()),
            ("tang.xiao".to_string(), "CMP-2026-040".to_string()),
        ],
        "a visit overdue since 09-21, a plan overdue since 09-24 09:00"
    );
    // The partnership agreement waits on the legal department.
    assert_eq!(
        of(&reminders, NotifyEvent::LegalReview),
        [("fang.lv".to_string(), "AGR-2026-kol".to_string())]
    );
    // A record's action item not done by its due is overdue for its owner.
    let (late, _) = at("2026-10-12T10:00:00+08:00", |_| {});
    assert!(
        of(&late, NotifyEvent::Overdue)
            .contains(&("zhang.jingli".into(), "COM-2026-09-22-email".into())),
        "{:?}",
        of(&late, NotifyEvent::Overdue)
    );
}

fn channel(text: &str) -> crate::model::NotifyChannel {
    let parsed = crate::parse::parse_document::<crate::model::NotifyChannel>(text);
    parsed.value.unwrap()
}

#[test]
fn a_channel_takes_its_events_and_departments() {
    let (reminders, checked) = at("2026-09-24T17:30:00+08:00", |_| {});
    let only_overdue = channel("name = \"x\"\nkind = \"slack\"\nevents = [\"overdue\"]\n");
    let mine = for_channel(&only_overdue, &reminders, &checked.project);
    assert!(!mine.is_empty() && mine.iter().all(|r| r.event == NotifyEvent::Overdue));
    let finance = channel("name = \"x\"\nkind = \"slack\"\ndepartments = [\"fin\"]\n");
    let mine = for_channel(&finance, &reminders, &checked.project);
    assert!(
        mine.iter().all(|r| {
            checked
                .project
                .org
                .person(&r.person)
                .and_then(|p| p.department.as_ref())
                .is_some_and(|d| d.as_str() == "fin")
                || r.item.starts_with("T-40")
                || r.item == "REQ-002"
        }),
        "{mine:?}"
    );
}

#[test]
fn item_text_cannot_mention_anyone() {
    assert_eq!(
        escape(NotifyKind::Slack, "<!channel> & @here"),
        "&lt;!channel&gt; &amp; ＠here"
    );
    assert_eq!(escape(NotifyKind::Wecom, "<@all> 提醒"), "＜＠all＞ 提醒");
    assert_eq!(
        escape(NotifyKind::Feishu, "<at user_id=\"all\">所有人</at>"),
        "＜at user_id=\"all\"＞所有人＜/at＞"
    );
    assert!(!escape(NotifyKind::Dingtalk, "@所有人 **x**").contains('@'));
}

#[test]
fn long_digests_are_split_never_cut() {
    let (reminders, checked) = at("2026-09-24T17:30:00+08:00", |_| {});
    let mut many = Vec::new();
    for i in 0..200 {
        let mut r = reminders[0].clone();
        r.item = format!("T-{i}");
        r.title = "很长的任务标题".repeat(10);
        many.push(r);
    }
    let wecom = channel("name = \"x\"\nkind = \"wecom\"\n");
    let clock = &checked.clock;
    let messages = render(&wecom, &many, (&checked.project.org, clock, Lang::Zh), "p");
    assert!(messages.len() > 1);
    let carried: usize = messages.iter().map(|m| m.reminders.len()).sum();
    assert_eq!(carried, 200);
    for message in &messages {
        let content = message.body["text"]["content"].as_str().unwrap();
        assert!(content.len() <= 2048, "{}", content.len());
    }
    assert!(
        messages[1].body["text"]["content"]
            .as_str()
            .unwrap()
            .contains("(第 2/")
    );
}
