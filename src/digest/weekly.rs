//! 项目周报: per request and per department, what was done in the report
//! week, the plan for the week after it, risks and blocked work, and the
//! decisions and action items of that week's meetings.
//!
//! - **Done**: the `[[update]]` entries written in the week (their `done`),
//!   reviews recorded in the week, and — with git history — every status
//!   change a commit of the week made.
//! - **Plan**: for open tasks, the `next` of their latest update written by
//!   the end of the report week, and the planned dates of work that starts
//!   or finishes in the following week (the plan as of now).
//! - **Risks, late and blocked work**: the request's `[[risk]]` entries,
//!   and its tasks that are overdue or blocked now (listed as the audit
//!   lists them, [`DueLine`] and [`BlockedLine`]).
//! - A task belongs to its request (or its nearest parent's) and to its
//!   lead department (else its owner's); work outside any request is
//!   grouped last.

use chrono::{DateTime, NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::Serialize;

use super::Week;
use super::history::StatusChange;
use crate::audit::headline::{BlockedLine, DueLine};
use crate::audit::{
    ItemLine, date, department_name, instant, maybe_date, maybe_instant, open_task,
    task_department, task_owner, task_request,
};
use crate::evidence::Event;
use crate::model::{Item, Task, TaskStatus};
use crate::rules::Context;

/// The weekly report.
#[derive(Debug, Clone, Serialize)]
pub struct Weekly {
    /// The project's name.
    pub project: String,
    /// The report week, `2026-W38`.
    pub week: String,
    /// Its Monday.
    #[serde(serialize_with = "date")]
    pub from: NaiveDate,
    /// Its Sunday.
    #[serde(serialize_with = "date")]
    pub to: NaiveDate,
    /// Monday of the week planned for.
    #[serde(serialize_with = "date")]
    pub next_from: NaiveDate,
    /// Sunday of the week planned for.
    #[serde(serialize_with = "date")]
    pub next_to: NaiveDate,
    /// Progress updates written in the week.
    pub updates: usize,
    /// Items accepted in the week.
    pub accepted: usize,
    /// Tasks blocked now.
    pub blocked: usize,
    /// Open tasks past their due now.
    pub overdue: usize,
    /// One group per request with something to report, then work outside
    /// any request.
    pub groups: Vec<Group>,
    /// Meetings held in the week.
    pub meetings: Vec<MeetingDigest>,
    /// Complaints, agreements signed and communication records of the week.
    pub relations: super::relations::Relations,
}

/// A request (or no request) and its departments.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// The request; `None` for work outside any request.
    pub request: Option<RequestHead>,
    /// The request's risks.
    pub risks: Vec<RiskDigest>,
    /// Departments with something to report, in org.toml's order.
    pub departments: Vec<DepartmentDigest>,
}

/// A request's heading.
#[derive(Debug, Clone, Serialize)]
pub struct RequestHead {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its due date.
    #[serde(serialize_with = "maybe_date")]
    pub due: Option<NaiveDate>,
    /// The planned finish of its tasks.
    #[serde(serialize_with = "maybe_date")]
    pub finish: Option<NaiveDate>,
    /// Working days between planned finish and due.
    pub slack_wd: Option<i64>,
}

/// A risk of a request.
#[derive(Debug, Clone, Serialize)]
pub struct RiskDigest {
    /// What may go wrong.
    pub description: String,
    /// What is done about it.
    pub mitigation: Option<String>,
    /// Who watches it.
    pub owner: Option<String>,
}

/// One department's part of a group.
#[derive(Debug, Clone, Serialize)]
pub struct DepartmentDigest {
    /// Department id (empty when unknown).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Done in the report week, in time order.
    pub done: Vec<DoneLine>,
    /// Planned for the week after.
    pub plan: Vec<PlanLine>,
    /// Open tasks past their due now.
    pub overdue: Vec<DueLine>,
    /// Blocked now.
    pub blocked: Vec<BlockedLine>,
}

/// Something done.
#[derive(Debug, Clone, Serialize)]
pub struct DoneLine {
    /// The task (or request).
    pub item: String,
    /// Its title.
    pub title: String,
    /// When.
    #[serde(serialize_with = "instant")]
    pub at: DateTime<Tz>,
    /// What happened.
    pub what: Done,
}

/// What happened.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Done {
    /// A progress update.
    Update {
        /// Who wrote it.
        by: Option<String>,
        /// Percent complete then.
        progress: Option<u8>,
        /// What was done.
        text: Option<String>,
    },
    /// A review.
    Review {
        /// Who reviewed.
        by: Option<String>,
        /// `accepted` or `rejected`.
        verdict: String,
    },
    /// A commit changed the status.
    Status(StatusChange),
}

/// Planned work.
#[derive(Debug, Clone, Serialize)]
pub struct PlanLine {
    /// The task.
    pub item: String,
    /// Its title.
    pub title: String,
    /// Its owner.
    pub owner: Option<String>,
    /// The `next` of its latest update.
    pub next: Option<String>,
    /// Planned start, when in the week planned for.
    #[serde(serialize_with = "maybe_date")]
    pub start: Option<NaiveDate>,
    /// Planned finish, when in the week planned for.
    #[serde(serialize_with = "maybe_date")]
    pub finish: Option<NaiveDate>,
}

/// A meeting of the week.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingDigest {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// When it started.
    #[serde(serialize_with = "instant")]
    pub start: DateTime<Tz>,
    /// Decisions taken.
    pub decisions: Vec<String>,
    /// Action items.
    pub actions: Vec<ActionDigest>,
}

/// An action item.
#[derive(Debug, Clone, Serialize)]
pub struct ActionDigest {
    /// What.
    pub title: String,
    /// Who.
    pub owner: Option<String>,
    /// By when.
    #[serde(serialize_with = "maybe_instant")]
    pub due: Option<DateTime<Tz>>,
    /// When the owner confirmed.
    #[serde(serialize_with = "maybe_instant")]
    pub confirmed: Option<DateTime<Tz>>,
    /// The task it became.
    pub task: Option<String>,
}

/// Where a line goes: request index (`None`: outside any request) and
/// department id.
type Slot = (Option<usize>, String);

impl Weekly {
    /// The report of `week`; `changes` are the status changes commits made
    /// in it (empty without history).
    pub fn compute(cx: &Context<'_>, week: Week, changes: &[StatusChange]) -> Weekly {
        let project = cx.project;
        let org = &project.org;
        let clock = cx.clock;
        let start = clock.at(week.monday, NaiveTime::MIN);
        let end = clock.at(week.next().monday, NaiveTime::MIN);
        let next = week.next();
        let in_week = |t: DateTime<Tz>| t >= start && t < end;
        let slot_of = |task: &Task| -> Slot {
            let request = task_request(project, task)
                .and_then(|r| project.requests.iter().position(|q| q.id == r));
            let department = task_department(org, task).unwrap_or("").to_string();
            (request, department)
        };
        let mut lines: Vec<(Slot, Line)> = Vec::new();
        let mut updates = 0;
        let mut accepted = 0;
        let mut blocked = 0;
        let mut overdue = 0;
        // What happened in the week is counted for archived items too:
        // archiving makes an item read-only history, it does not undo it.
        for (t, task) in project.tasks.iter().enumerate() {
            let slot = slot_of(task);
            for update in &task.update {
                let at = clock.event(&update.at);
                if in_week(at) {
                    updates += 1;
                    lines.push((
                        slot.clone(),
                        Line::Done(done(
                            task,
                            at,
                            Done::Update {
                                by: update.by.as_ref().map(|b| b.to_string()),
                                progress: update.progress.as_ref().map(|p| p.get().0),
                                text: update.done.as_ref().map(|d| d.to_string()),
                            },
                        )),
                    ));
                }
            }
            if let Some(review) = &task.review
                && let Some(at) = cx.time_of(&task.id, review.at.as_ref(), Event::Reviewed)
                && in_week(at)
            {
                let verdict = match review.verdict.get() {
                    crate::model::Verdict::Accepted => "accepted",
                    crate::model::Verdict::Rejected => "rejected",
                };
                if verdict == "accepted" {
                    accepted += 1;
                }
                lines.push((
                    slot.clone(),
                    Line::Done(done(
                        task,
                        at,
                        Done::Review {
                            by: review.by.as_ref().map(|b| b.to_string()),
                            verdict: verdict.into(),
                        },
                    )),
                ));
            }
            if task.status() == TaskStatus::Blocked && !task.archived {
                blocked += 1;
                lines.push((slot.clone(), Line::Blocked(BlockedLine::of(cx, task))));
            }
            if open_task(task)
                && let Some(due) = &task.due
                && clock.now > clock.deadline(due)
            {
                overdue += 1;
                let line = ItemLine::task(org, &task.id, task);
                let late = DueLine::overdue(cx, line, clock.deadline(due));
                lines.push((slot.clone(), Line::Overdue(late)));
            }
            if open_task(task) {
                let latest = task
                    .update
                    .iter()
                    .filter(|u| clock.event(&u.at) < end)
                    .max_by_key(|u| clock.event(&u.at));
                let next_text = latest
                    .and_then(|u| u.next.as_ref())
                    .map(|n| n.to_string())
                    .filter(|n| !n.trim().is_empty());
                let slot_dates = cx
                    .plan
                    .and_then(|p| p.tasks.get(t))
                    .and_then(|p| p.slot().cloned());
                let within = |d: NaiveDate| d >= next.monday && d <= next.sunday();
                let (planned_start, planned_finish) = match &slot_dates {
                    Some(s) if within(s.work_start) || within(s.finish) => {
                        (Some(s.work_start), Some(s.finish))
                    }
                    _ => (None, None),
                };
                if next_text.is_some() || planned_start.is_some() {
                    lines.push((
                        slot.clone(),
                        Line::Plan(PlanLine {
                            item: task.id.clone(),
                            title: task.title.to_string(),
                            owner: task_owner(task).map(str::to_string),
                            next: next_text,
                            start: planned_start,
                            finish: planned_finish,
                        }),
                    ));
                }
            }
        }
        for change in changes {
            let (slot, title) = match project.task(&change.item) {
                Some(task) => (slot_of(task), task.title.to_string()),
                None => match project.requests.iter().position(|r| r.id == change.item) {
                    Some(i) => (
                        (Some(i), project.requests[i].from.department.to_string()),
                        project.requests[i].title.to_string(),
                    ),
                    None => ((None, String::new()), String::new()),
                },
            };
            lines.push((
                slot,
                Line::Done(DoneLine {
                    item: change.item.clone(),
                    title,
                    at: change.at,
                    what: Done::Status(change.clone()),
                }),
            ));
        }
        for request in &project.requests {
            if let Some(acceptance) = &request.acceptance
                && *acceptance.verdict.get() == crate::model::Verdict::Accepted
                && cx
                    .time_of(&request.id, acceptance.at.as_ref(), Event::Reviewed)
                    .is_some_and(in_week)
            {
                accepted += 1;
            }
        }
        let groups = group(cx, lines);
        let meetings = project
            .meetings
            .iter()
            .filter(|m| in_week(clock.event(&m.start)))
            .map(|m| MeetingDigest {
                id: m.id.clone(),
                title: m.title.to_string(),
                start: clock.event(&m.start),
                decisions: m
                    .minutes
                    .as_ref()
                    .map(|min| min.decisions.iter().map(|d| d.to_string()).collect())
                    .unwrap_or_default(),
                actions: m
                    .minutes
                    .as_ref()
                    .map(|min| {
                        min.action
                            .iter()
                            .map(|a| ActionDigest {
                                title: a.title.to_string(),
                                owner: a.owner.as_ref().map(|o| o.to_string()),
                                due: a.due.as_ref().map(|d| clock.deadline(d)),
                                confirmed: cx.time_of(
                                    &m.id,
                                    a.confirmed_at.as_ref(),
                                    Event::ActionConfirmed(a.title.to_string()),
                                ),
                                task: a.task.as_ref().map(|t| t.to_string()),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect();
        Weekly {
            project: project.settings.name.clone(),
            week: week.label(),
            from: week.monday,
            to: week.sunday(),
            next_from: next.monday,
            next_to: next.sunday(),
            updates,
            accepted,
            blocked,
            overdue,
            groups,
            meetings,
            relations: super::relations::Relations::compute(cx, week.monday, week.sunday()),
        }
    }
}

/// A line before grouping.
enum Line {
    Done(DoneLine),
    Plan(PlanLine),
    Overdue(DueLine),
    Blocked(BlockedLine),
}

fn done(task: &Item<Task>, at: DateTime<Tz>, what: Done) -> DoneLine {
    DoneLine {
        item: task.id.clone(),
        title: task.title.to_string(),
        at,
        what,
    }
}

/// Groups lines by request (project order, then none) and department
/// (org order, then unknown ones by id).
fn group(cx: &Context<'_>, lines: Vec<(Slot, Line)>) -> Vec<Group> {
    let project = cx.project;
    let org = &project.org;
    let dept_order = |id: &str| {
        org.departments
            .iter()
            .position(|d| d.id.as_str() == id)
            .unwrap_or(usize::MAX)
    };
    // Lines by request (the last bucket: no request), then by department:
    // one pass each, so a week of 100,000 lines is not walked per request.
    let count = project.requests.len();
    let mut by_request: Vec<Vec<(String, Line)>> = (0..=count).map(|_| Vec::new()).collect();
    for ((r, d), line) in lines {
        by_request[r.filter(|&i| i < count).unwrap_or(count)].push((d, line));
    }
    let mut groups = Vec::new();
    for (index, mut mine) in by_request.into_iter().enumerate() {
        let request = (index < count).then_some(index);
        mine.sort_by_cached_key(|(d, _)| (dept_order(d), d.clone()));
        let mut departments: Vec<DepartmentDigest> = Vec::new();
        for (id, line) in mine {
            if departments.last().is_none_or(|last| last.id != id) {
                departments.push(DepartmentDigest {
                    name: if id.is_empty() {
                        String::new()
                    } else {
                        department_name(org, &id)
                    },
                    id,
                    done: Vec::new(),
                    plan: Vec::new(),
                    overdue: Vec::new(),
                    blocked: Vec::new(),
                });
            }
            let Some(digest) = departments.last_mut() else {
                continue;
            };
            match line {
                Line::Done(l) => digest.done.push(l),
                Line::Plan(l) => digest.plan.push(l),
                Line::Overdue(l) => digest.overdue.push(l),
                Line::Blocked(l) => digest.blocked.push(l),
            }
        }
        for digest in &mut departments {
            digest
                .done
                .sort_by(|a, b| (a.at, &a.item).cmp(&(b.at, &b.item)));
            digest.plan.sort_by(|a, b| {
                (a.start.is_none(), a.start, &a.item).cmp(&(b.start.is_none(), b.start, &b.item))
            });
        }
        let indexed = request.and_then(|i| project.requests.get(i).map(|r| (i, r)));
        let head = indexed.map(|(i, r)| {
            let planned = cx.plan.and_then(|p| p.requests.get(i));
            let due = planned.and_then(|p| p.due);
            let finish = planned.and_then(|p| p.finish);
            RequestHead {
                id: r.id.clone(),
                title: r.title.to_string(),
                due,
                finish,
                slack_wd: match (finish, due) {
                    (Some(f), Some(d)) => {
                        Some(crate::audit::outlook::slack(&cx.clock.calendar, f, d))
                    }
                    _ => None,
                },
            }
        });
        let risks: Vec<RiskDigest> = request
            .and_then(|i| project.requests.get(i))
            .filter(|r| !r.archived && !r.status().is_done())
            .map(|r| {
                r.risk
                    .iter()
                    .map(|k| RiskDigest {
                        description: k.description.to_string(),
                        mitigation: k.mitigation.as_ref().map(|m| m.to_string()),
                        owner: k.owner.as_ref().map(|o| o.to_string()),
                    })
                    .collect()
            })
            .unwrap_or_default();
        if departments.is_empty() && risks.is_empty() {
            continue;
        }
        groups.push(Group {
            request: head,
            risks,
            departments,
        });
    }
    groups
}
