//! D008 meeting-on-non-working-day.

use super::{Context, at, day_off};
use crate::diag::Sink;
use crate::messages::Msg;

declare_rule! {
    /// A meeting is called on a weekend or holiday, or its minutes fall due
    /// on one.
    ///
    /// ## What it checks
    /// The local date of a meeting's `start`, on the project calendar
    /// (official holidays are days off, make-up working days are working
    /// days); and, while its minutes are not published, the date
    /// `sla.minutes` after its end, when that service level is in clock
    /// hours or calendar days and lands on a holiday. (Minutes of a Friday
    /// meeting falling due on Saturday are not reported: every team knows
    /// the weekend; a holiday week is what gets forgotten.) Archived
    /// meetings are not checked.
    ///
    /// ## Why
    /// Seed 000 has meetings called with notice and minutes sent within 24
    /// hours so that everyone acts on the same decisions the next working
    /// day. A meeting during the Spring Festival has nobody in the room,
    /// and minutes due on a holiday are in practice late; either the date
    /// is a mistake or the service level needs working days (`"1wd"`).
    ///
    /// ## Fires
    /// A meeting on Monday 2027-02-08 inside the Spring Festival; a meeting
    /// ending Wednesday 2026-09-30 17:00, whose minutes (`24h`) fall due on
    /// National Day, 10-01.
    ///
    /// ## Does not fire
    /// A meeting on Sunday 2026-09-20, a make-up working day; or with
    /// `sla.minutes = "1wd"`.
    "D008", "meeting-on-non-working-day", Warning
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let clock = cx.clock;
    let calendar = &cx.project.settings.calendar;
    let sla = cx.sla().minutes;
    for meeting in &cx.project.meetings {
        if meeting.archived {
            continue;
        }
        let start = clock.event(&meeting.start);
        let start_day = clock.local_date(start);
        if let Some(reason) = day_off(calendar, start_day) {
            out.emit(at(
                meeting,
                &meeting.start,
                "start",
                Msg::MeetingOnNonWorkingDay {
                    date: start_day.to_string(),
                    reason: Box::new(reason),
                },
            ));
            // Its minutes' date follows from a date that is wrong already.
            continue;
        }
        if meeting.minutes.is_some() || matches!(sla, crate::time::Duration::WorkingDays(_)) {
            continue;
        }
        let end = clock.event(meeting.end.as_ref().unwrap_or(&meeting.start));
        let Some(due) = clock.after(end, sla) else {
            continue;
        };
        if let Some(reason @ Msg::DayOff { .. }) = day_off(calendar, clock.local_date(due)) {
            let anchor = meeting.end.as_ref().unwrap_or(&meeting.start);
            out.emit(
                at(
                    meeting,
                    anchor,
                    "minutes",
                    Msg::MinutesDueOnNonWorkingDay {
                        due: cx.show(due),
                        sla,
                        reason: Box::new(reason),
                    },
                )
                .hint(Msg::MinutesDueHint),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    const NOW: &str = "2026-09-01T10:00:00+08:00";

    fn meeting(start: &str, end: &str) -> String {
        format!("title = \"周会\"\norganizer = \"zhang.jingli\"\nstart = {start}\nend = {end}\n")
    }

    #[test]
    fn fires_on_a_meeting_during_a_holiday() {
        let found = run_rule(
            &RULE,
            &[(
                "meetings/M-1.toml",
                &meeting("2026-10-05T10:00:00+08:00", "2026-10-05T11:00:00+08:00"),
            )],
            NOW,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "the meeting is on 2026-10-05, which is not a working day (National Day)"
        );
        assert_eq!(found[0].field, "start");
    }

    #[test]
    fn fires_when_the_minutes_fall_due_on_a_holiday() {
        // Ends Wednesday 09-30 17:00: 24 hours later is National Day.
        let found = run_rule(
            &RULE,
            &[(
                "meetings/M-1.toml",
                &meeting("2026-09-30T16:00:00+08:00", "2026-09-30T17:00:00+08:00"),
            )],
            NOW,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0]
                .message
                .starts_with("its minutes fall due 2026-10-01 17:00 (24 hours after the end)"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn does_not_fire_on_make_up_days_or_working_day_service_levels() {
        // Sunday 2026-09-20 is a make-up working day (minutes due Monday).
        let saturday = meeting("2026-09-20T10:00:00+08:00", "2026-09-20T11:00:00+08:00");
        assert!(run_rule(&RULE, &[("meetings/M-1.toml", &saturday)], NOW).is_empty());
        let baton = format!("{}[sla]\nminutes = \"1wd\"\n", crate::testing::BATON);
        let before_holiday = meeting("2026-09-30T16:00:00+08:00", "2026-09-30T17:00:00+08:00");
        assert!(
            run_rule(
                &RULE,
                &[
                    ("baton.toml", &baton),
                    ("meetings/M-1.toml", &before_holiday)
                ],
                NOW
            )
            .is_empty()
        );
        // Minutes already published: their date no longer matters.
        let published =
            format!("{before_holiday}[minutes]\npublished_at = 2026-09-30T18:00:00+08:00\n");
        assert!(run_rule(&RULE, &[("meetings/M-1.toml", &published)], NOW).is_empty());
    }
}
