//! Renderers of an [`Audit`](crate::audit::Audit): text (one terminal
//! screen), JSON, Markdown; the HTML dashboard is [`crate::report::html`].

mod json;
mod markdown;
pub(crate) mod seeds;
mod text;

pub use json::render as json;
pub use markdown::render as markdown;
pub(crate) use markdown::sla_table;
pub use text::render as text;

use chrono::DateTime;
use chrono_tz::Tz;

use crate::audit::Audit;
use crate::audit::load::DepartmentLoad;
use crate::messages::{Lang, Msg, WaiverMsg};

/// A message's tab-separated parts (column names, counter labels).
pub(crate) fn parts(msg: &Msg, lang: Lang) -> Vec<String> {
    msg.render(lang).split('\t').map(str::to_string).collect()
}

/// The headline counters: label and count, in the catalogue's order.
pub(crate) fn counters(audit: &Audit, lang: Lang) -> Vec<(String, usize)> {
    let h = &audit.headline;
    let counts = [
        h.open.len(),
        h.blocked.len(),
        h.overdue.len(),
        h.due_soon.len(),
        h.awaiting_acceptance.len(),
        h.accepted_this_week.len(),
    ];
    parts(
        &Msg::AuditCounters {
            due_soon: h.due_soon_limit,
        },
        lang,
    )
    .into_iter()
    .zip(counts)
    .collect()
}

/// An instant as shown: `2026-09-28 18:00`.
pub(crate) fn when(t: &DateTime<Tz>) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// An optional instant, `—` when unknown.
pub(crate) fn maybe_when(t: &Option<DateTime<Tz>>) -> String {
    t.as_ref().map_or_else(|| "—".to_string(), when)
}

/// `市场部 (mkt)`.
pub(crate) fn department_label(d: &DepartmentLoad) -> String {
    if d.name == d.id {
        d.id.clone()
    } else {
        format!("{} ({})", d.name, d.id)
    }
}

/// The overloaded departments, as the headline of the load section says.
pub(crate) fn overloaded(audit: &Audit) -> Msg {
    let departments = audit
        .load
        .as_ref()
        .map(|load| {
            load.overloaded()
                .map(|d| {
                    format!(
                        "{} {}/{} ({})",
                        department_label(d),
                        d.load_wd,
                        d.capacity_wd,
                        percent(d)
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    Msg::AuditOverloaded { departments }
}

/// A load bar of ten cells: `████░░░░░░`, full when at or over capacity.
pub(crate) fn bar(d: &DepartmentLoad) -> String {
    let filled = match d.percent() {
        Some(p) => usize::try_from((p + 5) / 10).unwrap_or(0).min(10),
        None if d.load_wd > 0 => 10,
        None => 0,
    };
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

/// `43%`, or `—` without capacity.
pub(crate) fn percent(d: &DepartmentLoad) -> String {
    d.percent()
        .map_or_else(|| "—".to_string(), |p| format!("{p}%"))
}

/// Median and worst of a service level, formatted.
pub(crate) fn hours(minutes: Option<i64>, lang: Lang) -> String {
    minutes.map_or_else(
        || "—".to_string(),
        |minutes| Msg::WorkingHours { minutes }.render(lang),
    )
}

/// A waiver's cells, in the order of [`WaiverMsg::AuditColumns`].
fn waiver_row(line: &crate::audit::waivers::WaiverLine, lang: Lang) -> Vec<String> {
    let holds = line.state == "holds";
    vec![
        line.rule.clone(),
        line.item.clone().unwrap_or_default(),
        line.by.clone(),
        line.until.clone().unwrap_or_default(),
        Msg::Waiver(WaiverMsg::State { holds }).render(lang),
        line.reason.clone(),
    ]
}
