//! The disclosure log's model: what others did with the person's data.

use serde::{Deserialize, Serialize};
use time::PrimitiveDateTime;

use crate::audit::{Action, Outcome};
use crate::model::RightKind;

/// One thing someone else did with the person's data, for the disclosure log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedAction {
    /// Finnish time.
    pub at: PrimitiveDateTime,
    pub actor_name: String,
    /// By which right; `None` when the actor had none (a refused attempt).
    pub right: Option<RightKind>,
    pub action: Action,
    pub outcome: Outcome,
}

/// The disclosure log: what others did with the person's data, and the certificates
/// forwarded to other organisations (each a disclosure to that organisation), each
/// newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisclosureLog {
    pub actions: Vec<LoggedAction>,
    pub forwardings: Vec<crate::certificates::model::ForwardedCertificate>,
}
