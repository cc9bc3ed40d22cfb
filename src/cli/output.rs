//! Writing output: stdout, or a file written atomically.

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
    crate::atomic::write(path, |out| write(out))
}

/// Prints `text` on stdout: [`write`] without a file, with a failure
/// reported as one (exit code 2).
pub fn print(text: &str) -> super::Outcome {
    match write(None, text) {
        Ok(()) => super::Outcome::Clean,
        Err(e) => super::fail(format!("cannot write to standard output: {e}")),
    }
}
