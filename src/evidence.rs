//! When each state of an item first became true.
//!
//! Items state some times themselves (`submitted_at`, `blocked.since`, a
//! response's `at`). When they do not, the git history can tell: the commit
//! that first made the state true. [`Evidence`] holds those derived times;
//! rules ask [`crate::rules::Context::time_of`], which prefers the stated
//! time and falls back to the evidence.

use std::collections::HashMap;

use chrono::DateTime;
use chrono_tz::Tz;

/// A state transition whose time matters to a rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Event {
    /// A request was submitted.
    Submitted,
    /// A department's response to a request was added.
    Response(String),
    /// A task became blocked.
    Blocked,
    /// A blocked task was escalated.
    Escalated,
    /// A task was delivered.
    Delivered,
    /// A task's review or a request's acceptance was recorded.
    Reviewed,
    /// A request's retrospective was recorded.
    Retrospective,
    /// A meeting's minutes were published.
    MinutesPublished,
    /// An action item (by title) was confirmed.
    ActionConfirmed(String),
    /// A meeting notice was sent.
    Notice,
    /// A meeting agenda was sent.
    Agenda,
    /// A task's progress was last updated.
    ProgressUpdated,
}

/// Derived times, by item id and event.
#[derive(Debug, Default, Clone)]
pub struct Evidence {
    times: HashMap<(String, Event), DateTime<Tz>>,
}

impl Evidence {
    /// No evidence (a working tree without history).
    pub fn none() -> Self {
        Evidence::default()
    }

    /// Records when `event` first happened to `item`; keeps the earliest.
    pub fn record(&mut self, item: &str, event: Event, at: DateTime<Tz>) {
        self.times
            .entry((item.to_string(), event))
            .and_modify(|t| *t = (*t).min(at))
            .or_insert(at);
    }

    /// When `event` first happened to `item`, if known.
    pub fn get(&self, item: &str, event: &Event) -> Option<DateTime<Tz>> {
        self.times.get(&(item.to_string(), event.clone())).copied()
    }
}
