//! `baton graph`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{ColorChoice, Outcome, fail, project};
use crate::graph::TaskGraph;
use crate::parse::suggest;
use crate::plan::Plan;
use crate::report::graph::{self as render, ItemGraph};

/// Output formats of `graph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Graphviz (`dot -Tsvg`).
    Dot,
    /// A Mermaid flowchart (GitHub renders it in Markdown).
    Mermaid,
    /// Nodes and edges.
    Json,
}

/// Arguments of `baton graph`.
#[derive(Debug, Args)]
pub struct GraphArgs {
    /// The baton repository (a folder with baton.toml, or below one).
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Dot)]
    pub format: Format,
    /// Only this item, what it comes from and what comes from it.
    #[arg(long, value_name = "ID")]
    pub focus: Option<String>,
    /// Evaluate at this time (RFC 3339) instead of the clock: overdue marks
    /// and planned dates depend on it.
    #[arg(long, env = "BATON_NOW")]
    pub now: Option<String>,
    /// Write to this file (atomically) instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// When to use colors (errors only).
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
}

/// Runs `baton graph`.
pub fn run(args: GraphArgs) -> Outcome {
    let opened = match project::open(&args.path, args.now.as_deref(), None, args.color) {
        Ok(opened) => opened,
        Err(outcome) => return outcome,
    };
    let tasks = TaskGraph::build(&opened.project);
    let plan = Plan::compute(&opened.project, &tasks, &opened.clock).ok();
    let mut graph = ItemGraph::build(&opened.project, plan.as_ref(), &opened.clock);
    if let Some(id) = &args.focus {
        match graph.find(id) {
            Some(node) => graph = graph.focus(node),
            None => {
                let known = graph.nodes.iter().map(|n| n.id.as_str());
                let hint = suggest::did_you_mean(id, known)
                    .map_or(String::new(), |c| format!("; did you mean `{c}`?"));
                return fail(format!("no item `{id}`{hint}"));
            }
        }
    }
    let (text, note) = match args.format {
        Format::Dot => (render::dot(&graph), project::NoteKind::None),
        Format::Mermaid => (render::mermaid(&graph), project::NoteKind::None),
        Format::Json => (render::json(&graph), project::NoteKind::Json),
    };
    let lang = opened.project.settings.lang;
    let text = project::prepare(&opened.project, lang, text, note);
    project::finish(
        &opened.project,
        lang,
        (args.output.as_deref(), &text),
        "graph",
    )
}
