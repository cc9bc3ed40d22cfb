//! Driving chains in constant time per task: the chain that ends at a task
//! (each task's driver back to the first) is what D004 shows ("T-1 → …
//! (9,994 more) → T-10000"). Walking it for every late task is quadratic in
//! a long chain of late work; these arrays, built once in linear time, give
//! its length, its first tasks and its last ones without a walk.

use super::Plan;

/// How many of a chain's first tasks are kept per task.
pub(super) const HEAD: usize = 8;

/// Every task's driving chain, summarised.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chains {
    /// How many planned tasks the chain ending at each task has.
    len: Vec<usize>,
    /// Its first (at most [`HEAD`]) planned tasks, first first.
    head: Vec<Vec<usize>>,
    /// The nearest planned task at or before each task on its chain (a
    /// cancelled task on the way is left out of chains).
    planned: Vec<Option<usize>>,
}

impl Chains {
    /// The chains of `plan`: every task once, walking iteratively from the
    /// nearest task already known.
    pub(super) fn of(plan: &Plan) -> Chains {
        let n = plan.tasks.len();
        let mut chains = Chains {
            len: vec![0; n],
            head: vec![Vec::new(); n],
            planned: vec![None; n],
        };
        let mut known = vec![false; n];
        let mut stack = Vec::new();
        for t in 0..n {
            let mut at = Some(t);
            while let Some(x) = at {
                // The bound guards against a malformed (cyclic) plan.
                if known[x] || stack.len() > n {
                    break;
                }
                stack.push(x);
                at = plan.driven_by(x);
            }
            let mut parent = at.filter(|&x| known[x]);
            while let Some(x) = stack.pop() {
                let is_planned = plan.tasks[x].slot().is_some();
                let (len, mut head, planned) = match parent {
                    Some(p) => (chains.len[p], chains.head[p].clone(), chains.planned[p]),
                    None => (0, Vec::new(), None),
                };
                if is_planned && head.len() < HEAD {
                    head.push(x);
                }
                chains.len[x] = len + usize::from(is_planned);
                chains.head[x] = head;
                chains.planned[x] = if is_planned { Some(x) } else { planned };
                known[x] = true;
                parent = Some(x);
            }
        }
        chains
    }

    /// How many planned tasks the chain ending at `t` has.
    pub fn len(&self, t: usize) -> usize {
        self.len.get(t).copied().unwrap_or(0)
    }

    /// The chain's first planned task.
    pub fn first(&self, t: usize) -> Option<usize> {
        self.head.get(t).and_then(|h| h.first().copied())
    }

    /// The chain ending at `t` as at most `max` entries: the whole chain
    /// when it fits, else its first tasks, the number left out, and its
    /// last tasks (as [`super::shorten`] shows a list).
    pub fn summary(&self, plan: &Plan, t: usize, max: usize) -> (Vec<usize>, usize, Vec<usize>) {
        let len = self.len(t);
        let (head_len, tail_len) = if len <= max || max < 3 {
            (0, len)
        } else {
            let tail = (max - 1) / 2;
            ((max - 1 - tail).min(HEAD), tail)
        };
        // The last tasks, walking back from `t` one planned task a step.
        let mut tail = Vec::with_capacity(tail_len);
        let mut at = self.planned.get(t).copied().flatten();
        while let Some(x) = at {
            if tail.len() == tail_len {
                break;
            }
            tail.push(x);
            at = plan
                .driven_by(x)
                .and_then(|p| self.planned.get(p).copied().flatten());
        }
        tail.reverse();
        let head: Vec<usize> = self
            .head
            .get(t)
            .map_or(Vec::new(), |h| h.iter().copied().take(head_len).collect());
        let hidden = len.saturating_sub(head.len() + tail.len());
        (head, hidden, tail)
    }
}
