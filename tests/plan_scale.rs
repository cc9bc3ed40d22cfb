//! Planning at scale: 100,000 tasks with 300,000 dependencies (one long
//! chain through all of them, plus two random earlier tasks each), planned
//! without recursion, in well under a second in a release build.
//!
//! `cargo test --release --test plan_scale -- --nocapture` prints the time;
//! a debug build plans 20,000 tasks and does not time them.

use std::fmt::Write as _;
use std::time::Instant;

use baton::graph::TaskGraph;
use baton::load::load;
use baton::plan::{Plan, Schedule};
use baton::source::MemorySource;
use baton::time::{Clock, parse_now};

#[test]
fn a_hundred_thousand_tasks_with_three_hundred_thousand_edges() {
    let n: usize = if cfg!(debug_assertions) {
        20_000
    } else {
        100_000
    };
    let mut source = MemorySource::new()
        .with(
            "baton.toml",
            "[project]\ncalendar = \"cn\"\nstart = 2026-06-01\n",
        )
        .with("org.toml", "");
    let mut state: u64 = 42;
    let mut edges = 0;
    for i in 0..n {
        let mut deps = Vec::new();
        if i > 0 {
            deps.push(i - 1);
            for _ in 0..2 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                deps.push((state >> 33) as usize % i);
            }
        }
        edges += deps.len();
        let mut text = format!(
            "title = \"t{i}\"\neffort = \"{}wd\"\ndepends_on = [",
            1 + i % 3
        );
        for (k, d) in deps.iter().enumerate() {
            let _ = write!(text, "{}\"T{d:06}\"", if k > 0 { ", " } else { "" });
        }
        text.push_str("]\n");
        source = source.with(&format!("tasks/T{i:06}.toml"), text);
    }
    let project = load(&source).expect("loads");
    assert_eq!(project.tasks.len(), n);
    let settings = &project.settings;
    let clock = Clock {
        tz: settings.tz,
        workday: settings.workday,
        calendar: settings.calendar.clone(),
        now: parse_now("2026-06-01T09:00:00+08:00", settings.tz).expect("now"),
    };
    let started = Instant::now();
    let graph = TaskGraph::build(&project);
    let built = started.elapsed();
    let started = Instant::now();
    let plan = Plan::compute(&project, &graph, &clock).expect("plannable");
    let planned = started.elapsed();
    eprintln!(
        "plan_scale: {n} tasks, {edges} dependencies: graph {:.0} ms, plan {:.0} ms, finish {:?}, critical path {} tasks",
        built.as_secs_f64() * 1000.0,
        planned.as_secs_f64() * 1000.0,
        plan.finish,
        plan.critical_path.len()
    );
    assert!(
        plan.tasks
            .iter()
            .all(|t| matches!(t.schedule, Schedule::Planned(_)))
    );
    // The chain through every task is the critical path.
    assert_eq!(plan.critical_path.len(), n);
    if !cfg!(debug_assertions) {
        assert!(
            planned.as_secs_f64() < 1.0,
            "planning {n} tasks took {planned:?}"
        );
    }
}
