//! The outlook: the project's planned finish, its critical path, and the
//! planned finish of every open request against its due.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::{ItemLine, Scope, maybe_date, open_request};
use crate::calendar::Calendar;
use crate::rules::Context;

/// Critical path and open requests.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Outlook {
    /// Whether a plan could be made.
    pub planned: bool,
    /// The project's planned finish.
    #[serde(serialize_with = "maybe_date")]
    pub finish: Option<NaiveDate>,
    /// The critical path, first task first.
    pub critical_path: Vec<ItemLine>,
    /// Open requests.
    pub requests: Vec<RequestOutlook>,
}

/// An open request's plan.
#[derive(Debug, Clone, Serialize)]
pub struct RequestOutlook {
    /// The request.
    #[serde(flatten)]
    pub item: ItemLine,
    /// Its status as written.
    pub status: String,
    /// Its due date.
    #[serde(serialize_with = "maybe_date")]
    pub due: Option<NaiveDate>,
    /// The planned finish of its last task.
    #[serde(serialize_with = "maybe_date")]
    pub finish: Option<NaiveDate>,
    /// Working days between planned finish and due (negative: late).
    pub slack_wd: Option<i64>,
    /// The task that finishes last.
    pub last_task: Option<String>,
}

impl Outlook {
    /// The outlook of the project `cx` sees; requests within `scope`.
    pub fn compute(cx: &Context<'_>, scope: &Scope) -> Outlook {
        let Some(plan) = cx.plan else {
            return Outlook::default();
        };
        let project = cx.project;
        let org = &project.org;
        let critical_path = plan
            .critical_path
            .iter()
            .filter_map(|&t| project.tasks.get(t))
            .map(|task| ItemLine::task(org, &task.id, task))
            .collect();
        let requests = project
            .requests
            .iter()
            .zip(&plan.requests)
            .filter(|(request, _)| open_request(request) && scope.request(request))
            .map(|(request, planned)| RequestOutlook {
                item: ItemLine::request(&cx.project.org, &request.id, request),
                status: request.status().as_str().to_string(),
                due: planned.due,
                finish: planned.finish,
                slack_wd: match (planned.finish, planned.due) {
                    (Some(finish), Some(due)) => Some(slack(&cx.clock.calendar, finish, due)),
                    _ => None,
                },
                last_task: planned
                    .last
                    .and_then(|t| plan.tasks.get(t))
                    .map(|t| t.id.clone()),
            })
            .collect();
        Outlook {
            planned: true,
            finish: plan.finish,
            critical_path,
            requests,
        }
    }
}

/// Working days from a planned finish to a due: the working days after
/// `finish` up to and including `due`, negative when `finish` is later.
pub fn slack(calendar: &Calendar, finish: NaiveDate, due: NaiveDate) -> i64 {
    let after = |d: NaiveDate| d.checked_add_days(Days::new(1)).unwrap_or(d);
    if finish <= due {
        calendar.working_days_between(after(finish), after(due))
    } else {
        -calendar.working_days_between(after(due), after(finish))
    }
}
