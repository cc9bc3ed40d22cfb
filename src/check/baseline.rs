//! Baselines for adopting baton on a project full of findings: record what
//! is found today (`check --write-baseline FILE`), then report only what is
//! not recorded (`check --baseline FILE`), as detekt's and RuboCop's
//! baselines do. Entries that no longer occur are reported so the file only
//! shrinks; `--baseline F --write-baseline F` prunes them.
//!
//! A baseline is JSON: `{"version": 1, "findings": [{"rule", "item",
//! "path", "fingerprint", "message"}]}` — the shape of `check --format
//! json`'s findings, so a saved report serves as a baseline too.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diag::Finding;
use crate::files::Files;
use crate::messages::Lang;

/// The largest baseline read (a 100,000-finding baseline is ~30 MiB).
const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// A recorded finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Rule code.
    pub rule: String,
    /// The item, when the finding is about one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// Its file (relative to the baton root), for people reading the file.
    #[serde(default)]
    pub path: String,
    /// Its identity: rule, item or path, field and key — never positions.
    pub fingerprint: String,
    /// Its message when recorded, for people reading the file.
    #[serde(default)]
    pub message: String,
}

/// A baseline file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// Format version, 1.
    pub version: u32,
    /// The recorded findings, sorted by path, rule and fingerprint.
    pub findings: Vec<Entry>,
}

/// What applying a baseline did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applied {
    /// The baseline file, as given.
    pub path: String,
    /// Findings hidden because the baseline records them.
    pub hidden: usize,
    /// Recorded findings that no longer occur.
    pub gone: Vec<Entry>,
}

impl Baseline {
    /// The findings of a check, except those a waiver accepts (they are
    /// accepted already, for a reason and until a date).
    pub fn of(findings: &[Finding], files: &Files, lang: Lang) -> Baseline {
        let mut entries: Vec<Entry> = findings
            .iter()
            .filter(|f| f.waived.is_none())
            .map(|f| Entry {
                rule: f.code.to_string(),
                item: f.diagnostic.item.clone(),
                path: files.path(f.diagnostic.file).to_string(),
                fingerprint: f.fingerprint.clone(),
                message: f.diagnostic.message.render(lang),
            })
            .collect();
        entries.sort_by(|a, b| {
            (&a.path, &a.rule, &a.fingerprint).cmp(&(&b.path, &b.rule, &b.fingerprint))
        });
        entries.dedup_by(|a, b| a.fingerprint == b.fingerprint);
        Baseline {
            version: 1,
            findings: entries,
        }
    }

    /// Reads a baseline; the error names the file, and the line and column
    /// of a JSON mistake.
    pub fn read(path: &Path) -> Result<Baseline, String> {
        let shown = path.display().to_string();
        let text = crate::source::read_capped(path, MAX_BYTES)
            .map_err(|e| format!("cannot read the baseline {shown}: {e}"))?;
        Baseline::parse(&text, &shown)
    }

    /// Parses the text of a baseline; `shown` names it in errors.
    pub fn parse(text: &str, shown: &str) -> Result<Baseline, String> {
        let baseline: Baseline = serde_json::from_str(text)
            .map_err(|e| format!("{shown}:{}:{}: not a baseline: {e}", e.line(), e.column()))?;
        if baseline.version != 1 {
            return Err(format!(
                "{shown}: baseline version {} is not supported (this baton writes version 1)",
                baseline.version
            ));
        }
        Ok(baseline)
    }

    /// The baseline as JSON, one entry per line block, ending in a newline.
    pub fn to_json(&self) -> String {
        crate::report::json::to_string(self)
    }

    /// Only the entries that `findings` still has: a baseline that shrinks
    /// as findings are fixed, and never grows.
    pub fn pruned(&self, findings: &[Finding]) -> Baseline {
        let current: HashSet<&str> = findings.iter().map(|f| f.fingerprint.as_str()).collect();
        Baseline {
            version: 1,
            findings: (self.findings.iter())
                .filter(|e| current.contains(e.fingerprint.as_str()))
                .cloned()
                .collect(),
        }
    }

    /// Removes the findings the baseline records from `findings` (waived
    /// ones stay: they show who accepted them) and says which recorded
    /// ones no longer occur.
    pub fn apply(&self, path: &str, findings: &mut Vec<Finding>) -> Applied {
        let recorded: HashSet<&str> = (self.findings.iter())
            .map(|e| e.fingerprint.as_str())
            .collect();
        let present: HashSet<String> = findings.iter().map(|f| f.fingerprint.clone()).collect();
        let before = findings.len();
        findings.retain(|f| f.waived.is_some() || !recorded.contains(f.fingerprint.as_str()));
        let gone = (self.findings.iter())
            .filter(|e| !present.contains(&e.fingerprint))
            .cloned()
            .collect();
        Applied {
            path: path.to_string(),
            hidden: before - findings.len(),
            gone,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::project;

    fn findings() -> (crate::check::Checked, Vec<Finding>) {
        let overdue = "title = \"a\"\nowner = \"li.gong\"\ndue = 2026-09-14\ndeliverable = \"x\"\nacceptance = \"y\"\n";
        let vague = "title = \"b\"\nowner = \"li.gong\"\ndue = 2026-12-14\ndeliverable = \"尽快\"\nacceptance = \"y\"\n";
        let project = project(&[("tasks/T-1.toml", overdue), ("tasks/T-2.toml", vague)]);
        let now = crate::time::parse_now("2026-09-20T10:00:00+08:00", project.settings.tz)
            .unwrap_or_else(|e| panic!("{e}"))
            .with_timezone(&chrono::Utc);
        let checked = crate::check::check(project, now, &crate::evidence::Evidence::none(), None)
            .unwrap_or_else(|e| panic!("{e}"));
        let findings = checked.findings.clone();
        (checked, findings)
    }

    #[test]
    fn a_baseline_hides_what_it_records_and_reports_what_is_gone() {
        let (checked, all) = findings();
        let codes: Vec<&str> = all.iter().map(|f| f.code).collect();
        assert_eq!(codes, ["D001", "Q001"]);
        let baseline = Baseline::of(&all, &checked.project.files, Lang::En);
        assert_eq!(baseline.findings.len(), 2);
        // Read back from its JSON.
        let read: Baseline =
            serde_json::from_str(&baseline.to_json()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read, baseline);

        let mut shown = all.clone();
        let applied = baseline.apply("b.json", &mut shown);
        assert_eq!((shown.len(), applied.hidden, applied.gone.len()), (0, 2, 0));

        // T-1's D001 is fixed; a new finding appears.
        let mut later: Vec<Finding> = all.iter().filter(|f| f.code != "D001").cloned().collect();
        let mut new = all[0].clone();
        new.fingerprint = "something-new".into();
        later.push(new);
        let applied = baseline.apply("b.json", &mut later);
        assert_eq!(later.len(), 1);
        assert_eq!(later[0].fingerprint, "something-new");
        assert_eq!(applied.hidden, 1);
        let gone: Vec<&str> = applied.gone.iter().map(|e| e.rule.as_str()).collect();
        assert_eq!(gone, ["D001"]);
    }

    #[test]
    fn pruning_drops_what_is_gone_and_never_adds() {
        let (_, all) = findings();
        let (checked, _) = findings();
        let baseline = Baseline::of(&all[..1], &checked.project.files, Lang::En);
        let pruned = baseline.pruned(&all[1..]);
        assert!(pruned.findings.is_empty());
        let kept = baseline.pruned(&all);
        assert_eq!(kept.findings.len(), 1);
    }

    #[test]
    fn a_broken_baseline_names_its_line_and_column() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("baseline.json");
        std::fs::write(&path, "{\"version\": 1,\n \"findings\": [{\"rule\": 3}]}")
            .unwrap_or_else(|e| panic!("{e}"));
        let error = Baseline::read(&path).err().unwrap_or_default();
        assert!(error.contains("baseline.json:2:"), "{error}");
        std::fs::write(&path, "{\"version\": 2, \"findings\": []}")
            .unwrap_or_else(|e| panic!("{e}"));
        let error = Baseline::read(&path).err().unwrap_or_default();
        assert!(error.contains("version 2 is not supported"), "{error}");
    }
}
