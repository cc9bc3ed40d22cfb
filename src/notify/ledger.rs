//! `--ledger FILE`: what was sent, so a re-run of the day's job sends
//! nothing twice. One JSON object per line (date, channel, person, event,
//! item); entries older than 30 days are dropped when it is written.

use std::collections::HashSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{Reminder, event_name};

/// The largest ledger read (a year of a large team's reminders is far less).
const MAX_BYTES: u64 = 64 << 20;

/// Days of entries kept.
const KEEP_DAYS: i64 = 30;

/// One sent reminder.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
struct Entry {
    date: NaiveDate,
    channel: String,
    person: String,
    event: String,
    item: String,
}

/// The ledger file and what it holds.
#[derive(Debug)]
pub struct Ledger {
    path: PathBuf,
    entries: Vec<Entry>,
    index: HashSet<Entry>,
}

impl Ledger {
    /// Reads the ledger at `path` (none yet is an empty ledger).
    pub fn open(path: &Path) -> Result<Ledger, String> {
        let text = match crate::source::read_capped(path, MAX_BYTES) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        let mut entries = Vec::new();
        for (number, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let entry: Entry = serde_json::from_str(line)
                .map_err(|e| format!("{}:{}: {e}", path.display(), number + 1))?;
            entries.push(entry);
        }
        let index = entries.iter().cloned().collect();
        Ok(Ledger {
            path: path.to_path_buf(),
            entries,
            index,
        })
    }

    fn entry(date: NaiveDate, channel: &str, reminder: &Reminder) -> Entry {
        Entry {
            date,
            channel: channel.to_string(),
            person: reminder.person.clone(),
            event: event_name(reminder.event).to_string(),
            item: reminder.item.clone(),
        }
    }

    /// Whether `reminder` went to `channel` on `date` already.
    pub fn sent(&self, date: NaiveDate, channel: &str, reminder: &Reminder) -> bool {
        self.index.contains(&Self::entry(date, channel, reminder))
    }

    /// Records reminders sent to `channel` on `date`.
    pub fn record(&mut self, date: NaiveDate, channel: &str, reminders: &[Reminder]) {
        for reminder in reminders {
            let entry = Self::entry(date, channel, reminder);
            if self.index.insert(entry.clone()) {
                self.entries.push(entry);
            }
        }
    }

    /// Writes the ledger atomically, without entries older than 30 days
    /// before `today`.
    pub fn save(&mut self, today: NaiveDate) -> std::io::Result<()> {
        self.entries
            .retain(|e| (today - e.date).num_days() <= KEEP_DAYS);
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let entries = &self.entries;
        crate::atomic::write(&self.path, |out| {
            for entry in entries {
                serde_json::to_writer(&mut *out, entry).map_err(std::io::Error::other)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        })
    }
}
