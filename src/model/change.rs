//! A change request (`changes/**/*.toml`): seed 002's 需求变更申请表.
//!
//! Once work is agreed, its schedule, scope and assignment change only by
//! agreement of both sides (seed 002: "经双方确认后调整项目计划"). A change
//! request lists the exact changes (item, field, old and new value) and
//! collects the decisions of the people entitled to make them; whether it
//! is approved is derived by [`crate::authority`], never written.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

use crate::parse::{Sp, When};

/// A change request (变更申请).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeRequest {
    /// What changes and why, in one line.
    pub title: Sp<String>,
    /// Who asks for the change (a person id).
    pub requested_by: Option<Sp<String>>,
    /// When it was asked for.
    pub requested_at: Option<Sp<When>>,
    /// The request whose work changes, if any.
    pub request: Option<Sp<String>>,
    /// Why the change is needed (变更原因).
    pub reason: Option<Sp<String>>,
    /// What it costs: dates, people, other items (影响评估).
    pub impact: Option<Sp<String>>,
    /// The exact changes, one per field.
    #[serde(default)]
    pub change: Vec<Sp<ChangeEntry>>,
    /// One decision per approver.
    #[serde(default)]
    pub approval: Vec<Sp<Approval>>,
    /// Findings about this item accepted for a reason (`[[waiver]]`).
    #[serde(default)]
    pub waiver: Vec<Sp<super::Waiver>>,
    /// Archived items are read-only (seed 003).
    #[serde(default)]
    pub archived: bool,
}

/// One change of one field of one item.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeEntry {
    /// The item that changes (its id).
    pub item: Sp<String>,
    /// The field that changes (`due`, `owner`, `depends_on`, …).
    pub field: Sp<String>,
    /// The value before; must match the item when the change is made
    /// (absent when the field was not set).
    pub from: Option<Sp<FieldValue>>,
    /// The value after (absent when the field is removed).
    pub to: Option<Sp<FieldValue>>,
}

/// One approver's decision.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// Who decided (a person id).
    pub by: Sp<String>,
    /// When.
    pub at: Option<Sp<When>>,
    /// `approve` or `reject`.
    pub decision: Sp<ApprovalDecision>,
    /// Why; required when rejecting.
    pub comments: Option<Sp<String>>,
}

/// An approver's decision on a change request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalDecision {
    /// The approver agrees to the change.
    Approve,
    /// The approver does not; `comments` say why.
    Reject,
}

/// A field's value as written in a change request (`from`, `to`): any TOML
/// value, kept as the text baton compares field values by (strings
/// without quotes, dates as written, arrays as `[a, b]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldValue(pub String);

impl fmt::Display for FieldValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The comparison text of a TOML value: what [`crate::history::fields`]
/// makes of the same value in an item file.
pub fn value_text(value: &toml::Value) -> String {
    match value {
        toml::Value::String(s) => s.clone(),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(value_text).collect();
            format!("[{}]", parts.join(", "))
        }
        toml::Value::Table(_) => "{…}".to_string(),
    }
}

impl Serialize for FieldValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for FieldValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if !deserializer.is_human_readable() {
            // The parse cache.
            return String::deserialize(deserializer).map(FieldValue);
        }
        let value = toml::Value::deserialize(deserializer)?;
        if value.is_table() {
            return Err(de::Error::custom(
                "expected a field's value (a string, number, date or list), found a table",
            ));
        }
        Ok(FieldValue(value_text(&value)))
    }
}

impl JsonSchema for FieldValue {
    fn schema_name() -> Cow<'static, str> {
        "FieldValue".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": ["string", "integer", "number", "boolean", "array"],
            "description": "The field's value as it is written in the item: a date, a string, a number, a boolean or a list."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_values_read_any_toml_value_as_comparison_text() {
        let cr: ChangeRequest = toml::from_str(
            "title = \"t\"\n[[change]]\nitem = \"T-1\"\nfield = \"due\"\nfrom = 2026-10-16\nto = \"2026-10-23\"\n[[change]]\nitem = \"T-1\"\nfield = \"depends_on\"\nfrom = [\"T-2\", \"T-3\"]\n",
        )
        .unwrap();
        let values: Vec<Option<String>> = cr
            .change
            .iter()
            .flat_map(|c| [&c.from, &c.to])
            .map(|v| v.as_ref().map(|v| v.0.clone()))
            .collect();
        assert_eq!(
            values,
            [
                Some("2026-10-16".to_string()),
                Some("2026-10-23".to_string()),
                Some("[T-2, T-3]".to_string()),
                None
            ]
        );
        assert!(
            toml::from_str::<ChangeRequest>(
                "title = \"t\"\n[[change]]\nitem = \"T\"\nfield = \"due\"\nfrom = { a = 1 }\n"
            )
            .is_err()
        );
    }
}
