//! No function of baton calls itself: recursion on input depth is how a
//! checker overflows its stack on hostile files (SPEC §9). Graph walks,
//! tree walks and flattening use explicit stacks instead. This scan finds
//! direct self-calls (`name(`, `self.name(`, `Self::name(` inside `fn
//! name`); mutual recursion through two functions would need review too.

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The body of the function whose `fn` keyword is at `at`.
fn body(text: &str, at: usize) -> Option<&str> {
    let open = at + text[at..].find('{')?;
    // A declaration without a body (`fn read(&self) -> X;` in a trait).
    if text[at..open].contains(';') {
        return None;
    }
    let mut depth = 0;
    for (i, c) in text[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(&text[open + 1..open + i]);
                }
            }
            _ => {}
        }
    }
    None
}

fn calls_itself(name: &str, body: &str) -> bool {
    let mut from = 0;
    while let Some(found) = body[from..].find(name) {
        let at = from + found;
        let after = body[at + name.len()..].trim_start();
        let before = &body[..at];
        let boundary_before = before
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let boundary_after = body[at + name.len()..]
            .chars()
            .next()
            .is_some_and(|c| !(c.is_alphanumeric() || c == '_'));
        if boundary_before && boundary_after && after.starts_with('(') {
            let free = !before.ends_with('.') && !before.ends_with("::");
            let method = before.ends_with("self.") || before.ends_with("Self::");
            if free || method {
                return true;
            }
        }
        from = at + name.len();
    }
    false
}

#[test]
fn no_function_calls_itself() {
    let mut files = Vec::new();
    // The scan's own directory walk is the one deliberate recursion: it
    // walks the source tree, not input.
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut recursive = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        let mut from = 0;
        while let Some(found) = text[from..].find("fn ") {
            let at = from + found;
            from = at + 3;
            let name: String = text[at + 3..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if name.is_empty() {
                continue;
            }
            if let Some(body) = body(&text, at)
                && calls_itself(&name, body)
            {
                recursive.push(format!("{}: fn {name}", file.display()));
            }
        }
    }
    assert!(recursive.is_empty(), "recursive functions: {recursive:#?}");
}

#[test]
fn the_scan_finds_recursion() {
    assert!(calls_itself("walk", "let x = 1; walk(node.left);"));
    assert!(calls_itself("walk", "self.walk(child)"));
    assert!(!calls_itself("walk", "tree.walk(mode, cb)"));
    assert!(!calls_itself("len", "self.files.len()"));
}
