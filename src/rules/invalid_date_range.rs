//! S005 invalid-date-range.

use super::{Context, at};
use crate::diag::Sink;
use crate::messages::Msg;

declare_rule! {
    /// A date range ends before it starts.
    ///
    /// ## What it checks
    /// A task due before its `start` or before the project's start; a
    /// meeting that ends before it starts; a request due before it was
    /// submitted.
    ///
    /// ## Why
    /// Such a range is a typo, and every deadline computed from it is wrong.
    ///
    /// ## Fires
    /// ```toml
    /// start = 2026-07-10
    /// due = 2026-07-08
    /// ```
    ///
    /// ## Does not fire
    /// ```toml
    /// start = 2026-07-06
    /// due = 2026-07-08
    /// ```
    "S005", "invalid-date-range", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let clock = cx.clock;
    let project_start = cx.project.settings.start;
    for task in &cx.project.tasks {
        let Some(due) = &task.due else { continue };
        let due_date = clock.local_date(clock.deadline(due));
        let starts = [
            task.start.as_ref().map(|s| (s.get().0, "start")),
            project_start.map(|s| (s, "project.start")),
        ];
        if let Some((start, start_field)) = starts
            .into_iter()
            .flatten()
            .find(|(start, _)| due_date < *start)
        {
            out.emit(
                at(
                    task,
                    due,
                    "due",
                    Msg::DateBeforeStart {
                        field: "due".into(),
                        date: due_date.to_string(),
                        start_field: start_field.into(),
                        start: start.to_string(),
                    },
                )
                .key(start_field),
            );
        }
    }
    for meeting in &cx.project.meetings {
        let Some(end) = &meeting.end else { continue };
        let (start_t, end_t) = (clock.event(&meeting.start), clock.event(end));
        if end_t < start_t {
            out.emit(at(
                meeting,
                end,
                "end",
                Msg::DateBeforeStart {
                    field: "end".into(),
                    date: cx.show(end_t),
                    start_field: "start".into(),
                    start: cx.show(start_t),
                },
            ));
        }
    }
    for request in &cx.project.requests {
        let (Some(due), Some(submitted)) = (&request.due, &request.submitted_at) else {
            continue;
        };
        let (due_t, submitted_t) = (clock.deadline(due), clock.event(submitted));
        if due_t < submitted_t {
            out.emit(at(
                request,
                due,
                "due",
                Msg::DateBeforeStart {
                    field: "due".into(),
                    date: cx.show(due_t),
                    start_field: "submitted_at".into(),
                    start: cx.show(submitted_t),
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{BATON, run_rule};

    const NOW: &str = "2026-07-07T10:00:00+08:00";

    #[test]
    fn fires_on_due_before_start_and_end_before_start() {
        let found = run_rule(
            &RULE,
            &[
                (
                    "tasks/T-1.toml",
                    "title = \"a\"\nstart = 2026-07-10\ndue = 2026-07-08\n",
                ),
                (
                    "meetings/M-1.toml",
                    "title = \"m\"\nstart = 2026-07-06T14:00:00+08:00\nend = 2026-07-06T13:00:00+08:00\n",
                ),
                (
                    "requests/R-1.toml",
                    "title = \"r\"\nfrom = { department = \"mkt\" }\nsubmitted_at = 2026-07-06T10:00:00+08:00\ndue = 2026-07-03\n",
                ),
            ],
            NOW,
        );
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`due` 2026-07-08 is before `start` 2026-07-10",
                "`end` 2026-07-06 13:00 is before `start` 2026-07-06 14:00",
                "`due` 2026-07-03 18:00 is before `submitted_at` 2026-07-06 10:00",
            ]
        );
    }

    #[test]
    fn fires_on_due_before_project_start() {
        let baton = format!("{BATON}start = 2026-07-01\n");
        let found = run_rule(
            &RULE,
            &[
                ("baton.toml", &baton),
                ("tasks/T-1.toml", "title = \"a\"\ndue = 2026-06-30\n"),
            ],
            NOW,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "`due` 2026-06-30 is before `project.start` 2026-07-01"
        );
    }

    #[test]
    fn does_not_fire_on_ordered_ranges_and_same_day() {
        let found = run_rule(
            &RULE,
            &[
                (
                    "tasks/T-1.toml",
                    "title = \"a\"\nstart = 2026-07-08\ndue = 2026-07-08\n",
                ),
                (
                    "meetings/M-1.toml",
                    "title = \"m\"\nstart = 2026-07-06T14:00:00+08:00\nend = 2026-07-06T15:30:00+08:00\n",
                ),
            ],
            NOW,
        );
        assert!(found.is_empty(), "{found:#?}");
    }
}
