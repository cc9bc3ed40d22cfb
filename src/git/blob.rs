//! The one way baton reads a blob: its size from the object header first,
//! so a blob over the limit is never inflated into memory (a 200 MB blob
//! compresses to a few hundred kilobytes in a pack).

use git2::{Oid, Repository};

/// The longest symbolic-link target read (Linux's `PATH_MAX`): a link's
/// blob is its target, and nothing longer is a path.
pub const MAX_LINK_TARGET: u64 = 4096;

/// The largest folder (tree object) read: 64 MiB is about a million
/// entries, far beyond any folder of items.
pub const MAX_TREE_BYTES: u64 = 64 * 1024 * 1024;

/// What reading a blob gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blob {
    /// Its bytes (at most the limit).
    Bytes(Vec<u8>),
    /// Its size, over the limit: not read.
    TooLarge(u64),
    /// It could not be read (missing or corrupt object).
    Unreadable(String),
}

impl Blob {
    /// The bytes, when they were read.
    pub fn bytes(self) -> Option<Vec<u8>> {
        match self {
            Blob::Bytes(bytes) => Some(bytes),
            _ => None,
        }
    }
}

/// Reads blob `oid` of `repo` when it is at most `limit` bytes.
pub fn read_bounded(repo: &Repository, oid: Oid, limit: u64) -> Blob {
    let unreadable = |e: git2::Error| {
        Blob::Unreadable(format!(
            "object {oid} is missing or corrupt: {}",
            e.message()
        ))
    };
    let odb = match repo.odb() {
        Ok(odb) => odb,
        Err(e) => return Blob::Unreadable(e.message().to_string()),
    };
    match odb.read_header(oid) {
        Ok((size, _)) if size as u64 > limit => return Blob::TooLarge(size as u64),
        Ok(_) => {}
        Err(e) => return unreadable(e),
    }
    match odb.read(oid) {
        // The header is trusted only so far: a corrupt object whose data
        // is longer than its header said is still refused.
        Ok(object) if object.len() as u64 > limit => Blob::TooLarge(object.len() as u64),
        Ok(object) => Blob::Bytes(object.data().to_vec()),
        Err(e) => unreadable(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blob_over_the_limit_is_not_read() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let repo = Repository::init(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        let small = repo
            .blob(b"title = \"a\"\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let large = repo
            .blob(&vec![b'x'; 5000])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            read_bounded(&repo, small, 4096),
            Blob::Bytes(b"title = \"a\"\n".to_vec())
        );
        assert_eq!(read_bounded(&repo, large, 4096), Blob::TooLarge(5000));
        let missing = Oid::from_str("1234567890123456789012345678901234567890")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            read_bounded(&repo, missing, 4096),
            Blob::Unreadable(_)
        ));
    }
}
