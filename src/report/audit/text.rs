//! `baton audit` as text: one terminal screen, most urgent first — the
//! counters, what is late, blocked and waiting for acceptance, the
//! departments' load with the overloaded named, reminders per person,
//! service levels, and the plan. Columns are aligned by display width.

use super::{bar, counters, department_label, hours, maybe_when, overloaded, percent, when};
use crate::audit::Audit;
use crate::messages::{Lang, Late, Msg, WaiverMsg};
use crate::report::columns::Table;

/// Titles are cut to this many display columns.
const TITLE: usize = 26;
/// Free text (block reasons) is cut to this many.
const REASON: usize = 30;

/// The audit as text.
pub fn render(audit: &Audit, lang: Lang) -> String {
    let mut out = String::new();
    let now = audit.now.format("%Y-%m-%d %H:%M %:z").to_string();
    line(
        &mut out,
        &Msg::AuditTitle {
            project: audit.project.clone(),
            now,
        }
        .render(lang),
    );
    if !audit.scope.is_everything() {
        line(
            &mut out,
            &Msg::AuditScope {
                department: audit.scope.department.clone(),
                person: audit.scope.person.clone(),
            }
            .render(lang),
        );
    }
    let counts: Vec<String> = counters(audit, lang)
        .into_iter()
        .map(|(label, n)| format!("{label} {n}"))
        .collect();
    out.push('\n');
    line(&mut out, &counts.join(" · "));
    // What a lead must see first: who is overloaded, before any table.
    if audit
        .load
        .as_ref()
        .is_some_and(|l| l.overloaded().next().is_some())
    {
        line(&mut out, &overloaded(audit).render(lang));
    }
    headline(&mut out, audit, lang);
    load(&mut out, audit, lang);
    people(&mut out, audit, lang);
    sla(&mut out, audit, lang);
    outlook(&mut out, audit, lang);
    changes(&mut out, audit, lang);
    seed_sections(&mut out, audit, lang);
    waivers(&mut out, audit, lang);
    out
}

/// Complaints not closed and agreements waiting.
fn seed_sections(out: &mut String, audit: &Audit, lang: Lang) {
    for (title, columns, rows) in super::seeds::sections(audit, lang) {
        out.push('\n');
        line(out, &title);
        let mut table = Table::new(&columns).limit(1, TITLE);
        for (mut cells, late) in rows {
            if late && let Some(by) = cells.last_mut() {
                by.push_str(" ⚠");
            }
            table.row(cells);
        }
        out.push_str(&table.render("  "));
    }
}

fn waivers(out: &mut String, audit: &Audit, lang: Lang) {
    if audit.waivers.is_empty() {
        return;
    }
    let count = audit.waivers.len();
    heading(out, Msg::Waiver(WaiverMsg::AuditHeading { count }), lang);
    let columns = Msg::Waiver(WaiverMsg::AuditColumns).render(lang);
    let mut table = Table::new(&columns).limit(5, REASON);
    for line in &audit.waivers {
        table.row(super::waiver_row(line, lang));
    }
    out.push_str(&table.render("  "));
}

fn changes(out: &mut String, audit: &Audit, lang: Lang) {
    if audit.changes.is_empty() {
        return;
    }
    heading(
        out,
        Msg::AuditChangesHeading {
            count: audit.changes.len(),
        },
        lang,
    );
    let mut table = Table::new(&Msg::AuditChangeColumns.render(lang)).limit(1, TITLE);
    for change in &audit.changes {
        let by = maybe_when(&change.decide_by);
        table.row(vec![
            change.id.clone(),
            change.title.clone(),
            change.requested_by.clone().unwrap_or_default(),
            change.changes.join("; "),
            change.waiting.join(", "),
            if change.overdue {
                format!("{by} ⚠")
            } else {
                by
            },
        ]);
    }
    out.push_str(&table.render("  "));
}

fn line(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

fn heading(out: &mut String, msg: Msg, lang: Lang) {
    out.push('\n');
    line(out, &msg.render(lang));
}

fn headline(out: &mut String, audit: &Audit, lang: Lang) {
    let h = &audit.headline;
    if h.overdue.is_empty() {
        heading(out, Msg::AuditNothingLate, lang);
    } else {
        heading(out, Msg::AuditLateHeading, lang);
        let mut table = Table::new(&Msg::AuditDueColumns.render(lang)).limit(1, TITLE);
        for d in &h.overdue {
            let late = Late {
                working_days: d.working_days,
                hours: d.hours,
            };
            table.row(vec![
                d.item.id.clone(),
                d.item.title.clone(),
                d.item.who(),
                when(&d.due),
                Msg::LateBy { late }.render(lang),
            ]);
        }
        out.push_str(&table.render("  "));
    }
    if !h.due_soon.is_empty() {
        heading(
            out,
            Msg::AuditDueSoonHeading {
                sla: h.due_soon_limit,
            },
            lang,
        );
        let mut table = Table::new(&Msg::AuditDueColumns.render(lang)).limit(1, TITLE);
        for d in &h.due_soon {
            table.row(vec![
                d.item.id.clone(),
                d.item.title.clone(),
                d.item.who(),
                when(&d.due),
                Msg::WorkingDaysLeft {
                    working_days: d.working_days,
                }
                .render(lang),
            ]);
        }
        out.push_str(&table.render("  "));
    }
    if !h.blocked.is_empty() {
        heading(out, Msg::AuditBlockedHeading, lang);
        let mut table = Table::new(&Msg::AuditBlockedColumns.render(lang))
            .limit(1, TITLE)
            .limit(4, REASON);
        for b in &h.blocked {
            table.row(vec![
                b.item.id.clone(),
                b.item.title.clone(),
                b.item.who(),
                maybe_when(&b.since),
                b.reason.clone().unwrap_or_default(),
                b.escalated_to.clone().unwrap_or_else(|| "—".into()),
            ]);
        }
        out.push_str(&table.render("  "));
    }
    if !h.awaiting_acceptance.is_empty() {
        heading(out, Msg::AuditAwaitingHeading, lang);
        let mut table = Table::new(&Msg::AuditAwaitingColumns.render(lang)).limit(1, TITLE);
        for a in &h.awaiting_acceptance {
            table.row(vec![
                a.item.id.clone(),
                a.item.title.clone(),
                a.acceptor.clone().unwrap_or_default(),
                maybe_when(&a.delivered),
                maybe_when(&a.accept_by),
            ]);
        }
        out.push_str(&table.render("  "));
    }
}

fn load(out: &mut String, audit: &Audit, lang: Lang) {
    let Some(load) = &audit.load else {
        heading(out, Msg::AuditNoPlan, lang);
        return;
    };
    heading(
        out,
        Msg::AuditDepartmentsHeading {
            days: load.days,
            from: load.from.to_string(),
            to: load.to.to_string(),
        },
        lang,
    );
    let mut table =
        Table::new(&Msg::AuditDepartmentColumns.render(lang)).right(&[1, 2, 3, 4, 5, 6, 7, 8]);
    let mark = Msg::AuditOverloadedMark.render(lang);
    for d in &load.departments {
        // The bar is a column of its own, left-aligned, so the mark after
        // it does not push the percentages out of line.
        let flag = if d.overloaded {
            format!("{} {mark}", bar(d))
        } else {
            bar(d)
        };
        table.row(vec![
            department_label(d),
            d.people.to_string(),
            d.lead_open.to_string(),
            d.supporting_open.to_string(),
            d.overdue.to_string(),
            d.blocked.to_string(),
            d.load_wd.to_string(),
            d.capacity_wd.to_string(),
            percent(d),
            flag,
        ]);
    }
    out.push_str(&table.render("  "));
    line(out, &format!("  {}", overloaded(audit).render(lang)));
}

fn people(out: &mut String, audit: &Audit, lang: Lang) {
    heading(
        out,
        Msg::AuditPeopleHeading {
            days: audit.people.days,
        },
        lang,
    );
    if audit.people.people.is_empty() {
        line(out, &format!("  {}", Msg::AuditNobodyWaiting.render(lang)));
        return;
    }
    let mut table = Table::new(&Msg::AuditPeopleColumns.render(lang)).limit(3, TITLE);
    for person in &audit.people.people {
        let label = if person.name == person.id {
            person.id.clone()
        } else {
            format!("{} ({})", person.name, person.id)
        };
        for (i, duty) in person.duties.iter().enumerate() {
            table.row(vec![
                if i == 0 { label.clone() } else { String::new() },
                Msg::AuditDuty { duty: duty.duty }.render(lang),
                duty.item.clone(),
                duty.title.clone(),
                maybe_when(&duty.by),
            ]);
        }
    }
    out.push_str(&table.render("  "));
}

fn sla(out: &mut String, audit: &Audit, lang: Lang) {
    let report = &audit.sla;
    heading(
        out,
        Msg::AuditSlaHeading {
            days: report.days,
            from: report.from.format("%Y-%m-%d").to_string(),
            to: report.to.format("%Y-%m-%d").to_string(),
        },
        lang,
    );
    let mut table = Table::new(&Msg::AuditSlaColumns.render(lang)).right(&[2, 3, 4, 5, 6, 7]);
    let mut unknown = 0;
    for level in &report.levels {
        unknown += level.unknown;
        table.row(vec![
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
        ]);
    }
    out.push_str(&table.render("  "));
    if unknown > 0 {
        line(
            out,
            &format!("  {}", Msg::AuditSlaUnknown { count: unknown }.render(lang)),
        );
    }
}

fn outlook(out: &mut String, audit: &Audit, lang: Lang) {
    let o = &audit.outlook;
    heading(out, Msg::AuditPlanHeading, lang);
    if !o.planned {
        line(out, &format!("  {}", Msg::AuditNoPlan.render(lang)));
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
    line(out, &format!("  {finish} · {path}"));
    if o.requests.is_empty() {
        line(out, &format!("  {}", Msg::AuditNoOpenRequest.render(lang)));
        return;
    }
    let mut table = Table::new(&Msg::AuditRequestColumns.render(lang)).limit(1, TITLE);
    for r in &o.requests {
        table.row(vec![
            r.item.id.clone(),
            r.item.title.clone(),
            Msg::Status {
                status: r.status.clone(),
            }
            .render(lang),
            r.due.map(|d| d.to_string()).unwrap_or_else(|| "—".into()),
            r.finish
                .map(|d| d.to_string())
                .unwrap_or_else(|| "—".into()),
            Msg::RequestSlack {
                slack_wd: r.slack_wd,
            }
            .render(lang),
        ]);
    }
    out.push_str(&table.render("  "));
}
