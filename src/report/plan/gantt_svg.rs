//! `--format svg`: a self-contained SVG Gantt chart drawn by baton — bars
//! grouped by lead department, the critical path in red, work done and
//! left, milestones, dues, a line at now, days off shaded and make-up
//! working days marked. No scripts, no external resources; every text from
//! items is XML-escaped.

use std::fmt::Write;

use chrono::{Datelike, Days, NaiveDate, Timelike};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::PlanView;
use crate::messages::{Lang, Msg};
use crate::model::TaskStatus;
use crate::plan::{Point, Slot, TaskPlan};

const FONT: &str = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif";
/// Width of the label column.
const LABELS: f64 = 330.0;
/// Width of the time axis (days are scaled to fit, within limits).
const AXIS: f64 = 1020.0;
const ROW: f64 = 24.0;
const BAR: f64 = 14.0;
/// Height above the first row: title, summary, legend, months, days.
const HEAD: f64 = 128.0;
/// Days shown before the first and after the last date.
const MARGIN_DAYS: i64 = 2;
/// Dues later than this after the planned finish do not widen the chart.
const DUE_REACH_DAYS: u64 = 30;
/// The longest time axis drawn (about three years); bars beyond are cut.
const MAX_DAYS: i64 = 1100;

const CRITICAL: &str = "#e5484d";
const DONE: &str = "#6fbf73";
const PROGRESS: &str = "#2f80ed";
const LEFT: &str = "#9cc3f5";
const TODO: &str = "#aab6c3";
const DAY_OFF: &str = "#eceff2";
const MAKE_UP: &str = "#fff1c7";
const NOW: &str = "#f59e0b";
const INK: &str = "#1f2933";
const MUTED: &str = "#66727f";

/// The plan as an SVG document.
pub fn render(view: &PlanView<'_>) -> String {
    let plan = view.plan;
    let rows = view.by_start();
    let groups = view.by_department(&rows);
    let slots: Vec<&Slot> = rows.iter().filter_map(|&t| plan.tasks[t].slot()).collect();
    let today = plan.today;
    let first = slots
        .iter()
        .map(|s| s.start)
        .min()
        .unwrap_or(today)
        .min(today);
    let finish = slots
        .iter()
        .map(|s| s.finish)
        .max()
        .unwrap_or(today)
        .max(today);
    let reach = finish
        .checked_add_days(Days::new(DUE_REACH_DAYS))
        .unwrap_or(finish);
    let due_max = rows
        .iter()
        .filter_map(|&t| plan.tasks[t].due)
        .filter(|d| *d <= reach)
        .max()
        .unwrap_or(finish);
    let first = shift(first, -MARGIN_DAYS);
    let last = shift(finish.max(due_max), MARGIN_DAYS).min(shift(first, MAX_DAYS - 1));
    let days = (last - first).num_days() + 1;
    let day_w = (AXIS / days as f64).clamp(3.0, 28.0);
    let width = LABELS + days as f64 * day_w + 20.0;
    let row_count = rows.len() + groups.len();
    let height = HEAD + row_count as f64 * ROW + 16.0;
    let chart = Chart {
        lang: view.lang,
        first,
        day_w,
        x0: LABELS,
        x1: LABELS + days as f64 * day_w,
    };
    // The id column is as wide as the longest id (within reason).
    let id_width = rows
        .iter()
        .map(|&t| text_width(&plan.tasks[t].id))
        .fold(40.0_f64, f64::max)
        .min(LABELS / 2.0);

    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="{FONT}" font-size="12">"#
    );
    let _ = writeln!(w, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    // Title, summary, critical path.
    let lang = view.lang;
    let summary = Msg::PlanSummary {
        finish: plan.finish.map(|d| d.to_string()),
        planned: plan.tasks.iter().filter(|t| t.slot().is_some()).count(),
        now: view.now(),
    }
    .render(lang);
    let path = Msg::PlanCriticalPath {
        path: plan
            .critical_path
            .iter()
            .map(|&t| plan.tasks[t].id.clone())
            .collect(),
    }
    .render(lang);
    let _ = writeln!(
        w,
        r#"<text x="12" y="26" font-size="17" font-weight="bold" fill="{INK}">{}</text>"#,
        xml(&view.project.settings.name)
    );
    let _ = writeln!(
        w,
        r#"<text x="12" y="46" fill="{MUTED}">{} · <tspan fill="{CRITICAL}">{}</tspan></text>"#,
        xml(&summary),
        xml(&path)
    );
    legend(w, &Msg::GanttLegend.render(lang));

    // Days off and make-up days, the month and day axis.
    let calendar = &view.clock.calendar;
    let top = HEAD - 10.0;
    let bottom = height - 12.0;
    let mut day = first;
    while day <= last {
        let x = chart.x(day);
        let working = calendar.is_working_day(day);
        let weekend = day.weekday().num_days_from_monday() >= 5;
        let fill = match (working, weekend) {
            (false, _) => Some(DAY_OFF),
            (true, true) => Some(MAKE_UP),
            (true, false) => None,
        };
        if let Some(fill) = fill {
            let tip = calendar
                .holiday_name(day)
                .map(|n| format!("<title>{day} {}</title>", xml(n)))
                .unwrap_or_default();
            let _ = writeln!(
                w,
                r#"<rect x="{x:.1}" y="{top:.1}" width="{day_w:.1}" height="{:.1}" fill="{fill}">{tip}</rect>"#,
                bottom - top
            );
        }
        // Month labels, where there is room for one.
        if (day.day() == 1 || day == first) && x + 56.0 < width {
            let _ = writeln!(
                w,
                r#"<text x="{:.1}" y="{:.1}" font-weight="bold" fill="{INK}">{}</text>"#,
                x + 2.0,
                HEAD - 30.0,
                day.format("%Y-%m")
            );
            let _ = writeln!(
                w,
                r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{bottom:.1}" stroke="#c5ccd3"/>"##,
                HEAD - 42.0
            );
        }
        let label_every = if day_w >= 16.0 { 1 } else { 7 };
        let monday = day.weekday().num_days_from_monday() == 0;
        if label_every == 1 || monday {
            let _ = writeln!(
                w,
                r#"<text x="{:.1}" y="{:.1}" font-size="10" text-anchor="middle" fill="{MUTED}">{}</text>"#,
                if label_every == 1 {
                    x + day_w / 2.0
                } else {
                    x + 2.0
                },
                HEAD - 14.0,
                day.day()
            );
        }
        day = shift(day, 1);
    }

    // Rows: a header per department, then its tasks.
    let mut y = HEAD;
    let mut centers: Vec<Option<f64>> = vec![None; plan.tasks.len()];
    for (lead, tasks) in &groups {
        let name = if lead.is_empty() {
            "—".to_string()
        } else {
            view.department_name(lead)
        };
        let _ = writeln!(
            w,
            r##"<rect x="0" y="{y:.1}" width="{width:.0}" height="{ROW}" fill="#f5f7fa" fill-opacity="0.85"/>"##
        );
        let _ = writeln!(
            w,
            r#"<text x="12" y="{:.1}" font-weight="bold" fill="{INK}">{}</text>"#,
            y + 16.0,
            xml(&name)
        );
        y += ROW;
        for &t in tasks {
            let task = &plan.tasks[t];
            let Some(slot) = task.slot() else { continue };
            label(w, task, slot, y, id_width);
            bar(w, &chart, task, slot, y);
            centers[t] = Some(y + ROW / 2.0);
            y += ROW;
        }
    }

    // The critical path's links.
    for pair in plan.critical_path.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let (Some(ya), Some(yb)) = (centers[a], centers[b]) else {
            continue;
        };
        let (Some(sa), Some(sb)) = (plan.tasks[a].slot(), plan.tasks[b].slot()) else {
            continue;
        };
        let xa = chart.point(sa.end);
        let xb = if plan.tasks[b].milestone {
            chart.point(sb.end)
        } else {
            chart.x(sb.work_start)
        };
        let xm = xa + (xb - xa).max(0.0) / 2.0;
        let _ = writeln!(
            w,
            r#"<polyline points="{xa:.1},{ya:.1} {xm:.1},{ya:.1} {xm:.1},{yb:.1} {xb:.1},{yb:.1}" fill="none" stroke="{CRITICAL}" stroke-width="1.2" stroke-dasharray="3 2"/>"#
        );
    }

    // Now.
    let hours = f64::from(view.clock.now.hour()) + f64::from(view.clock.now.minute()) / 60.0;
    let x_now = chart.x(today) + day_w * hours / 24.0;
    let _ = writeln!(
        w,
        r#"<line x1="{x_now:.1}" y1="{:.1}" x2="{x_now:.1}" y2="{bottom:.1}" stroke="{NOW}" stroke-width="2" stroke-dasharray="5 3"><title>{}</title></line>"#,
        HEAD - 46.0,
        xml(&view.now())
    );
    let _ = writeln!(
        w,
        r#"<text x="{:.1}" y="{:.1}" font-size="11" fill="{NOW}" font-weight="bold">{}</text>"#,
        x_now + 3.0,
        HEAD - 40.0,
        today.format("%m-%d")
    );
    let _ = writeln!(w, "</svg>");
    out
}

/// The horizontal scale: day columns from `first`.
struct Chart {
    /// The language of tooltips.
    lang: Lang,
    first: NaiveDate,
    day_w: f64,
    x0: f64,
    /// The right end of the axis: later dates are drawn there.
    x1: f64,
}

impl Chart {
    /// The left edge of `day` (kept on the axis).
    fn x(&self, day: NaiveDate) -> f64 {
        let x = self.x0 + (day - self.first).num_days() as f64 * self.day_w;
        x.clamp(self.x0, self.x1)
    }

    /// Where a point falls: the left edge of its date, or the right edge.
    fn point(&self, p: Point) -> f64 {
        (self.x(p.date) + if p.end { self.day_w } else { 0.0 }).min(self.x1)
    }
}

fn shift(day: NaiveDate, days: i64) -> NaiveDate {
    let moved = if days >= 0 {
        day.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        day.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    moved.unwrap_or(day)
}

/// The legend: one swatch per label of `labels` (tab-separated, in the
/// order of [`Msg::GanttLegend`]).
fn legend(w: &mut String, labels: &str) {
    let swatches = [
        ("rect", CRITICAL),
        ("rect", DONE),
        ("rect", PROGRESS),
        ("rect", TODO),
        ("diamond", INK),
        ("due", INK),
        ("line", NOW),
        ("rect", DAY_OFF),
        ("rect", MAKE_UP),
    ];
    let mut x = 12.0;
    let y = 66.0;
    for (label, (kind, color)) in labels.split('\t').zip(swatches) {
        match kind {
            "diamond" => {
                let _ = writeln!(
                    w,
                    r#"<rect x="{:.1}" y="{:.1}" width="8" height="8" fill="{color}" transform="rotate(45 {:.1} {:.1})"/>"#,
                    x + 3.0,
                    y - 8.0,
                    x + 7.0,
                    y - 4.0
                );
            }
            "due" => {
                let _ = writeln!(
                    w,
                    r#"<path d="M{:.1},{:.1} l8,0 l-4,7 z" fill="{color}"/>"#,
                    x + 3.0,
                    y - 10.0
                );
            }
            "line" => {
                let _ = writeln!(
                    w,
                    r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{color}" stroke-width="2" stroke-dasharray="4 2"/>"#,
                    x + 7.0,
                    y - 12.0,
                    x + 7.0,
                    y + 2.0
                );
            }
            _ => {
                let _ = writeln!(
                    w,
                    r##"<rect x="{x:.1}" y="{:.1}" width="14" height="10" rx="2" fill="{color}" stroke="#c5ccd3" stroke-width="0.5"/>"##,
                    y - 9.0
                );
            }
        }
        let _ = writeln!(
            w,
            r#"<text x="{:.1}" y="{y:.1}" fill="{MUTED}">{}</text>"#,
            x + 18.0,
            xml(label)
        );
        x += 18.0 + text_width(label) + 18.0;
    }
}

/// Roughly how wide `text` is at 12 px: wide (CJK) characters 12 px,
/// others 6.5 px.
fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| match c.width() {
            Some(2) => 12.0,
            Some(0) | None => 0.0,
            _ => 6.5,
        })
        .sum()
}

/// A task's label: id, title (cut to the column), critical in red.
fn label(w: &mut String, task: &TaskPlan, slot: &Slot, y: f64, id_width: f64) {
    let color = if slot.critical { CRITICAL } else { INK };
    let title_x = 20.0 + id_width + 12.0;
    let room = ((LABELS - title_x - 12.0) / 6.0) as usize;
    let _ = writeln!(
        w,
        r#"<text x="20" y="{:.1}" fill="{color}" font-weight="{}">{}</text>"#,
        y + 16.0,
        if slot.critical { "bold" } else { "normal" },
        xml(&cut(&task.id, (id_width / 6.5) as usize))
    );
    let _ = writeln!(
        w,
        r#"<text x="{title_x:.1}" y="{:.1}" fill="{color}">{}</text>"#,
        y + 16.0,
        xml(&cut(&task.title, room))
    );
}

/// A task's bar (or diamond), its due marker and a tooltip.
fn bar(w: &mut String, chart: &Chart, task: &TaskPlan, slot: &Slot, y: f64) {
    let top = y + (ROW - BAR) / 2.0;
    let work = Msg::GanttTip {
        effort_wd: task.effort_wd,
        remaining_wd: task.remaining_wd,
        slack_wd: slot.slack_wd,
    }
    .render(chart.lang);
    let tip = format!(
        "<title>{} {}: {} – {} ({})</title>",
        xml(&task.id),
        xml(&task.title),
        slot.start,
        slot.finish,
        xml(&work)
    );
    if task.milestone {
        let x = chart.point(slot.end);
        let color = if slot.critical { CRITICAL } else { INK };
        let c = top + BAR / 2.0;
        let _ = writeln!(
            w,
            r#"<rect x="{:.1}" y="{:.1}" width="10" height="10" fill="{color}" transform="rotate(45 {x:.1} {c:.1})">{tip}</rect>"#,
            x - 5.0,
            c - 5.0
        );
    } else {
        let x_start = chart.x(slot.start);
        let x_work = chart.x(slot.work_start);
        let x_end = chart.point(slot.end);
        let done = matches!(task.status, TaskStatus::Delivered | TaskStatus::Accepted)
            && slot.driver == crate::plan::Driver::Recorded;
        let started = matches!(
            task.status,
            TaskStatus::InProgress | TaskStatus::Blocked | TaskStatus::Rejected
        );
        if done {
            rect(w, x_start, top, x_end - x_start, DONE, &tip);
        } else {
            if x_work > x_start {
                rect(w, x_start, top, x_work - x_start, PROGRESS, &tip);
            }
            let rest = if slot.critical {
                CRITICAL
            } else if started {
                LEFT
            } else {
                TODO
            };
            rect(w, x_work, top, x_end - x_work, rest, &tip);
        }
    }
    if let Some(due) = task.due {
        let x = chart.point(Point::end_of(due));
        let color = if slot.finish > due { CRITICAL } else { INK };
        let _ = writeln!(
            w,
            r#"<path d="M{:.1},{:.1} l8,0 l-4,7 z" fill="{color}"><title>due {due}</title></path>"#,
            x - 4.0,
            top - 5.0
        );
    }
}

fn rect(w: &mut String, x: f64, y: f64, width: f64, fill: &str, tip: &str) {
    let _ = writeln!(
        w,
        r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{BAR}" rx="3" fill="{fill}">{tip}</rect>"#,
        width.max(1.0)
    );
}

/// `text` cut to `columns` display columns with "…".
fn cut(text: &str, columns: usize) -> String {
    if text.width() <= columns {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > columns {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Text for XML content and attributes.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow.
            c if crate::report::sanitize::unprintable(c) && !matches!(c, '\t' | '\n' | '\r') => {
                out.push(' ')
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{cut, xml};

    #[test]
    fn text_from_items_cannot_inject_markup() {
        assert_eq!(
            xml("<script>\"a\" & 'b'</script>\u{1}"),
            "&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt; "
        );
    }

    #[test]
    fn labels_are_cut_by_display_width() {
        assert_eq!(cut("接口联调与测试报告", 10), "接口联调…");
        assert_eq!(cut("short", 10), "short");
    }
}
