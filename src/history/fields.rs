//! Field-level view of a TOML document: every leaf value under a stable
//! path, and the differences between two versions.
//!
//! Paths name array-of-table elements by a natural key when they have one
//! (`response[rnd].at`, `minutes.action[补充文档].owner`, `person[li.gong]`),
//! else by index (`update[2].progress`), so re-ordering entries or moving
//! a field within a file is not a change.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::de::{DeTable, DeValue};

/// Keys that name an element of an array of tables, in order of
/// preference, for arrays without a key of their own.
const ELEMENT_KEYS: &[&str] = &["id", "department", "title", "topic", "description"];

/// The key that names an element of the array `name`; `None` for logs
/// whose entries are named by position (`update`, a change request's
/// `change`), where a repeated author must not rename every entry.
fn element_key_names(name: &str) -> &'static [&'static str] {
    match name {
        "response" => &["department"],
        "approval" => &["by"],
        "signature" => &["party"],
        "action" => &["title"],
        "agenda" => &["topic"],
        "waiver" => &["rule"],
        "risk" => &["description"],
        "department" | "person" => &["id"],
        "update" | "change" => &[],
        _ => ELEMENT_KEYS,
    }
}

/// One leaf value: as text, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The value as written (strings without quotes; arrays of scalars as `[a, b]`).
    pub value: String,
    /// The value's byte range in the document.
    pub span: Range<usize>,
}

/// Every leaf of a document by path.
pub type Fields = BTreeMap<String, Field>;

/// One field that differs between two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The path, e.g. `blocked.since`.
    pub field: String,
    /// The old value, `None` when added.
    pub old: Option<String>,
    /// The new value, `None` when removed.
    pub new: Option<String>,
}

impl FieldChange {
    /// The first segment of the path without its element key: `response`
    /// for `response[rnd].at`.
    pub fn top(&self) -> &str {
        let end = self.field.find(['.', '[']).unwrap_or(self.field.len());
        &self.field[..end]
    }
}

fn scalar(value: &DeValue<'_>) -> Option<String> {
    Some(match value {
        DeValue::String(s) => s.to_string(),
        DeValue::Integer(i) => i.as_str().to_string(),
        DeValue::Float(f) => f.as_str().to_string(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(d) => d.to_string(),
        DeValue::Array(_) | DeValue::Table(_) => return None,
    })
}

/// The key of an element of an array of tables: a natural key when present
/// and unique in the array, else the index.
fn element_keys(name: &str, items: &[toml::Spanned<DeValue<'_>>]) -> Vec<String> {
    let tables: Vec<Option<&DeTable<'_>>> = items
        .iter()
        .map(|i| match i.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    for key in element_key_names(name) {
        let values: Option<Vec<String>> = tables
            .iter()
            .map(|t| {
                t.and_then(|t| t.get(*key))
                    .and_then(|v| scalar(v.get_ref()))
            })
            .collect();
        if let Some(values) = values {
            let mut sorted = values.clone();
            sorted.sort();
            sorted.dedup();
            if sorted.len() == values.len() && !values.is_empty() {
                return values;
            }
        }
    }
    (0..items.len()).map(|i| i.to_string()).collect()
}

/// The fields of `text`, or `None` when it is not TOML. Iterative: an
/// explicit stack of (path, value) pairs.
pub fn flatten(text: &str) -> Option<Fields> {
    let table = DeTable::parse(text).ok()?;
    let mut fields = Fields::new();
    let mut stack: Vec<(String, &DeValue<'_>, Range<usize>)> = Vec::new();
    for (key, value) in table.get_ref().iter() {
        stack.push((key.get_ref().to_string(), value.get_ref(), value.span()));
    }
    while let Some((path, value, span)) = stack.pop() {
        match value {
            DeValue::Table(inner) => {
                for (key, value) in inner.iter() {
                    stack.push((
                        format!("{path}.{}", key.get_ref()),
                        value.get_ref(),
                        value.span(),
                    ));
                }
            }
            DeValue::Array(items)
                if items
                    .iter()
                    .any(|i| matches!(i.get_ref(), DeValue::Table(_))) =>
            {
                let name = path.rsplit('.').next().unwrap_or(&path);
                for (item, key) in items.iter().zip(element_keys(name, items)) {
                    stack.push((format!("{path}[{key}]"), item.get_ref(), item.span()));
                }
            }
            DeValue::Array(items) => {
                let values: Vec<String> =
                    items.iter().filter_map(|i| scalar(i.get_ref())).collect();
                fields.insert(
                    path,
                    Field {
                        value: format!("[{}]", values.join(", ")),
                        span,
                    },
                );
            }
            other => {
                if let Some(value) = scalar(other) {
                    fields.insert(path, Field { value, span });
                }
            }
        }
    }
    Some(fields)
}

/// The fields that differ between `old` and `new`, in path order.
pub fn diff(old: &Fields, new: &Fields) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    for (field, value) in new {
        match old.get(field) {
            Some(before) if before.value == value.value => {}
            before => changes.push(FieldChange {
                field: field.clone(),
                old: before.map(|b| b.value.clone()),
                new: Some(value.value.clone()),
            }),
        }
    }
    for (field, value) in old {
        if !new.contains_key(field) {
            changes.push(FieldChange {
                field: field.clone(),
                old: Some(value.value.clone()),
                new: None,
            });
        }
    }
    changes.sort_by(|a, b| a.field.cmp(&b.field));
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattens_with_natural_element_keys_and_spans() {
        let text = "title = \"a\"\nsupport = [\"mkt\", \"ops\"]\n[blocked]\nsince = 2026-07-05\n[[response]]\ndepartment = \"rnd\"\ndecision = \"accept\"\n[[update]]\nat = 2026-07-01\n";
        let fields = flatten(text).unwrap();
        let keys: Vec<&str> = fields.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "blocked.since",
                "response[rnd].decision",
                "response[rnd].department",
                "support",
                "title",
                "update[0].at"
            ]
        );
        assert_eq!(fields["support"].value, "[mkt, ops]");
        assert_eq!(fields["blocked.since"].value, "2026-07-05");
        assert_eq!(&text[fields["title"].span.clone()], "\"a\"");
    }

    #[test]
    fn moving_a_field_or_reordering_elements_is_no_change() {
        let a = flatten("title = \"a\"\nowner = \"x\"\n[[response]]\ndepartment = \"rnd\"\n[[response]]\ndepartment = \"ops\"\n").unwrap();
        let b = flatten("owner = \"x\"\ntitle = \"a\"\n[[response]]\ndepartment = \"ops\"\n[[response]]\ndepartment = \"rnd\"\n").unwrap();
        assert!(diff(&a, &b).is_empty());
    }

    #[test]
    fn reports_added_changed_and_removed_fields() {
        let a = flatten("status = \"in_progress\"\nprogress = 50\n").unwrap();
        let b = flatten("status = \"blocked\"\n[blocked]\nsince = 2026-07-05\n").unwrap();
        let changes = diff(&a, &b);
        let shown: Vec<String> = changes
            .iter()
            .map(|c| format!("{} {:?} {:?}", c.field, c.old, c.new))
            .collect();
        assert_eq!(
            shown,
            [
                "blocked.since None Some(\"2026-07-05\")",
                "progress Some(\"50\") None",
                "status Some(\"in_progress\") Some(\"blocked\")"
            ]
        );
        assert_eq!(changes[0].top(), "blocked");
        assert!(flatten("x = [").is_none());
    }

    #[test]
    fn deep_documents_do_not_recurse() {
        let text = format!(
            "{}x = 1\n",
            (0..60).map(|i| format!("[t{i}]\n")).collect::<String>()
        );
        assert!(flatten(&text).is_some());
    }
}
