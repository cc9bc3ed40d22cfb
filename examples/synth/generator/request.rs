//! Collaboration requests (seed 001): one department asks one to three
//! others, who respond within a working day; the requester accepts and holds
//! a retrospective.

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
    /// An assisting department never responded (W001).
    W001,
    /// Declined without an alternative (W002).
    W002,
    /// Accepted, no retrospective after three working days (W010).
    W010,
}

impl Plant {
    fn code(self) -> &'static str {
        match self {
            Plant::None => "",
            Plant::W001 => "W001",
            Plant::W002 => "W002",
            Plant::W010 => "W010",
        }
    }

    fn fits(self, q: usize, e: usize, n0: usize) -> bool {
        match self {
            Plant::None => true,
            Plant::W001 => q + 2 <= n0 && e >= n0 + 4,
            Plant::W002 => e + 2 <= n0,
            Plant::W010 => e + 2 <= n0 && (q + 2).max(e.saturating_sub(3)) + 4 <= n0,
        }
    }
}

#[derive(Debug, Clone)]
struct Response {
    dept: usize,
    by: usize,
    at: At,
    /// Reason and alternative of a decline.
    decline: Option<(&'static str, Option<&'static str>)>,
}

#[derive(Debug, Clone, Copy)]
enum Ev {
    Submit,
    Response(usize),
    Deliver,
    Accept,
    Retro,
    Archive,
}

/// A request in its final state, with the events that led there.
#[derive(Debug, Clone)]
pub struct Request {
    /// `REQ-000123`.
    pub id: String,
    /// `requests/d03/b00/REQ-000123.toml`.
    pub path: String,
    /// The requesting contact: accepts the result.
    pub contact: usize,
    title: String,
    dept: usize,
    /// Working day of submission (a draft when it is today or later).
    day: usize,
    to: Vec<(usize, usize)>,
    five_w: [&'static str; 4],
    /// Working day of the due.
    pub due: usize,
    submitted: Option<At>,
    responses: Vec<Response>,
    delivered: Option<At>,
    accepted: Option<At>,
    retrospective: Option<(At, [&'static str; 3])>,
    risks: Vec<(&'static str, &'static str, usize)>,
    archived: Option<At>,
    events: Vec<(At, Ev)>,
}

/// `n` requests, submitted through the year.
pub fn generate(
    rng: &mut Rng,
    days: &Days,
    org: &Org,
    n: usize,
    quotas: &Quotas,
    planted: &mut BTreeMap<&'static str, usize>,
) -> Vec<Request> {
    let (l, n0) = (days.len(), days.now_day);
    let dates: Vec<(usize, usize)> = (0..n)
        .map(|i| {
            let q = i * (l - 8) / n.max(1);
            (q, (q + rng.range(5, 40)).min(l - 1))
        })
        .collect();
    let mut plants = vec![Plant::None; n];
    for plant in [Plant::W010, Plant::W002, Plant::W001] {
        let mut candidates: Vec<usize> = (0..n)
            .filter(|&i| plants[i] == Plant::None && plant.fits(dates[i].0, dates[i].1, n0))
            .collect();
        rng.shuffle(&mut candidates);
        candidates.truncate(quotas.get(plant.code()));
        for &i in &candidates {
            plants[i] = plant;
        }
        planted.insert(plant.code(), candidates.len());
    }

    let mut per_dept = vec![0usize; org.depts.len()];
    let mut requests = Vec::with_capacity(n);
    for (i, &(q, e)) in dates.iter().enumerate() {
        let plant = plants[i];
        let dept = rng.below(org.depts.len());
        let contact = org.worker(rng, dept);
        let wanted = match (plant, rng.below(100)) {
            (Plant::W002, _) => 1,
            (_, 0..=49) => 1,
            (_, 50..=84) => 2,
            _ => 3,
        };
        let mut to: Vec<(usize, usize)> = Vec::new();
        while to.len() < wanted {
            let d = org.other_dept(rng, dept);
            if to.iter().all(|(t, _)| *t != d) {
                let c = if rng.chance(0.6) {
                    org.worker(rng, d)
                } else {
                    org.depts[d].head
                };
                to.push((d, c));
            }
        }
        let risks = (0..rng.range(0, 2))
            .map(|_| {
                let (description, mitigation) = text::risk(rng);
                (description, mitigation, rng.pick(&to).1)
            })
            .collect();
        let bucket = per_dept[dept] / 1000;
        per_dept[dept] += 1;
        let id = format!("REQ-{i:0width$}", width = quotas.width);
        let mut request = Request {
            path: format!("requests/{}/b{bucket:02}/{id}.toml", org.depts[dept].id),
            id,
            contact,
            title: text::request_title(rng),
            dept,
            day: q,
            to,
            five_w: text::five_w(rng),
            due: e,
            submitted: None,
            responses: Vec::new(),
            delivered: None,
            accepted: None,
            retrospective: None,
            risks,
            archived: None,
            events: Vec::new(),
        };
        request.live(rng, n0, plant);
        request.finish();
        requests.push(request);
    }
    requests
}

impl Request {
    fn live(&mut self, rng: &mut Rng, n0: usize, plant: Plant) {
        let (q, e) = (self.day, self.due);
        if q >= n0 {
            return; // a draft
        }
        let submitted = At::new(q, rng.minutes(570, 720));
        self.submitted = Some(submitted);
        // Each assisting department answers the same day or the next.
        let respond = |rng: &mut Rng, dept: usize, by: usize, decline| {
            let at = if q + 1 < n0 && rng.chance(0.4) {
                At::new(q + 1, rng.minutes(540, 1050))
            } else {
                At::new(
                    q,
                    rng.minutes(submitted.min + 30, (submitted.min + 300).min(1050)),
                )
            };
            Response {
                dept,
                by,
                at,
                decline,
            }
        };
        if plant == Plant::W002 || (e + 2 <= n0 && plant == Plant::None && rng.chance(0.05)) {
            let (dept, by) = self.to[0];
            let alternative =
                (plant != Plant::W002).then_some("建议改由外包团队支持,费用由需求方承担");
            let response = respond(rng, dept, by, Some(("本季度人力已排满", alternative)));
            self.responses.push(response);
            return;
        }
        let skip = (plant == Plant::W001).then(|| rng.below(self.to.len()));
        for k in 0..self.to.len() {
            if Some(k) != skip {
                let (dept, by) = self.to[k];
                let response = respond(rng, dept, by, None);
                self.responses.push(response);
            }
        }
        if e + 2 <= n0 {
            let latest = if plant == Plant::W010 {
                e.min(n0 - 4)
            } else {
                e
            };
            let accepted = rng.range((q + 2).max(e.saturating_sub(3)), latest);
            self.delivered = Some(At::new(accepted - 1, rng.minutes(1065, 1080)));
            self.accepted = Some(At::new(accepted, rng.minutes(600, 960)));
            if plant != Plant::W010 && accepted + 4 <= n0 {
                let held = accepted + rng.range(1, 3);
                self.retrospective = Some((
                    At::new(held, rng.minutes(600, 1020)),
                    text::retrospective(rng),
                ));
                if held + 40 <= n0 && rng.chance(0.5) {
                    let day = (held + rng.range(5, 20)).min(n0 - 1);
                    self.archived = Some(At::new(day, rng.minutes(1050, 1110)));
                }
            }
        } else if e <= n0 + 3 {
            let day = rng.range((q + 1).max(n0 - 3), n0 - 1);
            self.delivered = Some(At::new(day, rng.minutes(1065, 1080)));
        }
    }
}

impl Request {
    /// Orders the events; responses at the same minute are a minute apart.
    fn finish(&mut self) {
        for k in 1..self.responses.len() {
            while self.responses[..k]
                .iter()
                .any(|r| r.at == self.responses[k].at)
            {
                self.responses[k].at = self.responses[k].at.plus(1);
            }
        }
        let mut events: Vec<(At, Ev)> = Vec::new();
        if let Some(at) = self.submitted {
            events.push((at, Ev::Submit));
        }
        for (j, response) in self.responses.iter().enumerate() {
            events.push((response.at, Ev::Response(j)));
        }
        for (at, ev) in [
            (self.delivered, Ev::Deliver),
            (self.accepted, Ev::Accept),
            (self.retrospective.as_ref().map(|r| r.0), Ev::Retro),
            (self.archived, Ev::Archive),
        ] {
            if let Some(at) = at {
                events.push((at, ev));
            }
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
                    Ev::Submit => (self.contact, format!("{} 提交协作需求", self.id)),
                    Ev::Response(j) => {
                        let r = &self.responses[j];
                        let what = if r.decline.is_some() {
                            "婉拒"
                        } else {
                            "接受"
                        };
                        (
                            r.by,
                            format!("{} {} 反馈: {what}", self.id, org.depts[r.dept].id),
                        )
                    }
                    Ev::Deliver => (self.to[0].1, format!("{} 交付", self.id)),
                    Ev::Accept => (self.contact, format!("{} 验收通过", self.id)),
                    Ev::Retro => (self.contact, format!("{} 复盘", self.id)),
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
        let mut status = "draft";
        let (mut submitted, mut responses, mut accepted, mut retro, mut archived) =
            (false, Vec::new(), false, false, false);
        for (_, ev) in &self.events[..applied] {
            match *ev {
                Ev::Submit => {
                    submitted = true;
                    status = "submitted";
                }
                Ev::Response(j) => {
                    responses.push(&self.responses[j]);
                    if self.responses[j].decline.is_some() {
                        status = "declined";
                    } else if status == "submitted" {
                        status = "in_progress";
                    }
                }
                Ev::Deliver => status = "delivered",
                Ev::Accept => {
                    accepted = true;
                    status = "accepted";
                }
                Ev::Retro => {
                    retro = true;
                    status = "closed";
                }
                Ev::Archive => archived = true,
            }
        }
        let mut out = String::with_capacity(1536);
        let _ = writeln!(out, "title = {}", quote(&self.title));
        let _ = writeln!(
            out,
            "from = {{ department = \"{}\", contact = \"{}\" }}",
            org.depts[self.dept].id,
            org.id(self.contact)
        );
        out.push_str("to = [\n");
        for &(dept, contact) in &self.to {
            let _ = writeln!(
                out,
                "  {{ department = \"{}\", contact = \"{}\" }},",
                org.depts[dept].id,
                org.id(contact)
            );
        }
        out.push_str("]\n");
        for (key, value) in ["why", "what", "where", "how"].iter().zip(self.five_w) {
            let _ = writeln!(out, "{key} = {}", quote(value));
        }
        let _ = writeln!(out, "due = {}", days.date(self.due));
        if let (true, Some(at)) = (submitted, self.submitted) {
            let _ = writeln!(out, "submitted_at = {}", days.stamp(at));
        }
        let _ = writeln!(out, "status = \"{status}\"");
        if archived {
            out.push_str("archived = true\n");
        }
        for response in responses {
            let decision = if response.decline.is_some() {
                "decline"
            } else {
                "accept"
            };
            let _ = write!(
                out,
                "\n[[response]]\ndepartment = \"{}\"\nby = \"{}\"\nat = {}\ndecision = \"{decision}\"\n",
                org.depts[response.dept].id,
                org.id(response.by),
                days.stamp(response.at)
            );
            if let Some((reason, alternative)) = response.decline {
                let _ = writeln!(out, "reason = {}", quote(reason));
                if let Some(alternative) = alternative {
                    let _ = writeln!(out, "alternative = {}", quote(alternative));
                }
            }
        }
        for (description, mitigation, owner) in &self.risks {
            let _ = write!(
                out,
                "\n[[risk]]\ndescription = {}\nmitigation = {}\nowner = \"{}\"\n",
                quote(description),
                quote(mitigation),
                org.id(*owner)
            );
        }
        if let (true, Some(at)) = (accepted, self.accepted) {
            let _ = write!(
                out,
                "\n[acceptance]\nat = {}\nby = \"{}\"\nverdict = \"accepted\"\ncomments = \"交付物符合需求\"\n",
                days.stamp(at),
                org.id(self.contact)
            );
        }
        if let (true, Some((at, [highlight, improvement, action]))) = (retro, self.retrospective) {
            let _ = write!(
                out,
                "\n[retrospective]\nat = {}\nhighlights = {}\nimprovements = {}\nactions = {}\n",
                days.stamp(at),
                text::list(&[highlight]),
                text::list(&[improvement]),
                text::list(&[action])
            );
        }
        out
    }
}
