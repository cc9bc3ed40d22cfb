//! Escaping text from items (titles, ids, messages that quote them) for
//! GitHub Markdown, Mermaid and workflow commands. Item text is untrusted:
//! anyone can open a pull request.

use super::sanitize::{is_hostile, unprintable, visible};

/// Escapes text for a Markdown paragraph or table cell: no HTML, no
/// formatting, no links, no `@mentions` (a zero-width space follows `@`,
/// as Dependabot does), no table breaks (`|`, newlines), no terminal
/// escapes or bidirectional marks (shown as `\u{202e}`).
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // GitLab's milestone reference is `%` before a name or number
            // (`%v1.2`, `%"Q4"`); a percentage (`88%`, `25%:`) stays as is.
            '%' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '"') =>
            {
                out.push_str("\\%");
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' => out.push_str("&#124;"),
            '@' => out.push_str("@&#8203;"),
            '\r' => {}
            '\n' => out.push_str("<br>"),
            // GitLab's references (`#12`, `!3`, `~label`, `$snippet`) are
            // escaped the way GitLab's own escape filter expects; on GitHub
            // the backslash is simply not shown.
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '~' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c if is_hostile(c) => {
                // `\u{1b}`, its backslash escaped.
                out.push('\\');
                out.push_str(&visible(c));
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes text inside `<code>`. GitHub parses Markdown inside inline
/// HTML, so a file named `[Approve](http://evil).toml` would become a link
/// there: every character with a meaning in Markdown is an HTML entity
/// (which shows the character and means nothing), and mentions are broken
/// as in [`markdown`].
fn code(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' => out.push_str("&#124;"),
            '@' => out.push_str("@&#8203;"),
            '[' | ']' | '(' | ')' | '!' | '*' | '_' | '`' | '~' | '\\' | '$' | '#' | ':' => {
                out.push_str(&format!("&#{};", c as u32));
            }
            '\r' | '\n' => out.push(' '),
            c if is_hostile(c) => {
                // `\u{1b}`, its backslash as an entity.
                out.push_str("&#92;");
                out.push_str(&visible(c)[1..]);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A message with `code spans` (as baton's messages write them) turned into
/// `<code>` and everything else escaped. Unbalanced backticks (from item
/// text) leave the rest as escaped text.
pub fn message(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    let balanced = parts.len() % 2 == 1;
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        let is_code = i % 2 == 1 && (balanced || i + 1 < parts.len() - 1);
        if is_code {
            out.push_str("<code>");
            out.push_str(&code(part));
            out.push_str("</code>");
        } else {
            if i % 2 == 1 {
                out.push_str("\\`");
            }
            out.push_str(&markdown(part));
        }
    }
    out
}

/// Escapes text for HTML element content and quoted attribute values:
/// `&`, `<`, `>`, `"` and `'` become entities, so item text can neither
/// open a tag (`<script>`), nor close one (`</style>`, `</textarea>`), nor
/// leave an attribute; control characters other than newline and tab, and
/// bidirectional marks, are shown as `\u{..}` (a carriage return is
/// dropped). `@` needs nothing: HTML does not notify anyone.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            '\r' => {}
            c if is_hostile(c) => out.push_str(&visible(c)),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A message with `code spans` turned into `<code>` for HTML, everything
/// else escaped (as [`message`] does for Markdown).
pub fn html_message(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    let balanced = parts.len() % 2 == 1;
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        let is_code = i % 2 == 1 && (balanced || i + 1 < parts.len() - 1);
        if is_code {
            out.push_str("<code>");
            out.push_str(&html(part));
            out.push_str("</code>");
        } else {
            if i % 2 == 1 {
                out.push('`');
            }
            out.push_str(&html(part));
        }
    }
    out
}

/// A Mermaid node label: quotes, brackets, backticks and newlines are
/// replaced so the label cannot end the node or the code block.
pub fn mermaid_label(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '"' => '\'',
            '`' | '<' | '>' | '[' | ']' | '{' | '}' | '(' | ')' | '|' | '#' | ';' => ' ',
            '@' => '＠',
            c if unprintable(c) => ' ',
            c => c,
        })
        .collect()
}

/// A Mermaid node id made of `[A-Za-z0-9_]` (a hash keeps ids distinct).
pub fn mermaid_id(id: &str) -> String {
    let clean: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!(
        "n{}_{}",
        clean,
        &crate::diag::fingerprint("", "", "", id)[..6]
    )
}

/// A workflow command's message (`::error …::MESSAGE`), as actions/toolkit
/// escapes it: `%`, CR and LF become `%25`, `%0D`, `%0A`, so item text
/// cannot start a command of its own (`::set-output`, `::add-mask`);
/// terminal escapes are shown, not passed (the log renders colours).
pub fn workflow_data(text: &str) -> String {
    // The Actions log is a terminal: escapes from item text are shown.
    super::sanitize(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: like data, and also `:` and `,`.
pub fn workflow_property(text: &str) -> String {
    workflow_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gitlab_references_in_item_text_link_nothing() {
        let escaped = markdown("see #12, !3, ~bug, %v1.2 and $7");
        for raw in ["#12", "!3", "~bug", "%v1.2", "$7"] {
            assert!(escaped.contains(&format!("\\{raw}")), "{raw} in {escaped}");
        }
        assert_eq!(
            markdown("覆盖率88%, 25%:"),
            "覆盖率88%, 25%:",
            "percentages stay"
        );
    }

    #[test]
    fn markdown_cannot_mention_render_html_or_break_tables() {
        let hostile =
            "@octocat <img src=x onerror=alert(1)> a|b\nnew **bold** [link](http://x) `code`";
        let escaped = markdown(hostile);
        assert!(!escaped.contains("@octocat"), "{escaped}");
        assert!(escaped.starts_with("@&#8203;octocat"));
        assert!(!escaped.contains('<') || escaped.contains("<br>"));
        assert!(!escaped.contains("<img"));
        assert!(!escaped.contains('|'));
        assert!(!escaped.contains('\n'));
        assert!(escaped.contains("\\*\\*bold\\*\\*") && escaped.contains("\\[link\\]"));
    }

    #[test]
    fn file_names_in_code_spans_cannot_link_or_show_images() {
        for name in [
            "calendars/[Approve this PR](http:evil.example).toml",
            "calendars/![x](http:evil.example?a.png).toml",
            "tasks/**bold**_x_~~y~~$z$.toml",
        ] {
            let escaped = message(&format!("cannot read `{name}`"));
            for raw in ["[", "](", "![", "**", "~~", "$"] {
                assert!(!escaped.contains(raw), "{raw} in {escaped}");
            }
            assert!(escaped.starts_with("cannot read <code>"), "{escaped}");
        }
    }

    #[test]
    fn terminal_escapes_and_bidi_marks_are_shown_not_passed() {
        for escaped in [
            markdown("a\u{1b}[31mb\u{202e}c"),
            message("`a\u{1b}[31m` \u{2066}"),
            html("a\u{1b}[31mb\u{202e}c"),
        ] {
            assert!(!escaped.contains('\u{1b}'), "{escaped:?}");
            assert!(
                !escaped.contains('\u{202e}') && !escaped.contains('\u{2066}'),
                "{escaped:?}"
            );
            assert!(escaped.contains("u{1b}"), "{escaped:?}");
        }
        assert_eq!(html("a\r\nb"), "a\nb");
    }

    #[test]
    fn messages_keep_code_spans_safely() {
        assert_eq!(
            message("unknown person `li.gng`"),
            "unknown person <code>li.gng</code>"
        );
        assert_eq!(message("`a|b` x"), "<code>a&#124;b</code> x");
        // An unbalanced backtick from item text stays text.
        assert_eq!(
            message("title `x` and ` y"),
            "title <code>x</code> and \\` y"
        );
        assert!(!message("`@team`").contains("@team"));
    }

    #[test]
    fn workflow_commands_cannot_be_injected() {
        let title = "x\n::set-output name=a::b%0A::add-mask::secret";
        let data = workflow_data(title);
        assert!(!data.contains('\n'));
        assert_eq!(data, "x%0A::set-output name=a::b%250A::add-mask::secret");
        assert_eq!(workflow_property("a,b:c"), "a%2Cb%3Ac");
    }

    #[test]
    fn html_cannot_open_or_close_tags_or_leave_attributes() {
        let hostile = "</style><script>alert(\"x\")</script> it's <b onclick='x'>&amp;";
        let escaped = html(hostile);
        for raw in ["<", ">", "\"", "'"] {
            assert!(!escaped.contains(raw), "{raw} in {escaped}");
        }
        assert_eq!(
            html("a\u{0}b\u{1b}[31m\nc"),
            "a\\u{0}b\\u{1b}[31m\nc",
            "control characters shown, newline kept"
        );
        assert_eq!(html("&lt;"), "&amp;lt;", "entities in text stay text");
    }

    #[test]
    fn html_messages_keep_code_spans_safely() {
        assert_eq!(
            html_message("unknown person `<li>`"),
            "unknown person <code>&lt;li&gt;</code>"
        );
        assert_eq!(html_message("a ` <b>"), "a ` &lt;b&gt;");
    }

    #[test]
    fn mermaid_labels_and_ids_are_inert() {
        assert_eq!(mermaid_label("a\"b]`c"), "a'b  c");
        let id = mermaid_id("T-1.2");
        assert!(
            id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "{id}"
        );
        assert_ne!(mermaid_id("T-1"), mermaid_id("T_1"));
    }
}
