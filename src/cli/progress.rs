//! The progress bar: on stderr, only on a terminal, only once a stage has
//! run for a second, never with `--quiet`.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::messages::{Lang, Msg};
use crate::progress::{Progress, Stage};

/// Show nothing before this.
const DELAY: Duration = Duration::from_secs(1);

/// A bar on stderr that appears only for slow stages.
pub struct Bar {
    bar: ProgressBar,
    enabled: bool,
    shown: AtomicBool,
    started: Mutex<Instant>,
    lang: Lang,
}

impl Bar {
    /// A bar, drawn only when stderr is a terminal and not `quiet`.
    pub fn new(quiet: bool, lang: Lang) -> Bar {
        Bar {
            bar: ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()),
            enabled: !quiet && std::io::stderr().is_terminal(),
            shown: AtomicBool::new(false),
            started: Mutex::new(Instant::now()),
            lang,
        }
    }
}

impl Progress for Bar {
    fn start(&self, stage: Stage, total: Option<u64>) {
        if let Ok(mut started) = self.started.lock() {
            *started = Instant::now();
        }
        let label = match stage {
            Stage::Loading => Msg::ProgressLoading,
            Stage::History => Msg::ProgressHistory,
        }
        .render(self.lang);
        self.bar.reset();
        self.bar.set_message(label);
        let style = match total {
            Some(total) => {
                self.bar.set_length(total);
                ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({elapsed})")
            }
            None => ProgressStyle::with_template("{spinner} {msg} {pos} ({elapsed})"),
        };
        if let Ok(style) = style {
            self.bar.set_style(style.progress_chars("=> "));
        }
    }

    fn advance(&self, n: u64) {
        self.bar.inc(n);
        let slow = self.started.lock().is_ok_and(|s| s.elapsed() > DELAY);
        if self.enabled && slow && !self.shown.swap(true, Ordering::Relaxed) {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
        self.bar.set_draw_target(ProgressDrawTarget::hidden());
        self.shown.store(false, Ordering::Relaxed);
    }
}
