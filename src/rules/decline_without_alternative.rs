//! W002 decline-without-alternative.

use super::{Context, at};
use crate::diag::Sink;
use crate::messages::Msg;
use crate::model::{Decision, filled};

declare_rule! {
    /// A department declined a request without reason and alternative, or
    /// asked for information without saying what.
    ///
    /// ## What it checks
    /// A response with `decision = "decline"` needs a `reason` and an
    /// `alternative`; `decision = "need_info"` needs a `reason`. Empty
    /// strings count as missing.
    ///
    /// ## Why
    /// Seed 001: a department that cannot take a request on explains why and
    /// suggests an alternative (说明原因及建议替代方案), so the requester can
    /// move on instead of starting over.
    ///
    /// ## Fires
    /// ```toml
    /// [[response]]
    /// department = "rnd"
    /// decision = "decline"
    /// reason = "本月排期已满"
    /// ```
    ///
    /// ## Does not fire
    /// The same with `alternative = "8月第一周可以承接"`.
    "W002", "decline-without-alternative", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    for request in &cx.project.requests {
        for response in &request.response {
            let department = response.department.to_string();
            let message = match response.decision.get() {
                Decision::Accept => continue,
                Decision::Decline => {
                    let mut missing = Vec::new();
                    if filled(&response.reason).is_none() {
                        missing.push("reason".to_string());
                    }
                    if filled(&response.alternative).is_none() {
                        missing.push("alternative".to_string());
                    }
                    if missing.is_empty() {
                        continue;
                    }
                    Msg::DeclineWithoutAlternative {
                        department: department.clone(),
                        missing,
                    }
                }
                Decision::NeedInfo => {
                    if filled(&response.reason).is_some() {
                        continue;
                    }
                    Msg::NeedInfoWithoutReason {
                        department: department.clone(),
                    }
                }
            };
            out.emit(at(request, &response.decision, "response.decision", message).key(department));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    const NOW: &str = "2026-07-07T10:00:00+08:00";

    fn request(response: &str) -> String {
        format!(
            "title = \"r\"\nfrom = {{ department = \"mkt\" }}\nto = [{{ department = \"rnd\" }}]\n[[response]]\ndepartment = \"rnd\"\n{response}"
        )
    }

    #[test]
    fn fires_on_bare_declines_and_need_info() {
        let found = run_rule(
            &RULE,
            &[
                (
                    "requests/R-1.toml",
                    &request("decision = \"decline\"\nreason = \"排期已满\"\nalternative = \"\"\n"),
                ),
                ("requests/R-2.toml", &request("decision = \"decline\"\n")),
                ("requests/R-3.toml", &request("decision = \"need_info\"\n")),
            ],
            NOW,
        );
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "department `rnd` declined without alternative",
                "department `rnd` declined without reason and alternative",
                "department `rnd` asked for information without a reason"
            ]
        );
    }

    #[test]
    fn does_not_fire_on_explained_answers() {
        let found = run_rule(
            &RULE,
            &[
                (
                    "requests/R-1.toml",
                    &request(
                        "decision = \"decline\"\nreason = \"排期已满\"\nalternative = \"8月可以\"\n",
                    ),
                ),
                (
                    "requests/R-2.toml",
                    &request("decision = \"need_info\"\nreason = \"需要接口文档\"\n"),
                ),
                (
                    "requests/R-3.toml",
                    &request("decision = \"accept\"\nreason = \"\"\n"),
                ),
            ],
            NOW,
        );
        assert!(found.is_empty(), "{found:#?}");
    }
}
