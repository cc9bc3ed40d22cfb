//! `baton plan`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::project::NoteKind;
use super::{ColorChoice, Outcome, fail, parse_lang, project};
use crate::graph::TaskGraph;
use crate::messages::Lang;
use crate::plan::Plan;
use crate::report::plan::{self as render, PlanView};

/// Output formats of `plan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table by planned start, critical tasks marked `*`.
    Text,
    /// Machine-readable (SPEC §7).
    Json,
    /// A Mermaid Gantt chart (GitHub renders it in Markdown).
    MermaidGantt,
    /// A self-contained SVG Gantt chart.
    Svg,
    /// A TaskJuggler 3 project (`tj3 plan.tjp`).
    Tjp,
}

/// Arguments of `baton plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The baton repository (a folder with baton.toml, or below one).
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Plan as of this time (RFC 3339) instead of the clock: open work is
    /// not planned before its date.
    #[arg(long, env = "BATON_NOW")]
    pub now: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write to this file (atomically) instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Language of labels (default: project.locale): en or zh-CN.
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// When to use colors (errors only).
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
}

/// Runs `baton plan`.
pub fn run(args: PlanArgs) -> Outcome {
    let opened = match project::open(&args.path, args.now.as_deref(), args.lang, args.color) {
        Ok(opened) => opened,
        Err(outcome) => return outcome,
    };
    let graph = TaskGraph::build(&opened.project);
    let plan = match Plan::compute(&opened.project, &graph, &opened.clock) {
        Ok(plan) => plan,
        Err(e) => return fail(e),
    };
    let view = PlanView {
        project: &opened.project,
        plan: &plan,
        clock: &opened.clock,
        lang: opened.lang,
    };
    let (text, note) = match args.format {
        Format::Text => (render::text(&view), NoteKind::Text),
        Format::Json => (render::json(&view), NoteKind::Json),
        Format::MermaidGantt => (render::mermaid_gantt(&view), NoteKind::None),
        Format::Svg => (render::svg(&view), NoteKind::None),
        Format::Tjp => (render::tjp(&view), NoteKind::None),
    };
    let text = project::prepare(&opened.project, opened.lang, text, note);
    project::finish(
        &opened.project,
        opened.lang,
        (args.output.as_deref(), &text),
        "plan",
    )
}
