//! Consents and denials: server functions, and the forms as they are posted.

use archive::model::{Choice, ChoicePreview, Consents};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The signed-in person's consents and denials (no one else's can be read).
#[server(prefix = "/api", endpoint = "consents")]
pub async fn read_consents() -> Result<Consents, AppError> {
    use crate::ssr::subject_access;
    Ok(subject_access().await?.consents().await?)
}

/// A change as the confirmation page's address and form carry it: give or withdraw,
/// the kind of choice and what it is about (an id, a register's code, or empty).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentChange {
    #[serde(default)]
    pub change: Change,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub target: String,
}

pub use crate::ui::form::Change;

impl ConsentChange {
    /// The change of `choice`.
    #[must_use]
    pub fn of(change: Change, choice: Choice) -> Self {
        Self {
            change,
            kind: choice.kind().code().to_owned(),
            target: choice.target(),
        }
    }

    /// The choice it names.
    ///
    /// # Errors
    /// `NotFound` when it names none.
    pub fn choice(&self) -> Result<Choice, AppError> {
        Choice::of_stored(&self.kind, &self.target).ok_or(AppError::NotFound)
    }
}

impl crate::ui::form::PostedForm for ConsentChange {
    const PATH: &'static str = "/consents/confirm";
}

/// One choice as its confirmation page shows it.
#[server(prefix = "/api", endpoint = "consent-choice")]
pub async fn consent_choice(change: ConsentChange) -> Result<ChoicePreview, AppError> {
    use crate::ssr::subject_access;
    // Who asks first: the signed-out are sent to sign in, whatever they asked.
    let access = subject_access().await?;
    Ok(access.consent_choice(change.choice()?).await?)
}

/// Gives or withdraws a choice, as confirmed.
#[server(prefix = "/api", endpoint = "change-consent")]
pub async fn change_consent(change: ConsentChange) -> Result<Consents, AppError> {
    use crate::ssr::subject_access;
    let access = subject_access().await?;
    Ok(access
        .change_consent(change.choice()?, change.change == Change::Give)
        .await?)
}

/// The notice's form as posted: to acknowledge it (nothing else to say).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeSubmission {
    /// Present when the box saying it was read is ticked.
    #[serde(default)]
    pub read: Option<String>,
}

impl crate::ui::form::PostedForm for NoticeSubmission {
    const PATH: &'static str = "/consents";
}

/// Acknowledges the Kanta information notice in force.
#[server(prefix = "/api", endpoint = "acknowledge-notice")]
pub async fn acknowledge_notice(submission: NoticeSubmission) -> Result<Consents, AppError> {
    use crate::ssr::subject_access;
    if submission.read.is_none() {
        return Err(AppError::invalid("read", "confirm-notice-read"));
    }
    Ok(subject_access().await?.acknowledge_notice().await?)
}
