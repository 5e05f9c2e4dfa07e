//! Abroad's server functions, and its form as it is posted.

use archive::model::{Abroad, CrossBorderService};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::ui::form::Change;

/// The signed-in person's consents abroad (no one else's can be read).
#[server(prefix = "/api", endpoint = "abroad")]
pub async fn read_abroad() -> Result<Abroad, AppError> {
    use crate::ssr::subject_access;
    Ok(subject_access().await?.abroad().await?)
}

/// The signed-in person's Patient Summary (no one else's can be read).
#[server(prefix = "/api", endpoint = "patient-summary")]
pub async fn read_patient_summary() -> Result<archive::model::PatientSummary, AppError> {
    use crate::ssr::subject_access;
    Ok(subject_access().await?.patient_summary().await?)
}

/// A consent given or withdrawn, as its form is posted: the service's code, the
/// change, and the box that says denials do not apply abroad (present when ticked).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbroadChange {
    #[serde(default)]
    pub service: String,
    #[serde(default)]
    pub change: Change,
    #[serde(default, rename = "denials-read")]
    pub denials_read: Option<String>,
}

impl crate::ui::form::PostedForm for AbroadChange {
    const PATH: &'static str = "/abroad";
}

impl AbroadChange {
    /// The service it names.
    ///
    /// # Errors
    /// `NotFound` when it names none (a form not of this page).
    pub fn service(&self) -> Result<CrossBorderService, AppError> {
        CrossBorderService::from_code(&self.service).ok_or(AppError::NotFound)
    }
}

/// Gives or withdraws a consent abroad, at once.
#[server(prefix = "/api", endpoint = "change-abroad")]
pub async fn change_abroad(change: AbroadChange) -> Result<Abroad, AppError> {
    use crate::ssr::subject_access;
    // Who asks first: the signed-out are sent to sign in, whatever they sent.
    let access = subject_access().await?;
    Ok(access
        .change_abroad_consent(
            change.service()?,
            change.change == Change::Give,
            change.denials_read.is_some(),
        )
        .await?)
}
