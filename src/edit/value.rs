//! Command-line text → a typed TOML value, by the kind's JSON Schema (the
//! same schema `baton schema` writes, generated from the model types): a
//! date where the schema says date, a list where it says array, a choice
//! checked against its values, people named by display name or email
//! resolved to their ids.

use serde_json::Value as Json;
use toml_edit::{Array, Datetime, Value};

use super::EditError;
use crate::messages::EditMsg;
use crate::model::{ItemKind, Org};
use crate::time::Clock;

/// What a field holds, from its schema.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// `true` / `false`.
    Bool,
    /// A whole number, with its bounds.
    Integer {
        /// Smallest allowed.
        min: Option<i64>,
        /// Largest allowed.
        max: Option<i64>,
    },
    /// A date.
    Date,
    /// A date, local date-time or offset date-time.
    When,
    /// `4wd`, `24h`, `3d`.
    Duration,
    /// One of these strings.
    Choice(Vec<String>),
    /// Free text (or an id).
    Text,
    /// A list of values.
    List(Box<Shape>),
    /// A table (`[blocked]`, `from = { … }`): set its fields one by one.
    Table,
    /// A list of tables (`[[update]]`): written by the verbs.
    Tables,
}

/// Fields that name people: a display name or email given for them is
/// written as the person's id.
pub const PERSON_FIELDS: &[&str] = &[
    "owner",
    "acceptor",
    "by",
    "contact",
    "chair",
    "organizer",
    "scribe",
    "escalated_to",
    "requested_by",
    "required",
    "informed",
    "read_by",
    "participants",
];

/// The shape of `path` (dotted, e.g. `blocked.reason`) in `kind`'s schema.
pub fn shape_of(kind: ItemKind, path: &str) -> Result<Shape, EditError> {
    let root = crate::schema::item_schema(kind);
    let mut node = &root;
    let segments: Vec<&str> = path.split('.').collect();
    for (i, segment) in segments.iter().enumerate() {
        // Into a table, or into the tables of a list (`update.progress`).
        let resolved = resolve(&root, node);
        let resolved = match resolved.get("items") {
            Some(items) => resolve(&root, items),
            None => resolved,
        };
        let properties = resolved.get("properties").and_then(Json::as_object);
        let Some(field) = properties.and_then(|p| p.get(*segment)) else {
            let known = properties
                .into_iter()
                .flat_map(|p| p.keys().map(String::as_str));
            let suggestion = crate::parse::suggest::did_you_mean(segment, known).map(|k| {
                segments[..i]
                    .iter()
                    .map(|s| format!("{s}."))
                    .collect::<String>()
                    + k
            });
            return Err(EditError::from(EditMsg::UnknownField {
                field: path.to_string(),
                kind: kind.name().to_string(),
                suggestion,
            }));
        };
        node = field;
    }
    Ok(shape(&root, node))
}

/// Follows `$ref` (directly or as the only `allOf` member).
fn resolve<'a>(root: &'a Json, node: &'a Json) -> &'a Json {
    let reference = node.get("$ref").and_then(Json::as_str).or_else(|| {
        node.get("allOf")
            .and_then(Json::as_array)
            .and_then(|all| all.first())
            .and_then(|first| first.get("$ref"))
            .and_then(Json::as_str)
    });
    match reference.and_then(|r| r.strip_prefix("#/definitions/")) {
        Some(name) => root
            .get("definitions")
            .and_then(|d| d.get(name))
            .unwrap_or(node),
        None => node,
    }
}

/// The name of the definition `node` refers to, if any.
pub fn definition(node: &Json) -> Option<&str> {
    let reference = node.get("$ref").and_then(Json::as_str).or_else(|| {
        node.get("allOf")?
            .as_array()?
            .first()?
            .get("$ref")?
            .as_str()
    });
    reference?.strip_prefix("#/definitions/")
}

fn shape(root: &Json, node: &Json) -> Shape {
    let resolved = resolve(root, node);
    if resolved.get("type").and_then(Json::as_str) == Some("array") {
        let items = resolved.get("items").unwrap_or(&Json::Null);
        return match item_shape(root, items) {
            Shape::Table => Shape::Tables,
            inner => Shape::List(Box::new(inner)),
        };
    }
    item_shape(root, node)
}

/// The shape of a value that is not a list (lists of lists do not occur).
fn item_shape(root: &Json, node: &Json) -> Shape {
    match definition(node) {
        Some("Date") => return Shape::Date,
        Some("DateOrDateTime") => return Shape::When,
        Some("Duration") => return Shape::Duration,
        _ => {}
    }
    let node = resolve(root, node);
    let choices = |list: &Json| -> Vec<String> {
        list.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.get("const").or(Some(v)).and_then(Json::as_str))
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    };
    if let Some(one_of) = node.get("oneOf") {
        return Shape::Choice(choices(one_of));
    }
    if let Some(values) = node.get("enum") {
        return Shape::Choice(choices(values));
    }
    match node.get("type").and_then(Json::as_str) {
        Some("boolean") => Shape::Bool,
        Some("integer") => Shape::Integer {
            min: node.get("minimum").and_then(Json::as_i64),
            max: node.get("maximum").and_then(Json::as_i64),
        },
        Some("object") => Shape::Table,
        _ => Shape::Text,
    }
}

/// Converts command-line text for `field` (its last segment decides
/// whether it names people) into a value of `shape`. `now` and `today`
/// stand for the clock's time and date.
pub fn convert(
    field: &str,
    shape: &Shape,
    text: &str,
    context: (&Org, &Clock),
) -> Result<Value, EditError> {
    let Shape::List(inner) = shape else {
        return convert_one(field, shape, text, context);
    };
    let mut array = Array::new();
    for part in split_list(field, text) {
        array.push_formatted(convert_one(field, inner, part, context)?);
    }
    Ok(Value::Array(array))
}

/// [`convert`] for a value that is not a list.
fn convert_one(
    field: &str,
    shape: &Shape,
    text: &str,
    (org, clock): (&Org, &Clock),
) -> Result<Value, EditError> {
    let text = text.trim();
    let leaf = field.rsplit('.').next().unwrap_or(field);
    let bad = |expected: &str| {
        EditError::from(EditMsg::BadValue {
            field: field.to_string(),
            value: text.to_string(),
            expected: expected.to_string(),
        })
    };
    Ok(match shape {
        Shape::Bool => match text {
            "true" | "yes" | "是" => Value::from(true),
            "false" | "no" | "否" => Value::from(false),
            _ => return Err(bad("true or false")),
        },
        Shape::Integer { min, max } => {
            let n: i64 = text
                .trim_end_matches('%')
                .parse()
                .map_err(|_| bad("a whole number"))?;
            if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                return Err(bad(&format!(
                    "a whole number from {} to {}",
                    min.map_or("…".into(), |m| m.to_string()),
                    max.map_or("…".into(), |m| m.to_string())
                )));
            }
            Value::from(n)
        }
        Shape::Date => {
            let day = match text {
                "today" => clock.now.date_naive().format("%Y-%m-%d").to_string(),
                _ => text.to_string(),
            };
            let parsed: Datetime = day.parse().map_err(|_| bad("a date (2027-03-05)"))?;
            if parsed.time.is_some() || chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").is_err()
            {
                return Err(bad("a date (2027-03-05)"));
            }
            Value::from(parsed)
        }
        Shape::When => {
            let stamp = match text {
                "now" => clock.now.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
                "today" => clock.now.date_naive().format("%Y-%m-%d").to_string(),
                _ => text.replace(' ', "T"),
            };
            let parsed: Datetime = stamp
                .parse()
                .map_err(|_| bad("a date or date-time (2027-03-05, 2027-03-05T14:00+08:00)"))?;
            Value::from(parsed)
        }
        Shape::Duration => {
            text.parse::<crate::time::Duration>()
                .map_err(|_| bad("a duration (4wd, 24h, 3d)"))?;
            Value::from(text)
        }
        Shape::Choice(choices) => {
            if !choices.iter().any(|c| c == text) {
                return Err(bad(&format!("one of {}", choices.join(", "))));
            }
            Value::from(text)
        }
        Shape::Text => {
            if PERSON_FIELDS.contains(&leaf) {
                Value::from(super::person::resolve(org, text)?)
            } else {
                Value::from(text)
            }
        }
        Shape::List(_) | Shape::Table | Shape::Tables => {
            return Err(EditError::from(EditMsg::NotSettable {
                field: field.to_string(),
            }));
        }
    })
}

/// Lists of sentences, not ids: their elements hold commas of their own
/// (`"延迟交货每日赔付0.5%,上限10%"`), so they are split on semicolons.
pub const TEXT_LISTS: &[&str] = &["terms", "decisions", "materials", "external"];

/// What separates the elements of `field` on the command line.
pub fn list_separators(field: &str) -> &'static [char] {
    let leaf = field.rsplit('.').next().unwrap_or(field);
    if TEXT_LISTS.contains(&leaf) {
        &[';', '；', '\n']
    } else {
        &[',', '，']
    }
}

/// The parts of a list given on the command line: `mkt,ops` or `mkt，ops`
/// (ids); `a;b` or `a；b` for the sentences of [`TEXT_LISTS`].
pub fn split_list<'t>(field: &str, text: &'t str) -> impl Iterator<Item = &'t str> {
    text.split(list_separators(field))
        .map(str::trim)
        .filter(|part| !part.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_come_from_the_schema() {
        assert_eq!(shape_of(ItemKind::Task, "due").unwrap(), Shape::When);
        assert_eq!(shape_of(ItemKind::Task, "start").unwrap(), Shape::Date);
        assert_eq!(shape_of(ItemKind::Task, "effort").unwrap(), Shape::Duration);
        assert_eq!(shape_of(ItemKind::Task, "milestone").unwrap(), Shape::Bool);
        assert_eq!(
            shape_of(ItemKind::Task, "progress").unwrap(),
            Shape::Integer {
                min: Some(0),
                max: Some(100)
            }
        );
        assert_eq!(
            shape_of(ItemKind::Task, "support").unwrap(),
            Shape::List(Box::new(Shape::Text))
        );
        assert_eq!(shape_of(ItemKind::Task, "update").unwrap(), Shape::Tables);
        assert_eq!(shape_of(ItemKind::Task, "blocked").unwrap(), Shape::Table);
        assert_eq!(
            shape_of(ItemKind::Task, "blocked.reason").unwrap(),
            Shape::Text
        );
        assert_eq!(
            shape_of(ItemKind::Request, "from.contact").unwrap(),
            Shape::Text
        );
        let Shape::Choice(statuses) = shape_of(ItemKind::Task, "status").unwrap() else {
            panic!("status is a choice");
        };
        assert!(statuses.iter().any(|s| s == "in_progress"));
    }

    #[test]
    fn an_unknown_field_gets_a_suggestion() {
        let error = shape_of(ItemKind::Task, "deu").unwrap_err();
        assert_eq!(
            *error.message,
            crate::messages::Msg::Edit(EditMsg::UnknownField {
                field: "deu".into(),
                kind: "task".into(),
                suggestion: Some("due".into()),
            })
        );
        let error = shape_of(ItemKind::Task, "blocked.reasn").unwrap_err();
        assert!(matches!(
            *error.message,
            crate::messages::Msg::Edit(EditMsg::UnknownField { suggestion: Some(ref s), .. })
                if s == "blocked.reason"
        ));
    }

    #[test]
    fn lists_split_on_both_commas() {
        assert_eq!(
            split_list("support", "mkt, ops，rnd,").collect::<Vec<_>>(),
            ["mkt", "ops", "rnd"]
        );
    }

    #[test]
    fn lists_of_sentences_split_on_semicolons_and_keep_their_commas() {
        assert_eq!(
            split_list(
                "terms",
                "交期15个工作日，延迟赔付0.5%；保密条款; 版权归我方"
            )
            .collect::<Vec<_>>(),
            ["交期15个工作日，延迟赔付0.5%", "保密条款", "版权归我方"]
        );
    }
}
