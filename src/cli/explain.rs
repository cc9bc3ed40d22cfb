//! `baton explain`.

use clap::Args;

use super::{Outcome, fail, output};
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
        let mut out = String::new();
        for rule in RULES {
            out.push_str(&format!(
                "{}  {:<28} {:<8} {}\n",
                rule.code,
                rule.name,
                rule.default.as_str(),
                rule.summary()
            ));
        }
        return output::print(&out);
    };
    match find(&code) {
        Some(rule) => output::print(&format!(
            "{} {} (default: {})\n\n{}\n",
            rule.code,
            rule.name,
            rule.default.as_str(),
            rule.documentation()
        )),
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
