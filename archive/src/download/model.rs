//! The parts a download is read in, and what its page says it holds.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::model::{
    Abroad, Consents, Document, LivingWillVersion, LoggedAction, OrganDonationVersion, PersonId,
    Prescription, RenewalRequest,
};

/// How many rows of one kind (documents, log entries, measurements) a part holds at
/// most.
pub const BATCH: u32 = 200;

/// The person the download is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonPart {
    pub id: PersonId,
    /// The personal identity code.
    pub hetu: String,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Date,
    /// The id wellbeing data names the person by (FHIR `Patient/<id>`), once there is
    /// some.
    pub patient_id: Option<String>,
}

/// One measurement of wellbeing data, as its app wrote it (FHIR R4 JSON, stored as
/// received).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WellbeingPart {
    pub resource: String,
}

/// A part of a download, in the order they come: the person first, then each kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Person(PersonPart),
    Documents(Vec<Document>),
    Prescriptions(Vec<Prescription>),
    RenewalRequests(Vec<RenewalRequest>),
    /// Every version of the living will, newest first.
    LivingWill(Vec<LivingWillVersion>),
    /// Every version of the organ donation testament, newest first.
    OrganDonation(Vec<OrganDonationVersion>),
    Consents(Consents),
    Abroad(Abroad),
    Wellbeing(Vec<WellbeingPart>),
    /// Others' actions on the person's data, newest first.
    DisclosureLog(Vec<LoggedAction>),
}

/// What a download holds, counted, for its page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DownloadContents {
    pub documents: i64,
    pub lab_results: i64,
    pub prescriptions: i64,
    pub purchases: i64,
    pub renewal_requests: i64,
    pub living_will_versions: i64,
    pub organ_donation_versions: i64,
    pub consent_events: i64,
    pub abroad_events: i64,
    pub measurements: i64,
    pub log_entries: i64,
}
