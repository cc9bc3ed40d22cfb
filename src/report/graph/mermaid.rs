//! `--format mermaid`: a Mermaid flowchart (GitHub renders it).

use std::fmt::Write;

use super::{EdgeKind, ItemGraph, fill, label_lines};
use crate::model::ItemKind;

/// The graph as Mermaid flowchart source.
pub fn render(graph: &ItemGraph) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "flowchart LR");
    for (i, node) in graph.nodes.iter().enumerate() {
        let label = label_lines(node)
            .iter()
            .map(|l| text(l))
            .collect::<Vec<_>>()
            .join("<br/>");
        let (open, close) = match (node.kind, node.milestone) {
            (ItemKind::Task, true) => ("{{", "}}"),
            (ItemKind::Task, false) => ("[", "]"),
            (ItemKind::Request, _) => ("([", "])"),
            (ItemKind::Meeting, _) => ("[[", "]]"),
            (ItemKind::Change, _) => ("{{", "}}"),
            (ItemKind::Complaint, _) => (">", "]"),
            (ItemKind::Agreement, _) => ("[/", "/]"),
            (ItemKind::Comm, _) => ("(", ")"),
        };
        let _ = writeln!(w, "    n{i}{open}\"{label}\"{close}");
    }
    let mut critical_links = Vec::new();
    for (k, edge) in graph.edges.iter().enumerate() {
        let arrow = if edge.kind == EdgeKind::DependsOn {
            "-->"
        } else {
            "-.->"
        };
        let _ = writeln!(w, "    n{} {arrow} n{}", edge.from, edge.to);
        if edge.critical {
            critical_links.push(k.to_string());
        }
    }
    // Status colours, then the critical path and overdue items on top.
    let mut by_fill: Vec<(&str, Vec<String>)> = Vec::new();
    for (i, node) in graph.nodes.iter().enumerate() {
        let colour = fill(node);
        match by_fill.iter_mut().find(|(c, _)| *c == colour) {
            Some((_, ids)) => ids.push(format!("n{i}")),
            None => by_fill.push((colour, vec![format!("n{i}")])),
        }
    }
    for (k, (colour, ids)) in by_fill.iter().enumerate() {
        let _ = writeln!(
            w,
            "    classDef s{k} fill:{colour},stroke:#8a939c,color:#1f2933"
        );
        let _ = writeln!(w, "    class {} s{k}", ids.join(","));
    }
    let marked = |pick: fn(&super::Node) -> bool| -> Vec<String> {
        graph
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| pick(n))
            .map(|(i, _)| format!("n{i}"))
            .collect()
    };
    let overdue = marked(|n| n.overdue.is_some());
    if !overdue.is_empty() {
        let _ = writeln!(
            w,
            "    classDef overdue stroke:#b00020,stroke-width:2px,color:#b00020"
        );
        let _ = writeln!(w, "    class {} overdue", overdue.join(","));
    }
    let critical = marked(|n| n.critical);
    if !critical.is_empty() {
        let _ = writeln!(w, "    classDef critical stroke:#e5484d,stroke-width:3px");
        let _ = writeln!(w, "    class {} critical", critical.join(","));
    }
    if !critical_links.is_empty() {
        let _ = writeln!(
            w,
            "    linkStyle {} stroke:#e5484d,stroke-width:3px",
            critical_links.join(",")
        );
    }
    out
}

/// Text inside a quoted Mermaid label: characters with a meaning in
/// Mermaid or HTML as entity codes, line breaks as spaces.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"),
            c if crate::report::sanitize::unprintable(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn mermaid_and_html_characters_become_entity_codes() {
        assert_eq!(
            text("a \"b\" <i>#1 & `c`"),
            "a #quot;b#quot; #lt;i#gt;#35;1 #amp; #96;c#96;"
        );
    }
}
