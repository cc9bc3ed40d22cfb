//! `baton report weekly|monthly`: 项目周报 and 月度复盘报告 as Markdown.

use std::path::PathBuf;

use chrono::NaiveTime;
use clap::{Args, Subcommand, ValueEnum};

use super::{ColorChoice, Outcome, parse_lang, project};
use crate::digest::history::{StatusChange, status_changes};
use crate::digest::monthly::Monthly;
use crate::digest::weekly::Weekly;
use crate::digest::{Month, Week};
use crate::git::GitRepo;
use crate::graph::TaskGraph;
use crate::history::{BodyCache, first_parent_history};
use crate::messages::Lang;
use crate::report::digest;

/// Which report.
#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// 项目周报: per request and department, done last week, this week's plan, risks, meetings.
    Weekly(WeeklyArgs),
    /// 月度复盘报告: goals met, service levels, causes of delay, retrospective actions.
    Monthly(MonthlyArgs),
}

/// Arguments of `baton report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Which report.
    #[command(subcommand)]
    pub command: ReportCommand,
}

/// Output formats of the reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Markdown, to paste into mail or chat.
    Markdown,
    /// The facts the report is made of.
    Json,
}

/// Options both reports share.
#[derive(Debug, Args)]
pub struct Common {
    /// The baton repository (a folder with baton.toml, or below one).
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Evaluate at this time (RFC 3339) instead of the clock.
    #[arg(long, env = "BATON_NOW")]
    pub now: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    pub format: Format,
    /// Write to this file (atomically) instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Language (default: project.locale): en or zh-CN.
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Do not use git history (status changes, times the files do not state).
    #[arg(long)]
    pub no_history: bool,
    /// When to use colors (errors only).
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
}

/// Arguments of `baton report weekly`.
#[derive(Debug, Args)]
pub struct WeeklyArgs {
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
    /// The ISO week reported, e.g. 2026-W39 (default: the week before now's).
    #[arg(long, value_parser = Week::parse)]
    pub week: Option<Week>,
}

/// Arguments of `baton report monthly`.
#[derive(Debug, Args)]
pub struct MonthlyArgs {
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
    /// The month reviewed, e.g. 2026-09 (default: now's month, reviewed at its end).
    #[arg(long, value_parser = Month::parse)]
    pub month: Option<Month>,
}

/// Runs `baton report`.
pub fn run(args: ReportArgs) -> Outcome {
    match args.command {
        ReportCommand::Weekly(args) => weekly(args),
        ReportCommand::Monthly(args) => monthly(args),
    }
}

fn open(common: &Common) -> Result<project::Checked, Outcome> {
    project::open_checked(
        &common.path,
        common.now.as_deref(),
        common.lang,
        common.color,
        !common.no_history,
    )
}

fn write(common: &Common, opened: &project::Checked, text: String) -> Outcome {
    let project = &opened.checked.project;
    let note = match common.format {
        Format::Markdown => project::NoteKind::Markdown,
        Format::Json => project::NoteKind::Json,
    };
    let text = project::prepare(project, opened.lang, text, note);
    project::finish(
        project,
        opened.lang,
        (common.output.as_deref(), &text),
        "report",
    )
}

fn json(value: &impl serde::Serialize) -> String {
    crate::report::json::to_string(value)
}

fn weekly(args: WeeklyArgs) -> Outcome {
    let opened = match open(&args.common) {
        Ok(opened) => opened,
        Err(outcome) => return outcome,
    };
    let clock = &opened.checked.clock;
    let week = args
        .week
        .unwrap_or_else(|| Week::of(clock.local_date(clock.now)).previous());
    let changes = if args.common.no_history {
        Vec::new()
    } else {
        commits_of(&opened, week)
    };
    let graph = TaskGraph::build(&opened.checked.project);
    let cx = opened.context(&graph);
    let report = Weekly::compute(&cx, week, &changes);
    let text = match args.common.format {
        Format::Markdown => digest::weekly::render(&report, &cx.project.org, opened.lang),
        Format::Json => json(&report),
    };
    write(&args.common, &opened, text)
}

/// The status changes commits made in `week` (up to now), when the baton
/// root is in a git repository.
fn commits_of(opened: &project::Checked, week: Week) -> Vec<StatusChange> {
    let clock = &opened.checked.clock;
    let Ok(repo) = GitRepo::discover(&opened.root) else {
        return Vec::new();
    };
    let Ok(head) = repo.resolve("HEAD") else {
        return Vec::new();
    };
    let Ok(history) = first_parent_history(&repo.repo, head.commit, &repo.start) else {
        return Vec::new();
    };
    let from = clock.at(week.monday, NaiveTime::MIN);
    let to = clock.at(week.next().monday, NaiveTime::MIN).min(clock.now);
    status_changes(
        &repo.repo,
        &history,
        from,
        to,
        &opened.checked.project.org,
        &mut BodyCache::default(),
    )
}

fn monthly(args: MonthlyArgs) -> Outcome {
    let opened = match open(&args.common) {
        Ok(opened) => opened,
        Err(outcome) => return outcome,
    };
    let clock = &opened.checked.clock;
    let month = args
        .month
        .unwrap_or_else(|| Month::of(clock.local_date(clock.now)));
    let graph = TaskGraph::build(&opened.checked.project);
    let cx = opened.context(&graph);
    let report = Monthly::compute(&cx, month, &opened.checked.findings);
    let text = match args.common.format {
        Format::Markdown => digest::monthly::render(&report, opened.lang),
        Format::Json => json(&report),
    };
    write(&args.common, &opened, text)
}
