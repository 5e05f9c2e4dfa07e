//! The prescriptions' server functions, and the renewal form as it is posted.

use archive::model::{MedicationList, Prescription, PrescriptionDetail, RenewalRequest};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use archive::model::SummaryScope;

use crate::error::AppError;

/// The prescriptions of the person the session acts for.
#[server(prefix = "/api", endpoint = "prescriptions")]
pub async fn read_prescriptions() -> Result<Vec<Prescription>, AppError> {
    use crate::ssr::subject_access;
    Ok(subject_access().await?.prescriptions().await?)
}

/// A printable prescription summary: which prescriptions, when it was compiled, and
/// them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrescriptionSummary {
    pub scope: SummaryScope,
    /// Finnish local time, printed on it.
    pub compiled_at: time::PrimitiveDateTime,
    pub prescriptions: Vec<Prescription>,
}

/// The prescription summary of the person the session acts for.
#[server(prefix = "/api", endpoint = "prescription-summary")]
pub async fn read_prescription_summary(
    which: Option<String>,
) -> Result<PrescriptionSummary, AppError> {
    use crate::ssr::{context_archive, subject_access};
    let scope = match which.as_deref().map(str::trim) {
        None | Some("") => SummaryScope::Valid,
        Some(code) => {
            SummaryScope::from_code(code).ok_or_else(|| AppError::invalid("which", "choice"))?
        }
    };
    let all = subject_access().await?.prescriptions().await?;
    Ok(PrescriptionSummary {
        scope,
        compiled_at: archive::clock::finnish_local(context_archive()?.clock().now()),
        prescriptions: all.into_iter().filter(|p| scope.holds(p)).collect(),
    })
}

/// One prescription with its purchases and renewal requests.
#[server(prefix = "/api", endpoint = "prescription")]
pub async fn read_prescription(id: String) -> Result<PrescriptionDetail, AppError> {
    use crate::ssr::subject_access;
    let id = id.parse().map_err(|_| AppError::NotFound)?;
    Ok(subject_access().await?.prescription(id).await?)
}

/// The renewal requests of the person the session acts for, newest first.
#[server(prefix = "/api", endpoint = "renewal-requests")]
pub async fn list_renewal_requests() -> Result<Vec<RenewalRequest>, AppError> {
    use crate::ssr::subject_access;
    Ok(subject_access().await?.renewal_requests(100).await?)
}

/// The medication list of the person the session acts for.
#[server(prefix = "/api", endpoint = "medication-list")]
pub async fn read_medication_list() -> Result<MedicationList, AppError> {
    use crate::ssr::subject_access;
    Ok(subject_access().await?.medication_list().await?)
}

/// A renewal request as the form sends it: every field as typed, so that a form with
/// a mistake can be shown again as it was.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenewalSubmission {
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub message: String,
    /// Present (any value) when the box is ticked.
    #[serde(default)]
    pub share: Option<String>,
    /// The idempotency key the form was rendered with.
    #[serde(default)]
    pub key: String,
}

impl crate::ui::form::PostedForm for RenewalSubmission {
    const PATH: &'static str = "/prescriptions/{id}";
}

/// Asks for a prescription to be renewed. The same `key` always gives the same request.
#[server(prefix = "/api", endpoint = "request-renewal")]
pub async fn send_renewal_request(
    prescription: String,
    submission: RenewalSubmission,
) -> Result<RenewalRequest, AppError> {
    use crate::ssr::subject_access;
    let prescription = prescription.parse().map_err(|_| AppError::NotFound)?;
    use archive::model::RenewalForm;
    // Every wrong field at once: the unit, and the message's length (the archive's
    // rule, asked here too so that one answer names both).
    let organisation = submission.organisation.trim().parse();
    let mut problems = Vec::new();
    if organisation.is_err() {
        problems.push(("organisation".into(), "choice".into()));
    }
    if let Err(code) = RenewalForm::check_message(Some(&submission.message)) {
        problems.push(("message".into(), code.into()));
    }
    AppError::check(problems)?;
    let form = RenewalForm {
        organisation: organisation.map_err(|_| AppError::invalid("organisation", "choice"))?,
        message: Some(submission.message.clone()),
        share_other_prescriptions: submission.share.is_some(),
    };
    Ok(subject_access()
        .await?
        .request_renewal(prescription, &form, &submission.key)
        .await?)
}
