//! `baton notify`: today's reminders to the chat groups and mailboxes of
//! `[[notify]]` (SPEC §7).

use std::path::PathBuf;

use clap::Args;

use super::{ColorChoice, Outcome, fail, parse_lang, project};
use crate::graph::TaskGraph;
use crate::messages::{Lang, Msg, NotifyMsg};
use crate::model::NotifyKind;
use crate::notify::ledger::Ledger;
use crate::notify::send::{self, Pace};
use crate::notify::{for_channel, reminders, render};

/// Arguments of `baton notify`.
#[derive(Debug, Args)]
pub struct NotifyArgs {
    /// The repository.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Only the `[[notify]]` channel of this name.
    #[arg(long, value_name = "NAME")]
    pub channel: Option<String>,
    /// Print exactly what would be sent (without URLs or secrets); send nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Remember what was sent here, and do not send it again the same day.
    #[arg(long, value_name = "FILE")]
    pub ledger: Option<PathBuf>,
    /// Send on a weekend or holiday too.
    #[arg(long)]
    pub force: bool,
    /// The longest wait, in seconds, for a platform that asks baton to slow
    /// down (WeCom and DingTalk: a minute after 20 messages).
    #[arg(long, value_name = "SECS", default_value_t = 90)]
    pub max_wait: u64,
    /// The time reminders are computed at (RFC 3339; default: now).
    #[arg(long, env = "BATON_NOW")]
    pub now: Option<String>,
    /// Language of the messages (default: the project's).
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Do not use git history as evidence for times the files do not state.
    #[arg(long)]
    pub no_history: bool,
    /// When to color output.
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
}

/// Runs `baton notify`.
pub fn run(args: NotifyArgs) -> Outcome {
    let opened = match project::open_checked(
        &args.path,
        args.now.as_deref(),
        args.lang,
        args.color,
        !args.no_history,
    ) {
        Ok(opened) => opened,
        Err(outcome) => return outcome,
    };
    let lang = opened.lang;
    let say = |m: NotifyMsg| Msg::Notify(m).render(lang);
    let project = &opened.checked.project;
    let clock = &opened.checked.clock;
    let channels: Vec<_> = project
        .settings
        .notify
        .iter()
        .filter(|c| args.channel.as_deref().is_none_or(|n| n == c.name.as_str()))
        .collect();
    if channels.is_empty() {
        return fail(say(NotifyMsg::NoChannel));
    }
    let today = clock.local_date(clock.now);
    if !clock.calendar.is_working_day(today) && !args.force {
        say!(
            "{}",
            say(NotifyMsg::DayOff {
                date: today.to_string()
            })
        );
        return Outcome::Clean;
    }
    let graph = TaskGraph::build(project);
    let all = reminders(&opened.context(&graph));
    let mut ledger = match &args.ledger {
        Some(path) => match Ledger::open(path) {
            Ok(ledger) => Some(ledger),
            Err(e) => return fail(e),
        },
        None => None,
    };
    let env = |name: &str| std::env::var(name).ok();
    let pace = Pace {
        max_wait: std::time::Duration::from_secs(args.max_wait),
        ..Pace::default()
    };
    let mut failed = false;
    let mut printed = String::new();
    for channel in channels {
        let name = channel.name.as_str();
        let kind = *channel.kind.get();
        let mut mine = for_channel(channel, &all, project);
        let before = mine.len();
        if let Some(ledger) = &ledger {
            mine.retain(|r| !ledger.sent(today, name, r));
        }
        if mine.len() < before {
            say!(
                "{}",
                say(NotifyMsg::AlreadySent {
                    channel: name.into(),
                    count: before - mine.len()
                })
            );
        }
        if mine.is_empty() {
            say!(
                "{}",
                say(NotifyMsg::Nothing {
                    channel: name.into()
                })
            );
            continue;
        }
        let messages = render::render(
            channel,
            &mine,
            (&project.org, clock, lang),
            &project.settings.name,
        );
        if args.dry_run {
            for (i, message) in messages.iter().enumerate() {
                printed.push_str(&format!(
                    "== {name} ({}) {}/{} → {}\n{}\n",
                    crate::notify::kind_name(kind),
                    i + 1,
                    messages.len(),
                    message.people.join(", "),
                    serde_json::to_string_pretty(&message.body).unwrap_or_default()
                ));
            }
            continue;
        }
        let target = match deliver_to(channel, &env) {
            Ok(target) => target,
            Err(variable) => {
                say!(
                    "{}",
                    say(NotifyMsg::MissingEnv {
                        channel: name.into(),
                        variable
                    })
                );
                failed = true;
                continue;
            }
        };
        let (mut sent, mut people) = (0, std::collections::BTreeSet::new());
        for (i, message) in messages.iter().enumerate() {
            if i > 0 {
                std::thread::sleep(send::spacing(kind).min(pace.max_wait));
            }
            let result = match (&target, kind) {
                ((url, _), NotifyKind::Email) => crate::notify::mail::send(
                    channel,
                    url,
                    message.body["subject"].as_str().unwrap_or_default(),
                    message.body["text"].as_str().unwrap_or_default(),
                ),
                ((url, secret), _) => {
                    let prepared = send::prepare(
                        kind,
                        url,
                        secret.as_deref(),
                        &message.body,
                        std::time::SystemTime::now(),
                    );
                    send::post(kind, &prepared, pace)
                }
            };
            match result {
                Ok(()) => {
                    sent += 1;
                    people.extend(message.people.iter().cloned());
                    if let Some(ledger) = &mut ledger {
                        ledger.record(today, name, &message.reminders);
                    }
                }
                Err(send::SendError(detail)) => {
                    say!(
                        "{}",
                        say(NotifyMsg::Failed {
                            channel: name.into(),
                            detail
                        })
                    );
                    failed = true;
                }
            }
        }
        if sent > 0 {
            say!(
                "{}",
                say(NotifyMsg::Sent {
                    channel: name.into(),
                    messages: sent,
                    people: people.len()
                })
            );
        }
    }
    if let Some(ledger) = &mut ledger
        && !args.dry_run
        && let Err(e) = ledger.save(today)
    {
        return fail(e);
    }
    if !printed.is_empty()
        && let Outcome::Failed = super::output::print(&printed)
    {
        return Outcome::Failed;
    }
    match failed {
        true => Outcome::Failed,
        false => Outcome::Clean,
    }
}

/// The webhook URL and signing secret of a channel, from the environment
/// variables it names (the name of the missing one otherwise).
fn deliver_to(
    channel: &crate::model::NotifyChannel,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<(String, Option<String>), String> {
    let (variable, field) = match channel.kind.get() {
        NotifyKind::Email => (channel.smtp_env.as_ref(), "smtp_env"),
        _ => (channel.url_env.as_ref(), "url_env"),
    };
    let url = match send::secret(variable.map(|v| v.as_str()), env)? {
        Some(url) => url,
        None => return Err(format!("{field} (not named in this [[notify]] entry)")),
    };
    let secret = send::secret(channel.secret_env.as_ref().map(|v| v.as_str()), env)?;
    Ok((url, secret))
}
