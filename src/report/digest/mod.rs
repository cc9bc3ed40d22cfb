//! Markdown renderers of the periodic reports: [`weekly`] (项目周报) and
//! [`monthly`] (月度复盘报告).

pub mod monthly;
mod relations;
pub mod weekly;

use chrono::DateTime;
use chrono_tz::Tz;

use crate::audit::person_name;
use crate::model::Org;

/// A person's name for a report: `李工` (their id when org.toml has no name).
fn name(org: &Org, id: &str) -> String {
    person_name(org, id)
}

/// A time within the report's period: `09-18 16:50`.
fn short(t: &DateTime<Tz>) -> String {
    t.format("%m-%d %H:%M").to_string()
}
