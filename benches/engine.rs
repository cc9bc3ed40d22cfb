//! Criterion benchmarks of the engine's stages on generated repositories
//! (`examples/synth`): load + parse of a `MemorySource`, each rule and all
//! rules, the task graph, calendar arithmetic, and the history walk.
//!
//! ```sh
//! cargo bench --bench engine              # everything (about 10 minutes)
//! cargo bench --bench engine -- load      # one group
//! ```
//!
//! Whole commands on 10,000–100,000 items, against the floor, are measured
//! by `scripts/bench.sh` (see BENCHMARKS.md).

#[allow(dead_code)]
#[path = "../examples/synth/generator/mod.rs"]
mod generator;

use std::hint::black_box;
use std::time::Duration;

use baton::calendar::builtin;
use baton::diag::{Levels, Sink};
use baton::evidence::Evidence;
use baton::git::GitRepo;
use baton::graph::TaskGraph;
use baton::history::{BodyCache, derive_evidence, first_parent_history};
use baton::load::load;
use baton::model::Project;
use baton::rules::{Context, RULES};
use baton::source::MemorySource;
use baton::time::{Clock, Duration as Sla, parse_now};
use chrono::{Days, NaiveDate};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use generator::{NOW, Options, Synth};

/// The generated repository of `items` items, in memory.
fn source(items: usize) -> MemorySource {
    let synth = Synth::generate(&Options {
        items,
        commits: 0,
        seed: 1,
        profile: Default::default(),
    });
    synth
        .files()
        .into_iter()
        .fold(MemorySource::new(), |source, (path, text)| {
            source.with(&path, text)
        })
}

fn clock(project: &Project) -> Clock {
    let settings = &project.settings;
    Clock {
        tz: settings.tz,
        workday: settings.workday,
        calendar: settings.calendar.clone(),
        now: parse_now(NOW, settings.tz).expect("NOW is a time"),
    }
}

/// Reading and parsing every file into the typed model.
fn bench_load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for items in [1_000, 10_000] {
        let source = source(items);
        group.throughput(Throughput::Elements(items as u64));
        group.bench_with_input(BenchmarkId::from_parameter(items), &source, |b, source| {
            b.iter(|| load(source).expect("the synthetic repository loads"))
        });
    }
    group.finish();
}

/// Every rule at once, then each rule alone, on 10,000 items.
fn bench_rules(c: &mut Criterion) {
    let project = load(&source(10_000)).expect("the synthetic repository loads");
    let graph = TaskGraph::build(&project);
    let clock = clock(&project);
    let evidence = Evidence::none();
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
    let mut group = c.benchmark_group("rules");
    group.sample_size(20);
    group.throughput(Throughput::Elements(project.item_count() as u64));
    group.bench_function("all", |b| b.iter(|| baton::rules::run(&cx, &levels)));
    group.measurement_time(Duration::from_secs(2));
    group.warm_up_time(Duration::from_millis(500));
    for rule in RULES {
        group.bench_function(rule.code, |b| {
            b.iter(|| {
                let mut sink = Sink::new(&levels, &project.files);
                sink.start_rule(rule.code, rule.name, rule.default);
                (rule.check)(&cx, &mut sink);
                sink.into_findings()
            })
        });
    }
    group.finish();
}

/// Building the dependency graph and finding its cycles, on 10,000 and
/// 100,000 items.
fn bench_graph(c: &mut Criterion) {
    let mut group = c.benchmark_group("graph");
    group.sample_size(20);
    for items in [10_000, 100_000] {
        let project = load(&source(items)).expect("the synthetic repository loads");
        group.throughput(Throughput::Elements(project.tasks.len() as u64));
        group.bench_with_input(BenchmarkId::new("build", items), &project, |b, project| {
            b.iter(|| TaskGraph::build(project))
        });
        let graph = TaskGraph::build(&project);
        group.bench_with_input(BenchmarkId::new("cycles", items), &project, |b, project| {
            b.iter(|| graph.cycles(|t| project.tasks[t].id.as_str()))
        });
    }
    group.finish();
}

/// Working-day arithmetic on the `cn` calendar over every day of 2026.
fn bench_calendar(c: &mut Criterion) {
    let calendar = builtin("cn").expect("cn is built in");
    let first = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date");
    let dates: Vec<NaiveDate> = (0..365)
        .filter_map(|d| first.checked_add_days(Days::new(d)))
        .collect();
    let mut group = c.benchmark_group("calendar");
    group.throughput(Throughput::Elements(dates.len() as u64));
    group.bench_function("build cn", |b| b.iter(|| builtin("cn")));
    group.bench_function("is_working_day", |b| {
        b.iter(|| {
            dates
                .iter()
                .filter(|d| calendar.is_working_day(**d))
                .count()
        })
    });
    group.bench_function("working_days_between", |b| {
        b.iter(|| {
            dates
                .iter()
                .map(|d| calendar.working_days_between(first, *d))
                .sum::<i64>()
        })
    });
    group.bench_function("nth_working_day_after 3", |b| {
        b.iter(|| {
            dates
                .iter()
                .filter_map(|d| calendar.nth_working_day_after(*d, 3))
                .count()
        })
    });
    group.bench_function("nth_working_day_before 3", |b| {
        b.iter(|| {
            dates
                .iter()
                .filter_map(|d| calendar.nth_working_day_before(*d, 3))
                .count()
        })
    });
    let project = load(&source(1_000)).expect("the synthetic repository loads");
    let clock = clock(&project);
    group.bench_function("Clock::after 2wd", |b| {
        b.iter(|| {
            dates
                .iter()
                .filter_map(|d| {
                    let t = clock.at(*d, clock.workday.start);
                    clock.after(black_box(t), Sla::WorkingDays(2))
                })
                .count()
        })
    });
    group.finish();
}

/// The first-parent walk (libgit2 tree diffs) and evidence derivation
/// (parsing each changed blob once) over 2,000 commits of 10,000 items.
fn bench_history(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path().join("synth");
    let synth = Synth::generate(&Options {
        items: 10_000,
        commits: 2_000,
        seed: 1,
        profile: Default::default(),
    });
    synth.write(&root).expect("the repository is written");
    let repo = GitRepo::discover(&root).expect("a git repository");
    let head = repo.resolve("HEAD").expect("HEAD");
    let project = load(&baton::source::WorktreeSource::new(&root)).expect("it loads");
    let now = parse_now(NOW, project.settings.tz)
        .expect("NOW is a time")
        .to_utc();
    let mut group = c.benchmark_group("history 2000 commits");
    group.sample_size(10);
    group.bench_function("first_parent_history", |b| {
        b.iter(|| first_parent_history(&repo.repo, head.commit, &repo.start).expect("a history"))
    });
    let history = first_parent_history(&repo.repo, head.commit, &repo.start).expect("a history");
    group.bench_function("derive_evidence", |b| {
        b.iter(|| {
            derive_evidence(
                &repo.repo,
                &history,
                now,
                project.settings.tz,
                &mut BodyCache::default(),
            )
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    bench_load,
    bench_rules,
    bench_graph,
    bench_calendar,
    bench_history
);
criterion_main!(benches);
