//! `--format text`: rustc-style diagnostics with the source line and a caret.

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::counts;
use crate::check::Checked;
use crate::diag::{Change, Diagnostic, Finding, Severity};
use crate::files::Files;
use crate::messages::{Lang, Msg};
use crate::pr::{PrChecked, Touch};
use crate::report::sanitize;

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// `span` moved inside `text` and onto character boundaries: a span must
/// never make the renderer slice through a character.
fn clamp(text: &str, span: &Range<usize>) -> Range<usize> {
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

fn renderer(color: bool) -> Renderer {
    if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}

/// One diagnostic as a report group.
fn group<'a>(
    files: &'a Files,
    d: &'a Diagnostic,
    level: Level<'a>,
    title: String,
    id: Option<&'a str>,
    label: Option<&'a str>,
    lang: Lang,
) -> Vec<Group<'a>> {
    let path = files.path(d.file);
    let text = files.text(d.file);
    let mut title = level.primary_title(title);
    if let Some(id) = id {
        title = title.id(id);
    }
    let mut main = match &d.span {
        Some(span) if !text.is_empty() => {
            let mut annotation = AnnotationKind::Primary.span(clamp(text, span));
            if let Some(label) = label {
                annotation = annotation.label(label);
            }
            let mut snippet = Snippet::source(text)
                .path(path)
                .fold(true)
                .annotation(annotation);
            for related in d.related.iter().filter(|r| r.file == d.file) {
                snippet = snippet.annotation(
                    AnnotationKind::Context
                        .span(clamp(text, &related.span))
                        .label(related.message.render(lang)),
                );
            }
            title.element(snippet)
        }
        _ => title.element(Origin::path(path)),
    };
    for related in d.related.iter().filter(|r| r.file != d.file) {
        let other = files.text(related.file);
        let other_path = files.path(related.file);
        main = if other.is_empty() || related.span.is_empty() {
            main.element(
                Level::NOTE.message(format!("{}: {other_path}", related.message.render(lang))),
            )
        } else {
            main.element(
                Snippet::source(other)
                    .path(other_path)
                    .fold(true)
                    .annotation(
                        AnnotationKind::Context
                            .span(clamp(other, &related.span))
                            .label(related.message.render(lang)),
                    ),
            )
        };
    }
    if let Some(hint) = &d.hint {
        main = main.element(Level::HELP.message(hint.render(lang)));
    }
    vec![main]
}

fn render_finding(files: &Files, finding: &Finding, color: bool, lang: Lang) -> String {
    let d = &finding.diagnostic;
    let title = match &d.item {
        Some(item) => format!("{item}: {}", d.message.render(lang)),
        None => d.message.render(lang),
    };
    let report = group(
        files,
        d,
        level(finding.severity),
        title,
        Some(finding.code),
        Some(finding.name),
        lang,
    );
    renderer(color).render(&report)
}

/// What the reader of a pull request's report must know about how it was
/// judged: a conflict, no common history, changes nobody known made.
pub(crate) fn pr_notes(pr: &PrChecked) -> Vec<Msg> {
    let mut notes = Vec::new();
    match &pr.judged {
        crate::pr::Judged::Conflict { paths } => notes.push(Msg::ReportJudgedConflict {
            paths: paths.clone(),
        }),
        crate::pr::Judged::Unrelated => notes.push(Msg::ReportJudgedUnrelated),
        crate::pr::Judged::Merge => {}
    }
    if !pr.unattributed.is_empty() {
        notes.push(Msg::ReportUnattributed {
            changes: pr.unattributed.clone(),
        });
    }
    notes
}

/// The message of an approved change.
pub(crate) fn approved_msg(approved: &crate::pr::ApprovedChange) -> Msg {
    Msg::ReportApprovedChange {
        item: approved.item.clone(),
        field: approved.field.clone(),
        from: approved.from.clone(),
        to: approved.to.clone(),
        by: approved.by.clone(),
    }
}

/// A pull request: the files it changed, then new, fixed and existing
/// findings, then a summary line.
pub fn render_pr(pr: &PrChecked, color: bool, lang: Lang) -> String {
    let checked = &pr.checked;
    let files = &checked.project.files;
    let mut out = Msg::TextPrHeader {
        base: sanitize(&pr.base.name),
        head: sanitize(&pr.head.name),
        base_commit: pr.base.short(),
        head_commit: pr.head.short(),
    }
    .render(lang);
    out.push('\n');
    let changes: Vec<(String, String, bool)> = pr
        .touched
        .iter()
        .map(|t| {
            let how = match &t.touch {
                Touch::Added => "added".to_string(),
                Touch::Modified => "modified".to_string(),
                Touch::Deleted => "deleted".to_string(),
                Touch::Renamed(from) => format!("renamed:{}", sanitize(from)),
            };
            match &t.id {
                Some(id) => (sanitize(id), how, false),
                None => (sanitize(&t.path), how, true),
            }
        })
        .collect();
    out.push_str(&Msg::TextChanged { changes }.render(lang));
    out.push('\n');
    for note in pr_notes(pr) {
        out.push_str(&note.render(lang));
        out.push('\n');
    }
    for approved in &pr.approved {
        out.push_str(&format!(
            "{} {}\n",
            approved.item,
            approved_msg(approved).render(lang)
        ));
    }
    for (change, title) in [
        (Change::New, "new"),
        (Change::Fixed, "fixed"),
        (Change::Existing, "existing"),
    ] {
        let group: Vec<&Finding> = checked
            .findings
            .iter()
            .filter(|f| f.change == Some(change))
            .collect();
        let title = Msg::TextGroup {
            change: title.to_string(),
            count: group.len(),
        }
        .render(lang);
        out.push_str(&format!("\n── {title} ──\n\n"));
        for finding in group {
            out.push_str(&render_finding(files, finding, color, lang));
            out.push_str("\n\n");
        }
    }
    let count = |change: Change| {
        checked
            .findings
            .iter()
            .filter(|f| f.change == Some(change))
            .count()
    };
    let new_errors = checked
        .findings
        .iter()
        .filter(|f| f.change == Some(Change::New) && f.severity == Severity::Error)
        .count();
    let summary = Msg::TextPrSummary {
        new: count(Change::New),
        new_errors,
        fixed: count(Change::Fixed),
        existing: count(Change::Existing),
        items: checked.project.item_count(),
        now: checked.clock.now.format("%Y-%m-%d %H:%M %:z").to_string(),
    };
    out.push_str(&summary.render(lang));
    out.push('\n');
    out
}

/// Every finding, then a summary line.
pub fn render(checked: &Checked, color: bool, lang: Lang) -> String {
    let files = &checked.project.files;
    let mut out = String::new();
    for finding in &checked.findings {
        out.push_str(&render_finding(files, finding, color, lang));
        out.push_str("\n\n");
    }
    let c = counts(checked);
    let items = checked.project.item_count();
    let now = checked.clock.now.format("%Y-%m-%d %H:%M %:z");
    let summary = Msg::TextSummary {
        errors: c.errors,
        warnings: c.warnings,
        infos: c.infos,
        waived: c.waived,
        items,
        now: now.to_string(),
    }
    .render(lang);
    out.push_str(&summary);
    out.push('\n');
    out
}

/// Configuration errors (exit code 2), in the same style.
pub fn render_config_errors(
    files: &Files,
    diagnostics: &[Diagnostic],
    color: bool,
    lang: Lang,
) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let report = group(
            files,
            d,
            Level::ERROR,
            d.message.render(lang),
            None,
            None,
            lang,
        );
        out.push_str(&renderer(color).render(&report));
        out.push_str("\n\n");
    }
    out
}
