//! The static dashboard (`baton audit --format html --output DIR`): a
//! self-contained site — plain HTML with inline CSS, no JavaScript, nothing
//! fetched from the network — of
//!
//! - `index.html`: the audit (counters, what is late, the departments'
//!   load, reminders, service levels, the plan);
//! - `plan.html`: the Gantt chart of `baton plan --format svg`, inline;
//! - `requests.html` and `request-<ID>.html`: every request with its
//!   tasks, plan, findings, responses and risks;
//! - `complaints.html`, `agreements.html`, `comms.html`: every complaint,
//!   agreement and communication record, and what waits.
//!
//! Every piece of item text goes through [`escape::html`], so a title like
//! `</style><script>` is text on the page. Rendering returns the pages; the
//! command line writes them.

mod kinds;
mod layout;
mod overview;
mod requests;
mod schedule;

use crate::audit::Audit;
use crate::check::Checked;
use crate::messages::Lang;
use crate::report::escape;

pub use layout::Nav;

/// One file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// File name, relative to the site's folder (no folders).
    pub name: String,
    /// The HTML document.
    pub html: String,
}

/// The whole site of an audit.
pub fn site(audit: &Audit, checked: &Checked, lang: Lang) -> Vec<Page> {
    let now = audit.now.format("%Y-%m-%d %H:%M %:z").to_string();
    let mut pages = vec![
        Page {
            name: "index.html".into(),
            html: overview::render(audit, &now, lang),
        },
        Page {
            name: "plan.html".into(),
            html: schedule::render(checked, &now, lang),
        },
    ];
    pages.extend(requests::render(checked, &now, lang));
    pages.extend(kinds::render(audit, checked, &now, lang));
    pages
}

/// The file name of a request's page: `request-REQ-001.html`. Ids are file
/// stems (`[A-Za-z0-9._-]`); anything else is replaced, so a name can never
/// leave the site's folder.
pub fn request_page(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("request-{safe}.html")
}

/// Escapes item text for HTML.
pub(crate) fn e(text: &str) -> String {
    escape::html(text)
}

/// A table of escaped cells inside a sideways-scrolling box; `header` is
/// the catalogue's tab-separated column names. A row is its cells and an
/// optional class (`bad`). Every cell carries its column's name in
/// `data-label`, so that on a phone the style sheet can stack each row as
/// a card of "name: value" lines instead of scrolling sideways.
pub(crate) fn table(header: &str, rows: &[Row]) -> String {
    let names: Vec<&str> = header.split('\t').collect();
    let mut out = String::from("<div class=\"scroll\"><table>\n<thead><tr>");
    for (c, name) in names.iter().enumerate() {
        let class = rows
            .first()
            .and_then(|r| r.cells.get(c))
            .map_or("", |cell| cell.class.header());
        out.push_str(&format!("<th{class}>{}</th>", e(name)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        match row.class {
            Some(class) => out.push_str(&format!("<tr class=\"{class}\">")),
            None => out.push_str("<tr>"),
        }
        for (c, cell) in row.cells.iter().enumerate() {
            let label = names.get(c).copied().unwrap_or("");
            out.push_str(&format!(
                "<td{} data-label=\"{}\">{}</td>",
                cell.class.cell(),
                e(label),
                cell.html
            ));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
    out
}

/// A table row.
pub(crate) struct Row {
    pub cells: Vec<Cell>,
    pub class: Option<&'static str>,
}

/// A table cell: escaped HTML and how it is laid out.
pub(crate) struct Cell {
    pub html: String,
    pub class: CellClass,
}

/// How a cell is laid out.
#[derive(Clone, Copy)]
pub(crate) enum CellClass {
    /// On one line.
    Plain,
    /// Free text that wraps.
    Wrap,
    /// A number, right-aligned.
    Num,
}

impl CellClass {
    fn cell(self) -> &'static str {
        match self {
            CellClass::Plain => "",
            CellClass::Wrap => " class=\"wrap\"",
            CellClass::Num => " class=\"num\"",
        }
    }

    fn header(self) -> &'static str {
        match self {
            CellClass::Num => " class=\"num\"",
            _ => "",
        }
    }
}

/// A cell of plain text (escaped).
pub(crate) fn text(t: &str) -> Cell {
    Cell {
        html: e(t),
        class: CellClass::Plain,
    }
}

/// A cell of free text that wraps (escaped).
pub(crate) fn wrap(t: &str) -> Cell {
    Cell {
        html: e(t),
        class: CellClass::Wrap,
    }
}

/// A number cell.
pub(crate) fn num(n: impl std::fmt::Display) -> Cell {
    Cell {
        html: e(&n.to_string()),
        class: CellClass::Num,
    }
}

/// A cell of HTML built by the caller from escaped parts.
pub(crate) fn raw(html: String) -> Cell {
    Cell {
        html,
        class: CellClass::Plain,
    }
}

/// A section heading.
pub(crate) fn h2(text: &str) -> String {
    format!("<h2>{}</h2>\n", escape::html_message(text))
}

#[cfg(test)]
mod tests;
