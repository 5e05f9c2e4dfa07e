//! Server functions: authenticate, call the archive, map errors. Each is a public
//! endpoint under /api; pages call them directly while rendering on the server.

use archive::model::{
    DemoPerson, Document, DocumentKind, LabSeries, LabTest, LoggedAction, ProxyOption,
    RecordFilter, RecordsPage, RightKind, SignedIn, Summaries,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Documents on one page of the health-records list.
pub const RECORDS_PER_PAGE: u32 = 50;

/// The health-records list as the URL asks for it. `None` for a field means it was not
/// in the URL at all (the first visit); `Some("")` means the person cleared it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordsQuery {
    pub from: Option<String>,
    pub to: Option<String>,
    pub organisation: Option<String>,
    pub kind: Option<String>,
    pub after: Option<String>,
}

/// A page of health records and the filter it was narrowed by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordsView {
    pub filter: RecordFilter,
    pub page: RecordsPage,
}

fn invalid(field: &str, code: &str) -> AppError {
    AppError::Invalid {
        field: field.into(),
        code: code.into(),
    }
}

/// A day as a date field sends it (2026-03-05) or as people here type it where the
/// browser has no date picker (5.3.2026, 05/03/2026).
fn parse_day(field: &str, value: Option<&str>) -> Result<Option<time::Date>, AppError> {
    use time::macros::format_description;
    let Some(s) = value.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let iso = format_description!("[year]-[month]-[day]");
    let dotted = format_description!("[day padding:none].[month padding:none].[year]");
    let slashed = format_description!("[day padding:none]/[month padding:none]/[year]");
    time::Date::parse(s, iso)
        .or_else(|_| time::Date::parse(s, dotted))
        .or_else(|_| time::Date::parse(s, slashed))
        .map(Some)
        .map_err(|_| invalid(field, "date-format"))
}

impl RecordsQuery {
    /// The filter this query asks for; the last twelve months when it asks nothing.
    ///
    /// # Errors
    /// `Invalid` naming the first field that is wrong.
    pub fn to_filter(&self, today: time::Date) -> Result<RecordFilter, AppError> {
        let mut filter = if self.from.is_none() && self.to.is_none() {
            RecordFilter::last_twelve_months(today)
        } else {
            RecordFilter::default()
        };
        if self.from.is_some() || self.to.is_some() {
            filter.range.from = parse_day("from", self.from.as_deref())?;
            filter.range.to = parse_day("to", self.to.as_deref())?;
        }
        if let (Some(from), Some(to)) = (filter.range.from, filter.range.to) {
            if from > to {
                return Err(invalid("to", "date-order"));
            }
        }
        filter.organisation = match self.organisation.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(s.parse().map_err(|_| invalid("organisation", "choice"))?),
        };
        filter.kind = match self.kind.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(DocumentKind::from_code(s).ok_or_else(|| invalid("kind", "choice"))?),
        };
        Ok(filter)
    }
}

/// Who is signed in, and by which right they act for whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub user: SignedIn,
    /// When acting for someone else: the right today, or why there is none.
    pub acting: Option<Result<ActingRight, String>>,
}

/// A right to act for someone, as the page explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActingRight {
    pub kind: RightKind,
    /// A guardian of a child of 10 to 17, who sees only some documents.
    pub guardian_of_teen: bool,
}

/// Who is signed in, if anyone.
#[server(prefix = "/api", endpoint = "whoami")]
pub async fn whoami() -> Result<Option<Session>, AppError> {
    let Some(who) = crate::ssr::authenticated() else {
        return Ok(None);
    };
    let acting = match &who.signed_in.acting_for {
        None => None,
        Some(_) => Some(match crate::ssr::subject_access().await {
            Ok(access) => Ok(ActingRight {
                kind: access.right().kind(),
                guardian_of_teen: matches!(
                    access.right(),
                    archive::Right::Guardian { child_age, .. } if child_age >= 10
                ),
            }),
            Err(AppError::Forbidden { reason }) => Err(reason),
            Err(e) => return Err(e),
        }),
    };
    Ok(Some(Session {
        user: who.signed_in,
        acting,
    }))
}

/// The persons the signed-in person may act for.
#[server(prefix = "/api", endpoint = "proxy-options")]
pub async fn list_proxy_options() -> Result<Vec<ProxyOption>, AppError> {
    use crate::ssr::{archive, authenticated, from_archive};
    let who = authenticated().ok_or(AppError::Unauthenticated)?;
    archive()?
        .proxy_options(&who.actor)
        .await
        .map_err(from_archive)
}

/// The prescriptions of the person the session acts for.
#[server(prefix = "/api", endpoint = "prescriptions")]
pub async fn read_prescriptions() -> Result<Vec<archive::model::Prescription>, AppError> {
    use crate::ssr::{from_archive, subject_access};
    subject_access()
        .await?
        .prescriptions()
        .await
        .map_err(from_archive)
}

/// One prescription with its purchases and renewal requests.
#[server(prefix = "/api", endpoint = "prescription")]
pub async fn read_prescription(id: String) -> Result<archive::model::PrescriptionDetail, AppError> {
    use crate::ssr::{from_archive, subject_access};
    let id = id.parse().map_err(|_| AppError::NotFound)?;
    subject_access()
        .await?
        .prescription(id)
        .await
        .map_err(from_archive)
}

/// The renewal requests of the person the session acts for, newest first.
#[server(prefix = "/api", endpoint = "renewal-requests")]
pub async fn list_renewal_requests() -> Result<Vec<archive::model::RenewalRequest>, AppError> {
    use crate::ssr::{from_archive, subject_access};
    subject_access()
        .await?
        .renewal_requests(100)
        .await
        .map_err(from_archive)
}

/// The medication list of the person the session acts for.
#[server(prefix = "/api", endpoint = "medication-list")]
pub async fn read_medication_list() -> Result<archive::model::MedicationList, AppError> {
    use crate::ssr::{from_archive, subject_access};
    subject_access()
        .await?
        .medication_list()
        .await
        .map_err(from_archive)
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

/// Asks for a prescription to be renewed. The same `key` always gives the same request.
#[server(prefix = "/api", endpoint = "request-renewal")]
pub async fn send_renewal_request(
    prescription: String,
    submission: RenewalSubmission,
) -> Result<archive::model::RenewalRequest, AppError> {
    use crate::ssr::{from_archive, subject_access};
    let prescription = prescription.parse().map_err(|_| AppError::NotFound)?;
    let organisation = submission
        .organisation
        .trim()
        .parse()
        .map_err(|_| invalid("organisation", "choice"))?;
    let form = archive::model::RenewalForm {
        organisation,
        message: Some(submission.message.clone()),
        share_other_prescriptions: submission.share.is_some(),
    };
    subject_access()
        .await?
        .request_renewal(prescription, &form, &submission.key)
        .await
        .map_err(from_archive)
}

/// The living will of the signed-in person (no one else's can be read).
#[server(prefix = "/api", endpoint = "living-will")]
pub async fn read_living_will() -> Result<archive::model::LivingWill, AppError> {
    use crate::ssr::{from_archive, subject_access};
    subject_access()
        .await?
        .living_will()
        .await
        .map_err(from_archive)
}

/// The living-will form as posted: every field as typed, so that a form with a mistake
/// can be shown again as it was. A treatment's wish is under the treatment's code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LivingWillSubmission {
    /// "save" or "withdraw".
    #[serde(default)]
    pub intent: String,
    #[serde(default)]
    pub wishes: String,
    #[serde(default)]
    pub resuscitation: String,
    #[serde(default)]
    pub ventilation: String,
    #[serde(default, rename = "tube-feeding")]
    pub tube_feeding: String,
    #[serde(default)]
    pub dialysis: String,
    #[serde(default, rename = "pain-relief")]
    pub pain_relief: String,
    /// Present when the withdrawal was confirmed.
    #[serde(default)]
    pub confirm: Option<String>,
}

impl LivingWillSubmission {
    /// What was chosen for a treatment (a wish's code, or empty).
    #[must_use]
    pub fn chosen(&self, treatment: archive::model::Treatment) -> &str {
        use archive::model::Treatment as T;
        match treatment {
            T::Resuscitation => &self.resuscitation,
            T::Ventilation => &self.ventilation,
            T::TubeFeeding => &self.tube_feeding,
            T::Dialysis => &self.dialysis,
            T::PainRelief => &self.pain_relief,
        }
    }
}

/// Writes the living will anew, or withdraws it (with `intent` "withdraw").
#[server(prefix = "/api", endpoint = "save-living-will")]
pub async fn save_living_will(
    submission: LivingWillSubmission,
) -> Result<archive::model::LivingWill, AppError> {
    use crate::ssr::{from_archive, subject_access};
    use archive::model::{LivingWillText, Treatment, TreatmentWish};
    if submission.intent == "withdraw" {
        if submission.confirm.is_none() {
            return Err(invalid("confirm", "confirm-withdrawal"));
        }
        return subject_access()
            .await?
            .withdraw_living_will()
            .await
            .map_err(from_archive);
    }
    let mut treatments = Vec::with_capacity(Treatment::ALL.len());
    for treatment in Treatment::ALL {
        let wish = TreatmentWish::from_code(submission.chosen(treatment))
            .ok_or_else(|| invalid(&format!("{}-want", treatment.code()), "choose-wish"))?;
        treatments.push((treatment, wish));
    }
    subject_access()
        .await?
        .write_living_will(&LivingWillText {
            wishes: submission.wishes.clone(),
            treatments,
        })
        .await
        .map_err(from_archive)
}

/// What others did with the person's data (the person's own section).
#[server(prefix = "/api", endpoint = "disclosure-log")]
pub async fn read_disclosure_log() -> Result<Vec<LoggedAction>, AppError> {
    use crate::ssr::{from_archive, subject_access};
    subject_access()
        .await?
        .disclosure_log(500)
        .await
        .map_err(from_archive)
}

/// The signed-in person's health records.
#[server(prefix = "/api", endpoint = "records")]
pub async fn list_health_records(query: RecordsQuery) -> Result<RecordsView, AppError> {
    use crate::ssr::{archive, from_archive, subject_access};
    let access = subject_access().await?;
    let filter = query.to_filter(archive()?.clock().today())?;
    let page = access
        .health_records(&filter, query.after.as_deref(), RECORDS_PER_PAGE)
        .await
        .map_err(from_archive)?;
    Ok(RecordsView { filter, page })
}

/// One document of the signed-in person.
#[server(prefix = "/api", endpoint = "document")]
pub async fn read_document(id: String) -> Result<Document, AppError> {
    use crate::ssr::{from_archive, subject_access};
    let id = id.parse().map_err(|_| AppError::NotFound)?;
    subject_access()
        .await?
        .document(id)
        .await
        .map_err(from_archive)
}

/// Diagnoses, risk information and vaccinations of the signed-in person.
#[server(prefix = "/api", endpoint = "summaries")]
pub async fn read_summaries() -> Result<Summaries, AppError> {
    use crate::ssr::{from_archive, subject_access};
    subject_access()
        .await?
        .summaries()
        .await
        .map_err(from_archive)
}

/// The laboratory tests of the signed-in person.
#[server(prefix = "/api", endpoint = "lab-tests")]
pub async fn read_lab_tests() -> Result<Vec<LabTest>, AppError> {
    use crate::ssr::{from_archive, subject_access};
    subject_access()
        .await?
        .lab_tests()
        .await
        .map_err(from_archive)
}

/// All results of one laboratory test of the signed-in person.
#[server(prefix = "/api", endpoint = "lab-series")]
pub async fn read_lab_series(code: String) -> Result<LabSeries, AppError> {
    use crate::ssr::{from_archive, subject_access};
    if code.len() > 40 {
        return Err(AppError::NotFound);
    }
    subject_access()
        .await?
        .lab_series(&code)
        .await
        .map_err(from_archive)
}

/// The demo persons, when the development sign-in is on.
#[server(prefix = "/api", endpoint = "demo-persons")]
pub async fn list_demo_persons() -> Result<Vec<DemoPerson>, AppError> {
    use crate::ssr::{archive, from_archive};
    use crate::SiteMode;
    let dev = use_context::<SiteMode>().is_some_and(|m| m.dev_sign_in);
    if !dev {
        return Err(AppError::NotFound);
    }
    archive()?.demo_persons().await.map_err(from_archive)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn q(from: Option<&str>, to: Option<&str>) -> RecordsQuery {
        RecordsQuery {
            from: from.map(Into::into),
            to: to.map(Into::into),
            ..RecordsQuery::default()
        }
    }

    #[test]
    fn first_visit_shows_the_last_twelve_months() {
        let f = RecordsQuery::default()
            .to_filter(date!(2026 - 11 - 29))
            .expect("valid");
        assert_eq!(f.range.from, Some(date!(2025 - 11 - 29)));
        assert_eq!(f.range.to, Some(date!(2026 - 11 - 29)));
    }

    #[test]
    fn cleared_dates_mean_all_time() {
        let f = q(Some(""), Some(""))
            .to_filter(date!(2026 - 11 - 29))
            .expect("valid");
        assert_eq!(f.range.from, None);
        assert_eq!(f.range.to, None);
    }

    #[test]
    fn dates_may_be_typed_the_finnish_way() {
        let f = q(Some("5.3.2026"), Some("05/04/2026"))
            .to_filter(date!(2026 - 11 - 29))
            .expect("valid");
        assert_eq!(f.range.from, Some(date!(2026 - 03 - 05)));
        assert_eq!(f.range.to, Some(date!(2026 - 04 - 05)));
    }

    #[test]
    fn bad_dates_are_named() {
        let today = date!(2026 - 11 - 29);
        assert_eq!(
            q(Some("2026-13-01"), None).to_filter(today),
            Err(invalid("from", "date-format"))
        );
        assert_eq!(
            q(Some("2026-05-01"), Some("2026-04-01")).to_filter(today),
            Err(invalid("to", "date-order"))
        );
        let bad_kind = RecordsQuery {
            kind: Some("x".into()),
            ..RecordsQuery::default()
        };
        assert_eq!(bad_kind.to_filter(today), Err(invalid("kind", "choice")));
    }
}
