//! Texts about waivers (`[[waiver]]`): what is wrong with one (Q004), and
//! how a waived finding is shown. Kept apart from the main catalogue so a
//! feature's texts live together; [`super::Msg::Waiver`] carries them.

/// A message about a waiver.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // each variant's text is its documentation, below
pub enum WaiverMsg {
    /// The rule named is not a rule.
    UnknownRule {
        rule: String,
    },
    /// The rule may not be waived (authority and history rules).
    NotWaivable {
        rule: String,
    },
    /// A waiver in `baton.toml` that names no item.
    NoItem,
    /// The item named does not exist.
    UnknownItem {
        item: String,
    },
    /// A waiver in one item's file naming another item.
    OtherItem {
        item: String,
        here: String,
    },
    /// The waiver's last day has passed.
    Expired {
        until: String,
    },
    /// `by` names no person.
    UnknownPerson {
        by: String,
    },
    /// `by` may not waive findings on this item.
    NotEntitled {
        by: String,
        key: String,
        allowed: Vec<String>,
    },
    /// No finding of that rule on that item.
    Unused {
        rule: String,
        item: String,
    },
    /// The hint for an expired or unused waiver.
    RemoveHint,
    /// How a waived finding is annotated.
    Waived {
        by: String,
        until: Option<String>,
        reason: String,
    },
    /// The audit's waiver table: heading, columns, and a waiver's state.
    AuditHeading {
        count: usize,
    },
    AuditColumns,
    State {
        holds: bool,
    },
}

impl WaiverMsg {
    /// The English text.
    pub fn en(&self) -> String {
        match self {
            WaiverMsg::UnknownRule { rule } => {
                format!("the waiver names `{rule}`, which is not a rule (see `baton explain`)")
            }
            WaiverMsg::NotWaivable { rule } => format!(
                "rule {rule} cannot be waived: it judges who changed what, which an approved change request decides, not a waiver"
            ),
            WaiverMsg::NoItem => {
                "a waiver in baton.toml must name the `item` whose finding it accepts".into()
            }
            WaiverMsg::UnknownItem { item } => {
                format!("the waiver names item `{item}`, which does not exist")
            }
            WaiverMsg::OtherItem { item, here } => format!(
                "the waiver in {here}'s file names item `{item}`: an item's file waives only its own findings"
            ),
            WaiverMsg::Expired { until } => {
                format!("the waiver lapsed after {until}: its finding is reported again")
            }
            WaiverMsg::UnknownPerson { by } => {
                format!("the waiver is given by `{by}`, who is not in org.toml")
            }
            WaiverMsg::NotEntitled { by, key, allowed } => {
                let who = if allowed.is_empty() {
                    "an admin".to_string()
                } else {
                    format!("{} or an admin", allowed.join(", "))
                };
                format!("`{by}` may not waive findings here ({key}): only {who} may")
            }
            WaiverMsg::Unused { rule, item } => {
                format!("the waiver of {rule} on {item} matches no finding")
            }
            WaiverMsg::RemoveHint => {
                "remove the waiver, or renew it with a new `until` and a reason that still holds"
                    .into()
            }
            WaiverMsg::Waived { by, until, reason } => match until {
                Some(until) => format!("waived by {by} until {until}: {reason}"),
                None => format!("waived by {by}: {reason}"),
            },
            WaiverMsg::AuditHeading { count } => format!("waivers: {count}"),
            WaiverMsg::AuditColumns => "rule\titem\tby\tuntil\tstate\treason".into(),
            WaiverMsg::State { holds: true } => "holds".into(),
            WaiverMsg::State { holds: false } => "void (see Q004)".into(),
        }
    }

    /// The Chinese text.
    pub fn zh(&self) -> String {
        match self {
            WaiverMsg::UnknownRule { rule } => {
                format!("豁免所指的 `{rule}` 不是规则(见 `baton explain`)")
            }
            WaiverMsg::NotWaivable { rule } => {
                format!("规则 {rule} 不能豁免:它判断谁改了什么,这由已批准的变更申请决定,而不是豁免")
            }
            WaiverMsg::NoItem => "baton.toml 中的豁免必须用 `item` 指明豁免哪一项的问题".into(),
            WaiverMsg::UnknownItem { item } => format!("豁免所指的事项 `{item}` 不存在"),
            WaiverMsg::OtherItem { item, here } => {
                format!("{here} 文件中的豁免指向事项 `{item}`:事项文件只能豁免该事项自己的问题")
            }
            WaiverMsg::Expired { until } => {
                format!("豁免已于 {until} 之后失效:相应问题重新报告")
            }
            WaiverMsg::UnknownPerson { by } => {
                format!("豁免人 `{by}` 不在 org.toml 中")
            }
            WaiverMsg::NotEntitled { by, key, allowed } => {
                let who = if allowed.is_empty() {
                    "管理员".to_string()
                } else {
                    format!("{} 或管理员", allowed.join("、"))
                };
                format!("`{by}` 无权在此豁免问题({key}):只有{who}可以")
            }
            WaiverMsg::Unused { rule, item } => {
                format!("{item} 上对 {rule} 的豁免没有对应的问题")
            }
            WaiverMsg::RemoveHint => "删除该豁免,或在理由仍成立时以新的 `until` 续期".into(),
            WaiverMsg::Waived { by, until, reason } => match until {
                Some(until) => format!("已由 {by} 豁免至 {until}:{reason}"),
                None => format!("已由 {by} 豁免:{reason}"),
            },
            WaiverMsg::AuditHeading { count } => format!("豁免:{count} 项"),
            WaiverMsg::AuditColumns => "规则\t事项\t豁免人\t有效期至\t状态\t理由".into(),
            WaiverMsg::State { holds: true } => "有效".into(),
            WaiverMsg::State { holds: false } => "无效(见 Q004)".into(),
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::WaiverMsg;

    /// One sample of every waiver message.
    pub fn samples() -> Vec<WaiverMsg> {
        let s = |x: &str| x.to_string();
        vec![
            WaiverMsg::UnknownRule { rule: s("W01") },
            WaiverMsg::NotWaivable { rule: s("O004") },
            WaiverMsg::NoItem,
            WaiverMsg::UnknownItem { item: s("T-9") },
            WaiverMsg::OtherItem {
                item: s("T-2"),
                here: s("T-1"),
            },
            WaiverMsg::Expired {
                until: s("2026-10-31"),
            },
            WaiverMsg::UnknownPerson { by: s("zhang") },
            WaiverMsg::NotEntitled {
                by: s("li.gong"),
                key: s("task.waiver"),
                allowed: vec![s("zhang.jingli")],
            },
            WaiverMsg::Unused {
                rule: s("W001"),
                item: s("R-1"),
            },
            WaiverMsg::RemoveHint,
            WaiverMsg::Waived {
                by: s("zhang.jingli"),
                until: Some(s("2026-12-31")),
                reason: s("imported from the 2026 spreadsheet"),
            },
            WaiverMsg::AuditHeading { count: 2 },
            WaiverMsg::AuditColumns,
            WaiverMsg::State { holds: true },
            WaiverMsg::State { holds: false },
        ]
    }

    fn variant(m: &WaiverMsg) -> usize {
        match m {
            WaiverMsg::UnknownRule { .. } => 0,
            WaiverMsg::NotWaivable { .. } => 1,
            WaiverMsg::NoItem => 2,
            WaiverMsg::UnknownItem { .. } => 3,
            WaiverMsg::OtherItem { .. } => 4,
            WaiverMsg::Expired { .. } => 5,
            WaiverMsg::UnknownPerson { .. } => 6,
            WaiverMsg::NotEntitled { .. } => 7,
            WaiverMsg::Unused { .. } => 8,
            WaiverMsg::RemoveHint => 9,
            WaiverMsg::Waived { .. } => 10,
            WaiverMsg::AuditHeading { .. } => 11,
            WaiverMsg::AuditColumns => 12,
            WaiverMsg::State { .. } => 13,
        }
    }

    #[test]
    fn every_waiver_message_has_a_sample() {
        let mut seen: Vec<usize> = samples().iter().map(variant).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen, (0..14).collect::<Vec<_>>());
    }
}
