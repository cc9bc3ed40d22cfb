//! Q003 agenda-untimed.

use super::{Context, at};
use crate::diag::Sink;
use crate::messages::Msg;

declare_rule! {
    /// An agenda item has no time box.
    ///
    /// ## What it checks
    /// Every `[[agenda]]` item states its `minutes`.
    ///
    /// ## Why
    /// Seed 000: the chair keeps each topic to its allotted time (每项议题不
    /// 超过原定时长1.5倍); the notice lists topics with their minutes, as in
    /// "市场部Q3用户需求反馈(15分钟)".
    ///
    /// ## Fires
    /// ```toml
    /// [[agenda]]
    /// topic = "需求优先级排序"
    /// ```
    ///
    /// ## Does not fire
    /// The same with `minutes = 25`.
    "Q003", "agenda-untimed", Info
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    for meeting in &cx.project.meetings {
        for item in &meeting.agenda {
            if item.minutes.is_none() {
                let topic = item.topic.to_string();
                out.emit(
                    at(
                        meeting,
                        item,
                        "agenda.minutes",
                        Msg::AgendaUntimed {
                            topic: topic.clone(),
                        },
                    )
                    .key(topic)
                    .hint(Msg::AgendaUntimedHint),
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
    const MEETING: &str = "title = \"m\"\nstart = 2026-07-06T14:00:00+08:00\n";

    #[test]
    fn fires_on_untimed_items() {
        let text = format!(
            "{MEETING}[[agenda]]\ntopic = \"需求反馈\"\nminutes = 15\n[[agenda]]\ntopic = \"排期\"\n"
        );
        let found = run_rule(&RULE, &[("meetings/M-1.toml", &text)], NOW);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "agenda item \"排期\" has no time box");
        assert_eq!(found[0].line, 6);
    }

    #[test]
    fn does_not_fire_on_timed_items() {
        let text = format!("{MEETING}[[agenda]]\ntopic = \"需求反馈\"\nminutes = 15\n");
        assert!(run_rule(&RULE, &[("meetings/M-1.toml", &text)], NOW).is_empty());
    }
}
