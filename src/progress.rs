//! Progress of long operations, reported to whoever wants it (the CLI shows
//! a bar; tests, fuzzers and libraries show nothing).

/// A stage of work whose progress is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and parsing files.
    Loading,
    /// Walking git history.
    History,
}

/// Receives progress; must be cheap and thread-safe (files are parsed on
/// every core).
pub trait Progress: Sync {
    /// A stage starts, with `total` steps when known.
    fn start(&self, stage: Stage, total: Option<u64>);
    /// `n` more steps are done.
    fn advance(&self, n: u64);
    /// The stage is over.
    fn finish(&self);
}

/// Shows nothing.
#[derive(Debug, Default, Clone, Copy)]
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _: Stage, _: Option<u64>) {}
    fn advance(&self, _: u64) {}
    fn finish(&self) {}
}
