//! O006 signed-without-legal-review.

use super::{Context, at};
use crate::diag::Sink;
use crate::evidence::Event;
use crate::messages::{Msg, SeedMsg};
use crate::model::{SignatoryParty, party_name};

declare_rule! {
    /// An agreement was signed before the legal department approved it.
    ///
    /// ## What it checks
    /// Every `[[signature]]` of an agreement (`agreements/`), ours or the
    /// counterparty's, comes after a `[legal_review]` whose `verdict` is
    /// `approved`: it fires on a signature when there is no approved review
    /// at all, and on a signature dated before the review's `at`. When
    /// `project.legal_department` is set, only a review `by` a member of
    /// that department counts. Times not written are taken from the commit
    /// that first recorded the signature or the verdict.
    ///
    /// ## Why
    /// Seed 002: an important agreement is reviewed by the legal department
    /// before anyone signs (重要协议须经法务审核后签署). A signature cannot
    /// be taken back; the review exists to find the clause before it binds
    /// the company.
    ///
    /// ## Fires
    /// `[[signature]] party = "us"`, `at = 2026-12-02T10:00:00+08:00`, and
    /// `[legal_review] verdict = "approved"`, `at = 2026-12-03T17:00:00+08:00`.
    ///
    /// ## Does not fire
    /// The same review, and the signature on 2026-12-05.
    "O006", "signed-without-legal-review", Error
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let project = cx.project;
    let legal = project.settings.legal_department.as_deref();
    for agreement in &project.agreements {
        if agreement.archived || agreement.signature.is_empty() {
            continue;
        }
        // An approval counts when legal gave it (by someone of the legal
        // department, when the project names one).
        let approval =
            agreement
                .approved_review()
                .filter(|review| match (legal, review.by.as_deref()) {
                    (Some(department), Some(by)) => {
                        project.org.is_member(by, department)
                            || project.org.head_of(department) == Some(by)
                    }
                    _ => true,
                });
        let approved_at = approval
            .map(|review| cx.time_of(&agreement.id, review.at.as_ref(), Event::LegalReviewed));
        for signature in &agreement.signature {
            let party = *signature.party.get();
            let signed_at = cx.time_of(
                &agreement.id,
                signature.at.as_ref(),
                Event::Signed(party_name(party).to_string()),
            );
            let before = match approved_at {
                None => true,
                Some(Some(approved)) => signed_at.is_some_and(|signed| signed < approved),
                // Approved at a time nobody can tell.
                Some(None) => false,
            };
            if !before {
                continue;
            }
            let message = Msg::Seed(SeedMsg::SignedBeforeReview {
                counterparty: party == SignatoryParty::Counterparty,
                signed_at: signed_at.map(|t| cx.show(t)),
                approved_at: approved_at.flatten().map(|t| cx.show(t)),
            });
            let diagnostic = match &signature.at {
                Some(t) => at(agreement, t, "signature", message),
                None => at(agreement, signature, "signature", message),
            };
            out.emit(diagnostic.key(party_name(party)).hint(Msg::Seed(
                SeedMsg::SignedBeforeReviewHint {
                    legal: legal.map(str::to_string),
                },
            )));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{BATON, ORG, run_rule};

    const NOW: &str = "2026-12-07T10:00:00+08:00";

    fn agreement(review: &str, signatures: &str) -> String {
        format!(
            "title = \"供货协议\"\ncounterparty = \"某厂\"\nowner = \"li.gong\"\n{review}{signatures}"
        )
    }

    const APPROVED: &str = "[legal_review]\nrequested_at = 2026-12-01T10:00:00+08:00\nat = 2026-12-03T17:00:00+08:00\nby = \"fang.lv\"\nverdict = \"approved\"\n";
    const SIGNED_EARLY: &str =
        "[[signature]]\nparty = \"us\"\nby = \"chen.zong\"\nat = 2026-12-02T10:00:00+08:00\n";
    const SIGNED_LATE: &str = "[[signature]]\nparty = \"us\"\nby = \"chen.zong\"\nat = 2026-12-05T10:00:00+08:00\n[[signature]]\nparty = \"counterparty\"\nby = \"王总\"\nat = 2026-12-05T11:00:00+08:00\n";

    fn files(text: &str) -> Vec<(&'static str, String)> {
        let baton = format!("{BATON}legal_department = \"legal\"\n");
        let org = format!(
            "{ORG}\n[[department]]\nid = \"legal\"\nname = \"法务部\"\n\n[[person]]\nid = \"fang.lv\"\nname = \"方律\"\ndepartment = \"legal\"\n"
        );
        vec![
            ("baton.toml", baton),
            ("org.toml", org),
            ("agreements/AGR-1.toml", text.to_string()),
        ]
    }

    fn run(text: &str) -> Vec<crate::testing::Found> {
        let owned = files(text);
        let borrowed: Vec<(&str, &str)> = owned.iter().map(|(p, t)| (*p, t.as_str())).collect();
        run_rule(&RULE, &borrowed, NOW)
    }

    #[test]
    fn fires_on_a_signature_before_the_approval() {
        let found = run(&agreement(APPROVED, SIGNED_EARLY));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].message,
            "signed by us on 2026-12-02 10:00, before legal approved the agreement (2026-12-03 17:00)"
        );
    }

    #[test]
    fn fires_on_any_signature_without_an_approved_review() {
        let found = run(&agreement("", SIGNED_LATE));
        assert_eq!(found.len(), 2, "both parties signed: {found:?}");
        assert!(found[1].message.starts_with("signed by the counterparty"));
        let changes = APPROVED.replace("\"approved\"", "\"changes_requested\"");
        assert_eq!(run(&agreement(&changes, SIGNED_LATE)).len(), 2);
        // Approved by someone outside the legal department.
        let outsider = APPROVED.replace("fang.lv", "li.gong");
        assert_eq!(run(&agreement(&outsider, SIGNED_LATE)).len(), 2);
    }

    #[test]
    fn does_not_fire_after_approval_or_before_anyone_signs() {
        assert!(run(&agreement(APPROVED, SIGNED_LATE)).is_empty());
        assert!(run(&agreement("", "")).is_empty());
    }
}
