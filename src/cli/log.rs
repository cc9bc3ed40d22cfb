//! `baton log ID`: an item's history, one line per commit and field.

use std::path::PathBuf;

use clap::Args;
use unicode_width::UnicodeWidthStr;

use super::{Outcome, fail, output};
use crate::git::{GitRepo, short_id};
use crate::history::{BodyCache, first_parent_history, item_log};
use crate::load::load;
use crate::source::GitSource;

/// Arguments of `baton log`.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// The item id, e.g. T-003.
    pub id: String,
    /// The baton repository (a folder with baton.toml, or below one).
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Show the history up to this revision.
    #[arg(long, default_value = "HEAD")]
    pub rev: String,
}

/// The change request that lists this change of a field, and whether it
/// was approved: `approved by CR-007` / `listed in CR-007, not approved`.
fn change_request_note(
    project: &crate::model::Project,
    id: &str,
    change: &crate::history::fields::FieldChange,
) -> Option<String> {
    use crate::authority::{ApprovalState, change_request_state, listing};
    listing(project, id, &change.field)
        .find(|(_, _, entry)| {
            entry.from.as_ref().map(|v| v.0.as_str()) == change.old.as_deref()
                && entry.to.as_ref().map(|v| v.0.as_str()) == change.new.as_deref()
        })
        .map(
            |(cr_id, cr, _)| match change_request_state(project, cr, None).state {
                ApprovalState::Approved => format!("approved by {cr_id}"),
                _ => format!("listed in {cr_id}, not approved"),
            },
        )
}

fn pad(text: &str, width: usize) -> String {
    let shown = UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(shown)))
}

/// Runs `baton log`.
pub fn run(args: LogArgs) -> Outcome {
    let repo = match GitRepo::discover(&args.path) {
        Ok(repo) => repo,
        Err(e) => return fail(e),
    };
    let revision = match repo.resolve(&args.rev) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    let root = match repo.baton_root(&revision) {
        Ok(root) => root,
        Err(e) => return fail(e),
    };
    // Time zone and people from the revision's own files.
    let project = match GitSource::with_root(&repo, &revision, &root).map(|source| load(&source)) {
        Ok(Ok(project)) => project,
        Ok(Err(e)) => return fail(e),
        Err(e) => return fail(e),
    };
    let history = match first_parent_history(&repo.repo, revision.commit, &root) {
        Ok(history) => history,
        Err(e) => return fail(e),
    };
    let lines = item_log(&repo.repo, &history, &args.id, &mut BodyCache::default());
    if lines.is_empty() {
        let known = project.item(&args.id).is_some();
        return fail(if known {
            format!("`{}` has no history before {}", args.id, revision.name)
        } else {
            format!("no item `{}` in the history of {}", args.id, revision.name)
        });
    }
    let org = &project.org;
    let rows: Vec<[String; 5]> = lines
        .iter()
        .map(|line| {
            let when = line
                .commit
                .time
                .with_timezone(&project.settings.tz)
                .format("%Y-%m-%d %H:%M")
                .to_string();
            let who = match org.person_by_email(&line.commit.author.email) {
                Some(person) => match &person.name {
                    Some(name) => format!("{} ({})", person.id.as_str(), name.as_str()),
                    None => person.id.to_string(),
                },
                None => line.commit.author.to_string(),
            };
            let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "∅".to_string());
            let mut change = format!("{} → {}", show(&line.change.old), show(&line.change.new));
            if let Some(note) = change_request_note(&project, &line.id, &line.change) {
                change.push_str(&format!("  ({note})"));
            }
            [
                when,
                short_id(line.commit.oid),
                who,
                line.change.field.clone(),
                change,
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..4)
        .map(|i| {
            rows.iter()
                .map(|r| UnicodeWidthStr::width(r[i].as_str()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            if i < 4 {
                out.push_str(&pad(cell, widths[i]));
                out.push_str("  ");
            } else {
                out.push_str(cell);
            }
        }
        out.push('\n');
    }
    // Authors, messages and values come from the repository.
    output::print(&crate::report::sanitize(&out))
}
