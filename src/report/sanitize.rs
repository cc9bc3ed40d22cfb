//! The one sanitiser of text that reaches a terminal or a plain-text file:
//! bytes from a repository, a git object, a server or the environment
//! cannot move the cursor, recolour the screen, set the window title or
//! reorder what is shown.

/// Whether `c` changes how the characters around it are displayed: C0 and
/// C1 controls (ESC starts every ANSI sequence, OSC sets titles and links),
/// DEL, and the Unicode bidirectional and invisible formatting characters
/// (U+202E shows "txt.exe" as "exe.txt").
pub fn is_hostile(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

/// Whether `c` is a control character (line breaks and tabs included) or
/// an invisible formatting character: what the escapers of each output
/// format (DOT, Mermaid, TaskJuggler, iCalendar, SVG) never copy through.
pub fn unprintable(c: char) -> bool {
    c.is_control() || is_hostile(c)
}

/// How a hostile character is shown: `\u{1b}`.
pub fn visible(c: char) -> String {
    format!("\\u{{{:x}}}", c as u32)
}

/// `text` with every hostile character shown as a visible escape
/// (`\u{1b}`), so it can be read and cannot act. Line breaks and tabs are
/// kept; a carriage return is shown (it would overwrite the line).
pub fn sanitize(text: &str) -> String {
    if !text.chars().any(is_hostile) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hostile(c) {
            out.push_str(&visible(c));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_bidi_controls_become_visible() {
        assert_eq!(sanitize("plain 中文\n\tnext"), "plain 中文\n\tnext");
        assert_eq!(sanitize("\u{1b}[31mred"), "\\u{1b}[31mred");
        assert_eq!(sanitize("a\u{202e}txt.exe"), "a\\u{202e}txt.exe");
        assert_eq!(sanitize("x\u{2066}y\u{7f}z\r"), "x\\u{2066}y\\u{7f}z\\u{d}");
        assert_eq!(
            sanitize("\u{9d}8;;http://x\u{9c}"),
            "\\u{9d}8;;http://x\\u{9c}"
        );
    }
}
