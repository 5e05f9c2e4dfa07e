//! The disclosure log's model: what others did with the person's data — proxies, and
//! care organisations' queries.

use serde::{Deserialize, Serialize};
use time::{Date, PrimitiveDateTime};

use crate::audit::{Action, Outcome};
use crate::model::{DateRange, OrganisationId, OrganisationRef, RightKind};
use crate::providers::model::{DisclosedDocument, DisclosedPrescription, QueryPurpose, QueryRole};

/// How many entries a page of the log holds at most.
pub const MAX_LOG_PAGE: u32 = 500;

/// What narrows the log: a range of days (both inclusive, either open) and one
/// organisation (its queries only).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogFilter {
    pub range: DateRange,
    pub organisation: Option<OrganisationId>,
}

impl LogFilter {
    /// The default view: the last two years up to `today`.
    #[must_use]
    pub fn last_two_years(today: Date) -> Self {
        let from = today
            .replace_year(today.year() - 2)
            .unwrap_or_else(|_| today - time::Duration::days(2 * 365));
        Self {
            range: DateRange {
                from: Some(from),
                to: Some(today),
            },
            organisation: None,
        }
    }
}

/// A care organisation that asked: its unit, the role, why, and how much was
/// disclosed and held back by the person's denials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderActor {
    pub unit: Option<String>,
    pub role: QueryRole,
    pub purpose: QueryPurpose,
    pub disclosed: u32,
    pub withheld: u32,
}

/// One thing someone else did with the person's data, for the disclosure log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedAction {
    /// The entry's opaque key, for its page.
    pub key: String,
    /// Finnish time.
    pub at: PrimitiveDateTime,
    /// A person's name, or the organisation's.
    pub actor_name: String,
    /// By which right a person acted; `None` when they had none (a refused attempt)
    /// or an organisation asked.
    pub right: Option<RightKind>,
    /// When a care organisation asked.
    pub provider: Option<ProviderActor>,
    pub action: Action,
    pub outcome: Outcome,
}

/// The disclosure log: a page of what others did with the person's data, newest
/// first, as `filter` narrowed it, and the certificates forwarded to other
/// organisations (each a disclosure to that organisation), newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisclosureLog {
    pub actions: Vec<LoggedAction>,
    /// The cursor of the next page, when there is one.
    pub next: Option<String>,
    pub forwardings: Vec<crate::certificates::model::ForwardedCertificate>,
    /// The organisations that have asked for the person's data, for the filter.
    pub organisations: Vec<OrganisationRef>,
}

/// One entry of the log and what it disclosed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    pub action: LoggedAction,
    pub documents: Vec<DisclosedDocument>,
    pub prescriptions: Vec<DisclosedPrescription>,
}
