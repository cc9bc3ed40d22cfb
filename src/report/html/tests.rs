//! The dashboard is built from untrusted item text: nothing in a title may
//! end the style sheet, open a script, or leave an attribute.

use super::*;
use crate::audit::{Audit, Options};
use crate::check::check;
use crate::evidence::Evidence;
use crate::graph::TaskGraph;
use crate::testing::project;
use crate::time::parse_now;

const HOSTILE: &str =
    r#"</style><script>alert("x")</script><img src=x onerror='alert(1)'> & "quoted" @team"#;

fn site_of(files: &[(&str, &str)]) -> Vec<Page> {
    let project = project(files);
    let now = parse_now("2026-09-07T10:00:00+08:00", project.settings.tz)
        .unwrap()
        .with_timezone(&chrono::Utc);
    let evidence = Evidence::none();
    let checked = check(project, now, &evidence, None).unwrap();
    let graph = TaskGraph::build(&checked.project);
    let cx = crate::rules::Context {
        project: &checked.project,
        graph: &graph,
        clock: &checked.clock,
        evidence: &evidence,
        changes: None,
        plan: checked.plan.as_ref(),
    };
    let audit = Audit::compute(&cx, &Options::default());
    site(&audit, &checked, Lang::En)
}

fn hostile_project() -> Vec<Page> {
    let title = HOSTILE.replace('"', "\\\"");
    let task = format!(
        "title = \"{title}\"\nowner = \"li.gong\"\nlead = \"rnd\"\nrequest = \"REQ-1\"\ndue = 2026-09-04\neffort = \"1wd\"\nstatus = \"blocked\"\n[blocked]\nsince = 2026-09-01T10:00:00+08:00\nreason = \"{title}\"\n"
    );
    let request = format!(
        "title = \"{title}\"\nfrom = {{ department = \"mkt\", contact = \"zhang.jingli\" }}\nto = [{{ department = \"rnd\", contact = \"li.gong\" }}]\nwhy = \"{title}\"\ndue = 2026-09-30\nsubmitted_at = 2026-09-01T10:00:00+08:00\nstatus = \"in_progress\"\n[[risk]]\ndescription = \"{title}\"\nmitigation = \"{title}\"\n"
    );
    let complaint = format!(
        "title = \"{title}\"\ncustomer = \"{title}\"\nreceived_at = 2026-09-01T10:00:00+08:00\nowner = \"li.gong\"\n"
    );
    let agreement = format!(
        "title = \"{title}\"\ncounterparty = \"{title}\"\nowner = \"li.gong\"\n[legal_review]\nrequested_at = 2026-09-01T10:00:00+08:00\n"
    );
    let comm = format!(
        "topic = \"{title}\"\nat = 2026-09-01T10:00:00+08:00\nparticipants = [\"li.gong\"]\n[[action]]\ntitle = \"{title}\"\nowner = \"li.gong\"\ndue = 2026-09-02\n"
    );
    site_of(&[
        ("tasks/T-1.toml", &task),
        ("requests/REQ-1.toml", &request),
        ("complaints/CMP-1.toml", &complaint),
        ("agreements/AGR-1.toml", &agreement),
        ("comms/COM-1.toml", &comm),
    ])
}

#[test]
fn hostile_titles_are_text_on_every_page() {
    let pages = hostile_project();
    let names: Vec<&str> = pages.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "index.html",
            "plan.html",
            "requests.html",
            "request-REQ-1.html",
            "complaints.html",
            "agreements.html",
            "comms.html"
        ]
    );
    for page in &pages {
        let html = &page.html;
        // One style sheet, closed once; no script, no injected tag or attribute.
        assert_eq!(html.matches("</style>").count(), 1, "{}", page.name);
        assert!(!html.contains("<script"), "{}", page.name);
        assert!(!html.contains("<img"), "{}", page.name);
        assert!(!html.contains("onerror='"), "{}", page.name);
        assert!(!html.contains("\"quoted\""), "{}", page.name);
    }
    let index = &pages[0].html;
    assert!(
        index.contains("&lt;/style&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"),
        "the title is shown, escaped"
    );
    let request = &pages[3].html;
    assert!(request.contains("&lt;img src=x onerror=&#39;alert(1)&#39;&gt;"));
    for page in &pages[4..] {
        assert!(
            page.html.contains("&lt;/style&gt;&lt;script&gt;"),
            "{} shows the hostile title, escaped",
            page.name
        );
    }
}

#[test]
fn pages_are_self_contained() {
    for page in hostile_project() {
        let html = &page.html;
        assert!(html.starts_with("<!DOCTYPE html>"), "{}", page.name);
        assert!(html.contains("<meta name=\"viewport\""), "{}", page.name);
        for remote in ["http://", "https://", "<script", "<link", "@import", "url("] {
            let allowed =
                remote == "http://" && html.contains("xmlns=\"http://www.w3.org/2000/svg\"");
            if !allowed {
                assert!(!html.contains(remote), "{remote} in {}", page.name);
            }
        }
    }
}

#[test]
fn request_pages_have_safe_file_names() {
    assert_eq!(request_page("REQ-001"), "request-REQ-001.html");
    assert_eq!(
        request_page("../../etc/passwd"),
        "request-.._.._etc_passwd.html"
    );
    assert!(!request_page("a/b\\c").contains(['/', '\\']));
}
