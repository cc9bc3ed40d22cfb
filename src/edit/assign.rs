//! `FIELD=VALUE` from the command line (`set`, `new`): `FIELD=` removes a
//! field, `FIELD+=V` and `FIELD-=V` add to and remove from a list, dots
//! reach into tables (`blocked.reason=…`).

use toml_edit::{DocumentMut, Value};

use super::value::{Shape, convert, shape_of, split_list};
use super::{EditError, Writer, doc};
use crate::messages::EditMsg;
use crate::model::ItemKind;

/// One assignment, typed.
pub enum Op {
    /// `FIELD=VALUE`.
    Set(Value),
    /// `FIELD=`.
    Remove,
    /// `FIELD+=V,…`.
    Add(Vec<Value>),
    /// `FIELD-=V,…`.
    Drop(Vec<Value>),
    /// Entries appended to a list of tables (`to=rnd:li.gong`,
    /// `change=T-101.due:2027-03-12`).
    Push(Vec<Vec<(&'static str, Value)>>),
}

/// Parses and types `assignments` for an item of `kind`.
pub fn parse(
    w: &Writer<'_>,
    kind: ItemKind,
    assignments: &[String],
) -> Result<Vec<(String, Op)>, EditError> {
    let mut ops = Vec::new();
    for text in assignments {
        let bad = || EditError::from(EditMsg::BadAssignment { text: text.clone() });
        let (left, right) = text.split_once('=').ok_or_else(bad)?;
        let (field, mode) = match left.as_bytes().last() {
            Some(b'+') => (&left[..left.len() - 1], '+'),
            Some(b'-') => (&left[..left.len() - 1], '-'),
            _ => (left, '='),
        };
        let field = field.trim();
        if field.is_empty() {
            return Err(bad());
        }
        let shape = shape_of(kind, field)?;
        let context = (&w.project.org, &w.clock);
        let op = match (mode, right.trim().is_empty()) {
            (_, false) if shape == Shape::Tables => Op::Push(entries(w, kind, field, right)?),
            ('=', true) => Op::Remove,
            ('=', false) => Op::Set(convert(field, &shape, right, context)?),
            _ => {
                let Shape::List(inner) = &shape else {
                    return Err(EditError::from(EditMsg::BadValue {
                        field: field.to_string(),
                        value: right.to_string(),
                        expected: "a list (`+=` and `-=` apply to lists)".into(),
                    }));
                };
                let values = split_list(field, right)
                    .map(|part| convert(field, inner, part, context))
                    .collect::<Result<Vec<_>, _>>()?;
                match mode {
                    '+' => Op::Add(values),
                    _ => Op::Drop(values),
                }
            }
        };
        ops.push((field.to_string(), op));
    }
    Ok(ops)
}

/// Applies parsed assignments to a document.
pub fn apply(d: &mut DocumentMut, ops: Vec<(String, Op)>) -> Result<(), EditError> {
    for (field, op) in ops {
        let path: Vec<&str> = field.split('.').collect();
        let done = match op {
            Op::Set(value) => doc::set(d, &path, value),
            Op::Remove => {
                doc::remove(d, &path);
                true
            }
            Op::Add(values) => doc::list_add(d, &path, values),
            Op::Drop(values) => doc::list_remove(d, &path, &values),
            Op::Push(entries) => entries
                .into_iter()
                .all(|entry| doc::push_table(d, &path, entry)),
        };
        if !done {
            return Err(EditError::from(EditMsg::NotSettable { field }));
        }
    }
    Ok(())
}

/// Entries of a list of tables written on the command line, for the two
/// lists people fill when they create an item: a request's assisting
/// departments (`to=rnd:li.gong,ops:wang.zhuguan`) and a change request's
/// changes (`change=T-101.due:2027-03-12`, whose `from` is the item's
/// value now, as the change request must state it).
fn entries(
    w: &Writer<'_>,
    kind: ItemKind,
    field: &str,
    text: &str,
) -> Result<Vec<Vec<(&'static str, Value)>>, EditError> {
    let bad = |expected: &str| {
        EditError::from(EditMsg::BadValue {
            field: field.to_string(),
            value: text.to_string(),
            expected: expected.to_string(),
        })
    };
    match (kind, field) {
        (ItemKind::Request, "to") => split_list("to", text)
            .map(|part| {
                let (department, contact) = part
                    .split_once([':', '：'])
                    .ok_or_else(|| bad("DEPARTMENT:PERSON, …"))?;
                let contact = super::person::resolve(&w.project.org, contact)?;
                Ok(vec![
                    ("department", Value::from(department.trim())),
                    ("contact", Value::from(contact)),
                ])
            })
            .collect(),
        (ItemKind::Change, "change") => {
            let expected = "ITEM.FIELD:NEW VALUE (T-101.due:2027-03-12)";
            let (place, to) = text.split_once([':', '：']).ok_or_else(|| bad(expected))?;
            let (item, item_field) = place.trim().split_once('.').ok_or_else(|| bad(expected))?;
            let target_kind = w.project.body(item).map(|b| b.kind()).ok_or_else(|| {
                EditError::from(EditMsg::UnknownItem {
                    id: item.to_string(),
                })
            })?;
            let shape = shape_of(target_kind, item_field)?;
            let to = convert(item_field, &shape, to, (&w.project.org, &w.clock))?;
            let mut entry = vec![
                ("item", Value::from(item)),
                ("field", Value::from(item_field)),
            ];
            if let Some(from) = current_value(w, item, item_field) {
                entry.push(("from", from));
            }
            entry.push(("to", to));
            Ok(vec![entry])
        }
        _ => Err(EditError::from(EditMsg::NotSettable {
            field: field.to_string(),
        })),
    }
}

/// The value `field` of item `id` has in its file now.
fn current_value(w: &Writer<'_>, id: &str, field: &str) -> Option<Value> {
    let target = w.target(id).ok()?;
    let document: DocumentMut = target.text.parse().ok()?;
    let path: Vec<&str> = field.split('.').collect();
    let mut value = doc::get(&document, &path)?.as_value()?.clone();
    value.decor_mut().clear();
    Some(value)
}
