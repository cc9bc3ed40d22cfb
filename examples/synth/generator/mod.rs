//! A synthetic baton repository: an organisation, tasks, meetings and
//! requests whose findings at [`NOW`] are known in advance, and optionally a
//! git history that leads to them.
//!
//! Shared by `examples/synth` (the command), `tests/synth.rs` and the
//! benchmarks in `benches/`, which include this folder with `#[path]`.
//!
//! Every item is clean at [`NOW`] except the planted ones, and each planted
//! item produces exactly one finding of its rule: the counts are
//! [`Synth::planted`]. Dates are working days of 2026 on the `cn` calendar;
//! every state follows from the dates and "now" (a task due last month is
//! accepted, one due next month is in progress with yesterday's update).

mod chain;
mod days;
mod history;
mod meeting;
mod org;
mod request;
mod rng;
mod task;
mod text;

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::Path;

use rayon::prelude::*;

pub use days::NOW;
pub use history::{History, Written};

use days::{At, Days};
use meeting::Meeting;
use org::Org;
use request::Request;
use rng::Rng;
use task::Task;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Options {
    /// Number of items (70% tasks, 20% meetings, 10% requests).
    pub items: usize,
    /// Commits after the import commit (0: no git repository).
    pub commits: usize,
    /// Seed: the same seed gives the same repository.
    pub seed: u64,
    /// How the items look.
    pub profile: Profile,
}

/// How the generated items look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Profile {
    /// A well-kept project: clean but for a few percent of planted findings.
    #[default]
    Plain,
    /// A project imported from spreadsheets, or kept for years: most items
    /// carry a finding (overdue, stale, unacknowledged, late minutes, …).
    Late,
    /// One long chain of late work: every item a task depending on the one
    /// before (see [`chain`]). No history; findings are not counted ahead.
    Chain,
}

impl Profile {
    /// The name used on the command line and in EXPECTED.json.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Plain => "plain",
            Profile::Late => "late",
            Profile::Chain => "chain",
        }
    }

    /// The profile named `name`.
    pub fn parse(name: &str) -> Option<Profile> {
        [Profile::Plain, Profile::Late, Profile::Chain]
            .into_iter()
            .find(|p| p.name() == name)
    }
}

/// How many items of each planted finding to make.
#[derive(Debug, Clone)]
pub struct Quotas {
    counts: BTreeMap<&'static str, usize>,
    /// Digits of item ids.
    pub width: usize,
}

impl Quotas {
    fn new(tasks: usize, requests: usize, meetings: usize, profile: Profile) -> Quotas {
        let share = |n: usize, rate: f64| (n as f64 * rate).round() as usize;
        // A few percent of the headline findings, a handful of the others.
        let few = |n: usize| if n == 0 { 0 } else { share(n, 0.002).max(1) };
        let mut counts = BTreeMap::new();
        if profile == Profile::Late {
            // As many as the dates allow (each rule fits only some tasks:
            // D001 those due in the last 60 working days, W006/W007/W009/
            // Q002 those still open next week): most items get a finding.
            for (code, rate) in [
                ("D001", 0.30),
                ("W007", 0.05),
                ("W006", 0.10),
                ("D002", 0.02),
                ("W009", 0.02),
                ("W008", 0.15),
                ("D005", 0.15),
                ("Q001", 0.20),
                ("Q002", 0.05),
            ] {
                counts.insert(code, share(tasks, rate));
            }
            for (code, rate) in [("W001", 0.55), ("W002", 0.10), ("W010", 0.15)] {
                counts.insert(code, share(requests, rate));
            }
            for code in ["W003", "W004", "W005", "Q003"] {
                counts.insert(code, share(meetings, 0.2));
            }
        } else {
            counts.insert("D001", share(tasks, 0.02));
            counts.insert("W007", share(tasks, 0.01));
            counts.insert("W001", share(requests, 0.03));
            for code in ["W006", "D002", "W009", "W008", "D005", "Q001", "Q002"] {
                counts.insert(code, few(tasks));
            }
            for code in ["W002", "W010"] {
                counts.insert(code, few(requests));
            }
            for code in ["W003", "W004", "W005", "Q003"] {
                counts.insert(code, few(meetings));
            }
        }
        let total = tasks + requests + meetings;
        Quotas {
            counts,
            width: total.max(1).to_string().len().max(6),
        }
    }

    fn get(&self, code: &str) -> usize {
        self.counts.get(code).copied().unwrap_or(0)
    }
}

/// One change a person made to an item.
#[derive(Debug, Clone)]
pub struct Step {
    /// When (the time the file states, or when it was done).
    pub at: At,
    /// Who (a person index): the commit author.
    pub author: usize,
    /// For the commit message.
    pub summary: String,
}

/// An item of any kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Handle {
    /// `tasks[i]`.
    Task(usize),
    /// `requests[i]`.
    Request(usize),
    /// `meetings[i]`.
    Meeting(usize),
    /// The `i`th task of the chain profile.
    Chain(usize),
}

/// A generated repository, in memory.
#[derive(Debug, Clone)]
pub struct Synth {
    /// The options it was made with.
    pub options: Options,
    days: Days,
    org: Org,
    tasks: Vec<Task>,
    requests: Vec<Request>,
    meetings: Vec<Meeting>,
    /// The chain profile's tasks (0 otherwise).
    chain: usize,
    /// Digits of item ids.
    width: usize,
    /// Planted findings: rule code → count.
    pub planted: BTreeMap<&'static str, usize>,
}

impl Synth {
    /// Generates the items of `options` (no files yet).
    pub fn generate(options: &Options) -> Synth {
        let mut rng = Rng::new(options.seed);
        let days = Days::new();
        let org = Org::generate(&mut rng.fork());
        let n = options.items;
        if options.profile == Profile::Chain {
            return Synth {
                options: options.clone(),
                days,
                org,
                tasks: Vec::new(),
                requests: Vec::new(),
                meetings: Vec::new(),
                chain: n,
                width: n.max(1).to_string().len().max(6),
                planted: BTreeMap::new(),
            };
        }
        let tasks = (n as f64 * 0.7).round() as usize;
        let meetings = (n as f64 * 0.2).round() as usize;
        let requests = n - tasks - meetings;
        let quotas = Quotas::new(tasks, requests, meetings, options.profile);
        let mut planted = BTreeMap::new();
        let requests = request::generate(
            &mut rng.fork(),
            &days,
            &org,
            requests,
            &quotas,
            &mut planted,
        );
        let contacts: Vec<(usize, usize)> = requests.iter().map(|r| (r.contact, r.due)).collect();
        let tasks = task::generate(
            &mut rng.fork(),
            &days,
            &org,
            &contacts,
            tasks,
            &quotas,
            &mut planted,
        );
        let meetings = meeting::generate(
            &mut rng.fork(),
            &days,
            &org,
            (requests.len(), tasks.len()),
            meetings,
            &quotas,
            &mut planted,
        );
        planted.retain(|_, n| *n > 0);
        Synth {
            options: options.clone(),
            days,
            org,
            tasks,
            requests,
            meetings,
            chain: 0,
            width: quotas.width,
            planted,
        }
    }

    /// Every item.
    pub fn handles(&self) -> Vec<Handle> {
        (0..self.tasks.len())
            .map(Handle::Task)
            .chain((0..self.requests.len()).map(Handle::Request))
            .chain((0..self.meetings.len()).map(Handle::Meeting))
            .chain((0..self.chain).map(Handle::Chain))
            .collect()
    }

    /// The item's path.
    pub fn path(&self, h: Handle) -> std::borrow::Cow<'_, str> {
        match h {
            Handle::Task(i) => self.tasks[i].path.as_str().into(),
            Handle::Request(i) => self.requests[i].path.as_str().into(),
            Handle::Meeting(i) => self.meetings[i].path.as_str().into(),
            Handle::Chain(i) => chain::path(i, self.width).into(),
        }
    }

    /// The item's changes, oldest first.
    pub fn steps(&self, h: Handle) -> Vec<Step> {
        match h {
            Handle::Task(i) => self.tasks[i].steps(&self.org),
            Handle::Request(i) => self.requests[i].steps(&self.org),
            Handle::Meeting(i) => self.meetings[i].steps(&self.org),
            Handle::Chain(_) => Vec::new(),
        }
    }

    /// Number of the item's changes.
    pub fn len_of(&self, h: Handle) -> usize {
        match h {
            Handle::Task(i) => self.tasks[i].len(),
            Handle::Request(i) => self.requests[i].len(),
            Handle::Meeting(i) => self.meetings[i].len(),
            Handle::Chain(_) => 0,
        }
    }

    /// The item's file after its first `applied` changes.
    pub fn render(&self, h: Handle, applied: usize) -> String {
        match h {
            Handle::Task(i) => self.tasks[i].render(self, applied),
            Handle::Request(i) => self.requests[i].render(self, applied),
            Handle::Meeting(i) => self.meetings[i].render(self, applied),
            Handle::Chain(i) => chain::render(&self.org, i, self.width),
        }
    }

    /// The item's file in its final state.
    pub fn render_final(&self, h: Handle) -> String {
        self.render(h, self.len_of(h))
    }

    /// baton.toml.
    pub fn config(&self) -> String {
        format!(
            "# 合成基准仓库:examples/synth 生成(种子 {seed},{items} 个事项)。\n\
             # 检查时间 --now {NOW}(见 EXPECTED.json)。\n\n\
             [project]\nname = \"synth-{items}-seed{seed}\"\ntimezone = \"Asia/Shanghai\"\n\
             calendar = \"cn\"\nstart = {start}\nlocale = \"zh-CN\"\n\n\
             [workday]\nstart = \"09:00\"\nend = \"18:00\"\nupdate_by = \"17:00\"\n\n\
             [sla]\nrequest_ack = \"1wd\"\nmeeting_notice = \"1d\"\nmeeting_notice_major = \"3wd\"\n\
             agenda_before = \"24h\"\nminutes = \"24h\"\naction_confirm = \"1wd\"\n\
             progress_update = \"1wd\"\nblocked_escalate = \"2wd\"\nacceptance = \"2wd\"\n\
             retrospective = \"3wd\"\ndue_soon = \"3wd\"\n",
            seed = self.options.seed,
            items = self.options.items,
            start = self.days.date(0),
        )
    }

    /// org.toml.
    pub fn org_toml(&self) -> String {
        self.org.render()
    }

    /// Every file of the repository in its final state: (path, text).
    pub fn files(&self) -> Vec<(String, String)> {
        let mut files = vec![
            ("baton.toml".to_string(), self.config()),
            ("org.toml".to_string(), self.org_toml()),
        ];
        let items: Vec<(String, String)> = self
            .handles()
            .into_par_iter()
            .map(|h| (self.path(h).to_string(), self.render_final(h)))
            .collect();
        files.extend(items);
        files
    }

    /// Writes the files (final state) under `out`, in parallel.
    pub fn write_files(&self, out: &Path) -> io::Result<()> {
        let handles = self.handles();
        let mut dirs: Vec<String> = handles
            .iter()
            .filter_map(|&h| {
                self.path(h)
                    .rsplit_once('/')
                    .map(|(dir, _)| dir.to_string())
            })
            .collect();
        dirs.sort_unstable();
        dirs.dedup();
        for dir in dirs {
            fs::create_dir_all(out.join(dir))?;
        }
        fs::write(out.join("baton.toml"), self.config())?;
        fs::write(out.join("org.toml"), self.org_toml())?;
        handles
            .into_par_iter()
            .try_for_each(|h| fs::write(out.join(self.path(h).as_ref()), self.render_final(h)))
    }

    /// The findings `baton check --now NOW` must report: rule → count, and
    /// the summary by severity (from the rules' default severities).
    pub fn expected(&self) -> Expected {
        const CLOSED: &[&str] = &["W003"];
        let mut summary = BTreeMap::new();
        for (code, n) in &self.planted {
            // A notice sent late before a meeting that has happened is a
            // closed breach: history, reported at `info`.
            let severity = if CLOSED.contains(code) {
                "info"
            } else {
                baton::rules::find(code).map_or("unknown", |rule| rule.default.as_str())
            };
            *summary.entry(severity).or_insert(0) += n;
        }
        let errors = summary.get("error").copied().unwrap_or(0);
        Expected {
            findings: self
                .planted
                .iter()
                .map(|(k, v)| (k.to_string(), *v))
                .collect(),
            errors,
            warnings: summary.get("warning").copied().unwrap_or(0),
            infos: summary.get("info").copied().unwrap_or(0),
            exit_code: if errors > 0 { 1 } else { 0 },
        }
    }

    /// Writes the repository to `out` (which must not exist or be empty):
    /// the files, the git history when `options.commits` > 0, and
    /// `EXPECTED.json`.
    pub fn write(&self, out: &Path) -> io::Result<Option<Written>> {
        if out.exists() && fs::read_dir(out)?.next().is_some() {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("{} is not empty", out.display()),
            ));
        }
        fs::create_dir_all(out)?;
        self.write_files(out)?;
        let written = if self.options.commits > 0 {
            let history = History::plan(self, self.options.commits);
            Some(history.write(self, out).map_err(io::Error::other)?)
        } else {
            None
        };
        let expected = self.expected();
        let mut json = serde_json::json!({
            "generator": format!(
                "cargo run --release --example synth -- --items {} --commits {} --seed {} --profile {} OUT",
                self.options.items, self.options.commits, self.options.seed, self.options.profile.name()
            ),
            "profile": self.options.profile.name(),
            "seed": self.options.seed,
            "items": self.options.items,
            "tasks": self.tasks.len(),
            "requests": self.requests.len(),
            "meetings": self.meetings.len(),
            "departments": self.org.depts.len(),
            "people": self.org.people.len(),
            "now": NOW,
            "check": format!("baton check OUT --now {NOW} --format json"),
            "exit_code": expected.exit_code,
            "summary": { "errors": expected.errors, "warnings": expected.warnings, "infos": expected.infos },
            "findings": expected.findings,
        });
        if self.options.profile == Profile::Chain {
            // Not counted ahead: the chain runs years past the calendar's
            // data, so how many tasks miss 2027-06-30 is baton's to say.
            json["findings"] = serde_json::Value::Null;
            json["summary"] = serde_json::Value::Null;
            json["exit_code"] = serde_json::json!(1);
        }
        if let Some(w) = &written {
            json["git"] = serde_json::json!({
                "commits": w.commits,
                "edits": w.edits,
                "head": w.head,
                "pr_base": w.pr_base,
                "pr_changed_files": w.pr_changed_files,
            });
        }
        let text = serde_json::to_string_pretty(&json).map_err(io::Error::other)?;
        fs::write(out.join("EXPECTED.json"), text + "\n")?;
        Ok(written)
    }
}

/// What `baton check --now NOW` reports on a generated repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// Rule code → number of findings.
    pub findings: BTreeMap<String, usize>,
    /// Findings at error severity.
    pub errors: usize,
    /// At warning severity.
    pub warnings: usize,
    /// At info severity.
    pub infos: usize,
    /// `baton check`'s exit code.
    pub exit_code: i32,
}
