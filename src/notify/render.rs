//! A channel's digest in its platform's form: one block per person with a
//! mention that notifies them there, split into as many messages as the
//! platform's size limit needs (never truncated), with one of the bot's
//! keywords in every message, and item text escaped for the platform's
//! markup so a title cannot mention `@all` or break the message.

use serde_json::{Value, json};

use super::Reminder;
use crate::messages::{Lang, Msg, NotifyMsg};
use crate::model::{NotifyChannel, NotifyKind, Org};
use crate::time::Clock;

/// One message to send, and whom it mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Outgoing {
    /// The JSON body (for mail: `{"subject", "text"}`).
    pub body: Value,
    /// The people it reminds, by id.
    pub people: Vec<String>,
    /// The reminders it carries, for the ledger.
    pub reminders: Vec<Reminder>,
}

/// The most bytes one message may have: Feishu 20 KB a body, DingTalk
/// 20,000 bytes of markdown, WeCom 2,048 bytes of text content, Slack
/// 40,000 characters; some room is left for the envelope.
fn limit(kind: NotifyKind) -> usize {
    match kind {
        NotifyKind::Feishu | NotifyKind::Lark => 18_000,
        NotifyKind::Dingtalk => 18_000,
        NotifyKind::Wecom => 1_900,
        NotifyKind::Slack => 35_000,
        NotifyKind::Email | NotifyKind::Webhook => 1_000_000,
    }
}

/// One person's part of a digest.
struct Block<'r> {
    person: String,
    name: String,
    lines: Vec<String>,
    reminders: Vec<&'r Reminder>,
}

/// Renders `reminders` (already this channel's) for `channel`.
pub fn render(
    channel: &NotifyChannel,
    reminders: &[Reminder],
    (org, clock, lang): (&Org, &Clock, Lang),
    project: &str,
) -> Vec<Outgoing> {
    let kind = *channel.kind.get();
    let mut blocks: Vec<Block<'_>> = Vec::new();
    for reminder in reminders {
        let line = Msg::Notify(NotifyMsg::Line {
            event: reminder.event,
            item: reminder.item.clone(),
            title: crate::report::sanitize(&reminder.title),
            by: reminder.by.map(|t| t.format("%m-%d %H:%M").to_string()),
        })
        .render(lang);
        match blocks.last_mut() {
            Some(block) if block.person == reminder.person => {
                block.lines.push(escape(kind, &line));
                block.reminders.push(reminder);
            }
            _ => blocks.push(Block {
                person: reminder.person.clone(),
                name: crate::report::sanitize(&crate::audit::person_name(org, &reminder.person)),
                lines: vec![escape(kind, &line)],
                reminders: vec![reminder],
            }),
        }
    }
    // Packs of blocks under the size limit; a block too large alone is
    // split by lines (the person is mentioned in each part).
    let budget = limit(kind);
    let mut packs: Vec<Vec<Block<'_>>> = vec![Vec::new()];
    let mut used = 0;
    for block in blocks {
        for part in split_block(block, budget / 2) {
            let size = part.lines.iter().map(|l| l.len() + 8).sum::<usize>() + part.name.len() + 64;
            if used + size > budget && packs.last().is_some_and(|p| !p.is_empty()) {
                packs.push(Vec::new());
                used = 0;
            }
            used += size;
            if let Some(pack) = packs.last_mut() {
                pack.push(part);
            }
        }
    }
    packs.retain(|p| !p.is_empty());
    let date = clock.local_date(clock.now).format("%Y-%m-%d").to_string();
    let mut title = Msg::Notify(NotifyMsg::Title {
        project: crate::report::sanitize(project),
        date: date.clone(),
    })
    .render(lang);
    let keywords: Vec<&str> = channel.keywords.iter().map(|k| k.as_str()).collect();
    if !keywords.is_empty() && !keywords.iter().any(|k| title.contains(k)) {
        title = format!("【{}】{title}", keywords[0]);
    }
    let parts = packs.len();
    packs
        .into_iter()
        .enumerate()
        .map(|(i, pack)| {
            let title = match parts {
                1 => title.clone(),
                _ => format!(
                    "{title} {}",
                    Msg::Notify(NotifyMsg::Part { part: i + 1, parts }).render(lang)
                ),
            };
            let body = body(kind, &title, &pack, (org, lang, &date));
            let mut people: Vec<String> = pack.iter().map(|b| b.person.clone()).collect();
            people.dedup();
            Outgoing {
                body,
                people,
                reminders: pack
                    .iter()
                    .flat_map(|b| b.reminders.iter().map(|r| (*r).clone()))
                    .collect(),
            }
        })
        .collect()
}

/// A block split into parts of at most `budget` bytes of lines.
fn split_block(block: Block<'_>, budget: usize) -> Vec<Block<'_>> {
    let mut parts = Vec::new();
    let mut current = Block {
        person: block.person.clone(),
        name: block.name.clone(),
        lines: Vec::new(),
        reminders: Vec::new(),
    };
    let mut size = 0;
    for (line, reminder) in block.lines.into_iter().zip(block.reminders) {
        if size + line.len() > budget && !current.lines.is_empty() {
            let next = Block {
                person: block.person.clone(),
                name: block.name.clone(),
                lines: Vec::new(),
                reminders: Vec::new(),
            };
            parts.push(std::mem::replace(&mut current, next));
            size = 0;
        }
        size += line.len();
        current.lines.push(line);
        current.reminders.push(reminder);
    }
    parts.push(current);
    parts
}

/// Text made inert for the platform's markup: no mention, no link, no
/// formatting from an item's title.
pub fn escape(kind: NotifyKind, text: &str) -> String {
    // A mention typed into a title must not notify anyone: `@` becomes the
    // full-width `＠` everywhere but mail and plain JSON.
    let text = match kind {
        NotifyKind::Email | NotifyKind::Webhook => return text.to_string(),
        _ => text.replace('@', "＠"),
    };
    match kind {
        // Slack's three control characters (api.slack.com: "Escaping text").
        NotifyKind::Slack => text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;"),
        // `<@userid>` and `<at …>` are markup in WeCom and Feishu text.
        NotifyKind::Wecom | NotifyKind::Feishu | NotifyKind::Lark => {
            text.replace('<', "＜").replace('>', "＞")
        }
        NotifyKind::Dingtalk => crate::report::escape::markdown(&text),
        NotifyKind::Email | NotifyKind::Webhook => text,
    }
}

/// The JSON body of one message.
fn body(
    kind: NotifyKind,
    title: &str,
    pack: &[Block<'_>],
    (org, lang, date): (&Org, Lang, &str),
) -> Value {
    let person = |id: &str| org.person(id);
    match kind {
        NotifyKind::Feishu | NotifyKind::Lark => {
            let mut content: Vec<Value> = Vec::new();
            for block in pack {
                let mention = match person(&block.person).and_then(|p| p.feishu.as_ref()) {
                    Some(open_id) => {
                        json!({"tag": "at", "user_id": open_id.as_str(), "user_name": block.name})
                    }
                    None => json!({"tag": "text", "text": block.name}),
                };
                content.push(json!([mention]));
                for line in &block.lines {
                    content.push(json!([{"tag": "text", "text": format!("  {line}")}]));
                }
            }
            let language = match lang {
                Lang::Zh => "zh_cn",
                Lang::En => "en_us",
            };
            json!({"msg_type": "post", "content": {"post": {language: {"title": title, "content": content}}}})
        }
        NotifyKind::Dingtalk => {
            let mut text = format!("### {}\n\n", crate::report::escape::markdown(title));
            let (mut mobiles, mut user_ids) = (Vec::new(), Vec::new());
            for block in pack {
                let p = person(&block.person);
                // DingTalk notifies `@mobile` (or `@userId`) written in the
                // text and listed in `at`.
                let mention = match (
                    p.and_then(|p| p.mobile.as_ref()),
                    p.and_then(|p| p.dingtalk.as_ref()),
                ) {
                    (Some(mobile), _) => {
                        mobiles.push(mobile.as_str().to_string());
                        format!("@{} ", mobile.as_str())
                    }
                    (None, Some(user)) => {
                        user_ids.push(user.as_str().to_string());
                        format!("@{} ", user.as_str())
                    }
                    (None, None) => String::new(),
                };
                text.push_str(&format!(
                    "{mention}**{}**\n\n",
                    crate::report::escape::markdown(&block.name)
                ));
                for line in &block.lines {
                    text.push_str(&format!("- {line}\n"));
                }
                text.push('\n');
            }
            json!({"msgtype": "markdown", "markdown": {"title": title, "text": text},
                   "at": {"atMobiles": mobiles, "atUserIds": user_ids, "isAtAll": false}})
        }
        NotifyKind::Wecom => {
            // Plain text: the one message type that mentions both by userid
            // and by mobile.
            let mut content = format!("{title}\n");
            let (mut users, mut mobiles) = (Vec::new(), Vec::new());
            for block in pack {
                let p = person(&block.person);
                match (
                    p.and_then(|p| p.wecom.as_ref()),
                    p.and_then(|p| p.mobile.as_ref()),
                ) {
                    (Some(user), _) => users.push(user.as_str().to_string()),
                    (None, Some(mobile)) => mobiles.push(mobile.as_str().to_string()),
                    (None, None) => {}
                }
                content.push_str(&format!("\n{}\n", block.name));
                for line in &block.lines {
                    content.push_str(&format!("· {line}\n"));
                }
            }
            json!({"msgtype": "text", "text": {"content": content, "mentioned_list": users, "mentioned_mobile_list": mobiles}})
        }
        NotifyKind::Slack => {
            let mut text = format!("*{}*\n", escape(kind, title));
            for block in pack {
                let mention = match person(&block.person).and_then(|p| p.slack.as_ref()) {
                    Some(member) => format!("<@{}>", member.as_str()),
                    None => block.name.clone(),
                };
                text.push_str(&format!("\n{mention}\n"));
                for line in &block.lines {
                    text.push_str(&format!("• {line}\n"));
                }
            }
            json!({"text": text})
        }
        NotifyKind::Email => {
            let mut text = format!("{title}\n");
            for block in pack {
                text.push_str(&format!("\n{}\n", block.name));
                for line in &block.lines {
                    text.push_str(&format!("  - {line}\n"));
                }
            }
            json!({"subject": title, "text": text})
        }
        NotifyKind::Webhook => {
            let people: Vec<Value> = pack
                .iter()
                .map(|b| {
                    let reminders: Vec<Value> = b
                        .reminders
                        .iter()
                        .map(|r| {
                            json!({"event": super::event_name(r.event), "item": r.item, "kind": r.kind.name(),
                                   "title": r.title, "by": r.by.map(|t| t.to_rfc3339())})
                        })
                        .collect();
                    json!({"id": b.person, "name": b.name, "reminders": reminders})
                })
                .collect();
            json!({"version": 1, "title": title, "date": date, "people": people})
        }
    }
}
