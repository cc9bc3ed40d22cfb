//! Item files → items, in parallel; ids and duplicates.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::{Decoded, record};
use crate::cache::ParseCache;
use crate::diag::Diagnostic;
use crate::files::{FileId, Files};
use crate::messages::Msg;
use crate::model::{Item, ItemBody as Body, ItemKind, ItemLists, LoadProblem};
use crate::parse::{Problem, parse_document};
use crate::progress::Progress;
use crate::source::FileKind;

/// Items read from their files.
#[derive(Default)]
pub(super) struct LoadedItems {
    pub items: ItemLists,
    /// Ids whose file could not be read into an item.
    pub unreadable: HashSet<String>,
}

struct ParsedItem {
    file: FileId,
    body: Option<Body>,
    problems: Vec<Problem>,
    /// Taken from the parse cache (which the next load reads as well).
    cached: bool,
}

/// Items parsed from git blobs, kept for the next load: a pull request's
/// base and head share all but the files it changed, and each shared blob
/// is then parsed once, not twice.
#[derive(Default)]
pub struct ParseMemo {
    /// Whether loads leave what they parse here.
    recording: bool,
    parsed: HashMap<(git2::Oid, FileKind), (Option<Body>, Vec<Problem>)>,
}

impl ParseMemo {
    /// A memo that keeps what the next load parses.
    pub fn recording() -> ParseMemo {
        ParseMemo {
            recording: true,
            parsed: HashMap::new(),
        }
    }

    /// Stops keeping what loads parse (the last load takes, not keeps).
    pub fn stop_recording(&mut self) {
        self.recording = false;
    }

    /// How many parsed files it holds.
    pub fn len(&self) -> usize {
        self.parsed.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.parsed.is_empty()
    }
}

/// A file's item: parsed now, or to be taken from the memo.
// Short-lived and moved out at once; boxing would cost an allocation per file.
#[allow(clippy::large_enum_variant)]
enum Parse {
    Done(ParsedItem),
    Memo(git2::Oid),
}

/// The file name without folders and without `.toml`.
pub fn stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".toml").unwrap_or(name)
}

/// Whether `id` is a valid item id: `^[A-Za-z0-9][A-Za-z0-9._-]*$`.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// Parses the text of an item file of `kind` (`None` for other kinds).
pub fn parse_item_body(kind: FileKind, text: &str) -> (Option<Body>, Vec<Problem>) {
    fn typed<T: serde::de::DeserializeOwned>(
        text: &str,
        wrap: fn(T) -> Body,
    ) -> (Option<Body>, Vec<Problem>) {
        let parsed = parse_document::<T>(text);
        (parsed.value.map(wrap), parsed.problems)
    }
    let (body, mut problems) = match kind {
        FileKind::Task => typed(text, Body::Task),
        FileKind::Request => typed(text, Body::Request),
        FileKind::Meeting => typed(text, Body::Meeting),
        FileKind::Change => typed(text, Body::Change),
        FileKind::Complaint => typed(text, Body::Complaint),
        FileKind::Agreement => typed(text, Body::Agreement),
        FileKind::Comm => typed(text, Body::Comm),
        FileKind::Config | FileKind::Org | FileKind::Calendar => (None, Vec::new()),
    };
    if let Some(item_kind) = ItemKind::of_file(kind) {
        explain_keys_inside_tables(item_kind, &mut problems);
    }
    (body, problems)
}

/// A top-level field written below a table header belongs to that table
/// (`archived = true` appended after `[review]` is `review.archived`): say
/// so, instead of "unknown field".
fn explain_keys_inside_tables(kind: ItemKind, problems: &mut [Problem]) {
    let top = crate::schema::top_level_fields(kind);
    for problem in problems {
        let crate::messages::Msg::UnknownField { field } = &problem.message else {
            continue;
        };
        let Some((table, _)) = problem.field.rsplit_once('.') else {
            continue;
        };
        if !top.iter().any(|f| f == field) {
            continue;
        }
        let table = table.split('[').next().unwrap_or(table).to_string();
        problem.hint = Some(crate::messages::Msg::MoveKeyUp {
            key: field.clone(),
            table: table.clone(),
        });
        problem.message = crate::messages::Msg::KeyInsideTable {
            key: field.clone(),
            table,
        };
    }
}

fn parse_item(kind: FileKind, file: FileId, text: &str) -> ParsedItem {
    let (body, problems) = parse_item_body(kind, text);
    ParsedItem {
        file,
        body,
        problems,
        cached: false,
    }
}

/// The item of `entry`: from the parse cache, else parsed (and offered to
/// the cache when it parsed without a problem).
fn parse_entry(entry: &Decoded, files: &Files, cache: &ParseCache) -> ParsedItem {
    let path = files.path(entry.file);
    if entry.readable
        && let Some(body) = cache.take(path, entry.kind, entry.blob, entry.stamp.as_ref())
    {
        return ParsedItem {
            file: entry.file,
            body: Some(body),
            problems: Vec::new(),
            cached: true,
        };
    }
    let Some(text) = entry.parse_text(files) else {
        return ParsedItem {
            file: entry.file,
            body: None,
            problems: Vec::new(),
            cached: false,
        };
    };
    let item = parse_item(entry.kind, entry.file, &text);
    if let (Some(body), true) = (&item.body, item.problems.is_empty()) {
        cache.offer(
            path,
            entry.kind,
            (entry.blob, entry.stamp.as_ref()),
            body,
            &text,
        );
    }
    item
}

pub(super) fn load_items(
    entries: &[Decoded],
    files: &Files,
    problems: &mut Vec<LoadProblem>,
    progress: &dyn Progress,
    (memo, cache): (&mut ParseMemo, &ParseCache),
) -> LoadedItems {
    let item_entries: Vec<&Decoded> = entries
        .iter()
        .filter(|e| ItemKind::of_file(e.kind).is_some())
        .collect();
    let remembered = &memo.parsed;
    let parsed: Vec<(&Decoded, Option<Parse>)> = item_entries
        .par_iter()
        .map(|entry| {
            let id = stem(files.path(entry.file));
            let parsed = match entry.blob {
                Some(blob)
                    if entry.readable
                        && is_valid_id(id)
                        && remembered.contains_key(&(blob, entry.kind)) =>
                {
                    Some(Parse::Memo(blob))
                }
                _ if !is_valid_id(id) => None,
                _ => Some(Parse::Done(parse_entry(entry, files, cache))),
            };
            progress.advance(1);
            (*entry, parsed)
        })
        .collect();
    let parsed: Vec<(&Decoded, Option<ParsedItem>)> = parsed
        .into_iter()
        .map(|(entry, parse)| {
            let item = parse.map(|parse| match parse {
                Parse::Done(item) => {
                    // What came from the parse cache, the next load takes
                    // from there too: the memo would only hold a copy.
                    if memo.recording
                        && !item.cached
                        && let Some(blob) = entry.blob
                    {
                        let copy = (item.body.clone(), item.problems.clone());
                        memo.parsed.insert((blob, entry.kind), copy);
                    }
                    item
                }
                Parse::Memo(blob) => {
                    let (body, problems) = match memo.parsed.remove(&(blob, entry.kind)) {
                        Some(parsed) => parsed,
                        // The same blob twice in one revision: parse the copy.
                        None => entry
                            .parse_text(files)
                            .map(|text| parse_item_body(entry.kind, &text))
                            .unwrap_or_default(),
                    };
                    ParsedItem {
                        file: entry.file,
                        body,
                        problems,
                        cached: false,
                    }
                }
            });
            (entry, item)
        })
        .collect();

    let mut out = LoadedItems::default();
    // Sized once: a growing list of 100,000 tasks (about a kilobyte each)
    // would hold its old and new buffers at once.
    let count = |kind: FileKind| parsed.iter().filter(|(e, _)| e.kind == kind).count();
    out.items.tasks.reserve_exact(count(FileKind::Task));
    out.items.requests.reserve_exact(count(FileKind::Request));
    out.items.meetings.reserve_exact(count(FileKind::Meeting));
    out.items.changes.reserve_exact(count(FileKind::Change));
    out.items
        .complaints
        .reserve_exact(count(FileKind::Complaint));
    out.items
        .agreements
        .reserve_exact(count(FileKind::Agreement));
    out.items.comms.reserve_exact(count(FileKind::Comm));
    // id → the file that claimed it first (files are sorted by path).
    let mut claimed: HashMap<String, FileId> = HashMap::with_capacity(parsed.len());
    for (entry, item) in parsed {
        let path = files.path(entry.file);
        let id = stem(path);
        if !is_valid_id(id) {
            problems.push(LoadProblem {
                code: "S002",
                diagnostic: Diagnostic::new(
                    None,
                    entry.file,
                    None,
                    "",
                    Msg::InvalidFileName {
                        name: id.to_string(),
                    },
                ),
            });
            continue;
        }
        if let Some(first) = claimed.get(id) {
            problems.push(LoadProblem {
                code: "S003",
                diagnostic: Diagnostic::new(
                    Some(id),
                    entry.file,
                    None,
                    "",
                    Msg::DuplicateId {
                        id: id.to_string(),
                        first: files.path(*first).to_string(),
                    },
                )
                .key(path)
                .related(*first, 0..0, Msg::FirstDefinedHere),
            });
            continue;
        }
        claimed.insert(id.to_string(), entry.file);
        let Some(item) = item else {
            // Unreadable (its S001 is already recorded).
            out.unreadable.insert(id.to_string());
            continue;
        };
        record(problems, item.file, Some(id), item.problems);
        let id = id.to_string();
        match item.body {
            Some(Body::Task(body)) => out.items.tasks.push(Item {
                id,
                file: item.file,
                body,
            }),
            Some(Body::Request(body)) => out.items.requests.push(Item {
                id,
                file: item.file,
                body,
            }),
            Some(Body::Meeting(body)) => out.items.meetings.push(Item {
                id,
                file: item.file,
                body,
            }),
            Some(Body::Change(body)) => out.items.changes.push(Item {
                id,
                file: item.file,
                body,
            }),
            Some(Body::Complaint(body)) => out.items.complaints.push(Item {
                id,
                file: item.file,
                body,
            }),
            Some(Body::Agreement(body)) => out.items.agreements.push(Item {
                id,
                file: item.file,
                body,
            }),
            Some(Body::Comm(body)) => out.items.comms.push(Item {
                id,
                file: item.file,
                body,
            }),
            None => {
                out.unreadable.insert(id);
            }
        }
    }
    out
}
