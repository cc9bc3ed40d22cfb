//! Q001 vague-wording.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use super::Context;
use crate::diag::Sink;
use crate::files::FileId;
use crate::messages::Msg;
use crate::parse::Sp;

declare_rule! {
    /// A request or task is described in vague terms.
    ///
    /// ## What it checks
    /// A request's `what` and `why`, and a task's `deliverable` and
    /// `acceptance`, must not use vague terms: 尽快, 尽早, 大概, 大约, 差不多,
    /// 尽量, 适当, 若干, 待定, 酌情, ASAP, TBD, TBC, "as soon as possible",
    /// "approximately", "roughly". The finding points at the term.
    ///
    /// ## Why
    /// Seed 001: avoid vague statements such as "as soon as possible" or
    /// "roughly this" (避免模糊表述,如"尽快支持""大概需求"), and state
    /// measurable targets instead: a vague request cannot be accepted or
    /// rejected, only argued about.
    ///
    /// ## Fires
    /// `what = "尽快完成接口调试"`.
    ///
    /// ## Does not fire
    /// `what = "7月8日前完成3个核心接口调试,覆盖率≥90%"`.
    "Q001", "vague-wording", Warning
}

/// Terms matched as substrings (Chinese has no word boundaries).
const CJK_TERMS: &[&str] = &[
    "尽快",
    "尽早",
    "大概",
    "大约",
    "差不多",
    "尽量",
    "适当",
    "若干",
    "待定",
    "酌情",
];
/// Terms matched case-insensitively on word boundaries, longest first.
const ASCII_TERMS: &[&str] = &[
    "as soon as possible",
    "approximately",
    "roughly",
    "asap",
    "tbd",
    "tbc",
];

/// Whether `text` contains any term at all, boundaries aside: one pass over
/// the text, so the common case (no vague term) costs a single scan.
fn may_contain_terms(text: &str) -> bool {
    static ANY_TERM: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    let any = ANY_TERM.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(CJK_TERMS.iter().chain(ASCII_TERMS))
            .ok()
    });
    // Should the automaton fail to build, every text takes the exact path.
    any.as_ref().is_none_or(|any| any.is_match(text))
}

/// The vague terms in `text`, with their byte offsets.
pub(crate) fn vague_terms(text: &str) -> Vec<(usize, &'static str)> {
    let mut found = Vec::new();
    if !may_contain_terms(text) {
        return found;
    }
    for term in CJK_TERMS {
        if let Some(i) = text.find(term) {
            found.push((i, *term));
        }
    }
    let lower = text.to_ascii_lowercase();
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    for term in ASCII_TERMS {
        let mut from = 0;
        while let Some(pos) = lower.get(from..).and_then(|rest| rest.find(term)) {
            let i = from + pos;
            let before = lower[..i].chars().next_back();
            let after = lower[i + term.len()..].chars().next();
            let inside_longer = found
                .iter()
                .any(|(j, t): &(usize, &str)| *j <= i && i < j + t.len());
            if !is_word(before) && !is_word(after) && !inside_longer {
                found.push((i, *term));
                break;
            }
            from = i + term.len();
        }
    }
    found.sort_unstable();
    found
}

/// The span of `term` in the source: inside the string's span when the text
/// is written literally there, else the whole value.
fn term_span(source: &str, value: &Sp<String>, term: &str) -> Range<usize> {
    let span = value.span();
    let raw = source.get(span.clone()).unwrap_or("");
    let lower = raw.to_ascii_lowercase();
    match lower.find(&term.to_ascii_lowercase()) {
        Some(i) => span.start + i..span.start + i + term.len(),
        None => span,
    }
}

fn check_text(
    cx: &Context<'_>,
    out: &mut Sink<'_>,
    item: (&str, FileId),
    field: &str,
    value: &Option<Sp<String>>,
) {
    let Some(value) = value else { return };
    for (_, term) in vague_terms(value) {
        // Read only now: the file's text may not be loaded (parse cache).
        let span = term_span(cx.project.files.text(item.1), value, term);
        let message = Msg::VagueWording {
            term: term.to_string(),
            field: field.to_string(),
        };
        out.emit(
            crate::diag::Diagnostic::new(Some(item.0), item.1, Some(span), field, message)
                .key(term)
                .hint(Msg::VagueHint),
        );
    }
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    for request in &cx.project.requests {
        let item = (request.id.as_str(), request.file);
        check_text(cx, out, item, "what", &request.what);
        check_text(cx, out, item, "why", &request.why);
    }
    for task in &cx.project.tasks {
        let item = (task.id.as_str(), task.file);
        check_text(cx, out, item, "deliverable", &task.deliverable);
        check_text(cx, out, item, "acceptance", &task.acceptance);
    }
}

#[cfg(test)]
mod tests {
    use super::{RULE, vague_terms};
    use crate::testing::run_rule;

    const NOW: &str = "2026-07-07T10:00:00+08:00";

    #[test]
    fn finds_terms_on_word_boundaries() {
        assert_eq!(vague_terms("尽快完成,大概3天"), [(0, "尽快"), (13, "大概")]);
        assert_eq!(vague_terms("Deliver ASAP."), [(8, "asap")]);
        assert_eq!(
            vague_terms("as soon as possible"),
            [(0, "as soon as possible")]
        );
        assert!(vague_terms("the asapi module, TBDX").is_empty());
        assert!(vague_terms("7月8日前完成3个核心接口调试,覆盖率≥90%").is_empty());
    }

    #[test]
    fn fires_at_the_term_in_requests_and_tasks() {
        let request =
            "title = \"r\"\nfrom = { department = \"mkt\" }\nwhat = \"请研发部尽快完成接口调试\"\n";
        let task = "title = \"t\"\ndeliverable = \"报告 TBD\"\n";
        let found = run_rule(
            &RULE,
            &[("requests/R-1.toml", request), ("tasks/T-1.toml", task)],
            NOW,
        );
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[0].message, "vague wording \"尽快\" in `what`");
        // column of 尽快: `what = "` is 8 characters, 请研发部 4 more
        assert_eq!((found[0].line, found[0].column), (3, 13));
        assert_eq!(found[1].message, "vague wording \"tbd\" in `deliverable`");
    }

    #[test]
    fn does_not_fire_on_measurable_text_or_other_fields() {
        let request = "title = \"尽快\"\nfrom = { department = \"mkt\" }\nwhat = \"7月8日前完成3个核心接口调试\"\nhow = \"尽快沟通\"\n";
        assert!(run_rule(&RULE, &[("requests/R-1.toml", request)], NOW).is_empty());
    }
}
