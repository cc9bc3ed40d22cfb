//! The commands that write items: `set` and one per step of the process
//! (`update`, `deliver`, `accept`, …). Each acts as a person, refuses what
//! that person may not do, writes one file atomically, prints the item's
//! findings afterwards, and commits only with `--commit` (SPEC §7).

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::project::{self, Opened};
use super::{ColorChoice, Outcome, fail};
use crate::edit::verbs::{self, Answer, Done};
use crate::edit::{EditError, Outcome as Wrote, Target, Writer, commit, person};
use crate::messages::{EditMsg, Lang, Msg};

/// What every writing command takes.
#[derive(Debug, Clone, Args)]
pub struct WriteOptions {
    /// The repository (any folder inside it).
    #[arg(long = "repo", short = 'C', default_value = ".", value_name = "PATH")]
    pub path: PathBuf,
    /// Who acts: a person id, display name or email from org.toml (default:
    /// git's user.email).
    #[arg(long = "as", value_name = "PERSON")]
    pub actor: Option<String>,
    /// The time of the act (RFC 3339; default: now).
    #[arg(long, env = "BATON_NOW")]
    pub now: Option<String>,
    /// Commit the file, authored by the person, with a message that says what happened.
    #[arg(long)]
    pub commit: bool,
    /// Language of messages (default: the project's).
    #[arg(long, value_parser = super::parse_lang)]
    pub lang: Option<Lang>,
    /// When to color output.
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
}

/// `baton set ID FIELD=VALUE …`.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// The item.
    pub id: String,
    /// `FIELD=VALUE` (`FIELD=` removes; `FIELD+=V` / `FIELD-=V` for lists;
    /// nested fields with dots: `blocked.reason=…`).
    #[arg(required = true, value_name = "FIELD=VALUE")]
    pub assignments: Vec<String>,
    #[command(flatten)]
    pub options: WriteOptions,
}

/// The kinds `baton new` creates.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum NewKind {
    /// A task (tasks/).
    Task,
    /// A collaboration request (requests/).
    Request,
    /// A meeting (meetings/).
    Meeting,
    /// A change request (changes/).
    Change,
    /// A customer complaint (complaints/).
    Complaint,
    /// An agreement with a customer, supplier or partner (agreements/).
    Agreement,
    /// A communication record: a call, a mail thread, a chat (comms/).
    Comm,
}

/// `baton new KIND [FIELD=VALUE …]`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// What to create.
    #[arg(value_enum)]
    pub kind: NewKind,
    /// A template of templates/KIND/ (default: `default`; for meetings also `weekly`).
    #[arg(long, value_name = "NAME")]
    pub template: Option<String>,
    /// The id (default: the next one by `[ids]` in baton.toml).
    #[arg(long)]
    pub id: Option<String>,
    /// Fields: `title=… owner=周杰 due=2027-03-05`.
    #[arg(value_name = "FIELD=VALUE")]
    pub assignments: Vec<String>,
    #[command(flatten)]
    pub options: WriteOptions,
}

/// Runs `baton new`.
pub fn run_new(args: NewArgs) -> Outcome {
    use crate::model::ItemKind;
    let kind = match args.kind {
        NewKind::Task => ItemKind::Task,
        NewKind::Request => ItemKind::Request,
        NewKind::Meeting => ItemKind::Meeting,
        NewKind::Change => ItemKind::Change,
        NewKind::Complaint => ItemKind::Complaint,
        NewKind::Agreement => ItemKind::Agreement,
        NewKind::Comm => ItemKind::Comm,
    };
    let options = &args.options;
    let (opened, root) = match open(options) {
        Ok(opened) => opened,
        Err(outcome) => return outcome,
    };
    let result = writer(&opened, root.clone(), options.actor.as_deref()).and_then(|w| {
        crate::edit::new::create(
            &w,
            &crate::edit::new::NewItem {
                kind,
                template: args.template.as_deref(),
                id: args.id.as_deref(),
                assignments: &args.assignments,
            },
        )
    });
    let id = match &result {
        Ok((
            Wrote::Written { path, .. } | Wrote::Created { path } | Wrote::Unchanged { path },
            _,
        )) => crate::load::stem(path).to_string(),
        Err(_) => String::new(),
    };
    finish(options, &opened, (&root, &id), result)
}

/// `baton init [PATH]`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where (created when missing).
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Language of the comments, the README and messages.
    #[arg(long, value_parser = super::parse_lang, default_value = "en")]
    pub lang: Lang,
    /// The CI configuration to write.
    #[arg(long, value_parser = ["github", "gitlab", "gitea"], default_value = "github")]
    pub forge: String,
    /// The project's name (default: the folder's).
    #[arg(long)]
    pub name: Option<String>,
}

/// Runs `baton init`.
pub fn run_init(args: InitArgs) -> Outcome {
    let options = crate::init::InitOptions {
        lang: args.lang,
        forge: args.forge,
        name: args.name,
    };
    match crate::init::init(&args.path, &options) {
        Ok(written) => {
            for path in written {
                say!("{}", Msg::Edit(EditMsg::Created { path }).render(args.lang));
            }
            Outcome::Clean
        }
        Err(error) => fail(error.message.render(args.lang)),
    }
}

/// One step of the process on one item.
#[derive(Debug, Subcommand)]
pub enum Step {
    /// The daily progress update (seed 000: by 17:00): appends `[[update]]`.
    Update {
        /// The task.
        id: String,
        /// Percent complete.
        #[arg(long)]
        progress: Option<u8>,
        /// What was done.
        #[arg(long)]
        done: Option<String>,
        /// What comes next.
        #[arg(long)]
        next: Option<String>,
        #[command(flatten)]
        options: WriteOptions,
    },
    /// Submit a task's (or request's) deliverable for acceptance.
    Deliver {
        /// The task or request.
        id: String,
        #[command(flatten)]
        options: WriteOptions,
    },
    /// Accept a delivered task or request (验收通过).
    Accept {
        /// The task or request.
        id: String,
        /// Remarks.
        #[arg(long)]
        comments: Option<String>,
        #[command(flatten)]
        options: WriteOptions,
    },
    /// Reject a delivered task or request, saying what must change.
    Reject {
        /// The task or request.
        id: String,
        /// What must change (required).
        #[arg(long, required = true)]
        comments: String,
        #[command(flatten)]
        options: WriteOptions,
    },
    /// Answer a request for your department (seed 001: within 1 working day).
    Respond {
        /// The request.
        id: String,
        /// accept | decline | need_info.
        #[arg(long)]
        decision: String,
        /// Why (required for decline and need_info).
        #[arg(long)]
        reason: Option<String>,
        /// What to do instead (required for decline).
        #[arg(long)]
        alternative: Option<String>,
        /// The answering department (default: yours).
        #[arg(long)]
        department: Option<String>,
        #[command(flatten)]
        options: WriteOptions,
    },
    /// Confirm an action item of a meeting's minutes that you own.
    Confirm {
        /// The meeting.
        id: String,
        /// The action item's title.
        #[arg(long)]
        action: String,
        #[command(flatten)]
        options: WriteOptions,
    },
    /// 已阅: confirm you have read a meeting's minutes.
    Read {
        /// The meeting.
        id: String,
        #[command(flatten)]
        options: WriteOptions,
    },
    /// Mark a task blocked, with the reason.
    Block {
        /// The task.
        id: String,
        /// Why it cannot proceed.
        #[arg(long)]
        reason: String,
        #[command(flatten)]
        options: WriteOptions,
    },
    /// Work on a blocked task goes on.
    Unblock {
        /// The task.
        id: String,
        #[command(flatten)]
        options: WriteOptions,
    },
    /// Escalate a blocked task (default: to the owner's manager).
    Escalate {
        /// The task.
        id: String,
        /// Who to escalate to.
        #[arg(long, value_name = "PERSON")]
        to: Option<String>,
        #[command(flatten)]
        options: WriteOptions,
    },
    /// Approve a change request.
    Approve {
        /// The change request.
        id: String,
        /// Remarks.
        #[arg(long)]
        comments: Option<String>,
        #[command(flatten)]
        options: WriteOptions,
    },
    /// Decline a change request, saying why.
    Decline {
        /// The change request.
        id: String,
        /// Why (required).
        #[arg(long, required = true)]
        comments: String,
        #[command(flatten)]
        options: WriteOptions,
    },
    /// Archive an item: read-only from now on.
    Archive {
        /// The item.
        id: String,
        #[command(flatten)]
        options: WriteOptions,
    },
}

/// Runs `baton set`.
pub fn run_set(args: SetArgs) -> Outcome {
    let assignments = args.assignments;
    act(&args.options, &args.id, |w, t| {
        verbs::set(w, t, &assignments)
    })
}

/// Runs one step.
pub fn run_step(step: Step) -> Outcome {
    match step {
        Step::Update {
            id,
            progress,
            done,
            next,
            options,
        } => act(&options, &id, |w, t| {
            verbs::update(w, t, (progress, done.as_deref(), next.as_deref()))
        }),
        Step::Deliver { id, options } => act(&options, &id, verbs::deliver),
        Step::Accept {
            id,
            comments,
            options,
        } => act(&options, &id, |w, t| {
            verbs::review(w, t, true, comments.as_deref())
        }),
        Step::Reject {
            id,
            comments,
            options,
        } => act(&options, &id, |w, t| {
            verbs::review(w, t, false, Some(&comments))
        }),
        Step::Respond {
            id,
            decision,
            reason,
            alternative,
            department,
            options,
        } => act(&options, &id, |w, t| {
            verbs::respond(
                w,
                t,
                &Answer {
                    decision: &decision,
                    reason: reason.as_deref(),
                    alternative: alternative.as_deref(),
                    department: department.as_deref(),
                },
            )
        }),
        Step::Confirm {
            id,
            action,
            options,
        } => act(&options, &id, |w, t| verbs::confirm(w, t, &action)),
        Step::Read { id, options } => act(&options, &id, verbs::read),
        Step::Block {
            id,
            reason,
            options,
        } => act(&options, &id, |w, t| verbs::block(w, t, &reason)),
        Step::Unblock { id, options } => act(&options, &id, verbs::unblock),
        Step::Escalate { id, to, options } => {
            act(&options, &id, |w, t| verbs::escalate(w, t, to.as_deref()))
        }
        Step::Approve {
            id,
            comments,
            options,
        } => act(&options, &id, |w, t| {
            verbs::decide(w, t, true, comments.as_deref())
        }),
        Step::Decline {
            id,
            comments,
            options,
        } => act(&options, &id, |w, t| {
            verbs::decide(w, t, false, Some(&comments))
        }),
        Step::Archive { id, options } => act(&options, &id, verbs::archive),
    }
}

/// Opens the repository, acts on item `id` as the person, reports.
fn act(
    options: &WriteOptions,
    id: &str,
    step: impl FnOnce(&Writer<'_>, &Target<'_>) -> Result<Done, EditError>,
) -> Outcome {
    let (opened, root) = match open(options) {
        Ok(opened) => opened,
        Err(outcome) => return outcome,
    };
    let result = writer(&opened, root.clone(), options.actor.as_deref()).and_then(|w| {
        let target = w.target(id)?;
        step(&w, &target)
    });
    finish(options, &opened, (&root, id), result)
}

/// The repository a writing command works on, and its root.
fn open(options: &WriteOptions) -> Result<(Opened, PathBuf), Outcome> {
    let opened = project::open(
        &options.path,
        options.now.as_deref(),
        options.lang,
        options.color,
    )?;
    let root = crate::source::find_root(&options.path).map_err(fail)?;
    Ok((opened, root))
}

/// The writer for `opened` acting as `actor` (else git's user.email).
pub(crate) fn writer<'p>(
    opened: &'p Opened,
    root: PathBuf,
    actor: Option<&str>,
) -> Result<Writer<'p>, EditError> {
    let who = person::actor(&opened.project.org, actor, &root)?;
    Ok(Writer {
        project: &opened.project,
        root,
        who,
        clock: opened.clock.clone(),
        lang: opened.lang,
    })
}

/// Prints what happened, commits with `--commit`, and shows the item's
/// findings as they are now.
pub(crate) fn finish(
    options: &WriteOptions,
    opened: &Opened,
    (root, id): (&std::path::Path, &str),
    result: Result<Done, EditError>,
) -> Outcome {
    let lang = opened.lang;
    let (wrote, line) = match result {
        Ok(done) => done,
        Err(error) => return fail(error.message.render(lang)),
    };
    let path = match &wrote {
        Wrote::Unchanged { path } => {
            say!(
                "{}",
                Msg::Edit(EditMsg::Unchanged { path: path.clone() }).render(lang)
            );
            return Outcome::Clean;
        }
        Wrote::Created { path } => {
            say!(
                "{}",
                Msg::Edit(EditMsg::Created { path: path.clone() }).render(lang)
            );
            path.clone()
        }
        Wrote::Written { path, fields } => {
            say!(
                "{}",
                Msg::Edit(EditMsg::Written {
                    path: path.clone(),
                    fields: fields.clone(),
                })
                .render(lang)
            );
            path.clone()
        }
    };
    if options.commit {
        let who = match person::actor(&opened.project.org, options.actor.as_deref(), root) {
            Ok(who) => who,
            Err(error) => return fail(error.message.render(lang)),
        };
        match commit::commit(
            root,
            std::slice::from_ref(&path),
            (&opened.project.org, &who),
            &opened.clock,
            &line,
        ) {
            Ok(short) => say!(
                "{}",
                Msg::Edit(EditMsg::Committed {
                    commit: short,
                    message: line,
                })
                .render(lang)
            ),
            Err(error) => return fail(error.message.render(lang)),
        }
    }
    item_findings(options, id)
}

/// Checks the repository again and prints the findings about `id`.
fn item_findings(options: &WriteOptions, id: &str) -> Outcome {
    let mut checked = match project::open_checked(
        &options.path,
        options.now.as_deref(),
        options.lang,
        options.color,
        true,
    ) {
        Ok(checked) => checked,
        Err(outcome) => return outcome,
    };
    checked
        .checked
        .findings
        .retain(|f| f.diagnostic.item.as_deref() == Some(id));
    if checked.checked.findings.is_empty() {
        return Outcome::Clean;
    }
    let text = crate::report::text(&checked.checked, options.color.for_stdout(), checked.lang);
    match super::output::print(&text) {
        // The write is done: the item's findings are for reading, not a failure.
        Outcome::Failed => Outcome::Failed,
        _ => Outcome::Clean,
    }
}
