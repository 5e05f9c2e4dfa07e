//! The OmaKanta archive: who may see or change what, and the audit trail of it.
//!
//! Depends on no web crate. The web side obtains an [`Access`] from
//! [`Archive::access`] and calls operations on it; there is no other way to read a
//! person's data, and every operation writes its audit event in its own transaction.

pub mod hetu;
pub mod model;

#[cfg(feature = "storage")]
mod access;
#[cfg(feature = "storage")]
pub mod clock;
#[cfg(feature = "storage")]
mod db;
#[cfg(feature = "storage")]
pub mod demo;
#[cfg(feature = "storage")]
pub mod desk;
#[cfg(feature = "storage")]
mod error;
#[cfg(feature = "test-support")]
pub mod inspect;
#[cfg(feature = "storage")]
mod living_will;
#[cfg(feature = "storage")]
pub mod medication;
#[cfg(feature = "storage")]
mod prescriptions;
#[cfg(feature = "storage")]
mod records;
#[cfg(feature = "storage")]
pub mod relations;
#[cfg(feature = "storage")]
pub mod renewal;
#[cfg(feature = "storage")]
pub mod rights;
#[cfg(feature = "storage")]
mod sessions;

#[cfg(feature = "storage")]
pub use access::{Access, Action, Actor, Archive, Purpose};
#[cfg(feature = "storage")]
pub use db::{Backend, Db};
#[cfg(feature = "storage")]
pub use error::{ArchiveError, Refusal, StorageError};
#[cfg(feature = "storage")]
pub use living_will::MAX_WISHES_CHARS;
#[cfg(feature = "storage")]
pub use records::MAX_PAGE;
#[cfg(feature = "storage")]
pub use rights::{Right, Section};
#[cfg(feature = "storage")]
pub use sessions::{LoginAttempt, SessionLimits, SessionToken, LOGIN_ATTEMPT_LIFETIME};
