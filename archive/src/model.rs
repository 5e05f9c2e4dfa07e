//! Domain types shared with the web side. Plain data: no storage, no rules.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::{Date, PrimitiveDateTime};

macro_rules! id_type {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(i64);

        impl $name {
            /// The raw value, for storage.
            #[must_use]
            pub const fn get(self) -> i64 {
                self.0
            }
            /// Wraps a raw value read from storage or a URL. Existence and access are
            /// checked where it is used, never assumed.
            #[must_use]
            pub const fn from_raw(raw: i64) -> Self {
                Self(raw)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map(Self)
            }
        }
    };
}

id_type!(
    /// A person in the archive. Opaque; not the identity code.
    PersonId
);
id_type!(OrganisationId);
id_type!(UnitId);
id_type!(ServiceEventId);
id_type!(DocumentId);

/// The kinds of health-record entry the archive holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    VisitNote,
    Diagnosis,
    RiskInformation,
    Vaccination,
    Procedure,
    LabResult,
    ImagingStudy,
}

impl DocumentKind {
    pub const ALL: [Self; 7] = [
        Self::VisitNote,
        Self::Diagnosis,
        Self::RiskInformation,
        Self::Vaccination,
        Self::Procedure,
        Self::LabResult,
        Self::ImagingStudy,
    ];

    /// The stable code used in storage, URLs and message ids.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::VisitNote => "visit-note",
            Self::Diagnosis => "diagnosis",
            Self::RiskInformation => "risk",
            Self::Vaccination => "vaccination",
            Self::Procedure => "procedure",
            Self::LabResult => "lab-result",
            Self::ImagingStudy => "imaging",
        }
    }

    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Whether a service event was a single visit or a longer course of treatment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ServiceEventKind {
    Visit,
    CourseOfTreatment,
}

impl ServiceEventKind {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Visit => "visit",
            Self::CourseOfTreatment => "course",
        }
    }

    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "visit" => Some(Self::Visit),
            "course" => Some(Self::CourseOfTreatment),
            _ => None,
        }
    }
}

/// A code from a code system (ICD-10, ATC, NCSP, LOINC, …) with its display text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coding {
    pub system: String,
    pub code: String,
    pub display: String,
}

/// Code systems used in the archive.
pub mod systems {
    pub const ICD10: &str = "http://hl7.org/fhir/sid/icd-10";
    pub const ATC: &str = "http://www.whocc.no/atc";
    pub const NCSP: &str = "urn:oid:1.2.246.537.6.2";
    pub const FI_LAB: &str = "urn:oid:1.2.246.537.6.3";
    pub const FI_IMAGING: &str = "urn:oid:1.2.246.537.6.1401";
    pub const FI_RISK: &str = "urn:oid:1.2.246.537.6.1";
}

/// How a laboratory value relates to its reference range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AbnormalFlag {
    Normal,
    Low,
    High,
}

impl AbnormalFlag {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Normal => "N",
            Self::Low => "L",
            Self::High => "H",
        }
    }

    #[must_use]
    pub fn from_code(code: &str) -> Self {
        match code {
            "L" => Self::Low,
            "H" => Self::High,
            _ => Self::Normal,
        }
    }

    /// The flag a value earns against a reference range.
    #[must_use]
    pub fn of(value: f64, low: Option<f64>, high: Option<f64>) -> Self {
        match (low, high) {
            (Some(l), _) if value < l => Self::Low,
            (_, Some(h)) if value > h => Self::High,
            _ => Self::Normal,
        }
    }
}

/// A laboratory result's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabValue {
    pub test_code: String,
    pub test_name: String,
    pub value: f64,
    pub unit: String,
    pub reference_low: Option<f64>,
    pub reference_high: Option<f64>,
    pub flag: AbnormalFlag,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationRef {
    pub id: OrganisationId,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceEventRef {
    pub id: ServiceEventId,
    pub kind: ServiceEventKind,
    pub title: String,
}

/// One line of the health-records list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentSummary {
    pub id: DocumentId,
    pub kind: DocumentKind,
    pub recorded_at: PrimitiveDateTime,
    pub title: String,
    pub organisation: OrganisationRef,
    pub unit: String,
    pub professional: Option<String>,
    pub service_event: ServiceEventRef,
}

/// A whole document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub summary: DocumentSummary,
    /// Free text: a visit note, an imaging report, a description of a risk.
    pub text: Option<String>,
    pub coding: Option<Coding>,
    pub lab: Option<LabValue>,
}

/// A half-open range of days `[from, to]`, both inclusive, either open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// What the health-records list is narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordFilter {
    pub range: DateRange,
    pub organisation: Option<OrganisationId>,
    pub kind: Option<DocumentKind>,
}

impl RecordFilter {
    /// The default view: the last twelve months up to `today`.
    #[must_use]
    pub fn last_twelve_months(today: Date) -> Self {
        let from = today
            .replace_year(today.year() - 1)
            .unwrap_or_else(|_| today - time::Duration::days(365));
        Self {
            range: DateRange {
                from: Some(from),
                to: Some(today),
            },
            ..Self::default()
        }
    }
}

/// A page of a keyset-paged list. `next` is an opaque cursor for the following page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

/// The health-records list with the organisations the person's records come from (for the filter).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordsPage {
    pub documents: Page<DocumentSummary>,
    pub organisations: Vec<OrganisationRef>,
}

/// One entry in a summary (a diagnosis, a risk, a vaccination).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryEntry {
    pub coding: Coding,
    pub first_recorded: PrimitiveDateTime,
    pub last_recorded: PrimitiveDateTime,
    pub times: i64,
    pub latest_document: DocumentId,
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summaries {
    pub diagnoses: Vec<SummaryEntry>,
    pub risks: Vec<SummaryEntry>,
    pub vaccinations: Vec<SummaryEntry>,
}

/// One measurement of a laboratory test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabPoint {
    pub document: DocumentId,
    pub taken_at: PrimitiveDateTime,
    pub value: f64,
    pub flag: AbnormalFlag,
}

/// A laboratory test the person has results of, with the latest one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabTest {
    pub test_code: String,
    pub test_name: String,
    pub unit: String,
    pub reference_low: Option<f64>,
    pub reference_high: Option<f64>,
    pub latest: LabPoint,
    pub count: i64,
}

/// All results of one test, oldest first, for a trend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabSeries {
    pub test_code: String,
    pub test_name: String,
    pub unit: String,
    pub reference_low: Option<f64>,
    pub reference_high: Option<f64>,
    pub points: Vec<LabPoint>,
}

/// By which right someone acts for a person. Only `Own` is granted yet; the
/// others are resolved by the archive when the proxy rules land.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RightKind {
    Own,
    Guardian,
    Mandate,
}

impl RightKind {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Own => "own",
            Self::Guardian => "guardian",
            Self::Mandate => "mandate",
        }
    }
}

/// The person a session acts for, when not the signed-in person themself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActingFor {
    pub person: PersonId,
    pub display_name: String,
}

/// Someone the signed-in person may (or, with a reason, may not) act for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProxyOption {
    pub person: PersonId,
    pub display_name: String,
    /// The right, when there is one today.
    pub right: Option<RightKind>,
    /// Why not, when there is none (a refusal code).
    pub refusal: Option<String>,
}

/// One thing someone else did with the person's data, for the disclosure log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedAction {
    /// Finnish time.
    pub at: PrimitiveDateTime,
    pub actor_name: String,
    /// The right code ("guardian", "mandate", "none").
    pub right: String,
    /// The action code ("records.read", …).
    pub action: String,
    /// "ok" or a refusal code.
    pub outcome: String,
}

/// The signed-in person as the web side shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIn {
    pub person: PersonId,
    pub display_name: String,
    /// Age today.
    pub age: i32,
    /// Whom the session acts for, if someone else.
    pub acting_for: Option<ActingFor>,
    /// Seconds until the session ends unless it is used (the idle or the absolute
    /// limit, whichever comes first).
    pub seconds_left: i64,
    /// When that is, in Finnish time.
    pub ends_at: PrimitiveDateTime,
}

/// A demo person offered by the development sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoPerson {
    pub person: PersonId,
    pub display_name: String,
    pub birth_date: Date,
    pub note: String,
}

id_type!(PrescriptionId);
id_type!(RenewalRequestId);

/// Where a prescription stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PrescriptionStatus {
    Valid,
    Expired,
    Cancelled,
    RenewalRequested,
}

impl PrescriptionStatus {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Valid => "valid",
            Self::Expired => "expired",
            Self::Cancelled => "cancelled",
            Self::RenewalRequested => "renewal-requested",
        }
    }

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
    /// `None` when a renewal may be asked for now; otherwise why not (a code).
    pub renewal_block: Option<String>,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RenewalStatus {
    Sent,
    InProcessing,
    Renewed,
    Rejected,
    Expired,
}

impl RenewalStatus {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Sent => "sent",
            Self::InProcessing => "in-processing",
            Self::Renewed => "renewed",
            Self::Rejected => "rejected",
            Self::Expired => "expired",
        }
    }

    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        [
            Self::Sent,
            Self::InProcessing,
            Self::Renewed,
            Self::Rejected,
            Self::Expired,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

/// What the person fills in to ask for a renewal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenewalForm {
    pub organisation: OrganisationId,
    pub message: Option<String>,
    pub share_other_prescriptions: bool,
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
}

/// One medicine on the medication list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Medication {
    /// The newest valid prescription of it.
    pub prescription: PrescriptionId,
    pub product: String,
    pub strength: String,
    pub form: String,
    pub atc: String,
    pub dosage: String,
    pub prescriber: String,
    pub organisation: String,
    pub valid_until: Date,
    /// The last purchase from any of its valid prescriptions; `None` if never bought.
    pub last_dispensed: Option<Date>,
    pub narcotic: bool,
    pub central_nervous_system: bool,
    pub renewal_requested: bool,
}

/// Medicines of one ATC anatomical main group (the code's first letter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MedicationGroup {
    /// "A", "C", "N", … or "?" for a code that names no group.
    pub group: String,
    pub medicines: Vec<Medication>,
}

/// What the person takes now, as their valid prescriptions show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MedicationList {
    /// When the list was compiled, Finnish time.
    pub compiled_at: PrimitiveDateTime,
    pub groups: Vec<MedicationGroup>,
}

/// A wish about one life-sustaining treatment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TreatmentWish {
    Want,
    Refuse,
    Undecided,
}

impl TreatmentWish {
    pub const ALL: [Self; 3] = [Self::Want, Self::Refuse, Self::Undecided];

    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Want => "want",
            Self::Refuse => "refuse",
            Self::Undecided => "undecided",
        }
    }

    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.code() == code)
    }
}

/// The life-sustaining treatments a living will takes a position on, in the order the
/// form asks about them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Treatment {
    Resuscitation,
    Ventilation,
    TubeFeeding,
    Dialysis,
    /// Enough pain relief even if it may shorten life.
    PainRelief,
}

impl Treatment {
    pub const ALL: [Self; 5] = [
        Self::Resuscitation,
        Self::Ventilation,
        Self::TubeFeeding,
        Self::Dialysis,
        Self::PainRelief,
    ];

    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Resuscitation => "resuscitation",
            Self::Ventilation => "ventilation",
            Self::TubeFeeding => "tube-feeding",
            Self::Dialysis => "dialysis",
            Self::PainRelief => "pain-relief",
        }
    }
}

/// What a living will says: free text and a wish about each treatment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LivingWillText {
    pub wishes: String,
    /// One per [`Treatment::ALL`], in that order.
    pub treatments: Vec<(Treatment, TreatmentWish)>,
}

/// One version of a living will; `text` is `None` for a withdrawal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LivingWillVersion {
    pub version: i64,
    pub text: Option<LivingWillText>,
    /// Finnish time.
    pub written_at: PrimitiveDateTime,
}

/// A person's living will: what is in force now, and every version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LivingWill {
    /// The will in force, if any (not withdrawn).
    pub current: Option<LivingWillVersion>,
    /// Every version, newest first.
    pub history: Vec<LivingWillVersion>,
}
