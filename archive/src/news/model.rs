//! What the front page says is new. Shared with the web side.

use serde::{Deserialize, Serialize};
use time::PrimitiveDateTime;

/// What is new since the previous visit, in each section the right covers (`None`:
/// not covered, or nothing to compare with on a first visit).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct News {
    /// When the person was last here before this visit (their last action before
    /// signing in this time), Finnish time; `None` on a first visit, when nothing is
    /// called new.
    pub since: Option<PrimitiveDateTime>,
    pub records: Option<RecordsNews>,
    pub prescriptions: Option<PrescriptionsNews>,
    pub disclosures: Option<DisclosureNews>,
    pub living_will: Option<crate::declaration::DeclarationNews>,
    pub organ_donation: Option<crate::declaration::DeclarationNews>,
    pub consents: Option<crate::model::ConsentsNews>,
    pub appointments: Option<crate::model::AppointmentsNews>,
    pub social_welfare: Option<crate::model::SocialWelfareNews>,
    pub certificates: Option<crate::model::CertificatesNews>,
    pub wellbeing: Option<crate::wellbeing::model::WellbeingNews>,
    pub abroad: Option<crate::model::AbroadNews>,
}

/// The front page's read: what is new, and, with one's own access, whom one may act
/// for (`None` while acting for someone else).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrontPage {
    pub news: News,
    pub proxies: Option<crate::model::ProxyOverview>,
}

/// Documents that appeared (were recorded, or a delayed one was released).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordsNews {
    pub documents: i64,
    /// Of them, laboratory results.
    pub lab_results: i64,
}

/// Renewal requests answered (renewed or rejected) and prescriptions written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrescriptionsNews {
    pub answered: i64,
    pub new_prescriptions: i64,
}

/// What others did with the person's data: how many entries of the disclosure log,
/// and by whom; and how many certificates were forwarded, and to whom (each a
/// disclosure the log shows).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisclosureNews {
    pub entries: i64,
    pub actors: Vec<String>,
    pub forwarded: i64,
    /// Each recipient once, the latest first.
    pub recipients: Vec<crate::model::Recipient>,
    /// Care organisations' queries, and each organisation once, the latest first.
    pub queries: i64,
    pub askers: Vec<String>,
}
