//! Tasks: 0–4 dependencies on earlier tasks (a DAG whose every dependency is
//! due before the dependent starts), states that follow from the dates and
//! "now", and the planted findings.

use std::collections::BTreeMap;
use std::fmt::Write;

use chrono::NaiveDate;

use super::days::{At, Days};
use super::org::Org;
use super::rng::Rng;
use super::text::{self, quote};
use super::{Quotas, Step, Synth};

/// The finding a task is made to produce (exactly one), or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plant {
    /// Clean.
    None,
    /// In progress past its due.
    D001,
    /// Blocked past the escalation deadline, not escalated.
    W007,
    /// In progress, last update three or more working days old.
    W006,
    /// In progress, due within three working days.
    D002,
    /// Rejected at review without comments.
    W009,
    /// Delivered three or more working days ago, no review.
    W008,
    /// Done, due on a weekend or holiday.
    D005,
    /// A vague deliverable.
    Q001,
    /// No acceptance criteria.
    Q002,
}

impl Plant {
    fn code(self) -> &'static str {
        match self {
            Plant::None => "",
            Plant::D001 => "D001",
            Plant::W007 => "W007",
            Plant::W006 => "W006",
            Plant::D002 => "D002",
            Plant::W009 => "W009",
            Plant::W008 => "W008",
            Plant::D005 => "D005",
            Plant::Q001 => "Q001",
            Plant::Q002 => "Q002",
        }
    }

    /// Whether a task from working day `s` to `e` can carry this finding.
    fn fits(self, s: usize, e: usize, days: &Days) -> bool {
        let n0 = days.now_day;
        match self {
            Plant::None | Plant::Q001 => true,
            Plant::D001 => e + 60 >= n0 && e + 2 <= n0 && s + 2 <= n0,
            Plant::W007 | Plant::W009 => e >= n0 + 4 && s + 3 <= n0,
            Plant::W006 => e >= n0 + 4 && s + 2 <= n0,
            Plant::D002 => e >= n0 && e <= n0 + 3 && s < n0,
            Plant::W008 => e + 3 <= n0,
            Plant::D005 => e + 2 <= n0 && days.day_off_after(e).is_some(),
            Plant::Q002 => e >= n0 + 4,
        }
    }
}

/// One `[[update]]`.
#[derive(Debug, Clone)]
pub struct Update {
    /// When.
    pub at: At,
    /// Percent complete.
    pub progress: u8,
    /// Done.
    pub done: &'static str,
    /// Next.
    pub next: &'static str,
}

/// The `[blocked]` section.
#[derive(Debug, Clone)]
pub struct Blocked {
    /// Since when.
    pub since: At,
    /// Why.
    pub reason: &'static str,
    /// Escalated to whom, when.
    pub escalation: Option<(usize, At)>,
}

/// The `[review]` section, and when the owner then set the status.
#[derive(Debug, Clone)]
pub struct Review {
    /// When the acceptor reviewed.
    pub at: At,
    /// Verdict.
    pub accepted: bool,
    /// Comments.
    pub comments: Option<&'static str>,
    /// When the owner set `status` to the verdict.
    pub closed: At,
}

#[derive(Debug, Clone, Copy)]
enum Ev {
    Update(usize),
    Block,
    Escalate,
    Deliver,
    Review,
    Close,
    Cancel,
    Archive,
}

/// A task in its final state, with the events that led there.
#[derive(Debug, Clone)]
pub struct Task {
    /// `T-000123`.
    pub id: String,
    /// `tasks/d07/b00/T-000123.toml`.
    pub path: String,
    title: String,
    owner: usize,
    lead: usize,
    support: Vec<usize>,
    request: Option<usize>,
    parent: Option<usize>,
    start: usize,
    due: usize,
    due_off: Option<NaiveDate>,
    effort: Option<usize>,
    depends_on: Vec<usize>,
    milestone: bool,
    deliverable: String,
    acceptance: Option<String>,
    acceptor: usize,
    updates: Vec<Update>,
    blocked: Option<Blocked>,
    delivered: Option<At>,
    review: Option<Review>,
    cancelled: Option<At>,
    archived: Option<At>,
    events: Vec<(At, Ev)>,
}

/// `n` tasks; requests' contacts become acceptors of the tasks serving them.
pub fn generate(
    rng: &mut Rng,
    days: &Days,
    org: &Org,
    request_contacts: &[(usize, usize)],
    n: usize,
    quotas: &Quotas,
    planted: &mut BTreeMap<&'static str, usize>,
) -> Vec<Task> {
    let (l, n0) = (days.len(), days.now_day);
    // Dates first: every later choice depends on them.
    let mut dates: Vec<(usize, usize)> = Vec::with_capacity(n);
    for i in 0..n {
        let s = i * (l - 2) / n.max(1);
        let duration = match rng.below(10) {
            0..=5 => rng.range(1, 10),
            6..=8 => rng.range(10, 30),
            _ => rng.range(30, 60),
        };
        let mut e = (s + duration - 1).min(l - 1);
        // Open work due within the warning window would be D001/D002.
        if e + 1 >= n0 && e <= n0 + 3 && s + 1 >= n0 {
            e = (n0 + 4 + rng.below(10)).min(l - 1);
        }
        dates.push((s, e));
    }
    let mut plants = vec![Plant::None; n];
    for plant in [
        Plant::W007,
        Plant::W009,
        Plant::W006,
        Plant::D002,
        Plant::D001,
        Plant::W008,
        Plant::D005,
        Plant::Q002,
        Plant::Q001,
    ] {
        let mut candidates: Vec<usize> = (0..n)
            .filter(|&i| plants[i] == Plant::None && plant.fits(dates[i].0, dates[i].1, days))
            .collect();
        rng.shuffle(&mut candidates);
        candidates.truncate(quotas.get(plant.code()));
        for &i in &candidates {
            plants[i] = plant;
        }
        planted.insert(plant.code(), candidates.len());
    }

    let mut per_dept = vec![0usize; org.depts.len()];
    let mut tasks = Vec::with_capacity(n);
    for i in 0..n {
        let (mut s, e) = dates[i];
        let plant = plants[i];
        let lead = rng.below(org.depts.len());
        let owner = org.worker(rng, lead);
        let mut support = Vec::new();
        if rng.chance(0.3) {
            support.push(org.other_dept(rng, lead));
            if rng.chance(0.3) {
                let d = org.other_dept(rng, lead);
                if !support.contains(&d) {
                    support.push(d);
                }
            }
        }
        // A task serves a request due no earlier than the task itself, so
        // no request is planned to miss its due (D004) by accident.
        let request = (!request_contacts.is_empty() && rng.chance(0.3))
            .then(|| rng.below(request_contacts.len()))
            .filter(|&r| request_contacts[r].1 >= e);
        let acceptor = match request.map(|r| request_contacts[r].0) {
            Some(contact) if contact != owner => contact,
            _ => org.depts[org.other_dept(rng, lead)].head,
        };
        // Dependencies: earlier tasks due before this one starts.
        let window = dates[..i].partition_point(|&(start, _)| start + 45 < s);
        let wanted = match rng.below(100) {
            0..=29 => 0,
            30..=59 => 1,
            60..=79 => 2,
            80..=91 => 3,
            _ => 4,
        };
        let mut depends_on = Vec::new();
        if i > window {
            for _ in 0..wanted * 3 {
                if depends_on.len() == wanted {
                    break;
                }
                let j = rng.range(window, i - 1);
                // Never on a task left open past its due: the plan would
                // push this one late too (an unplanted D004).
                if dates[j].1 < s && plants[j] != Plant::D001 && !depends_on.contains(&j) {
                    depends_on.push(j);
                }
            }
        }
        depends_on.sort_unstable();
        let parent = (i > 0 && rng.chance(0.1)).then(|| rng.below(i));
        let near = e + 1 >= n0 && e <= n0 + 3;
        let milestone = plant == Plant::None && !near && rng.chance(0.02);
        if milestone {
            s = e;
        }
        let effort = (!milestone && rng.chance(0.4)).then(|| rng.range(1, e - s + 1));
        let mut deliverable = text::deliverable(rng);
        if plant == Plant::Q001 {
            deliverable.push_str(",尽快提交");
        }
        let acceptance = (plant != Plant::Q002).then(|| text::criteria(rng));
        let dept = &org.depts[lead];
        let bucket = per_dept[lead] / 1000;
        per_dept[lead] += 1;
        let id = format!("T-{i:0width$}", width = quotas.width);
        let mut task = Task {
            path: format!("tasks/{}/b{bucket:02}/{id}.toml", dept.id),
            id,
            title: text::task_title(rng),
            owner,
            lead,
            support,
            request,
            parent,
            start: s,
            due: e,
            due_off: None,
            effort,
            depends_on,
            milestone,
            deliverable,
            acceptance,
            acceptor,
            updates: Vec::new(),
            blocked: None,
            delivered: None,
            review: None,
            cancelled: None,
            archived: None,
            events: Vec::new(),
        };
        task.live(rng, days, org, plant);
        task.fit_effort(n0);
        task.finish();
        tasks.push(task);
    }
    tasks
}

/// `count` progress updates on days `lo..=hi` (the last on `hi` when
/// `end_on_hi`), progress rising to at most `top`.
fn updates(
    rng: &mut Rng,
    lo: usize,
    hi: usize,
    count: usize,
    end_on_hi: bool,
    top: u8,
) -> Vec<Update> {
    if count == 0 || hi < lo {
        return Vec::new();
    }
    let mut on: Vec<usize> = (0..count).map(|_| rng.range(lo, hi)).collect();
    if end_on_hi {
        on[count - 1] = hi;
    }
    on.sort_unstable();
    on.dedup();
    let len = on.len();
    let mut last = 0u8;
    on.into_iter()
        .enumerate()
        .map(|(k, day)| {
            let progress = (usize::from(top) * (k + 1) / len) as u8;
            last = progress.max(last + 5).min(top);
            Update {
                at: At::new(day, rng.minutes(960, 1015)),
                progress: last,
                done: text::done(rng),
                next: text::next(rng),
            }
        })
        .collect()
}

impl Task {
    /// Fills in what happened to the task by now, for its plant.
    fn live(&mut self, rng: &mut Rng, days: &Days, org: &Org, plant: Plant) {
        let (s, e, n0) = (self.start, self.due, days.now_day);
        let in_progress = |task: &mut Task, rng: &mut Rng| {
            let count = rng.range(1, 4);
            task.updates = updates(rng, s, n0 - 1, count, true, 95);
        };
        match plant {
            Plant::D001 | Plant::D002 => in_progress(self, rng),
            Plant::W007 => {
                let day = rng.range(s.max(n0 - 15), n0 - 3);
                self.block(rng, org, day, false);
            }
            Plant::W006 => {
                let last = rng.range(s.max(n0 - 10), n0 - 2);
                let count = rng.range(1, 3);
                self.updates = updates(rng, s, last, count, true, 95);
            }
            Plant::W009 => {
                let day = rng.range(s, n0 - 2);
                self.reject(rng, day);
                if let Some(review) = &mut self.review {
                    review.comments = None;
                }
            }
            Plant::W008 => self.deliver(rng, e),
            Plant::D005 => {
                self.accept(rng, days, e, false);
                self.due_off = days.day_off_after(e);
            }
            Plant::None | Plant::Q001 | Plant::Q002 => {
                if e + 2 <= n0 {
                    if rng.chance(0.05) {
                        let count = rng.range(0, 2);
                        self.updates = updates(rng, s, e, count, false, 60);
                        self.cancelled = Some(At::new(e, rng.minutes(1030, 1070)));
                    } else {
                        self.accept(rng, days, e, plant == Plant::None);
                    }
                } else if e <= n0 + 3 {
                    // Due around now: already handed over.
                    if rng.chance(0.5) {
                        let day = rng.range(s.max(n0 - 2), n0 - 1);
                        self.deliver(rng, day);
                    } else {
                        self.accept(rng, days, n0 - 2, false);
                    }
                } else if s < n0 {
                    match rng.below(100) {
                        0..=84 => in_progress(self, rng),
                        85..=91 => {
                            let day = rng.range(s, n0 - 1);
                            self.block(rng, org, day, day + 3 <= n0);
                        }
                        92..=94 if s + 3 <= n0 => {
                            let day = rng.range(s, n0 - 2);
                            self.reject(rng, day);
                        }
                        _ => {}
                    }
                }
            }
        }
    }

    /// Whether the task still has work to do (a rejected delivery is
    /// reopened).
    fn open(&self) -> bool {
        self.cancelled.is_none()
            && (self.delivered.is_none() || self.review.as_ref().is_some_and(|r| !r.accepted))
    }

    /// States an effort small enough that the work left at the last
    /// update's progress fits between today (working day `n0`) and the due,
    /// so the plan keeps every open task on time (D004 only where planted;
    /// the planner rounds the remainder up).
    fn fit_effort(&mut self, n0: usize) {
        let (s, e) = (self.start, self.due);
        if self.milestone || !self.open() || s >= n0 || e < n0 {
            return;
        }
        let progress = self.updates.last().map_or(0, |u| usize::from(u.progress));
        let fits = (e - n0 + 1) * 100 / (100 - progress.min(99));
        let span = e - s + 1;
        self.effort = Some(self.effort.unwrap_or(span).min(fits).max(1));
    }

    /// Updates, then delivered at the end of working day `day`.
    fn deliver(&mut self, rng: &mut Rng, day: usize) {
        let count = rng.range(1, 3);
        self.updates = updates(rng, self.start, day, count, false, 90);
        self.delivered = Some(At::new(day, rng.minutes(1020, 1060)));
    }

    /// Delivered on `day`, rejected the next working day.
    fn reject(&mut self, rng: &mut Rng, day: usize) {
        self.deliver(rng, day);
        let at = At::new(day + 1, rng.minutes(600, 900));
        self.review = Some(Review {
            at,
            accepted: false,
            comments: Some(text::rejection(rng)),
            closed: at.plus(rng.minutes(25, 60)),
        });
    }

    /// Delivered on `day`, accepted one or two working days later.
    fn accept(&mut self, rng: &mut Rng, days: &Days, day: usize, archivable: bool) {
        let n0 = days.now_day;
        self.deliver(rng, day);
        let reviewed = (day + rng.range(1, 2)).min(n0 - 1);
        let at = At::new(reviewed, rng.minutes(600, 990));
        self.review = Some(Review {
            at,
            accepted: true,
            comments: rng.chance(0.5).then_some("符合验收标准"),
            closed: at.plus(rng.minutes(25, 60)),
        });
        if archivable && reviewed + 40 <= n0 && rng.chance(0.5) {
            let day = (reviewed + rng.range(5, 20)).min(n0 - 1);
            self.archived = Some(At::new(day, rng.minutes(1050, 1110)));
        }
    }

    /// Blocked on working day `day`; escalated the next working day when the
    /// escalation deadline (2wd) has passed and `escalate`.
    fn block(&mut self, rng: &mut Rng, org: &Org, day: usize, escalate: bool) {
        if day > self.start {
            let count = rng.range(0, 2);
            self.updates = updates(rng, self.start, day - 1, count, false, 70);
        }
        let since = At::new(day, rng.minutes(600, 900));
        let manager = org.people[self.owner]
            .manager
            .unwrap_or(org.depts[self.lead].head);
        self.blocked = Some(Blocked {
            since,
            reason: text::blocked_reason(rng),
            escalation: escalate.then(|| (manager, At::new(day + 1, rng.minutes(600, 990)))),
        });
    }

    /// Orders the events.
    fn finish(&mut self) {
        let mut events: Vec<(At, Ev)> = Vec::new();
        for (j, update) in self.updates.iter().enumerate() {
            events.push((update.at, Ev::Update(j)));
        }
        if let Some(blocked) = &self.blocked {
            events.push((blocked.since, Ev::Block));
            if let Some((_, at)) = blocked.escalation {
                events.push((at, Ev::Escalate));
            }
        }
        if let Some(at) = self.delivered {
            events.push((at, Ev::Deliver));
        }
        if let Some(review) = &self.review {
            events.push((review.at, Ev::Review));
            events.push((review.closed, Ev::Close));
        }
        if let Some(at) = self.cancelled {
            events.push((at, Ev::Cancel));
        }
        if let Some(at) = self.archived {
            events.push((at, Ev::Archive));
        }
        events.sort_by_key(|(at, _)| *at);
        debug_assert!(events.windows(2).all(|w| w[0].0 < w[1].0), "{}", self.id);
        self.events = events;
    }

    /// The changes people made, oldest first.
    pub fn steps(&self, org: &Org) -> Vec<Step> {
        self.events
            .iter()
            .map(|&(at, ev)| {
                let (author, summary) = match ev {
                    Ev::Update(j) => (
                        self.owner,
                        format!("{} 进度更新 {}%", self.id, self.updates[j].progress),
                    ),
                    Ev::Block => (self.owner, format!("{} 阻塞", self.id)),
                    Ev::Escalate => (self.owner, format!("{} 阻塞上报", self.id)),
                    Ev::Deliver => (self.owner, format!("{} 提交验收", self.id)),
                    Ev::Review => (self.acceptor, format!("{} 验收", self.id)),
                    Ev::Close => (self.owner, format!("{} 更新验收状态", self.id)),
                    Ev::Cancel => (self.owner, format!("{} 取消", self.id)),
                    Ev::Archive => (org.admin, format!("归档 {}", self.id)),
                };
                Step {
                    at,
                    author,
                    summary,
                }
            })
            .collect()
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// The file after the first `applied` events.
    pub fn render(&self, synth: &Synth, applied: usize) -> String {
        let (org, days) = (&synth.org, &synth.days);
        let mut status = "todo";
        let (mut updates, mut blocked, mut escalated, mut delivered, mut reviewed, mut archived) =
            (0usize, false, false, false, false, false);
        for (_, ev) in &self.events[..applied] {
            match ev {
                Ev::Update(_) => {
                    updates += 1;
                    if status == "todo" {
                        status = "in_progress";
                    }
                }
                Ev::Block => {
                    blocked = true;
                    status = "blocked";
                }
                Ev::Escalate => escalated = true,
                Ev::Deliver => {
                    delivered = true;
                    status = "delivered";
                }
                Ev::Review => reviewed = true,
                Ev::Close => {
                    let accepted = self.review.as_ref().is_some_and(|r| r.accepted);
                    status = if accepted { "accepted" } else { "rejected" };
                }
                Ev::Cancel => status = "cancelled",
                Ev::Archive => archived = true,
            }
        }
        let mut out = String::with_capacity(1024);
        let _ = writeln!(out, "title = {}", quote(&self.title));
        let _ = writeln!(out, "owner = \"{}\"", org.id(self.owner));
        let _ = writeln!(out, "lead = \"{}\"", org.depts[self.lead].id);
        if !self.support.is_empty() {
            let ids: Vec<&str> = self
                .support
                .iter()
                .map(|&d| org.depts[d].id.as_str())
                .collect();
            let _ = writeln!(out, "support = {}", text::list(&ids));
        }
        if let Some(r) = self.request {
            let _ = writeln!(out, "request = \"{}\"", synth.requests[r].id);
        }
        if let Some(p) = self.parent {
            let _ = writeln!(out, "parent = \"{}\"", synth.tasks[p].id);
        }
        let _ = writeln!(out, "start = {}", days.date(self.start));
        let due = self.due_off.unwrap_or_else(|| days.date(self.due));
        let _ = writeln!(out, "due = {due}");
        if let Some(effort) = self.effort {
            let _ = writeln!(out, "effort = \"{effort}wd\"");
        }
        if !self.depends_on.is_empty() {
            let ids: Vec<&str> = self
                .depends_on
                .iter()
                .map(|&j| synth.tasks[j].id.as_str())
                .collect();
            let _ = writeln!(out, "depends_on = {}", text::list(&ids));
        }
        if self.milestone {
            out.push_str("milestone = true\n");
        }
        let _ = writeln!(out, "deliverable = {}", quote(&self.deliverable));
        if let Some(acceptance) = &self.acceptance {
            let _ = writeln!(out, "acceptance = {}", quote(acceptance));
        }
        let _ = writeln!(out, "acceptor = \"{}\"", org.id(self.acceptor));
        let _ = writeln!(out, "status = \"{status}\"");
        let progress = if delivered {
            Some(100)
        } else {
            updates.checked_sub(1).map(|k| self.updates[k].progress)
        };
        if let Some(progress) = progress {
            let _ = writeln!(out, "progress = {progress}");
        }
        if let (true, Some(at)) = (delivered, self.delivered) {
            let _ = writeln!(out, "delivered_at = {}", days.stamp(at));
        }
        if archived {
            out.push_str("archived = true\n");
        }
        if let (true, Some(b)) = (blocked, &self.blocked) {
            let _ = write!(
                out,
                "\n[blocked]\nsince = {}\nreason = {}\n",
                days.stamp(b.since),
                quote(b.reason)
            );
            if let (true, Some((to, at))) = (escalated, b.escalation) {
                let _ = write!(
                    out,
                    "escalated_to = \"{}\"\nescalated_at = {}\n",
                    org.id(to),
                    days.stamp(at)
                );
            }
        }
        for update in &self.updates[..updates] {
            let _ = write!(
                out,
                "\n[[update]]\nat = {}\nby = \"{}\"\nprogress = {}\ndone = {}\nnext = {}\n",
                days.stamp(update.at),
                org.id(self.owner),
                update.progress,
                quote(update.done),
                quote(update.next)
            );
        }
        if let (true, Some(review)) = (reviewed, &self.review) {
            let verdict = if review.accepted {
                "accepted"
            } else {
                "rejected"
            };
            let _ = write!(
                out,
                "\n[review]\nat = {}\nby = \"{}\"\nverdict = \"{verdict}\"\n",
                days.stamp(review.at),
                org.id(self.acceptor)
            );
            if let Some(comments) = review.comments {
                let _ = writeln!(out, "comments = {}", quote(comments));
            }
        }
        out
    }
}
