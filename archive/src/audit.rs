//! The codes of the audit trail: what was done ([`Action`]) and why the archive refused
//! ([`Refusal`]). Shared with the browser build, so the web side carries these enums,
//! never their strings. Their lists come from the enums themselves (`VARIANTS`), so a
//! new one cannot be left out of a matrix or of the messages.

use serde::{Deserialize, Serialize};
use strum::VariantArray;

use crate::section::Section;

/// No person: the actor the audit trail names for the archive's own processes (the
/// prescription centre's desk, imports of summaries), told apart by their right
/// (`prescription-centre`, `import`).
pub const ARCHIVE_ITSELF: crate::model::PersonId = crate::model::PersonId::from_raw(0);

/// Why the archive refused to act. Each has a stable code the page translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum Refusal {
    /// The actor has no right to act for this person.
    NoRight,
    /// A guardian who has a court-appointed guardian cannot act for a child.
    GuardianUnderGuardianship,
    /// The child or the guardian has a non-disclosure order (turvakielto).
    NonDisclosure,
    /// The child is taken into care.
    ChildInCare,
    /// The mandate is for other matters than health care.
    MandateOutOfScope,
    /// The mandate's period has not begun.
    MandateNotStarted,
    /// The mandate's period is over.
    MandateEnded,
    /// The right does not cover this part of the service.
    NotCovered,
    /// What a proxy is told when a register fact blocks the right (a non-disclosure
    /// order, a child taken into care, a court-appointed guardian): that there is no
    /// right to act now. The specific reason stays in the audit trail.
    NoRightNow,
    /// The person is younger than the section's age ([`crate::section::Coverage`]'s
    /// `own_from_age`: wellbeing data from 16).
    UnderAge,
    /// An app the person has not allowed to do this (never, or no longer: withdrawn;
    /// or allowed to read, not to write).
    NotShared,
    /// An app whose access token's scopes do not reach this.
    OutOfScope,
}

crate::codes! {
    Refusal {
        NoRight => "no-right",
        GuardianUnderGuardianship => "guardian-under-guardianship",
        NonDisclosure => "non-disclosure",
        ChildInCare => "child-in-care",
        MandateOutOfScope => "mandate-out-of-scope",
        MandateNotStarted => "mandate-not-started",
        MandateEnded => "mandate-ended",
        NotCovered => "not-covered",
        NoRightNow => "no-right-now",
        UnderAge => "under-age",
        NotShared => "not-shared",
        OutOfScope => "out-of-scope",
    }
}

impl Refusal {
    /// What the actor is told: a block by the register's facts about the people
    /// involved is not theirs to learn; the rest is.
    #[must_use]
    pub const fn as_told(self) -> Self {
        match self {
            Self::GuardianUnderGuardianship | Self::NonDisclosure | Self::ChildInCare => {
                Self::NoRightNow
            }
            other => other,
        }
    }
}

/// How an audited attempt ended, as the trail records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Done.
    Done,
    /// The right did not reach it.
    Refused(Refusal),
    /// Nothing the right may see was there.
    NotFound,
    /// A rule or the input refused it (the trail keeps the code).
    Blocked,
}

impl Outcome {
    /// The outcome as someone other than the actor may be told it: a refusal by the
    /// register's facts about the people involved says only that there was no right
    /// at the time ([`Refusal::as_told`]).
    #[must_use]
    pub const fn as_told(self) -> Self {
        match self {
            Self::Refused(refusal) => Self::Refused(refusal.as_told()),
            other => other,
        }
    }

    /// The outcome a stored code records.
    #[must_use]
    pub fn from_code(code: &str) -> Self {
        match code {
            "ok" => Self::Done,
            "not-found" => Self::NotFound,
            other => Refusal::from_code(other).map_or(Self::Blocked, Self::Refused),
        }
    }
}

/// What an audit event says was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    AccessRefused,
    SignIn,
    SignOut,
    /// The person chose the service's language (kept for their next sign-in).
    ChooseLanguage,
    ListRecords,
    ReadDocument,
    ReadSummaries,
    /// A summary of one kind (every measurement, imaging study, … in a date range).
    ReadKindSummary,
    ListLabTests,
    ReadLabSeries,
    /// What is new in the records since the previous visit (the front page).
    RecordsNews,
    ReadDisclosureLog,
    DisclosureLogNews,
    ListProxies,
    ActFor,
    ListPrescriptions,
    ReadPrescription,
    RequestRenewal,
    ListRenewalRequests,
    ReadMedicationList,
    PrescriptionsNews,
    /// The prescription centre moving a renewal request on (the demo's simulator).
    ProcessRenewal,
    ReadLivingWill,
    WriteLivingWill,
    WithdrawLivingWill,
    ReadOrganDonation,
    WriteOrganDonation,
    WithdrawOrganDonation,
    ReadConsents,
    AcknowledgeNotice,
    GiveConsent,
    WithdrawConsent,
    /// The consents abroad, the countries where each service works, their history.
    ReadAbroad,
    /// The person's Patient Summary (HL7 IPS), shown or downloaded.
    ReadPatientSummary,
    GiveAbroadConsent,
    WithdrawAbroadConsent,
    ListAppointments,
    ReadAppointment,
    /// Appointments written into a calendar file (one, or all to come).
    ExportAppointments,
    AppointmentsNews,
    ListSocialWelfare,
    ReadSocialDocument,
    SocialWelfareNews,
    ListCertificates,
    ReadCertificate,
    CertificatesNews,
    /// A care organisation's query of the person's documents ([`crate::providers`]).
    ProviderDocuments,
    /// A care organisation's (or a pharmacy's, or Kela's) query of prescriptions.
    ProviderPrescriptions,
    /// A care organisation's query of the consent, the living will and the organ
    /// donation testament.
    ProviderDeclarations,
    ProviderWellbeing,
    /// A patient summary written outside Kanta kept as the person's data
    /// ([`crate::imports`]), by the operator's tool.
    ImportSummary,
    /// Wellbeing data: each kind's newest, or one kind's readings over a period.
    ReadWellbeing,
    ReadMeasurement,
    AddMeasurement,
    ChangeMeasurement,
    DeleteMeasurement,
    /// The person's own FHIR Patient resource, read or written (created or updated) by
    /// their app through the FHIR interface.
    ReadPatient,
    WritePatient,
    /// Who may use the wellbeing data: the choices in force and their history.
    ReadWellbeingSharing,
    ShareWellbeing,
    StopSharingWellbeing,
    /// What a download of all the person's data holds, counted (its page).
    ReadDownload,
    /// All the person's data downloaded as one file.
    Download,
}

crate::codes! {
    Action {
        AccessRefused => "access.refused",
        SignIn => "session.sign-in",
        SignOut => "session.sign-out",
        ChooseLanguage => "session.language",
        ListRecords => "records.list",
        ReadDocument => "records.read",
        ReadSummaries => "summaries.read",
        ReadKindSummary => "summaries.kind",
        ListLabTests => "lab.list",
        ReadLabSeries => "lab.series",
        RecordsNews => "records.news",
        DisclosureLogNews => "disclosure-log.news",
        PrescriptionsNews => "prescriptions.news",
        ReadDisclosureLog => "disclosure-log.read",
        ListProxies => "proxies.list",
        ActFor => "session.act-for",
        ListPrescriptions => "prescriptions.list",
        ReadPrescription => "prescriptions.read",
        RequestRenewal => "prescriptions.renewal-request",
        ListRenewalRequests => "prescriptions.renewal-list",
        ReadMedicationList => "medication-list.read",
        ProcessRenewal => "prescriptions.renewal-process",
        ReadLivingWill => "living-will.read",
        WriteLivingWill => "living-will.write",
        WithdrawLivingWill => "living-will.withdraw",
        ReadOrganDonation => "organ-donation.read",
        WriteOrganDonation => "organ-donation.write",
        WithdrawOrganDonation => "organ-donation.withdraw",
        ReadConsents => "consents.read",
        AcknowledgeNotice => "consents.notice",
        GiveConsent => "consents.give",
        WithdrawConsent => "consents.withdraw",
        ReadAbroad => "abroad.read",
        ReadPatientSummary => "abroad.summary",
        GiveAbroadConsent => "abroad.give",
        WithdrawAbroadConsent => "abroad.withdraw",
        ListAppointments => "appointments.list",
        ReadAppointment => "appointments.read",
        ExportAppointments => "appointments.calendar",
        AppointmentsNews => "appointments.news",
        ListSocialWelfare => "social-welfare.list",
        ReadSocialDocument => "social-welfare.read",
        SocialWelfareNews => "social-welfare.news",
        ListCertificates => "certificates.list",
        ReadCertificate => "certificates.read",
        CertificatesNews => "certificates.news",
        ProviderDocuments => "provider.documents",
        ProviderPrescriptions => "provider.prescriptions",
        ProviderDeclarations => "provider.declarations",
        ProviderWellbeing => "provider.wellbeing",
        ImportSummary => "records.import",
        ReadWellbeing => "wellbeing.read",
        ReadMeasurement => "wellbeing.read-one",
        AddMeasurement => "wellbeing.add",
        ChangeMeasurement => "wellbeing.change",
        DeleteMeasurement => "wellbeing.delete",
        ReadPatient => "wellbeing.patient-read",
        WritePatient => "wellbeing.patient-write",
        ReadWellbeingSharing => "wellbeing.read-sharing",
        ShareWellbeing => "wellbeing.share",
        StopSharingWellbeing => "wellbeing.stop-sharing",
        ReadDownload => "download.read",
        Download => "download.file",
    }
}

impl Action {
    /// The section an operation on a person's data belongs to; `None` for what is not
    /// one (signing in, choosing whom to act for, a refusal of access as such) and for
    /// a care organisation's query, which no [`crate::Access`] makes.
    #[must_use]
    pub const fn section(self) -> Option<Section> {
        match self {
            Self::ListRecords
            | Self::ReadDocument
            | Self::ReadSummaries
            | Self::ReadKindSummary
            | Self::ListLabTests
            | Self::ReadLabSeries
            | Self::RecordsNews => Some(Section::HealthRecords),
            Self::ListPrescriptions
            | Self::ReadPrescription
            | Self::RequestRenewal
            | Self::ListRenewalRequests
            | Self::ReadMedicationList
            | Self::PrescriptionsNews
            | Self::ProcessRenewal => Some(Section::Prescriptions),
            Self::ReadLivingWill | Self::WriteLivingWill | Self::WithdrawLivingWill => {
                Some(Section::LivingWill)
            }
            Self::ReadOrganDonation | Self::WriteOrganDonation | Self::WithdrawOrganDonation => {
                Some(Section::OrganDonation)
            }
            Self::ReadConsents
            | Self::AcknowledgeNotice
            | Self::GiveConsent
            | Self::WithdrawConsent => Some(Section::Consents),
            Self::ReadAbroad
            | Self::ReadPatientSummary
            | Self::GiveAbroadConsent
            | Self::WithdrawAbroadConsent => Some(Section::Abroad),
            Self::ReadDisclosureLog | Self::DisclosureLogNews => Some(Section::DisclosureLog),
            Self::ReadWellbeing
            | Self::ReadMeasurement
            | Self::AddMeasurement
            | Self::ChangeMeasurement
            | Self::DeleteMeasurement
            | Self::ReadPatient
            | Self::WritePatient
            | Self::ReadWellbeingSharing
            | Self::ShareWellbeing
            | Self::StopSharingWellbeing => Some(Section::WellbeingData),
            Self::ListAppointments
            | Self::ReadAppointment
            | Self::ExportAppointments
            | Self::AppointmentsNews => Some(Section::Appointments),
            Self::ListSocialWelfare | Self::ReadSocialDocument | Self::SocialWelfareNews => {
                Some(Section::SocialWelfare)
            }
            Self::ListCertificates | Self::ReadCertificate | Self::CertificatesNews => {
                Some(Section::Certificates)
            }
            Self::ReadDownload | Self::Download => Some(Section::Download),
            Self::AccessRefused
            | Self::SignIn
            | Self::SignOut
            | Self::ChooseLanguage
            | Self::ListProxies
            | Self::ActFor
            | Self::ProviderDocuments
            | Self::ProviderPrescriptions
            | Self::ProviderDeclarations
            | Self::ProviderWellbeing
            | Self::ImportSummary => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        for a in Action::VARIANTS {
            assert_eq!(Action::from_code(a.code()), Some(*a));
        }
        for r in Refusal::VARIANTS {
            assert_eq!(Refusal::from_code(r.code()), Some(*r));
        }
    }
}
