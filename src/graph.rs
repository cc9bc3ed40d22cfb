//! The task dependency graph (petgraph): tasks are nodes, `depends_on`
//! entries are edges from the dependency to the dependent.
//!
//! Every algorithm here is iterative (petgraph's Kosaraju SCC, explicit
//! queues), so a 100,000-task chain cannot overflow the stack.

use std::collections::{HashMap, VecDeque};

use petgraph::Direction;
use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::model::Project;

/// The graph of tasks and their finish-to-start dependencies.
#[derive(Debug)]
pub struct TaskGraph {
    graph: DiGraph<usize, ()>,
    nodes: Vec<NodeIndex>,
}

impl TaskGraph {
    /// Builds the graph; references to unknown tasks are left out (rule
    /// S004 reports them).
    pub fn build(project: &Project) -> TaskGraph {
        let mut graph = DiGraph::with_capacity(project.tasks.len(), project.tasks.len() * 2);
        let nodes: Vec<NodeIndex> = (0..project.tasks.len())
            .map(|i| graph.add_node(i))
            .collect();
        let index: HashMap<&str, usize> = project
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), i))
            .collect();
        for (dependent, task) in project.tasks.iter().enumerate() {
            for dependency in &task.depends_on {
                if let Some(&from) = index.get(dependency.as_str()) {
                    graph.add_edge(nodes[from], nodes[dependent], ());
                }
            }
        }
        TaskGraph { graph, nodes }
    }

    /// Task indices this task depends on.
    pub fn dependencies(&self, task: usize) -> impl Iterator<Item = usize> + '_ {
        self.neighbors(task, Direction::Incoming)
    }

    /// Task indices that depend on this task.
    pub fn dependents(&self, task: usize) -> impl Iterator<Item = usize> + '_ {
        self.neighbors(task, Direction::Outgoing)
    }

    fn neighbors(&self, task: usize, direction: Direction) -> impl Iterator<Item = usize> + '_ {
        self.nodes
            .get(task)
            .into_iter()
            .flat_map(move |&n| self.graph.neighbors_directed(n, direction))
            .map(|n| self.graph[n])
    }

    /// Every dependency cycle, once each, as a closed path of task indices
    /// in `depends_on` direction (`[a, b, c, a]`: a depends on b, b on c, c
    /// on a). A cycle starts at its task with the smallest id as given by
    /// `key`, so the report does not depend on file order.
    pub fn cycles<K: Ord>(&self, key: impl Fn(usize) -> K) -> Vec<Vec<usize>> {
        let mut cycles = Vec::new();
        for component in kosaraju_scc(&self.graph) {
            let self_loop =
                component.len() == 1 && self.graph.contains_edge(component[0], component[0]);
            if component.len() < 2 && !self_loop {
                continue;
            }
            let members: Vec<usize> = component.iter().map(|&n| self.graph[n]).collect();
            let Some(&start) = members.iter().min_by_key(|&&t| key(t)) else {
                continue;
            };
            cycles.push(self.cycle_through(start, &members));
        }
        cycles.sort_by(|a, b| key(a[0]).cmp(&key(b[0])));
        cycles
    }

    /// A shortest closed path from `start` back to itself within `members`,
    /// following `depends_on` (breadth-first, so the reported path is as
    /// short as the cycle allows).
    fn cycle_through(&self, start: usize, members: &[usize]) -> Vec<usize> {
        let in_component: std::collections::HashSet<usize> = members.iter().copied().collect();
        let mut parent: HashMap<usize, usize> = HashMap::new();
        let mut queue = VecDeque::new();
        queue.push_back(start);
        while let Some(current) = queue.pop_front() {
            for next in self.dependencies(current) {
                if !in_component.contains(&next) {
                    continue;
                }
                if next == start {
                    // Walk the parents back to `start`, then read forwards.
                    let mut path = vec![current];
                    let mut at = current;
                    while at != start {
                        match parent.get(&at) {
                            Some(&p) => at = p,
                            None => break,
                        }
                        path.push(at);
                    }
                    path.reverse();
                    path.push(start);
                    return path;
                }
                if let std::collections::hash_map::Entry::Vacant(e) = parent.entry(next) {
                    e.insert(current);
                    queue.push_back(next);
                }
            }
        }
        vec![start, start]
    }

    /// Task indices in dependency order (dependencies first), or `None`
    /// when the graph has a cycle.
    pub fn topological_order(&self) -> Option<Vec<usize>> {
        petgraph::algo::toposort(&self.graph, None)
            .ok()
            .map(|order| order.into_iter().map(|n| self.graph[n]).collect())
    }
}

#[cfg(test)]
mod tests;
