//! W004 minutes-late.

use super::{Context, at};
use crate::diag::Sink;
use crate::evidence::Event;
use crate::messages::Msg;

declare_rule! {
    /// No minutes were published within `sla.minutes` of a meeting's end.
    ///
    /// ## What it checks
    /// `[minutes] published_at` no later than `sla.minutes` (default `24h`)
    /// after `end` (or `start` when the meeting has no end). Fires when the
    /// minutes came late, and when there are none and the deadline passed.
    /// Minutes without `published_at` count as published at the commit that
    /// added them when history is available, else as on time.
    ///
    /// ## Why
    /// Seeds 000 and 002: the organizer sends the minutes — decisions, to-dos,
    /// owners and deadlines — within 24 hours, so that nobody acts on their
    /// own memory of the meeting (seed 001 asks for 2 hours; configure it).
    ///
    /// ## Fires
    /// A meeting ending 2026-07-06 15:30 without minutes, checked on
    /// 2026-07-07 at 16:00.
    ///
    /// ## Does not fire
    /// Minutes `published_at = 2026-07-06T18:00:00+08:00`.
    "W004", "minutes-late", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let clock = cx.clock;
    let sla = cx.sla().minutes;
    for meeting in &cx.project.meetings {
        if meeting.archived {
            continue;
        }
        let end = clock.event(meeting.end.as_ref().unwrap_or(&meeting.start));
        let Some(deadline) = clock.after(end, sla) else {
            continue;
        };
        let stated = meeting
            .minutes
            .as_ref()
            .and_then(|m| m.published_at.as_ref());
        match cx.time_of(&meeting.id, stated, Event::MinutesPublished) {
            Some(published) if published > deadline => {
                let message = Msg::MinutesLate {
                    published_at: cx.show(published),
                    deadline: cx.show(deadline),
                    sla,
                };
                let diagnostic = match (stated, &meeting.minutes) {
                    (Some(value), _) => at(meeting, value, "minutes", message),
                    (None, Some(minutes)) => at(meeting, minutes, "minutes", message),
                    (None, None) => at(meeting, &meeting.start, "minutes", message),
                };
                out.emit(diagnostic.closed());
            }
            Some(_) => {}
            None if meeting.minutes.is_none() && clock.now > deadline => {
                let anchor = meeting.end.as_ref().unwrap_or(&meeting.start);
                out.emit(at(
                    meeting,
                    anchor,
                    "minutes",
                    Msg::MinutesMissing {
                        end: cx.show(end),
                        deadline: cx.show(deadline),
                        sla,
                    },
                ));
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    const MEETING: &str =
        "title = \"m\"\nstart = 2026-07-06T14:00:00+08:00\nend = 2026-07-06T15:30:00+08:00\n";

    #[test]
    fn fires_when_minutes_are_missing_after_24_hours() {
        let found = run_rule(
            &RULE,
            &[("meetings/M-1.toml", MEETING)],
            "2026-07-07T16:00:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "meeting ended 2026-07-06 15:30 and no minutes were published within 24 hours (by 2026-07-07 15:30)"
        );
        assert_eq!(found[0].line, 3);
        assert!(
            run_rule(
                &RULE,
                &[("meetings/M-1.toml", MEETING)],
                "2026-07-07T15:00:00+08:00"
            )
            .is_empty()
        );
    }

    #[test]
    fn fires_on_late_minutes() {
        let text = format!("{MEETING}[minutes]\npublished_at = 2026-07-08T09:00:00+08:00\n");
        let found = run_rule(
            &RULE,
            &[("meetings/M-1.toml", &text)],
            "2026-07-09T10:00:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .message
                .starts_with("minutes published 2026-07-08 09:00, after the deadline")
        );
    }

    #[test]
    fn a_working_day_sla_skips_the_weekend() {
        let baton = format!("{}[sla]\nminutes = \"1wd\"\n", crate::testing::BATON);
        // Friday meeting, minutes on Monday: on time under 1wd.
        let text = "title = \"m\"\nstart = 2026-07-03T14:00:00+08:00\n[minutes]\npublished_at = 2026-07-06T11:00:00+08:00\n";
        assert!(
            run_rule(
                &RULE,
                &[("baton.toml", &baton), ("meetings/M-1.toml", text)],
                "2026-07-09T10:00:00+08:00"
            )
            .is_empty()
        );
    }

    #[test]
    fn does_not_fire_on_timely_minutes_or_future_meetings() {
        let text = format!("{MEETING}[minutes]\npublished_at = 2026-07-06T18:00:00+08:00\n");
        assert!(
            run_rule(
                &RULE,
                &[("meetings/M-1.toml", &text)],
                "2026-07-09T10:00:00+08:00"
            )
            .is_empty()
        );
        assert!(
            run_rule(
                &RULE,
                &[("meetings/M-1.toml", MEETING)],
                "2026-07-01T10:00:00+08:00"
            )
            .is_empty()
        );
    }
}
