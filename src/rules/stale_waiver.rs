//! Q004 stale-waiver.

use super::Context;
use crate::diag::{Diagnostic, Sink};
use crate::messages::Msg;
use crate::waiver::collect;

declare_rule! {
    /// A waiver that does not hold: it has lapsed, accepts nothing, or is
    /// not one anybody could give.
    ///
    /// ## What it checks
    /// Every `[[waiver]]` (in `baton.toml`, or in an item's own file) names
    /// a `rule`, the `item` whose findings it accepts (an item's file may
    /// leave it out: the item itself), a `reason`, who accepted it (`by`)
    /// and optionally `until`, its last day. It is reported when:
    /// - `rule` is not a rule, or one no waiver may accept: S001 (a file
    ///   baton cannot read), O004, O005 and W011 (who changed what is
    ///   decided by an approved change request, not a waiver), Q004;
    /// - `item` does not exist, or an item's file names another item;
    /// - `by` is not in `org.toml`, or may not waive findings on that item:
    ///   that is the entitlement `<kind>.waiver` (by default a task's lead
    ///   department head, a request's requester, a meeting's organiser or
    ///   chair, a change request's requester), or an admin;
    /// - `until` has passed;
    /// - it matches no finding of its rule on its item (the finding was
    ///   fixed, or never was).
    ///
    /// A waiver reported here waives nothing: the finding it was meant to
    /// accept is shown as it is. A waiver that holds turns the findings of
    /// its rule on its item into `info`, shown with who waived them, until
    /// when and why; `audit` lists every waiver.
    ///
    /// ## Why
    /// A waiver is a decision ("we accept this, for this reason, until
    /// then"), like cargo-deny's `ignore` entries with a reason. Decisions
    /// that lapse, or that nobody entitled took, must not keep hiding work;
    /// waivers that hide nothing are clutter that hides the next finding.
    ///
    /// ## Fires
    /// `until = 2026-09-30` on 2026-10-08; a waiver of W001 on a request
    /// that was answered on time; `by = "li.gong"` on a task whose lead
    /// department is headed by chen.zong.
    ///
    /// ## Does not fire
    /// A waiver by the lead department's head, before its `until`, of a
    /// finding that occurs.
    "Q004", "stale-waiver", Warning
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let today = cx.clock.now.date_naive();
    // Waivers that hold but accept nothing are found after every other
    // rule ran (`waiver::apply`).
    for entry in collect(cx.project, today) {
        let Some(problem) = entry.problem.clone() else {
            continue;
        };
        let diagnostic = Diagnostic::new(
            entry.owner(),
            entry.file,
            Some(problem.span),
            "waiver",
            Msg::Waiver(problem.message),
        )
        .key(entry.key())
        .maybe_hint(problem.hint);
        out.emit(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::run_rule;

    const TASK: &str = "title = \"a\"\nowner = \"li.gong\"\nlead = \"rnd\"\ndue = 2026-09-14\n";

    fn waiver(fields: &str) -> String {
        format!("{TASK}\n[[waiver]]\n{fields}\n")
    }

    fn found(task: &str, now: &str) -> Vec<String> {
        run_rule(&RULE, &[("tasks/T-1.toml", task)], now)
            .into_iter()
            .map(|f| f.message)
            .collect()
    }

    #[test]
    fn fires_on_lapsed_unknown_and_unentitled_waivers() {
        let lapsed =
            waiver("rule = \"D001\"\nreason = \"moved\"\nby = \"chen.zong\"\nuntil = 2026-09-30");
        assert_eq!(
            found(&lapsed, "2026-10-08T10:00:00+08:00"),
            ["the waiver lapsed after 2026-09-30: its finding is reported again"]
        );
        assert!(found(&lapsed, "2026-09-30T23:00:00+08:00").is_empty());
        let unknown = waiver("rule = \"D01\"\nreason = \"x\"\nby = \"chen.zong\"");
        assert_eq!(
            found(&unknown, "2026-09-20T10:00:00+08:00"),
            ["the waiver names `D01`, which is not a rule (see `baton explain`)"]
        );
        let authority = waiver("rule = \"O005\"\nreason = \"x\"\nby = \"chen.zong\"");
        assert_eq!(found(&authority, "2026-09-20T10:00:00+08:00").len(), 1);
        let owner = waiver("rule = \"D001\"\nreason = \"x\"\nby = \"li.gong\"");
        assert_eq!(
            found(&owner, "2026-09-20T10:00:00+08:00"),
            ["`li.gong` may not waive findings here (task.waiver): only chen.zong or an admin may"]
        );
        let name = waiver("rule = \"D001\"\nreason = \"x\"\nby = \"陈总\"");
        let found_name = run_rule(
            &RULE,
            &[("tasks/T-1.toml", &name)],
            "2026-09-20T10:00:00+08:00",
        );
        assert_eq!(
            found_name[0].hint.as_deref(),
            Some("did you mean `chen.zong` (陈总)? people are named by their id")
        );
        let other = waiver("rule = \"D001\"\nitem = \"T-2\"\nreason = \"x\"\nby = \"chen.zong\"");
        assert_eq!(found(&other, "2026-09-20T10:00:00+08:00").len(), 1);
    }

    #[test]
    fn fires_in_baton_toml_on_unknown_items_and_missing_items() {
        let config = format!(
            "{}\n[[waiver]]\nrule = \"W001\"\nitem = \"R-9\"\nreason = \"x\"\nby = \"chen.zong\"\n\n[[waiver]]\nrule = \"W001\"\nreason = \"x\"\nby = \"chen.zong\"\n",
            crate::testing::BATON
        );
        let found = run_rule(
            &RULE,
            &[("baton.toml", config.as_str()), ("tasks/T-1.toml", TASK)],
            "2026-09-20T10:00:00+08:00",
        );
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "the waiver names item `R-9`, which does not exist",
                "a waiver in baton.toml must name the `item` whose finding it accepts"
            ]
        );
        assert!(
            found
                .iter()
                .all(|f| f.path == "baton.toml" && f.item.is_none())
        );
    }

    #[test]
    fn does_not_fire_on_a_waiver_by_the_lead_head_before_it_lapses() {
        let held = waiver(
            "rule = \"overdue\"\nreason = \"moved\"\nby = \"chen.zong\"\nuntil = 2026-09-30",
        );
        assert!(found(&held, "2026-09-20T10:00:00+08:00").is_empty());
        // An admin may waive anything waivable.
        let admin = held.replace("chen.zong", "zhang.jingli");
        let org = format!("{}\n", crate::testing::ORG).replace(
            "id = \"zhang.jingli\"\nname = \"张经理\"",
            "id = \"zhang.jingli\"\nname = \"张经理\"\nrole = \"admin\"",
        );
        let found = run_rule(
            &RULE,
            &[
                ("org.toml", org.as_str()),
                ("tasks/T-1.toml", admin.as_str()),
            ],
            "2026-09-20T10:00:00+08:00",
        );
        assert!(found.is_empty(), "{found:#?}");
    }
}
