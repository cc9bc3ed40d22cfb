//! `--format text`: a table by planned start, critical tasks marked `*`,
//! columns aligned by display width (Chinese characters are two columns).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::PlanView;
use crate::messages::Msg;

/// Titles longer than this many columns are cut with "…".
const TITLE_COLUMNS: usize = 28;

/// The plan as a table with a summary on top.
pub fn render(view: &PlanView<'_>) -> String {
    let plan = view.plan;
    let lang = view.lang;
    let mut out = String::new();
    out.push_str(&view.project.settings.name);
    out.push('\n');
    let summary = Msg::PlanSummary {
        finish: plan.finish.map(|d| d.to_string()),
        planned: plan.tasks.iter().filter(|t| t.slot().is_some()).count(),
        now: view.now(),
    };
    out.push_str(&summary.render(lang));
    out.push('\n');
    let path = plan
        .critical_path
        .iter()
        .map(|&t| plan.tasks[t].id.clone())
        .collect();
    out.push_str(&Msg::PlanCriticalPath { path }.render(lang));
    out.push_str("\n\n");

    let header = Msg::PlanColumns.render(lang);
    let mut rows: Vec<Vec<String>> = vec![header.split('\t').map(str::to_string).collect()];
    let mut marks = vec![" "];
    for t in view.by_start() {
        let task = &plan.tasks[t];
        let Some(slot) = task.slot() else { continue };
        let effort = if task.milestone {
            "◆".to_string()
        } else {
            format!("{}wd", task.effort_wd)
        };
        rows.push(vec![
            task.id.clone(),
            truncate(&task.title, TITLE_COLUMNS),
            task.lead.clone().unwrap_or_default(),
            slot.start.to_string(),
            slot.finish.to_string(),
            effort,
            format!("{}wd", task.remaining_wd),
            slot.slack_wd.to_string(),
            task.due.map(|d| d.to_string()).unwrap_or_default(),
        ]);
        marks.push(if slot.critical { "*" } else { " " });
    }
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
    // Numbers are right-aligned: effort, left, slack.
    let right = |c: usize| (5..=7).contains(&c);
    for (row, mark) in rows.iter().zip(marks) {
        let mut line = format!("{mark} ");
        for (c, cell) in row.iter().enumerate() {
            let pad = widths[c].saturating_sub(cell.width());
            if c > 0 {
                line.push_str("  ");
            }
            if right(c) {
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
    let unplanned = view.unplanned();
    if !unplanned.is_empty() {
        out.push('\n');
        for (t, reason) in unplanned {
            let id = plan.tasks[t].id.clone();
            out.push_str(&Msg::NotPlanned { id, reason }.render(lang));
            out.push('\n');
        }
    }
    out
}

/// `text` cut to at most `columns` display columns, with "…" when cut.
fn truncate(text: &str, columns: usize) -> String {
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
    use super::truncate;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("短标题", 28), "短标题");
        let cut = truncate("一二三四五六七八九十", 9);
        assert_eq!(cut, "一二三四…");
        assert!(cut.width() <= 9);
        assert_eq!(truncate("abcdef", 4), "abc…");
    }
}
