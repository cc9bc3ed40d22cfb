//! `baton explain`.

use clap::Args;

use super::{Outcome, fail};
use crate::parse::suggest;
use crate::rules::{RULES, find};

/// Arguments of `baton explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule code (`W007`) or name (`blocked-not-escalated`); without it, every rule is listed.
    pub rule: Option<String>,
}

/// Runs `baton explain`.
pub fn run(args: ExplainArgs) -> Outcome {
    let Some(code) = args.rule else {
        for rule in RULES {
            println!(
                "{}  {:<28} {:<8} {}",
                rule.code,
                rule.name,
                rule.default.as_str(),
                rule.summary()
            );
        }
        return Outcome::Clean;
    };
    match find(&code) {
        Some(rule) => {
            println!(
                "{} {} (default: {})\n",
                rule.code,
                rule.name,
                rule.default.as_str()
            );
            println!("{}", rule.documentation());
            Outcome::Clean
        }
        None => {
            let known = RULES.iter().flat_map(|r| [r.code, r.name]);
            let hint = suggest::did_you_mean(&code, known)
                .map_or(String::new(), |c| format!("; did you mean `{c}`?"));
            fail(format!(
                "no rule `{code}`{hint} (`baton explain` lists them)"
            ))
        }
    }
}
