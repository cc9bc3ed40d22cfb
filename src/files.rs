//! The file table: every file baton read, its text, and the mapping from
//! byte offsets to 1-based line and column.
//!
//! Findings carry a [`FileId`] and a byte range; line and column are computed
//! only when a finding is rendered, from the line starts of its file.

use std::fmt;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// Index of a file in [`Files`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(u32);

/// One file: its path relative to the baton root (with `/` separators) and
/// its text (invalid UTF-8 replaced by U+FFFD), read when first asked for
/// if the load did not need it.
#[derive(Debug)]
pub struct SourceText {
    path: String,
    text: OnceLock<String>,
    reread: Option<Reread>,
    line_starts: OnceLock<Vec<u32>>,
}

/// Reads a file's bytes again, for a file whose parsed item came from the
/// parse cache: its text is needed only when a finding points into it.
#[derive(Clone)]
pub struct Reread(Arc<dyn Fn() -> Option<Vec<u8>> + Send + Sync>);

impl Reread {
    /// Reads with `read` (`None` when the file can no longer be read).
    pub fn new(read: impl Fn() -> Option<Vec<u8>> + Send + Sync + 'static) -> Reread {
        Reread(Arc::new(read))
    }

    /// The bytes, if they can still be read.
    pub fn bytes(&self) -> Option<Vec<u8>> {
        (self.0)()
    }
}

impl fmt::Debug for Reread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Reread")
    }
}

impl PartialEq for Reread {
    fn eq(&self, other: &Reread) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Reread {}

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// Every file of a project, addressed by [`FileId`].
#[derive(Debug, Default)]
pub struct Files {
    files: Vec<SourceText>,
}

impl Files {
    /// Adds a file and returns its id.
    pub fn add(&mut self, path: impl Into<String>, text: impl Into<String>) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(SourceText {
            path: path.into(),
            text: OnceLock::from(text.into()),
            reread: None,
            line_starts: OnceLock::new(),
        });
        id
    }

    /// Adds a file whose text is read by `reread` when first asked for.
    pub fn add_unread(&mut self, path: impl Into<String>, reread: Reread) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(SourceText {
            path: path.into(),
            text: OnceLock::new(),
            reread: Some(reread),
            line_starts: OnceLock::new(),
        });
        id
    }

    /// The path of a file relative to the baton root.
    pub fn path(&self, id: FileId) -> &str {
        self.files
            .get(id.0 as usize)
            .map_or("", |f| f.path.as_str())
    }

    /// The text of a file (read now if it was not read at load; empty if
    /// it can no longer be read).
    pub fn text(&self, id: FileId) -> &str {
        self.files.get(id.0 as usize).map_or("", SourceText::text)
    }

    /// The id of the file at `path`, if it was read.
    pub fn find(&self, path: &str) -> Option<FileId> {
        self.files
            .iter()
            .position(|f| f.path == path)
            .and_then(|i| u32::try_from(i).ok())
            .map(FileId)
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when no file was read.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Line and column of a byte offset. Offsets past the end map to the end;
    /// offsets inside a multi-byte character map to that character.
    pub fn line_col(&self, id: FileId, offset: usize) -> LineCol {
        let Some(file) = self.files.get(id.0 as usize) else {
            return LineCol { line: 1, column: 1 };
        };
        let text = file.text();
        let starts = file.line_starts.get_or_init(|| line_starts(text));
        let offset = offset.min(text.len());
        let line = match starts.binary_search(&(offset as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = starts.get(line).copied().unwrap_or(0) as usize;
        let column = text.get(start..).map_or(0, |rest| {
            rest.char_indices()
                .take_while(|(i, _)| start + i < offset)
                .count()
        });
        LineCol {
            line: line + 1,
            column: column + 1,
        }
    }

    /// The 1-based line and column of the start of `span`.
    pub fn start_of(&self, id: FileId, span: &Range<usize>) -> LineCol {
        self.line_col(id, span.start)
    }
}

impl SourceText {
    fn text(&self) -> &str {
        self.text.get_or_init(|| {
            let bytes = self.reread.as_ref().and_then(Reread::bytes);
            bytes.map_or_else(String::new, |bytes| match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
            })
        })
    }
}

fn line_starts(text: &str) -> Vec<u32> {
    std::iter::once(0)
        .chain(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| (i + 1) as u32),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let mut files = Files::default();
        let id = files.add(
            "tasks/T-1.toml",
            "title = \"用户调研\"\nowner = \"x\"\r\ndue = 1\n",
        );
        assert_eq!(files.line_col(id, 0), LineCol { line: 1, column: 1 });
        // the closing quote after four Chinese characters (3 bytes each)
        let quote = "title = \"用户调研".len();
        assert_eq!(
            files.line_col(id, quote),
            LineCol {
                line: 1,
                column: 14
            }
        );
        let owner = files.text(id).find("owner").unwrap();
        assert_eq!(files.line_col(id, owner), LineCol { line: 2, column: 1 });
        let due = files.text(id).find("due").unwrap();
        assert_eq!(files.line_col(id, due), LineCol { line: 3, column: 1 });
        assert_eq!(files.line_col(id, 10_000).line, 4);
    }

    #[test]
    fn find_returns_the_file_with_that_path() {
        let mut files = Files::default();
        files.add("a.toml", "");
        let b = files.add("b.toml", "");
        assert_eq!(files.find("b.toml"), Some(b));
        assert_eq!(files.find("c.toml"), None);
    }

    #[test]
    fn an_unread_file_is_read_once_when_first_asked_for() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let reads = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&reads);
        let mut files = Files::default();
        let id = files.add_unread(
            "tasks/T-1.toml",
            Reread::new(move || {
                counter.fetch_add(1, Ordering::SeqCst);
                Some(b"title = \"x\"\nowner = \xff\n".to_vec())
            }),
        );
        assert_eq!(reads.load(Ordering::SeqCst), 0, "read before it was needed");
        assert_eq!(files.path(id), "tasks/T-1.toml");
        assert_eq!(files.line_col(id, 12), LineCol { line: 2, column: 1 });
        assert_eq!(files.text(id), "title = \"x\"\nowner = \u{fffd}\n");
        assert_eq!(reads.load(Ordering::SeqCst), 1);
        let gone = files.add_unread("tasks/T-2.toml", Reread::new(|| None));
        assert_eq!(files.text(gone), "");
    }
}
