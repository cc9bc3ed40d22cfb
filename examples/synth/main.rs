//! Generates a valid baton repository of N items with known findings.
//!
//! ```sh
//! cargo run --release --example synth -- --items 100000 --commits 10000 --seed 1 /tmp/synth-100k
//! baton check /tmp/synth-100k --now 2026-11-12T10:00:00+08:00 --format json
//! ```
//!
//! About 70% tasks (0–4 `depends_on` on earlier tasks, a DAG), 20% meetings
//! (minutes, action items), 10% requests (responses); 200 people in 20
//! departments; the built-in `cn` calendar, time zone Asia/Shanghai; items
//! in folders of at most 1,000 files (`tasks/d07/b00/T-000123.toml`); dates
//! on the working days of 2026.
//!
//! Checked at `--now 2026-11-12T10:00:00+08:00` every item is clean except
//! the planted ones, each of which has exactly one finding: 2% of tasks
//! overdue (D001), 1% blocked without escalation (W007), 3% of requests not
//! acknowledged (W001), and 0.2% (at least one) of each of D002, D005, W002,
//! W003, W004, W005, W006, W008, W009, W010, Q001, Q002, Q003.
//! `OUT/EXPECTED.json` lists them (rule → count), with the summary and the
//! exit code `baton check` must give.
//!
//! With `--commits K`, OUT is a git repository: an import commit, then K
//! commits of 1–3 changes each, authored by the people entitled to them and
//! committed over 2026 shortly after the times the files state; HEAD is the
//! working tree, so `--rev HEAD` and history evidence give the same findings.
//! EXPECTED.json also names `pr_base`, a commit 20 changed files before HEAD.
//!
//! The same seed gives the same repository (byte for byte, commit ids
//! included).

#[allow(dead_code)]
mod generator;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

/// Generates a synthetic baton repository with known findings.
#[derive(Debug, Parser)]
#[command(name = "synth")]
struct Args {
    /// Number of items.
    #[arg(long)]
    items: usize,
    /// Commits of history after the import commit (0: no git repository).
    #[arg(long, default_value_t = 0)]
    commits: usize,
    /// Seed of the generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// How the items look: `plain` (a few planted findings), `late` (most
    /// items have one), `chain` (one long chain of late tasks, no history).
    #[arg(long, default_value = "plain", value_parser = parse_profile)]
    profile: generator::Profile,
    /// Folder to create (must not exist or be empty).
    out: PathBuf,
}

fn parse_profile(name: &str) -> Result<generator::Profile, String> {
    generator::Profile::parse(name)
        .ok_or_else(|| format!("no profile `{name}`: plain, late or chain"))
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.profile == generator::Profile::Chain && args.commits > 0 {
        eprintln!("synth: the chain profile has no history (--commits 0)");
        return ExitCode::from(2);
    }
    let started = Instant::now();
    let options = generator::Options {
        items: args.items,
        commits: args.commits,
        seed: args.seed,
        profile: args.profile,
    };
    let synth = generator::Synth::generate(&options);
    let generated = started.elapsed();
    match synth.write(&args.out) {
        Ok(written) => {
            let expected = synth.expected();
            eprintln!(
                "synth: {} items in {} ({:.1}s to generate, {:.1}s in all); {} planted findings ({} errors, {} warnings, {} infos); check with --now {}",
                args.items,
                args.out.display(),
                generated.as_secs_f64(),
                started.elapsed().as_secs_f64(),
                expected.findings.values().sum::<usize>(),
                expected.errors,
                expected.warnings,
                expected.infos,
                generator::NOW,
            );
            if let Some(w) = written {
                eprintln!(
                    "synth: git: {} commits ({} changes) after the import; head {}; pr base {} ({} files)",
                    w.commits, w.edits, w.head, w.pr_base, w.pr_changed_files
                );
                if w.commits < args.commits {
                    eprintln!(
                        "synth: warning: only {} commits: the items have too few changes",
                        w.commits
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synth: cannot write {}: {e}", args.out.display());
            ExitCode::from(2)
        }
    }
}
