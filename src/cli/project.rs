//! Opening a repository for commands that read a project without checking
//! it (`plan`, `graph`): root, load, clock, language.

use std::path::Path;

use super::{ColorChoice, Outcome, fail};
use crate::cache::worktree_cache;
use crate::check::resolve_now;
use crate::load::{LoadError, ParseMemo, load_cached};
use crate::messages::Lang;
use crate::model::Project;
use crate::report;
use crate::source::{WorktreeSource, find_root};
use crate::time::Clock;

/// Prints configuration errors and a line naming the files they are in, in
/// `lang` (else the language `baton.toml` asks for, when it can be read),
/// and returns the failure.
pub(crate) fn config_failed(
    errors: (&crate::files::Files, &[crate::diag::Diagnostic]),
    color: ColorChoice,
    lang: Option<Lang>,
) -> Outcome {
    let (files, diagnostics) = errors;
    let lang = lang.unwrap_or_else(|| configured_lang(files));
    {
        use std::io::Write as _;
        let errors = report::render_config_errors(files, diagnostics, color.for_stderr(), lang);
        let _ = std::io::stderr().lock().write_all(errors.as_bytes());
    }
    let mut paths: Vec<String> = diagnostics
        .iter()
        .map(|d| files.path(d.file).to_string())
        .collect();
    paths.dedup();
    if paths.is_empty() {
        paths.push("baton.toml".into());
    }
    fail(crate::messages::Msg::ConfigInvalid { files: paths }.render(lang))
}

/// The language `baton.toml` names, read leniently (for messages about a
/// configuration that did not load).
fn configured_lang(files: &crate::files::Files) -> Lang {
    files
        .find("baton.toml")
        .and_then(|f| files.text(f).parse::<toml::Table>().ok())
        .and_then(|t| {
            t.get("project")?
                .get("locale")?
                .as_str()
                .and_then(Lang::from_tag)
        })
        .unwrap_or_default()
}

/// Loads the working tree at `root` through its parse cache.
fn load_worktree(root: &Path) -> Result<Project, LoadError> {
    let cache = worktree_cache(root, true);
    let project = load_cached(
        &WorktreeSource::new(root),
        &crate::progress::Silent,
        &mut ParseMemo::default(),
        &cache,
    );
    // A cache that cannot be written only costs the next run a parse.
    let _ = cache.save();
    project
}

/// A loaded project with its clock and language.
pub(crate) struct Opened {
    /// The project.
    pub project: Project,
    /// Its clock at now.
    pub clock: Clock,
    /// The language of output.
    pub lang: Lang,
}

/// Loads the repository at or above `path`; an error is printed and
/// returned as the outcome.
pub(crate) fn open(
    path: &Path,
    now: Option<&str>,
    lang: Option<Lang>,
    color: ColorChoice,
) -> Result<Opened, Outcome> {
    let root = find_root(path).map_err(fail)?;
    let project = match load_worktree(&root) {
        Ok(project) => project,
        Err(LoadError::Config(errors)) => {
            return Err(config_failed(
                (&errors.files, &errors.diagnostics),
                color,
                lang,
            ));
        }
        Err(e) => return Err(fail(e)),
    };
    let settings = &project.settings;
    let clock = Clock {
        tz: settings.tz,
        workday: settings.workday,
        calendar: settings.calendar.clone(),
        now: resolve_now(now, settings.tz)
            .map_err(fail)?
            .with_timezone(&settings.tz),
    };
    let lang = lang.unwrap_or(settings.lang);
    Ok(Opened {
        project,
        clock,
        lang,
    })
}

/// A project checked at now with the evidence of its git history, for
/// commands that report on it (`audit`, `report`, `ics`).
pub(crate) struct Checked {
    /// The check: project, clock, findings, plan.
    pub checked: crate::check::Checked,
    /// Times derived from history (none with `--no-history` or outside git).
    pub evidence: crate::evidence::Evidence,
    /// The language of output.
    pub lang: Lang,
    /// The baton root.
    pub root: std::path::PathBuf,
}

impl Checked {
    /// What the rules see: the project, its graph, clock, evidence and plan.
    pub fn context<'a>(&'a self, graph: &'a crate::graph::TaskGraph) -> crate::rules::Context<'a> {
        crate::rules::Context {
            project: &self.checked.project,
            graph,
            clock: &self.checked.clock,
            evidence: &self.evidence,
            changes: None,
            plan: self.checked.plan.as_ref(),
        }
    }
}

/// Loads and checks the repository at or above `path` at `now`, with git
/// history as evidence unless `history` is false; an error is printed and
/// returned as the outcome.
pub(crate) fn open_checked(
    path: &Path,
    now: Option<&str>,
    lang: Option<Lang>,
    color: ColorChoice,
    history: bool,
) -> Result<Checked, Outcome> {
    let root = find_root(path).map_err(fail)?;
    let project = match load_worktree(&root) {
        Ok(project) => project,
        Err(LoadError::Config(errors)) => {
            return Err(config_failed(
                (&errors.files, &errors.diagnostics),
                color,
                lang,
            ));
        }
        Err(e) => return Err(fail(e)),
    };
    let now = resolve_now(now, project.settings.tz).map_err(fail)?;
    let evidence = if history {
        super::check::worktree_evidence(&root, now, &project, &crate::progress::Silent, true)
    } else {
        crate::evidence::Evidence::none()
    };
    let lang = lang.unwrap_or(project.settings.lang);
    let checked = match crate::check::check(project, now, &evidence, None) {
        Ok(checked) => checked,
        Err(crate::check::CheckError::Rules(errors)) => {
            return Err(config_failed(
                (&errors.files, &errors.diagnostics),
                color,
                Some(lang),
            ));
        }
        Err(e) => return Err(fail(e)),
    };
    Ok(Checked {
        checked,
        evidence,
        lang,
        root,
    })
}

/// The item files `project` could not read, as a message (`None` when it
/// read them all).
pub(crate) fn unreadable(project: &Project, lang: Lang) -> Option<crate::messages::Msg> {
    let files: Vec<String> = project
        .unreadable_items()
        .into_iter()
        .map(|p| {
            let d = &p.diagnostic;
            let at = project
                .files
                .line_col(d.file, d.span.as_ref().map_or(0, |s| s.start));
            format!(
                "{}:{}:{}: {}",
                project.files.path(d.file),
                at.line,
                at.column,
                d.message.render(lang)
            )
        })
        .collect();
    (!files.is_empty()).then_some(crate::messages::Msg::UnreadableItems { files })
}

/// Writes `text` (to `output`, else stdout) for a command that reports on
/// the items of `project`: when some could not be read, says so on stderr,
/// and the outcome is 1 (error findings), not 0.
pub(crate) fn finish(
    project: &Project,
    lang: Lang,
    (output, text): (Option<&Path>, &str),
    what: &str,
) -> Outcome {
    if let Err(e) = super::output::write(output, text) {
        return fail(format!("cannot write the {what}: {e}"));
    }
    match unreadable(project, lang) {
        Some(message) => {
            say!(
                "warning: {}",
                crate::report::sanitize(&message.render(lang))
            );
            Outcome::Findings
        }
        None => Outcome::Clean,
    }
}

/// `text` as a command writes it: with a note that items were left out
/// where the format can carry one (a line at the top of text and Markdown,
/// an `unreadable` key in JSON objects), and inert where it goes — plain
/// text sanitised for a terminal, JSON with hostile characters as `\\u`
/// escapes (Markdown and the other formats escape their own text).
pub(crate) fn prepare(project: &Project, lang: Lang, text: String, kind: NoteKind) -> String {
    let text = with_note(project, lang, text, kind);
    match kind {
        NoteKind::Text => crate::report::sanitize(&text),
        // JSON renderers write through report::json, inert already.
        NoteKind::Json | NoteKind::Markdown | NoteKind::None => text,
    }
}

fn with_note(project: &Project, lang: Lang, text: String, kind: NoteKind) -> String {
    let Some(message) = unreadable(project, lang) else {
        return text;
    };
    let note = message.render(lang);
    match kind {
        NoteKind::Text => format!("⚠ {note}\n\n{text}"),
        NoteKind::Markdown => format!("> ⚠️ {}\n\n{text}", crate::report::escape::message(&note)),
        NoteKind::Json => match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(serde_json::Value::Object(mut object)) => {
                let files = project
                    .unreadable_items()
                    .into_iter()
                    .map(|p| {
                        serde_json::Value::String(project.files.path(p.diagnostic.file).to_string())
                    })
                    .collect();
                object.insert("unreadable".into(), serde_json::Value::Array(files));
                crate::report::json::to_string(&object)
            }
            _ => text,
        },
        NoteKind::None => text,
    }
}

/// What kind of output a command writes (for its note and its safety).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoteKind {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// A JSON object.
    Json,
    /// A format without room for one (SVG, iCalendar, …): stderr only.
    None,
}

/// Checks that `--department` and `--person` name someone in org.toml.
pub(crate) fn check_scope(
    org: &crate::model::Org,
    scope: &crate::audit::Scope,
    lang: Lang,
) -> Result<(), Outcome> {
    use crate::messages::{Msg, RefKind};
    use crate::parse::suggest::did_you_mean;
    if !org.known {
        return Ok(());
    }
    let unknown = |kind: RefKind, id: &str, candidate: Option<&str>| {
        let mut text = Msg::UnknownReference {
            kind,
            id: id.to_string(),
        }
        .render(lang);
        if let Some(c) = candidate {
            let hint = Msg::DidYouMean {
                candidate: c.to_string(),
            };
            text = format!("{text}; {}", hint.render(lang));
        }
        fail(text)
    };
    if let Some(d) = &scope.department
        && org.department(d).is_none()
    {
        return Err(unknown(
            RefKind::Department,
            d,
            did_you_mean(d, org.department_ids()),
        ));
    }
    if let Some(p) = &scope.person
        && org.person(p).is_none()
    {
        return Err(unknown(
            RefKind::Person,
            p,
            did_you_mean(p, org.person_ids()),
        ));
    }
    Ok(())
}
