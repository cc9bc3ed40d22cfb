//! `--format dot`: Graphviz.

use std::fmt::Write;

use super::{EdgeKind, ItemGraph, fill, label_lines};
use crate::model::ItemKind;

/// The graph in the DOT language.
pub fn render(graph: &ItemGraph) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "digraph baton {{");
    let _ = writeln!(w, "  rankdir=LR;");
    let _ = writeln!(
        w,
        "  node [shape=box, style=\"rounded,filled\", fontname=\"Noto Sans CJK SC,PingFang SC,Microsoft YaHei,sans-serif\", fontsize=11, color=\"#8a939c\"];"
    );
    let _ = writeln!(w, "  edge [color=\"#8a939c\"];");
    for node in &graph.nodes {
        let label = label_lines(node)
            .iter()
            .map(|l| quote(l))
            .collect::<Vec<_>>()
            .join("\\n");
        let shape = match (node.kind, node.milestone) {
            (ItemKind::Task, true) => "diamond",
            (ItemKind::Task, false) => "box",
            (ItemKind::Request, _) => "note",
            (ItemKind::Meeting, _) => "ellipse",
            (ItemKind::Change, _) => "hexagon",
            (ItemKind::Complaint, _) => "octagon",
            (ItemKind::Agreement, _) => "folder",
            (ItemKind::Comm, _) => "component",
        };
        let mut attrs = vec![
            format!("label=\"{label}\""),
            format!("shape={shape}"),
            format!("fillcolor=\"{}\"", fill(node)),
        ];
        if node.status == "cancelled" {
            attrs.push("style=\"rounded,filled,dashed\"".into());
            attrs.push("fontcolor=\"#8a939c\"".into());
        }
        if node.critical {
            attrs.push("color=\"#e5484d\"".into());
            attrs.push("penwidth=3".into());
        }
        if node.overdue.is_some() {
            attrs.push("fontcolor=\"#b00020\"".into());
            if !node.critical {
                attrs.push("color=\"#b00020\"".into());
                attrs.push("penwidth=2".into());
            }
        }
        let _ = writeln!(w, "  \"{}\" [{}];", quote(&node.id), attrs.join(", "));
    }
    for edge in &graph.edges {
        let mut attrs = Vec::new();
        if edge.kind != EdgeKind::DependsOn {
            attrs.push("style=dashed".to_string());
            attrs.push(format!("label=\"{}\"", edge.kind.as_str()));
            attrs.push("fontsize=9".into());
        }
        if edge.critical {
            attrs.push("color=\"#e5484d\"".into());
            attrs.push("penwidth=3".into());
        }
        let attrs = if attrs.is_empty() {
            String::new()
        } else {
            format!(" [{}]", attrs.join(", "))
        };
        let _ = writeln!(
            w,
            "  \"{}\" -> \"{}\"{attrs};",
            quote(&graph.nodes[edge.from].id),
            quote(&graph.nodes[edge.to].id)
        );
    }
    let _ = writeln!(w, "}}");
    out
}

/// Text inside a DOT double-quoted string: backslashes and quotes escaped
/// (so no `\n`, `\l` or record syntax sneaks in), line breaks as spaces.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if crate::report::sanitize::unprintable(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_and_backslashes_are_escaped() {
        assert_eq!(quote("a \"b\" \\n c\nd"), "a \\\"b\\\" \\\\n c d");
    }
}
