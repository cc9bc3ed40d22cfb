//! W009 rejection-without-comments.

use super::{Context, at};
use crate::diag::Sink;
use crate::messages::Msg;
use crate::model::{Review, Verdict, filled};

declare_rule! {
    /// A review rejected the work without saying what must change.
    ///
    /// ## What it checks
    /// A task `[review]` or a request `[acceptance]` with
    /// `verdict = "rejected"` needs non-empty `comments`; so does a change
    /// request's `[[approval]]` with `decision = "reject"`.
    ///
    /// ## Why
    /// Seeds 000 and 001: a failed acceptance states the required changes
    /// (明确修改意见), so the owner can fix and resubmit instead of guessing.
    ///
    /// ## Fires
    /// ```toml
    /// [review]
    /// verdict = "rejected"
    /// ```
    ///
    /// ## Does not fire
    /// The same with `comments = "需补充边界值测试用例"`.
    "W009", "rejection-without-comments", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let unexplained = |review: &Review| {
        *review.verdict.get() == Verdict::Rejected && filled(&review.comments).is_none()
    };
    for task in &cx.project.tasks {
        if let Some(review) = task.review.as_ref().filter(|r| unexplained(r)) {
            out.emit(
                at(
                    task,
                    &review.verdict,
                    "review.comments",
                    Msg::RejectionWithoutComments,
                )
                .hint(Msg::RejectionHint),
            );
        }
    }
    for cr in &cx.project.changes {
        for approval in &cr.approval {
            if *approval.decision.get() == crate::model::ApprovalDecision::Reject
                && filled(&approval.comments).is_none()
            {
                out.emit(
                    at(
                        cr,
                        &approval.decision,
                        "approval.comments",
                        Msg::RejectionWithoutComments,
                    )
                    .key(approval.by.as_str())
                    .hint(Msg::RejectionHint),
                );
            }
        }
    }
    for request in &cx.project.requests {
        if let Some(acceptance) = request.acceptance.as_ref().filter(|r| unexplained(r)) {
            out.emit(
                at(
                    request,
                    &acceptance.verdict,
                    "acceptance.comments",
                    Msg::RejectionWithoutComments,
                )
                .hint(Msg::RejectionHint),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    const NOW: &str = "2026-07-07T10:00:00+08:00";

    #[test]
    fn fires_on_rejections_without_comments() {
        let task = "title = \"a\"\nstatus = \"rejected\"\n[review]\nverdict = \"rejected\"\ncomments = \" \"\n";
        let request = "title = \"r\"\nfrom = { department = \"mkt\" }\n[acceptance]\nverdict = \"rejected\"\n";
        let cr = "title = \"c\"\n[[approval]]\nby = \"zhang.jingli\"\ndecision = \"reject\"\n";
        let found = run_rule(
            &RULE,
            &[
                ("tasks/T-1.toml", task),
                ("requests/R-1.toml", request),
                ("changes/CR-1.toml", cr),
            ],
            NOW,
        );
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(
            found
                .iter()
                .all(|f| f.message == "rejected without comments")
        );
        assert_eq!(found[2].line, 4);
    }

    #[test]
    fn does_not_fire_on_explained_rejections_or_acceptances() {
        let task = "title = \"a\"\n[review]\nverdict = \"rejected\"\ncomments = \"需补充边界值测试用例\"\n";
        let accepted = "title = \"b\"\n[review]\nverdict = \"accepted\"\n";
        assert!(
            run_rule(
                &RULE,
                &[("tasks/T-1.toml", task), ("tasks/T-2.toml", accepted)],
                NOW
            )
            .is_empty()
        );
    }
}
