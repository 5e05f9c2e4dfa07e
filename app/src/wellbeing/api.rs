//! The wellbeing data's server functions, and its form as posted.

use archive::model::{Measure, MeasureSeries, Measurement, WellbeingOverview};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Each kind's newest reading (the signed-in person's only).
#[server(prefix = "/api", endpoint = "wellbeing")]
pub async fn read_wellbeing() -> Result<WellbeingOverview, AppError> {
    use crate::ssr::subject_access;
    Ok(subject_access().await?.wellbeing().await?)
}

/// The kind a code names, or an invalid `measure`.
///
/// # Errors
/// `Invalid` for a code no kind has.
pub fn measure_of(code: &str) -> Result<Measure, AppError> {
    Measure::from_code(code).ok_or_else(|| AppError::invalid("measure", "choice"))
}

/// One kind's readings over a period (a month when none is asked for).
#[server(prefix = "/api", endpoint = "wellbeing-series")]
pub async fn read_measure_series(
    measure: String,
    period: Option<String>,
) -> Result<MeasureSeries, AppError> {
    use crate::ssr::subject_access;
    use archive::model::WellbeingPeriod;
    // Who asks first: a signed-out request is sent to sign in, whatever it asks.
    let access = subject_access().await?;
    let measure = measure_of(&measure)?;
    let period = match period.as_deref().filter(|p| !p.is_empty()) {
        None => WellbeingPeriod::default(),
        Some(code) => {
            WellbeingPeriod::from_code(code).ok_or_else(|| AppError::invalid("period", "choice"))?
        }
    };
    Ok(access.measure_series(measure, period).await?)
}

/// One reading, to change it.
#[server(prefix = "/api", endpoint = "wellbeing-measurement")]
pub async fn read_measurement(id: String) -> Result<Measurement, AppError> {
    use crate::ssr::subject_access;
    let access = subject_access().await?;
    let id = id
        .parse::<i64>()
        .map_err(|_| AppError::NotFound)
        .map(archive::model::MeasurementId::from_raw)?;
    Ok(access.measurement(id).await?)
}

/// What the form does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeasurementIntent {
    #[default]
    Save,
    Delete,
}

/// A reading's form as posted, every field as typed (so a form with a mistake is shown
/// again as it was). The fields are named as the archive names their problems.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasurementSubmission {
    #[serde(default)]
    pub intent: MeasurementIntent,
    /// The kind's code.
    #[serde(default)]
    pub measure: String,
    /// The reading changed or deleted; empty for a new one.
    #[serde(default)]
    pub id: String,
    /// The form's own key (a new reading's identifier: sent twice, stored once).
    #[serde(default)]
    pub key: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub systolic: String,
    #[serde(default)]
    pub diastolic: String,
    /// Present when the deletion was confirmed.
    #[serde(default)]
    pub confirm: Option<String>,
}

impl crate::ui::form::PostedForm for MeasurementSubmission {
    const PATH: &'static str = "/wellbeing/{measure}/add";
}

/// The same form posted to a reading's own page (to change or delete it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MeasurementChange(pub MeasurementSubmission);

impl crate::ui::form::PostedForm for MeasurementChange {
    const PATH: &'static str = "/wellbeing/measurement/{id}";
}

impl MeasurementSubmission {
    /// The reading's fields in the order the archive reads them.
    #[must_use]
    pub fn reading_form(&self, measure: Measure) -> archive::model::ReadingForm {
        let values = measure
            .spec()
            .values
            .iter()
            .map(|v| match v.field {
                "systolic" => self.systolic.clone(),
                "diastolic" => self.diastolic.clone(),
                _ => self.value.clone(),
            })
            .collect();
        archive::model::ReadingForm {
            date: self.date.clone(),
            time: self.time.clone(),
            values,
        }
    }
}

/// Every error code the form's fields can be given (each has its message).
pub const ERROR_CODES: &[&str] = &[
    "wellbeing-systolic-missing",
    "wellbeing-diastolic-missing",
    "wellbeing-value-missing",
    "wellbeing-date-missing",
    "wellbeing-time-missing",
    "wellbeing-number",
    "wellbeing-range",
    "wellbeing-decimals",
    "wellbeing-systolic-below-diastolic",
    "wellbeing-future",
    "wellbeing-time-format",
    "confirm-deletion",
];

/// The message code of the archive's problem `code` with `field`.
#[must_use]
pub fn error_code(field: &str, code: &str) -> &'static str {
    match (field, code) {
        ("systolic", "missing") => "wellbeing-systolic-missing",
        ("diastolic", "missing") => "wellbeing-diastolic-missing",
        ("date", "missing") => "wellbeing-date-missing",
        ("time", "missing") => "wellbeing-time-missing",
        (_, "missing") => "wellbeing-value-missing",
        (_, "number") => "wellbeing-number",
        (_, "range") => "wellbeing-range",
        (_, "decimals") => "wellbeing-decimals",
        (_, "systolic-below-diastolic") => "wellbeing-systolic-below-diastolic",
        (_, "future") => "wellbeing-future",
        (_, "date-format") => "date-format",
        (_, "time-format") => "wellbeing-time-format",
        _ => "request",
    }
}

/// Adds a reading, changes one, or deletes one, as the form's intent says; the kind's
/// code, for the page to go back to.
#[server(prefix = "/api", endpoint = "save-measurement")]
pub async fn save_measurement(submission: MeasurementSubmission) -> Result<String, AppError> {
    use crate::ssr::subject_access;
    use archive::model::MeasurementId;
    let access = subject_access().await?;
    let id = (!submission.id.is_empty())
        .then(|| submission.id.parse::<i64>().map(MeasurementId::from_raw))
        .transpose()
        .map_err(|_| AppError::NotFound)?;
    let answer = match (submission.intent, id) {
        (MeasurementIntent::Delete, Some(id)) => {
            if submission.confirm.is_none() {
                return Err(AppError::invalid("confirm", "confirm-deletion"));
            }
            let kind = access.measurement(id).await?.reading.measure;
            access.delete_measurement(id).await.map(|()| kind)
        }
        (MeasurementIntent::Save, Some(id)) => {
            let kind = access.measurement(id).await?.reading.measure;
            access
                .change_measurement(id, &submission.reading_form(kind), &phr::KantaPhr)
                .await
                .map(|m| m.reading.measure)
        }
        (MeasurementIntent::Save, None) => {
            let measure = measure_of(&submission.measure)?;
            access
                .add_measurement(
                    measure,
                    &submission.reading_form(measure),
                    &submission.key,
                    &phr::KantaPhr,
                )
                .await
                .map(|m| m.reading.measure)
        }
        (MeasurementIntent::Delete, None) => return Err(AppError::NotFound),
    };
    match answer {
        Ok(measure) => Ok(measure.code().to_owned()),
        Err(archive::ArchiveError::InvalidFields(problems)) => Err(AppError::Invalid {
            fields: problems
                .into_iter()
                .map(|(field, code)| (field.to_owned(), error_code(field, code).to_owned()))
                .collect(),
        }),
        Err(e) => Err(e.into()),
    }
}

/// Who may use the wellbeing data: the choices in force, whom one could choose, and
/// the history (the signed-in person's own only).
#[server(prefix = "/api", endpoint = "wellbeing-sharing")]
pub async fn read_sharing() -> Result<archive::model::WellbeingSharing, AppError> {
    use crate::ssr::subject_access;
    Ok(subject_access().await?.wellbeing_sharing().await?)
}

/// Allow a grantee (an app, an organisation), or withdraw what it may do.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SharingIntent {
    #[default]
    Allow,
    Withdraw,
}

/// The sharing page's forms as posted: what to do, to whom (`app` or `organisation`,
/// and its id, as the form's select sends it), and for an app what it may do.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharingSubmission {
    #[serde(default)]
    pub intent: SharingIntent,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub grantee: String,
    /// `read` or `read-write`; an organisation's form sends none (it only reads).
    #[serde(default)]
    pub permission: Option<String>,
}

impl crate::ui::form::PostedForm for SharingSubmission {
    const PATH: &'static str = "/wellbeing/sharing";
}

impl SharingSubmission {
    /// The grantee it names; a missing choice is the `grantee` field's.
    ///
    /// # Errors
    /// `Invalid` (`grantee`, `choose-grantee`) when none is chosen; `NotFound` for a
    /// kind or id that names none.
    pub fn grantee(&self) -> Result<archive::model::Grantee, AppError> {
        if self.grantee.trim().is_empty() {
            return Err(AppError::invalid("grantee", "choose-grantee"));
        }
        let id = self
            .grantee
            .trim()
            .parse::<i64>()
            .map_err(|_| AppError::NotFound)?;
        archive::model::Grantee::of_stored(&self.kind, id).ok_or(AppError::NotFound)
    }
}

/// Allows or withdraws, at once; what the person chose, for the page to say.
#[server(prefix = "/api", endpoint = "share-wellbeing")]
pub async fn share_wellbeing(
    submission: SharingSubmission,
) -> Result<archive::model::WellbeingSharing, AppError> {
    use crate::ssr::subject_access;
    use archive::model::Permission;
    let access = subject_access().await?;
    let grantee = submission.grantee()?;
    let permission = match submission.intent {
        SharingIntent::Withdraw => None,
        SharingIntent::Allow => Some(match submission.permission.as_deref() {
            // An organisation's form asks nothing: it only reads.
            None if matches!(grantee, archive::model::Grantee::Organisation(_)) => Permission::Read,
            Some(code) => Permission::from_code(code)
                .ok_or_else(|| AppError::invalid("permission", "choose-permission"))?,
            None => return Err(AppError::invalid("permission", "choose-permission")),
        }),
    };
    Ok(access.share_wellbeing(grantee, permission).await?)
}
