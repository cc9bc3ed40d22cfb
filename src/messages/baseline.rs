//! Texts about baselines (`check --baseline`, `--write-baseline`).

/// A message about a baseline.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // each variant's text is its documentation, below
pub enum BaselineMsg {
    /// How many findings the baseline hid.
    Hidden { hidden: usize, path: String },
    /// Recorded findings that no longer occur.
    Gone { path: String, entries: Vec<String> },
    /// A baseline was written.
    Written { count: usize, path: String },
}

impl BaselineMsg {
    /// The English text.
    pub fn en(&self) -> String {
        match self {
            BaselineMsg::Hidden { hidden, path } => match hidden {
                1 => format!("1 finding recorded in the baseline {path} is not shown"),
                n => format!("{n} findings recorded in the baseline {path} are not shown"),
            },
            BaselineMsg::Gone { path, entries } => format!(
                "{} recorded in {path} no longer {} ({}): prune with `--baseline {path} --write-baseline {path}`",
                match entries.len() {
                    1 => "1 finding".to_string(),
                    n => format!("{n} findings"),
                },
                if entries.len() == 1 {
                    "occurs"
                } else {
                    "occur"
                },
                entries.join(", ")
            ),
            BaselineMsg::Written { count: 1, path } => {
                format!("wrote 1 finding to the baseline {path}")
            }
            BaselineMsg::Written { count, path } => {
                format!("wrote {count} findings to the baseline {path}")
            }
        }
    }

    /// The Chinese text.
    pub fn zh(&self) -> String {
        match self {
            BaselineMsg::Hidden { hidden, path } => {
                format!("基线 {path} 中记录的 {hidden} 个问题未显示")
            }
            BaselineMsg::Gone { path, entries } => format!(
                "{path} 中记录的 {} 个问题已不再出现({}):用 `--baseline {path} --write-baseline {path}` 清理",
                entries.len(),
                entries.join("、")
            ),
            BaselineMsg::Written { count, path } => {
                format!("已将 {count} 个问题写入基线 {path}")
            }
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::BaselineMsg;

    /// One sample of every baseline message.
    pub fn samples() -> Vec<BaselineMsg> {
        let s = |x: &str| x.to_string();
        vec![
            BaselineMsg::Hidden {
                hidden: 120,
                path: s(".baton-baseline.json"),
            },
            BaselineMsg::Gone {
                path: s(".baton-baseline.json"),
                entries: vec![s("W001 R-7"), s("D001 T-3")],
            },
            BaselineMsg::Written {
                count: 120,
                path: s(".baton-baseline.json"),
            },
        ]
    }

    #[test]
    fn every_baseline_message_has_a_sample() {
        let mut seen: Vec<usize> = samples()
            .iter()
            .map(|m| match m {
                BaselineMsg::Hidden { .. } => 0,
                BaselineMsg::Gone { .. } => 1,
                BaselineMsg::Written { .. } => 2,
            })
            .collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen, [0, 1, 2]);
    }
}
