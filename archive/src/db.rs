//! The connection to SQLite or PostgreSQL.
//!
//! One portable SQL path through sqlx's `Any` driver: every query is written once, with
//! `$n` placeholders (which both backends accept) and types both share (BIGINT, TEXT,
//! DOUBLE). What differs between the two lives in the migrations, one folder per backend.

use std::str::FromStr;
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

    /// Begins a transaction, safely against cancellation: the `BEGIN` runs to its end
    /// on a task of its own, so a request given up meanwhile (its future dropped)
    /// leaves a `Transaction` whose drop rolls back, never a pooled connection inside a
    /// transaction nobody holds (sqlx 0.8's `begin` is not cancellation-safe on
    /// PostgreSQL).
    ///
    /// # Errors
    /// When the database fails.
    pub(crate) async fn begin(&self) -> Result<Transaction<'static, Any>, ArchiveError> {
        let pool = self.pool.clone();
        match tokio::spawn(async move { pool.begin().await }).await {
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
