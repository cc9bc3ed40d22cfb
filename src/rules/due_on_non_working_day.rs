//! D005 due-on-non-working-day.

use super::{Context, at};
use crate::diag::Sink;
use crate::messages::Msg;
use crate::parse::{Sp, When};

declare_rule! {
    /// A due date falls on a weekend or holiday.
    ///
    /// ## What it checks
    /// The `due` of tasks, requests and action items, on the project
    /// calendar: official holidays are days off, make-up working days (调休)
    /// are working days. Cancelled and archived items are not checked.
    ///
    /// ## Why
    /// Nobody delivers on a day off: a deadline on one is in practice the
    /// working day before or after, and people will disagree which.
    ///
    /// ## Fires
    /// `due = 2026-10-03` (National Day), `due = 2026-07-04` (a Saturday).
    ///
    /// ## Does not fire
    /// `due = 2026-10-10`: a Saturday, but a make-up working day in 2026.
    "D005", "due-on-non-working-day", Warning
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let reason = |due: &Sp<When>| -> Option<Msg> {
        let date = cx.clock.local_date(cx.clock.deadline(due));
        let reason = super::day_off(&cx.project.settings.calendar, date)?;
        Some(Msg::DueOnNonWorkingDay {
            date: date.to_string(),
            reason: Box::new(reason),
        })
    };
    for task in &cx.project.tasks {
        if task.archived || task.status() == crate::model::TaskStatus::Cancelled {
            continue;
        }
        if let Some(due) = &task.due
            && let Some(message) = reason(due)
        {
            out.emit(at(task, due, "due", message));
        }
    }
    for request in &cx.project.requests {
        if request.archived {
            continue;
        }
        if let Some(due) = &request.due
            && let Some(message) = reason(due)
        {
            out.emit(at(request, due, "due", message));
        }
    }
    for meeting in &cx.project.meetings {
        if meeting.archived {
            continue;
        }
        for action in meeting.minutes.iter().flat_map(|m| &m.action) {
            if let Some(due) = &action.due
                && let Some(message) = reason(due)
            {
                out.emit(
                    at(meeting, due, "minutes.action.due", message).key(action.title.as_str()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    const NOW: &str = "2026-07-07T10:00:00+08:00";

    fn task(due: &str) -> String {
        format!("title = \"a\"\nowner = \"li.gong\"\ndue = {due}\n")
    }

    #[test]
    fn fires_on_weekends_and_holidays() {
        let found = run_rule(
            &RULE,
            &[
                ("tasks/T-1.toml", &task("2026-07-04")),
                ("tasks/T-2.toml", &task("2026-10-03")),
            ],
            NOW,
        );
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "due date 2026-07-04 is not a working day (weekend)",
                "due date 2026-10-03 is not a working day (National Day)"
            ]
        );
    }

    #[test]
    fn fires_on_a_company_day_off_named_as_a_holiday_not_a_weekend() {
        // A Wednesday off in a calendar file, without and with a name.
        let calendar = "extends = \"cn\"\nholidays = [2026-07-08, { from = 2026-07-15, to = 2026-07-15, name = \"司庆日\" }]\n";
        let baton = "[project]\ncalendar = \"acme\"\nlocale = \"zh-CN\"\n";
        let project = crate::testing::project(&[
            ("baton.toml", baton),
            ("calendars/acme.toml", calendar),
            ("tasks/T-1.toml", &task("2026-07-08")),
            ("tasks/T-2.toml", &task("2026-07-15")),
        ]);
        let found =
            crate::testing::run_rule_with(&RULE, &project, &crate::evidence::Evidence::none(), NOW);
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "due date 2026-07-08 is not a working day (holiday)",
                "due date 2026-07-15 is not a working day (司庆日)"
            ]
        );
        let zh: Vec<String> = found
            .iter()
            .map(|f| f.message_in(crate::messages::Lang::Zh))
            .collect();
        assert_eq!(zh[0], "截止日期 2026-07-08 不是工作日(休息日)");
    }

    #[test]
    fn fires_on_a_weekday_holiday_and_an_action_item() {
        // Friday 2026-09-25 is the Mid-Autumn Festival.
        let meeting = "title = \"m\"\nstart = 2026-09-01T10:00:00+08:00\n[minutes]\n[[minutes.action]]\ntitle = \"x\"\nowner = \"li.gong\"\ndue = 2026-09-25\n";
        let found = run_rule(&RULE, &[("meetings/M-1.toml", meeting)], NOW);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "due date 2026-09-25 is not a working day (Mid-Autumn Festival)"
        );
    }

    #[test]
    fn does_not_fire_on_make_up_working_days_or_weekdays() {
        // Saturday 2026-10-10 and Sunday 2026-09-20 are make-up working days.
        let found = run_rule(
            &RULE,
            &[
                ("tasks/T-1.toml", &task("2026-10-10")),
                ("tasks/T-2.toml", &task("2026-09-20")),
                ("tasks/T-3.toml", &task("2026-07-08")),
            ],
            NOW,
        );
        assert!(found.is_empty(), "{found:#?}");
    }
}
