//! Replacing a file atomically: written to a temporary file in the same
//! folder, flushed, then renamed over the target, so that a reader (or a
//! crash) never sees half of it. Reports, caches and the item files the
//! writing commands change all go through here.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Writes `path` through a temporary sibling renamed over it. The
/// temporary file is removed when anything fails; an error names the path.
pub fn write(
    path: &Path,
    fill: impl FnOnce(&mut BufWriter<fs::File>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = dir.join(format!(".{name}.baton-{}.tmp", std::process::id()));
    let result = fs::File::create(&temporary)
        .and_then(|file| {
            let mut out = BufWriter::with_capacity(1 << 16, file);
            fill(&mut out)?;
            out.flush()?;
            out.get_ref().sync_data()
        })
        .and_then(|()| fs::rename(&temporary, path));
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    // Name the path: "No such file or directory" alone does not say which.
    result.map_err(|e| {
        let why = if dir.is_dir() {
            e.to_string()
        } else {
            format!("there is no folder `{}`", dir.display())
        };
        std::io::Error::new(e.kind(), format!("`{}`: {why}", path.display()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "old").unwrap();
        write(&path, |out| out.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "old").unwrap();
        let failed = write(&path, |out| {
            out.write_all(b"half")?;
            Err(std::io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/a.toml");
        let error = write(&path, |out| out.write_all(b"x")).unwrap_err();
        assert!(error.to_string().contains("there is no folder"), "{error}");
    }
}
