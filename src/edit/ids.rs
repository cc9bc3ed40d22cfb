//! Ids for new items, from the patterns of `[ids]` in `baton.toml`.
//!
//! `{n}` counts past the highest number any item of the repository already
//! has in that place, across all kinds (ids are unique across kinds).
//! `{rand}` is derived from the time and the item's title, so `--now`
//! makes it reproducible while two people on two branches do not meet.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use chrono::NaiveDate;

use crate::model::{ItemKind, Project};

/// The pattern of `kind` when `[ids]` does not name one.
pub fn default_pattern(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Task => "T-{n}",
        ItemKind::Request => "REQ-{n:03}",
        ItemKind::Meeting => "MTG-{date}-{n}",
        ItemKind::Change => "CR-{n:03}",
        ItemKind::Complaint => "CMP-{yyyy}-{n:03}",
        ItemKind::Agreement => "AGR-{n:03}",
        ItemKind::Comm => "COM-{date}-{n}",
    }
}

/// The pattern `project` uses for `kind`.
pub fn pattern(project: &Project, kind: ItemKind) -> String {
    let ids = &project.settings.ids;
    let configured = match kind {
        ItemKind::Task => ids.task.as_ref(),
        ItemKind::Request => ids.request.as_ref(),
        ItemKind::Meeting => ids.meeting.as_ref(),
        ItemKind::Change => ids.change.as_ref(),
        ItemKind::Complaint => ids.complaint.as_ref(),
        ItemKind::Agreement => ids.agreement.as_ref(),
        ItemKind::Comm => ids.comm.as_ref(),
    };
    configured.map_or_else(|| default_pattern(kind).to_string(), |p| p.to_string())
}

/// What the placeholders other than `{n}` stand for.
pub struct Context<'a> {
    /// `{date}`, `{yyyymmdd}` and `{yyyy}`.
    pub date: NaiveDate,
    /// Seeds `{rand}` (the time and the title, say).
    pub seed: &'a str,
}

/// A free id of `pattern` among `taken`, or why the pattern cannot make one.
pub fn allocate(pattern: &str, context: &Context<'_>, taken: &[&str]) -> Result<String, String> {
    let fixed = expand_fixed(pattern, context)?;
    let Some(start) = fixed.find("{n") else {
        let id = fixed;
        if taken.contains(&id.as_str()) {
            return Err(format!(
                "`{id}` exists already, and the pattern `{pattern}` has no {{n}} or {{rand}} to make another"
            ));
        }
        return Ok(id);
    };
    let Some(close) = fixed[start..].find('}').map(|i| start + i) else {
        return Err(format!("`{pattern}`: `{{n` is not closed"));
    };
    let width: usize = match &fixed[start + 2..close] {
        "" => 0,
        spec => spec
            .strip_prefix(":0")
            .and_then(|w| w.parse().ok())
            .ok_or_else(|| format!("`{pattern}`: write {{n}} or {{n:03}}"))?,
    };
    let (prefix, suffix) = (&fixed[..start], &fixed[close + 1..]);
    if suffix.contains("{n") {
        return Err(format!("`{pattern}` has {{n}} twice"));
    }
    let highest = taken
        .iter()
        .filter_map(|id| {
            id.strip_prefix(prefix)?
                .strip_suffix(suffix)?
                .parse::<u64>()
                .ok()
        })
        .max()
        .unwrap_or(0);
    let id = format!("{prefix}{:0width$}{suffix}", highest + 1);
    if !crate::load::is_valid_id(&id) {
        return Err(format!("`{id}` (from `{pattern}`) is not a valid id"));
    }
    Ok(id)
}

/// The pattern with every placeholder but `{n}` replaced.
fn expand_fixed(pattern: &str, context: &Context<'_>) -> Result<String, String> {
    let mut out = pattern
        .replace("{date}", &context.date.format("%Y-%m-%d").to_string())
        .replace("{yyyymmdd}", &context.date.format("%Y%m%d").to_string())
        .replace("{yyyy}", &context.date.format("%Y").to_string());
    if out.contains("{rand}") {
        out = out.replace("{rand}", &rand(context));
    }
    let unknown = out
        .match_indices('{')
        .map(|(i, _)| &out[i..])
        .find(|rest| !rest.starts_with("{n"));
    if let Some(rest) = unknown {
        let end = rest.find('}').map_or(rest.len(), |i| i + 1);
        return Err(format!(
            "`{pattern}`: unknown placeholder `{}` (use {{n}}, {{date}}, {{yyyymmdd}}, {{yyyy}}, {{rand}})",
            &rest[..end]
        ));
    }
    Ok(out)
}

/// Four letters and digits from the context.
fn rand(context: &Context<'_>) -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut hasher = DefaultHasher::new();
    context.seed.hash(&mut hasher);
    context.date.hash(&mut hasher);
    let mut value = hasher.finish();
    let base = ALPHABET.len() as u64;
    (0..4)
        .map(|_| {
            let c = ALPHABET[(value % base) as usize] as char;
            value /= base;
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context() -> Context<'static> {
        Context {
            date: NaiveDate::from_ymd_opt(2027, 3, 5).unwrap(),
            seed: "2027-03-05T10:00 接口调试",
        }
    }

    #[test]
    fn numbers_continue_past_the_highest_in_any_kind() {
        let taken = ["T-101", "T-902", "REQ-001", "T-x"];
        assert_eq!(allocate("T-{n}", &context(), &taken).unwrap(), "T-903");
        assert_eq!(
            allocate("REQ-{n:03}", &context(), &taken).unwrap(),
            "REQ-002"
        );
        assert_eq!(allocate("CR-{n:03}", &context(), &taken).unwrap(), "CR-001");
    }

    #[test]
    fn meetings_number_within_their_day() {
        let taken = ["MTG-2027-03-05-1", "MTG-2027-03-04-7"];
        assert_eq!(
            allocate("MTG-{date}-{n}", &context(), &taken).unwrap(),
            "MTG-2027-03-05-2"
        );
    }

    #[test]
    fn random_ids_are_reproducible_and_differ_by_title() {
        let a = allocate("T-{yyyymmdd}-{rand}", &context(), &[]).unwrap();
        assert_eq!(a, allocate("T-{yyyymmdd}-{rand}", &context(), &[]).unwrap());
        assert!(
            a.starts_with("T-20270305-") && a.len() == "T-20270305-".len() + 4,
            "{a}"
        );
        let other = Context {
            seed: "2027-03-05T10:00 另一个任务",
            ..context()
        };
        assert_ne!(a, allocate("T-{yyyymmdd}-{rand}", &other, &[]).unwrap());
    }

    #[test]
    fn bad_patterns_say_why() {
        assert!(
            allocate("T-{id}", &context(), &[])
                .unwrap_err()
                .contains("unknown placeholder `{id}`")
        );
        assert!(
            allocate("T-{n:3}", &context(), &[])
                .unwrap_err()
                .contains("{n:03}")
        );
        assert!(
            allocate("T 1 {n}", &context(), &[])
                .unwrap_err()
                .contains("not a valid id")
        );
        let taken = ["FIXED"];
        assert!(
            allocate("FIXED", &context(), &taken)
                .unwrap_err()
                .contains("exists already")
        );
    }
}
