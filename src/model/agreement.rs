//! An agreement (`agreements/**/*.toml`) with a customer, supplier or
//! partner: seed 002.
//!
//! An important agreement is reviewed by the legal department before
//! anyone signs (O006, W014); it takes effect when both parties signed,
//! and is renewed before it expires (D002).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::parse::{Sp, When};

/// An agreement (协议/合同).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// What the agreement is, in one line.
    pub title: Sp<String>,
    /// The other party (a company's name, not a person id).
    pub counterparty: Option<Sp<String>>,
    /// What kind of agreement.
    pub kind: Option<Sp<AgreementKind>>,
    /// Who is responsible for it on our side (a person id).
    pub owner: Option<Sp<String>>,
    /// The department leading it (a department id; default: the owner's).
    pub lead: Option<Sp<String>>,
    /// The key terms.
    #[serde(default)]
    pub terms: Vec<Sp<String>>,
    /// The first day it applies.
    pub effective: Option<Sp<When>>,
    /// The last day it applies; renew before.
    pub expires: Option<Sp<When>>,
    /// The legal department's review.
    pub legal_review: Option<Sp<LegalReview>>,
    /// Signatures, one per party.
    #[serde(default)]
    pub signature: Vec<Sp<Signature>>,
    /// Request or task ids this agreement belongs to.
    #[serde(default)]
    pub links: Vec<Sp<String>>,
    /// Findings about this item accepted for a reason (`[[waiver]]`).
    #[serde(default)]
    pub waiver: Vec<Sp<super::Waiver>>,
    /// Archived items are read-only (seed 003).
    #[serde(default)]
    pub archived: bool,
}

impl Agreement {
    /// The review, when legal approved it.
    pub fn approved_review(&self) -> Option<&LegalReview> {
        let review = self.legal_review.as_deref()?;
        (review.verdict.as_deref() == Some(&LegalVerdict::Approved)).then_some(review)
    }

    /// Signed by both parties.
    pub fn is_signed(&self) -> bool {
        let signed = |party| self.signature.iter().any(|s| *s.party == party);
        signed(SignatoryParty::Us) && signed(SignatoryParty::Counterparty)
    }

    /// Our own signature.
    pub fn our_signature(&self) -> Option<&Sp<Signature>> {
        self.signature
            .iter()
            .find(|s| *s.party == SignatoryParty::Us)
    }
}

/// What kind of agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AgreementKind {
    /// With a supplier.
    Supply,
    /// With a customer.
    Customer,
    /// With a partner.
    Partnership,
    /// Anything else.
    Other,
}

/// The legal department's review of an agreement.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LegalReview {
    /// When the review was asked for; the review clock starts here.
    pub requested_at: Option<Sp<When>>,
    /// When legal decided.
    pub at: Option<Sp<When>>,
    /// Who reviewed (a member of `project.legal_department`).
    pub by: Option<Sp<String>>,
    /// The verdict.
    pub verdict: Option<Sp<LegalVerdict>>,
    /// What must change, or remarks.
    pub comments: Option<Sp<String>>,
}

/// Legal's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LegalVerdict {
    /// May be signed as written.
    Approved,
    /// Must change before signing.
    ChangesRequested,
}

/// One party's signature.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// Which party signed.
    pub party: Sp<SignatoryParty>,
    /// Who signed: a person id for `us`, a name for the counterparty.
    pub by: Option<Sp<String>>,
    /// When.
    pub at: Option<Sp<When>>,
}

/// A party to an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SignatoryParty {
    /// Our company.
    Us,
    /// The other party.
    Counterparty,
}

/// A party as written in files (`us`, `counterparty`).
pub fn party_name(party: SignatoryParty) -> &'static str {
    match party {
        SignatoryParty::Us => "us",
        SignatoryParty::Counterparty => "counterparty",
    }
}

/// Where an agreement stands on `today`: `draft`, `in_review`,
/// `changes_requested`, `approved` (by legal), `signing` (one party
/// signed), `signed`, or `expired`.
pub fn agreement_stage(agreement: &Agreement, today: chrono::NaiveDate) -> &'static str {
    if agreement
        .expires
        .as_ref()
        .is_some_and(|e| e.written_date() < today)
    {
        return "expired";
    }
    if agreement.is_signed() {
        return "signed";
    }
    if !agreement.signature.is_empty() {
        return "signing";
    }
    match agreement.legal_review.as_deref() {
        None => "draft",
        Some(review) => match review.verdict.as_deref() {
            None => "in_review",
            Some(LegalVerdict::Approved) => "approved",
            Some(LegalVerdict::ChangesRequested) => "changes_requested",
        },
    }
}
