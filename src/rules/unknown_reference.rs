//! S004 unknown-reference.

use super::{Context, at, in_file};
use crate::diag::{Diagnostic, Sink};
use crate::messages::{Msg, RefKind};
use crate::model::{Item, ItemKind};
use crate::parse::{Sp, suggest};

declare_rule! {
    /// A reference names a person, department, task or request that does
    /// not exist.
    ///
    /// ## What it checks
    /// Every id an item or `org.toml` mentions: owners, lead and supporting
    /// departments, `request`, `parent`, `depends_on`, acceptors, escalation
    /// targets, update and review authors, a request's departments, contacts,
    /// responses and risk owners, a meeting's organizer, chair, scribe,
    /// participants, agenda and action owners and promoted tasks, and in
    /// `org.toml` department heads, people's departments and managers. Also a
    /// response from a department the request did not ask. A close existing
    /// id is suggested.
    ///
    /// ## Why
    /// A misspelt owner means nobody owns the task; a dangling `depends_on`
    /// silently drops a dependency from the plan.
    ///
    /// ## Fires
    /// ```toml
    /// owner = "li.gng"          # did you mean `li.gong`?
    /// depends_on = ["T-999"]
    /// ```
    ///
    /// ## Does not fire
    /// ```toml
    /// owner = "li.gong"
    /// depends_on = ["T-002"]
    /// ```
    "S004", "unknown-reference", Error
}

/// Checks references and reports the unknown ones.
struct Refs<'c, 's, 'a> {
    cx: &'c Context<'a>,
    out: &'c mut Sink<'s>,
}

impl Refs<'_, '_, '_> {
    fn known(&self, kind: RefKind, id: &str) -> bool {
        let project = self.cx.project;
        match kind {
            RefKind::Person => project.org.has_person(id),
            RefKind::Department => project.org.has_department(id),
            RefKind::Task => project.resolves(ItemKind::Task, id),
            RefKind::Request => project.resolves(ItemKind::Request, id),
            RefKind::Calendar => true,
            RefKind::Item => project.item(id).is_some() || project.resolves(ItemKind::Task, id),
        }
    }

    fn hint(&self, kind: RefKind, id: &str) -> Option<Msg> {
        let project = self.cx.project;
        // A display name where an id belongs: `owner = "周杰"`.
        if kind == RefKind::Person
            && let Some(person) = project.org.person_by_name(id)
        {
            return Some(Msg::DidYouMeanPerson {
                id: person.id.to_string(),
                name: id.to_string(),
            });
        }
        let candidates: Vec<&str> = match kind {
            RefKind::Person => project.org.person_ids().collect(),
            RefKind::Department => project.org.department_ids().collect(),
            RefKind::Task => project.ids_of(ItemKind::Task),
            RefKind::Request => project.ids_of(ItemKind::Request),
            RefKind::Calendar => Vec::new(),
            RefKind::Item => ItemKind::ALL
                .iter()
                .flat_map(|&k| project.ids_of(k))
                .collect(),
        };
        suggest::did_you_mean(id, candidates).map(|c| Msg::DidYouMean {
            candidate: c.to_string(),
        })
    }

    fn check(&mut self, kind: RefKind, id: &str, diagnostic: impl FnOnce(Msg) -> Diagnostic) {
        if id.trim().is_empty() || self.known(kind, id) {
            return;
        }
        let hint = self.hint(kind, id);
        let message = Msg::UnknownReference {
            kind,
            id: id.to_string(),
        };
        self.out.emit(diagnostic(message).key(id).maybe_hint(hint));
    }

    fn item<T>(&mut self, item: &Item<T>, kind: RefKind, value: &Sp<String>, field: &str) {
        self.check(kind, value.as_str(), |m| at(item, value, field, m));
    }

    fn items<'v, T>(
        &mut self,
        item: &Item<T>,
        kind: RefKind,
        values: impl IntoIterator<Item = &'v Sp<String>>,
        field: &str,
    ) {
        for value in values {
            self.item(item, kind, value, field);
        }
    }
}

fn check(cx: &Context<'_>, out: &mut Sink<'_>) {
    use RefKind::{Department, Person, Request, Task};
    let mut refs = Refs { cx, out };
    for task in &cx.project.tasks {
        for (owner, span) in task.owner_ids() {
            refs.check(Person, owner, |m| super::on(task, Some(span), "owner", m));
        }
        refs.items(task, Department, &task.lead, "lead");
        refs.items(task, Department, &task.support, "support");
        refs.items(task, Request, &task.request, "request");
        refs.items(task, Task, &task.parent, "parent");
        refs.items(task, Task, &task.depends_on, "depends_on");
        refs.items(task, Person, &task.acceptor, "acceptor");
        if let Some(blocked) = &task.blocked {
            refs.items(task, Person, &blocked.escalated_to, "blocked.escalated_to");
        }
        refs.items(
            task,
            Person,
            task.update.iter().filter_map(|u| u.by.as_ref()),
            "update.by",
        );
        if let Some(review) = &task.review {
            refs.items(task, Person, &review.by, "review.by");
        }
    }
    for request in &cx.project.requests {
        refs.item(
            request,
            Department,
            &request.from.department,
            "from.department",
        );
        refs.items(request, Person, &request.from.contact, "from.contact");
        for party in &request.to {
            refs.item(request, Department, &party.department, "to.department");
            refs.items(request, Person, &party.contact, "to.contact");
        }
        for response in &request.response {
            refs.item(
                request,
                Department,
                &response.department,
                "response.department",
            );
            refs.items(request, Person, &response.by, "response.by");
            let asked = request
                .to
                .iter()
                .any(|p| p.department.as_str() == response.department.as_str());
            if !asked && cx.project.org.has_department(&response.department) {
                let department = response.department.to_string();
                refs.out.emit(
                    at(
                        request,
                        &response.department,
                        "response.department",
                        Msg::ResponseFromUnaskedDepartment {
                            department: department.clone(),
                        },
                    )
                    .key(department),
                );
            }
        }
        refs.items(
            request,
            Person,
            request.risk.iter().filter_map(|r| r.owner.as_ref()),
            "risk.owner",
        );
        if let Some(acceptance) = &request.acceptance {
            refs.items(request, Person, &acceptance.by, "acceptance.by");
        }
    }
    for meeting in &cx.project.meetings {
        refs.items(meeting, Person, &meeting.organizer, "organizer");
        refs.items(meeting, Person, &meeting.chair, "chair");
        refs.items(meeting, Person, &meeting.scribe, "scribe");
        refs.items(meeting, Person, &meeting.required, "required");
        refs.items(meeting, Person, &meeting.informed, "informed");
        refs.items(meeting, Request, &meeting.request, "request");
        refs.items(
            meeting,
            Person,
            meeting.agenda.iter().filter_map(|a| a.owner.as_ref()),
            "agenda.owner",
        );
        if let Some(minutes) = &meeting.minutes {
            refs.items(meeting, Person, &minutes.read_by, "minutes.read_by");
            for action in &minutes.action {
                refs.items(meeting, Person, &action.owner, "minutes.action.owner");
                refs.items(meeting, Task, &action.task, "minutes.action.task");
            }
        }
    }
    for cr in &cx.project.changes {
        refs.items(cr, Person, &cr.requested_by, "requested_by");
        refs.items(cr, Request, &cr.request, "request");
        refs.items(cr, Person, cr.approval.iter().map(|a| &a.by), "approval.by");
        for entry in &cr.change {
            refs.item(cr, RefKind::Item, &entry.item, "change.item");
            // The field must be one the item's kind has.
            let Some(target) = cx.project.body(&entry.item) else {
                continue;
            };
            let known = crate::schema::top_level_fields(target.kind());
            if !known.iter().any(|f| f == entry.field.as_str()) {
                let hint = suggest::did_you_mean(&entry.field, known.iter().map(String::as_str))
                    .map(|c| Msg::DidYouMean {
                        candidate: c.to_string(),
                    });
                refs.out.emit(
                    at(
                        cr,
                        &entry.field,
                        "change.field",
                        Msg::ChangeFieldUnknown {
                            item: entry.item.to_string(),
                            field: entry.field.to_string(),
                        },
                    )
                    .key(entry.field.as_str())
                    .maybe_hint(hint),
                );
            }
        }
    }
    for complaint in &cx.project.complaints {
        refs.items(complaint, Person, &complaint.owner, "owner");
        refs.items(complaint, Department, &complaint.departments, "departments");
        if let Some(response) = &complaint.response {
            refs.items(complaint, Person, &response.by, "response.by");
        }
        if let Some(follow_up) = &complaint.follow_up {
            refs.items(complaint, Person, &follow_up.by, "follow_up.by");
        }
        refs.items(complaint, RefKind::Item, &complaint.links, "links");
    }
    for agreement in &cx.project.agreements {
        refs.items(agreement, Person, &agreement.owner, "owner");
        refs.items(agreement, Department, &agreement.lead, "lead");
        if let Some(review) = &agreement.legal_review {
            refs.items(agreement, Person, &review.by, "legal_review.by");
        }
        // The counterparty signs by a name, not a person of org.toml.
        if let Some(ours) = agreement.our_signature() {
            refs.items(agreement, Person, &ours.by, "signature.by");
        }
        refs.items(agreement, RefKind::Item, &agreement.links, "links");
    }
    for comm in &cx.project.comms {
        refs.items(comm, Person, &comm.participants, "participants");
        refs.items(comm, Department, &comm.departments, "departments");
        refs.items(comm, RefKind::Item, &comm.links, "links");
        for action in &comm.action {
            refs.items(comm, Person, &action.owner, "action.owner");
            refs.items(comm, Task, &action.task, "action.task");
        }
    }
    if let Some(org_file) = cx.project.org_file {
        let org = &cx.project.org;
        for department in &org.departments {
            if let Some(head) = &department.head {
                refs.check(Person, head, |m| {
                    in_file(org_file, Some(head.span()), "department.head", m)
                });
            }
        }
        for person in &org.people {
            if let Some(department) = &person.department {
                refs.check(Department, department, |m| {
                    in_file(org_file, Some(department.span()), "person.department", m)
                });
            }
            if let Some(manager) = &person.manager {
                refs.check(Person, manager, |m| {
                    in_file(org_file, Some(manager.span()), "person.manager", m)
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::testing::{line_of, run_rule};

    const NOW: &str = "2026-07-07T10:00:00+08:00";

    #[test]
    fn fires_on_unknown_people_departments_and_tasks_with_suggestions() {
        let text = "title = \"a\"\nowner = \"li.gng\"\nlead = \"rnd\"\nsupport = [\"mktt\"]\ndepends_on = [\"T-2\", \"T-9\"]\n";
        let found = run_rule(
            &RULE,
            &[
                ("tasks/T-1.toml", text),
                ("tasks/T-2.toml", "title = \"b\"\nowner = \"li.gong\"\n"),
            ],
            NOW,
        );
        assert_eq!(found.len(), 3, "{found:#?}");
        assert_eq!(found[0].message, "unknown person `li.gng`");
        assert_eq!(found[0].hint.as_deref(), Some("did you mean `li.gong`?"));
        assert_eq!(found[0].line, line_of(text, "owner"));
        assert_eq!(found[1].message, "unknown department `mktt`");
        assert_eq!(found[2].message, "unknown task `T-9`");
        assert!(
            found[2]
                .hint
                .as_deref()
                .is_some_and(|h| h.starts_with("did you mean `T-"))
        );
    }

    #[test]
    fn fires_in_complaints_agreements_and_records() {
        let complaint = "title = \"漏水\"\nowner = \"qian.lee\"\ndepartments = [\"rnd\", \"qa\"]\nlinks = [\"T-404\"]\n";
        let agreement = "title = \"供货\"\nowner = \"li.gong\"\n[legal_review]\nby = \"fang.lv\"\n[[signature]]\nparty = \"counterparty\"\nby = \"永康某厂 王总\"\n[[signature]]\nparty = \"us\"\nby = \"ghost\"\n";
        let comm = "topic = \"排查\"\nat = 2026-07-01T10:00:00+08:00\nparticipants = [\"li.gong\", \"nobody\"]\n[[action]]\ntitle = \"x\"\nowner = \"zhang.jingli\"\n";
        let found = run_rule(
            &RULE,
            &[
                ("complaints/CMP-1.toml", complaint),
                ("agreements/AGR-1.toml", agreement),
                ("comms/COM-1.toml", comm),
            ],
            NOW,
        );
        let messages: Vec<(&str, &str)> = found
            .iter()
            .map(|f| (f.item.as_deref().unwrap_or(""), f.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                ("CMP-1", "unknown person `qian.lee`"),
                ("CMP-1", "unknown department `qa`"),
                ("CMP-1", "unknown item `T-404`"),
                ("AGR-1", "unknown person `fang.lv`"),
                ("AGR-1", "unknown person `ghost`"),
                ("COM-1", "unknown person `nobody`"),
            ],
            "the counterparty's signatory is a name, not a person"
        );
    }

    #[test]
    fn fires_in_requests_meetings_and_org() {
        let request = "title = \"r\"\nfrom = { department = \"mkt\", contact = \"nobody\" }\nto = [{ department = \"rnd\" }]\n[[response]]\ndepartment = \"ops\"\ndecision = \"accept\"\n";
        let meeting = "title = \"m\"\nstart = 2026-07-01T10:00:00+08:00\nrequired = [\"ghost\"]\n[minutes]\n[[minutes.action]]\ntitle = \"x\"\ntask = \"T-404\"\n";
        let org = format!(
            "{}\n[[person]]\nid = \"x\"\nmanager = \"nobody.here\"\n",
            crate::testing::ORG
        );
        let found = run_rule(
            &RULE,
            &[
                ("requests/R-1.toml", request),
                ("meetings/M-1.toml", meeting),
                ("org.toml", &org),
            ],
            NOW,
        );
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert!(
            messages.contains(&"unknown person `nobody`"),
            "{messages:?}"
        );
        assert!(messages.contains(
            &"response from `ops`, which is not an assisting department of this request"
        ));
        assert!(messages.contains(&"unknown person `ghost`"));
        assert!(messages.contains(&"unknown task `T-404`"));
        assert!(messages.contains(&"unknown person `nobody.here`"));
        assert_eq!(found.len(), 5, "{messages:?}");
    }

    #[test]
    fn does_not_fire_on_references_to_unreadable_items() {
        // T-2 exists but is broken: the dependency is not "unknown".
        let found = run_rule(
            &RULE,
            &[
                (
                    "tasks/T-1.toml",
                    "title = \"a\"\nowner = \"li.gong\"\ndepends_on = [\"T-2\"]\n",
                ),
                ("tasks/T-2.toml", "title = [\n"),
            ],
            NOW,
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn fires_on_change_requests_naming_unknown_items_fields_or_people() {
        let cr = "title = \"延期\"\nrequested_by = \"li.gng\"\n[[change]]\nitem = \"T-9\"\nfield = \"due\"\n[[change]]\nitem = \"T-1\"\nfield = \"dua\"\n[[approval]]\nby = \"nobody\"\ndecision = \"approve\"\n";
        let found = run_rule(
            &RULE,
            &[
                ("tasks/T-1.toml", "title = \"a\"\nowner = \"li.gong\"\n"),
                ("changes/CR-1.toml", cr),
            ],
            NOW,
        );
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "unknown person `li.gng`",
                "unknown person `nobody`",
                "unknown item `T-9`",
                "`T-1` has no field `dua` a change request could change"
            ],
            "{found:#?}"
        );
        assert_eq!(found[3].hint.as_deref(), Some("did you mean `due`?"));
    }

    #[test]
    fn does_not_fire_on_a_change_request_naming_real_fields() {
        let cr = "title = \"延期\"\nrequested_by = \"li.gong\"\n[[change]]\nitem = \"T-1\"\nfield = \"depends_on\"\n";
        let found = run_rule(
            &RULE,
            &[
                ("tasks/T-1.toml", "title = \"a\"\nowner = \"li.gong\"\n"),
                ("changes/CR-1.toml", cr),
            ],
            NOW,
        );
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn does_not_check_people_when_org_toml_is_broken() {
        let found = run_rule(
            &RULE,
            &[
                ("org.toml", "[[person]\n"),
                ("tasks/T-1.toml", "title = \"a\"\nowner = \"anyone\"\n"),
            ],
            NOW,
        );
        assert!(found.is_empty(), "{found:#?}");
    }
}
