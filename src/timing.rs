//! `BATON_TIMINGS=1`: how long each stage of a run took, written to stderr
//! as the stage ends (`baton: timing: rules 412 ms`). For finding where a
//! slow run spends its time on a repository nobody else has; off, a stage
//! costs one relaxed atomic load.

use std::io::Write;
use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("BATON_TIMINGS").is_some_and(|v| v != "0"))
}

/// A stage being timed; reported when dropped.
#[must_use = "a stage is timed until it is dropped"]
pub struct Stage {
    name: &'static str,
    started: Option<Instant>,
}

/// Starts timing the stage `name`.
pub fn stage(name: &'static str) -> Stage {
    Stage {
        name,
        started: enabled().then(Instant::now),
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        if let Some(started) = self.started {
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            let _ = writeln!(
                std::io::stderr().lock(),
                "baton: timing: {} {ms:.0} ms",
                self.name
            );
        }
    }
}
