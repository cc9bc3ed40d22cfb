//! W005 action-not-confirmed.

use super::{Context, at};
use crate::diag::Sink;
use crate::evidence::Event;
use crate::messages::Msg;

declare_rule! {
    /// An action owner has not confirmed the action item in time.
    ///
    /// ## What it checks
    /// Each action item with an owner in published minutes has
    /// `confirmed_at` within `sla.action_confirm` (default `1wd`) of
    /// `minutes.published_at`. Fires when the confirmation is late, and when
    /// it is missing after the deadline.
    ///
    /// ## Why
    /// Seed 000: the owner of a to-do confirms within 1 working day of the
    /// minutes whether they accept it, and raises objections at once
    /// (待办事项负责人需在纪要发出后1个工作日确认是否接受任务).
    ///
    /// ## Fires
    /// Minutes published Friday 2026-07-03 18:00; no confirmation by Monday
    /// 2026-07-06 18:00.
    ///
    /// ## Does not fire
    /// `confirmed_at = 2026-07-06T10:00:00+08:00`.
    "W005", "action-not-confirmed", Warning
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let clock = cx.clock;
    let sla = cx.sla().action_confirm;
    for meeting in &cx.project.meetings {
        if meeting.archived {
            continue;
        }
        let Some(minutes) = &meeting.minutes else {
            continue;
        };
        let Some(published) = cx.time_of(
            &meeting.id,
            minutes.published_at.as_ref(),
            Event::MinutesPublished,
        ) else {
            continue;
        };
        let Some(deadline) = clock.after(published, sla) else {
            continue;
        };
        for action in &minutes.action {
            let Some(owner) = action.owner.as_ref().filter(|o| !o.trim().is_empty()) else {
                continue;
            };
            let title = action.title.to_string();
            let event = Event::ActionConfirmed(title.clone());
            let confirmed = cx.time_of(&meeting.id, action.confirmed_at.as_ref(), event);
            let message = match confirmed {
                Some(t) if t > deadline => Msg::ActionConfirmedLate {
                    title: title.clone(),
                    owner: owner.to_string(),
                    at: cx.show(t),
                    deadline: cx.show(deadline),
                    sla,
                },
                Some(_) => continue,
                None if clock.now > deadline => Msg::ActionNotConfirmed {
                    title: title.clone(),
                    owner: owner.to_string(),
                    deadline: cx.show(deadline),
                    sla,
                },
                None => continue,
            };
            let diagnostic = match &action.confirmed_at {
                Some(value) => at(meeting, value, "minutes.action.confirmed_at", message),
                None => at(meeting, action, "minutes.action.confirmed_at", message),
            };
            out.emit(diagnostic.key(title).closed_if(confirmed.is_some()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    fn meeting(confirmed: &str) -> String {
        format!(
            "title = \"m\"\nstart = 2026-07-03T14:00:00+08:00\n[minutes]\npublished_at = 2026-07-03T18:00:00+08:00\n[[minutes.action]]\ntitle = \"补充文档\"\nowner = \"zhang.jingli\"\ndue = 2026-07-08\n{confirmed}"
        )
    }

    #[test]
    fn fires_after_the_next_working_day() {
        let text = meeting("");
        let found = run_rule(
            &RULE,
            &[("meetings/M-1.toml", &text)],
            "2026-07-06T18:01:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "`zhang.jingli` has not confirmed action item \"补充文档\"; confirmation was due within 1 working day of the minutes, by 2026-07-06 18:00"
        );
        assert!(
            run_rule(
                &RULE,
                &[("meetings/M-1.toml", &text)],
                "2026-07-06T17:00:00+08:00"
            )
            .is_empty()
        );
    }

    #[test]
    fn fires_on_a_late_confirmation() {
        let text = meeting("confirmed_at = 2026-07-07T09:00:00+08:00\n");
        let found = run_rule(
            &RULE,
            &[("meetings/M-1.toml", &text)],
            "2026-07-08T10:00:00+08:00",
        );
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .message
                .contains("confirmed action item \"补充文档\" at 2026-07-07 09:00")
        );
    }

    #[test]
    fn does_not_fire_when_confirmed_in_time_or_unpublished() {
        let text = meeting("confirmed_at = 2026-07-06T10:00:00+08:00\n");
        assert!(
            run_rule(
                &RULE,
                &[("meetings/M-1.toml", &text)],
                "2026-07-08T10:00:00+08:00"
            )
            .is_empty()
        );
        let unpublished = meeting("").replace("published_at = 2026-07-03T18:00:00+08:00\n", "");
        assert!(
            run_rule(
                &RULE,
                &[("meetings/M-1.toml", &unpublished)],
                "2026-07-08T10:00:00+08:00"
            )
            .is_empty()
        );
    }
}
