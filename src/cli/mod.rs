//! The command line: one file per subcommand. `main` parses arguments,
//! runs, and maps the outcome to an exit code (SPEC §7): 0 no error
//! finding, 1 error findings, 2 baton could not do its job.

// Printing goes through `output` and `say!`, which never panic on a
// closed pipe or a full disk.
#![deny(clippy::print_stdout, clippy::print_stderr)]

/// `eprintln!` that cannot panic: a closed or full stderr loses the line,
/// never the command's outcome. Defined before the submodules, so they all
/// see it.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

mod audit;
mod calendar;
mod check;
mod comment;
mod explain;
mod graph;
mod ics;
mod log;
mod notify;
mod output;
mod plan;
mod progress;
mod project;
mod render;
mod report;
mod schema;
mod write;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::messages::Lang;

/// baton: collaboration workflows as code.
#[derive(Debug, Parser)]
#[command(name = "baton", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a baton repository: deadlines, responsibilities, references.
    Check(check::CheckArgs),
    /// Print the documentation of a rule (or list every rule).
    Explain(explain::ExplainArgs),
    /// Write the JSON Schemas of baton's files, or the field reference people read.
    Schema(schema::SchemaArgs),
    /// Show an item's history: who changed which field, when.
    Log(log::LogArgs),
    /// Publish a pull-request check to GitHub: one sticky comment and a commit status.
    Comment(comment::CommentArgs),
    /// Render a saved JSON report as Markdown, GitHub annotations or SARIF.
    Render(render::RenderArgs),
    /// Plan the tasks: critical path, slack, Gantt charts, TaskJuggler export.
    Plan(plan::PlanArgs),
    /// Draw the item graph: dependencies, decomposition, requests, meetings.
    Graph(graph::GraphArgs),
    /// Where the project stands: late, blocked, load, reminders, service levels.
    Audit(audit::AuditArgs),
    /// Periodic reports: 项目周报 (weekly) and 月度复盘 (monthly), as Markdown.
    Report(report::ReportArgs),
    /// Deadlines, meetings and action-item dues as an iCalendar file.
    Ics(ics::IcsArgs),
    /// Working calendars: import an official holiday schedule.
    Calendar(calendar::CalendarArgs),
    /// Today's reminders to the chat groups and mailboxes of [[notify]].
    Notify(notify::NotifyArgs),
    /// A new baton repository: settings, org, templates, CI, editor schemas.
    Init(write::InitArgs),
    /// Create an item from a template: task, request, meeting, change.
    New(write::NewArgs),
    /// Set any field of an item (comments and layout kept).
    Set(write::SetArgs),
    /// One step of the process: update, deliver, accept, respond, … (flattened).
    #[command(flatten)]
    Step(write::Step),
}

/// When to color terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// When writing to a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to color output going to stdout.
    pub fn for_stdout(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        }
    }

    /// Whether to color output going to stderr.
    pub fn for_stderr(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        }
    }
}

/// A language on the command line.
pub(crate) fn parse_lang(tag: &str) -> Result<Lang, String> {
    Lang::from_tag(tag).ok_or_else(|| format!("unknown language `{tag}`: use `en` or `zh-CN`"))
}

/// The outcome of a command.
pub enum Outcome {
    /// Done; no error finding.
    Clean,
    /// Done; error findings.
    Findings,
    /// Could not do the job; the message was printed.
    Failed,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        match outcome {
            Outcome::Clean => ExitCode::SUCCESS,
            Outcome::Findings => ExitCode::from(1),
            Outcome::Failed => ExitCode::from(2),
        }
    }
}

/// Prints an error that stops a command.
pub(crate) fn fail(message: impl std::fmt::Display) -> Outcome {
    say!("error: {message}");
    Outcome::Failed
}

/// Runs the command line.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    run(cli).into()
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Outcome {
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Log(args) => log::run(args),
        Command::Comment(args) => comment::run(args),
        Command::Render(args) => render::run(args),
        Command::Plan(args) => plan::run(args),
        Command::Graph(args) => graph::run(args),
        Command::Audit(args) => audit::run(args),
        Command::Report(args) => report::run(args),
        Command::Ics(args) => ics::run(args),
        Command::Calendar(args) => calendar::run(args),
        Command::Notify(args) => notify::run(args),
        Command::Init(args) => write::run_init(args),
        Command::New(args) => write::run_new(args),
        Command::Set(args) => write::run_set(args),
        Command::Step(step) => write::run_step(step),
    }
}
