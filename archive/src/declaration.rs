//! What the person's own declarations share (the living will, the organ donation
//! testament): only the person writes, changes and withdraws one, and each change is a
//! version, so its history is kept. Shared with the web side; with `storage`, how a
//! declaration's versions are added and its front-page line read.

use serde::{Deserialize, Serialize};
use time::PrimitiveDateTime;

/// One version of a declaration; `text` is `None` for a withdrawal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version<T> {
    pub version: i64,
    pub text: Option<T>,
    /// Finnish time.
    pub written_at: PrimitiveDateTime,
}

/// What a version did, as its history says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionEvent {
    Written,
    Changed,
    Withdrawn,
}

impl<T> Version<T> {
    /// What this version did: the first written, a later one changed, or withdrawn.
    #[must_use]
    pub const fn event(&self) -> VersionEvent {
        match (&self.text, self.version) {
            (None, _) => VersionEvent::Withdrawn,
            (Some(_), 1) => VersionEvent::Written,
            (Some(_), _) => VersionEvent::Changed,
        }
    }
}

/// A person's declaration: what is in force now, and every version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Declaration<T> {
    /// The declaration in force, if any (not withdrawn).
    pub current: Option<Version<T>>,
    /// Every version, newest first.
    pub history: Vec<Version<T>>,
}

impl<T: Clone> Declaration<T> {
    /// The declaration of its versions, newest first: the newest in force unless it is
    /// a withdrawal.
    #[must_use]
    pub fn of_history(history: Vec<Version<T>>) -> Self {
        Self {
            current: history.first().filter(|v| v.text.is_some()).cloned(),
            history,
        }
    }

    /// What is in force, if anything.
    #[must_use]
    pub fn in_force(&self) -> Option<&T> {
        self.current.as_ref().and_then(|v| v.text.as_ref())
    }
}

/// Where a declaration stands: the front page says it, since only the person changes
/// it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeclarationNews {
    /// None was ever written.
    NoneWritten,
    /// In force, as written then (Finnish time).
    InForce(PrimitiveDateTime),
    /// Withdrawn then (Finnish time).
    Withdrawn(PrimitiveDateTime),
}

#[cfg(feature = "storage")]
pub(crate) mod store {
    //! The storage a declaration's table shares: `(person_id, version, …, withdrawn,
    //! written_by, written_ms)`, a row a version.

    use sqlx::Row as _;

    use super::{DeclarationNews, Version};
    use crate::db::Sql;
    use crate::error::ArchiveError;

    /// The number the next version takes, or `None` when `text` is what is in force
    /// already (or withdrawing when none is): a double submit changes nothing.
    pub(crate) fn next_version<T: PartialEq>(
        history: &[Version<T>],
        text: Option<&T>,
    ) -> Option<i64> {
        let current = history.first().and_then(|v| v.text.as_ref());
        let unchanged = match (text, current) {
            (Some(new), Some(old)) => new == old,
            (None, None) => true,
            _ => false,
        };
        (!unchanged).then(|| history.first().map_or(1, |v| v.version + 1))
    }

    /// A news part ([`crate::news::part::NewsPart`]) of the declaration kept in
    /// `table`: its newest version's time and whether it withdrew, as the columns
    /// `<table>_written_ms` and `<table>_withdrawn`.
    pub(crate) fn push_news(sql: &mut Sql, table: &'static str, person: i64) {
        sql.push(&format!(
            "(SELECT MAX(l.written_ms) AS {table}_written_ms, \
             MAX(l.withdrawn) AS {table}_withdrawn FROM {table} l WHERE l.person_id = "
        ))
        .bind(person)
        .push(&format!(
            " AND l.version = (SELECT MAX(v.version) FROM {table} v WHERE v.person_id = "
        ))
        .bind(person)
        .push("))");
    }

    /// The news [`push_news`] wrote for `table`, read from the statement's row.
    pub(crate) fn news_of(
        row: &sqlx::any::AnyRow,
        table: &'static str,
    ) -> Result<DeclarationNews, ArchiveError> {
        let written: Option<i64> = row.try_get(format!("{table}_written_ms").as_str())?;
        let withdrawn: Option<i64> = row.try_get(format!("{table}_withdrawn").as_str())?;
        Ok(match written {
            None => DeclarationNews::NoneWritten,
            Some(ms) if withdrawn.unwrap_or(0) != 0 => {
                DeclarationNews::Withdrawn(crate::clock::finnish_at_ms(ms))
            }
            Some(ms) => DeclarationNews::InForce(crate::clock::finnish_at_ms(ms)),
        })
    }
}
