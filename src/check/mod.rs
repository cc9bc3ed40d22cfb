//! One check of a project: resolve levels and now, run every rule, apply
//! the waivers, sort; [`baseline`] hides what a baseline recorded.

pub mod baseline;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::diag::{Diagnostic, Finding, Levels};
use crate::evidence::Evidence;
use crate::graph::TaskGraph;
use crate::history::ChangeSet;
use crate::load::ConfigErrors;
use crate::messages::Msg;
use crate::model::Project;
use crate::parse::suggest;
use crate::plan::Plan;
use crate::rules::{self, Context, RULES};
use crate::time::{Clock, parse_now};

/// The result of checking a project.
#[derive(Debug)]
pub struct Checked {
    /// The project.
    pub project: Project,
    /// The clock the rules used (its `now` is the evaluation time).
    pub clock: Clock,
    /// Findings, sorted by file, position and rule.
    pub findings: Vec<Finding>,
    /// The plan the rules saw (`None` when the calendar has no working day).
    pub plan: Option<Plan>,
}

/// Why a check could not run.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    /// `--now` / `BATON_NOW` is not a time.
    #[error("invalid --now: {0}")]
    Now(String),
    /// `[rules]` names a rule that does not exist.
    #[error("invalid [rules] in baton.toml")]
    Rules(Box<ConfigErrors>),
}

/// The severity overrides of `[rules]`; unknown codes are errors.
pub fn levels(project: &Project) -> Result<Levels, Vec<Diagnostic>> {
    let mut levels = Levels::default();
    let mut errors = Vec::new();
    for (key, level) in &project.settings.rules {
        let (name, closed) = match key.strip_suffix(".closed") {
            Some(name) => (name, true),
            None => (key.as_str(), false),
        };
        match rules::find(name) {
            Some(rule) if closed => levels.set_closed(rule.code, *level.get()),
            Some(rule) => levels.set(rule.code, *level.get()),
            None => {
                let known = RULES.iter().flat_map(|r| [r.code, r.name]);
                let hint = suggest::did_you_mean(name, known).map(|c| Msg::DidYouMean {
                    candidate: c.to_string(),
                });
                errors.push(
                    Diagnostic::new(
                        None,
                        project.config_file,
                        Some(level.span()),
                        &format!("rules.{key}"),
                        Msg::InvalidValue {
                            field: format!("rules.{key}"),
                            detail: format!("there is no rule `{key}` (see `baton explain`)"),
                        },
                    )
                    .maybe_hint(hint),
                );
            }
        }
    }
    if errors.is_empty() {
        Ok(levels)
    } else {
        Err(errors)
    }
}

/// "now": `now` when given (RFC 3339; a local time is read in `tz`), else the clock.
pub fn resolve_now(now: Option<&str>, tz: Tz) -> Result<DateTime<Utc>, CheckError> {
    match now {
        Some(text) => parse_now(text, tz)
            .map(|t| t.with_timezone(&Utc))
            .map_err(CheckError::Now),
        None => Ok(Utc::now()),
    }
}

/// Checks `project` at `now` with `evidence` and, in pull-request mode, the
/// `changes`.
pub fn check(
    project: Project,
    now: DateTime<Utc>,
    evidence: &Evidence,
    changes: Option<&ChangeSet>,
) -> Result<Checked, CheckError> {
    let levels = match levels(&project) {
        Ok(levels) => levels,
        Err(diagnostics) => {
            let mut files = crate::files::Files::default();
            let path = project.files.path(project.config_file).to_string();
            let text = project.files.text(project.config_file).to_string();
            let file = files.add(path, text);
            let diagnostics = diagnostics
                .into_iter()
                .map(|mut d| {
                    d.file = file;
                    d
                })
                .collect();
            return Err(CheckError::Rules(Box::new(ConfigErrors {
                files,
                diagnostics,
            })));
        }
    };
    let settings = &project.settings;
    let clock = Clock {
        tz: settings.tz,
        workday: settings.workday,
        calendar: settings.calendar.clone(),
        now: now.with_timezone(&settings.tz),
    };
    let stage = crate::timing::stage("check: graph and plan");
    let graph = TaskGraph::build(&project);
    let plan = Plan::compute(&project, &graph, &clock).ok();
    drop(stage);
    let stage = crate::timing::stage("check: rules, waivers, sort");
    let cx = Context {
        project: &project,
        graph: &graph,
        clock: &clock,
        evidence,
        changes,
        plan: plan.as_ref(),
    };
    let mut findings = rules::run(&cx, &levels);
    crate::waiver::apply(
        &project,
        clock.now.date_naive(),
        changes,
        &levels,
        &mut findings,
    );
    sort(&project, &mut findings);
    drop(stage);
    Ok(Checked {
        project,
        clock,
        findings,
        plan,
    })
}

/// Sorts findings by path, position, rule code and fingerprint (borrowed
/// keys: no allocation per comparison).
pub fn sort(project: &Project, findings: &mut [Finding]) {
    let key = |f: &Finding| {
        let d = &f.diagnostic;
        (
            project.files.path(d.file),
            d.span.as_ref().map_or(0, |s| s.start),
            f.code,
        )
    };
    findings.sort_unstable_by(|a, b| {
        key(a)
            .cmp(&key(b))
            .then_with(|| a.fingerprint.cmp(&b.fingerprint))
    });
}
