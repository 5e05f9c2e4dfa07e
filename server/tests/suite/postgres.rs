//! The server on PostgreSQL (at `TEST_DATABASE_URL`, in a schema of its own): pages
//! served one after another and at once leave no pooled connection inside a
//! transaction. (They did: a BEGIN whose request was given up left its connection in a
//! transaction nobody held, and later requests met "there is already a transaction in
//! progress" and waited on its row locks.)

use crate::common;

use common::spawn_app_with;
use reqwest::StatusCode;
use sqlx::Connection;

/// A schema of its own on the test PostgreSQL, as a database URL; `None` without one.
async fn fresh_schema() -> Option<String> {
    let Ok(url) = std::env::var("TEST_DATABASE_URL") else {
        assert!(
            std::env::var("OMAKANTA_NO_POSTGRES").is_ok() && std::env::var("CI").is_err(),
            "TEST_DATABASE_URL is not set: the test command sets it"
        );
        return None;
    };
    sqlx::any::install_default_drivers();
    let schema = format!(
        "srv_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos())
    );
    let mut conn = sqlx::AnyConnection::connect(&url).await.expect("connect");
    sqlx::query(&format!("CREATE SCHEMA {schema}"))
        .execute(&mut conn)
        .await
        .expect("schema");
    let sep = if url.contains('?') { '&' } else { '?' };
    Some(format!("{url}{sep}options=-c%20search_path%3D{schema}"))
}

#[tokio::test]
async fn pages_leave_no_pooled_connection_inside_a_transaction() {
    let Some(url) = fresh_schema().await else {
        return;
    };
    let app = spawn_app_with(None, |c| c.database_url = url.clone()).await;
    let cookie = app.sign_in("1002").await;
    for _ in 0..5 {
        for path in ["/", "/records", "/summaries", "/prescriptions", "/lab"] {
            assert_eq!(app.get(path, Some(&cookie)).await.status(), StatusCode::OK);
        }
    }
    let at_once: Vec<_> = (0..8)
        .map(|i| {
            let (client, base, cookie) = (app.client.clone(), app.base.clone(), cookie.clone());
            tokio::spawn(async move {
                let path = if i % 2 == 0 { "/" } else { "/records" };
                client
                    .get(format!("{base}{path}"))
                    .header("cookie", cookie)
                    .send()
                    .await
                    .map(|r| r.status())
            })
        })
        .collect();
    for request in at_once {
        assert_eq!(
            request.await.expect("task").expect("response"),
            StatusCode::OK
        );
    }
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        archive::inspect::leaked_transactions(&app.archive)
            .await
            .expect("inspect"),
        0,
        "a pooled connection was left inside a transaction"
    );
    app.archive.db().close().await;
    let schema = url
        .rsplit("search_path%3D")
        .next()
        .unwrap_or_default()
        .to_owned();
    if let Ok(base) = std::env::var("TEST_DATABASE_URL") {
        if let Ok(mut conn) = sqlx::AnyConnection::connect(&base).await {
            let _ = sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
                .execute(&mut conn)
                .await;
        }
    }
}
