//! The steps of the process as commands (SPEC §7): each one edits the
//! fields its step writes, nothing else, and says what happened in one
//! line (the commit message with `--commit`).

use toml_edit::{DocumentMut, Value};

use super::doc;
use super::value::{Shape, convert};
use super::{EditError, Outcome, Target, Writer};
use crate::messages::{EditMsg, Lang};
use crate::model::{BodyRef, ItemKind, TaskStatus};

/// A verb's result: what was written, and the line that says what happened.
pub type Done = (Outcome, String);

/// The clock's time as a TOML offset date-time, to the second.
fn now(w: &Writer<'_>) -> Value {
    let stamp = w.clock.now.format("%Y-%m-%dT%H:%M:%S%:z").to_string();
    match stamp.parse::<toml_edit::Datetime>() {
        Ok(datetime) => Value::from(datetime),
        Err(_) => Value::from(stamp),
    }
}

fn say(w: &Writer<'_>, zh: String, en: String) -> String {
    match w.lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// `baton set ID FIELD=VALUE …`: any field, typed by the schema.
pub fn set(w: &Writer<'_>, t: &Target<'_>, assignments: &[String]) -> Result<Done, EditError> {
    let ops = super::assign::parse(w, t.kind, assignments)?;
    let summary: Vec<String> = assignments.iter().map(|a| a.trim().to_string()).collect();
    let outcome = w.write(t, |d| super::assign::apply(d, ops))?;
    Ok((outcome, format!("{}: {}", t.id, summary.join(", "))))
}

/// Sets `status`, when the item's status differs.
fn status(d: &mut DocumentMut, value: &str) {
    doc::set(d, &["status"], Value::from(value));
}

/// The task's status as written.
fn task_status(t: &Target<'_>) -> TaskStatus {
    match t.before {
        Some(BodyRef::Task(task)) => task.status(),
        _ => TaskStatus::Todo,
    }
}

/// `baton update ID --progress N --done TEXT --next TEXT`: the daily
/// update (seed 000: by 17:00), appended as `[[update]]`; `progress` is
/// set too, and a task not started is then in progress.
pub fn update(
    w: &Writer<'_>,
    t: &Target<'_>,
    (progress, done, next): (Option<u8>, Option<&str>, Option<&str>),
) -> Result<Done, EditError> {
    w.expect_kind(t, "update", &[ItemKind::Task])?;
    if let Some(p) = progress
        && p > 100
    {
        return Err(EditError::from(EditMsg::BadValue {
            field: "progress".into(),
            value: p.to_string(),
            expected: "a whole number from 0 to 100".into(),
        }));
    }
    let starting = task_status(t) == TaskStatus::Todo;
    let outcome = w.write(t, |d| {
        let mut fields = vec![("at", now(w)), ("by", Value::from(w.who.as_str()))];
        if let Some(p) = progress {
            fields.push(("progress", Value::from(i64::from(p))));
            doc::set(d, &["progress"], Value::from(i64::from(p)));
        }
        if let Some(text) = done {
            fields.push(("done", Value::from(text)));
        }
        if let Some(text) = next {
            fields.push(("next", Value::from(text)));
        }
        doc::push_table(d, &["update"], fields);
        if starting {
            status(d, "in_progress");
        }
        Ok(())
    })?;
    let line = match progress {
        Some(p) => say(
            w,
            format!("{}: 进度 {p}%", t.id),
            format!("{}: progress {p}%", t.id),
        ),
        None => say(
            w,
            format!("{}: 进度更新", t.id),
            format!("{}: progress update", t.id),
        ),
    };
    Ok((outcome, line))
}

/// `baton deliver ID`: the deliverable is submitted for acceptance.
pub fn deliver(w: &Writer<'_>, t: &Target<'_>) -> Result<Done, EditError> {
    w.expect_kind(t, "deliver", &[ItemKind::Task, ItemKind::Request])?;
    let task = t.kind == ItemKind::Task;
    let outcome = w.write(t, |d| {
        status(d, "delivered");
        if task {
            doc::set(d, &["delivered_at"], now(w));
            doc::set(d, &["progress"], Value::from(100));
        }
        Ok(())
    })?;
    Ok((
        outcome,
        say(
            w,
            format!("{}: 已交付", t.id),
            format!("{}: delivered", t.id),
        ),
    ))
}

/// `baton accept ID` / `baton reject ID --comments TEXT`: the acceptance
/// review (验收) of a task (`[review]`) or a request (`[acceptance]`).
pub fn review(
    w: &Writer<'_>,
    t: &Target<'_>,
    accepted: bool,
    comments: Option<&str>,
) -> Result<Done, EditError> {
    let verb = if accepted { "accept" } else { "reject" };
    w.expect_kind(t, verb, &[ItemKind::Task, ItemKind::Request])?;
    if !accepted && comments.is_none_or(|c| c.trim().is_empty()) {
        return Err(EditError::from(EditMsg::MissingField {
            kind: "rejection".into(),
            field: "comments".into(),
        }));
    }
    let table = match t.kind {
        ItemKind::Task => "review",
        _ => "acceptance",
    };
    let outcome = w.write(t, |d| {
        doc::set(d, &[table, "at"], now(w));
        doc::set(d, &[table, "by"], Value::from(w.who.as_str()));
        let verdict = if accepted { "accepted" } else { "rejected" };
        doc::set(d, &[table, "verdict"], Value::from(verdict));
        match comments {
            Some(text) => doc::set(d, &[table, "comments"], Value::from(text)),
            None => doc::remove(d, &[table, "comments"]),
        };
        match (t.kind, accepted) {
            (_, true) => status(d, "accepted"),
            (ItemKind::Task, false) => status(d, "rejected"),
            // A request has no "rejected": the work goes on.
            (_, false) => status(d, "in_progress"),
        }
        Ok(())
    })?;
    let line = match accepted {
        true => say(
            w,
            format!("{}: 验收通过", t.id),
            format!("{}: accepted", t.id),
        ),
        false => say(
            w,
            format!("{}: 验收不通过", t.id),
            format!("{}: rejected", t.id),
        ),
    };
    Ok((outcome, line))
}

/// What a department answers to a request.
pub struct Answer<'a> {
    /// accept | decline | need_info.
    pub decision: &'a str,
    /// Why (required for decline and need_info).
    pub reason: Option<&'a str>,
    /// What to do instead (required for decline).
    pub alternative: Option<&'a str>,
    /// The answering department (default: the person's).
    pub department: Option<&'a str>,
}

/// `baton respond REQ --decision …`: an assisting department's answer
/// (seed 001: within 1 working day), one `[[response]]` per department.
pub fn respond(w: &Writer<'_>, t: &Target<'_>, answer: &Answer<'_>) -> Result<Done, EditError> {
    w.expect_kind(t, "respond", &[ItemKind::Request])?;
    let decision = convert(
        "response.decision",
        &Shape::Choice(vec!["accept".into(), "decline".into(), "need_info".into()]),
        answer.decision,
        (&w.project.org, &w.clock),
    )?;
    let department = match answer.department {
        Some(d) => d.to_string(),
        None => w
            .project
            .org
            .person(&w.who)
            .and_then(|p| p.department.as_ref())
            .map(|d| d.as_str().to_string())
            .ok_or_else(|| {
                EditError::from(EditMsg::MissingField {
                    kind: "response".into(),
                    field: "--department".into(),
                })
            })?,
    };
    let outcome = w.write(t, |d| {
        let mut fields = vec![
            ("by", Value::from(w.who.as_str())),
            ("at", now(w)),
            ("decision", decision.clone()),
        ];
        if let Some(reason) = answer.reason {
            fields.push(("reason", Value::from(reason)));
        }
        if let Some(alternative) = answer.alternative {
            fields.push(("alternative", Value::from(alternative)));
        }
        match doc::entry_mut(d, &["response"], "department", &department) {
            Some(entry) => {
                for (key, value) in fields {
                    doc::set_in(entry, key, value);
                }
            }
            None => {
                let mut all = vec![("department", Value::from(department.as_str()))];
                all.extend(fields);
                doc::push_table(d, &["response"], all);
            }
        }
        Ok(())
    })?;
    Ok((
        outcome,
        say(
            w,
            format!("{}: {department} 答复 {}", t.id, answer.decision),
            format!("{}: {department} answers {}", t.id, answer.decision),
        ),
    ))
}

/// `baton confirm MTG --action TITLE`: an action item's owner confirms it.
pub fn confirm(w: &Writer<'_>, t: &Target<'_>, title: &str) -> Result<Done, EditError> {
    w.expect_kind(t, "confirm", &[ItemKind::Meeting])?;
    let outcome = w.write(t, |d| {
        let Some(entry) = doc::entry_mut(d, &["minutes", "action"], "title", title) else {
            return Err(EditError::from(EditMsg::NoSuchAction {
                id: t.id.clone(),
                title: title.to_string(),
            }));
        };
        doc::set_in(entry, "confirmed_at", now(w));
        Ok(())
    })?;
    Ok((
        outcome,
        say(
            w,
            format!("{}: 确认行动项「{title}」", t.id),
            format!("{}: action item \"{title}\" confirmed", t.id),
        ),
    ))
}

/// `baton read MTG`: 已阅, the person has read the minutes.
pub fn read(w: &Writer<'_>, t: &Target<'_>) -> Result<Done, EditError> {
    w.expect_kind(t, "read", &[ItemKind::Meeting])?;
    let outcome = w.write(t, |d| {
        doc::list_add(
            d,
            &["minutes", "read_by"],
            vec![Value::from(w.who.as_str())],
        );
        Ok(())
    })?;
    Ok((
        outcome,
        say(
            w,
            format!("{}: {} 已阅", t.id, w.who),
            format!("{}: minutes read by {}", t.id, w.who),
        ),
    ))
}

/// `baton block ID --reason TEXT`.
pub fn block(w: &Writer<'_>, t: &Target<'_>, reason: &str) -> Result<Done, EditError> {
    w.expect_kind(t, "block", &[ItemKind::Task])?;
    let outcome = w.write(t, |d| {
        status(d, "blocked");
        doc::set(d, &["blocked", "since"], now(w));
        doc::set(d, &["blocked", "reason"], Value::from(reason));
        Ok(())
    })?;
    Ok((
        outcome,
        say(
            w,
            format!("{}: 阻塞:{reason}", t.id),
            format!("{}: blocked: {reason}", t.id),
        ),
    ))
}

/// `baton unblock ID`: work goes on; `[blocked]` is removed.
pub fn unblock(w: &Writer<'_>, t: &Target<'_>) -> Result<Done, EditError> {
    w.expect_kind(t, "unblock", &[ItemKind::Task])?;
    if task_status(t) != TaskStatus::Blocked {
        return Err(EditError::from(EditMsg::NotBlocked { id: t.id.clone() }));
    }
    let outcome = w.write(t, |d| {
        status(d, "in_progress");
        doc::remove(d, &["blocked"]);
        Ok(())
    })?;
    Ok((
        outcome,
        say(
            w,
            format!("{}: 解除阻塞", t.id),
            format!("{}: unblocked", t.id),
        ),
    ))
}

/// `baton escalate ID [--to PERSON]`: a blocked task goes to the owner's
/// manager (what W007 expects) or to the person named.
pub fn escalate(w: &Writer<'_>, t: &Target<'_>, to: Option<&str>) -> Result<Done, EditError> {
    w.expect_kind(t, "escalate", &[ItemKind::Task])?;
    let Some(BodyRef::Task(task)) = t.before else {
        return Err(EditError::from(EditMsg::NotBlocked { id: t.id.clone() }));
    };
    if task.status() != TaskStatus::Blocked {
        return Err(EditError::from(EditMsg::NotBlocked { id: t.id.clone() }));
    }
    let to = match to {
        Some(person) => super::person::resolve(&w.project.org, person)?,
        None => task
            .owner
            .as_ref()
            .and_then(|o| o.get().0.first())
            .and_then(|owner| w.project.org.manager_of(owner.as_str()))
            .map(str::to_string)
            .ok_or_else(|| EditError::from(EditMsg::NoEscalation { id: t.id.clone() }))?,
    };
    let outcome = w.write(t, |d| {
        doc::set(d, &["blocked", "escalated_to"], Value::from(to.as_str()));
        doc::set(d, &["blocked", "escalated_at"], now(w));
        Ok(())
    })?;
    Ok((
        outcome,
        say(
            w,
            format!("{}: 升级至 {to}", t.id),
            format!("{}: escalated to {to}", t.id),
        ),
    ))
}

/// `baton approve CR` / `baton decline CR --comments TEXT`: one approver's
/// decision on a change request, one `[[approval]]` per person.
pub fn decide(
    w: &Writer<'_>,
    t: &Target<'_>,
    approve: bool,
    comments: Option<&str>,
) -> Result<Done, EditError> {
    let verb = if approve { "approve" } else { "decline" };
    w.expect_kind(t, verb, &[ItemKind::Change])?;
    if !approve && comments.is_none_or(|c| c.trim().is_empty()) {
        return Err(EditError::from(EditMsg::MissingField {
            kind: "rejection".into(),
            field: "comments".into(),
        }));
    }
    let decision = if approve { "approve" } else { "reject" };
    let outcome = w.write(t, |d| {
        let mut fields = vec![("at", now(w)), ("decision", Value::from(decision))];
        if let Some(text) = comments {
            fields.push(("comments", Value::from(text)));
        }
        match doc::entry_mut(d, &["approval"], "by", &w.who) {
            Some(entry) => {
                for (key, value) in fields {
                    doc::set_in(entry, key, value);
                }
            }
            None => {
                let mut all = vec![("by", Value::from(w.who.as_str()))];
                all.extend(fields);
                doc::push_table(d, &["approval"], all);
            }
        }
        Ok(())
    })?;
    let line = match approve {
        true => say(
            w,
            format!("{}: {} 批准", t.id, w.who),
            format!("{}: approved by {}", t.id, w.who),
        ),
        false => say(
            w,
            format!("{}: {} 驳回", t.id, w.who),
            format!("{}: declined by {}", t.id, w.who),
        ),
    };
    Ok((outcome, line))
}

/// `baton archive ID`: read-only from now on (seed 003).
pub fn archive(w: &Writer<'_>, t: &Target<'_>) -> Result<Done, EditError> {
    let outcome = w.write(t, |d| {
        doc::set(d, &["archived"], Value::from(true));
        Ok(())
    })?;
    Ok((
        outcome,
        say(w, format!("{}: 归档", t.id), format!("{}: archived", t.id)),
    ))
}
