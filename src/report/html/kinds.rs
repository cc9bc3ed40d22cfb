//! `complaints.html`, `agreements.html` and `comms.html`: every complaint,
//! agreement and communication record with where it stands, and above the
//! complaints and agreements the audit's list of those that wait.

use super::layout::{Nav, Shell, nav_label, page};
use super::{Page, Row, e, h2, table, text, wrap};
use crate::audit::Audit;
use crate::check::Checked;
use crate::messages::{Lang, Msg, SeedMsg};
use crate::model::{agreement_stage, complaint_stage};
use crate::report::audit::seeds::{LateRow, sections, stage};

/// The three pages.
pub fn render(audit: &Audit, checked: &Checked, now: &str, lang: Lang) -> Vec<Page> {
    let project = &checked.project;
    let clock = &checked.clock;
    let shell = |here: Nav, body: &str| {
        page(
            &Shell {
                project: &project.settings.name,
                title: &nav_label(here, lang),
                here,
                now,
                lang,
            },
            body,
        )
    };
    let waiting = sections(audit, lang);
    let waiting_of = |columns: &str| -> String {
        waiting
            .iter()
            .filter(|(_, c, _)| c == columns)
            .map(|(title, columns, rows)| format!("{}{}", h2(title), late_table(columns, rows)))
            .collect()
    };

    let complaints: Vec<Row> = project
        .complaints
        .iter()
        .map(|c| {
            let received = c
                .received_at
                .as_ref()
                .map(|t| clock.show(clock.event(t)))
                .unwrap_or_default();
            let satisfaction = c
                .follow_up
                .as_ref()
                .and_then(|f| f.satisfaction.as_ref())
                .map(|s| stage(s.get().as_str(), lang))
                .unwrap_or_default();
            Row {
                cells: vec![
                    text(&c.id),
                    wrap(&c.title),
                    wrap(c.customer.as_deref().map_or("", |s| s.as_str())),
                    text(
                        &c.severity
                            .as_ref()
                            .map(|s| stage(s.get().as_str(), lang))
                            .unwrap_or_default(),
                    ),
                    text(c.owner.as_deref().map_or("", |s| s.as_str())),
                    text(&stage(complaint_stage(&c.body), lang)),
                    text(&received),
                    text(&satisfaction),
                ],
                class: None,
            }
        })
        .collect();
    let complaint_columns = Msg::Seed(SeedMsg::AuditComplaintColumns).render(lang);
    let body = listing(
        Nav::Complaints,
        lang,
        &waiting_of(&complaint_columns),
        &Msg::Seed(SeedMsg::DashboardComplaintColumns).render(lang),
        &complaints,
    );
    let mut pages = vec![Page {
        name: "complaints.html".into(),
        html: shell(Nav::Complaints, &body),
    }];

    let today = clock.local_date(clock.now);
    let agreements: Vec<Row> = project
        .agreements
        .iter()
        .map(|a| {
            let date = |d: &Option<crate::parse::Sp<crate::parse::When>>| {
                d.as_ref()
                    .map(|d| d.written_date().to_string())
                    .unwrap_or_default()
            };
            Row {
                cells: vec![
                    text(&a.id),
                    wrap(&a.title),
                    wrap(a.counterparty.as_deref().map_or("", |s| s.as_str())),
                    text(a.owner.as_deref().map_or("", |s| s.as_str())),
                    text(&stage(agreement_stage(&a.body, today), lang)),
                    text(&date(&a.effective)),
                    text(&date(&a.expires)),
                ],
                class: None,
            }
        })
        .collect();
    let agreement_columns = Msg::Seed(SeedMsg::AuditAgreementColumns).render(lang);
    let body = listing(
        Nav::Agreements,
        lang,
        &waiting_of(&agreement_columns),
        &Msg::Seed(SeedMsg::DashboardAgreementColumns).render(lang),
        &agreements,
    );
    pages.push(Page {
        name: "agreements.html".into(),
        html: shell(Nav::Agreements, &body),
    });

    let comms: Vec<Row> = project
        .comms
        .iter()
        .map(|c| {
            let recorded = c
                .recorded_at
                .as_ref()
                .map(|t| clock.show(clock.event(t)))
                .unwrap_or_default();
            let open_actions = c.action.iter().filter(|a| !project.action_done(a)).count();
            Row {
                cells: vec![
                    text(&c.id),
                    wrap(&c.topic),
                    text(
                        &c.kind
                            .as_ref()
                            .map(|k| stage(kind_name(*k.get()), lang))
                            .unwrap_or_default(),
                    ),
                    text(&clock.show(clock.event(&c.at))),
                    text(&recorded),
                    wrap(
                        &c.participants
                            .iter()
                            .map(|p| p.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                    super::num(open_actions),
                ],
                class: (open_actions > 0).then_some("warn"),
            }
        })
        .collect();
    let body = listing(
        Nav::Comms,
        lang,
        "",
        &Msg::Seed(SeedMsg::DashboardCommColumns).render(lang),
        &comms,
    );
    pages.push(Page {
        name: "comms.html".into(),
        html: shell(Nav::Comms, &body),
    });
    pages
}

/// A page's body: its title, what waits, and every item.
fn listing(here: Nav, lang: Lang, waiting: &str, columns: &str, rows: &[Row]) -> String {
    let mut body = format!("<h1>{}</h1>\n{waiting}", e(&nav_label(here, lang)));
    if rows.is_empty() {
        body.push_str(&format!("<p>{}</p>\n", e(&Msg::Nothing.render(lang))));
    } else {
        body.push_str(&table(columns, rows));
    }
    body
}

/// The audit's rows as a table, late rows marked.
fn late_table(columns: &str, rows: &[LateRow]) -> String {
    let rows: Vec<Row> = rows
        .iter()
        .map(|(cells, late)| Row {
            cells: cells.iter().map(|c| text(c)).collect(),
            class: late.then_some("bad"),
        })
        .collect();
    table(columns, &rows)
}

/// A communication kind as written in files.
fn kind_name(kind: crate::model::CommKind) -> &'static str {
    use crate::model::CommKind;
    match kind {
        CommKind::Phone => "phone",
        CommKind::Email => "email",
        CommKind::Im => "im",
        CommKind::Meeting => "meeting",
        CommKind::Visit => "visit",
    }
}
