//! `plan.html`: the Gantt chart `baton plan --format svg` draws, inline
//! (its hover titles work; it scrolls sideways on a narrow screen).

use super::e;
use super::layout::{Nav, Shell, nav_label, page};
use crate::check::Checked;
use crate::messages::{Lang, Msg};
use crate::report::plan::{PlanView, svg};

/// The schedule page.
pub fn render(checked: &Checked, now: &str, lang: Lang) -> String {
    let project = &checked.project;
    let title = nav_label(Nav::Schedule, lang);
    let mut body = format!("<h1>{}</h1>\n", e(&title));
    match &checked.plan {
        Some(plan) => {
            let view = PlanView {
                project,
                plan,
                clock: &checked.clock,
                lang,
            };
            let path = Msg::PlanCriticalPath {
                path: plan
                    .critical_path
                    .iter()
                    .filter_map(|&t| plan.tasks.get(t))
                    .map(|t| t.id.clone())
                    .collect(),
            };
            body.push_str(&format!(
                "<p class=\"meta\">{}</p>\n",
                e(&path.render(lang))
            ));
            // The SVG escapes every text it draws from items.
            body.push_str("<div class=\"scroll gantt\">\n");
            body.push_str(&svg(&view));
            body.push_str("</div>\n");
        }
        None => body.push_str(&format!("<p>{}</p>\n", e(&Msg::AuditNoPlan.render(lang)))),
    }
    page(
        &Shell {
            project: &project.settings.name,
            title: &title,
            here: Nav::Schedule,
            now,
            lang,
        },
        &body,
    )
}
