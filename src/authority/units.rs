//! Units of change: what one finding is about.
//!
//! A field path names a leaf (`update[2].progress`); an entitlement names a
//! field or a section (`task.update`). The unit of a change is the path cut
//! where its entitlement's key ends (`update[2]`), so a whole `[[update]]`
//! entry is one change and one finding, not one per field.

use super::table::{self, Entry};
use crate::model::ItemKind;

/// A unit of change within an item.
#[derive(Debug, Clone)]
pub struct Unit {
    /// The path of the unit, with element keys (`update[2]`,
    /// `response[rnd]`, `due`); empty for the item as a whole.
    pub path: String,
    /// The entitlement's field (`update`, `response`); for fields open to
    /// every editor, the top-level field name.
    pub field: String,
    /// The entitlement, when one applies.
    pub entry: Option<&'static Entry>,
}

// Units are identified by their path and field; the entry follows from them.
impl PartialEq for Unit {
    fn eq(&self, other: &Self) -> bool {
        (&self.path, &self.field) == (&other.path, &other.field)
    }
}

impl Eq for Unit {}

impl PartialOrd for Unit {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Unit {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (&self.path, &self.field).cmp(&(&other.path, &other.field))
    }
}

impl Unit {
    /// The item as a whole (created or deleted).
    pub fn whole(kind: ItemKind) -> Unit {
        Unit {
            path: String::new(),
            field: String::new(),
            entry: table::whole(kind),
        }
    }

    /// A file as a whole, without entitlement (policy files).
    pub fn file() -> Unit {
        Unit {
            path: String::new(),
            field: String::new(),
            entry: None,
        }
    }

    /// The element key of the unit's last segment (`rnd` of
    /// `response[rnd]`), if it has one.
    pub fn element(&self) -> Option<&str> {
        let last = split_path(&self.path).pop()?;
        let open = last.find('[')?;
        let key = &last[open + 1..];
        key.strip_suffix(']')
    }

    /// The element key of the segment named `name` (`补充文档` of
    /// `minutes.action[补充文档].confirmed_at` for `action`).
    pub fn element_of(&self, name: &str) -> Option<&str> {
        split_path(&self.path).into_iter().find_map(|segment| {
            let open = segment.find('[')?;
            (&segment[..open] == name).then(|| &segment[open + 1..segment.len() - 1])
        })
    }

    /// Whether a field path lies inside this unit.
    pub fn contains(&self, field_path: &str) -> bool {
        self.path.is_empty()
            || field_path == self.path
            || field_path
                .strip_prefix(&self.path)
                .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
    }
}

/// Splits a field path into segments at dots outside element keys:
/// `minutes.action[a.b].at` → `minutes`, `action[a.b]`, `at`.
pub fn split_path(path: &str) -> Vec<&str> {
    let mut segments = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in path.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '.' if depth == 0 => {
                segments.push(&path[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    if start < path.len() || !path.is_empty() {
        segments.push(&path[start..]);
    }
    segments
}

/// A segment without its element key: `action` of `action[x]`.
fn name(segment: &str) -> &str {
    segment.split('[').next().unwrap_or(segment)
}

/// The unit of change a field path of an item of `kind` belongs to.
pub fn unit_of(kind: ItemKind, field_path: &str) -> Unit {
    let segments = split_path(field_path);
    let names: Vec<&str> = segments.iter().map(|s| name(s)).collect();
    let entry = table::lookup(kind, &names.join("."));
    let depth = entry.map_or(1, |e| e.field.split('.').count()).max(1);
    let depth = depth.min(segments.len());
    Unit {
        path: segments[..depth].join("."),
        field: match entry {
            Some(e) => e.field.to_string(),
            None => names.first().map(|n| n.to_string()).unwrap_or_default(),
        },
        entry,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_outside_element_keys() {
        assert_eq!(
            split_path("minutes.action[a.b].confirmed_at"),
            ["minutes", "action[a.b]", "confirmed_at"]
        );
        assert_eq!(split_path("due"), ["due"]);
        assert_eq!(
            split_path("approval[zhang.jingli]"),
            ["approval[zhang.jingli]"]
        );
    }

    #[test]
    fn units_group_the_fields_of_one_entry() {
        let unit = unit_of(ItemKind::Task, "update[2].progress");
        assert_eq!(
            (unit.path.as_str(), unit.field.as_str()),
            ("update[2]", "update")
        );
        assert_eq!(unit.element(), Some("2"));
        assert!(unit.contains("update[2].done"));
        assert!(!unit.contains("update[20].done"));
        let unit = unit_of(ItemKind::Meeting, "minutes.action[补充.文档].confirmed_at");
        assert_eq!(unit.path, "minutes.action[补充.文档].confirmed_at");
        assert_eq!(unit.element_of("action"), Some("补充.文档"));
        let unit = unit_of(ItemKind::Meeting, "minutes.action[补充文档].title");
        assert_eq!(unit.path, "minutes");
        let unit = unit_of(ItemKind::Task, "title");
        assert_eq!((unit.path.as_str(), unit.entry.is_none()), ("title", true));
        let unit = unit_of(ItemKind::Request, "risk[人力].owner");
        assert_eq!(unit.path, "risk[人力]");
        let unit = unit_of(ItemKind::Change, "approval[zhang.jingli].decision");
        assert_eq!(unit.element(), Some("zhang.jingli"));
    }
}
