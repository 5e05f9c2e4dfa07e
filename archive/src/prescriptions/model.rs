//! The prescriptions' model: prescriptions, purchases, renewal requests and the
//! medication list. Shared with the web side.

use serde::{Deserialize, Serialize};
use time::{Date, PrimitiveDateTime};

use crate::model::{id_type, Language, OrganisationId, OrganisationRef, PersonId};

pub use super::renewal::RenewalBlock;

/// The code of the refusal of a form's key that was used for another prescription.
pub const KEY_REUSED: &str = "renewal-key-reused";

/// The longest message a renewal request may carry, in characters.
pub const MAX_MESSAGE_CHARS: usize = 1000;

id_type!(PrescriptionId);
id_type!(RenewalRequestId);

/// Where a prescription stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum PrescriptionStatus {
    Valid,
    Expired,
    Cancelled,
    RenewalRequested,
}

crate::codes! {
    PrescriptionStatus {
        Valid => "valid",
        Expired => "expired",
        Cancelled => "cancelled",
        RenewalRequested => "renewal-requested",
    }
}

impl PrescriptionStatus {
    /// Whether the prescription is in force: valid, or waiting for its renewal (the
    /// person goes on taking the medicine meanwhile).
    #[must_use]
    pub const fn in_force(self) -> bool {
        matches!(self, Self::Valid | Self::RenewalRequested)
    }
}

/// One purchase from a prescription.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dispensation {
    pub dispensed_on: Date,
    pub pharmacy: String,
    pub packages: i64,
}

/// A prescription as the person sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prescription {
    pub id: PrescriptionId,
    pub product: String,
    pub atc: String,
    pub strength: String,
    pub form: String,
    pub package_size: String,
    pub dosage: String,
    /// The language its form and dosage are written in.
    pub language: Language,
    pub amount: String,
    pub packages: i64,
    pub prescriber: String,
    pub organisation: OrganisationRef,
    pub issued_on: Date,
    pub valid_until: Date,
    pub narcotic: bool,
    pub central_nervous_system: bool,
    pub status: PrescriptionStatus,
    pub dispensations: Vec<Dispensation>,
    pub remaining_packages: i64,
    /// `None` when a renewal may be asked for now; otherwise why not.
    pub renewal_block: Option<RenewalBlock>,
    /// The prescription this one renews, when it came from a renewal request.
    pub renewed_from: Option<PrescriptionId>,
}

/// A prescription with everything its own page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrescriptionDetail {
    pub prescription: Prescription,
    /// The renewal requests made of it, newest first.
    pub requests: Vec<RenewalRequest>,
    /// The organisations that have treated the person, to ask for the renewal from.
    pub organisations: Vec<OrganisationRef>,
}

/// Where a renewal request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum RenewalStatus {
    Sent,
    InProcessing,
    Renewed,
    Rejected,
    Expired,
}

crate::codes! {
    RenewalStatus {
        Sent => "sent",
        InProcessing => "in-processing",
        Renewed => "renewed",
        Rejected => "rejected",
        Expired => "expired",
    }
}

/// What the person fills in to ask for a renewal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenewalForm {
    pub organisation: OrganisationId,
    pub message: Option<String>,
    pub share_other_prescriptions: bool,
}

impl RenewalForm {
    /// The message as it is kept: trimmed, none when empty.
    #[must_use]
    pub fn message_text(message: Option<&str>) -> Option<&str> {
        message.map(str::trim).filter(|m| !m.is_empty())
    }

    /// The rule for the message: at most [`MAX_MESSAGE_CHARS`] characters once trimmed.
    /// The store applies it; the form asks it too, to name every wrong field at once.
    ///
    /// # Errors
    /// The code `message-too-long`.
    pub fn check_message(message: Option<&str>) -> Result<(), &'static str> {
        if Self::message_text(message).is_some_and(|m| m.chars().count() > MAX_MESSAGE_CHARS) {
            Err("message-too-long")
        } else {
            Ok(())
        }
    }
}

/// A renewal request and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenewalRequest {
    pub id: RenewalRequestId,
    pub prescription: PrescriptionId,
    /// The medicine, as the prescription names it (product, strength).
    pub medicine: String,
    pub organisation: OrganisationRef,
    pub status: RenewalStatus,
    /// Why it was rejected, in the professional's words.
    pub reason: Option<String>,
    pub message: Option<String>,
    pub share_other_prescriptions: bool,
    /// Who sent it: the person, or someone acting for them.
    pub requested_by: PersonId,
    pub requested_by_name: String,
    /// Finnish time.
    pub sent_at: PrimitiveDateTime,
    /// When its status last changed, Finnish time.
    pub updated_at: PrimitiveDateTime,
    /// The prescription a granted request produced.
    pub renewed_as: Option<PrescriptionId>,
    /// Each step it has taken, with its time, oldest first: sent, taken up, answered
    /// (or expired).
    pub steps: Vec<RenewalStep>,
}

/// A step of a renewal request: the status it reached, and when (Finnish time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenewalStep {
    pub status: RenewalStatus,
    pub at: PrimitiveDateTime,
}

/// Where care gave a medicine it recorded without a prescription.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum CareSetting {
    Hospital,
    HealthCentre,
    SocialCare,
    /// In a patient summary written outside Kanta ([`crate::imports`]): what the
    /// person was taking when it was written, as it names the medicine.
    Imported,
}

crate::codes! {
    /// The stable code used in storage and message ids.
    CareSetting {
        Hospital => "hospital",
        HealthCentre => "health-centre",
        SocialCare => "social-care",
        Imported => "imported",
    }
}

/// Medication recorded by care without a prescription, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedMedication {
    pub product: String,
    pub strength: String,
    pub form: String,
    /// The medicine's code: an ATC code unless `system` names another.
    pub atc: String,
    /// The code's system: ATC, or (imported from elsewhere) SNOMED CT or another.
    pub system: String,
    pub dose: String,
    /// The language its form and dose are written in.
    pub language: Language,
    pub setting: CareSetting,
    pub organisation: String,
    pub started_on: Date,
    /// `None` while it goes on.
    pub ended_on: Option<Date>,
}

/// Where a line of the medication list comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MedicationSource {
    /// Prescriptions in force: the newest gives the dosage and validity.
    Prescription {
        prescription: PrescriptionId,
        prescriber: String,
        valid_until: Date,
        /// The last purchase from any of its valid prescriptions; `None` if never bought.
        last_dispensed: Option<Date>,
        renewal_requested: bool,
    },
    /// Given by care without a prescription.
    Recorded {
        setting: CareSetting,
        started_on: Date,
        ended_on: Option<Date>,
    },
}

/// One medicine on the medication list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Medication {
    pub product: String,
    pub strength: String,
    pub form: String,
    /// The medicine's code: an ATC code unless `system` names another.
    pub atc: String,
    /// The code's system: ATC, or (imported from elsewhere) SNOMED CT or another.
    pub system: String,
    /// The dosage (of a prescription) or dose (given by care).
    pub dosage: String,
    /// The language its form and dosage are written in.
    pub language: Language,
    /// The organisation that prescribed or gave it.
    pub organisation: String,
    pub narcotic: bool,
    pub central_nervous_system: bool,
    pub source: MedicationSource,
}

/// Medicines of one ATC anatomical main group (the code's first letter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MedicationGroup {
    /// "A", "C", "N", … or "?" for a code that names no group.
    pub group: String,
    pub medicines: Vec<Medication>,
}

/// What the person takes now, as their valid prescriptions and the medication care
/// recorded show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MedicationList {
    /// When the list was compiled, Finnish time.
    pub compiled_at: PrimitiveDateTime,
    pub groups: Vec<MedicationGroup>,
}

/// Which prescriptions a printable summary holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SummaryScope {
    /// Every prescription in force (valid, or waiting for its renewal).
    Valid,
    /// Only those in force with medicine left to buy.
    Remaining,
}

crate::codes! {
    /// The code the address carries (`?which=remaining`), also its messages' part.
    SummaryScope {
        Valid => "valid",
        Remaining => "remaining",
    }
}

impl SummaryScope {
    /// Whether the summary holds `p`.
    #[must_use]
    pub fn holds(self, p: &Prescription) -> bool {
        p.status.in_force() && (self == Self::Valid || p.remaining_packages > 0)
    }
}

#[cfg(test)]
mod scope_tests {
    use super::*;
    use crate::model::OrganisationId;

    fn prescription(status: PrescriptionStatus, remaining_packages: i64) -> Prescription {
        Prescription {
            id: PrescriptionId::from_raw(1),
            product: "Panadol".into(),
            atc: "N02BE01".into(),
            strength: "500 mg".into(),
            form: "tabletti".into(),
            package_size: "30".into(),
            dosage: "1 x 3".into(),
            language: Language::Fi,
            amount: "2 pakkausta".into(),
            packages: 2,
            prescriber: "Lääkäri".into(),
            organisation: OrganisationRef {
                id: OrganisationId::from_raw(1),
                name: "Terveysasema".into(),
            },
            issued_on: time::macros::date!(2026 - 01 - 01),
            valid_until: time::macros::date!(2027 - 01 - 01),
            narcotic: false,
            central_nervous_system: false,
            status,
            dispensations: Vec::new(),
            remaining_packages,
            renewal_block: None,
            renewed_from: None,
        }
    }

    #[test]
    fn a_summary_holds_what_is_in_force_and_the_remaining_one_only_what_has_medicine_left() {
        use PrescriptionStatus::{Expired, Valid};
        for &scope in SummaryScope::ALL {
            assert_eq!(SummaryScope::from_code(scope.code()), Some(scope));
            assert!(!scope.holds(&prescription(Expired, 2)), "{scope:?}");
        }
        assert!(SummaryScope::Valid.holds(&prescription(Valid, 0)));
        assert!(!SummaryScope::Remaining.holds(&prescription(Valid, 0)));
        assert!(SummaryScope::Remaining.holds(&prescription(Valid, 1)));
        assert_eq!(SummaryScope::from_code("all"), None);
    }
}
