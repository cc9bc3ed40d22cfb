//! 月度复盘报告: what was due in the month and what became of it, the
//! service levels of the month, the recurring causes of delay, and the
//! retrospective actions still on the list.
//!
//! - **Goals.** Every task and request due in the month. A task counts as
//!   met when it was accepted and delivered by its due (the owner's work was
//!   on time; the review may follow within `sla.acceptance`); a request when
//!   its acceptance came by its due (requests record no delivery time).
//!   Cancelled tasks and declined requests are listed but not counted.
//! - **Service levels.** As in the audit, for cases that started in the
//!   month (up to now).
//! - **Causes of delay.** Why work was blocked (tasks blocked during the
//!   month, with their reasons); late work — due in the month and overdue,
//!   or accepted after its due — by lead department; and the rules that
//!   fire most often now.
//! - **Retrospective actions** listed in every request's retrospective.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::Serialize;

use super::Month;
use crate::audit::sla::SlaStats;
use crate::audit::{
    ItemLine, Scope, SlaReport, date, department_name, instant, maybe_instant, task_department,
};
use crate::diag::Finding;
use crate::evidence::Event;
use crate::messages::GoalOutcome;
use crate::model::{RequestStatus, TaskStatus, Verdict};
use crate::rules::Context;

/// Rules listed among the most frequent findings.
const TOP_RULES: usize = 10;

/// The monthly review.
#[derive(Debug, Clone, Serialize)]
pub struct Monthly {
    /// The project's name.
    pub project: String,
    /// `2026-09`.
    pub month: String,
    /// First day.
    #[serde(serialize_with = "date")]
    pub from: NaiveDate,
    /// Last day.
    #[serde(serialize_with = "date")]
    pub to: NaiveDate,
    /// Items due in the month.
    pub goals: Vec<Goal>,
    /// Goals met.
    pub met: usize,
    /// Goals counted (not cancelled or declined).
    pub counted: usize,
    /// Service levels of cases started in the month.
    pub sla: Vec<SlaStats>,
    /// Work blocked during the month.
    pub blocked: Vec<BlockedCause>,
    /// Late work by lead department.
    pub late_by_department: Vec<LateDepartment>,
    /// The most frequent rules among the findings now.
    pub rules: Vec<RuleCount>,
    /// Retrospective actions listed.
    pub retrospective_actions: Vec<RetroAction>,
    /// Complaints, agreements signed and communication records of the month.
    pub relations: super::relations::Relations,
}

/// An item due in the month.
#[derive(Debug, Clone, Serialize)]
pub struct Goal {
    /// The item.
    #[serde(flatten)]
    pub item: ItemLine,
    /// Its deadline.
    #[serde(serialize_with = "instant")]
    pub due: DateTime<Tz>,
    /// What became of it.
    #[serde(flatten)]
    pub outcome: GoalOutcome,
}

/// A task blocked in the month.
#[derive(Debug, Clone, Serialize)]
pub struct BlockedCause {
    /// The task.
    #[serde(flatten)]
    pub item: ItemLine,
    /// Since when.
    #[serde(serialize_with = "maybe_instant")]
    pub since: Option<DateTime<Tz>>,
    /// Why.
    pub reason: Option<String>,
}

/// Late work of one department.
#[derive(Debug, Clone, Serialize)]
pub struct LateDepartment {
    /// Department id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The late items.
    pub items: Vec<String>,
}

/// How often a rule fires.
#[derive(Debug, Clone, Serialize)]
pub struct RuleCount {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Findings.
    pub findings: usize,
    /// Distinct items.
    pub items: Vec<String>,
}

/// A retrospective's follow-up action.
#[derive(Debug, Clone, Serialize)]
pub struct RetroAction {
    /// The request.
    pub request: String,
    /// The action.
    pub action: String,
    /// When the retrospective was held.
    #[serde(serialize_with = "maybe_instant")]
    pub at: Option<DateTime<Tz>>,
}

impl Monthly {
    /// The review of `month`, with the findings of the check at now.
    pub fn compute(cx: &Context<'_>, month: Month, findings: &[Finding]) -> Monthly {
        let project = cx.project;
        let org = &project.org;
        let clock = cx.clock;
        let first = month.first;
        let last = month.last();
        let start = clock.at(first, NaiveTime::MIN);
        let in_month = |d: NaiveDate| d >= first && d <= last;
        let calendar = &clock.calendar;
        let late_days = |due: DateTime<Tz>, done: DateTime<Tz>| {
            calendar
                .working_days_between(clock.local_date(due), clock.local_date(done))
                .max(0)
        };

        let mut goals = Vec::new();
        for task in &project.tasks {
            // Archived items are history, not gone: the month still counts them.
            let Some(due) = task.due.as_ref() else {
                continue;
            };
            let deadline = clock.deadline(due);
            if !in_month(clock.local_date(deadline)) {
                continue;
            }
            let status = task.status();
            let review = task.review.as_ref();
            let reviewed_ok = review.is_some_and(|r| *r.verdict.get() == Verdict::Accepted);
            let accepted =
                status == TaskStatus::Accepted || (status == TaskStatus::Delivered && reviewed_ok);
            let delivered = cx
                .time_of(&task.id, task.delivered_at.as_ref(), Event::Delivered)
                .or_else(|| {
                    cx.time_of(
                        &task.id,
                        review.and_then(|r| r.at.as_ref()),
                        Event::Reviewed,
                    )
                });
            let outcome = if status == TaskStatus::Cancelled {
                GoalOutcome::Dropped
            } else if accepted {
                match delivered {
                    Some(t) if t > deadline => GoalOutcome::AcceptedLate(late_days(deadline, t)),
                    _ => GoalOutcome::AcceptedOnTime,
                }
            } else if status == TaskStatus::Delivered {
                GoalOutcome::Delivered
            } else if clock.now > deadline {
                GoalOutcome::Overdue
            } else {
                GoalOutcome::Open
            };
            goals.push(Goal {
                item: ItemLine::task(org, &task.id, task),
                due: deadline,
                outcome,
            });
        }
        for request in &project.requests {
            let Some(due) = request.due.as_ref() else {
                continue;
            };
            let deadline = clock.deadline(due);
            if !in_month(clock.local_date(deadline)) {
                continue;
            }
            let acceptance = request.acceptance.as_ref();
            let accepted_at = acceptance
                .filter(|a| *a.verdict.get() == Verdict::Accepted)
                .and_then(|a| cx.time_of(&request.id, a.at.as_ref(), Event::Reviewed));
            let outcome = match (request.status(), accepted_at) {
                (RequestStatus::Declined, _) => GoalOutcome::Dropped,
                (RequestStatus::Accepted | RequestStatus::Closed, Some(t)) if t > deadline => {
                    GoalOutcome::AcceptedLate(late_days(deadline, t))
                }
                (RequestStatus::Accepted | RequestStatus::Closed, _) => GoalOutcome::AcceptedOnTime,
                (RequestStatus::Delivered, _) => GoalOutcome::Delivered,
                _ if clock.now > deadline => GoalOutcome::Overdue,
                _ => GoalOutcome::Open,
            };
            goals.push(Goal {
                item: ItemLine::request(&cx.project.org, &request.id, request),
                due: deadline,
                outcome,
            });
        }
        goals.sort_by(|a, b| (a.due, &a.item.id).cmp(&(b.due, &b.item.id)));
        let met = goals
            .iter()
            .filter(|g| g.outcome == GoalOutcome::AcceptedOnTime)
            .count();
        let counted = goals
            .iter()
            .filter(|g| g.outcome != GoalOutcome::Dropped)
            .count();

        let end = clock.at(last.succ_opt().unwrap_or(last), NaiveTime::MIN);
        let blocked = project
            .tasks
            .iter()
            .filter_map(|task| {
                let b = task.blocked.as_ref()?;
                let since = cx.time_of(&task.id, b.since.as_ref(), Event::Blocked);
                let during = match since {
                    Some(s) => s < end && (s >= start || task.status() == TaskStatus::Blocked),
                    None => task.status() == TaskStatus::Blocked,
                };
                during.then(|| BlockedCause {
                    item: ItemLine::task(org, &task.id, task),
                    since,
                    reason: b.reason.as_ref().map(|r| r.to_string()),
                })
            })
            .collect();

        let mut late: BTreeMap<(usize, String), Vec<String>> = BTreeMap::new();
        for goal in &goals {
            let is_late = matches!(
                goal.outcome,
                GoalOutcome::Overdue | GoalOutcome::AcceptedLate(_)
            );
            let Some(task) = project.task(&goal.item.id).filter(|_| is_late) else {
                continue;
            };
            let department = task_department(org, task).unwrap_or("").to_string();
            let order = org
                .departments
                .iter()
                .position(|d| d.id.as_str() == department)
                .unwrap_or(usize::MAX);
            late.entry((order, department))
                .or_default()
                .push(goal.item.id.clone());
        }
        let late_by_department = late
            .into_iter()
            .map(|((_, id), items)| LateDepartment {
                name: department_name(org, &id),
                id,
                items,
            })
            .collect();

        let mut counts: BTreeMap<&str, RuleCount> = BTreeMap::new();
        for finding in findings {
            let entry = counts.entry(finding.code).or_insert_with(|| RuleCount {
                code: finding.code.to_string(),
                name: finding.name.to_string(),
                findings: 0,
                items: Vec::new(),
            });
            entry.findings += 1;
            if let Some(item) = &finding.diagnostic.item
                && !entry.items.contains(item)
            {
                entry.items.push(item.clone());
            }
        }
        let mut rules: Vec<RuleCount> = counts.into_values().collect();
        rules.sort_by(|a, b| b.findings.cmp(&a.findings).then(a.code.cmp(&b.code)));
        rules.truncate(TOP_RULES);

        let retrospective_actions = project
            .requests
            .iter()
            .filter_map(|r| r.retrospective.as_ref().map(|retro| (r, retro)))
            .flat_map(|(r, retro)| {
                let at = cx.time_of(&r.id, retro.at.as_ref(), Event::Retrospective);
                retro.actions.iter().map(move |a| RetroAction {
                    request: r.id.clone(),
                    action: a.to_string(),
                    at,
                })
            })
            .collect();

        let until = end.min(clock.now);
        Monthly {
            project: project.settings.name.clone(),
            month: month.label(),
            from: first,
            to: last,
            goals,
            met,
            counted,
            sla: SlaReport::levels(cx, &Scope::everything(), start, until),
            blocked,
            late_by_department,
            rules,
            retrospective_actions,
            relations: super::relations::Relations::compute(cx, first, last),
        }
    }
}
