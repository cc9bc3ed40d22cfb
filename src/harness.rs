//! The whole pipeline on one file: load → check → every renderer. Used by
//! the fuzzers (`fuzz/`) and by `tests/fuzz_regressions.rs`, which replays
//! the inputs the fuzzers found interesting.

use crate::check::check;
use crate::evidence::Evidence;
use crate::load::{LoadError, load};
use crate::messages::Lang;
use crate::report::{self, ReportDoc, markdown};
use crate::source::MemorySource;

/// A small valid project the fuzzed file joins.
/// The project's `baton.toml`.
const BATON: &str =
    "[project]\ntimezone = \"Asia/Shanghai\"\ncalendar = \"cn\"\nstart = 2026-07-01\n";
const ORG: &str = "[[department]]\nid = \"rnd\"\nhead = \"li.gong\"\n\n[[person]]\nid = \"li.gong\"\ndepartment = \"rnd\"\nmanager = \"chen.zong\"\n\n[[person]]\nid = \"chen.zong\"\ndepartment = \"rnd\"\n";
const TASK: &str = "title = \"t\"\nowner = \"li.gong\"\nlead = \"rnd\"\ndue = 2026-07-08\nstatus = \"in_progress\"\n";
const REQUEST: &str = "title = \"r\"\nfrom = { department = \"rnd\" }\nto = [{ department = \"rnd\" }]\nsubmitted_at = 2026-07-01T10:00:00+08:00\n";
const MEETING: &str = "title = \"m\"\nstart = 2026-07-06T14:00:00+08:00\n[minutes]\n[[minutes.action]]\ntitle = \"a\"\nowner = \"li.gong\"\n";

/// Runs everything on `bytes` as the file at `path`; panics only on a bug.
pub fn pipeline(path: &str, bytes: &[u8]) {
    let mut source = MemorySource::new()
        .with("baton.toml", BATON)
        .with("org.toml", ORG)
        .with("tasks/T-0.toml", TASK)
        .with("requests/R-0.toml", REQUEST)
        .with("meetings/M-0.toml", MEETING);
    source = source.with(path, bytes.to_vec());
    let project = match load(&source) {
        Ok(project) => project,
        // Only configuration may stop a load; an item file never does.
        Err(LoadError::Config(_)) if path == "baton.toml" => return,
        Err(e) => panic!("loading failed for {path}: {e}"),
    };
    let tz = project.settings.tz;
    let now = crate::time::parse_now("2026-07-07T10:00:00+08:00", tz)
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_else(|_| chrono::Utc::now());
    let Ok(checked) = check(project, now, &Evidence::none(), None) else {
        return;
    };
    let _ = report::text(&checked, false, Lang::En);
    let doc = ReportDoc::from_checked(&checked, Lang::Zh, None);
    let _ = doc.to_json();
    let _ = markdown::render(&doc, None, Lang::En, markdown::GITHUB_LIMIT);
    let _ = report::github::render(&doc);
    let _ = report::sarif::render(&doc);
}

/// Reads `bytes` as a report (`render`, `comment --report`) and as a
/// baseline (`check --baseline`), rendering what reads; panics only on a
/// bug.
pub fn report(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Ok(doc) = ReportDoc::read(text) {
        let _ = doc.to_json();
        let _ = markdown::render(&doc, None, Lang::En, markdown::GITHUB_LIMIT);
        let _ = markdown::render(&doc, None, Lang::Zh, 1_000);
        let _ = report::github::render(&doc);
        let _ = report::sarif::render(&doc);
    }
    let _ = crate::check::baseline::Baseline::parse(text, "baseline.json");
}
