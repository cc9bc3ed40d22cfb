//! `baton audit`: where the project stands — load, overdue, blocked,
//! reminders, service levels, plan — as text, JSON, Markdown, or a static
//! HTML site.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::project::NoteKind;
use super::{ColorChoice, Outcome, fail, output, parse_lang, project};
use crate::audit::{Audit, Options, Scope};
use crate::graph::TaskGraph;
use crate::messages::Lang;
use crate::report::{audit as render, html};

/// Output formats of `audit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One terminal screen.
    Text,
    /// Machine-readable (documented in the README).
    Json,
    /// GitHub-flavoured Markdown, to paste into an issue, mail or chat.
    Markdown,
    /// A static site (`--output DIR`): overview, Gantt chart, one page per request.
    Html,
}

/// Arguments of `baton audit`.
#[derive(Debug, Args)]
pub struct AuditArgs {
    /// The baton repository (a folder with baton.toml, or below one).
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Evaluate at this time (RFC 3339) instead of the clock.
    #[arg(long, env = "BATON_NOW")]
    pub now: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Only what concerns this department (id from org.toml).
    #[arg(long, value_name = "ID")]
    pub department: Option<String>,
    /// Only what concerns this person (id from org.toml).
    #[arg(long, value_name = "ID")]
    pub person: Option<String>,
    /// Measure service levels over this many days before now.
    #[arg(long, value_name = "DAYS", default_value_t = 30)]
    pub since: u32,
    /// Write to this file (atomically); with `--format html`, the folder of the site.
    #[arg(long, short, value_name = "FILE|DIR")]
    pub output: Option<PathBuf>,
    /// Language (default: project.locale): en or zh-CN.
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Do not use git history as evidence for times the files do not state.
    #[arg(long)]
    pub no_history: bool,
    /// When to use colors (errors only).
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
}

/// Runs `baton audit`.
pub fn run(args: AuditArgs) -> Outcome {
    if args.format == Format::Html && args.output.is_none() {
        return fail("--format html writes a site: give the folder with --output DIR");
    }
    let opened = match project::open_checked(
        &args.path,
        args.now.as_deref(),
        args.lang,
        args.color,
        !args.no_history,
    ) {
        Ok(opened) => opened,
        Err(outcome) => return outcome,
    };
    let scope = Scope {
        department: args.department.clone(),
        person: args.person.clone(),
    };
    let lang = opened.lang;
    if let Err(outcome) = project::check_scope(&opened.checked.project.org, &scope, lang) {
        return outcome;
    }
    let graph = TaskGraph::build(&opened.checked.project);
    let cx = opened.context(&graph);
    let options = Options {
        since_days: args.since,
        scope,
    };
    let audit = Audit::compute(&cx, &options);
    let project = &opened.checked.project;
    let text = match args.format {
        Format::Text => project::prepare(project, lang, render::text(&audit, lang), NoteKind::Text),
        Format::Json => project::prepare(project, lang, render::json(&audit), NoteKind::Json),
        Format::Markdown => project::prepare(
            project,
            lang,
            render::markdown(&audit, lang),
            NoteKind::Markdown,
        ),
        Format::Html => {
            let Some(dir) = args.output.as_deref() else {
                return Outcome::Failed;
            };
            let pages = html::site(&audit, &opened.checked, lang);
            return match write_site(dir, &pages) {
                Ok(()) => match project::unreadable(project, lang) {
                    Some(message) => {
                        say!(
                            "warning: {}",
                            crate::report::sanitize(&message.render(lang))
                        );
                        Outcome::Findings
                    }
                    None => Outcome::Clean,
                },
                Err(e) => fail(format!("cannot write the site to {}: {e}", dir.display())),
            };
        }
    };
    project::finish(project, lang, (args.output.as_deref(), &text), "audit")
}

/// Writes every page into `dir` (created when missing), each atomically.
fn write_site(dir: &std::path::Path, pages: &[html::Page]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for page in pages {
        output::write(Some(&dir.join(&page.name)), &page.html)?;
    }
    Ok(())
}
