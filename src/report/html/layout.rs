//! The page shell every page of the dashboard shares: inline CSS (no
//! scripts, no fonts or images fetched), a header with the navigation, a
//! footer with the evaluation time. Responsive: cards reflow, tables scroll
//! sideways on a phone instead of squeezing.

use super::e;
use crate::messages::{Lang, Msg};

/// The navigation targets, in the order of [`Msg::DashboardNav`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// `index.html`.
    Overview,
    /// `plan.html`.
    Schedule,
    /// `requests.html` and each request's page.
    Requests,
    /// `complaints.html`.
    Complaints,
    /// `agreements.html`.
    Agreements,
    /// `comms.html`.
    Comms,
}

const TARGETS: [(Nav, &str); 6] = [
    (Nav::Overview, "index.html"),
    (Nav::Schedule, "plan.html"),
    (Nav::Requests, "requests.html"),
    (Nav::Complaints, "complaints.html"),
    (Nav::Agreements, "agreements.html"),
    (Nav::Comms, "comms.html"),
];

/// The label of a navigation entry.
pub fn nav_label(nav: Nav, lang: Lang) -> String {
    let position = TARGETS.iter().position(|(n, _)| *n == nav).unwrap_or(0);
    Msg::DashboardNav
        .render(lang)
        .split('\t')
        .nth(position)
        .unwrap_or("")
        .to_string()
}

/// What a page needs besides its body.
pub struct Shell<'a> {
    /// The project's name.
    pub project: &'a str,
    /// The page's own title (escaped here).
    pub title: &'a str,
    /// Which navigation entry is this page's.
    pub here: Nav,
    /// Evaluation time, as shown.
    pub now: &'a str,
    /// Language of the labels.
    pub lang: Lang,
}

/// A whole HTML document around `body` (already-escaped HTML).
pub fn page(shell: &Shell<'_>, body: &str) -> String {
    let lang = match shell.lang {
        Lang::En => "en",
        Lang::Zh => "zh-CN",
    };
    let labels: Vec<String> = Msg::DashboardNav
        .render(shell.lang)
        .split('\t')
        .map(str::to_string)
        .collect();
    let mut nav = String::new();
    for ((target, file), label) in TARGETS.iter().zip(&labels) {
        let here = if *target == shell.here {
            r#" class="here" aria-current="page""#
        } else {
            ""
        };
        nav.push_str(&format!(r#"<a href="{file}"{here}>{}</a>"#, e(label)));
    }
    let generated = Msg::DashboardGenerated {
        now: shell.now.to_string(),
    }
    .render(shell.lang);
    format!(
        r#"<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="baton">
<title>{title} · {project}</title>
<style>{CSS}</style>
</head>
<body>
<header><span class="project">{project}</span><nav>{nav}</nav></header>
<main>
{body}</main>
<footer>{generated}</footer>
</body>
</html>
"#,
        title = e(shell.title),
        project = e(shell.project),
        generated = e(&generated),
    )
}

/// The style sheet: system fonts with CJK fallbacks, light colours, a
/// breakpoint for phones (tables become one card per row there).
const CSS: &str = r#"
:root{--ink:#1f2933;--muted:#5f6b78;--line:#e3e8ee;--bad:#c62828;--bad-bg:#fdecea;--warn:#b45309;--ok:#2e7d32;--bg:#f6f8fa;--card:#fff;--accent:#2f80ed}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:var(--ink);background:var(--bg)}
header{background:#1f2933;color:#fff;padding:.55rem 1rem;display:flex;flex-wrap:wrap;gap:.3rem 1.5rem;align-items:baseline}
header .project{font-weight:600}
nav{display:flex;flex-wrap:wrap;gap:.2rem 1.1rem}
nav a{color:#cfd8e3;text-decoration:none;padding-bottom:2px}
nav a.here{color:#fff;border-bottom:2px solid var(--accent)}
main{max-width:1180px;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.3rem 0}
h2{font-size:1.08rem;margin:1.5rem 0 .5rem}
a{color:#1d5fbf}
.meta{color:var(--muted);margin:0 0 .9rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.6rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.55rem .8rem}
.card .n{font-size:1.8rem;font-weight:700;line-height:1.15}
.card .l{color:var(--muted);font-size:.85rem}
.card.bad{border-color:var(--bad)}.card.bad .n{color:var(--bad)}
.card.warn .n{color:var(--warn)}
.callout{border-left:4px solid var(--ok);background:var(--card);padding:.45rem .8rem;margin:.6rem 0;border-radius:4px}
.callout.bad{border-left-color:var(--bad);background:var(--bad-bg);font-weight:600}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;background:var(--card);border:1px solid var(--line);border-radius:8px}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{padding:.35rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top;white-space:nowrap}
tr:last-child td{border-bottom:0}
td.wrap{white-space:normal;min-width:11rem}
th{background:#eef2f6;font-weight:600;color:#3c4a58}
.num{text-align:right;font-variant-numeric:tabular-nums}
tr.bad td{background:var(--bad-bg)}
.bar{display:inline-block;width:6rem;height:.6rem;background:var(--line);border-radius:3px;vertical-align:middle;margin-right:.45rem;overflow:hidden}
.bar span{display:block;height:100%;background:var(--accent)}
tr.bad .bar span{background:var(--bad)}
.tag{display:inline-block;padding:0 .4rem;border-radius:3px;font-size:.8rem;background:#eef2f6}
.tag.bad{background:var(--bad);color:#fff}
.tag.warn{background:#fef3c7;color:var(--warn)}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.8rem;margin:0}
dl.fields dt{color:var(--muted)}
dl.fields dd{margin:0}
ul.plain{margin:.3rem 0;padding-left:1.2rem}
code{font-size:.88em;background:#eef2f6;padding:0 .25rem;border-radius:3px}
footer{color:var(--muted);font-size:.8rem;text-align:center;padding:1.5rem 1rem}
.gantt svg{display:block}
@media (max-width:640px){
body{font-size:14px}
main{padding:.6rem}
h1{font-size:1.2rem}
.cards{grid-template-columns:repeat(2,1fr)}
.card .n{font-size:1.45rem}
dl.fields{grid-template-columns:1fr;gap:.1rem}
dl.fields dt{margin-top:.45rem}
.scroll{overflow-x:visible}
.scroll thead{display:none}
.scroll table,.scroll tbody,.scroll tr,.scroll td{display:block;width:100%}
.scroll tr{border-bottom:1px solid var(--line);padding:.35rem 0}
.scroll tr:last-child{border-bottom:0}
.scroll td{border:0;padding:.08rem .7rem;white-space:normal;text-align:left;min-width:0}
.scroll td::before{content:attr(data-label);display:inline-block;min-width:5.2rem;margin-right:.6rem;color:var(--muted);font-size:.85em}
.scroll td:first-child{font-weight:600}
}
"#;
