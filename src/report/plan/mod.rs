//! Renderers of a plan (`baton plan --format …`): one file per format over
//! the same [`PlanView`].

mod gantt_mermaid;
mod gantt_svg;
mod json;
mod text;
pub mod tjp;

pub use gantt_mermaid::render as mermaid_gantt;
pub use gantt_svg::render as svg;
pub use json::render as json;
pub use text::render as text;
pub use tjp::render as tjp;

use crate::messages::{Lang, NotPlannedReason};
use crate::model::Project;
use crate::plan::{Plan, Unplanned};
use crate::time::Clock;

/// What every plan renderer sees.
pub struct PlanView<'a> {
    /// The project planned.
    pub project: &'a Project,
    /// Its plan.
    pub plan: &'a Plan,
    /// Time zone, calendar, working hours and now.
    pub clock: &'a Clock,
    /// Language of labels.
    pub lang: Lang,
}

impl PlanView<'_> {
    /// Planned task indices by planned start, then finish, then id.
    pub fn by_start(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = (0..self.plan.tasks.len())
            .filter(|&t| self.plan.tasks[t].slot().is_some())
            .collect();
        rows.sort_by(|&a, &b| {
            let (ta, tb) = (&self.plan.tasks[a], &self.plan.tasks[b]);
            let key = |t: &crate::plan::TaskPlan| t.slot().map(|s| (s.start, s.finish));
            key(ta).cmp(&key(tb)).then_with(|| ta.id.cmp(&tb.id))
        });
        rows
    }

    /// Task indices without dates and why, in id order.
    pub fn unplanned(&self) -> Vec<(usize, NotPlannedReason)> {
        let mut rows: Vec<(usize, NotPlannedReason)> = self
            .plan
            .tasks
            .iter()
            .enumerate()
            .filter_map(|(t, task)| match &task.schedule {
                crate::plan::Schedule::Planned(_) => None,
                crate::plan::Schedule::Unplanned(why) => Some((t, self.reason(*why))),
            })
            .collect();
        rows.sort_by(|a, b| self.plan.tasks[a.0].id.cmp(&self.plan.tasks[b.0].id));
        rows
    }

    fn reason(&self, why: Unplanned) -> NotPlannedReason {
        match why {
            Unplanned::Cancelled { .. } => NotPlannedReason::Cancelled,
            Unplanned::Cycle => NotPlannedReason::Cycle,
            Unplanned::OutOfRange => NotPlannedReason::OutOfRange,
            Unplanned::AfterUnplanned { dependency } => NotPlannedReason::After(
                self.plan
                    .tasks
                    .get(dependency)
                    .map(|t| t.id.clone())
                    .unwrap_or_default(),
            ),
        }
    }

    /// The display name of a department id (its id when unknown).
    pub fn department_name(&self, id: &str) -> String {
        self.project
            .org
            .departments
            .iter()
            .find(|d| d.id.as_str() == id)
            .and_then(|d| d.name.as_ref().map(|n| n.get().clone()))
            .unwrap_or_else(|| id.to_string())
    }

    /// `rows` grouped by lead department, in the order of org.toml (tasks
    /// without a known lead last), keeping the order of `rows` in a group.
    pub fn by_department(&self, rows: &[usize]) -> Vec<(String, Vec<usize>)> {
        let order = |lead: &str| {
            self.project
                .org
                .departments
                .iter()
                .position(|d| d.id.as_str() == lead)
                .unwrap_or(usize::MAX)
        };
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for &t in rows {
            let lead = self.plan.tasks[t].lead.clone().unwrap_or_default();
            match groups.iter_mut().find(|(l, _)| *l == lead) {
                Some((_, tasks)) => tasks.push(t),
                None => groups.push((lead, vec![t])),
            }
        }
        groups.sort_by(|(a, _), (b, _)| {
            (order(a), a.is_empty(), a).cmp(&(order(b), b.is_empty(), b))
        });
        groups
    }

    /// Now, as shown in headers.
    pub fn now(&self) -> String {
        self.clock.now.format("%Y-%m-%d %H:%M %:z").to_string()
    }
}
