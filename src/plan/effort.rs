//! How much work a task is, in working days, and how much is left.

use crate::model::Task;
use crate::time::{Clock, Duration};

/// Effort of a task without `effort` and without both `start` and `due`.
pub const DEFAULT_EFFORT_WD: u32 = 1;

/// The effort of `task` in working days; 0 for a milestone.
pub fn effort(task: &Task, clock: &Clock) -> u32 {
    if task.milestone {
        return 0;
    }
    if let Some(effort) = &task.effort {
        return match *effort.get() {
            Duration::WorkingDays(n) | Duration::Days(n) => n,
            Duration::Hours(n) => hours_to_days(n, workday_minutes(clock)),
        };
    }
    if let (Some(start), Some(due)) = (&task.start, &task.due) {
        let due = clock.local_date(clock.deadline(due));
        let start = start.get().0;
        if due >= start {
            let days = match super::next_day(due) {
                Some(after) => clock.calendar.working_days_between(start, after),
                None => clock.calendar.working_days_between(start, due),
            };
            if let Ok(days) = u32::try_from(days)
                && days > 0
            {
                return days;
            }
        }
    }
    DEFAULT_EFFORT_WD
}

/// What is left of `effort` at `progress` percent: rounded up, and at
/// least one working day while the task is not done.
pub fn remaining(effort: u32, progress: u8) -> u32 {
    if effort == 0 {
        return 0;
    }
    let left = u64::from(100 - progress.min(100));
    let days = (u64::from(effort) * left).div_ceil(100);
    u32::try_from(days).unwrap_or(effort).max(1)
}

/// Minutes of a working day (8 hours when the configured day is empty).
fn workday_minutes(clock: &Clock) -> u32 {
    let minutes = (clock.workday.end - clock.workday.start).num_minutes();
    u32::try_from(minutes)
        .ok()
        .filter(|m| *m > 0)
        .unwrap_or(8 * 60)
}

/// `hours` of work as whole working days of `minutes` each, rounded up.
fn hours_to_days(hours: u32, minutes: u32) -> u32 {
    let days = (u64::from(hours) * 60).div_ceil(u64::from(minutes.max(1)));
    u32::try_from(days).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remaining_rounds_up_and_keeps_a_day_while_open() {
        assert_eq!(remaining(10, 0), 10);
        assert_eq!(remaining(10, 35), 7);
        assert_eq!(remaining(3, 85), 1);
        assert_eq!(remaining(3, 100), 1);
        assert_eq!(remaining(0, 0), 0);
        assert_eq!(remaining(u32::MAX, 1), u32::MAX - u32::MAX / 100);
    }

    #[test]
    fn hours_become_whole_working_days() {
        assert_eq!(hours_to_days(4, 540), 1);
        assert_eq!(hours_to_days(9, 540), 1);
        assert_eq!(hours_to_days(10, 540), 2);
        assert_eq!(hours_to_days(0, 540), 0);
    }
}
