//! `baton ics`: deadlines and meetings as an iCalendar file (RFC 5545),
//! written by [`lines::Writer`] (CRLF, folding at 75 octets, TEXT
//! escaping).
//!
//! - **Task and request deadlines.** A date deadline (`due = 2026-10-16`)
//!   is an all-day event on that date — dates have no zone, and the
//!   description says the exact deadline (`2026-10-16 18:00
//!   (Asia/Shanghai)`); a deadline with a time is an instant, in UTC. Each
//!   carries a display alarm at the start of the working day 3 working days
//!   before (seed 003: 截止前3天提醒负责人), computed on the project's
//!   calendar, as an absolute UTC time.
//! - **Meetings**: start and end as UTC instants.
//! - **Action items** of meetings and communication records, not promoted
//!   to a task and not done: their due, like a task's.
//! - **Complaints**: the handling plan's deadline while there is none, the
//!   follow-up visit's once resolved; **agreements**: their expiry.
//! - **UIDs** are stable: kind, id (and a fingerprint of an action's title)
//!   and a fingerprint of the project name, so re-importing updates events
//!   instead of duplicating them. `DTSTAMP` is now (`--now`), so the same
//!   repository at the same `--now` gives the same bytes.
//! - Cancelled tasks, declined requests and archived items are left out.

pub mod lines;

use chrono::{DateTime, Days, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::audit::{Scope, person_name, task_owner};
use crate::diag::fingerprint;
use crate::messages::{Lang, Msg, SeedMsg};
use crate::model::{Project, RequestStatus, TaskStatus};
use crate::parse::When;
use crate::time::Clock;
use lines::Writer;

/// Working days before a deadline that its reminder fires (seed 003).
pub const REMINDER_WORKING_DAYS: u32 = 3;

/// The calendar of `project` (only what concerns `person`, when given).
pub fn render(project: &Project, clock: &Clock, lang: Lang, person: Option<&str>) -> String {
    let scope = Scope {
        department: None,
        person: person.map(str::to_string),
    };
    let org = &project.org;
    let suffix = format!(
        "{}@baton",
        &fingerprint("", "", "", &project.settings.name)[..8]
    );
    let stamp = clock.now.with_timezone(&Utc);
    let mut w = Writer::new();
    w.begin("VCALENDAR");
    w.raw("VERSION", "2.0");
    w.raw("PRODID", "-//baton//baton ics//EN");
    w.raw("CALSCALE", "GREGORIAN");
    w.raw("METHOD", "PUBLISH");
    let name = Msg::IcsCalendarName {
        project: project.settings.name.clone(),
    }
    .render(lang);
    w.text("NAME", &name);
    w.text("X-WR-CALNAME", &name);
    w.text("X-WR-TIMEZONE", clock.tz.name());
    let deadline = |w: &mut Writer, uid: String, summary: Msg, owner: Option<&str>, due: &When| {
        let at = clock.deadline(due);
        let details = Msg::IcsDueDetails {
            owner: owner.map(|o| person_name(org, o)),
            deadline: clock.show(at),
            zone: clock.tz.name().to_string(),
        };
        let summary = summary.render(lang);
        w.begin("VEVENT");
        w.text("UID", &uid);
        w.utc("DTSTAMP", stamp);
        match due {
            When::Date(date) => {
                w.date("DTSTART", *date);
                w.date("DTEND", next(*date));
            }
            _ => {
                w.utc("DTSTART", utc(at));
                w.utc("DTEND", utc(at));
            }
        }
        w.text("SUMMARY", &summary);
        w.text("DESCRIPTION", &details.render(lang));
        w.raw("TRANSP", "TRANSPARENT");
        if let Some(remind) = reminder(clock, at) {
            let text = Msg::IcsReminder {
                title: summary.clone(),
                working_days: REMINDER_WORKING_DAYS,
            };
            w.begin("VALARM");
            w.raw("ACTION", "DISPLAY");
            w.text("DESCRIPTION", &text.render(lang));
            w.utc("TRIGGER;VALUE=DATE-TIME", remind);
            w.end("VALARM");
        }
        w.end("VEVENT");
    };
    for task in &project.tasks {
        let Some(due) = &task.due else { continue };
        if task.archived || task.status() == TaskStatus::Cancelled || !scope.task(project, task) {
            continue;
        }
        deadline(
            &mut w,
            format!("task-{}-due.{suffix}", task.id),
            Msg::IcsTaskDue {
                id: task.id.clone(),
                title: task.title.to_string(),
            },
            task_owner(task),
            due,
        );
    }
    for request in &project.requests {
        let Some(due) = &request.due else { continue };
        if request.archived
            || request.status() == RequestStatus::Declined
            || !scope.request(request)
        {
            continue;
        }
        deadline(
            &mut w,
            format!("request-{}-due.{suffix}", request.id),
            Msg::IcsRequestDue {
                id: request.id.clone(),
                title: request.title.to_string(),
            },
            request.from.contact.as_ref().map(|c| c.as_str()),
            due,
        );
    }
    for meeting in &project.meetings {
        if meeting.archived {
            continue;
        }
        if scope.meeting(org, meeting) {
            let start = clock.event(&meeting.start);
            let end = meeting.end.as_ref().map_or(start, |e| clock.event(e));
            let mut description = Msg::IcsMeetingDetails {
                organizer: meeting.organizer.as_ref().map(|o| person_name(org, o)),
                chair: meeting.chair.as_ref().map(|c| person_name(org, c)),
            }
            .render(lang);
            for item in &meeting.agenda {
                description.push('\n');
                description.push_str(&format!("- {}", item.topic.as_str()));
                if let Some(minutes) = &item.minutes {
                    description.push_str(&format!(" ({}′)", minutes.get()));
                }
            }
            w.begin("VEVENT");
            w.text("UID", &format!("meeting-{}.{suffix}", meeting.id));
            w.utc("DTSTAMP", stamp);
            w.utc("DTSTART", utc(start));
            w.utc("DTEND", utc(end.max(start)));
            w.text("SUMMARY", &meeting.title);
            w.text("DESCRIPTION", &description);
            w.end("VEVENT");
        }
    }
    // Action items of meetings and communication records, until done.
    for found in project.action_items() {
        let action = found.action;
        let owner = action.owner.as_ref().map(|o| o.as_str());
        let Some(due) = &action.due else { continue };
        if found.archived
            || action.task.is_some()
            || action.done_at.is_some()
            || person.is_some_and(|p| owner != Some(p))
        {
            continue;
        }
        let key = &fingerprint("", "", "", action.title.as_str())[..8];
        deadline(
            &mut w,
            format!("action-{}-{key}-due.{suffix}", found.item),
            Msg::IcsActionDue {
                title: action.title.to_string(),
            },
            owner,
            due,
        );
    }
    let at = |t: DateTime<Tz>| When::Offset(t.fixed_offset());
    for (complaint, respond_by, follow_up_by) in crate::audit::complaints::deadlines(project, clock)
    {
        if !scope.complaint(org, complaint) {
            continue;
        }
        let owner = complaint.owner.as_ref().map(|o| o.as_str());
        let id = complaint.id.clone();
        let title = complaint.title.to_string();
        if let Some(by) = respond_by {
            let summary = Msg::Seed(SeedMsg::IcsComplaintResponse {
                id: id.clone(),
                title: title.clone(),
            });
            deadline(
                &mut w,
                format!("complaint-{id}-response.{suffix}"),
                summary,
                owner,
                &at(by),
            );
        }
        if let Some(by) = follow_up_by {
            let summary = Msg::Seed(SeedMsg::IcsComplaintFollowUp {
                id: id.clone(),
                title,
            });
            deadline(
                &mut w,
                format!("complaint-{id}-follow-up.{suffix}"),
                summary,
                owner,
                &at(by),
            );
        }
    }
    for agreement in &project.agreements {
        let Some(expires) = &agreement.expires else {
            continue;
        };
        if agreement.archived || !scope.agreement(org, agreement) {
            continue;
        }
        let summary = Msg::Seed(SeedMsg::IcsAgreementExpires {
            id: agreement.id.clone(),
            title: agreement.title.to_string(),
        });
        deadline(
            &mut w,
            format!("agreement-{}-expires.{suffix}", agreement.id),
            summary,
            agreement.owner.as_ref().map(|o| o.as_str()),
            expires,
        );
    }
    w.end("VCALENDAR");
    w.finish()
}

/// The start of the working day `REMINDER_WORKING_DAYS` working days
/// before the deadline's date; `None` when it would not be before the
/// deadline (or the calendar has no such day).
fn reminder(clock: &Clock, deadline: DateTime<Tz>) -> Option<DateTime<Utc>> {
    let day = clock
        .calendar
        .nth_working_day_before(clock.local_date(deadline), REMINDER_WORKING_DAYS)?;
    let at = clock.at(day, clock.workday.start);
    (at < deadline).then(|| at.with_timezone(&Utc))
}

fn utc(t: DateTime<Tz>) -> DateTime<Utc> {
    t.with_timezone(&Utc)
}

fn next(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(1)).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use icalendar::Component;

    use super::*;
    use crate::testing::project;
    use crate::time::parse_now;

    fn calendar(files: &[(&str, &str)], person: Option<&str>) -> (String, icalendar::Calendar) {
        let project = project(files);
        let settings = &project.settings;
        let clock = Clock {
            tz: settings.tz,
            workday: settings.workday,
            calendar: settings.calendar.clone(),
            now: parse_now("2026-09-24T10:00:00+08:00", settings.tz).unwrap(),
        };
        let text = render(&project, &clock, Lang::Zh, person);
        let parsed: icalendar::Calendar = text.parse().unwrap();
        (text, parsed)
    }

    #[test]
    fn hostile_text_cannot_start_a_property_or_an_event() {
        let task = "title = \"a\\r\\nEND:VEVENT\\r\\nBEGIN:VEVENT\\nSUMMARY:x; y, z \\\\ 会员\"\nowner = \"li.gong\"\ndue = 2026-10-16\n";
        let (text, parsed) = calendar(&[("tasks/T-1.toml", task)], None);
        let begins = text.split("\r\n").filter(|l| *l == "BEGIN:VEVENT").count();
        assert_eq!(begins, 1, "{text}");
        for line in text.split("\r\n") {
            assert!(!line.contains('\r') && !line.contains('\n'), "{line:?}");
            assert!(line.len() <= 75, "not folded: {line:?}");
        }
        let event = parsed.events().next().unwrap();
        assert_eq!(
            event.get_summary(),
            Some("截止:T-1 a\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:x; y, z \\ 会员")
        );
        assert!(text.contains("\\;") && text.contains("\\,") && text.contains("\\n"));
    }

    #[test]
    fn date_deadlines_are_all_day_and_times_are_utc() {
        let files = [
            (
                "tasks/T-1.toml",
                "title = \"日期\"\nowner = \"li.gong\"\ndue = 2026-10-16\n",
            ),
            (
                "tasks/T-2.toml",
                "title = \"时刻\"\nowner = \"li.gong\"\ndue = 2026-10-16T12:00:00+08:00\n",
            ),
        ];
        let (text, parsed) = calendar(&files, None);
        assert!(text.contains("DTSTART;VALUE=DATE:20261016"), "{text}");
        assert!(text.contains("DTEND;VALUE=DATE:20261017"), "{text}");
        assert!(text.contains("DTSTART:20261016T040000Z"), "{text}");
        // The reminder: 09:00 on the third working day before Friday 10-16
        // (10-13), in UTC.
        assert!(
            text.contains("TRIGGER;VALUE=DATE-TIME:20261013T010000Z"),
            "{text}"
        );
        let uids: Vec<&str> = parsed.events().filter_map(|e| e.get_uid()).collect();
        assert_eq!(uids.len(), 2);
        assert!(uids[0].starts_with("task-T-1-due."), "{uids:?}");
    }

    #[test]
    fn uids_are_stable_and_a_person_sees_their_own() {
        let files = [
            (
                "tasks/T-1.toml",
                "title = \"a\"\nowner = \"li.gong\"\ndue = 2026-10-16\n",
            ),
            (
                "tasks/T-2.toml",
                "title = \"b\"\nowner = \"zhao.liu\"\ndue = 2026-10-16\n",
            ),
        ];
        let (first, _) = calendar(&files, None);
        let (second, _) = calendar(&files, None);
        assert_eq!(first, second, "same input, same calendar");
        // Every time stamp is --now, never the wall clock.
        let stamps: Vec<&str> = first
            .split("\r\n")
            .filter(|l| l.starts_with("DTSTAMP"))
            .collect();
        assert_eq!(stamps, ["DTSTAMP:20260924T020000Z"; 2]);
        let (_, mine) = calendar(&files, Some("zhao.liu"));
        let summaries: Vec<&str> = mine.events().filter_map(|e| e.get_summary()).collect();
        assert_eq!(summaries, ["截止:T-2 b"]);
    }
}
