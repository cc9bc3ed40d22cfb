//! The model: a project's settings, organisation and items.

mod agreement;
mod calendar_file;
mod change;
mod comm;
mod common;
mod complaint;
mod config;
mod meeting;
mod org;
mod request;
mod settings;
mod task;
mod times;
mod waiver;

use std::collections::{HashMap, HashSet};

pub use agreement::{
    Agreement, AgreementKind, LegalReview, LegalVerdict, SignatoryParty, Signature,
};
pub use agreement::{agreement_stage, party_name};
pub use calendar_file::{CalendarFile, DaySpan, WeekdayName};
pub use change::{Approval, ApprovalDecision, ChangeEntry, ChangeRequest, FieldValue, value_text};
pub use comm::{CommKind, CommRecord};
pub use common::{Owners, Percent, Review, Verdict, filled};
pub use complaint::{
    Complaint, ComplaintChannel, ComplaintResponse, ComplaintSeverity, FollowUp, Resolution,
    Satisfaction, complaint_stage,
};
pub use config::{
    ConfigFile, IdsSection, NotifyChannel, NotifyEvent, NotifyKind, ProjectSection, RuleSetting,
    SlaSection, WorkdaySection,
};
pub use meeting::{ActionItem, AgendaItem, Meeting, Minutes};
pub use org::{Department, Org, OrgFile, Person, Role};
pub use request::{Decision, Party, Request, RequestStatus, Response, Retrospective, Risk};
pub use settings::{Settings, Sla};
pub use task::{Blocked, Task, TaskStatus, Update};
pub use times::{
    agreement_times, comm_times, complaint_times, item_times, meeting_times, request_times,
    task_times,
};
pub use waiver::Waiver;

use crate::diag::Diagnostic;
use crate::files::{FileId, Files};
use crate::parse::Sp;

/// The kinds of collaboration items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    /// `requests/`.
    Request,
    /// `meetings/`.
    Meeting,
    /// `tasks/`.
    Task,
    /// `changes/`.
    Change,
    /// `complaints/`.
    Complaint,
    /// `agreements/`.
    Agreement,
    /// `comms/`.
    Comm,
}

impl ItemKind {
    /// Every kind, in the order of SPEC §2.
    pub const ALL: &'static [ItemKind] = &[
        ItemKind::Task,
        ItemKind::Request,
        ItemKind::Meeting,
        ItemKind::Change,
        ItemKind::Complaint,
        ItemKind::Agreement,
        ItemKind::Comm,
    ];

    /// The folder that holds items of this kind.
    pub fn folder(self) -> &'static str {
        match self {
            ItemKind::Request => "requests",
            ItemKind::Meeting => "meetings",
            ItemKind::Task => "tasks",
            ItemKind::Change => "changes",
            ItemKind::Complaint => "complaints",
            ItemKind::Agreement => "agreements",
            ItemKind::Comm => "comms",
        }
    }

    /// The field that names an item of this kind: `title`, or a
    /// communication record's `topic`.
    pub fn title_field(self) -> &'static str {
        match self {
            ItemKind::Comm => "topic",
            _ => "title",
        }
    }

    /// The kind as named in `[authority]` keys and messages (`task`).
    pub fn name(self) -> &'static str {
        match self {
            ItemKind::Request => "request",
            ItemKind::Meeting => "meeting",
            ItemKind::Task => "task",
            ItemKind::Change => "change",
            ItemKind::Complaint => "complaint",
            ItemKind::Agreement => "agreement",
            ItemKind::Comm => "comm",
        }
    }

    /// The item kind of a file kind (`None` for policy files).
    pub fn of_file(kind: crate::source::FileKind) -> Option<ItemKind> {
        use crate::source::FileKind;
        match kind {
            FileKind::Request => Some(ItemKind::Request),
            FileKind::Meeting => Some(ItemKind::Meeting),
            FileKind::Task => Some(ItemKind::Task),
            FileKind::Change => Some(ItemKind::Change),
            FileKind::Complaint => Some(ItemKind::Complaint),
            FileKind::Agreement => Some(ItemKind::Agreement),
            FileKind::Comm => Some(ItemKind::Comm),
            FileKind::Config | FileKind::Org | FileKind::Calendar => None,
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
    /// A change request.
    Change(ChangeRequest),
    /// A customer complaint.
    Complaint(Complaint),
    /// An agreement.
    Agreement(Agreement),
    /// A communication record.
    Comm(CommRecord),
}

/// The content of an item of any kind, borrowed from a [`Project`] or an
/// [`ItemBody`].
#[derive(Debug, Clone, Copy)]
pub enum BodyRef<'a> {
    /// A task.
    Task(&'a Task),
    /// A request.
    Request(&'a Request),
    /// A meeting.
    Meeting(&'a Meeting),
    /// A change request.
    Change(&'a ChangeRequest),
    /// A customer complaint.
    Complaint(&'a Complaint),
    /// An agreement.
    Agreement(&'a Agreement),
    /// A communication record.
    Comm(&'a CommRecord),
}

impl ItemBody {
    /// The body borrowed.
    pub fn as_ref(&self) -> BodyRef<'_> {
        match self {
            ItemBody::Task(t) => BodyRef::Task(t),
            ItemBody::Request(r) => BodyRef::Request(r),
            ItemBody::Meeting(m) => BodyRef::Meeting(m),
            ItemBody::Change(c) => BodyRef::Change(c),
            ItemBody::Complaint(c) => BodyRef::Complaint(c),
            ItemBody::Agreement(a) => BodyRef::Agreement(a),
            ItemBody::Comm(c) => BodyRef::Comm(c),
        }
    }

    /// The kind of item.
    pub fn kind(&self) -> ItemKind {
        self.as_ref().kind()
    }

    /// Whether the item says `archived = true`.
    pub fn archived(&self) -> bool {
        self.as_ref().archived()
    }
}

impl<'a> BodyRef<'a> {
    /// The kind of item.
    pub fn kind(self) -> ItemKind {
        match self {
            BodyRef::Task(_) => ItemKind::Task,
            BodyRef::Request(_) => ItemKind::Request,
            BodyRef::Meeting(_) => ItemKind::Meeting,
            BodyRef::Change(_) => ItemKind::Change,
            BodyRef::Complaint(_) => ItemKind::Complaint,
            BodyRef::Agreement(_) => ItemKind::Agreement,
            BodyRef::Comm(_) => ItemKind::Comm,
        }
    }

    /// Whether the item says `archived = true`.
    pub fn archived(self) -> bool {
        match self {
            BodyRef::Task(t) => t.archived,
            BodyRef::Request(r) => r.archived,
            BodyRef::Meeting(m) => m.archived,
            BodyRef::Change(c) => c.archived,
            BodyRef::Complaint(c) => c.archived,
            BodyRef::Agreement(a) => a.archived,
            BodyRef::Comm(c) => c.archived,
        }
    }

    /// The item's own `[[waiver]]` entries.
    pub fn waivers(self) -> &'a [Sp<Waiver>] {
        match self {
            BodyRef::Task(t) => &t.waiver,
            BodyRef::Request(r) => &r.waiver,
            BodyRef::Meeting(m) => &m.waiver,
            BodyRef::Change(c) => &c.waiver,
            BodyRef::Complaint(c) => &c.waiver,
            BodyRef::Agreement(a) => &a.waiver,
            BodyRef::Comm(c) => &c.waiver,
        }
    }
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

/// An action item of a meeting's minutes or of a communication record.
#[derive(Debug, Clone, Copy)]
pub struct ActionRef<'a> {
    /// The meeting or record's id.
    pub item: &'a str,
    /// Its file.
    pub file: FileId,
    /// Where action items live in that kind: `minutes.action` or `action`.
    pub field: &'static str,
    /// The action item.
    pub action: &'a Sp<ActionItem>,
    /// Whether the meeting or record is archived.
    pub archived: bool,
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
    /// Change requests, sorted by path.
    pub changes: Vec<Item<ChangeRequest>>,
    /// Complaints, sorted by path.
    pub complaints: Vec<Item<Complaint>>,
    /// Agreements, sorted by path.
    pub agreements: Vec<Item<Agreement>>,
    /// Communication records, sorted by path.
    pub comms: Vec<Item<CommRecord>>,
    /// Problems found while loading.
    pub problems: Vec<LoadProblem>,
    /// Keyed by ids from files: a seeded hash (foldhash) keeps crafted ids
    /// from colliding, and is several times faster than SipHash.
    index: HashMap<String, ItemRef, foldhash::fast::RandomState>,
    /// Ids of item files that exist but could not be read into an item:
    /// references to them are not reported as unknown.
    unreadable: HashSet<String>,
}

/// The items of a project, one list per kind, each sorted by path.
#[derive(Debug, Default)]
pub struct ItemLists {
    /// Tasks.
    pub tasks: Vec<Item<Task>>,
    /// Requests.
    pub requests: Vec<Item<Request>>,
    /// Meetings.
    pub meetings: Vec<Item<Meeting>>,
    /// Change requests.
    pub changes: Vec<Item<ChangeRequest>>,
    /// Complaints.
    pub complaints: Vec<Item<Complaint>>,
    /// Agreements.
    pub agreements: Vec<Item<Agreement>>,
    /// Communication records.
    pub comms: Vec<Item<CommRecord>>,
}

impl Project {
    /// Assembles a project; `index` is built here.
    pub(crate) fn new(
        (settings, files, config_file): (Settings, Files, FileId),
        (org, org_file): (Org, Option<FileId>),
        items: ItemLists,
        problems: Vec<LoadProblem>,
        unreadable: HashSet<String>,
    ) -> Project {
        let ItemLists {
            tasks,
            requests,
            meetings,
            changes,
            complaints,
            agreements,
            comms,
        } = items;
        let mut index = HashMap::with_capacity_and_hasher(
            tasks.len()
                + requests.len()
                + meetings.len()
                + changes.len()
                + complaints.len()
                + agreements.len()
                + comms.len(),
            foldhash::fast::RandomState::default(),
        );
        let ids =
            |list: &mut dyn Iterator<Item = &str>,
             kind: ItemKind,
             index: &mut HashMap<String, ItemRef, foldhash::fast::RandomState>| {
                for (i, id) in list.enumerate() {
                    index
                        .entry(id.to_string())
                        .or_insert(ItemRef { kind, index: i });
                }
            };
        ids(
            &mut requests.iter().map(|i| i.id.as_str()),
            ItemKind::Request,
            &mut index,
        );
        ids(
            &mut meetings.iter().map(|i| i.id.as_str()),
            ItemKind::Meeting,
            &mut index,
        );
        ids(
            &mut tasks.iter().map(|i| i.id.as_str()),
            ItemKind::Task,
            &mut index,
        );
        ids(
            &mut changes.iter().map(|i| i.id.as_str()),
            ItemKind::Change,
            &mut index,
        );
        ids(
            &mut complaints.iter().map(|i| i.id.as_str()),
            ItemKind::Complaint,
            &mut index,
        );
        ids(
            &mut agreements.iter().map(|i| i.id.as_str()),
            ItemKind::Agreement,
            &mut index,
        );
        ids(
            &mut comms.iter().map(|i| i.id.as_str()),
            ItemKind::Comm,
            &mut index,
        );
        Project {
            settings,
            files,
            config_file,
            org,
            org_file,
            tasks,
            requests,
            meetings,
            changes,
            complaints,
            agreements,
            comms,
            problems,
            index,
            unreadable,
        }
    }

    /// Every item with its file and content, kind by kind in path order.
    pub fn bodies(&self) -> impl Iterator<Item = (&str, FileId, BodyRef<'_>)> {
        let tasks = self
            .tasks
            .iter()
            .map(|i| (i.id.as_str(), i.file, BodyRef::Task(&i.body)));
        let requests =
            (self.requests.iter()).map(|i| (i.id.as_str(), i.file, BodyRef::Request(&i.body)));
        let meetings =
            (self.meetings.iter()).map(|i| (i.id.as_str(), i.file, BodyRef::Meeting(&i.body)));
        let changes =
            (self.changes.iter()).map(|i| (i.id.as_str(), i.file, BodyRef::Change(&i.body)));
        let complaints =
            (self.complaints.iter()).map(|i| (i.id.as_str(), i.file, BodyRef::Complaint(&i.body)));
        let agreements =
            (self.agreements.iter()).map(|i| (i.id.as_str(), i.file, BodyRef::Agreement(&i.body)));
        let comms = (self.comms.iter()).map(|i| (i.id.as_str(), i.file, BodyRef::Comm(&i.body)));
        tasks
            .chain(requests)
            .chain(meetings)
            .chain(changes)
            .chain(complaints)
            .chain(agreements)
            .chain(comms)
    }

    /// Every action item, of meetings then of communication records.
    pub fn action_items(&self) -> impl Iterator<Item = ActionRef<'_>> {
        let meetings = self.meetings.iter().flat_map(|m| {
            m.minutes
                .iter()
                .flat_map(|minutes| &minutes.action)
                .map(|action| ActionRef {
                    item: m.id.as_str(),
                    file: m.file,
                    field: "minutes.action",
                    action,
                    archived: m.archived,
                })
        });
        let comms = self.comms.iter().flat_map(|c| {
            c.action.iter().map(|action| ActionRef {
                item: c.id.as_str(),
                file: c.file,
                field: "action",
                action,
                archived: c.archived,
            })
        });
        meetings.chain(comms)
    }

    /// Whether an action item is done: `done_at` is set, or the task it
    /// was promoted to is delivered, accepted or cancelled.
    pub fn action_done(&self, action: &ActionItem) -> bool {
        action.done_at.is_some()
            || action
                .task
                .as_ref()
                .and_then(|t| self.task(t))
                .is_some_and(|t| t.status().is_done())
    }

    /// Item files that could not be read into an item (they do not parse,
    /// or are not text): the first problem of each, in path order. Commands
    /// that report on items (plan, audit, reports, calendar) say they are
    /// left out instead of pretending to be complete.
    pub fn unreadable_items(&self) -> Vec<&LoadProblem> {
        let mut seen: HashSet<FileId> = HashSet::new();
        let mut out: Vec<&LoadProblem> = self
            .problems
            .iter()
            .filter(|p| matches!(p.code, "S001" | "S002"))
            .filter(|p| {
                let path = self.files.path(p.diagnostic.file);
                crate::source::classify(path).is_some_and(|k| ItemKind::of_file(k).is_some())
                    && self.unreadable.contains(crate::load::stem(path))
            })
            .filter(|p| seen.insert(p.diagnostic.file))
            .collect();
        out.sort_by(|a, b| {
            self.files
                .path(a.diagnostic.file)
                .cmp(self.files.path(b.diagnostic.file))
        });
        out
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
            ItemKind::Change => self.changes.iter().map(|i| i.id.as_str()).collect(),
            ItemKind::Complaint => self.complaints.iter().map(|i| i.id.as_str()).collect(),
            ItemKind::Agreement => self.agreements.iter().map(|i| i.id.as_str()).collect(),
            ItemKind::Comm => self.comms.iter().map(|i| i.id.as_str()).collect(),
        }
    }

    /// Number of items.
    pub fn item_count(&self) -> usize {
        self.tasks.len()
            + self.requests.len()
            + self.meetings.len()
            + self.changes.len()
            + self.complaints.len()
            + self.agreements.len()
            + self.comms.len()
    }

    /// The content of the item `id`, of whatever kind.
    pub fn body(&self, id: &str) -> Option<BodyRef<'_>> {
        let ItemRef { kind, index } = self.item(id)?;
        Some(match kind {
            ItemKind::Task => BodyRef::Task(&self.tasks.get(index)?.body),
            ItemKind::Request => BodyRef::Request(&self.requests.get(index)?.body),
            ItemKind::Meeting => BodyRef::Meeting(&self.meetings.get(index)?.body),
            ItemKind::Change => BodyRef::Change(&self.changes.get(index)?.body),
            ItemKind::Complaint => BodyRef::Complaint(&self.complaints.get(index)?.body),
            ItemKind::Agreement => BodyRef::Agreement(&self.agreements.get(index)?.body),
            ItemKind::Comm => BodyRef::Comm(&self.comms.get(index)?.body),
        })
    }

    /// The change request `id`.
    pub fn change_request(&self, id: &str) -> Option<&Item<ChangeRequest>> {
        match self.item(id)? {
            ItemRef {
                kind: ItemKind::Change,
                index,
            } => self.changes.get(index),
            _ => None,
        }
    }

    /// The meeting `id`.
    pub fn meeting(&self, id: &str) -> Option<&Item<Meeting>> {
        match self.item(id)? {
            ItemRef {
                kind: ItemKind::Meeting,
                index,
            } => self.meetings.get(index),
            _ => None,
        }
    }
}
