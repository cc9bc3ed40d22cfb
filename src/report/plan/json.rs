//! `--format json`: the shape of SPEC §7 (`version`, `finish`,
//! `critical_path`, `tasks` with `id`, `start`, `finish`, `effort_wd`,
//! `slack_wd`, `critical`), with more keys.

use serde::Serialize;

use super::PlanView;
use crate::messages::{Msg, NotPlannedReason};
use crate::plan::Driver;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    now: String,
    start: String,
    finish: Option<String>,
    critical_path: Vec<&'a str>,
    tasks: Vec<Task<'a>>,
    requests: Vec<Request<'a>>,
    not_planned: Vec<NotPlanned<'a>>,
}

#[derive(Serialize)]
struct Task<'a> {
    id: &'a str,
    title: &'a str,
    start: String,
    finish: String,
    effort_wd: u32,
    remaining_wd: u32,
    slack_wd: i64,
    critical: bool,
    milestone: bool,
    status: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    lead: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<String>,
    /// What fixed the start: `dependency`, `start`, `project_start`, `today`, `recorded`.
    driven_by: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    after: Option<&'a str>,
}

#[derive(Serialize)]
struct Request<'a> {
    id: &'a str,
    due: Option<String>,
    finish: Option<String>,
    last_task: Option<&'a str>,
}

#[derive(Serialize)]
struct NotPlanned<'a> {
    id: &'a str,
    /// `cancelled`, `cycle`, `out_of_range` or `after_unplanned`.
    reason: &'static str,
    message: String,
}

/// The plan as pretty JSON.
pub fn render(view: &PlanView<'_>) -> String {
    let plan = view.plan;
    let id = |t: usize| plan.tasks[t].id.as_str();
    let tasks = view
        .by_start()
        .into_iter()
        .filter_map(|t| {
            let task = &plan.tasks[t];
            let slot = task.slot()?;
            let (driven_by, after) = match slot.driver {
                Driver::Dependency(d) => ("dependency", Some(id(d))),
                Driver::FixedStart(_) => ("start", None),
                Driver::ProjectStart(_) => ("project_start", None),
                Driver::Today(_) => ("today", None),
                Driver::Recorded => ("recorded", None),
            };
            Some(Task {
                id: &task.id,
                title: &task.title,
                start: slot.start.to_string(),
                finish: slot.finish.to_string(),
                effort_wd: task.effort_wd,
                remaining_wd: task.remaining_wd,
                slack_wd: slot.slack_wd,
                critical: slot.critical,
                milestone: task.milestone,
                status: task.status.as_str(),
                lead: task.lead.as_deref(),
                due: task.due.map(|d| d.to_string()),
                driven_by,
                after,
            })
        })
        .collect();
    let report = Report {
        version: 1,
        now: view.clock.now.to_rfc3339(),
        start: plan.start.to_string(),
        finish: plan.finish.map(|d| d.to_string()),
        critical_path: plan.critical_path.iter().map(|&t| id(t)).collect(),
        tasks,
        requests: plan
            .requests
            .iter()
            .map(|r| Request {
                id: &r.id,
                due: r.due.map(|d| d.to_string()),
                finish: r.finish.map(|d| d.to_string()),
                last_task: r.last.map(id),
            })
            .collect(),
        not_planned: view
            .unplanned()
            .into_iter()
            .map(|(t, reason)| NotPlanned {
                id: id(t),
                reason: match reason {
                    NotPlannedReason::Cancelled => "cancelled",
                    NotPlannedReason::Cycle => "cycle",
                    NotPlannedReason::OutOfRange => "out_of_range",
                    NotPlannedReason::After(_) => "after_unplanned",
                },
                message: Msg::NotPlanned {
                    id: id(t).to_string(),
                    reason,
                }
                .render(view.lang),
            })
            .collect(),
    };
    crate::report::json::to_string(&report)
}
