//! Domain types shared with the web side. Plain data: no storage, no rules.
//!
//! This module holds what every section uses (ids, organisations, paging, who is
//! signed in and for whom) and re-exports each section's own model types, so the web
//! side has one path for every type it sees.

use serde::{Deserialize, Serialize};
use time::{Date, PrimitiveDateTime};

pub use crate::abroad::model::{
    countries_on, service_countries, Abroad, AbroadEvent, AbroadNews, CrossBorderService,
    NotAbroad, PatientSummary, ServiceConsent, ServiceCountry, SummaryPerson, DENIALS_NOT_READ,
    DENIALS_READ_FIELD,
};
pub use crate::appointments::model::{
    safe_link, Appointment, AppointmentId, AppointmentKind, Appointments, AppointmentsNews,
    AttendanceMode, PastPeriod, ProfessionalRole, MAX_PAST,
};
pub use crate::audit::{Action, Outcome, Refusal};
pub use crate::certificates::model::{
    Certificate, CertificateForm, CertificateId, CertificateSummary, CertificatesNews,
    ForwardedCertificate, Forwarding, IssuerRole, Recipient,
};
pub use crate::consents::model::{
    About, Choice, ChoiceEvent, ChoiceKind, ChoicePreview, Consents, ConsentsNews, InForce,
    NoticeAcknowledged, Register, NOTICE_VERSION,
};
pub use crate::declaration::{Declaration, DeclarationNews, Version, VersionEvent};
pub use crate::disclosure_log::model::{
    DisclosureLog, LogEntry, LogFilter, LoggedAction, ProviderActor, MAX_LOG_PAGE,
};
pub use crate::feedback::model::{
    Feedback, ReceivedFeedback, MAX_CONTACT_CHARS, MAX_FEEDBACK_CHARS, MAX_PAGE_CHARS,
};
pub use crate::living_will::model::{
    LivingWill, LivingWillText, LivingWillVersion, Treatment, TreatmentWish, MAX_WISHES_CHARS,
};
pub use crate::news::model::{DisclosureNews, FrontPage, News, PrescriptionsNews, RecordsNews};
pub use crate::organ_donation::model::{
    Donatable, DonatableKind, DonationDecision, OrganDonation, OrganDonationText,
    OrganDonationVersion, MAX_DONATION_NOTES_CHARS,
};
pub use crate::prescriptions::model::{
    CareSetting, Dispensation, Medication, MedicationGroup, MedicationList, MedicationSource,
    Prescription, PrescriptionDetail, PrescriptionId, PrescriptionStatus, RecordedMedication,
    RenewalBlock, RenewalForm, RenewalRequest, RenewalRequestId, RenewalStatus, RenewalStep,
    SummaryScope, KEY_REUSED, MAX_MESSAGE_CHARS,
};
pub use crate::providers::model::{
    Asked, Declarations, DisclosedDocument, DisclosedPrescription, ProviderAnswer, ProviderQuery,
    QueryPurpose, QueryRole,
};
pub use crate::records::model::{
    AbnormalFlag, DelayedDocument, Document, DocumentId, DocumentKind, DocumentSummary, KindEntry,
    LabPoint, LabSeries, LabTest, LabTests, LabTrend, LabValue, MaybeDelayed, MeasuredValue,
    RecordFilter, RecordsPage, ServiceEventId, ServiceEventKind, ServiceEventRef, Summaries,
    SummaryEntry, TrendPeriod, MAX_PAGE,
};
pub use crate::section::{Holder, MandateScope, NavGroup, Scopes, Section};
pub use crate::social_welfare::model::{
    DesignatedWorker, ServiceTask, ServiceTaskRecords, SocialDocument, SocialDocumentId,
    SocialDocumentKind, SocialDocumentSummary, SocialWelfare, SocialWelfareNews, WorkerRole,
};
pub use crate::wellbeing::form::{format_value, parse_decimal, ReadingForm};
pub use crate::wellbeing::model::{
    Measure, MeasureLatest, MeasureSeries, MeasureSpec, Measurement, MeasurementId, Reading,
    Source, ValueSpec, WellbeingNews, WellbeingOverview, WellbeingPeriod, When, LOINC_SYSTEM,
    MAX_SERIES, WELLBEING_FROM_AGE,
};
pub use crate::wellbeing::sharing::{
    App, AppId, AppScopes, Grantee, Permission, Rights, ScopedType, Share, ShareEvent,
    WellbeingSharing,
};

/// A closed set's codes in one table: `code()` (stable: stored, in addresses and in
/// message ids), `from_code()` its inverse, and `ALL`, every value in the table's order.
/// A value without a code does not compile (the match is exhaustive), and a code given
/// twice does not either (an unreachable pattern, denied by the lints).
#[macro_export]
macro_rules! codes {
    ($(#[$doc:meta])* $ty:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in the table's order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            $(#[$doc])*
            #[must_use]
            pub const fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code),+
                }
            }

            /// The value `code` names, if any.
            #[must_use]
            pub fn from_code(code: &str) -> Option<Self> {
                match code {
                    $($code => Some(Self::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

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

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map(Self)
            }
        }
    };
}
pub(crate) use id_type;

id_type!(
    /// A person in the archive. Opaque; not the identity code.
    PersonId
);

/// Whether `key` is shaped as a form's idempotency key: 16 to 128 letters, digits, `-`
/// and `_`. A change made from a form carries one, so that the form sent again (or
/// its page rendered more than once on the server) makes the change once.
#[must_use]
pub fn is_form_key(key: &str) -> bool {
    (16..=128).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A language the service speaks, and that records are written in: of a document's
/// text, and the one a person chose for the service.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, strum::VariantArray,
)]
pub enum Language {
    #[default]
    Fi,
    Sv,
    En,
}

crate::codes! {
    /// The BCP 47 code (`fi`, `sv`, `en`), as stored and as HTML's `lang` takes it.
    Language {
        Fi => "fi",
        Sv => "sv",
        En => "en",
    }
}
id_type!(OrganisationId);
id_type!(UnitId);

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
    pub const LOINC: &str = "http://loinc.org";
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationRef {
    pub id: OrganisationId,
    pub name: String,
}

/// A half-open range of days `[from, to]`, both inclusive, either open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// A page of a keyset-paged list. `next` is an opaque cursor for the following page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

/// By which right someone acts for a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RightKind {
    Own,
    Guardian,
    Mandate,
}

crate::codes! {
    RightKind {
        Own => "own",
        Guardian => "guardian",
        Mandate => "mandate",
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
    /// How the session's forms name the person: opaque, never the person's id.
    pub handle: String,
    pub display_name: String,
    /// The right, when there is one today.
    pub right: Option<RightKind>,
    /// Why not, when there is none.
    pub refusal: Option<Refusal>,
    /// The last day of the mandate this right rests on, when it ends within
    /// [`crate::rights::MANDATE_END_NOTICE_DAYS`].
    pub ends_on: Option<Date>,
}

/// A mandate the signed-in person has given that ends soon: told on their front page,
/// so that they can give a new one in time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MandateEnding {
    /// Whom it was given to.
    pub holder_name: String,
    /// Its last day.
    pub ends_on: Date,
}

/// Whom the signed-in person may act for, and the mandates they gave that end soon.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProxyOverview {
    pub options: Vec<ProxyOption>,
    pub mandates_ending: Vec<MandateEnding>,
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
