//! The living will's server functions, and its form as it is posted.

use archive::model::{LivingWill, Treatment};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::ui::declaration::Intent;

/// The living will of the signed-in person (no one else's can be read).
#[server(prefix = "/api", endpoint = "living-will")]
pub async fn read_living_will() -> Result<LivingWill, AppError> {
    use crate::ssr::subject_access;
    Ok(subject_access().await?.living_will().await?)
}

/// The living-will form as posted: every field as typed, so that a form with a mistake
/// can be shown again as it was. A treatment's wish is under the treatment's code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LivingWillSubmission {
    #[serde(default)]
    pub intent: Intent,
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

impl crate::ui::form::PostedForm for LivingWillSubmission {
    const PATH: &'static str = "/living-will";
}

impl LivingWillSubmission {
    /// What was chosen for a treatment (a wish's code, or empty).
    #[must_use]
    pub fn chosen(&self, treatment: Treatment) -> &str {
        use Treatment as T;
        match treatment {
            T::Resuscitation => &self.resuscitation,
            T::Ventilation => &self.ventilation,
            T::TubeFeeding => &self.tube_feeding,
            T::Dialysis => &self.dialysis,
            T::PainRelief => &self.pain_relief,
        }
    }
}

/// Writes the living will anew, or withdraws it, as the form's intent says.
#[server(prefix = "/api", endpoint = "save-living-will")]
pub async fn save_living_will(submission: LivingWillSubmission) -> Result<LivingWill, AppError> {
    use crate::ssr::subject_access;
    use archive::model::{LivingWillText, TreatmentWish};
    if submission.intent == Intent::Withdraw {
        crate::ui::declaration::check_confirmed(submission.confirm.as_ref())?;
        return Ok(subject_access().await?.withdraw_living_will().await?);
    }
    // Every wrong field at once: each treatment without a wish, and the text's length
    // (the archive's rule, asked here too so that one answer names them all).
    let mut problems = Vec::new();
    let mut treatments = Vec::with_capacity(Treatment::ALL.len());
    for &treatment in Treatment::ALL {
        match TreatmentWish::from_code(submission.chosen(treatment)) {
            Some(wish) => treatments.push((treatment, wish)),
            // Linked to the group's first choice, whose id is the group's name.
            None => problems.push((treatment.code().into(), "choose-wish".into())),
        }
    }
    if let Err(code) = LivingWillText::check_wishes(&submission.wishes) {
        problems.push(("wishes".into(), code.into()));
    }
    AppError::check(problems)?;
    Ok(subject_access()
        .await?
        .write_living_will(&LivingWillText {
            wishes: submission.wishes.clone(),
            treatments,
        })
        .await?)
}
