//! `--format json`: nodes and edges.

use serde::Serialize;

use super::ItemGraph;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    nodes: Vec<Node<'a>>,
    edges: Vec<Edge<'a>>,
}

#[derive(Serialize)]
struct Node<'a> {
    id: &'a str,
    kind: &'static str,
    title: &'a str,
    status: &'a str,
    milestone: bool,
    critical: bool,
    overdue: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    finish: Option<String>,
}

#[derive(Serialize)]
struct Edge<'a> {
    from: &'a str,
    to: &'a str,
    kind: &'static str,
    critical: bool,
}

/// The graph as pretty JSON.
pub fn render(graph: &ItemGraph) -> String {
    let report = Report {
        version: 1,
        nodes: graph
            .nodes
            .iter()
            .map(|n| Node {
                id: &n.id,
                kind: n.kind.name(),
                title: &n.title,
                status: n.status,
                milestone: n.milestone,
                critical: n.critical,
                overdue: n.overdue.is_some(),
                start: n.planned.map(|(s, _)| s.to_string()),
                finish: n.planned.map(|(_, f)| f.to_string()),
            })
            .collect(),
        edges: graph
            .edges
            .iter()
            .map(|e| Edge {
                from: &graph.nodes[e.from].id,
                to: &graph.nodes[e.to].id,
                kind: e.kind.as_str(),
                critical: e.critical,
            })
            .collect(),
    };
    crate::report::json::to_string(&report)
}
