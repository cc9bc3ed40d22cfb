//! Who acts, and people named on the command line: an id, a display name
//! (`--as 周杰`) or an email, resolved through `org.toml` (SPEC §2).

use std::path::Path;

use super::EditError;
use crate::messages::EditMsg;
use crate::model::Org;

/// The person id `who` names: an id, a display name, an email or a GitHub
/// login, in that order.
pub fn resolve(org: &Org, who: &str) -> Result<String, EditError> {
    let who = who.trim();
    let found = org
        .person(who)
        .or_else(|| org.person_by_name(who))
        .or_else(|| org.person_by_email(who))
        .or_else(|| org.person_by_github(who));
    match found {
        Some(person) => Ok(person.id.as_str().to_string()),
        None => Err(EditError::from(EditMsg::UnknownPerson {
            who: who.to_string(),
        })),
    }
}

/// The acting person: `--as`, else git's `user.email` for the repository
/// at `root` (its own configuration, then the user's).
pub fn actor(org: &Org, given: Option<&str>, root: &Path) -> Result<String, EditError> {
    if let Some(who) = given {
        return resolve(org, who);
    }
    let email = git_email(root);
    match email.as_deref().and_then(|e| org.person_by_email(e)) {
        Some(person) => Ok(person.id.as_str().to_string()),
        None => Err(EditError::from(EditMsg::NoActor { email })),
    }
}

/// `user.email` as git would use it in `root`.
fn git_email(root: &Path) -> Option<String> {
    let config = match git2::Repository::discover(root) {
        Ok(repo) => repo.config().ok()?,
        Err(_) => git2::Config::open_default().ok()?,
    };
    config.get_string("user.email").ok()
}
