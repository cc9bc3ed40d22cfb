//! `baton render`: a saved JSON report in another format.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::check::links_from_env;
use super::{Outcome, fail, output, parse_lang};
use crate::messages::Lang;
use crate::report::{ReportDoc, github, markdown, sarif};

/// Formats a saved report can be rendered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    /// The pull-request comment.
    Markdown,
    /// GitHub Actions annotations.
    Github,
    /// SARIF 2.1.0.
    Sarif,
    /// GitLab's Code Quality report.
    Codequality,
}

/// Arguments of `baton render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The JSON report of `baton check --format json`.
    pub report: PathBuf,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: RenderFormat,
    /// Write to this file (atomically) instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Language of the Markdown headings (default: the report's).
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

/// Runs `baton render`; the exit code is always 0 when it could render.
pub fn run(args: RenderArgs) -> Outcome {
    let limit = crate::report::doc::MAX_REPORT_BYTES as u64;
    let text = match crate::source::read_capped(&args.report, limit) {
        Ok(text) => text,
        Err(e) => return fail(format!("cannot read `{}`: {e}", args.report.display())),
    };
    let doc = match ReportDoc::read(&text) {
        Ok(doc) => doc,
        Err(e) => return fail(format!("`{}`: {e}", args.report.display())),
    };
    let lang = args
        .lang
        .or_else(|| doc.lang.as_deref().and_then(Lang::from_tag))
        .unwrap_or_default();
    let rendered = match args.format {
        RenderFormat::Markdown => {
            let links = links_from_env(doc.head.as_ref().map(|h| h.commit.as_str()));
            markdown::render(&doc, links.as_ref(), lang, markdown::GITHUB_LIMIT)
        }
        RenderFormat::Github => github::render(&doc),
        RenderFormat::Sarif => sarif::render(&doc),
        RenderFormat::Codequality => crate::report::codequality::render(&doc),
    };
    match output::write(args.output.as_deref(), &rendered) {
        Ok(()) => Outcome::Clean,
        Err(e) => fail(format!("cannot write: {e}")),
    }
}
