//! Test archives on SQLite (a temporary file) and PostgreSQL (a schema of its own at
//! `TEST_DATABASE_URL`), each with a fixed clock the test can move.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use archive::clock::FixedClock;
use archive::Archive;
use sqlx::Connection;
use time::macros::datetime;

pub struct TestArchive {
    pub archive: Archive,
    pub clock: Arc<FixedClock>,
    _dir: Option<tempfile::TempDir>,
    schema: Option<(String, String)>,
}

impl TestArchive {
    /// A demo person's access to their own data.
    pub async fn own(&self, person: archive::model::PersonId) -> archive::Access {
        let actor = self.archive.demo_actor(person).await.expect("actor");
        self.archive
            .access(&actor, person, archive::Purpose::CitizenService)
            .await
            .expect("own")
    }

    /// A demo person's access to another's data, by whatever right they hold.
    pub async fn access(
        &self,
        actor: archive::model::PersonId,
        subject: archive::model::PersonId,
    ) -> archive::Access {
        let actor = self.archive.demo_actor(actor).await.expect("actor");
        self.archive
            .access(&actor, subject, archive::Purpose::CitizenService)
            .await
            .expect("a right")
    }

    pub async fn close(self) {
        self.archive.db().close().await;
        if let Some((url, schema)) = self.schema {
            if let Ok(mut conn) = sqlx::AnyConnection::connect(&url).await {
                let _ = sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
                    .execute(&mut conn)
                    .await;
            }
        }
    }
}

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::at(datetime!(2026-11-29 10:00 UTC)))
}

pub async fn sqlite() -> TestArchive {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("archive.db").display()
    );
    let clock = clock();
    let archive = Archive::open(&url, clock.clone())
        .await
        .expect("open sqlite");
    TestArchive {
        archive,
        clock,
        _dir: Some(dir),
        schema: None,
    }
}

static SCHEMAS: AtomicU32 = AtomicU32::new(0);

pub async fn postgres() -> Option<TestArchive> {
    let Ok(url) = std::env::var("TEST_DATABASE_URL") else {
        assert!(
            std::env::var("OMAKANTA_NO_POSTGRES").is_ok() && std::env::var("CI").is_err(),
            "TEST_DATABASE_URL is not set: the test command sets it; set OMAKANTA_NO_POSTGRES=1 \
             to skip PostgreSQL locally (never in CI)"
        );
        return None;
    };
    sqlx::any::install_default_drivers();
    let schema = format!(
        "t_{}_{}_{}",
        std::process::id(),
        SCHEMAS.fetch_add(1, Ordering::SeqCst),
        time::OffsetDateTime::now_utc().unix_timestamp_nanos() % 1_000_000
    );
    let mut conn = sqlx::AnyConnection::connect(&url)
        .await
        .expect("connect to TEST_DATABASE_URL");
    sqlx::query(&format!("CREATE SCHEMA {schema}"))
        .execute(&mut conn)
        .await
        .expect("create schema");
    conn.close().await.ok();
    let sep = if url.contains('?') { '&' } else { '?' };
    let scoped = format!("{url}{sep}options=-c%20search_path%3D{schema}");
    let clock = clock();
    let archive = Archive::open(&scoped, clock.clone())
        .await
        .expect("open postgres");
    Some(TestArchive {
        archive,
        clock,
        _dir: None,
        schema: Some((url, schema)),
    })
}

/// Runs an async test body on SQLite and on PostgreSQL.
#[macro_export]
macro_rules! on_both {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test]
            async fn sqlite() {
                let t = $crate::common::sqlite().await;
                ($body)(&t).await;
                t.close().await;
            }
            #[tokio::test]
            async fn postgres() {
                if let Some(t) = $crate::common::postgres().await {
                    ($body)(&t).await;
                    t.close().await;
                }
            }
        }
    };
}
