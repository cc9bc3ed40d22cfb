//! Writing items: `set`, `new` and the verbs of the process (SPEC §7).
//!
//! Every write goes the same way, in [`Writer::write`]: the item's file is
//! edited as a `toml_edit` document (comments, order and layout kept
//! outside what changes); the result is parsed exactly as `check` parses
//! it, and nothing that would add a problem is written; every unit that
//! changed is judged by [`crate::authority::judge`], the code O004 and
//! O005 use, so a command refuses what a pull request would be blamed for;
//! the file is then replaced atomically.

pub mod assign;
pub mod commit;
pub mod doc;
pub mod ids;
pub mod new;
pub mod person;
pub mod value;
pub mod verbs;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use toml_edit::DocumentMut;

use crate::authority::{Proposed, Unit, Verdict, judge};
use crate::history::fields::flatten;
use crate::history::{changed_units, unit_value};
use crate::load::parse_item_body;
use crate::messages::{EditMsg, Lang, Msg};
use crate::model::{BodyRef, ItemKind, Project};
use crate::source::FileKind;
use crate::time::Clock;

/// Why a write was refused, or failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError {
    /// What to tell the person (boxed: errors travel through every
    /// `Result` of the pipeline, and a message is large).
    pub message: Box<Msg>,
}

impl From<EditMsg> for EditError {
    fn from(message: EditMsg) -> EditError {
        EditError {
            message: Box::new(Msg::Edit(message)),
        }
    }
}

impl EditError {
    /// An I/O failure on `path`.
    fn io(path: &str, error: &std::io::Error) -> EditError {
        EditError::from(EditMsg::Invalid {
            path: path.to_string(),
            problems: vec![error.to_string()],
        })
    }
}

/// The file kind of an item kind.
pub fn file_kind(kind: ItemKind) -> FileKind {
    match kind {
        ItemKind::Task => FileKind::Task,
        ItemKind::Request => FileKind::Request,
        ItemKind::Meeting => FileKind::Meeting,
        ItemKind::Change => FileKind::Change,
        ItemKind::Complaint => FileKind::Complaint,
        ItemKind::Agreement => FileKind::Agreement,
        ItemKind::Comm => FileKind::Comm,
    }
}

/// An item about to be written: the one on disk, or a new one.
#[derive(Debug)]
pub struct Target<'p> {
    /// Its id.
    pub id: String,
    /// Its kind.
    pub kind: ItemKind,
    /// Its path relative to the root, with `/`.
    pub path: String,
    /// Its text now (empty for a new item).
    pub text: String,
    /// The item as loaded (`None`: it is being created).
    pub before: Option<BodyRef<'p>>,
}

/// What a write did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The file was written; these units changed.
    Written {
        /// The file, relative to the root.
        path: String,
        /// The units that changed (`update[3]`, `progress`).
        fields: Vec<String>,
    },
    /// A new item's file was written.
    Created {
        /// The file, relative to the root.
        path: String,
    },
    /// The file already said so.
    Unchanged {
        /// The file, relative to the root.
        path: String,
    },
}

/// Writes items of one project as one person at one time.
pub struct Writer<'p> {
    /// The project as loaded before the write.
    pub project: &'p Project,
    /// Its root folder.
    pub root: PathBuf,
    /// The acting person's id.
    pub who: String,
    /// The clock (`--now`).
    pub clock: Clock,
    /// The language of messages.
    pub lang: Lang,
}

impl<'p> Writer<'p> {
    /// The item `id` as it is on disk.
    pub fn target(&self, id: &str) -> Result<Target<'p>, EditError> {
        let project = self.project;
        let Some((_, file, body)) = project.bodies().find(|(item, _, _)| *item == id) else {
            return Err(EditError::from(EditMsg::UnknownItem { id: id.to_string() }));
        };
        let path = project.files.path(file).to_string();
        let text =
            std::fs::read_to_string(self.root.join(&path)).map_err(|e| EditError::io(&path, &e))?;
        Ok(Target {
            id: id.to_string(),
            kind: body.kind(),
            path,
            text,
            before: Some(body),
        })
    }

    /// The item `target` must be of one of `kinds` for `verb`.
    pub fn expect_kind(
        &self,
        target: &Target<'_>,
        verb: &str,
        kinds: &[ItemKind],
    ) -> Result<(), EditError> {
        if kinds.contains(&target.kind) {
            return Ok(());
        }
        let names: Vec<String> = kinds.iter().map(|k| format!("{}s", k.name())).collect();
        Err(EditError::from(EditMsg::WrongKind {
            id: target.id.clone(),
            verb: verb.to_string(),
            kinds: names.join(" / "),
        }))
    }

    /// Applies `edit` to `target`'s document and writes the result, when it
    /// parses without a new problem and `who` is entitled to every unit it
    /// changes.
    pub fn write(
        &self,
        target: &Target<'_>,
        edit: impl FnOnce(&mut DocumentMut) -> Result<(), EditError>,
    ) -> Result<Outcome, EditError> {
        let new_text = self.edited(target, edit)?;
        if target.before.is_some() && new_text == target.text {
            return Ok(Outcome::Unchanged {
                path: target.path.clone(),
            });
        }
        let fields = self.judged(target, &new_text)?;
        let path = self.root.join(&target.path);
        if target.before.is_none() {
            if path.exists() {
                return Err(EditError::from(EditMsg::Exists {
                    path: target.path.clone(),
                }));
            }
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| EditError::io(&target.path, &e))?;
            }
        }
        crate::atomic::write(&path, |out| out.write_all(new_text.as_bytes()))
            .map_err(|e| EditError::io(&target.path, &e))?;
        if target.before.is_none() {
            return Ok(Outcome::Created {
                path: target.path.clone(),
            });
        }
        Ok(Outcome::Written {
            path: target.path.clone(),
            fields,
        })
    }

    /// The text after `edit`, refused when it adds a problem.
    fn edited(
        &self,
        target: &Target<'_>,
        edit: impl FnOnce(&mut DocumentMut) -> Result<(), EditError>,
    ) -> Result<String, EditError> {
        if let Some(before) = target.before
            && before.archived()
            && !crate::authority::is_admin(&self.project.org, &self.who)
        {
            return Err(EditError::from(EditMsg::Archived {
                id: target.id.clone(),
            }));
        }
        let invalid = |problems: Vec<String>| {
            EditError::from(EditMsg::Invalid {
                path: target.path.clone(),
                problems,
            })
        };
        let mut doc: DocumentMut = target
            .text
            .parse()
            .map_err(|e: toml_edit::TomlError| invalid(vec![e.message().to_string()]))?;
        edit(&mut doc)?;
        let new_text = doc.to_string();
        let kind = file_kind(target.kind);
        let (body, problems) = parse_item_body(kind, &new_text);
        let (_, old_problems) = match target.before {
            Some(_) => parse_item_body(kind, &target.text),
            None => (None, Vec::new()),
        };
        let fresh: Vec<String> = problems
            .iter()
            .filter(|p| {
                !old_problems
                    .iter()
                    .any(|o| o.message == p.message && o.field == p.field)
            })
            .map(|p| match p.field.is_empty() {
                true => p.message.render(self.lang),
                false => format!("{}: {}", p.field, p.message.render(self.lang)),
            })
            .collect();
        if !fresh.is_empty() {
            return Err(invalid(fresh));
        }
        if body.is_none() {
            return Err(invalid(Vec::new()));
        }
        Ok(new_text)
    }

    /// The units the change from `target.text` to `new_text` touches, each
    /// judged; the first one `who` may not change refuses the whole write.
    fn judged(&self, target: &Target<'_>, new_text: &str) -> Result<Vec<String>, EditError> {
        let kind = file_kind(target.kind);
        let (after, _) = parse_item_body(kind, new_text);
        let old_fields = match target.before {
            Some(_) => flatten(&target.text).unwrap_or_default(),
            None => Default::default(),
        };
        let new_fields = flatten(new_text).unwrap_or_default();
        let exists = target.before.is_some();
        let units = changed_units(target.kind, (&old_fields, exists), (&new_fields, true));
        let mut fields = Vec::new();
        for unit in &units {
            let proposed = Proposed {
                id: &target.id,
                before: target.before,
                after: after.as_ref().map(|a| a.as_ref()),
                unit,
                old: unit_value(&old_fields, unit, exists),
                new: unit_value(&new_fields, unit, true),
            };
            if let Verdict::Denied(denial) = judge(self.project, &self.who, &proposed) {
                return Err(EditError::from(match denial.viewer {
                    true => EditMsg::Viewer {
                        who: self.who.clone(),
                    },
                    false => EditMsg::NotEntitled {
                        who: self.who.clone(),
                        field: unit_name(unit),
                        allowed: denial.allowed,
                        by_change: denial.by_change,
                    },
                }));
            }
            if !unit.path.is_empty() {
                fields.push(unit.path.clone());
            }
        }
        if fields.is_empty() {
            fields.push(target.id.clone());
        }
        Ok(fields)
    }
}

/// How a unit is named to people: its path, or "the item" for the whole.
fn unit_name(unit: &Unit) -> String {
    match unit.path.is_empty() {
        true => unit.field.clone(),
        false => unit.path.clone(),
    }
}

/// The root-relative path with `/` of `path` below `root`.
pub fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests;
