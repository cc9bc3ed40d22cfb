//! An in-memory source, for tests, fuzzing and benchmarks.

use std::collections::BTreeMap;

use super::{Content, MAX_FILE_BYTES, Source, SourceError, SourceFile, classify};

/// Files held in memory, by path.
#[derive(Debug, Clone, Default)]
pub struct MemorySource {
    files: BTreeMap<String, Vec<u8>>,
}

impl MemorySource {
    /// An empty source.
    pub fn new() -> Self {
        MemorySource::default()
    }

    /// Adds (or replaces) a file.
    pub fn with(mut self, path: &str, content: impl Into<Vec<u8>>) -> Self {
        self.files.insert(path.to_string(), content.into());
        self
    }
}

impl Source for MemorySource {
    fn describe(&self) -> String {
        "memory".to_string()
    }

    fn root_name(&self) -> String {
        "memory".to_string()
    }

    fn read(&self) -> Result<Vec<SourceFile>, SourceError> {
        Ok(self
            .files
            .iter()
            .filter_map(|(path, bytes)| {
                let kind = classify(path)?;
                let content = if bytes.len() as u64 > MAX_FILE_BYTES {
                    Content::TooLarge(bytes.len() as u64)
                } else {
                    Content::Bytes(bytes.clone())
                };
                Some(SourceFile {
                    path: path.clone(),
                    kind,
                    content,
                    blob: None,
                    stamp: None,
                })
            })
            .collect())
    }
}
