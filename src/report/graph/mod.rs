//! Renderers of the item graph (`baton graph --format …`): tasks, requests
//! and meetings as nodes; `depends_on`, `parent`, `request` and meeting
//! links as edges; status, the critical path and overdue items marked.

mod dot;
mod json;
mod mermaid;

pub use dot::render as dot;
pub use json::render as json;
pub use mermaid::render as mermaid;

use std::collections::{HashMap, VecDeque};

use chrono::NaiveDate;

use crate::model::{ItemKind, Project, RequestStatus};
use crate::plan::Plan;
use crate::time::Clock;

/// What an edge stands for. Edges point the way work flows: from a
/// dependency to its dependent, a parent to its child, a request to its
/// tasks, a meeting to its request and to the tasks its actions became.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    /// `depends_on` (finish-to-start; the only kind the plan uses).
    DependsOn,
    /// `parent` (decomposition).
    Parent,
    /// A task's `request`.
    Request,
    /// A meeting's `request`, or an action item promoted to a task.
    Meeting,
    /// A change request to the items it changes.
    Change,
    /// A complaint, agreement or communication record to the items it
    /// names in `links`, or a record to the tasks its actions became.
    Link,
}

impl EdgeKind {
    /// The kind as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::DependsOn => "depends_on",
            EdgeKind::Parent => "parent",
            EdgeKind::Request => "request",
            EdgeKind::Meeting => "meeting",
            EdgeKind::Change => "change",
            EdgeKind::Link => "link",
        }
    }
}

/// An item in the graph.
#[derive(Debug, Clone)]
pub struct Node {
    /// Item id.
    pub id: String,
    /// Task, request or meeting.
    pub kind: ItemKind,
    /// Title.
    pub title: String,
    /// Status as written (`meeting` for meetings).
    pub status: &'static str,
    /// A milestone task.
    pub milestone: bool,
    /// On the critical path.
    pub critical: bool,
    /// Open and past its due at now.
    pub overdue: Option<NaiveDate>,
    /// Planned start and finish (tasks).
    pub planned: Option<(NaiveDate, NaiveDate)>,
}

/// A link between two nodes (indices into `nodes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    /// Where work flows from.
    pub from: usize,
    /// Where it flows to.
    pub to: usize,
    /// What the link is.
    pub kind: EdgeKind,
    /// A link between consecutive tasks of the critical path.
    pub critical: bool,
}

/// The item graph of a project, or the part of it around one item.
#[derive(Debug, Clone)]
pub struct ItemGraph {
    /// Items: tasks, then requests, then meetings (in project order).
    pub nodes: Vec<Node>,
    /// Links, without duplicates.
    pub edges: Vec<Edge>,
}

impl ItemGraph {
    /// The graph of every item of `project`.
    pub fn build(project: &Project, plan: Option<&Plan>, clock: &Clock) -> ItemGraph {
        let mut nodes = Vec::with_capacity(project.item_count());
        let critical: Vec<usize> = plan.map(|p| p.critical_path.clone()).unwrap_or_default();
        for (t, task) in project.tasks.iter().enumerate() {
            let slot = plan.and_then(|p| p.tasks.get(t)).and_then(|p| p.slot());
            let overdue = task
                .due
                .as_ref()
                .filter(|_| !task.archived && !task.status().is_done())
                .map(|due| clock.deadline(due))
                .filter(|deadline| clock.now > *deadline)
                .map(|deadline| clock.local_date(deadline));
            nodes.push(Node {
                id: task.id.clone(),
                kind: ItemKind::Task,
                title: task.title.get().clone(),
                status: task.status().as_str(),
                milestone: plan
                    .and_then(|p| p.tasks.get(t))
                    .map_or(task.milestone, |p| p.milestone),
                critical: slot.is_some_and(|s| s.critical),
                overdue,
                planned: slot.map(|s| (s.start, s.finish)),
            });
        }
        for request in &project.requests {
            let status = request.status();
            let open = !request.archived && !status.is_done() && status != RequestStatus::Draft;
            let overdue = request
                .due
                .as_ref()
                .filter(|_| open)
                .map(|due| clock.deadline(due))
                .filter(|deadline| clock.now > *deadline)
                .map(|deadline| clock.local_date(deadline));
            nodes.push(Node {
                id: request.id.clone(),
                kind: ItemKind::Request,
                title: request.title.get().clone(),
                status: status.as_str(),
                milestone: false,
                critical: false,
                overdue,
                planned: None,
            });
        }
        for meeting in &project.meetings {
            nodes.push(Node {
                id: meeting.id.clone(),
                kind: ItemKind::Meeting,
                title: meeting.title.get().clone(),
                status: "meeting",
                milestone: false,
                critical: false,
                overdue: None,
                planned: None,
            });
        }
        for cr in &project.changes {
            let state = crate::authority::change_request_state(project, &cr.body, None).state;
            nodes.push(Node {
                id: cr.id.clone(),
                kind: ItemKind::Change,
                title: cr.title.get().clone(),
                status: match state {
                    crate::authority::ApprovalState::Approved => "approved",
                    crate::authority::ApprovalState::Rejected { .. } => "rejected",
                    crate::authority::ApprovalState::Pending { .. } => "pending",
                },
                milestone: false,
                critical: false,
                overdue: None,
                planned: None,
            });
        }
        for complaint in &project.complaints {
            nodes.push(Node {
                id: complaint.id.clone(),
                kind: ItemKind::Complaint,
                title: complaint.title.get().clone(),
                status: crate::model::complaint_stage(&complaint.body),
                milestone: false,
                critical: false,
                overdue: None,
                planned: None,
            });
        }
        for agreement in &project.agreements {
            nodes.push(Node {
                id: agreement.id.clone(),
                kind: ItemKind::Agreement,
                title: agreement.title.get().clone(),
                status: crate::model::agreement_stage(&agreement.body, clock.local_date(clock.now)),
                milestone: false,
                critical: false,
                overdue: None,
                planned: None,
            });
        }
        for comm in &project.comms {
            nodes.push(Node {
                id: comm.id.clone(),
                kind: ItemKind::Comm,
                title: comm.topic.get().clone(),
                status: "recorded",
                milestone: false,
                critical: false,
                overdue: None,
                planned: None,
            });
        }
        let index: HashMap<(ItemKind, &str), usize> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| ((n.kind, n.id.as_str()), i))
            .collect();
        let find = |kind, id: &str| index.get(&(kind, id)).copied();
        let critical_pairs: std::collections::HashSet<(usize, usize)> =
            critical.windows(2).map(|w| (w[0], w[1])).collect();
        let mut edges = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut add = |from: Option<usize>, to: Option<usize>, kind: EdgeKind| {
            if let (Some(from), Some(to)) = (from, to)
                && seen.insert((from, to, kind as u8))
            {
                let critical = kind == EdgeKind::DependsOn && critical_pairs.contains(&(from, to));
                edges.push(Edge {
                    from,
                    to,
                    kind,
                    critical,
                });
            }
        };
        let tasks = project.tasks.len();
        for (t, task) in project.tasks.iter().enumerate() {
            for d in &task.depends_on {
                add(
                    find(ItemKind::Task, d.as_str()),
                    Some(t),
                    EdgeKind::DependsOn,
                );
            }
            if let Some(parent) = &task.parent {
                add(
                    find(ItemKind::Task, parent.as_str()),
                    Some(t),
                    EdgeKind::Parent,
                );
            }
            if let Some(request) = &task.request {
                add(
                    find(ItemKind::Request, request.as_str()),
                    Some(t),
                    EdgeKind::Request,
                );
            }
        }
        let meetings_from = tasks + project.requests.len();
        for (m, meeting) in project.meetings.iter().enumerate() {
            let node = Some(meetings_from + m);
            if let Some(request) = &meeting.request {
                add(
                    node,
                    find(ItemKind::Request, request.as_str()),
                    EdgeKind::Meeting,
                );
            }
            for action in meeting.minutes.iter().flat_map(|m| m.action.iter()) {
                if let Some(task) = &action.task {
                    add(node, find(ItemKind::Task, task.as_str()), EdgeKind::Meeting);
                }
            }
        }
        let changes_from = meetings_from + project.meetings.len();
        for (c, cr) in project.changes.iter().enumerate() {
            let node = Some(changes_from + c);
            if let Some(request) = &cr.request {
                add(
                    node,
                    find(ItemKind::Request, request.as_str()),
                    EdgeKind::Change,
                );
            }
            for change in &cr.change {
                let target = project
                    .item(&change.item)
                    .and_then(|r| find(r.kind, change.item.as_str()));
                add(node, target, EdgeKind::Change);
            }
        }
        let linked_from = changes_from + project.changes.len();
        let links = project
            .complaints
            .iter()
            .map(|c| (&c.links, &[][..]))
            .chain(project.agreements.iter().map(|a| (&a.links, &[][..])))
            .chain(project.comms.iter().map(|c| (&c.links, &c.action[..])));
        for (node, (links, actions)) in (linked_from..).zip(links) {
            let node = Some(node);
            for link in links {
                let target = project.item(link).and_then(|r| find(r.kind, link.as_str()));
                add(node, target, EdgeKind::Link);
            }
            for task in actions.iter().filter_map(|a| a.task.as_ref()) {
                add(node, find(ItemKind::Task, task.as_str()), EdgeKind::Link);
            }
        }
        ItemGraph { nodes, edges }
    }

    /// The node of item `id`.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }

    /// The part of the graph made of `node`, everything it comes from
    /// (ancestors) and everything that comes from it (descendants), with
    /// the edges between them.
    pub fn focus(&self, node: usize) -> ItemGraph {
        let n = self.nodes.len();
        let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut outgoing: Vec<Vec<usize>> = vec![Vec::new(); n];
        for e in &self.edges {
            outgoing[e.from].push(e.to);
            incoming[e.to].push(e.from);
        }
        let mut keep = vec![false; n];
        for neighbours in [&incoming, &outgoing] {
            let mut seen = vec![false; n];
            let mut queue = VecDeque::from([node]);
            seen[node] = true;
            while let Some(at) = queue.pop_front() {
                keep[at] = true;
                for &next in &neighbours[at] {
                    if !seen[next] {
                        seen[next] = true;
                        queue.push_back(next);
                    }
                }
            }
        }
        let mut renumber = vec![usize::MAX; n];
        let mut nodes = Vec::new();
        for (i, node) in self.nodes.iter().enumerate() {
            if keep[i] {
                renumber[i] = nodes.len();
                nodes.push(node.clone());
            }
        }
        let edges = self
            .edges
            .iter()
            .filter(|e| keep[e.from] && keep[e.to])
            .map(|e| Edge {
                from: renumber[e.from],
                to: renumber[e.to],
                ..*e
            })
            .collect();
        ItemGraph { nodes, edges }
    }
}

/// Fill colours by status, shared by the renderers.
pub(crate) fn fill(node: &Node) -> &'static str {
    match (node.kind, node.status) {
        (ItemKind::Meeting, _) => "#efe6ff",
        (ItemKind::Change, _) => "#fde2f3",
        (ItemKind::Complaint, "closed") => "#a8e0b0",
        (ItemKind::Complaint, _) => "#ffe2b8",
        (ItemKind::Agreement, "signed") => "#a8e0b0",
        (ItemKind::Agreement, _) => "#e2ecff",
        (ItemKind::Comm, _) => "#f2f2e6",
        (_, "todo" | "draft") => "#eceff2",
        (_, "submitted") => "#fff3c4",
        (_, "in_progress") => "#cfe3ff",
        (_, "blocked") => "#ffd6d6",
        (_, "rejected") => "#ffe2b8",
        (_, "delivered") => "#d7f5dd",
        (_, "accepted" | "closed") => "#a8e0b0",
        (_, "cancelled" | "declined") => "#f7f7f7",
        _ => "#ffffff",
    }
}

/// The lines of a node's label: id, title, planned dates, overdue mark.
pub(crate) fn label_lines(node: &Node) -> Vec<String> {
    let mut lines = vec![node.id.clone(), node.title.clone()];
    if let Some((start, finish)) = node.planned {
        lines.push(if start == finish {
            start.format("%m-%d").to_string()
        } else {
            format!("{} → {}", start.format("%m-%d"), finish.format("%m-%d"))
        });
    }
    if let Some(due) = node.overdue {
        lines.push(format!("⚠ {due}"));
    }
    lines
}
