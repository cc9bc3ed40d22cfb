//! baton's plan against TaskJuggler 3 (SPEC §5: "results must agree with
//! TaskJuggler 3 on the same plan").
//!
//! Generates plans of 100 and 1,000 tasks (about two dependencies each,
//! fixed starts on weekends, holidays and make-up days, milestones, done,
//! in-progress and cancelled tasks, a company calendar extending `cn`),
//! exports each with `baton plan --format tjp`, schedules it with `tj3`,
//! and asserts that every task starts and finishes on the same day.
//!
//! TaskJuggler reports a task's start as an instant: the end of the
//! dependency it waits for (18:00) or the start of a date. baton reports
//! the first working day of the task. To compare without using baton's
//! calendar, the test asks TaskJuggler itself where the first working day
//! is: it appends one probe task per calendar day (`start` that day,
//! `length 1d`), whose end is the first working day on or after that day.
//!
//! Without `tj3` on PATH the test prints a loud SKIPPED line and passes.
//! Set `BATON_TJ_KEEP=DIR` to keep the generated repositories and files
//! (the benchmarks in BENCHMARKS.md run on them), and `BATON_TJ_SIZES` to
//! choose the sizes (default `100,1000`).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use baton::graph::TaskGraph;
use baton::load::load;
use baton::plan::{Plan, Schedule};
use baton::report::plan::{PlanView, tjp};
use baton::source::WorktreeSource;
use baton::time::{Clock, parse_now};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, Weekday};

const NOW: &str = "2026-06-10T10:00:00+08:00";

/// A small deterministic generator (64-bit LCG), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// Writes a baton repository of `n` tasks into `dir`.
pub fn generate(dir: &Path, n: usize, seed: u64) {
    let mut rng = Rng(seed);
    let write = |path: &str, text: &str| {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    };
    write(
        "baton.toml",
        "[project]\nname = \"TaskJuggler 对照 \\\"plan\\\"\"\ntimezone = \"Asia/Shanghai\"\ncalendar = \"co\"\nstart = 2026-06-01\n\n[workday]\nstart = \"09:00\"\nend = \"18:00\"\n",
    );
    write(
        "org.toml",
        "[[department]]\nid = \"rnd\"\nhead = \"li.gong\"\n\n[[person]]\nid = \"li.gong\"\ndepartment = \"rnd\"\n",
    );
    // A company day off on a Friday and a worked Saturday, on top of cn.
    write(
        "calendars/co.toml",
        "extends = \"cn\"\nholidays = [2026-07-03]\nworkdays = [2026-07-11]\n",
    );
    // Start dates that matter: weekends, holidays, make-up days, their eves.
    let special = [
        date(2026, 6, 13),  // Saturday
        date(2026, 6, 18),  // eve of Dragon Boat
        date(2026, 6, 19),  // Dragon Boat
        date(2026, 7, 3),   // company day off
        date(2026, 7, 11),  // company make-up Saturday
        date(2026, 9, 19),  // Saturday before the make-up Sunday
        date(2026, 9, 20),  // make-up Sunday
        date(2026, 9, 24),  // eve of Mid-Autumn
        date(2026, 9, 30),  // eve of National Day
        date(2026, 10, 3),  // National Day
        date(2026, 10, 10), // make-up Saturday
    ];
    let working_before_now = [
        date(2026, 6, 1),
        date(2026, 6, 2),
        date(2026, 6, 3),
        date(2026, 6, 4),
        date(2026, 6, 5),
        date(2026, 6, 8),
        date(2026, 6, 9),
    ];
    for i in 0..n {
        let mut text =
            format!("title = \"任务 {i} \\\"q\\\" : # ; \\\\ end\"\nowner = \"li.gong\"\n");
        let deps: Vec<String> = if i == 0 {
            Vec::new()
        } else {
            let count = 1 + rng.below(3); // 1..3, about 2 on average
            let mut deps: Vec<usize> = (0..count).map(|_| rng.below(i as u64) as usize).collect();
            deps.sort_unstable();
            deps.dedup();
            deps.iter().map(|d| format!("\"T-{d:05}\"")).collect()
        };
        let roll = rng.below(100);
        let effort = 1 + rng.below(8);
        if roll < 5 {
            // Done, with recorded dates (and dependencies TaskJuggler must not need).
            let start = working_before_now[rng.below(4) as usize];
            let _ = write!(
                text,
                "status = \"accepted\"\nstart = {start}\neffort = \"{effort}wd\"\ndelivered_at = 2026-06-0{}T17:00:00+08:00\n[review]\nat = 2026-06-09T10:00:00+08:00\nverdict = \"accepted\"\n",
                5 + rng.below(5)
            );
        } else if roll < 15 {
            let start = working_before_now[rng.below(7) as usize];
            let _ = write!(
                text,
                "status = \"in_progress\"\nstart = {start}\neffort = \"{effort}wd\"\nprogress = {}\ndepends_on = [{}]\n",
                rng.below(100),
                deps.join(", ")
            );
        } else if roll < 18 {
            let _ = write!(
                text,
                "status = \"cancelled\"\neffort = \"{effort}wd\"\ndepends_on = [{}]\n",
                deps.join(", ")
            );
        } else if roll < 23 {
            let _ = write!(
                text,
                "milestone = true\ndepends_on = [{}]\n",
                deps.join(", ")
            );
            if rng.below(3) == 0 {
                let _ = writeln!(
                    text,
                    "start = {}",
                    special[rng.below(special.len() as u64) as usize]
                );
            }
        } else {
            let _ = write!(
                text,
                "effort = \"{effort}wd\"\ndepends_on = [{}]\n",
                deps.join(", ")
            );
            if rng.below(8) == 0 {
                let _ = writeln!(
                    text,
                    "start = {}",
                    special[rng.below(special.len() as u64) as usize]
                );
            }
        }
        write(&format!("tasks/T-{i:05}.toml"), &text);
    }
}

fn plan_of(dir: &Path) -> (baton::model::Project, Plan, Clock) {
    let project = load(&WorktreeSource::new(dir)).expect("the generated repository loads");
    let settings = &project.settings;
    let clock = Clock {
        tz: settings.tz,
        workday: settings.workday,
        calendar: settings.calendar.clone(),
        now: parse_now(NOW, settings.tz).expect("now"),
    };
    let graph = TaskGraph::build(&project);
    let plan = Plan::compute(&project, &graph, &clock).expect("plannable");
    (project, plan, clock)
}

/// `tj3` on PATH?
fn tj3() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|p| p.join("tj3"))
        .find(|p| p.is_file())
}

/// Parses TaskJuggler's CSV report: id → (start, end).
fn read_csv(path: &Path) -> HashMap<String, (NaiveDateTime, NaiveDateTime)> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let cells: Vec<&str> = line.split(';').map(|c| c.trim_matches('"')).collect();
            let parse = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").ok();
            Some((
                cells.first()?.to_string(),
                (parse(cells.get(1)?)?, parse(cells.get(2)?)?),
            ))
        })
        .collect()
}

fn compare(tj3: &Path, n: usize, keep: Option<&Path>) {
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = match keep {
        Some(keep) => keep.join(format!("plan-{n}")),
        None => temp.path().join("repo"),
    };
    let _ = fs::remove_dir_all(&dir);
    generate(&dir, n, 0x5eed + n as u64);
    let (project, plan, clock) = plan_of(&dir);
    let view = PlanView {
        project: &project,
        plan: &plan,
        clock: &clock,
        lang: baton::messages::Lang::En,
    };
    let tjp_text = tjp::render(&view);
    let out = match keep {
        Some(keep) => keep.join(format!("tj-{n}")),
        None => temp.path().join("tj"),
    };
    fs::create_dir_all(&out).expect("mkdir");
    fs::write(out.join("plan.tjp"), &tjp_text).expect("write tjp");

    // The same file with probes and a CSV report.
    let first = plan
        .tasks
        .iter()
        .filter_map(|t| t.slot().map(|s| s.start))
        .min()
        .expect("planned");
    let last = plan.finish.expect("a finish") + Days::new(14);
    let shifts = tjp_text
        .lines()
        .find(|l| l.trim_start().starts_with("shifts "))
        .unwrap_or("");
    let mut probes = format!("task probes \"probes\" {{\n{shifts}\n");
    let mut day = first;
    while day <= last {
        let _ = writeln!(
            probes,
            "  task p{} \"\" {{ start {day} length 1d }}",
            day.format("%Y%m%d")
        );
        day = day + Days::new(1);
    }
    probes.push_str("}\n");
    let report = "taskreport out \"out\" {\n  formats csv\n  timeformat \"%Y-%m-%d %H:%M\"\n  columns id, start, end\n}\n";
    fs::write(
        out.join("compare.tjp"),
        format!("{tjp_text}\n{probes}\n{report}"),
    )
    .expect("write");

    let started = Instant::now();
    let run = Command::new(tj3)
        .args(["--no-color", "--silent", "--output-dir"])
        .arg(&out)
        .arg(out.join("compare.tjp"))
        .output()
        .expect("tj3 runs");
    let tj_time = started.elapsed();
    assert!(
        run.status.success(),
        "tj3 failed on {n} tasks:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let tj = read_csv(&out.join("out.csv"));

    // The first working day on or after a TaskJuggler instant, by TaskJuggler.
    let day_end = clock.workday.end;
    let first_working_day = |t: NaiveDateTime| -> NaiveDate {
        let mut d = t.date();
        if t.time() >= day_end {
            d = d + Days::new(1);
        }
        let probe = format!("probes.p{}", d.format("%Y%m%d"));
        tj.get(&probe)
            .unwrap_or_else(|| panic!("no probe {probe}"))
            .1
            .date()
    };
    let ids = tjp::task_ids(&plan);
    let mut compared = 0;
    let mut crossing = 0;
    for (t, task) in plan.tasks.iter().enumerate() {
        let Schedule::Planned(slot) = &task.schedule else {
            continue;
        };
        let key = format!("{}.{}", tjp::ROOT, ids[t]);
        let &(start, end) = tj
            .get(&key)
            .unwrap_or_else(|| panic!("{} ({key}) not in tj3's report", task.id));
        let tj_start = if task.milestone {
            start.date()
        } else {
            first_working_day(start)
        };
        assert_eq!(
            (slot.start, slot.finish),
            (tj_start, end.date()),
            "{} ({:?}, {:?}, effort {}, left {}): baton {}..{}, tj3 {start}..{end}",
            task.id,
            task.status,
            slot.driver,
            task.effort_wd,
            task.remaining_wd,
            slot.start,
            slot.finish
        );
        compared += 1;
        // Count tasks whose span contains a day off or a make-up day.
        let mut d = slot.start;
        while d <= slot.finish {
            let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
            if weekend == clock.calendar.is_working_day(d) {
                crossing += 1;
                break;
            }
            d = d + Days::new(1);
        }
    }
    assert!(
        compared >= n * 8 / 10,
        "only {compared} of {n} tasks compared"
    );
    assert!(
        crossing >= n / 20,
        "only {crossing} tasks cross a holiday or make-up day"
    );
    eprintln!(
        "taskjuggler: {n} tasks: {compared} planned tasks agree with tj3 ({crossing} cross a holiday or make-up day); finish {:?}; tj3 took {:.2} s",
        plan.finish,
        tj_time.as_secs_f64()
    );
}

#[test]
fn plans_agree_with_taskjuggler() {
    let Some(tj3) = tj3() else {
        eprintln!(
            "\n==================================================================\n\
             SKIPPED: tj3 not installed — baton's plans were NOT compared with\n\
             TaskJuggler (apt-get install tj3, or gem install taskjuggler)\n\
             ==================================================================\n"
        );
        return;
    };
    let keep = std::env::var_os("BATON_TJ_KEEP").map(PathBuf::from);
    let sizes: Vec<usize> = std::env::var("BATON_TJ_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100, 1000]);
    for n in sizes {
        compare(&tj3, n, keep.as_deref());
    }
}
