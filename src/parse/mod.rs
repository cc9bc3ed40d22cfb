//! TOML text → typed values with spans, collecting every problem.
//!
//! [`parse_document`] first tries the fast path: one `toml` deserialization
//! straight into the model type. Only when that fails does it take the
//! repair path: it parses the document into `toml`'s spanned tree, and
//! repeatedly deserializes, records the error, removes the offending entry
//! and tries again. So a file with three unknown fields yields three
//! findings and still an item, and one wrong field does not hide the rest of
//! the file from the rules.

mod datetime;
mod spanned;
pub mod suggest;

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::de::{DeArray, DeTable, DeValue};

pub use datetime::{ClockTime, Day, When};
pub use spanned::Sp;

use crate::messages::Msg;

/// At most this many repairs per file; beyond it the file is given up.
const MAX_REPAIRS: usize = 200;

/// Which rule a parse problem belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// The text is not TOML (S001).
    Syntax,
    /// The TOML does not fit the schema (S002).
    Schema,
}

/// A problem found while parsing one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Syntax or schema.
    pub kind: ProblemKind,
    /// Byte range in the file.
    pub span: Range<usize>,
    /// Dotted path of the field (`update[1].by`), empty for the whole file.
    pub field: String,
    /// What is wrong.
    pub message: Msg,
    /// How to fix it.
    pub hint: Option<Msg>,
}

/// The outcome of parsing one file: the value when it could be built
/// (possibly without the entries that were wrong), and every problem.
#[derive(Debug)]
pub struct Parsed<T> {
    /// The value, if the required parts of the document were usable.
    pub value: Option<T>,
    /// Everything that was wrong.
    pub problems: Vec<Problem>,
}

/// Parses `text` as a TOML document of type `T`. Never panics.
pub fn parse_document<T: DeserializeOwned>(text: &str) -> Parsed<T> {
    if let Ok(value) = toml::from_str::<T>(text) {
        return Parsed {
            value: Some(value),
            problems: Vec::new(),
        };
    }
    let table = match DeTable::parse(text) {
        Ok(table) => table,
        Err(error) => {
            return Parsed {
                value: None,
                problems: vec![syntax_problem(text, &error)],
            };
        }
    };
    repair(text, table.into_inner())
}

fn syntax_problem(text: &str, error: &toml::de::Error) -> Problem {
    let mut span = error.span().unwrap_or(0..0);
    // The parser stops deep nesting without saying where: find it.
    if span.is_empty()
        && error.message().contains("recursion limit")
        && let Some(at) = too_deep_at(text)
    {
        span = at..at + 1;
    }
    let detail = first_line(error.message());
    let problem = |span, message, hint| Problem {
        kind: ProblemKind::Syntax,
        span,
        field: String::new(),
        message,
        hint,
    };
    // A Chinese input method's full-width punctuation where TOML needs
    // ASCII: say which character, not what the parser expected.
    if let Some(c) = text.get(span.start..).and_then(|t| t.chars().next())
        && let Some(ascii) = suggest::half_width(c)
    {
        let at = span.start..span.start + c.len_utf8();
        let message = Msg::FullWidth {
            found: c.to_string(),
            ascii: ascii.to_string(),
        };
        return problem(at, message, None);
    }
    // `负责人 = …`: a field named in Chinese, which TOML does not allow
    // unquoted and baton would not know anyway.
    if detail.starts_with("invalid unquoted key") {
        let key: String = text
            .get(span.start..)
            .unwrap_or("")
            .chars()
            .take_while(|c| !c.is_whitespace() && !matches!(c, '=' | '.' | ']'))
            .collect();
        if !key.is_empty() && !key.is_ascii() {
            let at = span.start..span.start + key.len();
            let hint =
                suggest::field_suggestion(&key, &suggest::field_names()).map(|c| Msg::DidYouMean {
                    candidate: c.to_string(),
                });
            return problem(at, Msg::NonAsciiKey { key }, hint);
        }
    }
    if detail.starts_with("string values must be quoted") {
        let token: String = text
            .get(span.start..)
            .unwrap_or("")
            .chars()
            .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}' | '#'))
            .collect();
        if let Some(date) = suggest::date_like(&token) {
            let at = span.start..span.start + token.len();
            return problem(at, Msg::NotADate { found: token, date }, None);
        }
        if !token.is_empty() {
            let hint = Msg::QuoteValue { value: token };
            return problem(span, Msg::TomlSyntax { detail }, Some(hint));
        }
    }
    problem(span, Msg::TomlSyntax { detail }, None)
}

/// Nesting deeper than this is where the parser gives up (its limit is 80;
/// a little less so the reported spot is at or before it).
const DEEP: usize = 64;

/// The byte offset where brackets, braces or dotted-key segments first
/// nest deeper than [`DEEP`], ignoring quoted text. Linear, no recursion.
fn too_deep_at(text: &str) -> Option<usize> {
    let mut depth: usize = 0;
    let mut quote: Option<char> = None;
    let mut dots_in_key = 0;
    let mut in_key = true;
    for (i, c) in text.char_indices() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => quote = Some(c),
            '[' | '{' => depth += 1,
            ']' | '}' => depth = depth.saturating_sub(1),
            '.' if in_key => dots_in_key += 1,
            '=' => in_key = false,
            '\n' => {
                in_key = true;
                dots_in_key = 0;
            }
            _ => {}
        }
        if depth > DEEP || dots_in_key > DEEP {
            return Some(i);
        }
    }
    None
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").trim().to_string()
}

/// One step of a path into the document.
#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Key(String),
    Index(usize),
}

fn path_string(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// What a serde error says, recovered from its (stable, serde-defined) text.
#[derive(Debug, PartialEq)]
enum ErrorKind {
    UnknownField {
        field: String,
        expected: Vec<String>,
    },
    MissingField {
        field: String,
    },
    InvalidType {
        found: String,
        expected: String,
    },
    OutOfRange {
        found: String,
        expected: String,
    },
    UnknownVariant {
        value: String,
        expected: Vec<String>,
    },
    Other(String),
}

fn backticked(s: &str) -> Vec<String> {
    s.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// What the error says; `source` is the document text at the error's span.
fn classify(message: &str, source: &str) -> ErrorKind {
    let message = first_line(message);
    // toml's own words when an enumeration gets neither string nor table.
    if message == "wanted string or table" {
        return ErrorKind::InvalidType {
            found: format!("`{}`", source.trim()),
            expected: "a string".into(),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let mut names = backticked(rest);
        if !names.is_empty() {
            let field = names.remove(0);
            return ErrorKind::UnknownField {
                field,
                expected: names,
            };
        }
    }
    if let Some(rest) = message.strip_prefix("missing field ")
        && let Some(field) = backticked(rest).into_iter().next()
    {
        return ErrorKind::MissingField { field };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let mut names = backticked(rest);
        if !names.is_empty() {
            let value = names.remove(0);
            return ErrorKind::UnknownVariant {
                value,
                expected: names,
            };
        }
    }
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return ErrorKind::InvalidType {
            found: plain_found(found),
            expected: plain_expected(expected),
        };
    }
    if let Some(rest) = message.strip_prefix("invalid value: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        let value = backticked(found)
            .into_iter()
            .next()
            .unwrap_or_else(|| plain_found(found));
        return ErrorKind::OutOfRange {
            found: value,
            expected: plain_range(expected),
        };
    }
    ErrorKind::Other(message)
}

/// serde's words for types, in TOML's words.
fn plain_expected(expected: &str) -> String {
    let e = expected.trim();
    if e.starts_with("struct ") || e == "a map" || e == "map" {
        return "a table".into();
    }
    if e == "a sequence" || e.starts_with("a sequence") || e.starts_with("tuple") {
        return "an array".into();
    }
    if e == "a boolean" {
        return "true or false".into();
    }
    if matches!(
        e,
        "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "usize"
    ) {
        return "an integer".into();
    }
    if e.starts_with("enum ") {
        return "one of the listed values".into();
    }
    e.to_string()
}

/// The range a number must be in, from serde's name of the Rust type.
fn plain_range(expected: &str) -> String {
    match expected.trim() {
        "u8" => "a whole number from 0 to 255".into(),
        "u16" => "a whole number from 0 to 65535".into(),
        "u32" => "a whole number from 0 to 4294967295".into(),
        "u64" | "usize" => "a whole number from 0".into(),
        other => plain_expected(other),
    }
}

fn plain_found(found: &str) -> String {
    let found = found.trim();
    // serde names the width of numbers too large for 64 bits.
    let found = found
        .strip_suffix(" as i128")
        .or_else(|| found.strip_suffix(" as u128"))
        .unwrap_or(found);
    match found {
        "map" => "a table".into(),
        "sequence" => "an array".into(),
        other => other.to_string(),
    }
}

fn repair<T: DeserializeOwned>(text: &str, mut table: DeTable<'_>) -> Parsed<T> {
    let mut problems = Vec::new();
    // Removing entries shifts array indices: paths shown to the user are
    // those of the document as written.
    let pristine = table.clone();
    let shown = |span: &Range<usize>| locate(&pristine, span).map(|p| path_string(&p));
    // (path of the table, field) pairs removed, or misspelt, so far: a later
    // "missing field" for one of them is a consequence, not a new problem.
    let mut removed: Vec<(Vec<Seg>, String)> = Vec::new();
    for _ in 0..MAX_REPAIRS {
        let document = toml::Deserializer::from(toml::Spanned::new(0..0, table.clone()));
        let error = match T::deserialize(document) {
            Ok(value) => {
                return Parsed {
                    value: Some(value),
                    problems,
                };
            }
            Err(error) => error,
        };
        let span = error.span().unwrap_or(0..0);
        match classify(error.message(), text.get(span.clone()).unwrap_or("")) {
            ErrorKind::UnknownField { field, expected } => {
                let Some(path) = locate(&table, &span) else {
                    problems.push(schema_problem(
                        span,
                        field.clone(),
                        Msg::UnknownField { field },
                        None,
                    ));
                    break;
                };
                let fields: Vec<&str> = expected.iter().map(String::as_str).collect();
                let suggestion = suggest::field_suggestion(&field, &fields);
                if let (Some(candidate), Some((_, parent))) = (suggestion, path.split_last()) {
                    // `titel` for `title`: the missing `title` that follows is the same mistake.
                    removed.push((parent.to_vec(), candidate.to_string()));
                }
                let hint = suggestion
                    .map(|candidate| Msg::DidYouMean {
                        candidate: candidate.to_string(),
                    })
                    .or_else(|| {
                        (!expected.is_empty()).then(|| Msg::ExpectedOneOf {
                            candidates: expected.clone(),
                        })
                    });
                let full = shown(&span).unwrap_or_else(|| path_string(&path));
                problems.push(schema_problem(
                    span,
                    full,
                    Msg::UnknownField { field },
                    hint,
                ));
                record_removal(&mut removed, &path);
                remove(&mut table, &path);
            }
            ErrorKind::MissingField { field } => {
                // The span of a missing field is that of its table; the
                // document's own table has an empty span.
                let parent = if span.is_empty() {
                    Some(Vec::new())
                } else {
                    locate(&table, &span)
                };
                let consequence = parent
                    .as_ref()
                    .is_some_and(|p| removed.iter().any(|(t, f)| t == p && *f == field));
                match parent {
                    Some(parent) if !parent.is_empty() => {
                        if !consequence {
                            let table_path = shown(&span).unwrap_or_else(|| path_string(&parent));
                            let full = format!("{table_path}.{field}");
                            problems.push(schema_problem(
                                span.clone(),
                                full.clone(),
                                Msg::MissingField { field: full },
                                None,
                            ));
                        }
                        record_removal(&mut removed, &parent);
                        remove(&mut table, &parent);
                    }
                    _ => {
                        if !consequence {
                            problems.push(schema_problem(
                                span,
                                field.clone(),
                                Msg::MissingField { field },
                                None,
                            ));
                        }
                        break;
                    }
                }
            }
            kind => {
                let Some(path) = locate(&table, &span).filter(|p| !p.is_empty()) else {
                    // Nothing to remove: report what is known and give up.
                    let (message, hint) = describe(kind, "");
                    problems.push(schema_problem(span, String::new(), message, hint));
                    break;
                };
                let field = shown(&span).unwrap_or_else(|| path_string(&path));
                let (message, hint) = describe(kind, &field);
                problems.push(schema_problem(span, field, message, hint));
                record_removal(&mut removed, &path);
                remove(&mut table, &path);
            }
        }
    }
    Parsed {
        value: None,
        problems,
    }
}

/// The message and hint for an error about the value of `field`.
fn describe(kind: ErrorKind, field: &str) -> (Msg, Option<Msg>) {
    let field = field.to_string();
    match kind {
        // A number beyond 64 bits: serde calls it a type mismatch.
        ErrorKind::InvalidType { found, expected }
            if expected == "an integer" && found.starts_with("integer ") =>
        {
            (
                Msg::InvalidValue {
                    field,
                    detail: format!("{} is too large", found.trim_start_matches("integer ")),
                },
                None,
            )
        }
        ErrorKind::InvalidType { found, expected } => {
            let hint = (expected == "an array").then(|| Msg::UseArray {
                example: format!("[{}]", found.trim_start_matches("string ")),
            });
            (
                Msg::WrongType {
                    field,
                    found,
                    expected,
                },
                hint,
            )
        }
        ErrorKind::UnknownVariant { value, expected } => {
            let hint =
                suggest::did_you_mean(&value, expected.iter().map(String::as_str)).map(|c| {
                    Msg::DidYouMean {
                        candidate: c.to_string(),
                    }
                });
            (
                Msg::BadEnumValue {
                    field,
                    value,
                    expected,
                },
                hint,
            )
        }
        ErrorKind::OutOfRange { found, expected } => (
            Msg::InvalidValue {
                field,
                detail: format!("{found} is out of range: expected {expected}"),
            },
            None,
        ),
        ErrorKind::UnknownField { .. } => (Msg::UnknownField { field }, None),
        ErrorKind::MissingField { .. } => (Msg::MissingField { field }, None),
        ErrorKind::Other(detail) => (Msg::InvalidValue { field, detail }, None),
    }
}

fn schema_problem(span: Range<usize>, field: String, message: Msg, hint: Option<Msg>) -> Problem {
    Problem {
        kind: ProblemKind::Schema,
        span,
        field,
        message,
        hint,
    }
}

fn record_removal(removed: &mut Vec<(Vec<Seg>, String)>, path: &[Seg]) {
    if let Some((Seg::Key(key), parent)) = path.split_last() {
        removed.push((parent.to_vec(), key.clone()));
    }
}

/// Finds the entry an error span points at: an exact key or value match at
/// the greatest depth, else the deepest value that contains the span.
/// Iterative; the parser already bounds nesting depth.
fn locate(table: &DeTable<'_>, span: &Range<usize>) -> Option<Vec<Seg>> {
    let mut best_exact: Option<Vec<Seg>> = None;
    let mut best_containing: Option<Vec<Seg>> = None;
    let contains = |outer: &Range<usize>| {
        outer.start <= span.start && span.end <= outer.end && !outer.is_empty()
    };
    let mut consider = |path: &Vec<Seg>, value_span: &Range<usize>| {
        if value_span == span {
            if best_exact.as_ref().is_none_or(|b| b.len() < path.len()) {
                best_exact = Some(path.clone());
            }
        } else if contains(value_span)
            && best_containing
                .as_ref()
                .is_none_or(|b| b.len() < path.len())
        {
            best_containing = Some(path.clone());
        }
    };
    let mut stack: Vec<(Vec<Seg>, &DeValue<'_>)> = Vec::new();
    for (key, value) in table.iter() {
        let path = vec![Seg::Key(key.get_ref().to_string())];
        if key.span() == *span {
            return Some(path);
        }
        consider(&path, &value.span());
        stack.push((path, value.get_ref()));
    }
    while let Some((path, value)) = stack.pop() {
        match value {
            DeValue::Table(inner) => {
                for (key, value) in inner.iter() {
                    let mut child = path.clone();
                    child.push(Seg::Key(key.get_ref().to_string()));
                    if key.span() == *span {
                        return Some(child);
                    }
                    consider(&child, &value.span());
                    stack.push((child, value.get_ref()));
                }
            }
            DeValue::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    let mut child = path.clone();
                    child.push(Seg::Index(index));
                    consider(&child, &item.span());
                    stack.push((child, item.get_ref()));
                }
            }
            _ => {}
        }
    }
    best_exact.or(best_containing)
}

/// Removes the entry at `path` (a key of a table or an element of an array).
fn remove<'i>(table: &mut DeTable<'i>, path: &[Seg]) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut current: Option<&mut DeValue<'i>> = None;
    for seg in parents {
        let next = match (current.take(), seg) {
            (None, Seg::Key(k)) => table.get_mut(k.as_str()).map(toml::Spanned::get_mut),
            (Some(DeValue::Table(t)), Seg::Key(k)) => {
                t.get_mut(k.as_str()).map(toml::Spanned::get_mut)
            }
            (Some(DeValue::Array(a)), Seg::Index(i)) => a.get_mut(*i).map(toml::Spanned::get_mut),
            _ => None,
        };
        let Some(next) = next else { return };
        current = Some(next);
    }
    match (current, last) {
        (None, Seg::Key(k)) => {
            table.remove(k.as_str());
        }
        (Some(DeValue::Table(t)), Seg::Key(k)) => {
            t.remove(k.as_str());
        }
        (Some(DeValue::Array(a)), Seg::Index(i)) => {
            let mut kept = DeArray::new();
            for (index, item) in std::mem::replace(a, DeArray::new()).into_iter().enumerate() {
                if index != *i {
                    kept.push(item);
                }
            }
            *a = kept;
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests;
