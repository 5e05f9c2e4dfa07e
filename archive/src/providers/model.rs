//! What a care organisation asks for, as whom and why, and what it is given. Shared
//! with the web side, which shows each query in the disclosure log.

use serde::{Deserialize, Serialize};
use time::{Date, PrimitiveDateTime};

use crate::audit::Action;
use crate::living_will::model::LivingWillText;
use crate::model::{DocumentId, DocumentKind, OrganisationId, PrescriptionId, UnitId};
use crate::organ_donation::model::OrganDonationText;

/// The professional role a query is made in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum QueryRole {
    Physician,
    Nurse,
    Pharmacist,
    /// Kela's handler of medicine reimbursements, at the prescription centre.
    ReimbursementHandler,
}

crate::codes! {
    QueryRole {
        Physician => "physician",
        Nurse => "nurse",
        Pharmacist => "pharmacist",
        ReimbursementHandler => "reimbursement-handler",
    }
}

/// Why an organisation asks: written into the query's audit event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum QueryPurpose {
    /// Arranging the person's care.
    Treatment,
    /// Dispensing a prescribed medicine at a pharmacy.
    Dispensing,
    /// Deciding on a medicine reimbursement (Kela).
    Reimbursement,
}

crate::codes! {
    QueryPurpose {
        Treatment => "treatment",
        Dispensing => "dispensing",
        Reimbursement => "reimbursement",
    }
}

/// What an organisation asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum Asked {
    /// Patient documents, from a day on.
    Documents,
    /// Prescriptions not cancelled.
    Prescriptions,
    /// The person's declarations care must know: the consent to disclosure, the
    /// living will and the organ donation testament (never subject to denials).
    Declarations,
    /// The measurements the person recorded themself (wellbeing data), from a day on:
    /// only to an organisation the person allowed to read them.
    Wellbeing,
}

crate::codes! {
    Asked {
        Documents => "documents",
        Prescriptions => "prescriptions",
        Declarations => "declarations",
        Wellbeing => "wellbeing",
    }
}

impl Asked {
    /// The audited action of a query asking for this.
    #[must_use]
    pub const fn action(self) -> Action {
        match self {
            Self::Documents => Action::ProviderDocuments,
            Self::Prescriptions => Action::ProviderPrescriptions,
            Self::Declarations => Action::ProviderDeclarations,
            Self::Wellbeing => Action::ProviderWellbeing,
        }
    }

    /// What a query asked for, by its audited action; `None` for any other action.
    #[must_use]
    pub fn of_action(action: Action) -> Option<Self> {
        Self::ALL.iter().copied().find(|a| a.action() == action)
    }

    /// Whether `role` may ask for this for `purpose`: documents and declarations by a
    /// physician or a nurse for treatment; prescriptions also by a pharmacist for
    /// dispensing and by Kela's reimbursement handler for a reimbursement.
    #[must_use]
    pub const fn allowed(self, role: QueryRole, purpose: QueryPurpose) -> bool {
        use QueryPurpose as P;
        use QueryRole as R;
        let carer = matches!(role, R::Physician | R::Nurse);
        match (self, purpose) {
            (_, P::Treatment) => carer,
            (Self::Prescriptions, P::Dispensing) => matches!(role, R::Pharmacist),
            (Self::Prescriptions, P::Reimbursement) => matches!(role, R::ReimbursementHandler),
            (
                Self::Documents | Self::Declarations | Self::Wellbeing,
                P::Dispensing | P::Reimbursement,
            ) => false,
        }
    }
}

/// A query: who asks (an organisation, one of its units, in a role), why, and what.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderQuery {
    pub organisation: OrganisationId,
    pub unit: Option<UnitId>,
    pub role: QueryRole,
    pub purpose: QueryPurpose,
    pub asked: Asked,
    /// Documents recorded on or after this day; every document when `None`.
    pub from: Option<Date>,
}

/// A document disclosed to a query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisclosedDocument {
    pub id: DocumentId,
    pub kind: DocumentKind,
    pub title: String,
    pub recorded_at: PrimitiveDateTime,
    /// The organisation that wrote it.
    pub organisation: String,
    pub unit: String,
}

/// A prescription disclosed to a query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisclosedPrescription {
    pub id: PrescriptionId,
    pub product: String,
    pub strength: String,
    pub dosage: String,
    pub issued_on: Date,
    /// The organisation that wrote it.
    pub organisation: String,
    /// A narcotic or a drug acting on the central nervous system.
    pub narcotic_or_cns: bool,
}

/// The declarations care sees whatever the person has denied.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Declarations {
    /// Whether the consent to disclosure between providers (of data outside Kanta
    /// too) is in force.
    pub disclosure_consent: bool,
    pub living_will: Option<LivingWillText>,
    pub organ_donation: Option<OrganDonationText>,
}

/// What a query was given: what it asked for, as far as the person's denials let it,
/// and how many of those the denials held back (the asker learns that some exist,
/// never what they are).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProviderAnswer {
    pub documents: Vec<DisclosedDocument>,
    pub prescriptions: Vec<DisclosedPrescription>,
    pub declarations: Option<Declarations>,
    /// The wellbeing measurements, when the person allowed the organisation to read
    /// them (otherwise held back, and counted as withheld).
    pub measurements: Vec<crate::wellbeing::model::Measurement>,
    pub withheld: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_roles_that_need_it_may_ask() {
        use QueryPurpose as P;
        use QueryRole as R;
        assert!(Asked::Documents.allowed(R::Physician, P::Treatment));
        assert!(Asked::Documents.allowed(R::Nurse, P::Treatment));
        assert!(!Asked::Documents.allowed(R::Pharmacist, P::Dispensing));
        assert!(!Asked::Documents.allowed(R::Pharmacist, P::Treatment));
        assert!(!Asked::Documents.allowed(R::ReimbursementHandler, P::Reimbursement));
        assert!(Asked::Prescriptions.allowed(R::Pharmacist, P::Dispensing));
        assert!(!Asked::Prescriptions.allowed(R::Physician, P::Dispensing));
        assert!(Asked::Prescriptions.allowed(R::ReimbursementHandler, P::Reimbursement));
        assert!(!Asked::Prescriptions.allowed(R::Pharmacist, P::Reimbursement));
        assert!(!Asked::Declarations.allowed(R::Pharmacist, P::Dispensing));
        assert!(Asked::Declarations.allowed(R::Nurse, P::Treatment));
    }

    #[test]
    fn codes_read_back() {
        for r in QueryRole::ALL {
            assert_eq!(QueryRole::from_code(r.code()), Some(*r));
        }
        for p in QueryPurpose::ALL {
            assert_eq!(QueryPurpose::from_code(p.code()), Some(*p));
        }
        for a in Asked::ALL {
            assert_eq!(Asked::from_code(a.code()), Some(*a));
            assert_eq!(Asked::of_action(a.action()), Some(*a));
        }
        assert_eq!(Asked::of_action(Action::ReadDisclosureLog), None);
    }
}
