//! The organ donation testament's server functions, and its form as it is posted.

use std::collections::BTreeMap;

use archive::model::{Donatable, OrganDonation};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::ui::declaration::Intent;

/// The testament of the signed-in person (no one else's can be read).
#[server(prefix = "/api", endpoint = "organ-donation")]
pub async fn read_organ_donation() -> Result<OrganDonation, AppError> {
    use crate::ssr::subject_access;
    Ok(subject_access().await?.organ_donation().await?)
}

/// The testament's form as posted: every field as typed, so that a form with a mistake
/// can be shown again as it was. Each organ or tissue excluded is ticked under its own
/// name ([`exclude_name`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganDonationSubmission {
    #[serde(default)]
    pub intent: Intent,
    /// A decision's code, or empty.
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub notes: String,
    /// Present when the withdrawal was confirmed.
    #[serde(default)]
    pub confirm: Option<String>,
    /// The boxes ticked (`exclude-<code>`), and whatever else was posted.
    #[serde(flatten)]
    pub ticked: BTreeMap<String, String>,
}

impl crate::ui::form::PostedForm for OrganDonationSubmission {
    const PATH: &'static str = "/organ-donation";
}

/// The name (and id) of the box that excludes `what`.
#[must_use]
pub fn exclude_name(what: Donatable) -> String {
    format!("exclude-{}", what.code())
}

impl OrganDonationSubmission {
    /// What was ticked as excluded, in the form's order.
    #[must_use]
    pub fn excluded(&self) -> Vec<Donatable> {
        Donatable::ALL
            .iter()
            .copied()
            .filter(|d| self.ticked.contains_key(&exclude_name(*d)))
            .collect()
    }
}

/// Writes the testament anew, or withdraws it, as the form's intent says.
#[server(prefix = "/api", endpoint = "save-organ-donation")]
pub async fn save_organ_donation(
    submission: OrganDonationSubmission,
) -> Result<OrganDonation, AppError> {
    use crate::ssr::subject_access;
    use archive::model::{DonationDecision, OrganDonationText};
    if submission.intent == Intent::Withdraw {
        crate::ui::declaration::check_confirmed(submission.confirm.as_ref())?;
        return Ok(subject_access().await?.withdraw_organ_donation().await?);
    }
    // Every wrong field at once: the decision missing, the archive's rules of the rest
    // (asked here too, so that one answer names them all).
    let decision = DonationDecision::from_code(&submission.decision);
    // The note is in the language of the page it was typed on.
    let text = OrganDonationText::new(
        decision.unwrap_or(DonationDecision::Yes),
        &submission.excluded(),
        &submission.notes,
    )
    .written_in(crate::i18n::lang());
    let mut problems: Vec<(String, String)> = Vec::new();
    if decision.is_none() {
        problems.push(("decision".into(), "choose-decision".into()));
    }
    for (field, code) in text.problems() {
        // Without a decision, what is excluded cannot be judged yet.
        if decision.is_none() && field == "excluded" {
            continue;
        }
        let field = match field {
            // Linked to the first box.
            "excluded" => exclude_name(Donatable::Heart),
            other => other.to_owned(),
        };
        problems.push((field, code.into()));
    }
    AppError::check(problems)?;
    Ok(subject_access().await?.write_organ_donation(&text).await?)
}
