//! Value types shared by several item kinds.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use crate::parse::{Sp, When};

/// A percentage from 0 to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Percent(pub u8);

// Written as the integer it was read from, so one `Deserialize` reads both
// TOML and the parse cache.
impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(i64::from(self.0))
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let n = i64::deserialize(deserializer)?;
        u8::try_from(n)
            .ok()
            .filter(|n| *n <= 100)
            .map(Percent)
            .ok_or_else(|| de::Error::custom(format!("{n} is not a percentage from 0 to 100")))
    }
}

impl JsonSchema for Percent {
    fn schema_name() -> Cow<'static, str> {
        "Percent".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "integer", "minimum": 0, "maximum": 100, "description": "A percentage, 0–100." })
    }
}

/// The `owner` of a task as written: one person id, or (wrongly) several.
///
/// A list is accepted when reading so that rule O001 can say "a task has
/// exactly one owner" instead of a type error; the JSON Schema only allows a
/// string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owners(pub Vec<Sp<String>>);

// The parse cache keeps the list with its spans.
impl Serialize for Owners {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Owners {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if !deserializer.is_human_readable() {
            // The parse cache (a binary format without `deserialize_any`).
            return Vec::<Sp<String>>::deserialize(deserializer).map(Owners);
        }
        struct OwnersVisitor;
        impl<'de> Visitor<'de> for OwnersVisitor {
            type Value = Owners;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a person id")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Owners, E> {
                // The span is filled in by the enclosing `Sp`.
                Ok(Owners(vec![Sp::new(0..0, v.to_string())]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Owners, A::Error> {
                let mut owners = Vec::new();
                while let Some(owner) = seq.next_element::<Sp<String>>()? {
                    owners.push(owner);
                }
                Ok(Owners(owners))
            }
        }
        deserializer.deserialize_any(OwnersVisitor)
    }
}

impl JsonSchema for Owners {
    fn schema_name() -> Cow<'static, str> {
        "PersonId".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "description": "A person id from org.toml." })
    }
}

/// The verdict of an acceptance review (验收).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The deliverable meets the acceptance criteria.
    Accepted,
    /// It does not; `comments` say what must change.
    Rejected,
}

/// An acceptance review: a task's `[review]` or a request's `[acceptance]`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// When the review was recorded.
    pub at: Option<Sp<When>>,
    /// Who reviewed (a person id); for a task, its acceptor.
    pub by: Option<Sp<String>>,
    /// `accepted` or `rejected`.
    pub verdict: Sp<Verdict>,
    /// Review comments (修改意见); required when rejected.
    pub comments: Option<Sp<String>>,
}

/// Text that counts as absent when it is empty or only whitespace.
pub fn filled(text: &Option<Sp<String>>) -> Option<&Sp<String>> {
    text.as_ref().filter(|t| !t.trim().is_empty())
}
