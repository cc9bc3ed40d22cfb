//! O003 action-item-incomplete.

use super::{Context, on_action};
use crate::diag::Sink;
use crate::messages::Msg;
use crate::model::filled;

declare_rule! {
    /// An action item lacks an owner or a due date.
    ///
    /// ## What it checks
    /// Every action item names its `owner` and its `due`: a meeting's
    /// `[[minutes.action]]` and a communication record's `[[action]]`.
    ///
    /// ## Why
    /// Seeds 000 and 001: minutes state each to-do with its responsible
    /// person and deadline (责任主体、时间节点); an action without them is
    /// a wish, not a commitment.
    ///
    /// ## Fires
    /// ```toml
    /// [[minutes.action]]
    /// title = "补充用户场景文档"
    /// ```
    ///
    /// ## Does not fire
    /// ```toml
    /// [[minutes.action]]
    /// title = "补充用户场景文档"
    /// owner = "zhang.jingli"
    /// due = 2026-07-07
    /// ```
    "O003", "action-item-incomplete", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    for found in cx.project.action_items() {
        let action = found.action;
        let mut missing = Vec::new();
        if filled(&action.owner).is_none() {
            missing.push("owner".to_string());
        }
        if action.due.is_none() {
            missing.push("due".to_string());
        }
        if missing.is_empty() {
            continue;
        }
        let message = Msg::ActionIncomplete {
            title: action.title.to_string(),
            missing,
        };
        out.emit(on_action(&found, action.span(), message));
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{line_of, run_rule};

    const NOW: &str = "2026-07-07T10:00:00+08:00";
    const MEETING: &str = "title = \"m\"\nstart = 2026-07-06T14:00:00+08:00\n[minutes]\n";

    #[test]
    fn fires_per_incomplete_action() {
        let text = format!(
            "{MEETING}[[minutes.action]]\ntitle = \"补充文档\"\n[[minutes.action]]\ntitle = \"排期\"\nowner = \"li.gong\"\n"
        );
        let found = run_rule(&RULE, &[("meetings/M-1.toml", &text)], NOW);
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "action item \"补充文档\" has no owner and no due",
                "action item \"排期\" has no due"
            ]
        );
        assert_eq!(found[0].line, line_of(&text, "[[minutes.action]]"));
    }

    #[test]
    fn fires_on_a_communication_records_actions() {
        let text = "topic = \"排查\"\nat = 2026-07-06T10:00:00+08:00\n[[action]]\ntitle = \"给出原因\"\nowner = \"li.gong\"\n";
        let found = run_rule(&RULE, &[("comms/COM-1.toml", text)], NOW);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].field, "action");
        assert_eq!(found[0].item.as_deref(), Some("COM-1"));
        assert!(found[0].message.contains("due"), "{}", found[0].message);
    }

    #[test]
    fn does_not_fire_on_complete_actions() {
        let text = format!(
            "{MEETING}[[minutes.action]]\ntitle = \"x\"\nowner = \"li.gong\"\ndue = 2026-07-08\n"
        );
        assert!(run_rule(&RULE, &[("meetings/M-1.toml", &text)], NOW).is_empty());
    }
}
