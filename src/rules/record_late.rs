//! W016 record-late.

use super::{Context, at};
use crate::diag::Sink;
use crate::evidence::Event;
use crate::messages::{Msg, SeedMsg};

declare_rule! {
    /// A communication was written up later than `sla.comm_record` after
    /// it happened.
    ///
    /// ## What it checks
    /// A communication record (`comms/`) has `recorded_at` (else the time
    /// of the commit that added it) no later than `sla.comm_record`
    /// (default `24h`) after `at`. The record exists, so the breach is
    /// closed: it is history, reported at `info` unless `[rules]` says
    /// `"W016.closed" = "warning"`. Archived records do not fire.
    ///
    /// ## Why
    /// Seed 000: communication outside meetings is recorded in writing
    /// within 24 hours; urgent matters are phoned first and written up
    /// after, not never. A record written a week later is what someone
    /// remembers, not what was agreed.
    ///
    /// ## Fires
    /// A phone call `at = 2026-10-08T10:00:00+08:00` recorded
    /// `2026-10-09T15:00:00+08:00`.
    ///
    /// ## Does not fire
    /// The same call recorded `2026-10-08T15:00:00+08:00`.
    "W016", "record-late", Warning
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    let sla = cx.sla().comm_record;
    for comm in &cx.project.comms {
        if comm.archived {
            continue;
        }
        let happened = cx.clock.event(&comm.at);
        let Some(deadline) = cx.clock.after(happened, sla) else {
            continue;
        };
        let Some(recorded) = cx.time_of(&comm.id, comm.recorded_at.as_ref(), Event::CommRecorded)
        else {
            continue;
        };
        if recorded <= deadline {
            continue;
        }
        let message = Msg::Seed(SeedMsg::RecordLate {
            at: cx.show(happened),
            recorded_at: cx.show(recorded),
            deadline: cx.show(deadline),
            sla,
        });
        let diagnostic = match &comm.recorded_at {
            Some(t) => at(comm, t, "recorded_at", message),
            None => at(comm, &comm.at, "recorded_at", message),
        };
        out.emit(diagnostic.closed());
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::diag::Severity;
    use crate::testing::{BATON, run_rule};

    fn record(recorded_at: &str) -> String {
        format!(
            "topic = \"杯盖漏水批次排查\"\nkind = \"phone\"\nat = 2026-10-08T10:00:00+08:00\nrecorded_at = {recorded_at}\nurgent = true\n"
        )
    }

    const NOW: &str = "2026-10-12T10:00:00+08:00";

    #[test]
    fn fires_on_a_record_written_after_24_hours() {
        let text = record("2026-10-09T15:00:00+08:00");
        let found = run_rule(&RULE, &[("comms/COM-1.toml", &text)], NOW);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].message,
            "communication of 2026-10-08 10:00 recorded 2026-10-09 15:00, after the deadline 2026-10-09 10:00 (within 24 hours)"
        );
        assert_eq!(found[0].severity, Severity::Info, "closed by nature");
    }

    #[test]
    fn does_not_fire_on_a_timely_record() {
        let text = record("2026-10-08T15:00:00+08:00");
        assert!(run_rule(&RULE, &[("comms/COM-1.toml", &text)], NOW).is_empty());
        // A working-day SLA skips the weekend: Friday's call, Monday's note.
        let baton = format!("{BATON}[sla]\ncomm_record = \"1wd\"\n");
        let friday = "topic = \"周五电话\"\nat = 2026-10-16T17:00:00+08:00\nrecorded_at = 2026-10-19T09:00:00+08:00\n";
        assert!(
            run_rule(
                &RULE,
                &[("baton.toml", &baton), ("comms/COM-1.toml", friday)],
                "2026-10-20T10:00:00+08:00"
            )
            .is_empty()
        );
    }
}
