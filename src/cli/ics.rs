//! `baton ics`: task and request deadlines, meetings and action-item dues
//! as an iCalendar file, to subscribe to or import.

use std::path::PathBuf;

use clap::Args;

use super::{ColorChoice, Outcome, parse_lang, project};
use crate::audit::Scope;
use crate::messages::Lang;
use crate::report::ics;

/// Arguments of `baton ics`.
#[derive(Debug, Args)]
pub struct IcsArgs {
    /// The baton repository (a folder with baton.toml, or below one).
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Only what concerns this person: tasks they own or accept, requests
    /// they are a contact of, meetings they are in, action items they own.
    #[arg(long, value_name = "ID")]
    pub person: Option<String>,
    /// The time stamped on every event (RFC 3339) instead of the clock.
    #[arg(long, env = "BATON_NOW")]
    pub now: Option<String>,
    /// Write to this file (atomically) instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Language of summaries (default: project.locale): en or zh-CN.
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// When to use colors (errors only).
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
}

/// Runs `baton ics`.
pub fn run(args: IcsArgs) -> Outcome {
    let opened = match project::open(&args.path, args.now.as_deref(), args.lang, args.color) {
        Ok(opened) => opened,
        Err(outcome) => return outcome,
    };
    let scope = Scope {
        department: None,
        person: args.person.clone(),
    };
    if let Err(outcome) = project::check_scope(&opened.project.org, &scope, opened.lang) {
        return outcome;
    }
    let text = ics::render(
        &opened.project,
        &opened.clock,
        opened.lang,
        args.person.as_deref(),
    );
    project::finish(
        &opened.project,
        opened.lang,
        (args.output.as_deref(), &text),
        "calendar",
    )
}
