//! D004 infeasible-schedule.

use super::{Context, at};
use crate::diag::Sink;
use crate::messages::{Msg, PlanOrigin};
use crate::model::RequestStatus;
use crate::plan::{Driver, Plan, Point, Slot};

declare_rule! {
    /// The plan cannot meet a due: a task, or the tasks of a request, are
    /// planned to finish after it.
    ///
    /// ## What it checks
    /// The plan (`baton plan`: the critical path method on the project's
    /// working calendar, from the project start, today and each task's
    /// dependencies and effort) gives every open task a planned finish. The
    /// rule fires when that finish is after the task's `due`, naming the
    /// chain of dependencies that pushes it there and where the chain
    /// starts; and on a request whose tasks' latest planned finish is after
    /// the request's `due`. Items already past their due are D001's, done
    /// and archived items are not checked, and tasks in a dependency cycle
    /// have no plan (D003).
    ///
    /// A due with a time of day (`due = 2026-06-05T14:00:00+08:00`) is met
    /// by work that ends by then on that day: an effort in hours ends that
    /// many working hours after the working day starts; an effort in days
    /// takes the whole day. A task without `effort` is planned to take the
    /// working days from its `start` to its `due`, so only a dependency
    /// that makes it start late can make it miss its due: being behind on
    /// `progress` alone is not reported here (W006 asks for the update, and
    /// baton does not guess the work a task never estimated).
    ///
    /// ## Why
    /// Seed 001 has the requester track progress and, as soon as a delay
    /// risk shows ("研发部因人力紧张可能延迟1天"), call the departments
    /// together to adjust the plan or add resources; seed 003 has the
    /// project tool's Gantt chart show delay risks ("开发测试任务滞后2天,
    /// 需协调资源"). A due the plan already misses is such a risk, found
    /// while there is still time to act, not when the due passes.
    ///
    /// ## Fires
    /// `start = 2026-10-12`, `effort = "10wd"`, `due = 2026-10-16`: ten
    /// working days from Monday 10-12 end on 10-23.
    ///
    /// ## Does not fire
    /// The same task with `due = 2026-10-23`; or a 3wd task after a task
    /// finishing Wednesday 2026-09-30 with `due = 2026-10-10` — National Day
    /// (10-01..07) pushes it to 10-08, 10-09 and the make-up Saturday 10-10.
    "D004", "infeasible-schedule", Error
}

/// Chains longer than this are shown shortened.
const SHOWN: usize = 8;

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let Some(plan) = cx.plan else { return };
    let clock = cx.clock;
    for (t, task) in cx.project.tasks.iter().enumerate() {
        if task.archived || task.status().is_done() {
            continue;
        }
        let (Some(due), Some(planned)) = (&task.due, plan.tasks.get(t)) else {
            continue;
        };
        let Some(slot) = planned.slot() else { continue };
        let deadline = clock.deadline(due);
        if clock.now > deadline || on_time(cx, task, slot, deadline) {
            continue;
        }
        out.emit(
            at(
                task,
                due,
                "due",
                Msg::InfeasibleSchedule {
                    due: cx.show(deadline),
                    finish: slot.finish.to_string(),
                    late_wd: late(cx, slot, deadline),
                    chain: plan.chain_ids(t, SHOWN),
                    origin: origin(plan, t),
                    work_wd: planned.remaining_wd,
                },
            )
            .hint(Msg::InfeasibleHint),
        );
    }
    for (r, request) in cx.project.requests.iter().enumerate() {
        if request.archived
            || request.status() == RequestStatus::Draft
            || request.status().is_done()
        {
            continue;
        }
        let (Some(due), Some(last)) = (&request.due, plan.requests.get(r).and_then(|p| p.last))
        else {
            continue;
        };
        let Some(slot) = plan.tasks[last].slot() else {
            continue;
        };
        let deadline = clock.deadline(due);
        let met = match cx.project.tasks.get(last) {
            Some(task) => on_time(cx, task, slot, deadline),
            None => instant(cx, slot) <= deadline,
        };
        if clock.now > deadline || met {
            continue;
        }
        out.emit(
            at(
                request,
                due,
                "due",
                Msg::InfeasibleRequest {
                    due: cx.show(deadline),
                    finish: slot.finish.to_string(),
                    late_wd: late(cx, slot, deadline),
                    task: plan.tasks[last].id.clone(),
                    chain: plan.chain_ids(last, SHOWN),
                    origin: origin(plan, last),
                },
            )
            .hint(Msg::InfeasibleHint),
        );
    }
}

/// Whether `task`, planned as `slot`, meets `deadline`.
fn on_time(
    cx: &Context<'_>,
    task: &crate::model::Task,
    slot: &Slot,
    deadline: chrono::DateTime<chrono_tz::Tz>,
) -> bool {
    use crate::time::Duration;
    if instant(cx, slot) <= deadline {
        return true;
    }
    let estimated = task.effort.as_ref().map(|e| *e.get());
    // Without an estimate the work is the window from start to due: only
    // a dependency can push it past the due.
    if estimated.is_none() && !matches!(slot.driver, Driver::Dependency(_)) {
        return true;
    }
    let due_day = cx.clock.local_date(deadline);
    if slot.finish != due_day || !slot.end.end {
        return false;
    }
    // The plan counts whole working days; on the due day itself the work
    // may end before the working day does.
    let day_minutes = (cx.clock.workday.end - cx.clock.workday.start)
        .num_minutes()
        .max(1);
    let last_day_minutes = match estimated {
        None => return true,
        Some(Duration::Hours(hours)) => {
            let rest = (i64::from(hours) * 60) % day_minutes;
            if rest == 0 { day_minutes } else { rest }
        }
        Some(_) => day_minutes,
    };
    let ends =
        cx.clock.at(due_day, cx.clock.workday.start) + chrono::Duration::minutes(last_day_minutes);
    ends <= deadline
}

/// When a planned slot ends: the end of its finish day (a milestone fixed
/// by a date: the start of that day).
fn instant(cx: &Context<'_>, slot: &Slot) -> chrono::DateTime<chrono_tz::Tz> {
    let Point { date, end } = slot.end;
    if end {
        cx.clock.end_of_day(date)
    } else {
        cx.clock.at(date, cx.clock.workday.start)
    }
}

/// Working days from the due's date to the planned finish.
fn late(cx: &Context<'_>, slot: &Slot, deadline: chrono::DateTime<chrono_tz::Tz>) -> i64 {
    let due = cx.clock.local_date(deadline);
    match (
        crate::plan::next_day(due),
        crate::plan::next_day(slot.finish),
    ) {
        (Some(a), Some(b)) => cx.clock.calendar.working_days_between(a, b),
        _ => 0,
    }
}

/// Where the chain ending at `task` starts from.
fn origin(plan: &Plan, task: usize) -> PlanOrigin {
    let first = plan.chains.first(task).and_then(|t| plan.tasks[t].slot());
    match first.map(|s| (s.driver, s.finish)) {
        Some((Driver::FixedStart(d), _)) => PlanOrigin::FixedStart(d.to_string()),
        Some((Driver::Today(d), _)) => PlanOrigin::Today(d.to_string()),
        Some((Driver::Recorded, finish)) => PlanOrigin::Delivered(finish.to_string()),
        Some((Driver::ProjectStart(d), _)) => PlanOrigin::ProjectStart(d.to_string()),
        Some((Driver::Dependency(_), _)) | None => PlanOrigin::ProjectStart(plan.start.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    /// Before every date below: nothing is overdue, and today does not hold
    /// any task back.
    const NOW: &str = "2026-09-01T10:00:00+08:00";

    fn task(extra: &str) -> String {
        format!("title = \"t\"\nowner = \"li.gong\"\n{extra}")
    }

    #[test]
    fn fires_when_the_effort_runs_past_the_due() {
        let t = task("start = 2026-10-12\neffort = \"10wd\"\ndue = 2026-10-16\n");
        let found = run_rule(&RULE, &[("tasks/T-1.toml", &t)], NOW);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "cannot finish by its due 2026-10-16 18:00: planned finish 2026-10-23, 5 working days late; 10 working days of work from its fixed start 2026-10-12"
        );
        assert_eq!((found[0].line, found[0].field.as_str()), (5, "due"));
    }

    #[test]
    fn fires_naming_the_chain_across_national_day() {
        // T-1 finishes Wednesday 09-30; National Day 10-01..07; T-2 (3wd)
        // runs 10-08, 10-09, 10-10 (make-up Saturday); T-3 (1wd) 10-12 > due 10-09.
        let t1 = task("start = 2026-09-28\neffort = \"3wd\"\n");
        let t2 = task("depends_on = [\"T-1\"]\neffort = \"3wd\"\n");
        let t3 = task("depends_on = [\"T-2\"]\neffort = \"1wd\"\ndue = 2026-10-09\n");
        let found = run_rule(
            &RULE,
            &[
                ("tasks/T-1.toml", &t1),
                ("tasks/T-2.toml", &t2),
                ("tasks/T-3.toml", &t3),
            ],
            NOW,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].item.as_deref(), Some("T-3"));
        assert_eq!(
            found[0].message,
            "cannot finish by its due 2026-10-09 18:00: planned finish 2026-10-12, 2 working days late; the chain T-1 → T-2 → T-3 starts from its fixed start 2026-09-28"
        );
    }

    #[test]
    fn fires_on_a_request_whose_tasks_finish_after_its_due() {
        let request = "title = \"r\"\nfrom = { department = \"mkt\" }\nsubmitted_at = 2026-08-31T10:00:00+08:00\ndue = 2026-09-30\n";
        let t1 = task("request = \"REQ-1\"\nstart = 2026-09-28\neffort = \"4wd\"\n");
        let found = run_rule(
            &RULE,
            &[("requests/REQ-1.toml", request), ("tasks/T-1.toml", &t1)],
            NOW,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].item.as_deref(), Some("REQ-1"));
        // 09-28, 09-29, 09-30, then National Day: the 4th working day is 10-08.
        assert!(
            found[0].message.starts_with(
                "the tasks of this request cannot finish by its due 2026-09-30 18:00: `T-1` is planned to finish 2026-10-08, 1 working day late"
            ),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn fires_when_the_due_is_before_the_project_start() {
        let baton = format!("{}start = 2026-10-12\n", crate::testing::BATON);
        let t = task("effort = \"1wd\"\ndue = 2026-10-09\n");
        let found = run_rule(
            &RULE,
            &[("baton.toml", &baton), ("tasks/T-1.toml", &t)],
            NOW,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        // Friday 10-09 to Monday 10-12 is two working days: 10-10 is a make-up Saturday.
        assert!(
            found[0].message.ends_with(
                "planned finish 2026-10-12, 2 working days late; 1 working day of work from the project start 2026-10-12"
            ),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn does_not_fire_when_the_make_up_saturday_saves_the_due() {
        // Without the make-up Saturday 10-10, T-2 would finish 10-12.
        let t1 = task("start = 2026-09-28\neffort = \"3wd\"\n");
        let t2 = task("depends_on = [\"T-1\"]\neffort = \"3wd\"\ndue = 2026-10-10\n");
        let found = run_rule(
            &RULE,
            &[("tasks/T-1.toml", &t1), ("tasks/T-2.toml", &t2)],
            NOW,
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn does_not_fire_when_mid_autumn_is_counted_right() {
        // Thursday 09-24 + 2wd: 09-24, then 09-25..27 are Mid-Autumn holidays
        // but 09-27 is not a make-up day in 2026: the 2nd day is 09-28.
        let t = task("start = 2026-09-24\neffort = \"2wd\"\ndue = 2026-09-28\n");
        assert!(run_rule(&RULE, &[("tasks/T-1.toml", &t)], NOW).is_empty());
        // And a 3wd task from Friday 09-18 runs 09-18, Sunday 09-20 (make-up), 09-21.
        let t = task("start = 2026-09-18\neffort = \"3wd\"\ndue = 2026-09-21\n");
        assert!(run_rule(&RULE, &[("tasks/T-1.toml", &t)], NOW).is_empty());
    }

    #[test]
    fn does_not_fire_on_deadlines_with_a_time_of_day_that_the_work_meets() {
        // Three working days from its start, due at 14:00 on the third.
        let t = task("start = 2026-10-12\ndue = 2026-10-14T14:00:00+08:00\n");
        assert!(run_rule(&RULE, &[("tasks/T-1.toml", &t)], NOW).is_empty());
        // Four hours from 09:00 end at 13:00, before a noon+1 due.
        let t = task("start = 2026-10-12\neffort = \"4h\"\ndue = 2026-10-12T13:00:00+08:00\n");
        assert!(run_rule(&RULE, &[("tasks/T-1.toml", &t)], NOW).is_empty());
        // In progress, behind the straight line, without an estimate.
        let t =
            task("start = 2026-08-20\ndue = 2026-09-04\nstatus = \"in_progress\"\nprogress = 10\n");
        assert!(run_rule(&RULE, &[("tasks/T-1.toml", &t)], NOW).is_empty());
    }

    #[test]
    fn fires_when_the_work_ends_after_the_time_of_day() {
        // Four hours from 09:00 end at 13:00, after a noon due.
        let t = task("start = 2026-10-12\neffort = \"4h\"\ndue = 2026-10-12T12:00:00+08:00\n");
        assert_eq!(run_rule(&RULE, &[("tasks/T-1.toml", &t)], NOW).len(), 1);
        // A whole working day of work cannot end by 14:00.
        let t = task("start = 2026-10-12\neffort = \"1wd\"\ndue = 2026-10-12T14:00:00+08:00\n");
        assert_eq!(run_rule(&RULE, &[("tasks/T-1.toml", &t)], NOW).len(), 1);
        // Without an estimate, a dependency that starts it late.
        let t1 = task("start = 2026-10-12\neffort = \"3wd\"\n");
        let t2 =
            task("start = 2026-10-13\ndue = 2026-10-14T14:00:00+08:00\ndepends_on = [\"T-1\"]\n");
        let found = run_rule(
            &RULE,
            &[("tasks/T-1.toml", &t1), ("tasks/T-2.toml", &t2)],
            NOW,
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].item.as_deref(), Some("T-2"));
    }

    #[test]
    fn does_not_fire_on_overdue_done_or_cyclic_tasks() {
        let late = "2026-10-20T10:00:00+08:00";
        // Past its due: D001 reports it.
        let t = task("start = 2026-10-12\neffort = \"10wd\"\ndue = 2026-10-16\n");
        assert!(run_rule(&RULE, &[("tasks/T-1.toml", &t)], late).is_empty());
        // Done.
        let t = task(
            "start = 2026-10-12\neffort = \"10wd\"\ndue = 2026-10-16\nstatus = \"delivered\"\ndelivered_at = 2026-10-16T10:00:00+08:00\n",
        );
        assert!(run_rule(&RULE, &[("tasks/T-1.toml", &t)], NOW).is_empty());
        // A cycle has no plan.
        let a = task("depends_on = [\"T-2\"]\neffort = \"10wd\"\ndue = 2026-09-02\n");
        let b = task("depends_on = [\"T-1\"]\n");
        assert!(
            run_rule(
                &RULE,
                &[("tasks/T-1.toml", &a), ("tasks/T-2.toml", &b)],
                NOW
            )
            .is_empty()
        );
    }
}
