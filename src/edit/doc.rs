//! Edits on an item's `toml_edit` document. Only the value that changes is
//! replaced: its comments (before the key, after the value) stay; a new
//! top-level key goes with the other top-level keys (never after a table,
//! where it would belong to that table); a new `[[update]]` goes right
//! after the last one (toml_edit places a table without a position after
//! the one visited before it).

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, TableLike, Value};

/// The table at `path` (empty: the document), created as a standard table
/// where missing. `None` when something else is in the way.
fn table_mut<'d>(doc: &'d mut DocumentMut, path: &[&str]) -> Option<&'d mut dyn TableLike> {
    let mut table: &mut dyn TableLike = doc.as_table_mut();
    for segment in path {
        let item = table.entry(segment).or_insert_with(|| {
            let mut new = Table::new();
            new.set_implicit(false);
            Item::Table(new)
        });
        table = item.as_table_like_mut()?;
    }
    Some(table)
}

/// The item at `path`.
pub fn get<'d>(doc: &'d DocumentMut, path: &[&str]) -> Option<&'d Item> {
    let (last, parents) = path.split_last()?;
    let mut table: &dyn TableLike = doc.as_table();
    for segment in parents {
        table = table.get(segment)?.as_table_like()?;
    }
    table.get(last)
}

/// Sets `path` to `value`, keeping the comments of the value it replaces;
/// parent tables are created where missing. False when a parent is not a
/// table.
pub fn set(doc: &mut DocumentMut, path: &[&str], value: Value) -> bool {
    let Some((last, parents)) = path.split_last() else {
        return false;
    };
    let Some(table) = table_mut(doc, parents) else {
        return false;
    };
    match table.get_mut(last) {
        // The same value: the file keeps its layout (a multi-line list).
        Some(Item::Value(old))
            if canonical(old).is_some() && canonical(old) == canonical(&value) => {}
        Some(Item::Value(old)) => {
            let mut value = value;
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        _ => {
            table.insert(last, Item::Value(value));
        }
    }
    true
}

/// The value as data, without layout: a multi-line array and the same
/// array on one line, or `'a'` and `"a"`, read the same.
fn canonical(value: &Value) -> Option<toml::Value> {
    let text = format!("v = {}", value.to_string().trim());
    let mut table: toml::Table = toml::from_str(&text).ok()?;
    table.remove("v")
}

/// Removes `path`; a table left empty by it is removed too.
pub fn remove(doc: &mut DocumentMut, path: &[&str]) -> bool {
    let Some((last, parents)) = path.split_last() else {
        return false;
    };
    if !parents.is_empty() && get(doc, parents).is_none() {
        return false;
    }
    let Some(table) = table_mut(doc, parents) else {
        return false;
    };
    let removed = table.remove(last).is_some();
    // Tables the removal left empty go too, innermost first.
    let mut depth = parents.len();
    while depth > 0
        && get(doc, &parents[..depth])
            .and_then(Item::as_table_like)
            .is_some_and(|t| t.is_empty())
    {
        let Some(parent) = table_mut(doc, &parents[..depth - 1]) else {
            break;
        };
        parent.remove(parents[depth - 1]);
        depth -= 1;
    }
    removed
}

/// Appends a table to the array of tables at `path` (`update`,
/// `minutes.action`), creating the array where missing.
pub fn push_table(doc: &mut DocumentMut, path: &[&str], fields: Vec<(&str, Value)>) -> bool {
    let Some((last, parents)) = path.split_last() else {
        return false;
    };
    let Some(table) = table_mut(doc, parents) else {
        return false;
    };
    let item = table
        .entry(last)
        .or_insert_with(|| Item::ArrayOfTables(ArrayOfTables::new()));
    let Some(array) = item.as_array_of_tables_mut() else {
        return false;
    };
    let mut entry = Table::new();
    for (key, value) in fields {
        entry.insert(key, Item::Value(value));
    }
    array.push(entry);
    true
}

/// The entry of the array of tables at `path` whose `key` is `value` (an
/// action item by title, a response by department), the last one when
/// several match.
pub fn entry_mut<'d>(
    doc: &'d mut DocumentMut,
    path: &[&str],
    key: &str,
    value: &str,
) -> Option<&'d mut Table> {
    let (last, parents) = path.split_last()?;
    if !parents.is_empty() && get(doc, parents).is_none() {
        return None;
    }
    let table = table_mut(doc, parents)?;
    table
        .get_mut(last)?
        .as_array_of_tables_mut()?
        .iter_mut()
        .filter(|entry| entry.get(key).and_then(Item::as_str) == Some(value))
        .last()
}

/// Sets `key` of an entry table, keeping the comments of the value it
/// replaces.
pub fn set_in(table: &mut Table, key: &str, mut value: Value) {
    match table.get_mut(key) {
        // The same value: the file keeps its layout (a multi-line list).
        Some(Item::Value(old))
            if canonical(old).is_some() && canonical(old) == canonical(&value) => {}
        Some(Item::Value(old)) => {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        _ => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// Adds `values` to the list at `path` (those not in it yet).
pub fn list_add(doc: &mut DocumentMut, path: &[&str], values: Vec<Value>) -> bool {
    let existing = match get(doc, path) {
        None => toml_edit::Array::new(),
        Some(item) => match item.as_array() {
            Some(array) => array.clone(),
            None => return false,
        },
    };
    let mut array = existing;
    for value in values {
        if !array.iter().any(|v| same(v, &value)) {
            array.push_formatted(value.decorated(if array.is_empty() { "" } else { " " }, ""));
        }
    }
    set(doc, path, Value::Array(array))
}

/// Removes `values` from the list at `path`.
pub fn list_remove(doc: &mut DocumentMut, path: &[&str], values: &[Value]) -> bool {
    let Some(mut array) = get(doc, path).and_then(Item::as_array).cloned() else {
        return false;
    };
    array.retain(|v| !values.iter().any(|gone| same(v, gone)));
    if let Some(first) = array.get_mut(0) {
        first.decor_mut().set_prefix("");
    }
    set(doc, path, Value::Array(array))
}

/// Two values equal as TOML (whatever their formatting).
fn same(a: &Value, b: &Value) -> bool {
    a.clone().decorated("", "").to_string() == b.clone().decorated("", "").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> DocumentMut {
        text.parse().unwrap()
    }

    #[test]
    fn a_replaced_value_keeps_its_comments() {
        let mut d = doc(
            "# the task\ntitle = \"a\"\ndue = 2026-07-08   # end of day\n\n[review]\nby = \"x\"\n",
        );
        assert!(set(&mut d, &["due"], Value::from("2026-07-09")));
        assert_eq!(
            d.to_string(),
            "# the task\ntitle = \"a\"\ndue = \"2026-07-09\"   # end of day\n\n[review]\nby = \"x\"\n"
        );
    }

    #[test]
    fn a_new_top_level_key_goes_before_the_tables() {
        let mut d = doc("title = \"a\"\n\n[review]\nby = \"x\"\n");
        assert!(set(&mut d, &["archived"], Value::from(true)));
        assert_eq!(
            d.to_string(),
            "title = \"a\"\narchived = true\n\n[review]\nby = \"x\"\n"
        );
        assert!(d.to_string().parse::<toml::Table>().unwrap()["archived"].as_bool() == Some(true));
    }

    #[test]
    fn a_new_update_follows_the_last_one() {
        let mut d = doc("title = \"a\"\n\n[[update]]\nprogress = 10\n\n[review]\nby = \"x\"\n");
        assert!(push_table(
            &mut d,
            &["update"],
            vec![("progress", Value::from(20))]
        ));
        let text = d.to_string();
        let second = text.find("progress = 20").unwrap();
        assert!(second < text.find("[review]").unwrap(), "{text}");
        assert!(second > text.find("progress = 10").unwrap(), "{text}");
    }

    #[test]
    fn nested_tables_are_created_and_emptied_ones_removed() {
        let mut d = doc("title = \"a\"\n");
        assert!(set(&mut d, &["blocked", "reason"], Value::from("env")));
        assert_eq!(
            d.to_string(),
            "title = \"a\"\n\n[blocked]\nreason = \"env\"\n"
        );
        assert!(remove(&mut d, &["blocked", "reason"]));
        assert_eq!(d.to_string(), "title = \"a\"\n");
    }

    #[test]
    fn inline_tables_are_edited_in_place() {
        let mut d = doc("from = { department = \"mkt\", contact = \"a\" }\n");
        assert!(set(&mut d, &["from", "contact"], Value::from("b")));
        assert_eq!(
            d.to_string(),
            "from = { department = \"mkt\", contact = \"b\" }\n"
        );
    }

    #[test]
    fn lists_gain_and_lose_members() {
        let mut d = doc("support = [\"mkt\"]  # who helps\n");
        assert!(list_add(
            &mut d,
            &["support"],
            vec![Value::from("ops"), Value::from("mkt")]
        ));
        assert_eq!(d.to_string(), "support = [\"mkt\", \"ops\"]  # who helps\n");
        assert!(list_remove(&mut d, &["support"], &[Value::from("mkt")]));
        assert_eq!(d.to_string(), "support = [\"ops\"]  # who helps\n");
    }

    #[test]
    fn entries_are_found_by_key() {
        let mut d = doc(
            "[minutes]\n[[minutes.action]]\ntitle = \"a\"\n[[minutes.action]]\ntitle = \"b\"\n",
        );
        let entry = entry_mut(&mut d, &["minutes", "action"], "title", "b").unwrap();
        set_in(entry, "confirmed_at", Value::from("x"));
        assert!(
            d.to_string()
                .ends_with("title = \"b\"\nconfirmed_at = \"x\"\n"),
            "{d}"
        );
        assert!(entry_mut(&mut d, &["minutes", "action"], "title", "c").is_none());
    }
}
