//! Terminal tables: columns aligned by display width, so Chinese text (two
//! columns a character) lines up, and long cells cut with "…".

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A table of text cells with a header row.
#[derive(Debug, Clone, Default)]
pub struct Table {
    rows: Vec<Vec<String>>,
    right: Vec<usize>,
    limits: Vec<(usize, usize)>,
}

impl Table {
    /// A table whose header is `header`, tab-separated (as the message
    /// catalogue writes column names).
    pub fn new(header: &str) -> Table {
        Table {
            rows: vec![header.split('\t').map(str::to_string).collect()],
            right: Vec::new(),
            limits: Vec::new(),
        }
    }

    /// Right-aligns these columns (numbers).
    pub fn right(mut self, columns: &[usize]) -> Table {
        self.right = columns.to_vec();
        self
    }

    /// Cuts cells of `column` to at most `width` display columns.
    pub fn limit(mut self, column: usize, width: usize) -> Table {
        self.limits.push((column, width));
        self
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Whether only the header is there.
    pub fn is_empty(&self) -> bool {
        self.rows.len() <= 1
    }

    /// The table, each line starting with `indent`, trailing spaces trimmed.
    pub fn render(&self, indent: &str) -> String {
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .enumerate()
                    .map(|(c, cell)| {
                        let one_line = cell.replace(['\n', '\r', '\t'], " ");
                        match self.limits.iter().find(|(col, _)| *col == c) {
                            Some((_, width)) => truncate(&one_line, *width),
                            None => one_line,
                        }
                    })
                    .collect()
            })
            .collect();
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..columns)
            .map(|c| {
                rows.iter()
                    .filter_map(|r| r.get(c))
                    .map(|s| s.width())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for row in &rows {
            let mut line = indent.to_string();
            for (c, cell) in row.iter().enumerate() {
                let pad = widths[c].saturating_sub(cell.width());
                if c > 0 {
                    line.push_str("  ");
                }
                if self.right.contains(&c) {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    line.push_str(&" ".repeat(pad));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// `text` cut to at most `columns` display columns, with "…" when cut.
pub fn truncate(text: &str, columns: usize) -> String {
    if text.width() <= columns {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > columns.saturating_sub(1) {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_cells_line_up_by_display_width() {
        let mut table = Table::new("id\ttitle\tn").right(&[2]);
        table.row(vec!["T-1".into(), "用户调研".into(), "3".into()]);
        table.row(vec!["T-10".into(), "ab".into(), "12".into()]);
        let text = table.render("  ");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "  id    title      n");
        assert_eq!(lines[1], "  T-1   用户调研   3");
        assert_eq!(lines[2], "  T-10  ab        12");
        // Every line ends at the same display column.
        let widths: Vec<usize> = lines.iter().map(|l| l.width()).collect();
        assert!(widths.iter().all(|w| *w == widths[0]), "{widths:?}");
    }

    #[test]
    fn long_cells_are_cut_and_newlines_cannot_break_rows() {
        let mut table = Table::new("a\tb").limit(1, 6);
        table.row(vec!["x".into(), "一二三四五六七".into()]);
        table.row(vec!["y".into(), "line\nbreak".into()]);
        let text = table.render("");
        assert_eq!(text.lines().count(), 3, "{text}");
        assert!(text.contains("一二…"), "{text}");
        assert!(text.contains("line …"), "{text}");
    }
}
