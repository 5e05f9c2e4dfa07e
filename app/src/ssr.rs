//! Server-side glue for server functions: the archive and the signed-in person from
//! the request, and the mapping of archive errors to safe codes. No rules, no SQL.

use archive::model::SignedIn;
use archive::{Access, Actor, Archive, ArchiveError, Purpose, SessionToken};
use leptos::prelude::*;
use rand::Rng;

use crate::error::AppError;

/// The person a request's session belongs to; put into the request's extensions by
/// the server's session layer.
#[derive(Debug, Clone)]
pub struct Authenticated {
    pub actor: Actor,
    pub signed_in: SignedIn,
    pub token: SessionToken,
}

impl Authenticated {
    /// Whom the session acts for: someone the person chose, or the person themself.
    #[must_use]
    pub fn subject(&self) -> archive::model::PersonId {
        self.signed_in
            .acting_for
            .as_ref()
            .map_or(self.actor.person(), |f| f.person)
    }
}

/// The archive, from the server's context.
///
/// # Errors
/// `Internal` when the server did not provide it (a wiring fault).
pub fn context_archive() -> Result<Archive, AppError> {
    use_context::<Archive>().ok_or_else(|| internal("archive missing from context"))
}

/// The signed-in person, if any.
#[must_use]
pub fn authenticated() -> Option<Authenticated> {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Authenticated>().cloned())
}

/// Access to the data of the person the session acts for (the signed-in person, or
/// whom they chose to act for), as the archive grants it now.
///
/// # Errors
/// `Unauthenticated` without a session; the archive's refusal otherwise.
pub async fn subject_access() -> Result<Access, AppError> {
    let who = authenticated().ok_or(AppError::Unauthenticated)?;
    let archive = context_archive()?;
    Ok(archive
        .access(&who.actor, who.subject(), Purpose::CitizenService)
        .await?)
}

/// A fresh idempotency key for a form that changes something.
#[must_use]
pub fn idempotency_key() -> String {
    let bytes: [u8; 16] = rand::rng().random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// An archive error as a safe code, logging what the browser must not see; server
/// functions answer an archive error with `?`.
impl From<ArchiveError> for AppError {
    fn from(e: ArchiveError) -> Self {
        match e {
            ArchiveError::Refused(reason) => Self::Forbidden { reason },
            ArchiveError::NotFound => Self::NotFound,
            ArchiveError::Blocked(code) => Self::Blocked { code: code.into() },
            ArchiveError::Invalid { field, code } => Self::invalid(field, code),
            ArchiveError::InvalidFields(problems) => Self::Invalid {
                fields: problems
                    .into_iter()
                    .map(|(field, code)| (field.into(), code.into()))
                    .collect(),
            },
            ArchiveError::Corrupt(what) => internal(what),
            ArchiveError::Storage(e) => internal(&e.to_string()),
        }
    }
}

/// An internal error with a fresh reference id; the detail goes to the log only.
#[must_use]
pub fn internal(detail: &str) -> AppError {
    let reference = format!("{:08x}", rand::rng().random::<u32>());
    tracing::error!(%reference, detail, "internal error");
    AppError::Internal { reference }
}
