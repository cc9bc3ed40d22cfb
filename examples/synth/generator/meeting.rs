//! Meetings (seeds 000–002): notice and agenda ahead, minutes within 24
//! hours, action items confirmed by their owners, reads confirmed.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::days::{At, Days};
use super::org::Org;
use super::rng::Rng;
use super::text::{self, quote};
use super::{Quotas, Step, Synth};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plant {
    None,
    /// Notice of a major meeting two working days ahead instead of three (W003).
    W003,
    /// No minutes (W004).
    W004,
    /// An action item never confirmed (W005).
    W005,
    /// An agenda item without a time box (Q003).
    Q003,
}

impl Plant {
    fn code(self) -> &'static str {
        match self {
            Plant::None => "",
            Plant::W003 => "W003",
            Plant::W004 => "W004",
            Plant::W005 => "W005",
            Plant::Q003 => "Q003",
        }
    }

    fn fits(self, m: usize, days: &Days) -> bool {
        let n0 = days.now_day;
        match self {
            Plant::None | Plant::Q003 => true,
            Plant::W003 => m + 2 <= n0,
            // Late minutes of a meeting on the eve of a holiday would also
            // be due on the holiday (D008).
            Plant::W004 => m + 2 <= n0 && !days.holiday_after(m),
            Plant::W005 => m + 3 <= n0,
        }
    }
}

#[derive(Debug, Clone)]
struct Action {
    title: &'static str,
    owner: usize,
    due: usize,
    confirmed: Option<At>,
    task: Option<usize>,
}

#[derive(Debug, Clone)]
struct Minutes {
    published: At,
    decisions: Vec<&'static str>,
    readers: Vec<(usize, At)>,
    actions: Vec<Action>,
}

#[derive(Debug, Clone, Copy)]
enum Ev {
    Minutes,
    Confirm(usize),
    Read(usize),
    Archive,
}

/// A meeting in its final state, with the events that led there.
#[derive(Debug, Clone)]
pub struct Meeting {
    /// `MTG-000123`.
    pub id: String,
    /// `meetings/2026-07/b00/MTG-000123.toml`.
    pub path: String,
    title: String,
    organizer: usize,
    chair: usize,
    scribe: usize,
    major: bool,
    start: At,
    end: At,
    notice: At,
    agenda_at: At,
    required: Vec<usize>,
    informed: Vec<usize>,
    materials: Vec<&'static str>,
    request: Option<usize>,
    agenda: Vec<(&'static str, usize, Option<u32>)>,
    minutes: Option<Minutes>,
    archived: Option<At>,
    events: Vec<(At, Ev)>,
}

/// `n` meetings through the year; action items may point at tasks.
pub fn generate(
    rng: &mut Rng,
    days: &Days,
    org: &Org,
    (requests, tasks): (usize, usize),
    n: usize,
    quotas: &Quotas,
    planted: &mut BTreeMap<&'static str, usize>,
) -> Vec<Meeting> {
    let (l, n0) = (days.len(), days.now_day);
    // Not yesterday or today: minutes may still be within their 24 hours.
    let dates: Vec<usize> = (0..n)
        .map(|i| match 5 + i * (l - 6) / n.max(1) {
            m if m + 1 == n0 => n0 - 2,
            m if m == n0 => n0 + 1,
            m => m,
        })
        .collect();
    let mut plants = vec![Plant::None; n];
    for plant in [Plant::W005, Plant::W004, Plant::W003, Plant::Q003] {
        let mut candidates: Vec<usize> = (0..n)
            .filter(|&i| plants[i] == Plant::None && plant.fits(dates[i], days))
            .collect();
        rng.shuffle(&mut candidates);
        candidates.truncate(quotas.get(plant.code()));
        for &i in &candidates {
            plants[i] = plant;
        }
        planted.insert(plant.code(), candidates.len());
    }

    let mut per_month: BTreeMap<String, usize> = BTreeMap::new();
    let mut meetings = Vec::with_capacity(n);
    for (i, &m) in dates.iter().enumerate() {
        let plant = plants[i];
        let dept = rng.below(org.depts.len());
        let organizer = org.worker(rng, dept);
        let chair = org.depts[dept].head;
        let scribe = loop {
            let p = org.worker(rng, dept);
            if p != organizer || org.depts[dept].workers.len() == 1 {
                break p;
            }
        };
        let mut required = vec![organizer, chair];
        for _ in 0..rng.range(1, 4) {
            let d = org.other_dept(rng, dept);
            let p = if rng.chance(0.5) {
                org.worker(rng, d)
            } else {
                org.depts[d].head
            };
            if !required.contains(&p) {
                required.push(p);
            }
        }
        let mut informed = Vec::new();
        for _ in 0..rng.range(0, 2) {
            let p = rng.below(org.people.len());
            if !required.contains(&p) && !informed.contains(&p) {
                informed.push(p);
            }
        }
        let start = At::new(m, *rng.pick(&[570, 600, 840, 900, 960]));
        let end = start.plus(*rng.pick(&[30, 45, 60, 90]));
        let major = plant == Plant::W003 || rng.chance(0.2);
        // Notice four working days ahead (three are due for major topics),
        // never after now; W003 gives a major meeting two.
        let notice_day = match plant {
            Plant::W003 => m - 2,
            _ => (m - 4).min(n0 - 1),
        };
        let notice = At::new(notice_day, rng.minutes(540, 660));
        let agenda_at = notice.plus(rng.minutes(60, 120));
        let count = rng.range(2, 5);
        let topics = text::topics(rng, count);
        let untimed = (plant == Plant::Q003).then(|| rng.below(topics.len()));
        let agenda = topics
            .into_iter()
            .enumerate()
            .map(|(k, topic)| {
                let minutes = (Some(k) != untimed).then(|| 5 * rng.minutes(2, 6));
                (topic, *rng.pick(&required), minutes)
            })
            .collect();
        let minutes = (m + 2 <= n0 && plant != Plant::W004).then(|| {
            let published = end.plus(rng.minutes(30, 120));
            let wanted = if plant == Plant::W005 {
                rng.range(1, 3)
            } else {
                rng.range(0, 3)
            };
            let actions = text::actions(rng, wanted)
                .into_iter()
                .enumerate()
                .map(|(k, title)| Action {
                    title,
                    owner: *rng.pick(&required),
                    due: (m + rng.range(2, 10)).min(l - 1),
                    confirmed: (plant != Plant::W005 || k > 0)
                        .then(|| published.plus(rng.minutes(25, 120))),
                    task: (tasks > 0 && rng.chance(0.2)).then(|| rng.below(tasks)),
                })
                .collect();
            let mut readers = Vec::new();
            for &p in &required {
                if rng.chance(0.6) {
                    let day = (m + rng.range(1, 2)).min(n0 - 1);
                    readers.push((p, At::new(day, rng.minutes(540, 1050))));
                }
            }
            Minutes {
                published,
                decisions: (0..rng.range(1, 3)).map(|_| text::decision(rng)).collect(),
                readers,
                actions,
            }
        });
        let archived = (plant == Plant::None && m + 60 <= n0 && rng.chance(0.3))
            .then(|| At::new((m + rng.range(10, 30)).min(n0 - 1), rng.minutes(1050, 1110)));
        let month = days.date(m).format("%Y-%m").to_string();
        let count = per_month.entry(month.clone()).or_default();
        let bucket = *count / 1000;
        *count += 1;
        let id = format!("MTG-{i:0width$}", width = quotas.width);
        let mut meeting = Meeting {
            path: format!("meetings/{month}/b{bucket:02}/{id}.toml"),
            id,
            title: text::meeting_title(rng),
            organizer,
            chair,
            scribe,
            major,
            start,
            end,
            notice,
            agenda_at,
            required,
            informed,
            materials: (0..rng.range(0, 2)).map(|_| text::material(rng)).collect(),
            request: (requests > 0 && rng.chance(0.3)).then(|| rng.below(requests)),
            agenda,
            minutes,
            archived,
            events: Vec::new(),
        };
        meeting.finish();
        meetings.push(meeting);
    }
    meetings
}

impl Meeting {
    /// Orders the events; reads of one day a minute apart.
    fn finish(&mut self) {
        let mut events: Vec<(At, Ev)> = Vec::new();
        if let Some(minutes) = &mut self.minutes {
            for k in 1..minutes.actions.len() {
                while let Some(at) = minutes.actions[k].confirmed
                    && minutes.actions[..k].iter().any(|a| a.confirmed == Some(at))
                {
                    minutes.actions[k].confirmed = Some(at.plus(1));
                }
            }
            for k in 1..minutes.readers.len() {
                while minutes.readers[..k]
                    .iter()
                    .any(|r| r.1 == minutes.readers[k].1)
                {
                    minutes.readers[k].1 = minutes.readers[k].1.plus(1);
                }
            }
            events.push((minutes.published, Ev::Minutes));
            for (j, action) in minutes.actions.iter().enumerate() {
                if let Some(at) = action.confirmed {
                    events.push((at, Ev::Confirm(j)));
                }
            }
            for (r, (_, at)) in minutes.readers.iter().enumerate() {
                events.push((*at, Ev::Read(r)));
            }
        }
        if let Some(at) = self.archived {
            events.push((at, Ev::Archive));
        }
        events.sort_by_key(|(at, _)| *at);
        self.events = events;
    }

    /// The changes people made, oldest first.
    pub fn steps(&self, org: &Org) -> Vec<Step> {
        let minutes = self.minutes.as_ref();
        self.events
            .iter()
            .map(|&(at, ev)| {
                let (author, summary) = match (ev, minutes) {
                    (Ev::Minutes, _) => (self.scribe, format!("{} 发布会议纪要", self.id)),
                    (Ev::Confirm(j), Some(m)) => (
                        m.actions[j].owner,
                        format!("{} 确认待办: {}", self.id, m.actions[j].title),
                    ),
                    (Ev::Read(r), Some(m)) => (m.readers[r].0, format!("{} 已阅", self.id)),
                    _ => (org.admin, format!("归档 {}", self.id)),
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
        let (mut published, mut confirmed, mut read, mut archived) =
            (false, Vec::new(), Vec::new(), false);
        for (_, ev) in &self.events[..applied] {
            match *ev {
                Ev::Minutes => published = true,
                Ev::Confirm(j) => confirmed.push(j),
                Ev::Read(r) => read.push(r),
                Ev::Archive => archived = true,
            }
        }
        let ids = |people: &[usize]| -> Vec<&str> { people.iter().map(|&p| org.id(p)).collect() };
        let mut out = String::with_capacity(1536);
        let _ = writeln!(out, "title = {}", quote(&self.title));
        let _ = writeln!(out, "organizer = \"{}\"", org.id(self.organizer));
        let _ = writeln!(out, "chair = \"{}\"", org.id(self.chair));
        let _ = writeln!(out, "scribe = \"{}\"", org.id(self.scribe));
        if self.major {
            out.push_str("major = true\n");
        }
        let _ = writeln!(out, "start = {}", days.stamp(self.start));
        let _ = writeln!(out, "end = {}", days.stamp(self.end));
        let _ = writeln!(out, "notice_at = {}", days.stamp(self.notice));
        let _ = writeln!(out, "agenda_at = {}", days.stamp(self.agenda_at));
        let _ = writeln!(out, "required = {}", text::list(&ids(&self.required)));
        if !self.informed.is_empty() {
            let _ = writeln!(out, "informed = {}", text::list(&ids(&self.informed)));
        }
        if !self.materials.is_empty() {
            let _ = writeln!(out, "materials = {}", text::list(&self.materials));
        }
        if let Some(r) = self.request {
            let _ = writeln!(out, "request = \"{}\"", synth.requests[r].id);
        }
        if archived {
            out.push_str("archived = true\n");
        }
        for (topic, owner, minutes) in &self.agenda {
            let _ = write!(
                out,
                "\n[[agenda]]\ntopic = {}\nowner = \"{}\"\n",
                quote(topic),
                org.id(*owner)
            );
            if let Some(minutes) = minutes {
                let _ = writeln!(out, "minutes = {minutes}");
            }
        }
        if let (true, Some(minutes)) = (published, &self.minutes) {
            let readers: Vec<usize> = minutes
                .readers
                .iter()
                .enumerate()
                .filter(|(r, _)| read.contains(r))
                .map(|(_, (p, _))| *p)
                .collect();
            let _ = write!(
                out,
                "\n[minutes]\npublished_at = {}\ndecisions = {}\nread_by = {}\n",
                days.stamp(minutes.published),
                text::list(&minutes.decisions),
                text::list(&ids(&readers))
            );
            for (j, action) in minutes.actions.iter().enumerate() {
                let _ = write!(
                    out,
                    "\n[[minutes.action]]\ntitle = {}\nowner = \"{}\"\ndue = {}\n",
                    quote(action.title),
                    org.id(action.owner),
                    days.date(action.due)
                );
                if let (true, Some(at)) = (confirmed.contains(&j), action.confirmed) {
                    let _ = writeln!(out, "confirmed_at = {}", days.stamp(at));
                }
                // Done by the due, or this morning if due later: action
                // items are not planted as late (D001/D002).
                let done = if action.due < days.now_day {
                    At::new(action.due, 16 * 60)
                } else {
                    At::new(days.now_day, 9 * 60)
                };
                let _ = writeln!(out, "done_at = {}", days.stamp(done));
                if let Some(t) = action.task {
                    let _ = writeln!(out, "task = \"{}\"", synth.tasks[t].id);
                }
            }
        }
        out
    }
}
