//! `baton new KIND`: an item from `templates/KIND/NAME.toml` (seed 003:
//! task templates with name, owner, dates, deliverable, linked request),
//! fields from the command line, an id from `[ids]`.
//!
//! A template is an item file plus an optional `[template]` table that
//! `new` reads and removes:
//!
//! ```toml
//! [template]
//! folder = "weekly"       # below the kind's folder
//! repeat = "weekly"       # meetings: place the next instance
//! weekday = "mon"
//! time = "10:00"
//! minutes = 60
//! ```
//!
//! `{date}` in a template stands for the item's day (a meeting's, else
//! today).

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Weekday};
use chrono_tz::Tz;
use toml_edit::{DocumentMut, Item, Value};

use super::ids::{Context, allocate, pattern};
use super::verbs::Done;
use super::{EditError, Target, Writer, doc};
use crate::messages::{EditMsg, Lang};
use crate::model::ItemKind;

/// What to create.
pub struct NewItem<'a> {
    /// The kind.
    pub kind: ItemKind,
    /// `--template NAME` (default: `default`, when the repository has one).
    pub template: Option<&'a str>,
    /// `--id ID` (default: from `[ids]`).
    pub id: Option<&'a str>,
    /// `FIELD=VALUE …`.
    pub assignments: &'a [String],
}

/// The built-in templates, for a repository without `templates/`.
fn built_in(kind: ItemKind, name: &str) -> Option<&'static str> {
    match (kind, name) {
        (ItemKind::Meeting, "weekly") => Some(WEEKLY),
        (_, "default") => Some(""),
        _ => None,
    }
}

/// Seed 000: a weekly meeting every Monday at 10:00.
pub const WEEKLY: &str = r#"title = "项目周例会 {date}"
major = false

[[agenda]]
topic = "上周进度与本周计划"
minutes = 30

[[agenda]]
topic = "风险、阻塞与需协调事项"
minutes = 20

[template]
repeat = "weekly"
weekday = "mon"
time = "10:00"
minutes = 60
"#;

/// How a template asks to be placed.
#[derive(Debug, Default)]
struct Placement {
    folder: Option<String>,
    weekly: Option<(Weekday, NaiveTime, i64)>,
}

/// Creates the item.
pub fn create(w: &Writer<'_>, new: &NewItem<'_>) -> Result<Done, EditError> {
    let kind = new.kind;
    let name = new.template.unwrap_or("default");
    let file = w
        .root
        .join("templates")
        .join(kind.name())
        .join(format!("{name}.toml"));
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(_) => built_in(kind, name)
            .ok_or_else(|| {
                EditError::from(EditMsg::NoTemplate {
                    kind: kind.name().to_string(),
                    name: name.to_string(),
                })
            })?
            .to_string(),
    };
    let template_path = format!("templates/{}/{name}.toml", kind.name());
    let placement = placement(&text, &template_path)?;
    let start = match placement.weekly {
        Some((weekday, time, _)) => Some(next_weekly(w, weekday, time).ok_or_else(|| {
            EditError::from(EditMsg::BadValue {
                field: "template.weekday".into(),
                value: format!("{weekday}"),
                expected: "a weekday that is a working day within a year".into(),
            })
        })?),
        None => None,
    };
    let day = start.map_or_else(|| w.clock.now.date_naive(), |s| s.date_naive());
    let text = text.replace("{date}", &day.format("%Y-%m-%d").to_string());
    let ops = super::assign::parse(w, kind, new.assignments)?;
    let title = title_of(&text, new.assignments, kind.title_field());
    let id = match new.id {
        Some(id) => {
            if !crate::load::is_valid_id(id) || w.project.item(id).is_some() {
                return Err(EditError::from(EditMsg::IdTaken { id: id.to_string() }));
            }
            id.to_string()
        }
        None => new_id(w, kind, day, &title)?,
    };
    let folder = match &placement.folder {
        Some(sub) => format!("{}/{sub}", kind.folder()),
        None => kind.folder().to_string(),
    };
    let target = Target {
        id: id.clone(),
        kind,
        path: format!("{folder}/{id}.toml"),
        text,
        before: None,
    };
    let now = stamp(w.clock.now);
    let who = w.who.clone();
    let outcome = w.write(&target, |d| {
        d.remove("template");
        if let (Some(start), Some((_, _, minutes))) = (start, placement.weekly) {
            let end = start + chrono::Duration::minutes(minutes);
            doc::set(d, &["start"], stamp(start));
            doc::set(d, &["end"], stamp(end));
            doc::set(d, &["notice_at"], now.clone());
            doc::set(d, &["agenda_at"], now.clone());
        }
        super::assign::apply(d, ops)?;
        // The creator is who asks for a change, and who organises a meeting,
        // unless the template or the command line says otherwise.
        match kind {
            ItemKind::Change => {
                default(d, "requested_by", Value::from(who.as_str()));
                default(d, "requested_at", now.clone());
            }
            ItemKind::Meeting => default(d, "organizer", Value::from(who.as_str())),
            ItemKind::Request => default(d, "status", Value::from("draft")),
            // Whoever writes a complaint down received it now and handles
            // it unless someone else is named; the same for an agreement.
            ItemKind::Complaint => {
                default(d, "owner", Value::from(who.as_str()));
                default(d, "received_at", now.clone());
            }
            ItemKind::Agreement => default(d, "owner", Value::from(who.as_str())),
            // A record written now of a talk that happened now, unless
            // `at=` says when it happened.
            ItemKind::Comm => {
                default(d, "at", now.clone());
                default(d, "recorded_at", now.clone());
                if d.get("participants").is_none() {
                    let mut who_list = toml_edit::Array::new();
                    who_list.push(who.as_str());
                    doc::set(d, &["participants"], Value::Array(who_list));
                }
            }
            ItemKind::Task => {}
        }
        let title_field = kind.title_field();
        if d.get(title_field)
            .and_then(Item::as_str)
            .is_none_or(|t| t.trim().is_empty())
        {
            return Err(EditError::from(EditMsg::MissingField {
                kind: kind.name().to_string(),
                field: title_field.into(),
            }));
        }
        Ok(())
    })?;
    let line = match w.lang {
        Lang::Zh => format!("{id}: 新建 {title}"),
        Lang::En => format!("{id}: created {title}"),
    };
    Ok((outcome, line.trim_end().to_string()))
}

/// Sets `key` unless the document has it.
fn default(d: &mut DocumentMut, key: &str, value: Value) {
    if d.get(key).is_none() {
        doc::set(d, &[key], value);
    }
}

/// A time as a TOML offset date-time, to the second.
fn stamp(t: DateTime<Tz>) -> Value {
    let text = t.format("%Y-%m-%dT%H:%M:%S%:z").to_string();
    match text.parse::<toml_edit::Datetime>() {
        Ok(datetime) => Value::from(datetime),
        Err(_) => Value::from(text),
    }
}

/// The title the item will have (for the id's `{rand}` and the message).
fn title_of(text: &str, assignments: &[String], field: &str) -> String {
    let given = assignments.iter().rev().find_map(|a| {
        a.strip_prefix(field)
            .and_then(|rest| rest.strip_prefix('='))
            .map(str::trim)
    });
    match given {
        Some(title) => title.to_string(),
        None => text
            .parse::<DocumentMut>()
            .ok()
            .and_then(|d| d.get(field).and_then(Item::as_str).map(str::to_string))
            .unwrap_or_default(),
    }
}

/// The next free id of the kind's pattern.
fn new_id(
    w: &Writer<'_>,
    kind: ItemKind,
    day: NaiveDate,
    title: &str,
) -> Result<String, EditError> {
    let pattern = pattern(w.project, kind);
    let seed = format!("{} {title} {}", w.clock.now.to_rfc3339(), w.who);
    let taken: Vec<&str> = w.project.bodies().map(|(id, _, _)| id).collect();
    allocate(
        &pattern,
        &Context {
            date: day,
            seed: &seed,
        },
        &taken,
    )
    .map_err(|detail| {
        EditError::from(EditMsg::BadIdPattern {
            kind: kind.name().to_string(),
            pattern: pattern.clone(),
            detail,
        })
    })
}

/// The `[template]` table of a template.
fn placement(text: &str, path: &str) -> Result<Placement, EditError> {
    let invalid = |problem: String| {
        EditError::from(EditMsg::Invalid {
            path: path.to_string(),
            problems: vec![problem],
        })
    };
    let d: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| invalid(e.message().to_string()))?;
    let Some(table) = d.get("template").and_then(Item::as_table_like) else {
        return Ok(Placement::default());
    };
    let text_of = |key: &str| table.get(key).and_then(Item::as_str).map(str::to_string);
    let mut placement = Placement {
        folder: text_of("folder"),
        weekly: None,
    };
    if let Some(folder) = &placement.folder
        && (folder
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..")
            || folder.contains('\\'))
    {
        return Err(invalid(format!(
            "template.folder `{folder}` is not a folder name"
        )));
    }
    match text_of("repeat").as_deref() {
        None => {}
        Some("weekly") => {
            let weekday: Weekday = text_of("weekday")
                .unwrap_or_else(|| "mon".into())
                .parse()
                .map_err(|_| {
                    invalid("template.weekday: mon, tue, wed, thu, fri, sat or sun".into())
                })?;
            let time = NaiveTime::parse_from_str(
                &text_of("time").unwrap_or_else(|| "10:00".into()),
                "%H:%M",
            )
            .map_err(|_| invalid("template.time: HH:MM".into()))?;
            let minutes = table
                .get("minutes")
                .and_then(Item::as_integer)
                .unwrap_or(60)
                .clamp(1, 24 * 60);
            placement.weekly = Some((weekday, time, minutes));
        }
        Some(other) => {
            return Err(invalid(format!(
                "template.repeat `{other}`: only \"weekly\""
            )));
        }
    }
    Ok(placement)
}

/// The next `weekday` at `time` that is a working day and still leaves the
/// notice and agenda time W003 asks for (seed 000: when Monday is a
/// holiday, the next working Monday).
fn next_weekly(w: &Writer<'_>, weekday: Weekday, time: NaiveTime) -> Option<DateTime<Tz>> {
    let clock = &w.clock;
    let sla = &w.project.settings.sla;
    let mut day = clock.local_date(clock.now);
    for _ in 0..400 {
        if day.weekday() == weekday && clock.calendar.is_working_day(day) {
            let start = clock.at(day, time);
            let noticed = [sla.meeting_notice, sla.agenda_before].iter().all(|d| {
                clock
                    .notice_by(start, *d)
                    .is_some_and(|by| clock.meets(clock.now, by))
            });
            if start > clock.now && noticed {
                return Some(start);
            }
        }
        day = day.succ_opt()?;
    }
    None
}
