//! `baton audit --format markdown`: the same sections as the text, as
//! GitHub-flavoured Markdown to paste into an issue, mail or chat. Item
//! text is escaped.

use super::{bar, counters, department_label, hours, maybe_when, overloaded, percent, when};
use crate::audit::Audit;
use crate::messages::{Lang, Late, Msg, WaiverMsg};
use crate::report::escape;
use crate::report::md::{heading, table};

/// The audit as Markdown.
pub fn render(audit: &Audit, lang: Lang) -> String {
    let mut out = String::new();
    let now = audit.now.format("%Y-%m-%d %H:%M %:z").to_string();
    out.push_str(&heading(
        2,
        &Msg::AuditTitle {
            project: audit.project.clone(),
            now,
        }
        .render(lang),
    ));
    if !audit.scope.is_everything() {
        let scope = Msg::AuditScope {
            department: audit.scope.department.clone(),
            person: audit.scope.person.clone(),
        };
        out.push_str(&format!("_{}_\n\n", escape::message(&scope.render(lang))));
    }
    let counts: Vec<String> = counters(audit, lang)
        .into_iter()
        .map(|(label, n)| format!("{} **{n}**", escape::markdown(&label)))
        .collect();
    out.push_str(&counts.join(" · "));
    out.push_str("\n\n");
    // Who is overloaded, before any table (as the text does).
    if audit
        .load
        .as_ref()
        .is_some_and(|l| l.overloaded().next().is_some())
    {
        let overloaded = escape::message(&overloaded(audit).render(lang));
        out.push_str(&format!("**{overloaded}**\n\n"));
    }
    headline(&mut out, audit, lang);
    load(&mut out, audit, lang);
    people(&mut out, audit, lang);
    sla(&mut out, audit, lang);
    outlook(&mut out, audit, lang);
    changes(&mut out, audit, lang);
    for (title, columns, rows) in super::seeds::sections(audit, lang) {
        out.push_str(&heading(3, &title));
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|(mut cells, late)| {
                if late && let Some(by) = cells.last_mut() {
                    by.push_str(" ⚠️");
                }
                cells
            })
            .collect();
        out.push_str(&table(&columns, &rows));
    }
    waivers(&mut out, audit, lang);
    // One newline at the end: sections end with a blank line.
    format!("{}\n", out.trim_end())
}

fn headline(out: &mut String, audit: &Audit, lang: Lang) {
    let h = &audit.headline;
    if h.overdue.is_empty() {
        out.push_str(&heading(3, &Msg::AuditNothingLate.render(lang)));
    } else {
        out.push_str(&heading(3, &Msg::AuditLateHeading.render(lang)));
        let rows: Vec<Vec<String>> = h
            .overdue
            .iter()
            .map(|d| {
                let late = Late {
                    working_days: d.working_days,
                    hours: d.hours,
                };
                vec![
                    d.item.id.clone(),
                    d.item.title.clone(),
                    d.item.who(),
                    when(&d.due),
                    Msg::LateBy { late }.render(lang),
                ]
            })
            .collect();
        out.push_str(&table(&Msg::AuditDueColumns.render(lang), &rows));
        out.push('\n');
    }
    if !h.due_soon.is_empty() {
        let title = Msg::AuditDueSoonHeading {
            sla: h.due_soon_limit,
        };
        out.push_str(&heading(3, &title.render(lang)));
        let rows: Vec<Vec<String>> = h
            .due_soon
            .iter()
            .map(|d| {
                vec![
                    d.item.id.clone(),
                    d.item.title.clone(),
                    d.item.who(),
                    when(&d.due),
                    Msg::WorkingDaysLeft {
                        working_days: d.working_days,
                    }
                    .render(lang),
                ]
            })
            .collect();
        out.push_str(&table(&Msg::AuditDueColumns.render(lang), &rows));
        out.push('\n');
    }
    if !h.blocked.is_empty() {
        out.push_str(&heading(3, &Msg::AuditBlockedHeading.render(lang)));
        let rows: Vec<Vec<String>> = h
            .blocked
            .iter()
            .map(|b| {
                vec![
                    b.item.id.clone(),
                    b.item.title.clone(),
                    b.item.who(),
                    maybe_when(&b.since),
                    b.reason.clone().unwrap_or_default(),
                    b.escalated_to.clone().unwrap_or_default(),
                ]
            })
            .collect();
        out.push_str(&table(&Msg::AuditBlockedColumns.render(lang), &rows));
        out.push('\n');
    }
    if !h.awaiting_acceptance.is_empty() {
        out.push_str(&heading(3, &Msg::AuditAwaitingHeading.render(lang)));
        let rows: Vec<Vec<String>> = h
            .awaiting_acceptance
            .iter()
            .map(|a| {
                vec![
                    a.item.id.clone(),
                    a.item.title.clone(),
                    a.acceptor.clone().unwrap_or_default(),
                    maybe_when(&a.delivered),
                    maybe_when(&a.accept_by),
                ]
            })
            .collect();
        out.push_str(&table(&Msg::AuditAwaitingColumns.render(lang), &rows));
        out.push('\n');
    }
}

fn load(out: &mut String, audit: &Audit, lang: Lang) {
    let Some(load) = &audit.load else {
        out.push_str(&heading(3, &Msg::AuditNoPlan.render(lang)));
        return;
    };
    let title = Msg::AuditDepartmentsHeading {
        days: load.days,
        from: load.from.to_string(),
        to: load.to.to_string(),
    };
    out.push_str(&heading(3, &title.render(lang)));
    let mark = Msg::AuditOverloadedMark.render(lang);
    let rows: Vec<Vec<String>> = load
        .departments
        .iter()
        .map(|d| {
            let flag = if d.overloaded {
                format!(" {} {mark}", bar(d))
            } else {
                format!(" {}", bar(d))
            };
            vec![
                department_label(d),
                d.people.to_string(),
                d.lead_open.to_string(),
                d.supporting_open.to_string(),
                d.overdue.to_string(),
                d.blocked.to_string(),
                d.load_wd.to_string(),
                d.capacity_wd.to_string(),
                format!("{}{flag}", percent(d)),
            ]
        })
        .collect();
    out.push_str(&table(&Msg::AuditDepartmentColumns.render(lang), &rows));
    out.push_str(&format!(
        "\n**{}**\n\n",
        escape::message(&overloaded(audit).render(lang))
    ));
}

fn people(out: &mut String, audit: &Audit, lang: Lang) {
    let title = Msg::AuditPeopleHeading {
        days: audit.people.days,
    };
    out.push_str(&heading(3, &title.render(lang)));
    if audit.people.people.is_empty() {
        out.push_str(&format!(
            "{}\n\n",
            escape::markdown(&Msg::AuditNobodyWaiting.render(lang))
        ));
        return;
    }
    let mut rows = Vec::new();
    for person in &audit.people.people {
        let label = if person.name == person.id {
            person.id.clone()
        } else {
            format!("{} ({})", person.name, person.id)
        };
        for duty in &person.duties {
            rows.push(vec![
                label.clone(),
                Msg::AuditDuty { duty: duty.duty }.render(lang),
                duty.item.clone(),
                duty.title.clone(),
                maybe_when(&duty.by),
            ]);
        }
    }
    out.push_str(&table(&Msg::AuditPeopleColumns.render(lang), &rows));
    out.push('\n');
}

fn sla(out: &mut String, audit: &Audit, lang: Lang) {
    let report = &audit.sla;
    let title = Msg::AuditSlaHeading {
        days: report.days,
        from: report.from.format("%Y-%m-%d").to_string(),
        to: report.to.format("%Y-%m-%d").to_string(),
    };
    out.push_str(&heading(3, &title.render(lang)));
    out.push_str(&sla_table(&report.levels, lang));
    let unknown: usize = report.levels.iter().map(|l| l.unknown).sum();
    if unknown > 0 {
        out.push_str(&format!(
            "\n{}\n",
            escape::markdown(&Msg::AuditSlaUnknown { count: unknown }.render(lang))
        ));
    }
    out.push('\n');
}

/// The service-level table (shared with the monthly review).
pub(crate) fn sla_table(levels: &[crate::audit::sla::SlaStats], lang: Lang) -> String {
    let rows: Vec<Vec<String>> = levels
        .iter()
        .map(|level| {
            vec![
                Msg::SlaName { sla: level.sla }.render(lang),
                level.limit.clone(),
                level.cases.to_string(),
                level.kept.to_string(),
                level.late.to_string(),
                level.open.to_string(),
                hours(level.median_minutes, lang),
                hours(level.worst_minutes, lang),
                level
                    .worst()
                    .map_or_else(String::new, |case| case.item.clone()),
            ]
        })
        .collect();
    table(&Msg::AuditSlaColumns.render(lang), &rows)
}

fn outlook(out: &mut String, audit: &Audit, lang: Lang) {
    let o = &audit.outlook;
    out.push_str(&heading(3, &Msg::AuditPlanHeading.render(lang)));
    if !o.planned {
        out.push_str(&format!(
            "{}\n",
            escape::markdown(&Msg::AuditNoPlan.render(lang))
        ));
        return;
    }
    let finish = Msg::AuditProjectFinish {
        finish: o.finish.map(|d| d.to_string()),
    }
    .render(lang);
    let path = Msg::PlanCriticalPath {
        path: o.critical_path.iter().map(|t| t.id.clone()).collect(),
    }
    .render(lang);
    out.push_str(&format!(
        "{} · {}\n\n",
        escape::markdown(&finish),
        escape::markdown(&path)
    ));
    if o.requests.is_empty() {
        out.push_str(&format!(
            "{}\n",
            escape::markdown(&Msg::AuditNoOpenRequest.render(lang))
        ));
        return;
    }
    let rows: Vec<Vec<String>> = o
        .requests
        .iter()
        .map(|r| {
            vec![
                r.item.id.clone(),
                r.item.title.clone(),
                Msg::Status {
                    status: r.status.clone(),
                }
                .render(lang),
                r.due.map(|d| d.to_string()).unwrap_or_default(),
                r.finish.map(|d| d.to_string()).unwrap_or_default(),
                Msg::RequestSlack {
                    slack_wd: r.slack_wd,
                }
                .render(lang),
            ]
        })
        .collect();
    out.push_str(&table(&Msg::AuditRequestColumns.render(lang), &rows));
}

fn changes(out: &mut String, audit: &Audit, lang: Lang) {
    if audit.changes.is_empty() {
        return;
    }
    let title = Msg::AuditChangesHeading {
        count: audit.changes.len(),
    }
    .render(lang);
    out.push_str(&heading(3, &title));
    let rows: Vec<Vec<String>> = audit
        .changes
        .iter()
        .map(|c| {
            let by = c
                .decide_by
                .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default();
            vec![
                c.id.clone(),
                c.title.clone(),
                c.requested_by.clone().unwrap_or_default(),
                c.changes.join("; "),
                c.waiting.join(", "),
                if c.overdue {
                    format!("{by} ⚠️")
                } else {
                    by
                },
            ]
        })
        .collect();
    out.push_str(&table(&Msg::AuditChangeColumns.render(lang), &rows));
}

fn waivers(out: &mut String, audit: &Audit, lang: Lang) {
    if audit.waivers.is_empty() {
        return;
    }
    let count = audit.waivers.len();
    let title = Msg::Waiver(WaiverMsg::AuditHeading { count }).render(lang);
    out.push_str(&heading(3, &title));
    let rows: Vec<Vec<String>> = (audit.waivers.iter())
        .map(|line| super::waiver_row(line, lang))
        .collect();
    let columns = Msg::Waiver(WaiverMsg::AuditColumns).render(lang);
    out.push_str(&table(&columns, &rows));
}
