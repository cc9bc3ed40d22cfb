//! Policy from one source, items from another.

use super::{FileKind, Source, SourceError, SourceFile};
use crate::cache::ParseCache;

/// A pull request's files judged by its base's policy: items from `head`,
/// `baton.toml`, `org.toml` and calendars from `base` (SPEC §6: a pull
/// request cannot loosen the rules it is judged by).
pub struct PolicyOverlay<'a> {
    /// Where the items come from.
    pub head: &'a dyn Source,
    /// Where the policy comes from.
    pub base: &'a dyn Source,
}

/// Whether a file kind is policy rather than an item.
pub fn is_policy(kind: FileKind) -> bool {
    matches!(kind, FileKind::Config | FileKind::Org | FileKind::Calendar)
}

impl Source for PolicyOverlay<'_> {
    fn describe(&self) -> String {
        self.head.describe()
    }

    fn root_name(&self) -> String {
        self.head.root_name()
    }

    fn read(&self) -> Result<Vec<SourceFile>, SourceError> {
        self.read_cached(&ParseCache::disabled())
    }

    fn strays(&self) -> Vec<(String, super::Stray)> {
        self.head.strays()
    }

    fn read_cached(&self, cache: &ParseCache) -> Result<Vec<SourceFile>, SourceError> {
        let mut files = self
            .head
            .read_kinds_cached(&|kind| !is_policy(kind), cache)?;
        files.extend(self.base.read_kinds(&is_policy)?);
        Ok(files)
    }
}
