//! W003 late-meeting-notice.

use super::{Context, at};
use crate::diag::Sink;
use crate::evidence::Event;
use crate::messages::Msg;

declare_rule! {
    /// A meeting notice or agenda was sent too late.
    ///
    /// ## What it checks
    /// `notice_at` at least `sla.meeting_notice` before `start` (default
    /// `1d`), or `sla.meeting_notice_major` for `major = true` meetings
    /// (default `3wd`: the notice's date on or before the third working day
    /// before the meeting's date); `agenda_at` at least `sla.agenda_before`
    /// before `start` (default `24h`). A missing notice or agenda fires once
    /// it could no longer be on time.
    ///
    /// ## Why
    /// Seed 000: complex topics get notice 3 working days ahead, and a
    /// reminder one day before; seed 001: the agenda (goals, topics,
    /// participants, pre-reading) 24 hours ahead, so people come prepared.
    ///
    /// ## Fires
    /// A major meeting on Monday 2026-07-06 noticed on Thursday 07-02.
    ///
    /// ## Does not fire
    /// Noticed on Wednesday 07-01 (three working days before: Wed, Thu, Fri).
    "W003", "late-meeting-notice", Warning
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let clock = cx.clock;
    let sla = cx.sla();
    for meeting in &cx.project.meetings {
        if meeting.archived {
            continue;
        }
        let start = clock.event(&meeting.start);
        let notice_sla = if meeting.major {
            sla.meeting_notice_major
        } else {
            sla.meeting_notice
        };
        let checks = [
            (
                notice_sla,
                meeting.notice_at.as_ref(),
                Event::Notice,
                "notice_at",
            ),
            (
                sla.agenda_before,
                meeting.agenda_at.as_ref(),
                Event::Agenda,
                "agenda_at",
            ),
        ];
        for (duration, stated, event, field) in checks {
            let Some(by) = clock.notice_by(start, duration) else {
                continue;
            };
            let required_by = clock.show_notice_by(by);
            let is_notice = field == "notice_at";
            match cx.time_of(&meeting.id, stated, event) {
                Some(sent) if !clock.meets(sent, by) => {
                    let message = if is_notice {
                        Msg::NoticeLate {
                            notice_at: cx.show(sent),
                            required_by,
                            sla: duration,
                        }
                    } else {
                        Msg::AgendaLate {
                            agenda_at: cx.show(sent),
                            required_by,
                            sla: duration,
                        }
                    };
                    let diagnostic = match stated {
                        Some(value) => at(meeting, value, field, message),
                        None => at(meeting, &meeting.start, field, message),
                    };
                    out.emit(diagnostic.closed());
                }
                Some(_) => {}
                None if clock.has_passed(by) => {
                    let message = if is_notice {
                        Msg::NoticeMissing {
                            required_by,
                            sla: duration,
                        }
                    } else {
                        Msg::AgendaMissing {
                            required_by,
                            sla: duration,
                        }
                    };
                    // Once the meeting started, a notice can no longer be
                    // sent: the breach is history.
                    let started = clock.now >= start;
                    out.emit(at(meeting, &meeting.start, field, message).closed_if(started));
                }
                None => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    const NOW: &str = "2026-07-10T10:00:00+08:00";

    fn meeting(major: bool, notice: &str, agenda: &str) -> String {
        format!(
            "title = \"m\"\nmajor = {major}\nstart = 2026-07-06T14:00:00+08:00\nnotice_at = {notice}\nagenda_at = {agenda}\n"
        )
    }

    #[test]
    fn fires_on_a_major_meeting_noticed_less_than_three_working_days_ahead() {
        let late = meeting(
            true,
            "2026-07-02T09:00:00+08:00",
            "2026-07-03T09:00:00+08:00",
        );
        let found = run_rule(&RULE, &[("meetings/M-1.toml", &late)], NOW);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "notice sent 2026-07-02 09:00, later than 3 working days before the start (2026-07-01)"
        );
        assert_eq!(found[0].line, 4);
    }

    #[test]
    fn does_not_fire_on_a_timely_notice_and_agenda() {
        let on_time = meeting(
            true,
            "2026-07-01T17:00:00+08:00",
            "2026-07-03T09:00:00+08:00",
        );
        assert!(run_rule(&RULE, &[("meetings/M-1.toml", &on_time)], NOW).is_empty());
        let fine = meeting(
            false,
            "2026-07-05T14:00:00+08:00",
            "2026-07-05T13:00:00+08:00",
        );
        assert!(run_rule(&RULE, &[("meetings/M-1.toml", &fine)], NOW).is_empty());
    }

    #[test]
    fn a_make_up_sunday_counts_as_a_working_day_before() {
        // Meeting Wednesday 2026-09-23: the working days before are Tue 22,
        // Mon 21 and the make-up Sunday 20, so a Sunday notice is on time.
        let text = "title = \"m\"\nmajor = true\nstart = 2026-09-23T10:00:00+08:00\nnotice_at = 2026-09-20T09:00:00+08:00\nagenda_at = 2026-09-21T09:00:00+08:00\n";
        assert!(
            run_rule(
                &RULE,
                &[("meetings/M-1.toml", text)],
                "2026-09-24T10:00:00+08:00"
            )
            .is_empty()
        );
        let text = text.replace("2026-09-20T09", "2026-09-21T09");
        assert_eq!(
            run_rule(
                &RULE,
                &[("meetings/M-1.toml", &text)],
                "2026-09-24T10:00:00+08:00"
            )
            .len(),
            1
        );
    }

    #[test]
    fn fires_on_an_ordinary_meeting_noticed_less_than_a_day_ahead() {
        let text = meeting(
            false,
            "2026-07-05T15:00:00+08:00",
            "2026-07-05T15:00:00+08:00",
        );
        let found = run_rule(&RULE, &[("meetings/M-1.toml", &text)], NOW);
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "notice sent 2026-07-05 15:00, later than 1 calendar day before the start (2026-07-05 14:00)",
                "agenda sent 2026-07-05 15:00, later than 24 hours before the start (2026-07-05 14:00)"
            ]
        );
    }

    #[test]
    fn fires_on_a_missing_notice_fires_only_once_too_late() {
        let text = "title = \"m\"\nstart = 2026-07-06T14:00:00+08:00\n";
        assert!(
            run_rule(
                &RULE,
                &[("meetings/M-1.toml", text)],
                "2026-07-05T13:00:00+08:00"
            )
            .is_empty()
        );
        let found = run_rule(
            &RULE,
            &[("meetings/M-1.toml", text)],
            "2026-07-05T15:00:00+08:00",
        );
        assert_eq!(found.len(), 2);
        assert!(found[0].message.starts_with("no meeting notice recorded"));
    }
}
