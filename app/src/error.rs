//! The one error type at the server-function boundary. It carries only safe codes;
//! the page turns each into a translated message.

use leptos::prelude::*;
use leptos::server_fn::codec::JsonEncoding;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Not signed in, or the session has ended.
    #[error("unauthenticated")]
    Unauthenticated,
    /// Signed in, but the archive refused, for `reason`.
    #[error("forbidden")]
    Forbidden { reason: archive::Refusal },
    #[error("not found")]
    NotFound,
    /// Fields of the request are wrong: each field (its control's id) with a code
    /// naming how, every wrong field at once, in the form's order.
    #[error("invalid input")]
    Invalid { fields: Vec<(String, String)> },
    /// A rule refuses what was asked (a renewal that may not be asked for); `code`
    /// names the rule's reason.
    #[error("blocked")]
    Blocked { code: String },
    /// Something failed on the server; `reference` finds the log line.
    #[error("internal error")]
    Internal { reference: String },
    /// The request itself could not be made or read.
    #[error("request failed")]
    Request,
}

impl AppError {
    /// A field of the request that is wrong, and how.
    #[must_use]
    pub fn invalid(field: &str, code: &str) -> Self {
        Self::Invalid {
            fields: vec![(field.into(), code.into())],
        }
    }

    /// What was wrong with a request's fields (none: `Ok`).
    ///
    /// # Errors
    /// `Invalid` with every field in `problems`, when there are any.
    pub fn check(problems: Vec<(String, String)>) -> Result<(), Self> {
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Self::Invalid { fields: problems })
        }
    }

    /// The message id of the error's explanation.
    #[must_use]
    pub fn message_id(&self) -> String {
        match self {
            Self::Unauthenticated => "error-unauthenticated".into(),
            Self::Forbidden { reason } => format!("error-forbidden-{}", reason.code()),
            Self::NotFound => "error-not-found".into(),
            Self::Invalid { fields } => fields.first().map_or_else(
                || "error-request".into(),
                |(_, code)| format!("error-invalid-{code}"),
            ),
            Self::Blocked { code } => format!("error-invalid-{code}"),
            Self::Internal { .. } => "error-internal".into(),
            Self::Request => "error-request".into(),
        }
    }

    #[must_use]
    pub fn status(&self) -> http::StatusCode {
        match self {
            Self::Unauthenticated => http::StatusCode::UNAUTHORIZED,
            Self::Forbidden { .. } => http::StatusCode::FORBIDDEN,
            Self::NotFound => http::StatusCode::NOT_FOUND,
            Self::Invalid { .. } | Self::Blocked { .. } => http::StatusCode::BAD_REQUEST,
            Self::Internal { .. } | Self::Request => http::StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(_: ServerFnErrorErr) -> Self {
        Self::Request
    }
}
