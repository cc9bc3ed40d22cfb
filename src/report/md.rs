//! Small Markdown builders for the reports people paste into mail and chat
//! (`baton audit --format markdown`, `baton report weekly|monthly`). Every
//! cell is escaped here, so item text cannot add markup, mention anyone or
//! break a table.

use crate::report::escape;

/// A GitHub-flavoured Markdown table; `header` is the catalogue's
/// tab-separated column names, cells are plain text (escaped here).
pub fn table(header: &str, rows: &[Vec<String>]) -> String {
    let names: Vec<String> = header.split('\t').map(escape::markdown).collect();
    let mut out = format!("| {} |\n", names.join(" | "));
    out.push_str(&format!("|{}\n", "---|".repeat(names.len())));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// A table cell: escaped, `—` when empty.
fn cell(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_string()
    } else {
        escape::markdown(text)
    }
}

/// A heading of `level` (1–6) from a catalogue message (code spans kept).
pub fn heading(level: usize, text: &str) -> String {
    format!(
        "{} {}\n\n",
        "#".repeat(level.clamp(1, 6)),
        escape::message(text)
    )
}

/// A bullet with escaped text.
pub fn bullet(text: &str) -> String {
    format!("- {}\n", escape::markdown(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_the_table_or_mention() {
        let text = table("a\tb", &[vec!["x|y\nz".into(), "@team <b>".into()]]);
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows.len(), 3, "{text}");
        assert_eq!(rows[2].matches(" | ").count(), 1, "{text}");
        assert!(!text.contains("@team") && !text.contains("<b>"), "{text}");
    }

    #[test]
    fn empty_cells_show_a_dash() {
        assert!(table("a", &[vec![String::new()]]).contains("| — |"));
    }
}
