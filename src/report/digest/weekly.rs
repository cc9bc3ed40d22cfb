//! 项目周报 as Markdown, ready to paste into mail or chat: a heading per
//! request (then work outside any request), a sub-heading per department,
//! and under each: done last week, the plan for this week, risks and
//! blocked work; then the meetings' decisions and action items.

use super::{name, short};
use crate::digest::weekly::{DepartmentDigest, Done, Group, Weekly};
use crate::messages::{Lang, Late, Msg};
use crate::model::Org;
use crate::report::escape;
use crate::report::md::{heading, table};

/// The weekly report as Markdown.
pub fn render(weekly: &Weekly, org: &Org, lang: Lang) -> String {
    let mut out = heading(
        1,
        &Msg::WeeklyTitle {
            project: weekly.project.clone(),
            week: weekly.week.clone(),
            from: weekly.from.to_string(),
            to: weekly.to.to_string(),
        }
        .render(lang),
    );
    let summary = Msg::WeeklySummary {
        updates: weekly.updates,
        accepted: weekly.accepted,
        overdue: weekly.overdue,
        blocked: weekly.blocked,
        meetings: weekly.meetings.len(),
    };
    out.push_str(&format!("{}\n\n", escape::markdown(&summary.render(lang))));
    for group in &weekly.groups {
        render_group(&mut out, weekly, group, org, lang);
    }
    out.push_str(&heading(2, &Msg::WeeklyMeetingsHeading.render(lang)));
    if weekly.meetings.is_empty() {
        out.push_str(&format!(
            "{}\n\n",
            escape::markdown(&Msg::Nothing.render(lang))
        ));
    }
    for meeting in &weekly.meetings {
        out.push_str(&format!(
            "### {} {} ({})\n\n",
            escape::markdown(&meeting.id),
            escape::markdown(&meeting.title),
            short(&meeting.start)
        ));
        if !meeting.decisions.is_empty() {
            out.push_str(&format!(
                "**{}**\n\n",
                escape::markdown(&Msg::WeeklyDecisions.render(lang))
            ));
            for decision in &meeting.decisions {
                out.push_str(&format!("- {}\n", escape::markdown(decision)));
            }
            out.push('\n');
        }
        if !meeting.actions.is_empty() {
            let rows: Vec<Vec<String>> = meeting
                .actions
                .iter()
                .map(|a| {
                    let title = match &a.task {
                        Some(task) => format!("{} → {task}", a.title),
                        None => a.title.clone(),
                    };
                    vec![
                        title,
                        a.owner.as_deref().map(|o| name(org, o)).unwrap_or_default(),
                        a.due.as_ref().map(short).unwrap_or_default(),
                        a.confirmed.as_ref().map(short).unwrap_or_default(),
                    ]
                })
                .collect();
            out.push_str(&table(&Msg::WeeklyActionColumns.render(lang), &rows));
            out.push('\n');
        }
    }
    out.push_str(&super::relations::render(&weekly.relations, lang));
    // One newline at the end: sections end with a blank line.
    format!("{}\n", out.trim_end())
}

fn render_group(out: &mut String, weekly: &Weekly, group: &Group, org: &Org, lang: Lang) {
    match &group.request {
        Some(request) => {
            out.push_str(&format!(
                "## {} {}\n\n",
                escape::markdown(&request.id),
                escape::markdown(&request.title)
            ));
            let dates = Msg::PlannedDates {
                start: None,
                finish: request.finish.map(|d| d.to_string()),
            };
            let slack = Msg::RequestSlack {
                slack_wd: request.slack_wd,
            };
            let due = request.due.map_or_else(
                || Msg::Nothing.render(lang),
                |d| {
                    Msg::DueDate {
                        date: d.to_string(),
                    }
                    .render(lang)
                },
            );
            // "not planned" once, not as both the dates and the slack.
            let mut parts = vec![due, dates.render(lang)];
            if request.finish.is_some() {
                parts.push(slack.render(lang));
            }
            let parts: Vec<String> = parts.iter().map(|p| escape::markdown(p)).collect();
            out.push_str(&format!("{}\n\n", parts.join(" · ")));
        }
        None => out.push_str(&heading(2, &Msg::WeeklyNoRequest.render(lang))),
    }
    if !group.risks.is_empty() {
        out.push_str(&format!(
            "**{}**\n\n",
            escape::markdown(&Msg::WeeklyRisksHeading.render(lang))
        ));
        for risk in &group.risks {
            let label = Msg::RiskLine {
                owner: risk.owner.as_deref().map(|o| name(org, o)),
            };
            let mut line = format!(
                "- {}: {}",
                escape::message(&label.render(lang)),
                escape::markdown(&risk.description)
            );
            if let Some(m) = &risk.mitigation {
                line.push_str(&format!(
                    " — {}: {}",
                    escape::markdown(&Msg::MitigationLabel.render(lang)),
                    escape::markdown(m)
                ));
            }
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
    }
    for department in &group.departments {
        render_department(out, weekly, department, org, lang);
    }
}

fn render_department(
    out: &mut String,
    weekly: &Weekly,
    department: &DepartmentDigest,
    org: &Org,
    lang: Lang,
) {
    let title = if department.id.is_empty() {
        "—".to_string()
    } else if department.name == department.id {
        department.id.clone()
    } else {
        format!("{} ({})", department.name, department.id)
    };
    out.push_str(&format!("### {}\n\n", escape::markdown(&title)));
    let label = |msg: Msg| format!("**{}**\n\n", escape::markdown(&msg.render(lang)));
    if !department.done.is_empty() {
        out.push_str(&label(Msg::WeeklyDoneHeading));
        for line in &department.done {
            let what = match &line.what {
                Done::Update { by, progress, text } => {
                    let mut parts = Vec::new();
                    if let Some(by) = by {
                        parts.push(name(org, by));
                    }
                    if let Some(p) = progress {
                        parts.push(format!("{p}%"));
                    }
                    let head = escape::markdown(&parts.join(" · "));
                    match text {
                        Some(text) => format!("{head}: {}", escape::markdown(text)),
                        None => head,
                    }
                }
                Done::Review { by, verdict } => {
                    let status = Msg::Status {
                        status: verdict.clone(),
                    }
                    .render(lang);
                    match by {
                        Some(by) => escape::markdown(&format!("{status} · {}", name(org, by))),
                        None => escape::markdown(&status),
                    }
                }
                Done::Status(change) => {
                    let status = |s: &str| {
                        Msg::Status {
                            status: s.to_string(),
                        }
                        .render(lang)
                    };
                    let msg = Msg::WeeklyStatusChange {
                        from: change.from.as_deref().map_or_else(|| "—".into(), status),
                        to: status(&change.to),
                        commit: change.commit.clone(),
                        who: name(org, &change.who),
                    };
                    escape::message(&msg.render(lang))
                }
            };
            out.push_str(&format!(
                "- {} {} {} — {}\n",
                short(&line.at),
                escape::markdown(&line.item),
                escape::markdown(&line.title),
                what
            ));
        }
        out.push('\n');
    }
    if !department.plan.is_empty() {
        out.push_str(&label(Msg::WeeklyPlanHeading {
            from: weekly.next_from.to_string(),
            to: weekly.next_to.to_string(),
        }));
        for line in &department.plan {
            let mut parts = Vec::new();
            if let Some(owner) = &line.owner {
                parts.push(escape::markdown(&name(org, owner)));
            }
            if let Some(next) = &line.next {
                parts.push(escape::markdown(next));
            }
            if line.start.is_some() || line.finish.is_some() {
                let dates = Msg::PlannedDates {
                    start: line.start.map(|d| d.to_string()),
                    finish: line.finish.map(|d| d.to_string()),
                };
                parts.push(escape::markdown(&dates.render(lang)));
            }
            out.push_str(&format!(
                "- {} {} — {}\n",
                escape::markdown(&line.item),
                escape::markdown(&line.title),
                parts.join(" · ")
            ));
        }
        out.push('\n');
    }
    if !department.overdue.is_empty() || !department.blocked.is_empty() {
        out.push_str(&label(Msg::WeeklyRisksHeading));
        for d in &department.overdue {
            let late = Msg::Overdue {
                due: short(&d.due),
                late: Late {
                    working_days: d.working_days,
                    hours: d.hours,
                },
            };
            let mut line = format!(
                "- {} {} — ",
                escape::markdown(&d.item.id),
                escape::markdown(&d.item.title)
            );
            if let Some(owner) = &d.item.owner {
                line.push_str(&format!("{} · ", escape::markdown(&name(org, owner))));
            }
            line.push_str(&escape::message(&late.render(lang)));
            out.push_str(&line);
            out.push('\n');
        }
        for b in &department.blocked {
            let msg = Msg::BlockedSince {
                since: b.since.as_ref().map(short),
                escalated_to: b.escalated_to.as_deref().map(|p| name(org, p)),
            };
            let mut line = format!(
                "- {} {} — {}",
                escape::markdown(&b.item.id),
                escape::markdown(&b.item.title),
                escape::message(&msg.render(lang))
            );
            if let Some(reason) = &b.reason {
                line.push_str(&format!(": {}", escape::markdown(reason)));
            }
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
    }
}
