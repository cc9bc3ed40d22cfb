//! S006 calendar-out-of-range.

use std::collections::BTreeSet;

use chrono::Datelike;

use std::ops::Range;

use super::Context;
use crate::calendar::Coverage;
use crate::diag::{Diagnostic, Sink};
use crate::files::FileId;
use crate::messages::Msg;
use crate::model::Item;
use crate::parse::{Sp, When};

declare_rule! {
    /// A date falls in a year the calendar has no holiday data for.
    ///
    /// ## What it checks
    /// Task starts and dues, request dues and submissions, meeting starts
    /// and action-item dues. For a year without data only weekends are days
    /// off, so deadlines that cross a public holiday come out too early.
    /// Reported once per year, at its first use.
    ///
    /// ## Why
    /// China's holidays and make-up working days (调休) are announced each
    /// year; baton's built-in `cn` calendar knows the years it was built
    /// with. Extend it in `calendars/` for later years.
    ///
    /// ## Fires
    /// `due = 2031-05-06` with the built-in `cn` calendar.
    ///
    /// ## Does not fire
    /// `due = 2026-05-06`.
    "S006", "calendar-out-of-range", Warning
}

/// One date written in an item.
struct DateUse<'a> {
    item: &'a str,
    file: FileId,
    span: Range<usize>,
    field: &'static str,
    year: i32,
}

fn uses<'a, T, V>(item: &'a Item<T>, value: &Sp<V>, field: &'static str, year: i32) -> DateUse<'a> {
    DateUse {
        item: &item.id,
        file: item.file,
        span: value.span(),
        field,
        year,
    }
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let calendar = &cx.project.settings.calendar;
    let Coverage::Years(years) = calendar.coverage() else {
        return;
    };
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return;
    };
    let year_of = |w: &When| cx.clock.local_date(cx.clock.deadline(w)).year();

    let mut dates: Vec<DateUse<'_>> = Vec::new();
    for task in &cx.project.tasks {
        if let Some(start) = &task.start {
            dates.push(uses(task, start, "start", start.get().0.year()));
        }
        if let Some(due) = &task.due {
            dates.push(uses(task, due, "due", year_of(due)));
        }
    }
    for request in &cx.project.requests {
        for (value, field) in [
            (&request.submitted_at, "submitted_at"),
            (&request.due, "due"),
        ] {
            if let Some(v) = value {
                dates.push(uses(request, v, field, year_of(v)));
            }
        }
    }
    for meeting in &cx.project.meetings {
        dates.push(uses(
            meeting,
            &meeting.start,
            "start",
            year_of(&meeting.start),
        ));
        for action in meeting.minutes.iter().flat_map(|m| &m.action) {
            if let Some(due) = &action.due {
                dates.push(uses(meeting, due, "minutes.action.due", year_of(due)));
            }
        }
    }

    let mut reported: BTreeSet<i32> = BTreeSet::new();
    for date in dates {
        if years.contains(&date.year) || !reported.insert(date.year) {
            continue;
        }
        let message = Msg::CalendarOutOfRange {
            year: date.year,
            calendar: calendar.id().to_string(),
            first,
            last,
        };
        out.emit(
            Diagnostic::new(
                Some(date.item),
                date.file,
                Some(date.span),
                date.field,
                message,
            )
            .key(date.year.to_string())
            .hint(Msg::CalendarYearHint { year: date.year }),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    const NOW: &str = "2026-07-07T10:00:00+08:00";

    #[test]
    fn fires_once_per_uncovered_year() {
        let found = run_rule(
            &RULE,
            &[
                ("tasks/T-1.toml", "title = \"a\"\ndue = 2031-05-06\n"),
                ("tasks/T-2.toml", "title = \"b\"\ndue = 2031-06-06\n"),
                ("tasks/T-3.toml", "title = \"c\"\nstart = 2003-01-06\n"),
            ],
            NOW,
        );
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[0].item.as_deref(), Some("T-1"));
        assert!(
            found[0]
                .message
                .starts_with("calendar `cn` has no holiday data for 2031 (it covers 2004–2026)")
        );
        assert!(found[1].message.contains("for 2003"));
    }

    #[test]
    fn fires_when_a_calendar_file_only_adds_a_company_day_off() {
        // A company day off in 2027 says nothing of the official schedule.
        let calendar = "extends = \"cn\"\nholidays = [2026-09-11, 2027-06-18]\n";
        let found = run_rule(
            &RULE,
            &[
                ("baton.toml", "[project]\ncalendar = \"acme\"\n"),
                ("calendars/acme.toml", calendar),
                ("tasks/T-1.toml", "title = \"a\"\ndue = 2027-02-26\n"),
            ],
            NOW,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].message.contains("no holiday data for 2027"));
        assert!(
            found[0]
                .hint
                .as_deref()
                .is_some_and(|h| h.contains("baton calendar import 2027.json")),
            "{found:#?}"
        );
    }

    #[test]
    fn does_not_fire_for_a_year_a_calendar_file_declares() {
        let calendar = "extends = \"cn\"\nyears = [2027]\nholidays = [{ from = 2027-02-06, to = 2027-02-14, name = \"春节\" }]\nworkdays = [2027-02-20]\n";
        let found = run_rule(
            &RULE,
            &[
                ("baton.toml", "[project]\ncalendar = \"acme\"\n"),
                ("calendars/acme.toml", calendar),
                ("tasks/T-1.toml", "title = \"a\"\ndue = 2027-02-26\n"),
            ],
            NOW,
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn does_not_fire_inside_the_data_or_for_weekly_calendars() {
        assert!(
            run_rule(
                &RULE,
                &[("tasks/T-1.toml", "title = \"a\"\ndue = 2026-05-06\n")],
                NOW
            )
            .is_empty()
        );
        let baton = "[project]\ncalendar = \"weekdays\"\n";
        assert!(
            run_rule(
                &RULE,
                &[
                    ("baton.toml", baton),
                    ("tasks/T-1.toml", "title = \"a\"\ndue = 2031-05-06\n")
                ],
                NOW
            )
            .is_empty()
        );
    }
}
