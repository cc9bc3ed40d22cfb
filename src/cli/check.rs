//! `baton check`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{ColorChoice, Outcome, fail, output, parse_lang};
use crate::check::{CheckError, check};
use crate::diag::Severity;
use crate::evidence::Evidence;
use crate::load::{LoadError, load};
use crate::messages::Lang;
use crate::report;
use crate::source::{WorktreeSource, find_root};

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable, with source snippets.
    Text,
    /// Machine-readable (SPEC §7).
    Json,
}

/// Arguments of `baton check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The baton repository (a folder with baton.toml, or below one).
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Evaluate at this time (RFC 3339, e.g. 2026-07-07T10:00:00+08:00) instead of the clock.
    #[arg(long, env = "BATON_NOW")]
    pub now: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the report to this file (atomically) instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Message language (default: project.locale): en or zh-CN.
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// When to use colors.
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
}

/// Runs `baton check`.
pub fn run(args: CheckArgs) -> Outcome {
    let root = match find_root(&args.path) {
        Ok(root) => root,
        Err(e) => return fail(e),
    };
    let source = WorktreeSource::new(root);
    let project = match load(&source) {
        Ok(project) => project,
        Err(LoadError::Config(errors)) => {
            eprint!(
                "{}",
                report::render_config_errors(
                    &errors.files,
                    &errors.diagnostics,
                    args.color.for_stderr(),
                    args.lang.unwrap_or_default()
                )
            );
            return fail("baton.toml is invalid; nothing was checked");
        }
        Err(e) => return fail(e),
    };
    let lang = args.lang.unwrap_or(project.settings.lang);
    let checked = match check(project, args.now.as_deref(), &Evidence::none()) {
        Ok(checked) => checked,
        Err(CheckError::Rules(errors)) => {
            eprint!(
                "{}",
                report::render_config_errors(
                    &errors.files,
                    &errors.diagnostics,
                    args.color.for_stderr(),
                    lang
                )
            );
            return fail("baton.toml is invalid; nothing was checked");
        }
        Err(e) => return fail(e),
    };
    let text = match args.format {
        Format::Text => report::text(
            &checked,
            args.output.is_none() && args.color.for_stdout(),
            lang,
        ),
        Format::Json => report::json(&checked, lang),
    };
    if let Err(e) = output::write(args.output.as_deref(), &text) {
        return fail(format!("cannot write the report: {e}"));
    }
    if checked
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error)
    {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}
