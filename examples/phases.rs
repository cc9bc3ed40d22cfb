//! Where the time of `baton check` goes, stage by stage, on one repository:
//! listing and reading files, parsing (generic TOML, then baton's typed
//! load), the graph, each rule, sorting, rendering, and — with `--history` —
//! the first-parent walk and evidence derivation.
//!
//! ```sh
//! cargo run --release --example phases -- /tmp/synth-100k --now 2026-11-12T10:00:00+08:00
//! cargo run --release --example phases -- /tmp/synth-10k --now 2026-11-12T10:00:00+08:00 --history
//! cargo run --release --example phases -- /tmp/synth-100k --now 2026-11-12T10:00:00+08:00 --warm
//! ```
//!
//! `--warm` loads through the parse cache (primed by an untimed run) as a
//! second `baton check` on an unchanged tree does.
//!
//! Prints a Markdown table (stage, seconds, share of the total). Each stage
//! runs once, in the order `baton check` runs them; the engine is called
//! through its public API only.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use baton::cache::worktree_cache;
use baton::check::{check, sort};
use baton::diag::{Levels, Sink};
use baton::evidence::Evidence;
use baton::git::GitRepo;
use baton::graph::TaskGraph;
use baton::history::{BodyCache, derive_evidence, first_parent_history};
use baton::load::{ParseMemo, load, load_cached};
use baton::progress::Silent;
use baton::rules::{Context, RULES};
use baton::source::{Content, Source, SourceError, SourceFile, WorktreeSource, find_root};
use baton::time::{Clock, parse_now};
use rayon::prelude::*;

/// Files already read, served again without I/O.
struct Preloaded {
    files: Vec<SourceFile>,
    name: String,
}

impl Source for Preloaded {
    fn describe(&self) -> String {
        self.name.clone()
    }
    fn root_name(&self) -> String {
        self.name.clone()
    }
    fn read(&self) -> Result<Vec<SourceFile>, SourceError> {
        Ok(self.files.clone())
    }
}

struct Timer {
    rows: Vec<(String, f64)>,
    last: Instant,
}

impl Timer {
    fn lap(&mut self, stage: impl Into<String>) {
        let now = Instant::now();
        self.rows
            .push((stage.into(), (now - self.last).as_secs_f64()));
        self.last = now;
    }
}

/// The warm load: the parse cache (primed by an untimed run) and the
/// working tree's stamps instead of reading and parsing every file.
fn load_warm(root: &std::path::Path, t: &mut Timer) -> Result<baton::model::Project, String> {
    let prime = worktree_cache(root, true);
    let source = WorktreeSource::new(root);
    load_cached(&source, &Silent, &mut ParseMemo::default(), &prime)
        .map_err(|e| format!("{e:?}"))?;
    prime.save().map_err(|e| e.to_string())?;
    t.last = Instant::now();
    let cache = worktree_cache(root, true);
    t.lap(format!(
        "warm: open the parse cache ({} items)",
        cache.len()
    ));
    let listed = source.read_cached(&cache).map_err(|e| e.to_string())?;
    t.lap("  (reference: list + stat alone)");
    drop(listed);
    t.last = Instant::now();
    let project = load_cached(&source, &Silent, &mut ParseMemo::default(), &cache)
        .map_err(|e| format!("{e:?}"))?;
    t.lap("warm: list + stat, decode cached items, model, index");
    drop(cache);
    t.lap("warm: drop the parse cache");
    Ok(project)
}

fn run(path: PathBuf, now: &str, history: bool, warm: bool) -> Result<(), String> {
    let root = find_root(&path).map_err(|e| e.to_string())?;
    let mut t = Timer {
        rows: Vec::new(),
        last: Instant::now(),
    };
    let warm_project = if warm {
        Some(load_warm(&root, &mut t)?)
    } else {
        None
    };
    t.last = Instant::now();
    let files = WorktreeSource::new(&root)
        .read()
        .map_err(|e| e.to_string())?;
    t.lap(if warm {
        "  (reference: list + read files)"
    } else {
        "list + read files (walkdir, rayon)"
    });
    let bytes: usize = files
        .iter()
        .map(|f| match &f.content {
            Content::Bytes(b) => b.len(),
            _ => 0,
        })
        .sum();
    let tables: usize = files
        .par_iter()
        .filter_map(|f| match &f.content {
            Content::Bytes(b) => std::str::from_utf8(b).ok()?.parse::<toml::Table>().ok(),
            _ => None,
        })
        .count();
    t.lap("  (reference: generic toml::Table parse, rayon)");
    let source = Preloaded {
        files,
        name: root.display().to_string(),
    };
    let project = match warm_project {
        Some(project) => project,
        None => {
            t.last = Instant::now();
            let project = load(&source).map_err(|e| format!("{e:?}"))?;
            t.lap("load: decode, spanned parse, typed model, org, index");
            project
        }
    };
    let settings = &project.settings;
    let clock = Clock {
        tz: settings.tz,
        workday: settings.workday,
        calendar: settings.calendar.clone(),
        now: parse_now(now, settings.tz)?,
    };
    let evidence = if history {
        let repo = GitRepo::discover(&root).map_err(|e| e.to_string())?;
        let head = repo.resolve("HEAD").map_err(|e| e.to_string())?;
        t.last = Instant::now();
        let walked = first_parent_history(&repo.repo, head.commit, &repo.start)
            .map_err(|e| e.to_string())?;
        t.lap(format!(
            "history: first-parent walk, tree diffs ({} commits)",
            walked.len()
        ));
        let evidence = derive_evidence(
            &repo.repo,
            &walked,
            clock.now.to_utc(),
            settings.tz,
            &mut BodyCache::default(),
        );
        t.lap("history: derive evidence (parse changed blobs)");
        evidence
    } else {
        Evidence::none()
    };
    let graph = TaskGraph::build(&project);
    t.lap("task graph");
    let plan = baton::plan::Plan::compute(&project, &graph, &clock).ok();
    let cx = Context {
        project: &project,
        graph: &graph,
        clock: &clock,
        evidence: &evidence,
        changes: None,
        plan: plan.as_ref(),
    };
    let levels = Levels::default();
    let mut findings = Vec::new();
    let mut rules = Vec::new();
    for rule in RULES {
        let started = Instant::now();
        let mut sink = Sink::new(&levels, &project.files);
        sink.start_rule(rule.code, rule.name, rule.default);
        (rule.check)(&cx, &mut sink);
        findings.extend(sink.into_findings());
        rules.push((rule.code, started.elapsed().as_secs_f64()));
    }
    t.lap("rules (all)");
    sort(&project, &mut findings);
    t.lap("sort findings");
    let found = findings.len();
    drop(findings);
    let checked = check(project, clock.now.to_utc(), &evidence, None).map_err(|e| e.to_string())?;
    t.last = Instant::now();
    let lang = checked.project.settings.lang;
    let json = baton::report::ReportDoc::from_checked(&checked, lang, None).to_json();
    t.lap("render JSON");
    let text = baton::report::text(&checked, false, lang);
    t.lap("render text");
    drop(checked);
    t.lap("drop the project");

    let total: f64 = t
        .rows
        .iter()
        .filter(|(s, _)| !s.starts_with("  "))
        .map(|r| r.1)
        .sum();
    println!(
        "{} files, {:.1} MB, {tables} generic tables; {found} findings; JSON {:.1} MB, text {:.1} MB\n",
        source.files.len(),
        bytes as f64 / 1e6,
        json.len() as f64 / 1e6,
        text.len() as f64 / 1e6
    );
    println!("| stage | seconds | share |\n|---|---:|---:|");
    for (stage, secs) in &t.rows {
        println!("| {stage} | {secs:.3} | {:.0}% |", 100.0 * secs / total);
    }
    println!("| **total** (without the reference row) | **{total:.3}** | |");
    rules.sort_by(|a, b| b.1.total_cmp(&a.1));
    let top: Vec<String> = rules
        .iter()
        .take(6)
        .map(|(code, secs)| format!("{code} {:.1} ms", secs * 1e3))
        .collect();
    println!("\nslowest rules: {}", top.join(", "));
    Ok(())
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (mut path, mut now, mut history, mut warm) = (None, None, false, false);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--now" => now = args.next(),
            "--history" => history = true,
            "--warm" => warm = true,
            _ => path = Some(PathBuf::from(arg)),
        }
    }
    let (Some(path), Some(now)) = (path, now) else {
        eprintln!("usage: phases PATH --now RFC3339 [--history] [--warm]");
        return ExitCode::from(2);
    };
    match run(path, &now, history, warm) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("phases: {e}");
            ExitCode::from(2)
        }
    }
}
