//! `baton calendar import FILE.json`: an official holiday schedule as a
//! calendar file (SPEC §2 Calendars).

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{Outcome, fail, output};
use crate::calendar::import::holiday_cn_to_toml;
use crate::source::MAX_FILE_BYTES;

/// Arguments of `baton calendar`.
#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: CalendarCommand,
}

/// Subcommands of `baton calendar`.
#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// Turn a year's official schedule (holiday-cn JSON, e.g. 2027.json from
    /// github.com/NateScarlet/holiday-cn) into a calendar file that declares
    /// the year covered.
    Import(ImportArgs),
}

/// Arguments of `baton calendar import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The holiday-cn JSON file.
    pub file: PathBuf,
    /// Write the calendar here (e.g. calendars/cn-2027.toml); without it,
    /// print it.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The calendar it extends: `cn`, or last year's imported file.
    #[arg(long, default_value = "cn")]
    pub extends: String,
    /// Replace `--out` if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Runs `baton calendar`.
pub fn run(args: CalendarArgs) -> Outcome {
    match args.command {
        CalendarCommand::Import(args) => import(args),
    }
}

fn import(args: ImportArgs) -> Outcome {
    let shown = args.file.display().to_string();
    let meta = match std::fs::metadata(&args.file) {
        Ok(meta) => meta,
        Err(e) => return fail(format!("cannot read `{shown}`: {e}")),
    };
    if meta.len() > MAX_FILE_BYTES {
        return fail(format!(
            "`{shown}` is {} bytes, over the {MAX_FILE_BYTES}-byte limit",
            meta.len()
        ));
    }
    let json = match std::fs::read_to_string(&args.file) {
        Ok(text) => text,
        Err(e) => return fail(format!("cannot read `{shown}`: {e}")),
    };
    let text = match holiday_cn_to_toml(&json, &args.extends) {
        Ok(text) => text,
        Err(e) => return fail(format!("{shown}: {e}")),
    };
    if let Some(out) = &args.out
        && out.exists()
        && !args.force
    {
        return fail(format!(
            "`{}` exists; pass --force to replace it",
            out.display()
        ));
    }
    if let Some(parent) = args.out.as_ref().and_then(|o| o.parent())
        && !parent.as_os_str().is_empty()
        && !parent.is_dir()
    {
        return fail(format!("no folder `{}`", parent.display()));
    }
    if let Err(e) = output::write(args.out.as_deref(), &text) {
        let target = args
            .out
            .as_ref()
            .map_or("stdout".to_string(), |o| format!("`{}`", o.display()));
        return fail(format!("cannot write {target}: {e}"));
    }
    if let Some(out) = &args.out {
        say!(
            "wrote {}; name it in `project.calendar`, or in `extends` of your own calendar",
            out.display()
        );
    }
    Outcome::Clean
}
