//! The archive's errors. None carries personal data or database message text, so
//! each can be logged as it is and mapped to a safe code at the web boundary.

use std::fmt;

pub use crate::audit::Refusal;

/// What an archive operation can answer instead of its result.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("refused: {}", .0.code())]
    Refused(Refusal),
    #[error("not found")]
    NotFound,
    /// A rule refuses what was asked (a renewal of a prescription that may not be
    /// renewed, …); the code names the rule's reason.
    #[error("blocked: {0}")]
    Blocked(&'static str),
    /// What was asked is wrong: `field` names the input, `code` how.
    #[error("invalid input: {field}: {code}")]
    Invalid {
        field: &'static str,
        code: &'static str,
    },
    /// What was asked is wrong in several fields at once: each (field, code), in the
    /// form's order, never empty.
    #[error("invalid input: {} fields", .0.len())]
    InvalidFields(Vec<(&'static str, &'static str)>),
    /// A stored value cannot be read back, or the machine failed (a fault, never the
    /// request's).
    #[error("stored value cannot be read: {0}")]
    Corrupt(&'static str),
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

impl ArchiveError {
    /// An input that is wrong.
    #[must_use]
    pub const fn invalid(field: &'static str, code: &'static str) -> Self {
        Self::Invalid { field, code }
    }
}
