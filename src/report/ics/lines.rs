//! RFC 5545 content lines, written by hand: the `icalendar` crate's writer
//! gives every alarm a random UID and a wall-clock DTSTAMP, which makes the
//! file differ on every run, so baton writes the format itself (it is
//! small) and uses the crate only in tests, to parse the output back.
//!
//! - Lines end with CRLF (§3.1).
//! - A line longer than 75 octets is folded: CRLF and one space, never
//!   inside a UTF-8 character (§3.1), so Chinese text folds cleanly.
//! - TEXT values escape `\`, `;`, `,` and newlines (§3.3.11); a bare CR
//!   becomes a newline and other control characters but tab are dropped, so item
//!   text can never end a line and start a property of its own.

use chrono::{DateTime, NaiveDate, Utc};

/// Longest content line, in octets, before folding (RFC 5545 §3.1).
pub const MAX_OCTETS: usize = 75;

/// An iCalendar document being written.
#[derive(Debug, Default)]
pub struct Writer {
    out: String,
}

impl Writer {
    /// An empty document.
    pub fn new() -> Writer {
        Writer::default()
    }

    /// `BEGIN:NAME`.
    pub fn begin(&mut self, component: &str) {
        self.line(&format!("BEGIN:{component}"));
    }

    /// `END:NAME`.
    pub fn end(&mut self, component: &str) {
        self.line(&format!("END:{component}"));
    }

    /// A property whose value is written as given (no escaping): names,
    /// dates, enumerated values.
    pub fn raw(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{value}"));
    }

    /// A TEXT property, escaped.
    pub fn text(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape_text(value)));
    }

    /// A UTC instant: `DTSTART:20260924T020000Z`.
    pub fn utc(&mut self, name: &str, at: DateTime<Utc>) {
        self.raw(name, &utc_value(at));
    }

    /// A date: `DTSTART;VALUE=DATE:20261016`.
    pub fn date(&mut self, name: &str, date: NaiveDate) {
        self.line(&format!("{name};VALUE=DATE:{}", date.format("%Y%m%d")));
    }

    /// The document.
    pub fn finish(self) -> String {
        self.out
    }

    /// Writes one content line, folded.
    fn line(&mut self, line: &str) {
        fold_into(&mut self.out, line);
    }
}

/// `20260924T020000Z`.
pub fn utc_value(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape_text(text: &str) -> String {
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(normalized.len() + 8);
    for c in normalized.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if crate::report::sanitize::unprintable(c) && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` with CRLF, folded so that no physical line exceeds
/// [`MAX_OCTETS`] octets (the leading space of a continuation counts).
fn fold_into(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > MAX_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(line: &str) -> String {
        let mut out = String::new();
        fold_into(&mut out, line);
        out
    }

    #[test]
    fn long_lines_fold_at_75_octets_on_character_boundaries() {
        let line = format!("SUMMARY:{}", "会员注册接口调试".repeat(6));
        let out = folded(&line);
        let physical: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(physical.len() > 1, "{out:?}");
        for (i, p) in physical.iter().enumerate() {
            assert!(p.len() <= MAX_OCTETS, "{i}: {} octets", p.len());
            if i > 0 {
                assert!(p.starts_with(' '), "continuation starts with a space");
            }
        }
        // Unfolding gives the line back.
        assert_eq!(out.trim_end_matches("\r\n").replace("\r\n ", ""), line);
        // Exactly 75 octets stays on one line; 76 folds.
        assert_eq!(folded(&"x".repeat(75)), format!("{}\r\n", "x".repeat(75)));
        assert_eq!(
            folded(&"x".repeat(76)),
            format!("{}\r\n x\r\n", "x".repeat(75))
        );
    }

    #[test]
    fn text_escapes_separators_backslashes_and_newlines() {
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(escape_text("x\r\nEND:VEVENT\ry"), "x\\nEND:VEVENT\\ny");
        assert_eq!(escape_text("bell\u{7}tab\t"), "belltab\t");
    }
}
