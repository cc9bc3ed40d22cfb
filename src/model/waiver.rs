//! Waivers (`[[waiver]]` in `baton.toml` or in an item's own file): a
//! finding accepted for a stated reason, by someone entitled to, until a
//! date — as cargo-deny's `ignore` entries with a reason, or ruff's `noqa`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::parse::{Day, Sp};

/// One waiver.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    /// The rule waived: a code (`W001`) or name (`request-not-acknowledged`).
    pub rule: Sp<String>,
    /// The item whose finding is waived; in an item's own file, that item
    /// (and may be left out).
    pub item: Option<Sp<String>>,
    /// Why the finding is accepted (required: a waiver without a reason is
    /// a finding nobody can judge).
    pub reason: Sp<String>,
    /// Who accepted it (a person id).
    pub by: Sp<String>,
    /// The last day it holds; afterwards the finding is back (and the
    /// waiver itself is reported).
    pub until: Option<Sp<Day>>,
}
