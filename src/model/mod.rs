//! The model: a project's settings, organisation and items.

mod calendar_file;
mod common;
mod config;
mod meeting;
mod org;
mod request;
mod settings;
mod task;
mod times;

use std::collections::{HashMap, HashSet};

pub use calendar_file::{CalendarFile, WeekdayName};
pub use common::{Owners, Percent, Review, Verdict, filled};
pub use config::{ConfigFile, ProjectSection, SlaSection, WorkdaySection};
pub use meeting::{ActionItem, AgendaItem, Meeting, Minutes};
pub use org::{Department, Org, OrgFile, Person, Role};
pub use request::{Decision, Party, Request, RequestStatus, Response, Retrospective, Risk};
pub use settings::{Settings, Sla};
pub use task::{Blocked, Task, TaskStatus, Update};
pub use times::{item_times, meeting_times, request_times, task_times};

use crate::diag::Diagnostic;
use crate::files::{FileId, Files};

/// The kinds of collaboration items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    /// `requests/`.
    Request,
    /// `meetings/`.
    Meeting,
    /// `tasks/`.
    Task,
}

impl ItemKind {
    /// The folder that holds items of this kind.
    pub fn folder(self) -> &'static str {
        match self {
            ItemKind::Request => "requests",
            ItemKind::Meeting => "meetings",
            ItemKind::Task => "tasks",
        }
    }
}

/// The content of an item file of any kind.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub enum ItemBody {
    /// A task.
    Task(Task),
    /// A request.
    Request(Request),
    /// A meeting.
    Meeting(Meeting),
}

/// An item: its id (the file stem), its file, and its content.
#[derive(Debug, Clone)]
pub struct Item<T> {
    /// The id, e.g. `T-003`.
    pub id: String,
    /// The file it was read from.
    pub file: FileId,
    /// The content.
    pub body: T,
}

impl<T> std::ops::Deref for Item<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.body
    }
}

/// Where an item lives in a [`Project`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemRef {
    /// Its kind.
    pub kind: ItemKind,
    /// Its index in that kind's list.
    pub index: usize,
}

/// A problem found while loading, attributed to a rule code (S001–S003):
/// the rules of those codes report them.
#[derive(Debug, Clone)]
pub struct LoadProblem {
    /// The rule code.
    pub code: &'static str,
    /// What and where.
    pub diagnostic: Diagnostic,
}

/// Everything baton read from one repository (or revision).
#[derive(Debug)]
pub struct Project {
    /// Resolved settings.
    pub settings: Settings,
    /// Every file read.
    pub files: Files,
    /// The file `baton.toml`.
    pub config_file: FileId,
    /// The organisation.
    pub org: Org,
    /// The file `org.toml`, when present.
    pub org_file: Option<FileId>,
    /// Tasks, sorted by path.
    pub tasks: Vec<Item<Task>>,
    /// Requests, sorted by path.
    pub requests: Vec<Item<Request>>,
    /// Meetings, sorted by path.
    pub meetings: Vec<Item<Meeting>>,
    /// Problems found while loading.
    pub problems: Vec<LoadProblem>,
    /// Keyed by ids from files: a seeded hash (foldhash) keeps crafted ids
    /// from colliding, and is several times faster than SipHash.
    index: HashMap<String, ItemRef, foldhash::fast::RandomState>,
    /// Ids of item files that exist but could not be read into an item:
    /// references to them are not reported as unknown.
    unreadable: HashSet<String>,
}

impl Project {
    /// Assembles a project; `index` is built here.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        settings: Settings,
        files: Files,
        config_file: FileId,
        org: Org,
        org_file: Option<FileId>,
        tasks: Vec<Item<Task>>,
        requests: Vec<Item<Request>>,
        meetings: Vec<Item<Meeting>>,
        problems: Vec<LoadProblem>,
        unreadable: HashSet<String>,
    ) -> Project {
        let mut index = HashMap::with_capacity_and_hasher(
            tasks.len() + requests.len() + meetings.len(),
            foldhash::fast::RandomState::default(),
        );
        let lists: [(ItemKind, Vec<&str>); 3] = [
            (
                ItemKind::Request,
                requests.iter().map(|i| i.id.as_str()).collect(),
            ),
            (
                ItemKind::Meeting,
                meetings.iter().map(|i| i.id.as_str()).collect(),
            ),
            (
                ItemKind::Task,
                tasks.iter().map(|i| i.id.as_str()).collect(),
            ),
        ];
        for (kind, ids) in lists {
            for (i, id) in ids.into_iter().enumerate() {
                index
                    .entry(id.to_string())
                    .or_insert(ItemRef { kind, index: i });
            }
        }
        Project {
            settings,
            files,
            config_file,
            org,
            org_file,
            tasks,
            requests,
            meetings,
            problems,
            index,
            unreadable,
        }
    }

    /// Where the item `id` is.
    pub fn item(&self, id: &str) -> Option<ItemRef> {
        self.index.get(id).copied()
    }

    /// The task `id`.
    pub fn task(&self, id: &str) -> Option<&Item<Task>> {
        match self.item(id)? {
            ItemRef {
                kind: ItemKind::Task,
                index,
            } => self.tasks.get(index),
            _ => None,
        }
    }

    /// The request `id`.
    pub fn request(&self, id: &str) -> Option<&Item<Request>> {
        match self.item(id)? {
            ItemRef {
                kind: ItemKind::Request,
                index,
            } => self.requests.get(index),
            _ => None,
        }
    }

    /// Whether a reference to an item of `kind` named `id` is acceptable: the
    /// item exists with that kind, or its file exists but could not be read.
    pub fn resolves(&self, kind: ItemKind, id: &str) -> bool {
        self.item(id).is_some_and(|r| r.kind == kind) || self.unreadable.contains(id)
    }

    /// Ids of every item of `kind`, for suggestions.
    pub fn ids_of(&self, kind: ItemKind) -> Vec<&str> {
        match kind {
            ItemKind::Task => self.tasks.iter().map(|i| i.id.as_str()).collect(),
            ItemKind::Request => self.requests.iter().map(|i| i.id.as_str()).collect(),
            ItemKind::Meeting => self.meetings.iter().map(|i| i.id.as_str()).collect(),
        }
    }

    /// Number of items.
    pub fn item_count(&self) -> usize {
        self.tasks.len() + self.requests.len() + self.meetings.len()
    }
}
