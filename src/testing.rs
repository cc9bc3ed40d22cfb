//! Helpers for rule tests: a small in-memory repository and one rule run.

use crate::diag::{Levels, Severity, Sink};
use crate::evidence::Evidence;
use crate::graph::TaskGraph;
use crate::load::load;
use crate::messages::Lang;
use crate::model::Project;
use crate::plan::Plan;
use crate::rules::{Context, Rule};
use crate::source::MemorySource;
use crate::time::{Clock, parse_now};

/// The default `baton.toml`: Asia/Shanghai, the official `cn` calendar,
/// SPEC's default service levels.
pub(crate) const BATON: &str = r#"
[project]
name = "test"
timezone = "Asia/Shanghai"
calendar = "cn"
"#;

/// The default `org.toml`: li.gong (R&D) reports to chen.zong, who heads
/// R&D; zhang.jingli heads marketing; wang.zhuguan heads operations.
pub(crate) const ORG: &str = r#"
[[department]]
id = "rnd"
name = "研发部"
head = "chen.zong"

[[department]]
id = "mkt"
name = "市场部"
head = "zhang.jingli"

[[department]]
id = "ops"
name = "运营部"
head = "wang.zhuguan"

[[person]]
id = "li.gong"
name = "李工"
department = "rnd"
manager = "chen.zong"

[[person]]
id = "chen.zong"
name = "陈总"
department = "rnd"

[[person]]
id = "zhang.jingli"
name = "张经理"
department = "mkt"

[[person]]
id = "zhao.liu"
name = "赵六"
department = "mkt"
manager = "zhang.jingli"

[[person]]
id = "wang.zhuguan"
name = "王主管"
department = "ops"
"#;

/// A finding as tests look at it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub code: &'static str,
    pub severity: Severity,
    pub item: Option<String>,
    pub path: String,
    pub field: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
    /// The message itself, to render in another language.
    pub raw: crate::messages::Msg,
}

impl Found {
    /// The message in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        self.raw.render(lang)
    }
}

/// Loads `files` (plus the default baton.toml and org.toml unless given).
pub(crate) fn project(files: &[(&str, &str)]) -> Project {
    let mut source = MemorySource::new()
        .with("baton.toml", BATON)
        .with("org.toml", ORG);
    for (path, text) in files {
        source = source.with(path, *text);
    }
    match load(&source) {
        Ok(project) => project,
        Err(e) => panic!("test project does not load: {e:?}"),
    }
}

/// Runs `rule` on `files` at `now` and returns its findings.
pub(crate) fn run_rule(rule: &Rule, files: &[(&str, &str)], now: &str) -> Vec<Found> {
    run_rule_with(rule, &project(files), &Evidence::none(), now)
}

/// Runs `rule` on a loaded project with `evidence`.
pub(crate) fn run_rule_with(
    rule: &Rule,
    project: &Project,
    evidence: &Evidence,
    now: &str,
) -> Vec<Found> {
    let settings = &project.settings;
    let now = parse_now(now, settings.tz).unwrap_or_else(|e| panic!("bad now: {e}"));
    let clock = Clock {
        tz: settings.tz,
        workday: settings.workday,
        calendar: settings.calendar.clone(),
        now,
    };
    let graph = TaskGraph::build(project);
    let plan = Plan::compute(project, &graph, &clock).ok();
    let cx = Context {
        project,
        graph: &graph,
        clock: &clock,
        evidence,
        changes: None,
        plan: plan.as_ref(),
    };
    let levels = Levels::default();
    let mut sink = Sink::new(&levels, &project.files);
    sink.start_rule(rule.code, rule.name, rule.default);
    (rule.check)(&cx, &mut sink);
    sink.into_findings()
        .into_iter()
        .map(|f| {
            let d = &f.diagnostic;
            let at = project
                .files
                .line_col(d.file, d.span.as_ref().map_or(0, |s| s.start));
            Found {
                code: f.code,
                severity: f.severity,
                item: d.item.clone(),
                path: project.files.path(d.file).to_string(),
                field: d.field.clone(),
                line: at.line,
                column: at.column,
                message: d.message.render(Lang::En),
                hint: d.hint.as_ref().map(|h| h.render(Lang::En)),
                raw: d.message.clone(),
            }
        })
        .collect()
}

/// The line (1-based) of the first occurrence of `needle` in `text`.
pub(crate) fn line_of(text: &str, needle: &str) -> usize {
    match text.find(needle) {
        Some(i) => text[..i].matches('\n').count() + 1,
        None => panic!("{needle:?} not in the test file"),
    }
}

/// A copy of `example-project/` (without its `broken/` twin) in a
/// temporary folder, for tests that write.
pub(crate) fn example_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("example-project");
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap_or_else(|e| panic!("{e}"));
        let Ok(relative) = entry.path().strip_prefix(&from) else {
            continue;
        };
        if relative.starts_with("broken") {
            continue;
        }
        let to = dir.path().join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap_or_else(|e| panic!("{e}"));
        } else {
            std::fs::copy(entry.path(), &to).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    dir
}
