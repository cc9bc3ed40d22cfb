//! `baton init [PATH]`: a repository a team can use the same hour —
//! `baton.toml` with the seeds' service levels commented, an `org.toml`
//! with its first admin (from git's user.name and user.email), templates
//! for every kind, the CI workflow of the chosen forge, editor schemas
//! (`.taplo.toml` + `schema/`), and a README with the daily commands.
//! Nothing that exists is overwritten: `init` checks every file first.

mod files;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::edit::EditError;
use crate::messages::{EditMsg, Lang};

/// What `init` writes for.
pub struct InitOptions {
    /// The language of comments and the README (and `project.locale`).
    pub lang: Lang,
    /// `github`, `gitlab` or `gitea`.
    pub forge: String,
    /// The project's name (default: the folder's).
    pub name: Option<String>,
}

/// The first admin: (id, display name, email).
type Admin = (String, String, Option<String>);

/// Writes a new baton repository at `path`; returns the files written,
/// relative to it.
pub fn init(path: &Path, options: &InitOptions) -> Result<Vec<String>, EditError> {
    let io = |what: &str, e: std::io::Error| {
        EditError::from(EditMsg::Invalid {
            path: what.to_string(),
            problems: vec![e.to_string()],
        })
    };
    std::fs::create_dir_all(path).map_err(|e| io(&path.display().to_string(), e))?;
    let name = options.name.clone().unwrap_or_else(|| {
        path.canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "baton".into())
    });
    let (admin, admin_name, email) = admin(path);
    let fill = |text: &str| {
        text.replace("{name}", &toml_text(&name))
            .replace("{admin}", &admin)
            .replace("{admin_name}", &toml_text(&admin_name))
            .replace(
                "{email}",
                &email
                    .as_ref()
                    .map_or_else(String::new, |e| format!("\"{}\"", toml_text(e))),
            )
    };
    let lang = options.lang;
    let mut planned: Vec<(String, String)> = vec![
        ("baton.toml".into(), fill(files::baton_toml(lang))),
        ("org.toml".into(), fill(files::org_toml(lang))),
        ("README.md".into(), fill(files::readme(lang))),
        (
            ".taplo.toml".into(),
            include_str!("../../.taplo.toml").to_string(),
        ),
    ];
    for (below, text) in files::templates(lang) {
        planned.push((format!("templates/{below}"), text.to_string()));
    }
    let (ci_path, ci_text) = files::ci(&options.forge);
    planned.push((ci_path.to_string(), ci_text.to_string()));
    if let Some((path, text)) = files::notify_workflow(&options.forge) {
        planned.push((path.to_string(), text.to_string()));
    }
    planned.push((
        format!("docs/{}", crate::fieldref::file_name(lang)),
        crate::fieldref::markdown(lang),
    ));
    for schema in crate::schema::all() {
        planned.push((format!("schema/{}", schema.name), schema.json));
    }
    // The whole repository or nothing: check before the first write.
    if let Some((existing, _)) = planned.iter().find(|(p, _)| path.join(p).exists()) {
        return Err(EditError::from(EditMsg::Exists {
            path: existing.clone(),
        }));
    }
    for (relative, text) in &planned {
        let file: PathBuf = path.join(relative);
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| io(relative, e))?;
        }
        crate::atomic::write(&file, |out| out.write_all(text.as_bytes()))
            .map_err(|e| io(relative, e))?;
    }
    if git2::Repository::discover(path).is_err() {
        git2::Repository::init(path).map_err(|e| {
            io(
                &path.display().to_string(),
                std::io::Error::other(e.message().to_string()),
            )
        })?;
    }
    Ok(planned.into_iter().map(|(p, _)| p).collect())
}

/// Text safe inside a TOML basic string.
fn toml_text(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .flat_map(|c| match c {
            '"' => vec!['\\', '"'],
            '\\' => vec!['\\', '\\'],
            c => vec![c],
        })
        .collect()
}

/// The first admin, from git's configuration where `path` is.
fn admin(path: &Path) -> Admin {
    let config = git2::Repository::discover(path)
        .ok()
        .and_then(|r| r.config().ok())
        .or_else(|| git2::Config::open_default().ok());
    let get = |key: &str| config.as_ref().and_then(|c| c.get_string(key).ok());
    let email = get("user.email").filter(|e| e.contains('@'));
    let id = email
        .as_deref()
        .and_then(|e| e.split('@').next())
        .map(|local| {
            local
                .chars()
                .map(
                    |c| match c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-' {
                        true => c.to_ascii_lowercase(),
                        false => '-',
                    },
                )
                .collect::<String>()
        })
        .filter(|id| crate::load::is_valid_id(id))
        .unwrap_or_else(|| "pmo.admin".into());
    let name = get("user.name").unwrap_or_else(|| id.clone());
    (id, name, email)
}

#[cfg(test)]
mod tests;
