//! Files → [`Project`].
//!
//! Reading never stops at the first bad file: unreadable or malformed item
//! and org files become findings (S001–S003) and the rest is loaded. Only a
//! problem in the configuration that every check depends on (`baton.toml`
//! and the calendars it uses: time zone, calendar, durations) stops the
//! load, as a [`LoadError`] that the CLI turns into exit code 2.

mod config;
mod items;

pub use items::{ParseMemo, is_valid_id, parse_item_body, stem};

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

use rayon::prelude::*;

use crate::cache::ParseCache;
use crate::diag::Diagnostic;
use crate::files::{FileId, Files};
use crate::messages::{Msg, RefKind};
use crate::model::{LoadProblem, Org, OrgFile, Project};
use crate::parse::{Problem, ProblemKind, parse_document};
use crate::progress::{Progress, Silent, Stage};
use crate::source::{Content, FileKind, Source, SourceError, SourceFile, Stamp};

/// Why a repository could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The files could not be listed or read.
    #[error(transparent)]
    Source(#[from] SourceError),
    /// `baton.toml` or a calendar it uses is invalid.
    #[error("invalid configuration")]
    Config(Box<ConfigErrors>),
}

/// Configuration problems, with the files needed to show them.
#[derive(Debug)]
pub struct ConfigErrors {
    /// The files the diagnostics point into.
    pub files: Files,
    /// What is wrong.
    pub diagnostics: Vec<Diagnostic>,
}

/// A file after decoding: its id in the file table, and whether its text
/// can be parsed.
struct Decoded {
    kind: FileKind,
    file: FileId,
    /// The git blob it was read from, if any.
    blob: Option<git2::Oid>,
    /// Its metadata, when it comes from the working tree.
    stamp: Option<Stamp>,
    /// Whether the file was read as UTF-8 text.
    readable: bool,
}

impl Decoded {
    /// The text to hand to the parser, or `None` when the file could not be
    /// read. A byte-order mark is replaced by spaces of the same byte
    /// length, so the parser accepts the file and every span stays where it
    /// was (only such files are copied).
    fn parse_text<'f>(&self, files: &'f Files) -> Option<Cow<'f, str>> {
        if !self.readable {
            return None;
        }
        let text = files.text(self.file);
        Some(match text.strip_prefix('\u{feff}') {
            Some(rest) => Cow::Owned(format!("   {rest}")),
            None => Cow::Borrowed(text),
        })
    }
}

/// Loads the project from `source`.
pub fn load(source: &dyn Source) -> Result<Project, LoadError> {
    load_with(source, &Silent)
}

/// Loads the project from `source`, reporting progress per item parsed.
pub fn load_with(source: &dyn Source, progress: &dyn Progress) -> Result<Project, LoadError> {
    load_memo(source, progress, &mut ParseMemo::default())
}

/// [`load_with`], taking the items of blobs `memo` has already parsed from
/// it, and leaving in it what it parses when `memo` records: the two
/// revisions of a pull request share most blobs.
pub fn load_memo(
    source: &dyn Source,
    progress: &dyn Progress,
    memo: &mut ParseMemo,
) -> Result<Project, LoadError> {
    load_cached(source, progress, memo, &ParseCache::disabled())
}

/// [`load_memo`], also taking items from `cache` (files it holds are not
/// even read) and offering it the items of files parsed without a problem.
pub fn load_cached(
    source: &dyn Source,
    progress: &dyn Progress,
    memo: &mut ParseMemo,
    cache: &ParseCache,
) -> Result<Project, LoadError> {
    let read = crate::timing::stage("load: list and read");
    let mut listed = source.read_cached(cache)?;
    drop(read);
    let _decode = crate::timing::stage("load: decode, parse, model");
    listed.sort_by(|a, b| a.path.cmp(&b.path));

    let mut files = Files::default();
    let mut problems = Vec::new();
    let decoded: Vec<(SourceFile, Decoding)> = listed
        .into_par_iter()
        .map(|mut file| {
            let content = std::mem::replace(&mut file.content, Content::Bytes(Vec::new()));
            let decoding = match content {
                Content::Unread(reread) => Decoding::Unread(reread),
                content => {
                    let (text, problem) = decode(content);
                    Decoding::Read(text, problem)
                }
            };
            (file, decoding)
        })
        .collect();
    let mut entries = Vec::with_capacity(decoded.len());
    for (
        SourceFile {
            path,
            kind,
            blob,
            stamp,
            ..
        },
        decoding,
    ) in decoded
    {
        let (id, problem) = match decoding {
            Decoding::Unread(reread) => (files.add_unread(path, reread), None),
            Decoding::Read(text, problem) => (files.add(path, text), problem),
        };
        let readable = problem.is_none();
        if let Some((message, span)) = problem {
            problems.push(LoadProblem {
                code: "S001",
                diagnostic: Diagnostic::new(None, id, Some(span), "", message),
            });
        }
        entries.push(Decoded {
            kind,
            file: id,
            blob,
            stamp,
            readable,
        });
    }

    // Files meant for baton that it does not read are said, not ignored.
    for (path, why) in source.strays() {
        let file = files.add(path, String::new());
        problems.push(LoadProblem {
            code: "S002",
            diagnostic: Diagnostic::new(None, file, None, "", Msg::NotRead { why }),
        });
    }

    let Some(config_entry) = entries.iter().find(|e| e.kind == FileKind::Config) else {
        return Err(SourceError::NoRoot {
            path: source.describe(),
        }
        .into());
    };
    let settings = match config::resolve(
        config_entry,
        &entries,
        &files,
        &source.root_name(),
        &mut problems,
    ) {
        Ok(settings) => settings,
        Err(diagnostics) => {
            return Err(LoadError::Config(Box::new(ConfigErrors {
                files,
                diagnostics,
            })));
        }
    };
    let config_file = config_entry.file;

    let (org, org_file) = load_org(&entries, &files, config_file, &mut problems);
    progress.start(Stage::Loading, Some(entries.len() as u64));
    let loaded = items::load_items(&entries, &files, &mut problems, progress, (memo, cache));
    progress.finish();
    let mut unreadable: HashSet<String> = loaded.unreadable;
    unreadable.shrink_to_fit();
    Ok(Project::new(
        (settings, files, config_file),
        (org, org_file),
        loaded.items,
        problems,
        unreadable,
    ))
}

/// Why a file's text cannot be parsed, and where.
type ReadProblem = (Msg, Range<usize>);

/// A file's text, or the way to read it later.
enum Decoding {
    /// Read now: the text and, when it cannot be parsed, why.
    Read(String, Option<ReadProblem>),
    /// Not read: its item is in the parse cache.
    Unread(crate::files::Reread),
}

/// Text of a file and, when it could not be read as UTF-8 TOML text, why.
fn decode(content: Content) -> (String, Option<ReadProblem>) {
    match content {
        Content::Bytes(bytes) => decode_bytes(bytes),
        Content::Symlink(target) => (
            String::new(),
            Some((Msg::SymlinkNotFollowed { target }, 0..0)),
        ),
        Content::TooLarge(bytes) => (
            String::new(),
            Some((
                Msg::FileTooLarge {
                    bytes,
                    limit: crate::source::MAX_FILE_BYTES,
                },
                0..0,
            )),
        ),
        Content::Unreadable(error) => (String::new(), Some((Msg::Unreadable { error }, 0..0))),
        // Handled before decoding; should one get here, it is read now.
        Content::Unread(reread) => decode_bytes(reread.bytes().unwrap_or_default()),
    }
}

/// The bytes become the text without a copy; invalid UTF-8 is replaced and
/// reported where it starts.
fn decode_bytes(bytes: Vec<u8>) -> (String, Option<ReadProblem>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            // In the decoded text the bad bytes became U+FFFD: point at it.
            let at = error.utf8_error().valid_up_to();
            let replacement = at..at + '\u{fffd}'.len_utf8();
            (
                String::from_utf8_lossy(error.as_bytes()).into_owned(),
                Some((Msg::InvalidUtf8, replacement)),
            )
        }
    }
}

/// Turns parse problems of `file` into load problems of `item`.
fn record(problems: &mut Vec<LoadProblem>, file: FileId, item: Option<&str>, parsed: Vec<Problem>) {
    for problem in parsed {
        let code = match problem.kind {
            ProblemKind::Syntax => "S001",
            ProblemKind::Schema => "S002",
        };
        let mut diagnostic = Diagnostic::new(
            item,
            file,
            Some(problem.span),
            &problem.field,
            problem.message,
        )
        .maybe_hint(problem.hint);
        // Two problems on one field stay distinct.
        diagnostic.key = format!("{:?}", diagnostic.message)
            .chars()
            .take(80)
            .collect();
        problems.push(LoadProblem { code, diagnostic });
    }
}

fn load_org(
    entries: &[Decoded],
    files: &Files,
    config_file: FileId,
    problems: &mut Vec<LoadProblem>,
) -> (Org, Option<FileId>) {
    let Some(entry) = entries.iter().find(|e| e.kind == FileKind::Org) else {
        problems.push(LoadProblem {
            code: "S002",
            diagnostic: Diagnostic::new(None, config_file, None, "org.toml", Msg::OrgMissing),
        });
        return (Org::default(), None);
    };
    let Some(text) = entry.parse_text(files) else {
        return (Org::default(), Some(entry.file));
    };
    let parsed = parse_document::<OrgFile>(&text);
    record(problems, entry.file, None, parsed.problems);
    let Some(org_file) = parsed.value else {
        return (Org::default(), Some(entry.file));
    };
    report_duplicate_org_ids(&org_file, entry.file, files, problems);
    (Org::new(org_file), Some(entry.file))
}

fn report_duplicate_org_ids(
    org: &OrgFile,
    file: FileId,
    _files: &Files,
    problems: &mut Vec<LoadProblem>,
) {
    let departments = org.department.iter().map(|d| (&d.id, RefKind::Department));
    let people = org.person.iter().map(|p| (&p.id, RefKind::Person));
    for group in [departments.collect::<Vec<_>>(), people.collect::<Vec<_>>()] {
        let mut seen: std::collections::HashMap<&str, Range<usize>> =
            std::collections::HashMap::new();
        for (id, kind) in group {
            if let Some(first) = seen.get(id.as_str()) {
                problems.push(LoadProblem {
                    code: "S003",
                    diagnostic: Diagnostic::new(
                        None,
                        file,
                        Some(id.span()),
                        if kind == RefKind::Person {
                            "person.id"
                        } else {
                            "department.id"
                        },
                        Msg::DuplicateOrgId {
                            kind,
                            id: id.to_string(),
                        },
                    )
                    .key(id.as_str())
                    .related(file, first.clone(), Msg::FirstDefinedHere),
                });
            } else {
                seen.insert(id.as_str(), id.span());
            }
        }
    }
}

#[cfg(test)]
mod tests;
