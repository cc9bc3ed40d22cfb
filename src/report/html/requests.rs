//! `requests.html` and one `request-<ID>.html` per request: its 5W1H, its
//! tasks with their planned dates, the chain that decides its finish, the
//! findings on it and its tasks and meetings, the departments' responses,
//! and its risks.

use super::layout::{Nav, Shell, nav_label, page};
use super::{Page, Row, e, h2, num, raw, request_page, table, text, wrap};
use crate::audit::outlook::slack;
use crate::audit::{department_name, task_request};
use crate::check::Checked;
use crate::messages::{Lang, Msg};
use crate::model::{Item, Request};
use crate::report::escape;

/// The list of requests and a page for each.
pub fn render(checked: &Checked, now: &str, lang: Lang) -> Vec<Page> {
    let project = &checked.project;
    let title = nav_label(Nav::Requests, lang);
    let shell = |title: &str, body: &str| {
        page(
            &Shell {
                project: &project.settings.name,
                title,
                here: Nav::Requests,
                now,
                lang,
            },
            body,
        )
    };
    let mut pages = Vec::new();
    let mut rows = Vec::new();
    for (i, request) in project.requests.iter().enumerate() {
        let planned = checked.plan.as_ref().and_then(|p| p.requests.get(i));
        let finish = planned.and_then(|p| p.finish);
        let due = planned.and_then(|p| p.due);
        let slack_wd = match (finish, due) {
            (Some(f), Some(d)) => Some(slack(&checked.clock.calendar, f, d)),
            _ => None,
        };
        rows.push(Row {
            cells: vec![
                raw(format!(
                    "<a href=\"{}\">{}</a>",
                    e(&request_page(&request.id)),
                    e(&request.id)
                )),
                wrap(&request.title),
                text(
                    &Msg::Status {
                        status: request.status().as_str().into(),
                    }
                    .render(lang),
                ),
                text(&due.map(|d| d.to_string()).unwrap_or_default()),
                text(&finish.map(|d| d.to_string()).unwrap_or_default()),
                text(&Msg::RequestSlack { slack_wd }.render(lang)),
            ],
            class: slack_wd.is_some_and(|s| s < 0).then_some("bad"),
        });
        let heading = format!("{} · {}", request.id, request.title.as_str());
        pages.push(Page {
            name: request_page(&request.id),
            html: shell(&heading, &request_body(request, i, checked, lang)),
        });
    }
    let mut body = format!("<h1>{}</h1>\n", e(&title));
    if rows.is_empty() {
        body.push_str(&format!("<p>{}</p>\n", e(&Msg::Nothing.render(lang))));
    } else {
        body.push_str(&table(&Msg::AuditRequestColumns.render(lang), &rows));
    }
    pages.insert(
        0,
        Page {
            name: "requests.html".into(),
            html: shell(&title, &body),
        },
    );
    pages
}

fn request_body(request: &Item<Request>, index: usize, checked: &Checked, lang: Lang) -> String {
    let project = &checked.project;
    let org = &project.org;
    let sections: Vec<String> = Msg::DashboardRequestSections
        .render(lang)
        .split('\t')
        .map(str::to_string)
        .collect();
    let section = |i: usize| sections.get(i).cloned().unwrap_or_default();
    let mut body = format!(
        "<p class=\"meta\"><a href=\"index.html\">{}</a></p>\n<h1>{} · {}</h1>\n",
        e(&Msg::DashboardBack.render(lang)),
        e(&request.id),
        e(&request.title)
    );

    // 5W1H and state.
    let labels: Vec<String> = Msg::DashboardRequestFields
        .render(lang)
        .split('\t')
        .map(str::to_string)
        .collect();
    let party = |department: &str, contact: Option<&str>| match contact {
        Some(c) => format!("{} · {c}", department_name(org, department)),
        None => department_name(org, department),
    };
    let to: Vec<String> = request
        .to
        .iter()
        .map(|p| party(&p.department, p.contact.as_ref().map(|c| c.as_str())))
        .collect();
    let clock = &checked.clock;
    let values = [
        party(
            &request.from.department,
            request.from.contact.as_ref().map(|c| c.as_str()),
        ),
        to.join("; "),
        request
            .why
            .as_ref()
            .map(|s| s.to_string())
            .unwrap_or_default(),
        request
            .what
            .as_ref()
            .map(|s| s.to_string())
            .unwrap_or_default(),
        request
            .where_
            .as_ref()
            .map(|s| s.to_string())
            .unwrap_or_default(),
        request
            .how
            .as_ref()
            .map(|s| s.to_string())
            .unwrap_or_default(),
        request
            .due
            .as_ref()
            .map(|d| clock.show(clock.deadline(d)))
            .unwrap_or_default(),
        Msg::Status {
            status: request.status().as_str().into(),
        }
        .render(lang),
        request
            .submitted_at
            .as_ref()
            .map(|s| clock.show(clock.event(s)))
            .unwrap_or_default(),
    ];
    body.push_str("<dl class=\"fields\">\n");
    for (label, value) in labels.iter().zip(values) {
        if !value.trim().is_empty() {
            body.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", e(label), e(&value)));
        }
    }
    body.push_str("</dl>\n");

    // Tasks with their plan.
    let plan = checked.plan.as_ref();
    let tasks: Vec<usize> = project
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| task_request(project, t) == Some(request.id.as_str()))
        .map(|(i, _)| i)
        .collect();
    body.push_str(&h2(&section(0)));
    if tasks.is_empty() {
        body.push_str(&format!("<p>{}</p>\n", e(&Msg::Nothing.render(lang))));
    } else {
        let rows: Vec<Row> = tasks
            .iter()
            .map(|&t| {
                let task = &project.tasks[t];
                let planned = plan.and_then(|p| p.tasks.get(t));
                let slot = planned.and_then(|p| p.slot());
                let late = slot.is_some_and(|s| s.slack_wd < 0);
                Row {
                    cells: vec![
                        text(&task.id),
                        wrap(&task.title),
                        text(crate::audit::task_owner(task).unwrap_or("")),
                        text(
                            &Msg::Status {
                                status: task.status().as_str().into(),
                            }
                            .render(lang),
                        ),
                        num(format!(
                            "{}%",
                            task.progress.as_ref().map_or(0, |p| p.get().0)
                        )),
                        text(&slot.map(|s| s.start.to_string()).unwrap_or_default()),
                        text(&slot.map(|s| s.finish.to_string()).unwrap_or_default()),
                        text(
                            &task
                                .due
                                .as_ref()
                                .map(|d| clock.show(clock.deadline(d)))
                                .unwrap_or_default(),
                        ),
                        num(slot.map(|s| s.slack_wd.to_string()).unwrap_or_default()),
                    ],
                    class: late.then_some("bad"),
                }
            })
            .collect();
        body.push_str(&table(&Msg::DashboardTaskColumns.render(lang), &rows));
    }

    // The plan: planned finish against due, and the chain that decides it.
    body.push_str(&h2(&section(1)));
    let planned = plan.and_then(|p| p.requests.get(index));
    let finish = planned.and_then(|p| p.finish);
    let due = planned.and_then(|p| p.due);
    let slack_wd = match (finish, due) {
        (Some(f), Some(d)) => Some(slack(&clock.calendar, f, d)),
        _ => None,
    };
    let dates = Msg::PlannedDates {
        start: None,
        finish: finish.map(|d| d.to_string()),
    };
    body.push_str(&format!(
        "<p>{} · {}</p>\n",
        e(&dates.render(lang)),
        e(&Msg::RequestSlack { slack_wd }.render(lang))
    ));
    if let (Some(plan), Some(last)) = (plan, planned.and_then(|p| p.last)) {
        let chain: Vec<String> = plan
            .chain(last)
            .into_iter()
            .filter_map(|t| plan.tasks.get(t).map(|t| t.id.clone()))
            .collect();
        body.push_str(&format!(
            "<p class=\"meta\">{}</p>\n",
            e(&chain.join(" → "))
        ));
    }

    // Findings on the request, its tasks and its meetings.
    body.push_str(&h2(&section(2)));
    let concerned = |item: &str| {
        item == request.id
            || project
                .task(item)
                .is_some_and(|t| task_request(project, t) == Some(request.id.as_str()))
            || project.meetings.iter().any(|m| {
                m.id == item && m.request.as_ref().is_some_and(|r| r.as_str() == request.id)
            })
    };
    let rows: Vec<Row> = checked
        .findings
        .iter()
        .filter(|f| f.diagnostic.item.as_deref().is_some_and(concerned))
        .map(|f| Row {
            cells: vec![
                text(
                    &Msg::SeverityName {
                        severity: f.severity.as_str().to_string(),
                    }
                    .render(lang),
                ),
                text(f.code),
                text(f.diagnostic.item.as_deref().unwrap_or("")),
                raw(escape::html_message(&f.diagnostic.message.render(lang))),
            ],
            class: (f.severity == crate::diag::Severity::Error).then_some("bad"),
        })
        .collect();
    if rows.is_empty() {
        body.push_str(&format!("<p>{}</p>\n", e(&Msg::Nothing.render(lang))));
    } else {
        body.push_str(&table(&Msg::DashboardFindingColumns.render(lang), &rows));
    }

    // Responses.
    body.push_str(&h2(&section(3)));
    if request.response.is_empty() {
        body.push_str(&format!("<p>{}</p>\n", e(&Msg::Nothing.render(lang))));
    } else {
        let rows: Vec<Row> = request
            .response
            .iter()
            .map(|r| {
                let reason = [r.reason.as_ref(), r.alternative.as_ref()]
                    .into_iter()
                    .flatten()
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" / ");
                Row {
                    cells: vec![
                        text(&department_name(org, &r.department)),
                        text(r.by.as_ref().map_or("", |b| b.as_str())),
                        text(
                            &r.at
                                .as_ref()
                                .map(|a| clock.show(clock.event(a)))
                                .unwrap_or_default(),
                        ),
                        text(
                            &Msg::DecisionName {
                                decision: decision(*r.decision.get()).into(),
                            }
                            .render(lang),
                        ),
                        wrap(&reason),
                    ],
                    class: None,
                }
            })
            .collect();
        body.push_str(&table(&Msg::DashboardResponseColumns.render(lang), &rows));
    }

    // Risks.
    body.push_str(&h2(&section(4)));
    if request.risk.is_empty() {
        body.push_str(&format!("<p>{}</p>\n", e(&Msg::Nothing.render(lang))));
    } else {
        let rows: Vec<Row> = request
            .risk
            .iter()
            .map(|r| Row {
                cells: vec![
                    wrap(&r.description),
                    wrap(r.mitigation.as_ref().map_or("", |m| m.as_str())),
                    text(r.owner.as_ref().map_or("", |o| o.as_str())),
                ],
                class: r.mitigation.is_none().then_some("bad"),
            })
            .collect();
        body.push_str(&table(&Msg::DashboardRiskColumns.render(lang), &rows));
    }
    body
}

fn decision(d: crate::model::Decision) -> &'static str {
    match d {
        crate::model::Decision::Accept => "accept",
        crate::model::Decision::Decline => "decline",
        crate::model::Decision::NeedInfo => "need_info",
    }
}
