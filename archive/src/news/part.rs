//! The sections' counts of what is new, read in one statement: each section writes its
//! part (a derived table of exactly one row, its columns named after the section) and
//! reads its news back from the statement's row. The front page asks one statement
//! however many sections count their news so; a section's news asked alone
//! ([`Access::news_part`]) is the same part, so both say the same.

use sqlx::any::AnyRow;

use super::model::News;
use crate::access::{Access, Action};
use crate::db::Sql;
use crate::error::ArchiveError;

/// A section's news as a part of one statement.
pub(crate) trait NewsPart: Sized + 'static {
    /// Writes the part: `(SELECT …)`, a derived table that yields exactly one row
    /// whatever the data (aggregates without `GROUP BY`, or a `SELECT` of scalar
    /// subqueries), its columns prefixed with the section's name so that no two
    /// parts share one.
    fn push(access: &Access, sql: &mut Sql, since_ms: i64);

    /// Reads the part's columns from the statement's row (a `sqlx::FromRow` struct
    /// of them).
    ///
    /// # Errors
    /// `Storage` or `Corrupt` when a column is missing or holds what cannot be.
    fn of_row(row: &AnyRow) -> Result<Self, ArchiveError>;
}

/// Puts a part read from the row where `T` (the [`News`], or what else is read with
/// it) keeps it.
type Reader<T> = Box<dyn FnOnce(&AnyRow, &mut T) -> Result<(), ArchiveError> + Send>;

/// One statement of parts, cross joined: each yields one row, so the statement
/// yields one; each part read into `T`.
pub(crate) struct NewsCounts<T = News> {
    sql: Sql,
    parts: usize,
    readers: Vec<Reader<T>>,
}

impl<T: 'static> NewsCounts<T> {
    pub(crate) fn new() -> Self {
        Self {
            sql: Sql::new("SELECT * FROM "),
            parts: 0,
            readers: Vec::new(),
        }
    }

    /// Writes `P`'s part into the statement, cross joined with those before it.
    fn push<P: NewsPart>(&mut self, access: &Access, since_ms: i64) {
        if self.parts > 0 {
            self.sql.push(" CROSS JOIN ");
        }
        P::push(access, &mut self.sql, since_ms);
        self.sql.push(&format!(" n{}", self.parts));
        self.parts += 1;
    }

    /// Adds `P`'s part; once read, `put` keeps it in the news.
    pub(crate) fn add<P: NewsPart>(&mut self, access: &Access, since_ms: i64, put: fn(&mut T, P)) {
        self.push::<P>(access, since_ms);
        self.readers.push(Box::new(move |row, into| {
            put(into, P::of_row(row)?);
            Ok(())
        }));
    }

    /// Runs the statement (none when no part was added) and puts every part in `into`.
    pub(crate) async fn read_into(
        self,
        tx: &mut sqlx::AnyConnection,
        into: &mut T,
    ) -> Result<(), ArchiveError> {
        if self.readers.is_empty() {
            return Ok(());
        }
        let row = self.sql.query().fetch_one(&mut *tx).await?;
        for reader in self.readers {
            reader(&row, into)?;
        }
        Ok(())
    }
}

impl Access {
    /// One section's news on its own: `P`'s part as a statement, audited as `action`
    /// (refused, and recorded so, when the right does not cover its section), read as
    /// the front page reads it ([`Access::begin_section_read`]).
    pub(crate) async fn news_part<P: NewsPart>(
        &self,
        action: Action,
        since_ms: i64,
    ) -> Result<P, ArchiveError> {
        let mut read = self.begin_section_read(action).await?;
        let part = self.read_part(&mut read.tx, since_ms).await?;
        self.finish_sections_read(read).await?;
        Ok(part)
    }

    /// `P`'s part alone, as a statement on `conn`, within a read begun elsewhere.
    pub(crate) async fn read_part<P: NewsPart>(
        &self,
        conn: &mut sqlx::AnyConnection,
        since_ms: i64,
    ) -> Result<P, ArchiveError> {
        let mut counts = NewsCounts::<()>::new();
        counts.push::<P>(self, since_ms);
        let row = counts.sql.query().fetch_one(conn).await?;
        P::of_row(&row)
    }
}
