use crate::graph::TaskGraph;
use crate::testing::project;

fn chain(n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|i| {
            let deps = if i == 0 {
                String::new()
            } else {
                format!("\"T-{:06}\"", i - 1)
            };
            (
                format!("tasks/T-{i:06}.toml"),
                format!("title = \"t\"\ndepends_on = [{deps}]\n"),
            )
        })
        .collect()
}

#[test]
fn a_long_chain_is_ordered_without_recursion() {
    let files = chain(100_000);
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let project = project(&files);
    let graph = TaskGraph::build(&project);
    assert!(graph.cycles(|t| t).is_empty());
    let order = graph.topological_order().unwrap();
    assert_eq!(order.len(), 100_000);
    assert_eq!(project.tasks[order[0]].id, "T-000000");
    assert_eq!(project.tasks[order[99_999]].id, "T-099999");
}

#[test]
fn dependencies_and_dependents_follow_depends_on() {
    let project = project(&[
        ("tasks/A.toml", "title = \"a\"\n"),
        (
            "tasks/B.toml",
            "title = \"b\"\ndepends_on = [\"A\", \"missing\"]\n",
        ),
    ]);
    let graph = TaskGraph::build(&project);
    let (a, b) = (0, 1);
    assert_eq!(graph.dependencies(b).collect::<Vec<_>>(), [a]);
    assert_eq!(graph.dependents(a).collect::<Vec<_>>(), [b]);
    assert!(graph.topological_order().is_some());
}

#[test]
fn cycles_are_found_once_with_a_shortest_path() {
    let project = project(&[
        ("tasks/A.toml", "title = \"a\"\ndepends_on = [\"B\"]\n"),
        (
            "tasks/B.toml",
            "title = \"b\"\ndepends_on = [\"C\", \"A\"]\n",
        ),
        ("tasks/C.toml", "title = \"c\"\ndepends_on = [\"A\"]\n"),
    ]);
    let graph = TaskGraph::build(&project);
    let cycles = graph.cycles(|t| project.tasks[t].id.clone());
    assert_eq!(cycles.len(), 1);
    let ids: Vec<&str> = cycles[0]
        .iter()
        .map(|&t| project.tasks[t].id.as_str())
        .collect();
    assert_eq!(ids, ["A", "B", "A"]);
    assert!(graph.topological_order().is_none());
}
