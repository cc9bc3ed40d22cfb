//! `index.html`: the audit as a page. The two answers a lead looks for
//! first — what is late, which department is overloaded — stand right
//! under the counters.

use super::layout::{Nav, Shell, nav_label, page};
use super::{Row, e, h2, num, raw, request_page, table, text, wrap};
use crate::audit::Audit;
use crate::messages::{Lang, Late, Msg};
use crate::report::audit::{
    counters, department_label, hours, maybe_when, overloaded, percent, when,
};
use crate::report::escape;

/// The overview page.
pub fn render(audit: &Audit, now: &str, lang: Lang) -> String {
    let mut body = String::new();
    let title = Msg::AuditTitle {
        project: audit.project.clone(),
        now: now.to_string(),
    }
    .render(lang);
    body.push_str(&format!("<h1>{}</h1>\n", e(&audit.project)));
    body.push_str(&format!("<p class=\"meta\">{}</p>\n", e(&title)));
    cards(&mut body, audit, lang);
    callouts(&mut body, audit, lang);
    late(&mut body, audit, lang);
    load(&mut body, audit, lang);
    people(&mut body, audit, lang);
    sla(&mut body, audit, lang);
    outlook(&mut body, audit, lang);
    page(
        &Shell {
            project: &audit.project,
            title: &nav_label(Nav::Overview, lang),
            here: Nav::Overview,
            now,
            lang,
        },
        &body,
    )
}

fn cards(body: &mut String, audit: &Audit, lang: Lang) {
    body.push_str("<div class=\"cards\">\n");
    for (i, (label, n)) in counters(audit, lang).into_iter().enumerate() {
        // Overdue is bad; blocked and due soon want attention.
        let class = match (i, n) {
            (_, 0) => "",
            (2, _) => " bad",
            (1 | 3 | 4, _) => " warn",
            _ => "",
        };
        body.push_str(&format!(
            "<div class=\"card{class}\"><div class=\"n\">{n}</div><div class=\"l\">{}</div></div>\n",
            e(&label)
        ));
    }
    body.push_str("</div>\n");
}

fn callouts(body: &mut String, audit: &Audit, lang: Lang) {
    let h = &audit.headline;
    if h.overdue.is_empty() {
        body.push_str(&format!(
            "<p class=\"callout\">{}</p>\n",
            e(&Msg::AuditNothingLate.render(lang))
        ));
    } else {
        let ids: Vec<String> = h
            .overdue
            .iter()
            .map(|d| format!("{} {}", d.item.id, d.item.title))
            .collect();
        body.push_str(&format!(
            "<p class=\"callout bad\">{}: {}</p>\n",
            e(&Msg::AuditLateHeading.render(lang)),
            e(&ids.join(" · "))
        ));
    }
    if audit.load.is_some() {
        let message = overloaded(audit);
        let bad =
            matches!(&message, Msg::AuditOverloaded { departments } if !departments.is_empty());
        body.push_str(&format!(
            "<p class=\"callout{}\">{}</p>\n",
            if bad { " bad" } else { "" },
            escape::html_message(&message.render(lang))
        ));
    }
}

fn late(body: &mut String, audit: &Audit, lang: Lang) {
    let h = &audit.headline;
    if !h.overdue.is_empty() {
        body.push_str(&h2(&Msg::AuditLateHeading.render(lang)));
        let rows: Vec<Row> = h
            .overdue
            .iter()
            .map(|d| Row {
                cells: vec![
                    text(&d.item.id),
                    wrap(&d.item.title),
                    text(&d.item.who()),
                    text(&when(&d.due)),
                    raw(format!(
                        "<span class=\"tag bad\">{}</span>",
                        e(&Msg::LateBy {
                            late: Late {
                                working_days: d.working_days,
                                hours: d.hours,
                            },
                        }
                        .render(lang))
                    )),
                ],
                class: None,
            })
            .collect();
        body.push_str(&table(&Msg::AuditDueColumns.render(lang), &rows));
    }
    if !h.due_soon.is_empty() {
        body.push_str(&h2(&Msg::AuditDueSoonHeading {
            sla: h.due_soon_limit,
        }
        .render(lang)));
        let rows: Vec<Row> = h
            .due_soon
            .iter()
            .map(|d| Row {
                cells: vec![
                    text(&d.item.id),
                    wrap(&d.item.title),
                    text(&d.item.who()),
                    text(&when(&d.due)),
                    raw(format!(
                        "<span class=\"tag warn\">{}</span>",
                        e(&Msg::WorkingDaysLeft {
                            working_days: d.working_days
                        }
                        .render(lang))
                    )),
                ],
                class: None,
            })
            .collect();
        body.push_str(&table(&Msg::AuditDueColumns.render(lang), &rows));
    }
    if !h.blocked.is_empty() {
        body.push_str(&h2(&Msg::AuditBlockedHeading.render(lang)));
        let rows: Vec<Row> = h
            .blocked
            .iter()
            .map(|b| Row {
                cells: vec![
                    text(&b.item.id),
                    wrap(&b.item.title),
                    text(&b.item.who()),
                    text(&maybe_when(&b.since)),
                    wrap(b.reason.as_deref().unwrap_or("")),
                    text(b.escalated_to.as_deref().unwrap_or("—")),
                ],
                class: if b.escalated_to.is_none() {
                    Some("bad")
                } else {
                    None
                },
            })
            .collect();
        body.push_str(&table(&Msg::AuditBlockedColumns.render(lang), &rows));
    }
    if !h.awaiting_acceptance.is_empty() {
        body.push_str(&h2(&Msg::AuditAwaitingHeading.render(lang)));
        let rows: Vec<Row> = h
            .awaiting_acceptance
            .iter()
            .map(|a| Row {
                cells: vec![
                    text(&a.item.id),
                    wrap(&a.item.title),
                    text(a.acceptor.as_deref().unwrap_or("")),
                    text(&maybe_when(&a.delivered)),
                    text(&maybe_when(&a.accept_by)),
                ],
                class: None,
            })
            .collect();
        body.push_str(&table(&Msg::AuditAwaitingColumns.render(lang), &rows));
    }
}

fn load(body: &mut String, audit: &Audit, lang: Lang) {
    let Some(load) = &audit.load else {
        body.push_str(&h2(&Msg::AuditNoPlan.render(lang)));
        return;
    };
    body.push_str(&h2(&Msg::AuditDepartmentsHeading {
        days: load.days,
        from: load.from.to_string(),
        to: load.to.to_string(),
    }
    .render(lang)));
    let mark = Msg::AuditOverloadedMark.render(lang);
    let rows: Vec<Row> = load
        .departments
        .iter()
        .map(|d| {
            let width = d
                .percent()
                .unwrap_or(if d.load_wd > 0 { 100 } else { 0 })
                .clamp(0, 100);
            let flag = if d.overloaded {
                format!(" <span class=\"tag bad\">{}</span>", e(&mark))
            } else {
                String::new()
            };
            Row {
                cells: vec![
                    text(&department_label(d)),
                    num(d.people),
                    num(d.lead_open),
                    num(d.supporting_open),
                    num(d.overdue),
                    num(d.blocked),
                    num(d.load_wd),
                    num(d.capacity_wd),
                    raw(format!(
                        "<span class=\"bar\"><span style=\"width:{width}%\"></span></span>{}{flag}",
                        e(&percent(d))
                    )),
                ],
                class: d.overloaded.then_some("bad"),
            }
        })
        .collect();
    body.push_str(&table(&Msg::AuditDepartmentColumns.render(lang), &rows));
}

fn people(body: &mut String, audit: &Audit, lang: Lang) {
    body.push_str(&h2(&Msg::AuditPeopleHeading {
        days: audit.people.days,
    }
    .render(lang)));
    if audit.people.people.is_empty() {
        body.push_str(&format!(
            "<p>{}</p>\n",
            e(&Msg::AuditNobodyWaiting.render(lang))
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
        for (i, duty) in person.duties.iter().enumerate() {
            let overdue = duty.duty == crate::messages::Duty::Overdue;
            rows.push(Row {
                cells: vec![
                    text(if i == 0 { &label } else { "" }),
                    text(&Msg::AuditDuty { duty: duty.duty }.render(lang)),
                    text(&duty.item),
                    wrap(&duty.title),
                    text(&maybe_when(&duty.by)),
                ],
                class: overdue.then_some("bad"),
            });
        }
    }
    body.push_str(&table(&Msg::AuditPeopleColumns.render(lang), &rows));
}

fn sla(body: &mut String, audit: &Audit, lang: Lang) {
    let report = &audit.sla;
    body.push_str(&h2(&Msg::AuditSlaHeading {
        days: report.days,
        from: report.from.format("%Y-%m-%d").to_string(),
        to: report.to.format("%Y-%m-%d").to_string(),
    }
    .render(lang)));
    let rows: Vec<Row> = report
        .levels
        .iter()
        .map(|level| {
            let worst = level
                .worst()
                .map_or_else(String::new, |case| case.item.clone());
            Row {
                cells: vec![
                    text(&Msg::SlaName { sla: level.sla }.render(lang)),
                    text(&level.limit),
                    num(level.cases),
                    num(level.kept),
                    num(level.late),
                    num(level.open),
                    num(hours(level.median_minutes, lang)),
                    num(hours(level.worst_minutes, lang)),
                    text(&worst),
                ],
                class: (level.late > 0).then_some("bad"),
            }
        })
        .collect();
    body.push_str(&table(&Msg::AuditSlaColumns.render(lang), &rows));
    let unknown: usize = report.levels.iter().map(|l| l.unknown).sum();
    if unknown > 0 {
        body.push_str(&format!(
            "<p class=\"meta\">{}</p>\n",
            e(&Msg::AuditSlaUnknown { count: unknown }.render(lang))
        ));
    }
}

fn outlook(body: &mut String, audit: &Audit, lang: Lang) {
    let o = &audit.outlook;
    body.push_str(&h2(&Msg::AuditPlanHeading.render(lang)));
    if !o.planned {
        body.push_str(&format!("<p>{}</p>\n", e(&Msg::AuditNoPlan.render(lang))));
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
    body.push_str(&format!(
        "<p>{} · <a href=\"plan.html\">{}</a></p>\n",
        e(&finish),
        e(&path)
    ));
    if o.requests.is_empty() {
        body.push_str(&format!(
            "<p>{}</p>\n",
            e(&Msg::AuditNoOpenRequest.render(lang))
        ));
        return;
    }
    let rows: Vec<Row> = o
        .requests
        .iter()
        .map(|r| Row {
            cells: vec![
                raw(format!(
                    "<a href=\"{}\">{}</a>",
                    e(&request_page(&r.item.id)),
                    e(&r.item.id)
                )),
                wrap(&r.item.title),
                text(
                    &Msg::Status {
                        status: r.status.clone(),
                    }
                    .render(lang),
                ),
                text(&r.due.map(|d| d.to_string()).unwrap_or_default()),
                text(&r.finish.map(|d| d.to_string()).unwrap_or_default()),
                text(
                    &Msg::RequestSlack {
                        slack_wd: r.slack_wd,
                    }
                    .render(lang),
                ),
            ],
            class: r.slack_wd.is_some_and(|s| s < 0).then_some("bad"),
        })
        .collect();
    body.push_str(&table(&Msg::AuditRequestColumns.render(lang), &rows));
}
