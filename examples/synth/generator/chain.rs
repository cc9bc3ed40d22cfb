//! The `chain` profile: every task depends on the one before it, one
//! working day of effort each, all due 2027-06-30 — a long chain of late
//! work, where every task past the first few months is planned to miss its
//! due (D004), each finding naming the chain that drives it.

use super::org::Org;

/// The due of every task of the chain.
pub const DUE: &str = "2027-06-30";

/// The first task's fixed start: the working day after [`super::NOW`].
pub const START: &str = "2026-11-13";

/// The path of chain task `i`, in folders of at most 1,000 files.
pub fn path(i: usize, width: usize) -> String {
    format!("tasks/c{:03}/{}.toml", i / 1000, id(i, width))
}

/// The id of chain task `i`.
pub fn id(i: usize, width: usize) -> String {
    format!("T-{i:0width$}")
}

/// The file of chain task `i`: owned in turn by the workers of each
/// department, which leads it.
pub fn render(org: &Org, i: usize, width: usize) -> String {
    let dept = &org.depts[i % org.depts.len()];
    let owner = org.id(dept.workers[(i / org.depts.len()) % dept.workers.len()]);
    let start = if i == 0 {
        format!("start = {START}\n")
    } else {
        format!("depends_on = [\"{}\"]\n", id(i - 1, width))
    };
    format!(
        "title = \"链式任务 {i}\"\nowner = \"{owner}\"\nlead = \"{}\"\n{start}effort = \"1wd\"\ndue = {DUE}\n\
         deliverable = \"第 {i} 步的交付物\"\nacceptance = \"评审通过\"\nstatus = \"todo\"\n",
        dept.id
    )
}
