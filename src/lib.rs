//! baton: collaboration workflows as code.
//!
//! Every collaboration item (request, meeting, task) is a TOML file in a git
//! repository. baton reads the files, builds the task dependency graph,
//! checks deadline and responsibility rules on a working-day calendar, and
//! reports findings.
//!
//! Data flows one way, one module per stage:
//! [`source`] (working tree) → [`parse`] (typed values with spans) →
//! [`model`] + [`load`] (project, org, calendar, items) → [`graph`] →
//! [`rules`] → [`diag`] findings → [`report`].
#![deny(missing_docs)]

pub mod atomic;
pub mod audit;
pub mod authority;
pub mod cache;
pub mod calendar;
pub mod check;
pub mod cli;
pub mod diag;
pub mod digest;
pub mod edit;
pub mod evidence;
pub mod fieldref;
pub mod files;
pub mod git;
pub mod graph;
pub mod harness;
pub mod history;
pub mod init;
pub mod load;
pub mod messages;
pub mod model;
pub mod notify;
pub mod parse;
pub mod plan;
pub mod pr;
pub mod progress;
pub mod publish;
pub mod report;
pub mod rules;
pub mod schema;
pub mod source;
pub mod time;
pub mod timing;
pub mod waiver;

#[cfg(test)]
pub(crate) mod testing;
