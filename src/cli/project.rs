//! Opening a repository for commands that read a project without checking
//! it (`plan`, `graph`): root, load, clock, language.

use std::path::Path;

use super::{ColorChoice, Outcome, fail};
use crate::check::resolve_now;
use crate::load::{LoadError, load};
use crate::messages::Lang;
use crate::model::Project;
use crate::report;
use crate::source::{WorktreeSource, find_root};
use crate::time::Clock;

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
    let source = WorktreeSource::new(root);
    let project = match load(&source) {
        Ok(project) => project,
        Err(LoadError::Config(errors)) => {
            eprint!(
                "{}",
                report::render_config_errors(
                    &errors.files,
                    &errors.diagnostics,
                    color.for_stderr(),
                    lang.unwrap_or_default()
                )
            );
            return Err(fail("baton.toml is invalid"));
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
