//! 月度复盘报告 as Markdown: goals met, service levels, recurring causes
//! of delay, and the retrospective actions still listed.

use super::short;
use crate::digest::monthly::Monthly;
use crate::messages::{Lang, Msg};
use crate::report::audit::sla_table;
use crate::report::escape;
use crate::report::md::{heading, table};

/// The monthly review as Markdown.
pub fn render(monthly: &Monthly, lang: Lang) -> String {
    let mut out = heading(
        1,
        &Msg::MonthlyTitle {
            project: monthly.project.clone(),
            month: monthly.month.clone(),
        }
        .render(lang),
    );
    let nothing = || format!("{}\n\n", escape::markdown(&Msg::Nothing.render(lang)));

    out.push_str(&heading(2, &Msg::MonthlyGoalsHeading.render(lang)));
    let summary = Msg::MonthlyGoalsSummary {
        met: monthly.met,
        due: monthly.counted,
    };
    out.push_str(&format!(
        "**{}**\n\n",
        escape::markdown(&summary.render(lang))
    ));
    if monthly.goals.is_empty() {
        out.push_str(&nothing());
    } else {
        let rows: Vec<Vec<String>> = monthly
            .goals
            .iter()
            .map(|g| {
                vec![
                    g.item.id.clone(),
                    g.item.title.clone(),
                    g.item.department.clone().unwrap_or_default(),
                    g.due.format("%Y-%m-%d").to_string(),
                    Msg::Goal { outcome: g.outcome }.render(lang),
                ]
            })
            .collect();
        out.push_str(&table(&Msg::MonthlyGoalColumns.render(lang), &rows));
        out.push('\n');
    }

    out.push_str(&heading(
        2,
        &Msg::MonthlySlaHeading {
            from: monthly.from.to_string(),
            to: monthly.to.to_string(),
        }
        .render(lang),
    ));
    out.push_str(&sla_table(&monthly.sla, lang));
    out.push('\n');

    out.push_str(&heading(2, &Msg::MonthlyDelaysHeading.render(lang)));
    out.push_str(&heading(3, &Msg::MonthlyBlockedReasons.render(lang)));
    if monthly.blocked.is_empty() {
        out.push_str(&nothing());
    } else {
        let rows: Vec<Vec<String>> = monthly
            .blocked
            .iter()
            .map(|b| {
                vec![
                    b.item.id.clone(),
                    b.item.title.clone(),
                    b.item.department.clone().unwrap_or_default(),
                    b.since.as_ref().map(short).unwrap_or_default(),
                    b.reason.clone().unwrap_or_default(),
                ]
            })
            .collect();
        out.push_str(&table(&Msg::MonthlyBlockedColumns.render(lang), &rows));
        out.push('\n');
    }
    out.push_str(&heading(3, &Msg::MonthlyLateByDepartment.render(lang)));
    if monthly.late_by_department.is_empty() {
        out.push_str(&nothing());
    } else {
        let rows: Vec<Vec<String>> = monthly
            .late_by_department
            .iter()
            .map(|d| {
                let label = if d.id.is_empty() {
                    "—".to_string()
                } else if d.name == d.id {
                    d.id.clone()
                } else {
                    format!("{} ({})", d.name, d.id)
                };
                vec![label, d.items.len().to_string(), d.items.join(", ")]
            })
            .collect();
        out.push_str(&table(&Msg::MonthlyLateColumns.render(lang), &rows));
        out.push('\n');
    }
    out.push_str(&heading(3, &Msg::MonthlyRules.render(lang)));
    if monthly.rules.is_empty() {
        out.push_str(&nothing());
    } else {
        let rows: Vec<Vec<String>> = monthly
            .rules
            .iter()
            .map(|r| {
                vec![
                    r.code.clone(),
                    r.name.clone(),
                    r.findings.to_string(),
                    r.items.join(", "),
                ]
            })
            .collect();
        out.push_str(&table(&Msg::MonthlyRuleColumns.render(lang), &rows));
        out.push('\n');
    }

    out.push_str(&heading(2, &Msg::MonthlyRetroHeading.render(lang)));
    if monthly.retrospective_actions.is_empty() {
        out.push_str(&nothing());
    } else {
        let rows: Vec<Vec<String>> = monthly
            .retrospective_actions
            .iter()
            .map(|a| {
                vec![
                    a.request.clone(),
                    a.action.clone(),
                    a.at.as_ref()
                        .map(|t| t.format("%Y-%m-%d").to_string())
                        .unwrap_or_default(),
                ]
            })
            .collect();
        out.push_str(&table(&Msg::MonthlyRetroColumns.render(lang), &rows));
    }
    out.push('\n');
    out.push_str(&super::relations::render(&monthly.relations, lang));
    // One newline at the end: sections end with a blank line.
    format!("{}\n", out.trim_end())
}
