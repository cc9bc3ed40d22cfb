//! G001 backdated-timestamp.

use chrono::{Days, NaiveTime};

use super::{Context, at};
use crate::diag::Sink;
use crate::messages::Msg;
use crate::model::{Item, meeting_times, request_times, task_times};
use crate::parse::{Sp, When};

declare_rule! {
    /// A recorded time is more than a day earlier than the commit that
    /// first recorded it.
    ///
    /// ## What it checks
    /// Every stated time of an item — `submitted_at`, a response's `at`,
    /// `blocked.since`, `escalated_at`, `delivered_at`, a review's `at`,
    /// `published_at`, `confirmed_at`, update times, notices — against the
    /// time of the first commit (on the first-parent history) that held that
    /// value. A bare date counts as the end of its day. Needs git history;
    /// values already present at a shallow clone's first commit are not
    /// judged.
    ///
    /// ## Why
    /// Every deadline rule trusts the times written in the files. A response
    /// "at" Monday committed on Thursday makes a late acknowledgement look
    /// on time; the repository's history is the witness.
    ///
    /// ## Fires
    /// `at = 2026-07-01T15:00:00+08:00` first committed on 2026-07-03.
    ///
    /// ## Does not fire
    /// The same committed on 2026-07-02 at 10:00 (within a day).
    "G001", "backdated-timestamp", Warning
}

fn judge<T>(cx: &Context<'_>, out: &mut Sink<'_>, item: &Item<T>, times: Vec<(String, &Sp<When>)>) {
    for (field, value) in times {
        let Some(recorded) = cx.evidence.recorded(&item.id, &field) else {
            continue;
        };
        let Some(first) = recorded.at else { continue };
        if recorded.value != value.get().to_string() {
            continue;
        }
        // The latest moment the stated value can mean.
        let stated = match value.get() {
            When::Date(d) => d
                .checked_add_days(Days::new(1))
                .map(|next| cx.clock.at(next, NaiveTime::MIN))
                .unwrap_or_else(|| cx.clock.event(value.get())),
            other => cx.clock.event(other),
        };
        if first.signed_duration_since(stated) > chrono::Duration::hours(24) {
            let message = Msg::Backdated {
                field: field.clone(),
                stated: value.get().to_string(),
                recorded: cx.show(first),
            };
            out.emit(at(item, value, &field, message));
        }
    }
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    if cx.evidence.is_empty() {
        return;
    }
    for task in &cx.project.tasks {
        judge(cx, out, task, task_times(task));
    }
    for request in &cx.project.requests {
        judge(cx, out, request, request_times(request));
    }
    for meeting in &cx.project.meetings {
        judge(cx, out, meeting, meeting_times(meeting));
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::evidence::Evidence;
    use crate::testing::{project, run_rule_with};

    const REQUEST: &str = "title = \"r\"\nfrom = { department = \"mkt\" }\nsubmitted_at = 2026-07-01T15:00:00+08:00\n";

    fn evidence(recorded_at: &str) -> Evidence {
        let tz = chrono_tz::Asia::Shanghai;
        let mut evidence = Evidence::none();
        let at = crate::time::parse_now(recorded_at, tz).unwrap();
        evidence.note_value(
            "R-1",
            "submitted_at",
            "2026-07-01T15:00:00+08:00".into(),
            Some(at),
        );
        evidence
    }

    #[test]
    fn fires_when_first_committed_more_than_a_day_later() {
        let project = project(&[("requests/R-1.toml", REQUEST)]);
        let found = run_rule_with(
            &RULE,
            &project,
            &evidence("2026-07-03T09:00:00+08:00"),
            "2026-07-07T10:00:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].field, "submitted_at");
        assert!(
            found[0].message.starts_with(
                "`submitted_at` says 2026-07-01T15:00:00+08:00, more than a day before"
            )
        );
    }

    #[test]
    fn does_not_fire_within_a_day_or_without_history() {
        let project = project(&[("requests/R-1.toml", REQUEST)]);
        assert!(
            run_rule_with(
                &RULE,
                &project,
                &evidence("2026-07-02T10:00:00+08:00"),
                "2026-07-07T10:00:00+08:00"
            )
            .is_empty()
        );
        assert!(
            run_rule_with(
                &RULE,
                &project,
                &Evidence::none(),
                "2026-07-07T10:00:00+08:00"
            )
            .is_empty()
        );
    }
}
