//! Writing output: stdout, or a file written atomically.

use std::fs;
use std::io::Write;
use std::path::Path;

/// Writes `text` to `path` atomically (a temporary file in the same folder,
/// then a rename), or to stdout when `path` is `None`. A closed pipe on
/// stdout is the reader's choice (`baton explain | head`): the rest is
/// dropped quietly; any other failure (a full disk) is an error.
pub fn write(path: Option<&Path>, text: &str) -> std::io::Result<()> {
    write_with(path, |out| out.write_all(text.as_bytes()))
}

/// Like [`write`], with the content written by `write` into a buffered
/// writer: a large report goes out as it is serialised, never held whole.
pub fn write_with(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let Some(path) = path else {
        let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        let written = write(&mut stdout).and_then(|()| stdout.flush());
        return match written {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other,
        };
    };
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
            let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
            write(&mut out)?;
            out.flush()
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

/// Prints `text` on stdout: [`write`] without a file, with a failure
/// reported as one (exit code 2).
pub fn print(text: &str) -> super::Outcome {
    match write(None, text) {
        Ok(()) => super::Outcome::Clean,
        Err(e) => super::fail(format!("cannot write to standard output: {e}")),
    }
}
