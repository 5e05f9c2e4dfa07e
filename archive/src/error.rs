//! The archive's errors. None carries personal data or database message text, so
//! each can be logged as it is and mapped to a safe code at the web boundary.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why the archive refused to act. Each has a stable code the page translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// The actor has no right to act for this person.
    NoRight,
    /// A guardian who has a court-appointed guardian cannot act for a child.
    GuardianUnderGuardianship,
    /// The child or the guardian has a non-disclosure order (turvakielto).
    NonDisclosure,
    /// The child is taken into care.
    ChildInCare,
    /// The mandate is for other matters than health care.
    MandateOutOfScope,
    /// The mandate's period has not begun.
    MandateNotStarted,
    /// The mandate's period is over.
    MandateEnded,
    /// The right does not cover this part of the service.
    NotCovered,
}

impl Refusal {
    pub const ALL: [Self; 8] = [
        Self::NoRight,
        Self::GuardianUnderGuardianship,
        Self::NonDisclosure,
        Self::ChildInCare,
        Self::MandateOutOfScope,
        Self::MandateNotStarted,
        Self::MandateEnded,
        Self::NotCovered,
    ];

    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::NoRight => "no-right",
            Self::GuardianUnderGuardianship => "guardian-under-guardianship",
            Self::NonDisclosure => "non-disclosure",
            Self::ChildInCare => "child-in-care",
            Self::MandateOutOfScope => "mandate-out-of-scope",
            Self::MandateNotStarted => "mandate-not-started",
            Self::MandateEnded => "mandate-ended",
            Self::NotCovered => "not-covered",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("refused: {}", .0.code())]
    Refused(Refusal),
    #[error("not found")]
    NotFound,
    #[error("cannot be renewed: {}", .0.code())]
    NotRenewable(crate::renewal::RenewalBlock),
    #[error("invalid input: {0}")]
    Invalid(&'static str),
    #[error("storage: {0}")]
    Storage(#[from] StorageError),
}

/// A database failure, described without the driver's message (which may quote values).
pub struct StorageError(sqlx::Error);

impl StorageError {
    /// The constraint a database error names, for matching by name, never by message.
    #[must_use]
    pub fn constraint(&self) -> Option<&str> {
        match &self.0 {
            sqlx::Error::Database(e) => e.constraint(),
            _ => None,
        }
    }
}

impl From<sqlx::Error> for StorageError {
    fn from(e: sqlx::Error) -> Self {
        Self(e)
    }
}

impl From<sqlx::Error> for ArchiveError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::RowNotFound => Self::NotFound,
            other => Self::Storage(StorageError(other)),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for ArchiveError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        Self::Storage(StorageError(sqlx::Error::Migrate(Box::new(e))))
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            sqlx::Error::Database(e) => write!(
                f,
                "database error (code {}, constraint {})",
                e.code().as_deref().unwrap_or("-"),
                e.constraint().unwrap_or("-")
            ),
            sqlx::Error::PoolTimedOut => f.write_str("connection pool timed out"),
            sqlx::Error::PoolClosed => f.write_str("connection pool closed"),
            sqlx::Error::Io(e) => write!(f, "i/o error ({:?})", e.kind()),
            sqlx::Error::Tls(_) => f.write_str("tls error"),
            sqlx::Error::Protocol(_) => f.write_str("protocol error"),
            sqlx::Error::ColumnDecode { index, .. } => write!(f, "cannot decode column {index}"),
            sqlx::Error::ColumnNotFound(c) => write!(f, "column not found: {c}"),
            sqlx::Error::Configuration(_) => f.write_str("configuration error"),
            sqlx::Error::Migrate(e) => write!(f, "migration failed ({})", migrate_kind(e)),
            _ => f.write_str("database driver error"),
        }
    }
}

fn migrate_kind(e: &sqlx::migrate::MigrateError) -> &'static str {
    use sqlx::migrate::MigrateError as M;
    match e {
        M::VersionMissing(_) => "a migration that ran is missing",
        M::VersionMismatch(_) => "a migration that ran was changed",
        M::Execute(_) | M::ExecuteMigration(..) => "a migration failed to run",
        _ => "other",
    }
}

impl fmt::Debug for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "StorageError({self})")
    }
}

impl std::error::Error for StorageError {}
