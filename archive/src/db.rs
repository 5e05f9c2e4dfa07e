//! The connection to SQLite or PostgreSQL.
//!
//! One portable SQL path through sqlx's `Any` driver: every query is written once, with
//! `$n` placeholders (which both backends accept) and types both share (BIGINT, TEXT,
//! DOUBLE). What differs between the two lives in the migrations, one folder per backend.

use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyPool, Transaction};

use crate::error::ArchiveError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Which backend a database URL names.
    ///
    /// # Errors
    /// When it names neither.
    pub fn of_url(url: &str) -> Result<Self, ArchiveError> {
        if url.starts_with("sqlite:") {
            Ok(Self::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Self::Postgres)
        } else {
            // The URL must start with sqlite: or postgres:.
            Err(ArchiveError::invalid("database-url", "scheme"))
        }
    }
}

/// A pool of connections to the archive's database.
#[derive(Debug, Clone)]
pub struct Db {
    pool: AnyPool,
    /// The audit writer's own connection, so that its commits never queue behind the
    /// reads that wait for them (with one shared pool, many reads at once held every
    /// connection while the writer waited for one).
    audit_pool: AnyPool,
    backend: Backend,
    /// Reads begun and given up before they ended ([`ReadEnding`]).
    given_up: Arc<AtomicU64>,
}

/// A read's promise to end. Dropped before [`ReadEnding::ended`] (its caller stopped
/// waiting, as a page did that asked and rendered without the answer; or the read
/// failed), the read counts as given up: work, and a transaction, spent for nothing.
#[derive(Debug)]
pub(crate) struct ReadEnding {
    given_up: Arc<AtomicU64>,
    ended: bool,
}

impl ReadEnding {
    /// The read ended, answered or refused: not given up.
    pub(crate) fn ended(mut self) {
        self.ended = true;
    }
}

impl Drop for ReadEnding {
    fn drop(&mut self) {
        if !self.ended {
            self.given_up.fetch_add(1, Ordering::Relaxed);
        }
    }
}

impl Db {
    /// Connects and brings the schema up to date.
    ///
    /// # Errors
    /// When the database cannot be reached or a migration fails.
    pub async fn connect(url: &str) -> Result<Self, ArchiveError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of_url(url)?;
        let options = AnyConnectOptions::from_str(url)?;
        let pool = Self::pool_options(
            backend,
            match backend {
                Backend::Sqlite => 4,
                Backend::Postgres => 16,
            },
        )
        .connect_with(options.clone())
        .await?;
        if backend == Backend::Sqlite {
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await?;
        }
        match backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&pool).await?,
            Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(&pool).await?,
        }
        let audit_pool = Self::pool_options(backend, 1).connect_with(options).await?;
        Ok(Self {
            pool,
            audit_pool,
            backend,
            given_up: Arc::default(),
        })
    }

    /// A pool of at most `connections` to the database.
    fn pool_options(backend: Backend, connections: u32) -> AnyPoolOptions {
        AnyPoolOptions::new()
            .max_connections(connections)
            .acquire_timeout(Duration::from_secs(10))
            // No ping before each use: with it, PostgreSQL connections were dropped and
            // reopened about twice a front page (about 5 ms each; BENCHMARKS.md). A
            // connection broken meanwhile (the database restarted) fails its next
            // query instead, and is then closed and replaced by the pool.
            .test_before_acquire(false)
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        use sqlx::Executor;
                        conn.execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;")
                            .await?;
                    }
                    Ok(())
                })
            })
    }

    /// A read begins: the promise it makes to end.
    pub(crate) fn read_begins(&self) -> ReadEnding {
        ReadEnding {
            given_up: Arc::clone(&self.given_up),
            ended: false,
        }
    }

    /// How many reads were begun and given up before they ended since this pool was
    /// made.
    #[must_use]
    pub fn reads_given_up(&self) -> u64 {
        self.given_up.load(Ordering::Relaxed)
    }

    /// Begins a transaction, safely against cancellation: the `BEGIN` runs to its end
    /// on a task of its own, so a request given up meanwhile (its future dropped)
    /// leaves a `Transaction` whose drop rolls back, never a pooled connection inside a
    /// transaction nobody holds (sqlx 0.8's `begin` is not cancellation-safe on
    /// PostgreSQL).
    ///
    /// # Errors
    /// When the database fails.
    pub(crate) async fn begin(&self) -> Result<Transaction<'static, Any>, ArchiveError> {
        self.begin_with(None).await
    }

    /// [`Db::begin`], for a read of a person's rows by the indexes that lead with the
    /// person, whose statements PostgreSQL then plans once per connection, not anew
    /// on each run with their values: for this transaction only, plans are generic
    /// (`plan_cache_mode = force_generic_plan`) and by index wherever one serves
    /// (`enable_seqscan = off`). Without the first, PostgreSQL plans such statements
    /// anew every time, since a plan made without the values estimates a third of the
    /// person's rows for each time bound and so looks dearer than one made with them:
    /// the front page's counts took 0.6 ms to plan for 0.16 ms of work, and its read
    /// of the audit trail 0.5 ms (BENCHMARKS.md). Without the second, a plan kept from
    /// a table's first rows (a sequential scan, right for a few rows) would stay in
    /// the connection as the table grew: the audit trail, written by every request,
    /// grows from empty faster than statistics follow (`disclosure_log::store`). On
    /// SQLite no transaction but a connection in autocommit ([`ReadOn::Conn`]): its
    /// statements are compiled once and kept with the connection, and it reads by
    /// index where one serves; BEGIN and COMMIT were two hops to the connection's
    /// worker thread for a read that is one statement when nothing is to be named
    /// (each statement is its own snapshot; what is asked after the counts stands on
    /// its own, `Access::name_disclosures`). 16 connections: +11 % front pages a
    /// second (BENCHMARKS.md).
    pub(crate) async fn begin_generic(&self) -> Result<ReadOn, ArchiveError> {
        match self.backend {
            Backend::Postgres => Ok(ReadOn::Tx(
                self.begin_with(Some(
                    "BEGIN; SET LOCAL plan_cache_mode = force_generic_plan; SET LOCAL enable_seqscan = off",
                ))
                .await?,
            )),
            // Each statement its own snapshot: the reads that use this ask one
            // statement, and anything asked after it stands on its own.
            Backend::Sqlite => Ok(ReadOn::Conn(self.pool.acquire().await?)),
        }
    }

    /// [`Db::begin`], for a long read that must see one moment of the archive and
    /// hold back no writer: on PostgreSQL read-only and repeatable read (one snapshot,
    /// no row locks), on SQLite a deferred transaction, which in WAL mode reads one
    /// snapshot beside the writers.
    ///
    /// # Errors
    /// When the database fails.
    pub(crate) async fn begin_snapshot(&self) -> Result<Transaction<'static, Any>, ArchiveError> {
        match self.backend {
            Backend::Postgres => {
                self.begin_with(Some("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"))
                    .await
            }
            Backend::Sqlite => self.begin().await,
        }
    }

    async fn begin_with(
        &self,
        statement: Option<&'static str>,
    ) -> Result<Transaction<'static, Any>, ArchiveError> {
        let pool = self.pool.clone();
        let begun = tokio::spawn(async move {
            match statement {
                Some(statement) => pool.begin_with(statement).await,
                None => pool.begin().await,
            }
        });
        match begun.await {
            Ok(begun) => Ok(begun?),
            Err(_) => Err(ArchiveError::Corrupt(
                "the task beginning a transaction failed",
            )),
        }
    }

    #[must_use]
    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The audit writer's own pool (one connection).
    #[must_use]
    pub(crate) fn audit_pool(&self) -> &AnyPool {
        &self.audit_pool
    }

    #[must_use]
    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub async fn close(&self) {
        self.pool.close().await;
        self.audit_pool.close().await;
    }
}

/// A value a statement binds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Int(i64),
    Real(f64),
    Text(String),
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Self::Int(v)
    }
}

impl From<f64> for Value {
    fn from(v: f64) -> Self {
        Self::Real(v)
    }
}

impl From<String> for Value {
    fn from(v: String) -> Self {
        Self::Text(v)
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Self::Text(v.to_owned())
    }
}

/// A statement built in pieces, whose placeholders number themselves: each
/// [`Sql::bind`] writes the next `$n` where the value is used and keeps the value, and
/// [`Sql::query`] binds them in that order, so a placeholder and its value cannot part.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sql {
    text: String,
    values: Vec<Value>,
}

impl Sql {
    pub(crate) fn new(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            values: Vec::new(),
        }
    }

    /// Appends text (never a value: those are bound).
    pub(crate) fn push(&mut self, text: &str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    /// Writes the next placeholder here and binds `value` to it.
    pub(crate) fn bind(&mut self, value: impl Into<Value>) -> &mut Self {
        self.values.push(value.into());
        self.text.push_str(&format!("${}", self.values.len()));
        self
    }

    /// Writes a placeholder for each of `values`, comma-separated (for `IN (…)`).
    pub(crate) fn bind_list<V: Into<Value>>(
        &mut self,
        values: impl IntoIterator<Item = V>,
    ) -> &mut Self {
        for (i, value) in values.into_iter().enumerate() {
            if i > 0 {
                self.text.push_str(", ");
            }
            self.bind(value);
        }
        self
    }

    /// An optional number: bound when there is one, a literal `NULL` when not (sqlx
    /// 0.8's `Any` driver sends a NULL double to PostgreSQL with the wrong width,
    /// 22P03).
    pub(crate) fn bind_real(&mut self, value: Option<f64>) -> &mut Self {
        match value {
            Some(v) => self.bind(v),
            None => self.push("NULL"),
        }
    }

    /// The statement with its values bound, its rows read as `T`.
    pub(crate) fn query_as<T>(
        &self,
    ) -> sqlx::query::QueryAs<'_, Any, T, sqlx::any::AnyArguments<'_>>
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow>,
    {
        let mut query = sqlx::query_as::<_, T>(&self.text);
        for value in &self.values {
            query = match value {
                Value::Int(v) => query.bind(*v),
                Value::Real(v) => query.bind(*v),
                Value::Text(v) => query.bind(v.as_str()),
            };
        }
        query
    }

    /// The statement with its values bound, to run.
    pub(crate) fn query(&self) -> sqlx::query::Query<'_, Any, sqlx::any::AnyArguments<'_>> {
        let mut query = sqlx::query(&self.text);
        for value in &self.values {
            query = match value {
                Value::Int(v) => query.bind(*v),
                Value::Real(v) => query.bind(*v),
                Value::Text(v) => query.bind(v.as_str()),
            };
        }
        query
    }
}

/// What a read of several parts runs on: a transaction (PostgreSQL, for its plans), or
/// on SQLite a connection in autocommit, which spares the worker thread two hops.
pub(crate) enum ReadOn {
    Tx(Transaction<'static, Any>),
    Conn(sqlx::pool::PoolConnection<Any>),
}

impl ReadOn {
    /// Ends the read: commits the transaction, or gives the connection back.
    pub(crate) async fn end(self) -> Result<(), sqlx::Error> {
        match self {
            Self::Tx(tx) => tx.commit().await,
            Self::Conn(_) => Ok(()),
        }
    }
}

impl std::ops::Deref for ReadOn {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &Self::Target {
        match self {
            Self::Tx(tx) => tx,
            Self::Conn(conn) => conn,
        }
    }
}

impl std::ops::DerefMut for ReadOn {
    fn deref_mut(&mut self) -> &mut Self::Target {
        match self {
            Self::Tx(tx) => &mut *tx,
            Self::Conn(conn) => &mut *conn,
        }
    }
}

/// A new random row id: positive and below 2^53, so it survives a JSON number in the
/// browser; drawn where a row is written, never derived from its content.
pub(crate) fn new_row_id() -> i64 {
    rand::Rng::random_range(&mut rand::rng(), 1..(1_i64 << 53))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_number_themselves_in_the_order_values_are_bound() {
        let mut sql = Sql::new("SELECT 1 FROM t WHERE a = ");
        sql.bind(7_i64)
            .push(" AND b IN (")
            .bind_list(["x", "y"])
            .push(") AND c = ")
            .bind_real(None)
            .push(" AND d = ")
            .bind_real(Some(1.5));
        assert_eq!(
            sql.text,
            "SELECT 1 FROM t WHERE a = $1 AND b IN ($2, $3) AND c = NULL AND d = $4"
        );
        assert_eq!(
            sql.values,
            [
                Value::Int(7),
                Value::Text("x".into()),
                Value::Text("y".into()),
                Value::Real(1.5)
            ]
        );
    }
}
