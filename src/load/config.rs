//! `baton.toml` and calendars → [`Settings`].

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use chrono_tz::Tz;

use super::{Decoded, record};
use crate::calendar::{BUILTIN_IDS, Calendar, CalendarBuilder, builtin};
use crate::diag::Diagnostic;
use crate::files::{FileId, Files};
use crate::messages::Msg;
use crate::model::{CalendarFile, ConfigFile, LoadProblem, Settings, Sla};
use crate::parse::{Problem, Sp, parse_document, suggest};
use crate::source::FileKind;
use crate::time::Workday;

/// Resolves the settings, or returns every configuration problem.
pub(super) fn resolve(
    entry: &Decoded,
    entries: &[Decoded],
    files: &Files,
    root_name: &str,
    problems: &mut Vec<LoadProblem>,
) -> Result<Settings, Vec<Diagnostic>> {
    let file = entry.file;
    let Some(text) = entry.parse_text(files) else {
        // Why it could not be read is already a problem of this file.
        let errors = problems
            .iter()
            .filter(|p| p.diagnostic.file == file)
            .map(|p| p.diagnostic.clone())
            .collect();
        return Err(errors);
    };
    let parsed = parse_document::<ConfigFile>(&text);
    let mut errors = as_diagnostics(file, parsed.problems);
    let Some(config) = parsed.value else {
        return Err(errors);
    };

    let tz = match &config.project.timezone {
        None => Some(chrono_tz::Asia::Shanghai),
        Some(name) => match name.parse::<Tz>() {
            Ok(tz) => Some(tz),
            Err(_) => {
                let hint =
                    suggest::did_you_mean(name, chrono_tz::TZ_VARIANTS.iter().map(|t| t.name()))
                        .map(|c| Msg::DidYouMean {
                            candidate: c.to_string(),
                        });
                errors.push(
                    Diagnostic::new(
                        None,
                        file,
                        Some(name.span()),
                        "project.timezone",
                        Msg::InvalidValue {
                            field: "project.timezone".into(),
                            detail: format!(
                                "unknown time zone `{}` (an IANA name such as Asia/Shanghai)",
                                name.as_str()
                            ),
                        },
                    )
                    .maybe_hint(hint),
                );
                None
            }
        },
    };

    let calendar_files = parse_calendars(entries, files);
    let (calendar_id, calendar_span, calendar_file) = match &config.project.calendar {
        Some(id) => (id.to_string(), Some(id.span()), file),
        None => ("cn".to_string(), None, file),
    };
    let calendar =
        match resolve_calendar(&calendar_id, calendar_file, calendar_span, &calendar_files) {
            Ok((calendar, chain)) => {
                for (id, (cal_file, parsed_problems, _)) in &calendar_files {
                    let diagnostics = as_diagnostics(*cal_file, parsed_problems.clone());
                    if chain.contains(id) {
                        errors.extend(diagnostics);
                    } else {
                        record(problems, *cal_file, None, parsed_problems.clone());
                    }
                }
                Some(calendar)
            }
            Err(diagnostic) => {
                errors.push(*diagnostic);
                None
            }
        };

    let workday = resolve_workday(&config, file, &mut errors);
    let sla = resolve_sla(&config);
    let authority = resolve_authority(&config, file, &mut errors);

    match (tz, calendar, errors.is_empty()) {
        (Some(tz), Some(calendar), true) => Ok(Settings {
            name: config
                .project
                .name
                .as_ref()
                .map_or_else(|| root_name.to_string(), |n| n.to_string()),
            tz,
            calendar,
            start: config.project.start.as_ref().map(|d| d.get().0),
            lang: config
                .project
                .locale
                .as_ref()
                .map(|l| *l.get())
                .unwrap_or_default(),
            workday,
            sla,
            rules: rule_levels(&config.rules),
            authority,
            legal_department: config
                .project
                .legal_department
                .as_ref()
                .map(|d| d.to_string()),
            waivers: config.waiver.clone(),
            ids: config.ids.clone(),
            notify: config.notify.clone(),
        }),
        _ => Err(errors),
    }
}

fn as_diagnostics(file: FileId, problems: Vec<Problem>) -> Vec<Diagnostic> {
    problems
        .into_iter()
        .map(|p| Diagnostic::new(None, file, Some(p.span), &p.field, p.message).maybe_hint(p.hint))
        .collect()
}

fn resolve_workday(config: &ConfigFile, file: FileId, errors: &mut Vec<Diagnostic>) -> Workday {
    let defaults = Workday::default();
    let pick = |t: &Option<Sp<crate::parse::ClockTime>>, d| t.as_ref().map_or(d, |t| t.get().0);
    let workday = Workday {
        start: pick(&config.workday.start, defaults.start),
        end: pick(&config.workday.end, defaults.end),
        update_by: pick(&config.workday.update_by, defaults.update_by),
    };
    if workday.start >= workday.end {
        let span = config
            .workday
            .end
            .as_ref()
            .or(config.workday.start.as_ref())
            .map(|s| s.span());
        errors.push(Diagnostic::new(
            None,
            file,
            span,
            "workday.end",
            Msg::InvalidValue {
                field: "workday.end".into(),
                detail: format!(
                    "the working day ends at {} but starts at {}",
                    workday.end.format("%H:%M"),
                    workday.start.format("%H:%M")
                ),
            },
        ));
    }
    workday
}

/// `[authority]`: every key an entitlement of the table, every role known.
fn resolve_authority(
    config: &ConfigFile,
    file: FileId,
    errors: &mut Vec<Diagnostic>,
) -> crate::authority::Authority {
    use crate::authority::{Role, parse_grant, table};
    let mut overrides = BTreeMap::new();
    let invalid = |span, field: String, detail: String, hint: Option<Msg>| {
        Diagnostic::new(
            None,
            file,
            Some(span),
            &field,
            Msg::InvalidValue {
                field: field.clone(),
                detail,
            },
        )
        .maybe_hint(hint)
    };
    for (key, roles) in &config.authority {
        let field = format!("authority.\"{key}\"");
        if table::by_key(key).is_none() {
            let keys: Vec<String> = table::ENTRIES.iter().map(table::key_of).collect();
            let hint = suggest::did_you_mean(key, keys.iter().map(String::as_str)).map(|c| {
                Msg::DidYouMean {
                    candidate: c.to_string(),
                }
            });
            errors.push(invalid(
                roles.span(),
                field,
                format!("`{key}` is not a field baton protects (`<kind>.<field>`, see `baton schema --format markdown`)"),
                hint,
            ));
            continue;
        }
        let mut grants = Vec::new();
        for role in roles.get() {
            match parse_grant(role) {
                Ok(grant) => grants.push(grant),
                Err(bad) => {
                    let hint = suggest::did_you_mean(&bad, Role::ALL.iter().map(|r| r.as_str()))
                        .map(|c| Msg::DidYouMean {
                            candidate: c.to_string(),
                        });
                    errors.push(invalid(
                        role.span(),
                        field.clone(),
                        format!(
                            "`{bad}` is not a role (one of {})",
                            Role::ALL
                                .iter()
                                .map(|r| r.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                        hint,
                    ));
                }
            }
        }
        overrides.insert(key.clone(), grants);
    }
    crate::authority::Authority::new(overrides)
}

/// `[rules]` as code → level, a closed breaches' level under `CODE.closed`
/// however it was written (`"W001.closed" = …` or `W001.closed = …`).
fn rule_levels(
    rules: &BTreeMap<String, Sp<crate::model::RuleSetting>>,
) -> BTreeMap<String, Sp<crate::diag::Level>> {
    let mut out = BTreeMap::new();
    for (key, setting) in rules {
        let span = setting.span();
        if let Some(level) = setting.get().level {
            out.insert(key.clone(), Sp::new(span.clone(), level));
        }
        if let Some(closed) = setting.get().closed {
            out.insert(format!("{key}.closed"), Sp::new(span, closed));
        }
    }
    out
}

fn resolve_sla(config: &ConfigFile) -> Sla {
    let s = &config.sla;
    let d = Sla::default();
    let pick =
        |v: &Option<Sp<crate::time::Duration>>, default| v.as_ref().map_or(default, |v| *v.get());
    Sla {
        request_ack: pick(&s.request_ack, d.request_ack),
        meeting_notice: pick(&s.meeting_notice, d.meeting_notice),
        meeting_notice_major: pick(&s.meeting_notice_major, d.meeting_notice_major),
        agenda_before: pick(&s.agenda_before, d.agenda_before),
        minutes: pick(&s.minutes, d.minutes),
        action_confirm: pick(&s.action_confirm, d.action_confirm),
        progress_update: pick(&s.progress_update, d.progress_update),
        blocked_escalate: pick(&s.blocked_escalate, d.blocked_escalate),
        acceptance: pick(&s.acceptance, d.acceptance),
        retrospective: pick(&s.retrospective, d.retrospective),
        due_soon: pick(&s.due_soon, d.due_soon),
        change_decision: pick(&s.change_decision, d.change_decision),
        complaint_response: pick(&s.complaint_response, d.complaint_response),
        complaint_follow_up: pick(&s.complaint_follow_up, d.complaint_follow_up),
        legal_review: pick(&s.legal_review, d.legal_review),
        comm_record: pick(&s.comm_record, d.comm_record),
    }
}

/// Calendar files by id: their file, parse problems, and content.
type CalendarFiles = BTreeMap<String, (FileId, Vec<Problem>, Option<CalendarFile>)>;

fn parse_calendars(entries: &[Decoded], files: &Files) -> CalendarFiles {
    let mut out = CalendarFiles::new();
    for entry in entries.iter().filter(|e| e.kind == FileKind::Calendar) {
        let Some(text) = entry.parse_text(files) else {
            continue;
        };
        let parsed = parse_document::<CalendarFile>(&text);
        let id = super::items::stem(files.path(entry.file)).to_string();
        out.entry(id)
            .or_insert((entry.file, parsed.problems, parsed.value));
    }
    out
}

/// Resolves calendar `id` (referenced from `file` at `span`) through its
/// `extends` chain. Returns the calendar and the ids of the files used.
fn resolve_calendar(
    id: &str,
    file: FileId,
    span: Option<Range<usize>>,
    calendar_files: &CalendarFiles,
) -> Result<(Calendar, Vec<String>), Box<Diagnostic>> {
    let mut chain: Vec<(String, FileId, &CalendarFile)> = Vec::new();
    let mut current = id.to_string();
    let (mut ref_file, mut ref_span) = (file, span);
    let base = loop {
        let in_chain = chain.iter().any(|(c, _, _)| *c == current);
        match calendar_files.get(&current) {
            Some((cal_file, _, parsed)) if !in_chain => {
                let Some(parsed) = parsed else {
                    return Err(Box::new(Diagnostic::new(
                        None,
                        *cal_file,
                        None,
                        "",
                        Msg::InvalidValue {
                            field: "calendar".into(),
                            detail: format!("calendar `{current}` could not be read"),
                        },
                    )));
                };
                chain.push((current.clone(), *cal_file, parsed));
                match &parsed.extends {
                    Some(base) => {
                        current = base.to_string();
                        ref_file = *cal_file;
                        ref_span = Some(base.span());
                    }
                    None => break CalendarBuilder::new("weekdays").build(),
                }
            }
            _ => {
                // A file `cn.toml` extending "cn" extends the built-in `cn`.
                if let Some(calendar) = builtin(&current) {
                    break calendar;
                }
                let detail = if in_chain {
                    format!("calendar `{current}` extends itself through `extends`")
                } else {
                    format!("unknown calendar `{current}`")
                };
                let known: Vec<&str> = BUILTIN_IDS
                    .iter()
                    .copied()
                    .chain(calendar_files.keys().map(String::as_str))
                    .collect();
                let hint = suggest::did_you_mean(&current, known.iter().copied())
                    .map(|c| Msg::DidYouMean {
                        candidate: c.to_string(),
                    })
                    .unwrap_or(Msg::ExpectedOneOf {
                        candidates: known.iter().map(|s| s.to_string()).collect(),
                    });
                let field = if ref_file == file {
                    "project.calendar"
                } else {
                    "extends"
                };
                return Err(Box::new(
                    Diagnostic::new(
                        None,
                        ref_file,
                        ref_span,
                        field,
                        Msg::InvalidValue {
                            field: field.into(),
                            detail,
                        },
                    )
                    .hint(hint),
                ));
            }
        }
    };
    let mut calendar = base;
    let mut used = Vec::new();
    for (cal_id, cal_file, parsed) in chain.iter().rev() {
        calendar = apply(cal_id, *cal_file, parsed, &calendar)?;
        used.push(cal_id.to_string());
    }
    Ok((calendar, used))
}

/// Applies one calendar file on top of `base`.
fn apply(
    id: &str,
    file: FileId,
    parsed: &CalendarFile,
    base: &Calendar,
) -> Result<Calendar, Box<Diagnostic>> {
    let mut builder = CalendarBuilder::extending(id, base);
    if let Some(weekdays) = &parsed.weekdays {
        let days: Vec<chrono::Weekday> = weekdays.iter().map(|d| d.get().weekday()).collect();
        builder = builder.weekdays(&days);
    }
    let mut seen: HashMap<chrono::NaiveDate, Range<usize>> = HashMap::new();
    for holiday in &parsed.holidays {
        for day in holiday.days() {
            seen.insert(day, holiday.span());
            builder = builder.holiday(day, holiday.name.as_deref());
        }
    }
    for workday in &parsed.workdays {
        for day in workday.days() {
            if seen.contains_key(&day) {
                return Err(Box::new(Diagnostic::new(
                    None,
                    file,
                    Some(workday.span()),
                    "workdays",
                    Msg::InvalidValue {
                        field: "workdays".into(),
                        detail: format!("{day} is listed both as a holiday and as a working day"),
                    },
                )));
            }
            builder = builder.workday(day);
        }
    }
    // Only a declared year is covered: a company day off says nothing of
    // the official schedule (SPEC §2 Calendars).
    if !parsed.years.is_empty() {
        builder = builder.covering(parsed.years.iter().map(|y| *y.get()));
    }
    Ok(builder.build())
}
