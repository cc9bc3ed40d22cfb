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

/// When a stated value was first recorded in git.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// The value as written.
    pub value: String,
    /// The commit time that first recorded it; `None` when it was already
    /// there at the start of a shallow clone's history.
    pub at: Option<DateTime<Tz>>,
}

/// Derived times, by item id and event, and first-recorded times of stated
/// values, by item id and field.
#[derive(Debug, Default, Clone)]
pub struct Evidence {
    times: HashMap<(String, Event), DateTime<Tz>>,
    recorded: HashMap<(String, String), Recorded>,
}

impl Evidence {
    /// No evidence (a working tree without history).
    pub fn none() -> Self {
        Evidence::default()
    }

    /// Records that `event` became true for `item` at `at` (the start of
    /// its current spell: a later transition replaces an earlier one).
    pub fn set(&mut self, item: &str, event: Event, at: DateTime<Tz>) {
        self.times.insert((item.to_string(), event), at);
    }

    /// Records that `event` is no longer true for `item`.
    pub fn clear(&mut self, item: &str, event: &Event) {
        self.times.remove(&(item.to_string(), event.clone()));
    }

    /// When `event` last became true for `item`, if known.
    pub fn get(&self, item: &str, event: &Event) -> Option<DateTime<Tz>> {
        self.times.get(&(item.to_string(), event.clone())).copied()
    }

    /// Notes that `field` of `item` holds `value` as of `at`; keeps the
    /// earlier time while the value stays the same.
    pub fn note_value(&mut self, item: &str, field: &str, value: String, at: Option<DateTime<Tz>>) {
        let key = (item.to_string(), field.to_string());
        match self.recorded.get(&key) {
            Some(existing) if existing.value == value => {}
            _ => {
                self.recorded.insert(key, Recorded { value, at });
            }
        }
    }

    /// When the current value of `field` of `item` was first recorded.
    pub fn recorded(&self, item: &str, field: &str) -> Option<&Recorded> {
        self.recorded.get(&(item.to_string(), field.to_string()))
    }

    /// Moves everything known about `from` to `to` (an item file renamed).
    pub fn rename(&mut self, from: &str, to: &str) {
        let times: Vec<_> = self
            .times
            .keys()
            .filter(|(id, _)| id == from)
            .cloned()
            .collect();
        for key in times {
            if let Some(t) = self.times.remove(&key) {
                self.times.insert((to.to_string(), key.1), t);
            }
        }
        let recorded: Vec<_> = self
            .recorded
            .keys()
            .filter(|(id, _)| id == from)
            .cloned()
            .collect();
        for key in recorded {
            if let Some(r) = self.recorded.remove(&key) {
                self.recorded.insert((to.to_string(), key.1), r);
            }
        }
    }

    /// Forgets `item` (its file was deleted).
    pub fn forget(&mut self, item: &str) {
        self.times.retain(|(id, _), _| id != item);
        self.recorded.retain(|(id, _), _| id != item);
    }

    /// Whether any evidence is known.
    pub fn is_empty(&self) -> bool {
        self.times.is_empty() && self.recorded.is_empty()
    }
}
