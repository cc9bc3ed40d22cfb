//! Opening a file below the baton root without ever following a symbolic
//! link, even one swapped in after the folder was listed: each folder on
//! the way is opened relative to the one before with `O_NOFOLLOW`, the file
//! itself with `O_NOFOLLOW | O_NONBLOCK` (a FIFO swapped in cannot block
//! the read), and the opened handle must be a regular file.

use std::fs::File;
use std::io;
use std::path::Path;

/// Why a file was not opened.
#[derive(Debug)]
pub enum OpenError {
    /// The file, or a folder on its way, is (now) a symbolic link.
    Symlink,
    /// The path is (now) something other than a regular file.
    NotAFile,
    /// Any other failure.
    Io(io::Error),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Symlink => f.write_str("it is a symbolic link, which baton does not follow"),
            OpenError::NotAFile => f.write_str("it is not a regular file"),
            OpenError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// Opens the regular file `rel` (`/`-separated) below `root`.
#[cfg(unix)]
pub fn open_regular(root: &Path, rel: &str) -> Result<File, OpenError> {
    use rustix::fs::{Mode, OFlags, openat};
    use rustix::io::Errno;

    let fail = |e: Errno| match e {
        Errno::LOOP => OpenError::Symlink,
        // O_DIRECTORY on a symbolic link (with O_NOFOLLOW) or a file.
        Errno::NOTDIR => OpenError::Symlink,
        other => OpenError::Io(io::Error::from_raw_os_error(other.raw_os_error())),
    };
    let mut parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
    let Some(name) = parts.pop() else {
        return Err(OpenError::NotAFile);
    };
    let folder_flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    // The root is the user's choice, and may be reached through a link.
    let root_flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
    let mut folder = rustix::fs::open(root, root_flags, Mode::empty())
        .map_err(|e| OpenError::Io(io::Error::from_raw_os_error(e.raw_os_error())))?;
    for part in parts {
        if part == ".." {
            return Err(OpenError::NotAFile);
        }
        folder = openat(&folder, part, folder_flags, Mode::empty()).map_err(fail)?;
    }
    let file_flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
    let file = File::from(openat(&folder, name, file_flags, Mode::empty()).map_err(fail)?);
    let meta = file.metadata().map_err(OpenError::Io)?;
    if meta.file_type().is_symlink() {
        return Err(OpenError::Symlink);
    }
    if !meta.is_file() {
        return Err(OpenError::NotAFile);
    }
    Ok(file)
}

/// Opens the regular file `rel` below `root` (checked after opening: where
/// no `O_NOFOLLOW` exists, a link swapped in is found by the handle's type
/// only when it points at something other than a file).
#[cfg(not(unix))]
pub fn open_regular(root: &Path, rel: &str) -> Result<File, OpenError> {
    let path = root.join(rel);
    if std::fs::symlink_metadata(&path)
        .map_err(OpenError::Io)?
        .file_type()
        .is_symlink()
    {
        return Err(OpenError::Symlink);
    }
    let file = File::open(&path).map_err(OpenError::Io)?;
    if !file.metadata().map_err(OpenError::Io)?.is_file() {
        return Err(OpenError::NotAFile);
    }
    Ok(file)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_anywhere_on_the_way_are_refused() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let outside = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path();
        let write =
            |p: &Path, text: &str| std::fs::write(p, text).unwrap_or_else(|e| panic!("{e}"));
        std::fs::create_dir_all(root.join("tasks/sub")).unwrap_or_else(|e| panic!("{e}"));
        write(&root.join("tasks/sub/T-1.toml"), "title = \"a\"\n");
        write(&outside.path().join("T-2.toml"), "secret");
        symlink(outside.path().join("T-2.toml"), root.join("tasks/T-2.toml"))
            .unwrap_or_else(|e| panic!("{e}"));
        symlink(outside.path(), root.join("tasks/linked")).unwrap_or_else(|e| panic!("{e}"));
        assert!(open_regular(root, "tasks/sub/T-1.toml").is_ok());
        assert!(matches!(
            open_regular(root, "tasks/T-2.toml"),
            Err(OpenError::Symlink)
        ));
        assert!(matches!(
            open_regular(root, "tasks/linked/T-2.toml"),
            Err(OpenError::Symlink)
        ));
        assert!(matches!(
            open_regular(root, "tasks/sub"),
            Err(OpenError::NotAFile)
        ));
        assert!(matches!(
            open_regular(root, "tasks/../tasks/sub/T-1.toml"),
            Err(OpenError::NotAFile)
        ));
    }

    #[test]
    fn a_fifo_does_not_block() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let fifo = dir.path().join("T-1.toml");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
            0,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            open_regular(dir.path(), "T-1.toml"),
            Err(OpenError::NotAFile)
        ));
    }
}
