//! English texts. Convention (checked by a test): messages start in lower
//! case and end without a period, like rustc's and clippy's.

use super::{
    ArchivedAction, Duty, GoalOutcome, Late, ListedHint, Msg, NotPlannedReason, PlanOrigin,
    RefKind, SlaKind, code_list, tenths,
};
use crate::time::Duration;

fn plural(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub(super) fn duration(d: &Duration) -> String {
    match *d {
        Duration::Hours(n) => plural(i64::from(n), "hour", "hours"),
        Duration::Days(n) => plural(i64::from(n), "calendar day", "calendar days"),
        Duration::WorkingDays(n) => plural(i64::from(n), "working day", "working days"),
    }
}

pub(super) fn late(l: &Late) -> String {
    if l.working_days > 0 {
        plural(l.working_days, "working day", "working days")
    } else if l.hours > 0 {
        plural(l.hours, "hour", "hours")
    } else {
        "less than an hour".to_string()
    }
}

fn kind(k: RefKind) -> &'static str {
    match k {
        RefKind::Person => "person",
        RefKind::Department => "department",
        RefKind::Task => "task",
        RefKind::Request => "request",
        RefKind::Calendar => "calendar",
        RefKind::Item => "item",
    }
}

fn late_days(n: i64) -> String {
    if n > 0 {
        format!("{} late", plural(n, "working day", "working days"))
    } else {
        "late on the due day".into()
    }
}

fn origin(o: &PlanOrigin) -> String {
    match o {
        PlanOrigin::FixedStart(d) => format!("its fixed start {d}"),
        PlanOrigin::ProjectStart(d) => format!("the project start {d}"),
        PlanOrigin::Today(d) => format!("today, {d}"),
        PlanOrigin::Delivered(d) => format!("work delivered {d}"),
    }
}

/// A field's value for messages: `unset` when absent.
fn value(v: &Option<String>) -> String {
    match v {
        Some(v) if !v.contains('\n') => format!("`{v}`"),
        Some(_) => "a new entry".into(),
        None => "unset".into(),
    }
}

/// `a`, `b` and `c` (the whole item when the list has only an empty path).
fn field_list(fields: &[String]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.is_empty() {
                "the item".to_string()
            } else {
                format!("`{f}`")
            }
        })
        .collect();
    match quoted.as_slice() {
        [] => "the item".into(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

pub(super) fn people(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|p| format!("`{p}`")).collect();
    match quoted.as_slice() {
        [] => "nobody".into(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// Why a day is off: a weekend, or a holiday (named or not).
fn day_off(msg: &Msg) -> String {
    match msg {
        Msg::DayOff { name: Some(name) } => holiday_name(name),
        Msg::DayOff { name: None } => "holiday".into(),
        _ => "weekend".into(),
    }
}

/// The English name of an official holiday of the built-in `cn` calendar;
/// other names (a company's own) as written.
fn holiday_name(name: &str) -> String {
    let known: &[(&str, &str)] = &[
        ("元旦", "New Year's Day"),
        ("春节", "Spring Festival"),
        ("清明节", "Qingming Festival"),
        ("清明", "Qingming Festival"),
        ("劳动节", "Labour Day"),
        ("端午节", "Dragon Boat Festival"),
        ("端午", "Dragon Boat Festival"),
        ("中秋节", "Mid-Autumn Festival"),
        ("中秋", "Mid-Autumn Festival"),
        ("国庆节", "National Day"),
        ("国庆", "National Day"),
        ("中秋节、国庆节", "Mid-Autumn Festival and National Day"),
        ("国庆节、中秋节", "National Day and Mid-Autumn Festival"),
        (
            "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
            "the 70th anniversary of victory in the War of Resistance",
        ),
    ];
    known
        .iter()
        .find(|(zh, _)| *zh == name)
        .map_or_else(|| name.to_string(), |(_, en)| (*en).to_string())
}

fn path_or_none(path: &[String]) -> String {
    if path.is_empty() {
        "none".into()
    } else {
        path.join(" → ")
    }
}

pub(super) fn render(msg: &Msg) -> String {
    match msg {
        Msg::TomlSyntax { detail } => format!("invalid TOML: {detail}"),
        Msg::InvalidUtf8 => "file is not valid UTF-8".into(),
        Msg::FileTooLarge { bytes, limit } => {
            format!("file is {bytes} bytes, over the {limit}-byte limit; it was not read")
        }
        Msg::SymlinkNotFollowed { target } => {
            format!("symbolic link to `{target}` is not followed; items must be regular files")
        }
        Msg::Unreadable { error } => format!("file could not be read: {error}"),
        Msg::UnknownField { field } => format!("unknown field `{field}`"),
        Msg::MissingField { field } => format!("missing required field `{field}`"),
        Msg::WrongType {
            field,
            found,
            expected,
        } => {
            format!("`{field}` has the wrong type: expected {expected}, found {found}")
        }
        Msg::BadEnumValue {
            field,
            value,
            expected,
        } => format!(
            "`{value}` is not a valid value for `{field}`; expected {}",
            code_list(expected, "or")
        ),
        Msg::InvalidValue { field, detail } => format!("invalid `{field}`: {detail}"),
        Msg::InvalidFileName { name } => format!(
            "`{name}` is not a valid item id: ids use ASCII letters, digits, `.`, `_` and `-`, and start with a letter or digit"
        ),
        Msg::DuplicateId { id, first } => format!("id `{id}` is already used by `{first}`"),
        Msg::DuplicateOrgId { kind: k, id } => format!("{} `{id}` is defined twice", kind(*k)),
        Msg::OrgMissing => "org.toml is missing: people and departments cannot be checked".into(),
        Msg::SectionRequired { status, section } => {
            format!("status is `{status}` but the `[{section}]` section is missing")
        }
        Msg::DidYouMean { candidate } => format!("did you mean `{candidate}`?"),
        Msg::ExpectedOneOf { candidates } => {
            format!("expected one of {}", code_list(candidates, "or"))
        }
        Msg::FirstDefinedHere => "first defined here".into(),
        Msg::UseArray { example } => format!("write a list, as in {example}"),
        Msg::UnknownReference { kind: k, id } => format!("unknown {} `{id}`", kind(*k)),
        Msg::ResponseFromUnaskedDepartment { department } => format!(
            "response from `{department}`, which is not an assisting department of this request"
        ),
        Msg::DateBeforeStart {
            field,
            date,
            start_field,
            start,
        } => {
            format!("`{field}` {date} is before `{start_field}` {start}")
        }
        Msg::CalendarOutOfRange {
            year,
            calendar,
            first,
            last,
        } => format!(
            "calendar `{calendar}` has no holiday data for {year} (it covers {first}–{last}); only weekends are treated as days off"
        ),
        Msg::OwnerMissing => "task has no owner".into(),
        Msg::OwnerNotSingle { owners } => format!(
            "task has {} owners ({}); a task has exactly one owner",
            owners.len(),
            code_list(owners, "and")
        ),
        Msg::OwnerHint => {
            "name one person as `owner`; others can be supporting departments or separate tasks"
                .into()
        }
        Msg::LeadMissing { support } => format!(
            "task has supporting departments ({}) but no lead department",
            code_list(support, "and")
        ),
        Msg::LeadHint => "set `lead` to the department that drives the task (主责部门)".into(),
        Msg::ActionIncomplete { title, missing } => {
            format!(
                "action item \"{title}\" has no {}",
                missing.join(" and no ")
            )
        }
        Msg::UnauthorizedChange { fields, who, allowed, commit } => {
            let it = if fields.len() == 1 { "it" } else { "them" };
            let quoted: Vec<String> = allowed.iter().map(|p| format!("`{p}`")).collect();
            let only = if allowed.is_empty() {
                "only an admin may".to_string()
            } else {
                format!("only {} or an admin may", quoted.join(", "))
            };
            format!(
                "{} changed by `{who}` in {commit}, who may not change {it}; {only}",
                field_list(fields)
            )
        }
        Msg::ViewerChange { fields, who, commit } => format!(
            "{} changed by `{who}` in {commit}, who is a viewer and may change nothing",
            field_list(fields)
        ),
        Msg::PolicyChange { file, who, commit } => {
            format!("`{file}` changed by `{who}` in {commit}; only an admin may change baton's policy files")
        }
        Msg::UnknownAuthor { author, commit } => {
            format!("changed by {author} in {commit}, who is not a person of org.toml")
        }
        Msg::UnknownAuthorHint => "add the author's email to `emails` (or GitHub login to `github`) of their person in org.toml".into(),
        Msg::UnapprovedChange { item, field, from, to, who, commit, allowed, by_change } => {
            let change = if field.is_empty() {
                format!("`{item}` deleted")
            } else {
                format!("`{field}` changed from {} to {}", value(from), value(to))
            };
            let others = match (allowed.is_empty(), by_change) {
                (true, true) => "only an approved change request or an admin may".to_string(),
                (true, false) => "only an admin may".to_string(),
                (false, true) => format!(
                    "only {} may, or an approved change request listing this change",
                    people(allowed)
                ),
                (false, false) => format!(
                    "only {} or an admin may",
                    allowed.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", ")
                ),
            };
            format!("{change} by `{who}` in {commit}; {others}")
        }
        Msg::ChangeRequestHint { item, field, from, to } => format!(
            "to change an agreed {field}, file a change request (changes/CR-….toml) with [[change]] item = \"{item}\", field = \"{field}\", from = {}, to = {}, and have both sides approve it",
            from.as_deref().unwrap_or("(unset)"),
            to.as_deref().unwrap_or("(unset)")
        ),
        Msg::ChangeRequestNotAuthorising { id, problem } => match problem {
            ListedHint::From { listed, actual } => format!(
                "change request {id} lists this change from {}, but the value was {}: a change request authorises exactly the change it lists",
                value(listed),
                value(actual)
            ),
            ListedHint::To { listed, actual } => format!(
                "change request {id} lists the new value {}, not {}",
                value(listed),
                value(actual)
            ),
            ListedHint::Pending { waiting } => {
                format!("change request {id} lists this change but is not approved yet: waiting for {}", people(waiting))
            }
            ListedHint::Rejected { by } => format!("change request {id} lists this change but was rejected by `{by}`"),
        },
        Msg::ChangeListFrozen { who, commit } => format!(
            "the changes a change request lists were edited by `{who}` in {commit} after a decision on them; file a new change request instead"
        ),
        Msg::ChangeUndecided { requested_at, deadline, sla, waiting } => format!(
            "requested {requested_at} and still undecided; a decision was due within {}, by {deadline}; waiting for {}",
            duration(sla),
            people(waiting)
        ),
        Msg::ChangeUndecidedHint => "the people waited for add an [[approval]] with decision = \"approve\" or \"reject\" (with comments)".into(),
        Msg::ChangeFieldUnknown { item, field } => {
            format!("`{item}` has no field `{field}` a change request could change")
        }
        Msg::ReportJudgedConflict { paths } => format!(
            "the pull request conflicts with the target branch in {}: judged as the merge base against its head",
            paths.join(", ")
        ),
        Msg::ReportJudgedUnrelated => "the pull request shares no history with the target branch (a shallow clone?): judged as the target against its head".into(),
        Msg::ReportApprovedChange { field, from, to, by, .. } => format!(
            "`{field}` {} → {}, approved by {by}",
            from.as_deref().unwrap_or("(unset)"),
            to.as_deref().unwrap_or("(unset)")
        ),
        Msg::MeetingOnNonWorkingDay { date, reason } => format!(
            "the meeting is on {date}, which is not a working day ({})",
            day_off(reason)
        ),
        Msg::MinutesDueOnNonWorkingDay { due, sla, reason } => format!(
            "its minutes fall due {due} ({} after the end), which is not a working day ({})",
            duration(sla),
            day_off(reason)
        ),
        Msg::MinutesDueHint => "move the meeting, or count `sla.minutes` in working days (\"1wd\")".into(),
        Msg::DependencyNotFinished { item, status, unfinished } => {
            let shown: Vec<String> = unfinished
                .iter()
                .map(|(id, s)| format!("`{id}` ({})", s.replace('_', " ")))
                .collect();
            format!(
                "`{item}` is {} but what it depends on is not finished: {}",
                status.replace('_', " "),
                shown.join(", ")
            )
        }
        Msg::NotStarted { start, origin: from, deadline, sla } => format!(
            "still to do: it was to start {start} ({}) and has not started; work was due to begin within {}, by {deadline}",
            origin(from),
            duration(sla)
        ),
        Msg::NotStartedHint => "start it (status = \"in_progress\" with an [[update]]), or agree on a later start".into(),
        Msg::Waiver(w) => w.en(),
        Msg::Edit(e) => e.en(),
        Msg::Notify(n) => n.en(),
        Msg::Seed(s) => s.en(),
        Msg::Baseline(b) => b.en(),
        Msg::TextPrHeader { base, head, base_commit, head_commit } => {
            format!("baton: pull request {base}..{head} ({base_commit} → {head_commit})")
        }
        Msg::TextChanged { changes } => {
            if changes.is_empty() {
                return "changed: no baton files".into();
            }
            let shown: Vec<String> = changes
                .iter()
                .map(|(what, how, policy)| {
                    let how = match how.strip_prefix("renamed:") {
                        Some(from) => format!("renamed from {from}"),
                        None => how.clone(),
                    };
                    if *policy {
                        format!("{what} ({how}; policy, takes effect once merged)")
                    } else {
                        format!("{what} ({how})")
                    }
                })
                .collect();
            format!("changed: {}", shown.join(", "))
        }
        Msg::TextGroup { change, count } => format!("{change}: {count}"),
        Msg::TextPrSummary { new, new_errors, fixed, existing, items, now } => format!(
            "baton: {} ({}), {fixed} fixed, {existing} existing in {items} items (now {now})",
            plural(*new as i64, "new finding", "new findings"),
            plural(*new_errors as i64, "error", "errors")
        ),
        Msg::TextSummary { errors, warnings, infos, waived, items, now } => {
            if errors + warnings + infos == 0 {
                format!("baton: no findings in {items} items (now {now})")
            } else {
                let waived = match waived {
                    0 => String::new(),
                    n => format!(" ({n} waived)"),
                };
                format!(
                    "baton: {}, {}, {}{waived} in {items} items (now {now})",
                    plural(*errors as i64, "error", "errors"),
                    plural(*warnings as i64, "warning", "warnings"),
                    plural(*infos as i64, "info", "infos")
                )
            }
        }
        Msg::GanttTip { effort_wd, remaining_wd, slack_wd } => format!(
            "{} of work, {} left, slack {slack_wd}",
            plural(i64::from(*effort_wd), "working day", "working days"),
            plural(i64::from(*remaining_wd), "working day", "working days")
        ),
        Msg::SeverityName { severity } => severity.clone(),
        Msg::ConfigInvalid { files } => format!(
            "{} {} invalid; nothing was checked",
            files.join(", "),
            if files.len() == 1 { "is" } else { "are" }
        ),
        Msg::NotRead { why } => match why {
            crate::source::Stray::Extension => "this file is not read: baton reads only files ending in `.toml` (lower case) in its folders".into(),
            crate::source::Stray::AtRoot => "this item file is not read: items go in `tasks/`, `requests/`, `meetings/` or `changes/`, not at the root".into(),
            crate::source::Stray::Folder { meant } => format!("this file is not read: its folder is not one of baton's; did you mean `{meant}/`?"),
        },
        Msg::KeyInsideTable { key, table } => format!(
            "`{key}` is inside the `[{table}]` table: every key below a `[table]` line belongs to that table"
        ),
        Msg::MoveKeyUp { key, table } => format!(
            "move `{key}` above the first `[table]` line (before `[{table}]`), where the item's own fields are"
        ),
        Msg::DidYouMeanPerson { id, name } => {
            format!("did you mean `{id}` ({name})? people are named by their id")
        }
        Msg::NonAsciiKey { key } => format!(
            "`{key}` is not one of baton's field names: fields are written in English (`owner`, `due`, …)"
        ),
        Msg::FullWidth { found, ascii } => format!(
            "full-width character `{found}` where TOML needs `{ascii}` (switch the input method to half-width)"
        ),
        Msg::NotADate { found, date } => format!(
            "`{found}` is not a date: TOML writes dates as {date}"
        ),
        Msg::QuoteValue { value } => format!("text goes in quotes: \"{value}\""),
        Msg::UnreadableItems { files } => format!(
            "{} could not be read and {} left out, so this is incomplete (`baton check` says why): {}",
            plural(files.len() as i64, "item file", "item files"),
            if files.len() == 1 { "is" } else { "are" },
            files.join("; ")
        ),
        Msg::AuditChangesHeading { count } => format!(
            "change requests waiting for a decision: {count}"
        ),
        Msg::AuditChangeColumns => "change\ttitle\trequested by\tchanges\twaiting for\tdecide by".into(),
        Msg::ReportUnattributed { changes } => format!(
            "who made these changes is not known (the shallow clone ends inside the pull request; use fetch-depth: 0): {}",
            changes.join(", ")
        ),
        Msg::ArchivedModified { id, action } => format!(
            "`{id}` was archived at the base and is read-only, but this change {} it",
            match action {
                ArchivedAction::Modified => "modifies",
                ArchivedAction::Renamed => "moves",
                ArchivedAction::Deleted => "deletes",
            }
        ),
        Msg::ArchivedHint => "leave archived items as they are; record follow-up work in a new item".into(),
        Msg::Backdated { field, stated, recorded } => format!(
            "`{field}` says {stated}, more than a day before the commit that first recorded it ({recorded})"
        ),
        Msg::Overdue { due, late: l } => format!("overdue: due {due}, {} ago", late(l)),
        Msg::DueSoon {
            due,
            working_days_left,
        } => match working_days_left {
            0 => format!("due today at {due}"),
            n => format!(
                "due {due}, in {}",
                plural(*n, "working day", "working days")
            ),
        },
        Msg::DependencyCycle { path, len } => format!(
            "dependency cycle through {}: {}",
            plural(*len as i64, "task", "tasks"),
            path.join(" → ")
        ),
        Msg::CycleHint => {
            "remove one `depends_on` entry of the cycle; no task of it can ever start".into()
        }
        Msg::InfeasibleSchedule {
            due,
            finish,
            late_wd,
            chain,
            origin: o,
            work_wd,
        } => {
            let why = if chain.len() > 1 {
                format!("the chain {} starts from {}", chain.join(" → "), origin(o))
            } else {
                format!(
                    "{} of work from {}",
                    plural(i64::from(*work_wd), "working day", "working days"),
                    origin(o)
                )
            };
            format!(
                "cannot finish by its due {due}: planned finish {finish}, {}; {why}",
                late_days(*late_wd)
            )
        }
        Msg::InfeasibleRequest {
            due,
            finish,
            late_wd,
            task,
            chain,
            origin: o,
        } => format!(
            "the tasks of this request cannot finish by its due {due}: `{task}` is planned to finish {finish}, {}; the chain {} starts from {}",
            late_days(*late_wd),
            chain.join(" → "),
            origin(o)
        ),
        Msg::InfeasibleHint => {
            "start the chain earlier, cut its effort, or agree on a later due".into()
        }
        Msg::NotPlanned { id, reason } => {
            let reason = match reason {
                NotPlannedReason::Cancelled => "it is cancelled".to_string(),
                NotPlannedReason::Cycle => "it is in or after a dependency cycle (D003)".into(),
                NotPlannedReason::OutOfRange => {
                    "its effort runs past the last date the calendar can express".into()
                }
                NotPlannedReason::After(d) => {
                    format!("it depends on `{d}`, which cannot be planned")
                }
            };
            format!("`{id}` is not planned: {reason}")
        }
        Msg::PlanSummary {
            finish,
            planned,
            now,
        } => match finish {
            Some(finish) => format!(
                "planned finish {finish}, {} planned (now {now})",
                plural(*planned as i64, "task", "tasks")
            ),
            None => format!("nothing to plan (now {now})"),
        },
        Msg::PlanCriticalPath { path } => {
            if path.is_empty() {
                "critical path: none".into()
            } else {
                format!("critical path: {}", path.join(" → "))
            }
        }
        Msg::PlanColumns => "task\ttitle\tlead\tstart\tfinish\teffort\tleft\tslack\tdue".into(),
        Msg::GanttLegend => {
            "critical path\tdone\tin progress\tnot started\tmilestone\tdue\ttoday\tday off\tmake-up working day".into()
        }
        Msg::PlanFinishMoved {
            item,
            from,
            to,
            working_days,
            chain,
        } => {
            let subject = match item {
                Some(item) => format!("{item}'s"),
                None => "the project's".into(),
            };
            let by = match working_days.signum() {
                1 => format!(
                    "{} later",
                    plural(*working_days, "working day", "working days")
                ),
                -1 => format!(
                    "{} earlier",
                    plural(-working_days, "working day", "working days")
                ),
                _ => "the same working day".into(),
            };
            let through = if chain.is_empty() {
                String::new()
            } else {
                format!(" through {}", chain.join(" → "))
            };
            format!("moves {subject} planned finish from {from} to {to} ({by}){through}")
        }
        Msg::PlanFinishLost { item, from } => match item {
            Some(item) => format!("`{item}` can no longer be planned (it was to finish {from})"),
            None => format!("the project can no longer be planned (it was to finish {from})"),
        },
        Msg::PlanFinishGained { item, to } => match item {
            Some(item) => format!("`{item}` can now be planned: it finishes {to}"),
            None => format!("the project can now be planned: it finishes {to}"),
        },
        Msg::CriticalPathChanged { from, to } => format!(
            "changes the critical path from {} to {}",
            path_or_none(from),
            path_or_none(to)
        ),
        Msg::DueOnNonWorkingDay { date, reason } => {
            format!("due date {date} is not a working day ({})", day_off(reason))
        }
        Msg::Weekend | Msg::DayOff { .. } => day_off(msg),
        Msg::CalendarYearHint { year } => format!(
            "once the State Council publishes the {year} holiday schedule, run `baton calendar import {year}.json` (holiday-cn JSON) and extend the calendar it writes; or list the year's holidays and make-up days in a file under calendars/ with `years = [{year}]`"
        ),
        Msg::NotAcknowledged {
            department,
            deadline,
            sla,
        } => format!(
            "department `{department}` has not responded; a response was due within {} of submission, by {deadline}",
            duration(sla)
        ),
        Msg::AcknowledgedLate {
            department,
            at,
            deadline,
            sla,
        } => format!(
            "department `{department}` responded at {at}, after the deadline {deadline} ({})",
            duration(sla)
        ),
        Msg::TimeUnknown { field, sla } => format!(
            "`{field}` is not set and no history says when, so the deadline ({}) cannot be checked",
            duration(sla)
        ),
        Msg::DeclineWithoutAlternative {
            department,
            missing,
        } => format!(
            "department `{department}` declined without {}",
            missing.join(" and ")
        ),
        Msg::NeedInfoWithoutReason { department } => {
            format!("department `{department}` asked for information without a reason")
        }
        Msg::NoticeMissing { required_by, sla } => format!(
            "no meeting notice recorded; notice was due {} before the start, by {required_by}",
            duration(sla)
        ),
        Msg::NoticeLate {
            notice_at,
            required_by,
            sla,
        } => format!(
            "notice sent {notice_at}, later than {} before the start ({required_by})",
            duration(sla)
        ),
        Msg::AgendaMissing { required_by, sla } => format!(
            "no agenda sent; the agenda was due {} before the start, by {required_by}",
            duration(sla)
        ),
        Msg::AgendaLate {
            agenda_at,
            required_by,
            sla,
        } => format!(
            "agenda sent {agenda_at}, later than {} before the start ({required_by})",
            duration(sla)
        ),
        Msg::MinutesMissing { end, deadline, sla } => format!(
            "meeting ended {end} and no minutes were published within {} (by {deadline})",
            duration(sla)
        ),
        Msg::MinutesLate {
            published_at,
            deadline,
            sla,
        } => format!(
            "minutes published {published_at}, after the deadline {deadline} ({})",
            duration(sla)
        ),
        Msg::ActionNotConfirmed {
            title,
            owner,
            deadline,
            sla,
        } => format!(
            "`{owner}` has not confirmed action item \"{title}\"; confirmation was due within {} of the minutes, by {deadline}",
            duration(sla)
        ),
        Msg::ActionConfirmedLate {
            title,
            owner,
            at,
            deadline,
            sla,
        } => format!(
            "`{owner}` confirmed action item \"{title}\" at {at}, after the deadline {deadline} ({})",
            duration(sla)
        ),
        Msg::ProgressStale {
            last,
            deadline,
            sla,
        } => format!(
            "no progress update since {last}; an update was due within {}, by {deadline}",
            duration(sla)
        ),
        Msg::ProgressHint => {
            "add an [[update]] with `at`, `by`, `progress`, `done` and `next`".into()
        }
        Msg::BlockedNotEscalated {
            since,
            deadline,
            sla,
        } => format!(
            "blocked since {since} and not escalated; escalation was due after {}, by {deadline}",
            duration(sla)
        ),
        Msg::BlockedEscalatedLate {
            since,
            at,
            deadline,
        } => {
            format!("blocked since {since} but escalated only at {at}, after {deadline}")
        }
        Msg::BlockedEscalatedToWrongPerson { to, expected } => format!(
            "escalated to `{to}`, who is neither the owner's manager nor the lead department's head ({})",
            code_list(expected, "or")
        ),
        Msg::EscalateHint { to } => format!(
            "set `blocked.escalated_to` to {} and `blocked.escalated_at` to when it was escalated",
            code_list(to, "or")
        ),
        Msg::AcceptanceOverdue {
            delivered_at,
            deadline,
            sla,
        } => format!(
            "delivered {delivered_at} and not reviewed; acceptance was due within {}, by {deadline}",
            duration(sla)
        ),
        Msg::AcceptanceLate {
            delivered_at,
            at,
            deadline,
            sla,
        } => format!(
            "delivered {delivered_at} but reviewed only at {at}, after the deadline {deadline} ({})",
            duration(sla)
        ),
        Msg::RejectionWithoutComments => "rejected without comments".into(),
        Msg::RejectionHint => "say what must change in `comments` (修改意见)".into(),
        Msg::RetrospectiveMissing {
            accepted_at,
            deadline,
            sla,
        } => format!(
            "accepted {accepted_at} and no retrospective held; it was due within {}, by {deadline}",
            duration(sla)
        ),
        Msg::RetrospectiveLate {
            accepted_at,
            at,
            deadline,
            sla,
        } => format!(
            "accepted {accepted_at} but the retrospective was held only at {at}, after the deadline {deadline} ({})",
            duration(sla)
        ),
        Msg::VagueWording { term, field } => format!("vague wording \"{term}\" in `{field}`"),
        Msg::VagueHint => "state a measurable target and a date instead".into(),
        Msg::MissingDeliverable { missing } => format!("task has no {}", missing.join(" and no ")),
        Msg::AgendaUntimed { topic } => format!("agenda item \"{topic}\" has no time box"),
        Msg::AgendaUntimedHint => "set `minutes` to the minutes the item may take".into(),
        Msg::ReportFailed { new_errors, new_warnings, fixed } => format!(
            "baton: {} · {} · {fixed} fixed",
            plural(*new_errors as i64, "new error", "new errors"),
            plural(*new_warnings as i64, "new warning", "new warnings")
        ),
        Msg::ReportPassed { new_warnings, fixed, existing } => format!(
            "baton: no new errors · {} · {fixed} fixed · {existing} existing",
            plural(*new_warnings as i64, "new warning", "new warnings")
        ),
        Msg::ReportTotals { errors, warnings, infos } => format!(
            "baton: {} · {} · {}",
            plural(*errors as i64, "error", "errors"),
            plural(*warnings as i64, "warning", "warnings"),
            plural(*infos as i64, "info", "infos")
        ),
        Msg::ReportContext { base, head, now, items } => {
            format!("base {base} → head {head} · checked as of {now} · {items} items")
        }
        Msg::ReportNew => "new in this change".into(),
        Msg::ReportFixed => "fixed by this change".into(),
        Msg::ReportExisting { count } => format!("already there before this change ({count})"),
        Msg::ReportFindings => "findings".into(),
        Msg::ReportChangedTasks => "changed tasks, their dependencies and dependents".into(),
        Msg::ReportPolicyChanged { files } => format!(
            "this change edits policy ({}): it is judged by the base's policy and takes effect once merged",
            code_list(files, "and")
        ),
        Msg::ReportSchedule => "schedule: what this change moves".into(),
        Msg::ProgressLoading => "reading files".into(),
        Msg::ProgressHistory => "walking history (commits)".into(),
        Msg::ReportColumns => "|rule|item|where|message".into(),
        Msg::ReportOmitted { count } => {
            format!("… and {count} more not shown: the comment would exceed GitHub's size limit")
        }
        // ── audit ──
        Msg::AuditTitle { project, now } => format!("audit of {project} as of {now}"),
        Msg::AuditScope { department, person } => {
            let mut parts = Vec::new();
            if let Some(d) = department {
                parts.push(format!("department `{d}`"));
            }
            if let Some(p) = person {
                parts.push(format!("person `{p}`"));
            }
            format!("only what concerns {}", parts.join(" and "))
        }
        Msg::AuditCounters { due_soon } => format!(
            "open\tblocked\toverdue\tdue within {}\tawaiting acceptance\taccepted this week",
            duration(due_soon)
        ),
        Msg::AuditLateHeading => "overdue".into(),
        Msg::AuditNothingLate => "nothing is overdue".into(),
        Msg::AuditDueSoonHeading { sla } => format!("due within {}", duration(sla)),
        Msg::AuditDueColumns => "item\ttitle\towner\tdue\tlate or left".into(),
        Msg::AuditBlockedHeading => "blocked".into(),
        Msg::AuditBlockedColumns => "task\ttitle\towner\tsince\treason\tescalated to".into(),
        Msg::AuditAwaitingHeading => "delivered, awaiting acceptance".into(),
        Msg::AuditAwaitingColumns => "item\ttitle\tacceptor\tdelivered\taccept by".into(),
        Msg::AuditAcceptedHeading => "accepted this week".into(),
        Msg::AuditDepartmentsHeading { days, from, to } => format!(
            "departments: planned work in the next {days} working days ({from} – {to}) against capacity (people × {days})"
        ),
        Msg::AuditDepartmentColumns => {
            "department\tpeople\tlead open\tsupporting\toverdue\tblocked\tload\tcapacity\tload %".into()
        }
        Msg::AuditOverloaded { departments } => {
            if departments.is_empty() {
                "no department is overloaded".into()
            } else {
                format!("overloaded: {}", departments.join(", "))
            }
        }
        Msg::AuditOverloadedMark => "overloaded".into(),
        Msg::AuditPeopleHeading { days } => format!(
            "people: due within {}, and what waits on their confirmation, acceptance, decision, answer or review",
            plural(i64::from(*days), "working day", "working days")
        ),
        Msg::AuditPeopleColumns => "person\twhat\titem\ttitle\tby".into(),
        Msg::AuditDuty { duty } => match duty {
            Duty::Overdue => "overdue",
            Duty::Due => "due",
            Duty::Confirm => "confirm",
            Duty::Accept => "accept",
            Duty::Decide => "decide",
            Duty::Answer => "answer",
            Duty::Visit => "visit",
            Duty::Review => "review",
        }
        .into(),
        Msg::AuditNobodyWaiting => "nothing is due soon and nothing waits on anyone".into(),
        Msg::AuditSlaHeading { days, from, to } => format!(
            "service levels over the last {} ({from} – {to}), times in working hours",
            plural(i64::from(*days), "day", "days")
        ),
        Msg::AuditSlaColumns => {
            "service level\tlimit\tcases\tkept\tlate\topen\tmedian\tworst\tslowest case".into()
        }
        Msg::AuditSlaUnknown { count } => format!(
            "{} without a known time, counted neither kept nor late",
            plural(*count as i64, "case", "cases")
        ),
        Msg::SlaName { sla } => match sla {
            SlaKind::RequestAck => "request acknowledged",
            SlaKind::Minutes => "minutes published",
            SlaKind::ActionConfirm => "action item confirmed",
            SlaKind::BlockedEscalate => "blocked task escalated",
            SlaKind::Acceptance => "delivery reviewed",
            SlaKind::Retrospective => "retrospective held",
            SlaKind::ComplaintResponse => "complaint answered",
            SlaKind::ComplaintFollowUp => "customer visited",
            SlaKind::LegalReview => "legal review decided",
            SlaKind::CommRecord => "communication recorded",
        }
        .into(),
        Msg::WorkingHours { minutes } => format!("{} h", tenths(*minutes)),
        Msg::LateBy { late: l } => late(l),
        Msg::WorkingDaysLeft { working_days } => {
            format!("{} left", plural(*working_days, "working day", "working days"))
        }
        Msg::AuditPlanHeading => "plan: critical path and open requests".into(),
        Msg::AuditProjectFinish { finish } => match finish {
            Some(finish) => format!("planned finish {finish}"),
            None => "nothing to plan".into(),
        },
        Msg::AuditRequestColumns => {
            "request\ttitle\tstatus\tdue\tplanned finish\tslack".into()
        }
        Msg::RequestSlack { slack_wd } => match slack_wd {
            None => "not planned".into(),
            Some(0) => "finishes on the due day".into(),
            Some(n) if *n > 0 => format!("{} to spare", plural(*n, "working day", "working days")),
            Some(n) => format!("{} late", plural(-n, "working day", "working days")),
        },
        Msg::AuditNoOpenRequest => "no open request".into(),
        Msg::AuditNoPlan => "no plan: the calendar has no working day to plan on".into(),
        Msg::Status { status } => match status.as_str() {
            "todo" => "to do".to_string(),
            "in_progress" => "in progress".into(),
            "blocked" => "blocked".into(),
            "delivered" => "delivered".into(),
            "accepted" => "accepted".into(),
            "rejected" => "rejected".into(),
            "cancelled" => "cancelled".into(),
            "draft" => "draft".into(),
            "submitted" => "submitted".into(),
            "closed" => "closed".into(),
            "declined" => "declined".into(),
            other => format!("status {other}"),
        },
        Msg::DecisionName { decision } => match decision.as_str() {
            "accept" => "accepted".to_string(),
            "decline" => "declined".into(),
            "need_info" => "needs information".into(),
            other => format!("decision {other}"),
        },
        Msg::Nothing => "none".into(),
        // ── weekly and monthly reports ──
        Msg::WeeklyTitle {
            project,
            week,
            from,
            to,
        } => format!("weekly report {week} · {project} ({from} – {to})"),
        Msg::WeeklySummary {
            updates,
            accepted,
            overdue,
            blocked,
            meetings,
        } => format!(
            "{} · {} accepted · {} overdue · {} blocked · {}",
            plural(*updates as i64, "progress update", "progress updates"),
            plural(*accepted as i64, "item", "items"),
            plural(*overdue as i64, "task", "tasks"),
            plural(*blocked as i64, "task", "tasks"),
            plural(*meetings as i64, "meeting", "meetings")
        ),
        Msg::WeeklyDoneHeading => "done last week".into(),
        Msg::WeeklyPlanHeading { from, to } => format!("plan for this week ({from} – {to})"),
        Msg::WeeklyRisksHeading => "risks and blocked work".into(),
        Msg::WeeklyMeetingsHeading => "meetings: decisions and action items".into(),
        Msg::WeeklyDecisions => "decisions".into(),
        Msg::WeeklyActionColumns => "action item\towner\tdue\tconfirmed".into(),
        Msg::WeeklyNoRequest => "work outside any request".into(),
        Msg::WeeklyStatusChange {
            from,
            to,
            commit,
            who,
        } => format!("status {from} → {to} (commit {commit} by {who})"),
        Msg::PlannedDates { start, finish } => match (start, finish) {
            (Some(s), Some(f)) if s == f => format!("planned for {s}"),
            (Some(s), Some(f)) => format!("planned {s} – {f}"),
            (Some(s), None) => format!("planned to start {s}"),
            (None, Some(f)) => format!("planned to finish {f}"),
            (None, None) => "not planned".into(),
        },
        Msg::BlockedSince {
            since,
            escalated_to,
        } => {
            let since = match since {
                Some(s) => format!("blocked since {s}"),
                None => "blocked".into(),
            };
            match escalated_to {
                Some(to) => format!("{since}, escalated to {to}"),
                None => format!("{since}, not escalated"),
            }
        }
        Msg::RiskLine { owner } => match owner {
            Some(owner) => format!("risk (watched by {owner})"),
            None => "risk (nobody watches it)".into(),
        },
        Msg::MitigationLabel => "mitigation".into(),
        Msg::DueDate { date } => format!("due {date}"),
        Msg::MonthlyTitle { project, month } => format!("monthly review {month} · {project}"),
        Msg::MonthlyGoalsHeading => "goals: what was due this month".into(),
        Msg::MonthlyGoalsSummary { met, due } => {
            format!("{met} of {} accepted by their due", plural(*due as i64, "item", "items"))
        }
        Msg::MonthlyGoalColumns => "item\ttitle\tlead\tdue\toutcome".into(),
        Msg::Goal { outcome } => match outcome {
            GoalOutcome::AcceptedOnTime => "accepted on time".to_string(),
            GoalOutcome::AcceptedLate(n) if *n > 0 => format!(
                "accepted {} late",
                plural(*n, "working day", "working days")
            ),
            GoalOutcome::AcceptedLate(_) => "accepted late".into(),
            GoalOutcome::Delivered => "delivered, awaiting acceptance".into(),
            GoalOutcome::Overdue => "overdue".into(),
            GoalOutcome::Open => "open, not yet due".into(),
            GoalOutcome::Dropped => "cancelled or declined".into(),
        },
        Msg::MonthlySlaHeading { from, to } => {
            format!("service levels ({from} – {to}), times in working hours")
        }
        Msg::MonthlyDelaysHeading => "recurring causes of delay".into(),
        Msg::MonthlyBlockedReasons => "what blocked work".into(),
        Msg::MonthlyBlockedColumns => "task\ttitle\tlead\tsince\treason".into(),
        Msg::MonthlyLateByDepartment => "late work by lead department".into(),
        Msg::MonthlyLateColumns => "department\tlate\titems".into(),
        Msg::MonthlyRules => "most frequent findings".into(),
        Msg::MonthlyRuleColumns => "rule\tname\tfindings\titems".into(),
        Msg::MonthlyRetroHeading => "retrospective actions still listed".into(),
        Msg::MonthlyRetroColumns => "request\taction\tretrospective".into(),
        // ── iCalendar ──
        Msg::IcsCalendarName { project } => format!("deadlines and meetings of {project}"),
        Msg::IcsTaskDue { id, title } => format!("due: {id} {title}"),
        Msg::IcsRequestDue { id, title } => format!("request due: {id} {title}"),
        Msg::IcsActionDue { title } => format!("action item due: {title}"),
        Msg::IcsDueDetails {
            owner,
            deadline,
            zone,
        } => match owner {
            Some(owner) => format!("owner {owner}; deadline {deadline} ({zone})"),
            None => format!("deadline {deadline} ({zone})"),
        },
        Msg::IcsMeetingDetails { organizer, chair } => {
            let mut parts = Vec::new();
            if let Some(o) = organizer {
                parts.push(format!("organizer {o}"));
            }
            if let Some(c) = chair {
                parts.push(format!("chair {c}"));
            }
            if parts.is_empty() {
                "meeting".into()
            } else {
                parts.join("; ")
            }
        }
        Msg::IcsReminder {
            title,
            working_days,
        } => format!(
            "due in {}: {title}",
            plural(i64::from(*working_days), "working day", "working days")
        ),
        // ── dashboard ──
        Msg::DashboardNav => {
            "overview\tschedule\trequests\tcomplaints\tagreements\tcommunication".into()
        }
        Msg::DashboardGenerated { now } => format!("generated by baton as of {now}"),
        Msg::DashboardRequestSections => "tasks\tplan\tfindings\tresponses\trisks".into(),
        Msg::DashboardRequestFields => {
            "from\tto\twhy\twhat\twhere\thow\tdue\tstatus\tsubmitted".into()
        }
        Msg::DashboardTaskColumns => {
            "task\ttitle\towner\tstatus\tprogress\tstart\tfinish\tdue\tslack".into()
        }
        Msg::DashboardResponseColumns => "department\tby\tat\tdecision\treason".into(),
        Msg::DashboardRiskColumns => "risk\tmitigation\towner".into(),
        Msg::DashboardFindingColumns => "severity\trule\titem\tmessage".into(),
        Msg::DashboardBack => "back to the overview".into(),
    }
}
