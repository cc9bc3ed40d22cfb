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
use serde::{Deserialize, Serialize};

/// A state transition whose time matters to a rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
    /// A change request was filed.
    ChangeRequested,
    /// An approver (by person id) decided on a change request.
    Decided(String),
    /// A complaint was filed (the commit that added it).
    ComplaintReceived,
    /// A complaint was answered with a handling plan.
    ComplaintResponded,
    /// A complaint was resolved.
    ComplaintResolved,
    /// A resolved complaint's customer was visited.
    FollowedUp,
    /// An agreement was sent to legal.
    LegalReviewRequested,
    /// Legal decided on an agreement.
    LegalReviewed,
    /// A communication was written up (the commit that added its record).
    CommRecorded,
    /// An action item (by title) was done.
    ActionDone(String),
    /// A party (`us`, `counterparty`) signed an agreement.
    Signed(String),
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
///
/// Kept per item, so that renaming or forgetting an item (a file moved or
/// deleted) costs what that item holds, not a scan of every item: a pull
/// request that moves 10,000 files stays linear.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Evidence {
    /// By item id (from files: a seeded hash, see `Org`).
    items: HashMap<String, ItemEvidence, foldhash::fast::RandomState>,
}

/// What is known of one item.
#[derive(Debug, Default, Clone, PartialEq)]
struct ItemEvidence {
    times: HashMap<Event, DateTime<Tz>>,
    recorded: HashMap<String, Recorded>,
}

impl Evidence {
    /// No evidence (a working tree without history).
    pub fn none() -> Self {
        Evidence::default()
    }

    /// Records that `event` became true for `item` at `at` (the start of
    /// its current spell: a later transition replaces an earlier one).
    pub fn set(&mut self, item: &str, event: Event, at: DateTime<Tz>) {
        self.item(item).times.insert(event, at);
    }

    /// Records that `event` is no longer true for `item`.
    pub fn clear(&mut self, item: &str, event: &Event) {
        if let Some(known) = self.items.get_mut(item) {
            known.times.remove(event);
        }
    }

    /// When `event` last became true for `item`, if known.
    pub fn get(&self, item: &str, event: &Event) -> Option<DateTime<Tz>> {
        self.items.get(item)?.times.get(event).copied()
    }

    /// Notes that `field` of `item` holds `value` as of `at`; keeps the
    /// earlier time while the value stays the same.
    pub fn note_value(&mut self, item: &str, field: &str, value: String, at: Option<DateTime<Tz>>) {
        let recorded = &mut self.item(item).recorded;
        match recorded.get(field) {
            Some(existing) if existing.value == value => {}
            _ => {
                recorded.insert(field.to_string(), Recorded { value, at });
            }
        }
    }

    /// When the current value of `field` of `item` was first recorded.
    pub fn recorded(&self, item: &str, field: &str) -> Option<&Recorded> {
        self.items.get(item)?.recorded.get(field)
    }

    /// Moves everything known about `from` to `to` (an item file renamed).
    pub fn rename(&mut self, from: &str, to: &str) {
        if let Some(moved) = self.items.remove(from) {
            let into = self.item(to);
            into.times.extend(moved.times);
            into.recorded.extend(moved.recorded);
        }
    }

    /// Forgets `item` (its file was deleted).
    pub fn forget(&mut self, item: &str) {
        self.items.remove(item);
    }

    /// Whether any evidence is known.
    pub fn is_empty(&self) -> bool {
        self.items
            .values()
            .all(|known| known.times.is_empty() && known.recorded.is_empty())
    }

    fn item(&mut self, item: &str) -> &mut ItemEvidence {
        self.items.entry(item.to_string()).or_default()
    }

    /// The evidence without time zones, for the evidence cache.
    pub fn to_stored(&self) -> StoredEvidence {
        let instant = |at: &DateTime<Tz>| (at.timestamp(), at.timestamp_subsec_nanos());
        StoredEvidence {
            items: self
                .items
                .iter()
                .map(|(id, known)| StoredItem {
                    id: id.clone(),
                    times: known
                        .times
                        .iter()
                        .map(|(event, at)| (event.clone(), instant(at)))
                        .collect(),
                    recorded: known
                        .recorded
                        .iter()
                        .map(|(field, r)| {
                            (field.clone(), r.value.clone(), r.at.as_ref().map(instant))
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// Evidence stored by [`Evidence::to_stored`], its times in `tz`;
    /// `None` when a time is out of range (a damaged cache).
    pub fn from_stored(stored: StoredEvidence, tz: Tz) -> Option<Evidence> {
        let at = |(secs, nanos): (i64, u32)| {
            DateTime::from_timestamp(secs, nanos).map(|t| t.with_timezone(&tz))
        };
        let mut items = HashMap::with_capacity_and_hasher(stored.items.len(), Default::default());
        for item in stored.items {
            let mut known = ItemEvidence::default();
            for (event, instant) in item.times {
                known.times.insert(event, at(instant)?);
            }
            for (field, value, instant) in item.recorded {
                let at = match instant {
                    Some(instant) => Some(at(instant)?),
                    None => None,
                };
                known.recorded.insert(field, Recorded { value, at });
            }
            items.insert(item.id, known);
        }
        Some(Evidence { items })
    }
}

/// [`Evidence`] with instants as seconds and nanoseconds since the epoch.
#[derive(Debug, Serialize, Deserialize)]
pub struct StoredEvidence {
    items: Vec<StoredItem>,
}

/// An instant: seconds and nanoseconds since the epoch.
type Instant = (i64, u32);

#[derive(Debug, Serialize, Deserialize)]
struct StoredItem {
    id: String,
    times: Vec<(Event, Instant)>,
    /// Field, value, and when it was first recorded.
    recorded: Vec<(String, String, Option<Instant>)>,
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(hour: u32) -> DateTime<Tz> {
        chrono_tz::Asia::Shanghai
            .with_ymd_and_hms(2026, 9, 21, hour, 0, 0)
            .unwrap()
    }

    #[test]
    fn a_rename_moves_times_and_records_and_forget_drops_them() {
        let mut evidence = Evidence::none();
        evidence.set("T-1", Event::Blocked, at(9));
        evidence.note_value("T-1", "blocked.since", "2026-09-21".into(), Some(at(9)));
        evidence.set("T-2", Event::Delivered, at(10));
        evidence.rename("T-1", "T-9");
        assert_eq!(evidence.get("T-1", &Event::Blocked), None);
        assert_eq!(evidence.get("T-9", &Event::Blocked), Some(at(9)));
        assert_eq!(
            evidence.recorded("T-9", "blocked.since").map(|r| r.at),
            Some(Some(at(9)))
        );
        // Into an item that has evidence of its own: both survive, the
        // moved one wins where they overlap.
        evidence.set("T-9", Event::Delivered, at(11));
        evidence.rename("T-9", "T-2");
        assert_eq!(evidence.get("T-2", &Event::Blocked), Some(at(9)));
        assert_eq!(evidence.get("T-2", &Event::Delivered), Some(at(11)));
        evidence.forget("T-2");
        assert_eq!(evidence.get("T-2", &Event::Delivered), None);
        assert!(evidence.is_empty());
    }

    #[test]
    fn a_value_keeps_the_time_it_was_first_recorded() {
        let mut evidence = Evidence::none();
        evidence.note_value("R-1", "submitted_at", "a".into(), Some(at(9)));
        evidence.note_value("R-1", "submitted_at", "a".into(), Some(at(10)));
        assert_eq!(
            evidence.recorded("R-1", "submitted_at").unwrap().at,
            Some(at(9))
        );
        evidence.note_value("R-1", "submitted_at", "b".into(), Some(at(11)));
        assert_eq!(
            evidence.recorded("R-1", "submitted_at").unwrap().at,
            Some(at(11))
        );
        evidence.clear("R-1", &Event::Submitted);
        assert!(!evidence.is_empty());
    }
}
