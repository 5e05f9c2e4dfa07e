//! The OmaKanta archive: who may see or change what, and the audit trail of it.
//!
//! Depends on no web crate. The web side obtains an [`Access`] from
//! [`Archive::access`] and calls operations on it; there is no other way to read a
//! person's data, and every operation writes its audit event in its own transaction.
//!
//! Each section has its folder (`records`, `prescriptions`, `appointments`,
//! `social_welfare`, `certificates`, `living_will`, `organ_donation`, `consents`,
//! `abroad`, `disclosure_log`, `wellbeing`): its model (shared with the browser build) and, with the
//! `storage` feature, its operations. [`section`] is the registry of sections.

pub mod abroad;
pub mod appointments;
pub mod audit;
pub mod certificates;
pub mod consents;
pub mod declaration;
pub mod disclosure_log;
pub mod download;
pub mod feedback;
pub mod hetu;
pub mod living_will;
pub mod model;
pub mod news;
pub mod organ_donation;
pub mod prescriptions;
pub mod providers;
pub mod records;
pub mod section;
pub mod social_welfare;
pub mod wellbeing;

#[cfg(feature = "storage")]
mod access;
#[cfg(feature = "storage")]
mod audit_writer;
#[cfg(feature = "storage")]
pub mod clock;
#[cfg(feature = "storage")]
mod db;
#[cfg(feature = "storage")]
pub mod demo;
#[cfg(feature = "storage")]
mod error;
#[cfg(feature = "storage")]
mod facts;
#[cfg(feature = "storage")]
pub mod imports;
#[cfg(feature = "test-support")]
pub mod inspect;
#[cfg(feature = "storage")]
mod limits;
#[cfg(feature = "storage")]
pub mod relations;
#[cfg(feature = "storage")]
pub mod rights;
#[cfg(feature = "storage")]
mod sessions;

pub use audit::{Action, Refusal};
pub use living_will::model::MAX_WISHES_CHARS;
pub use prescriptions::model::MAX_MESSAGE_CHARS;
pub use records::model::MAX_PAGE;
pub use section::{Holder, NavGroup, Section};

#[cfg(feature = "storage")]
pub use access::{Access, Actor, Archive, Purpose};
#[cfg(feature = "storage")]
pub use db::{Backend, Db};
#[cfg(feature = "storage")]
pub use error::{ArchiveError, StorageError};
#[cfg(feature = "storage")]
pub use rights::Right;
#[cfg(feature = "storage")]
pub use sessions::{ActFor, LoginAttempt, SessionLimits, SessionToken, LOGIN_ATTEMPT_LIFETIME};
