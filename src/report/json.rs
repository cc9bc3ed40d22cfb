//! JSON as baton writes it: pretty-printed, and inert on a terminal. serde
//! escapes C0 controls in strings, but not DEL, C1 controls or the
//! bidirectional marks; this formatter writes those as `\uXXXX` (the same
//! value for any JSON reader), so no report, plan or audit can drive the
//! terminal it is printed on. Values are written straight to a writer:
//! a 100,000-finding report is never built as one string.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use super::sanitize::is_hostile;

/// serde_json's pretty formatter, with hostile characters escaped.
struct Inert<'a>(PrettyFormatter<'a>);

impl Formatter for Inert<'_> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| is_hostile(c)) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Writes `value` as inert, pretty JSON and a final newline.
pub fn to_writer<W: Write, T: Serialize + ?Sized>(writer: W, value: &T) -> io::Result<()> {
    let mut serializer =
        serde_json::Serializer::with_formatter(writer, Inert(PrettyFormatter::new()));
    value.serialize(&mut serializer).map_err(io::Error::other)?;
    serializer.into_inner().write_all(b"\n")
}

/// `value` as inert, pretty JSON with a final newline (empty if it cannot
/// be serialised, which baton's own types always can).
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::new();
    if to_writer(&mut out, value).is_err() {
        return String::new();
    }
    // The serialiser writes UTF-8 only.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keeps_its_value_and_loses_its_effect() {
        let value =
            serde_json::json!({"title\u{202e}": "a\u{202e}b\u{7f}c\u{9b}31m\u{1b}[2J 中文"});
        let text = to_string(&value);
        assert!(!text.chars().any(is_hostile), "{text}");
        assert!(text.contains("\\u202e") && text.contains("中文"), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(back, value);
        assert_eq!(
            text,
            serde_json::to_string_pretty(&back)
                .unwrap_or_default()
                .replace('\u{202e}', "\\u202e")
                .replace('\u{7f}', "\\u007f")
                .replace('\u{9b}', "\\u009b")
                + "\n"
        );
    }
}
