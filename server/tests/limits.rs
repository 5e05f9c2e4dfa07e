//! Rate limits as a deployment meets them: behind a TLS proxy (whose forwarded client
//! address is believed only when the proxy is trusted), and with several servers that
//! share their counters in the database.

mod common;

use common::{spawn_app, spawn_app_with, TestApp};
use reqwest::StatusCode;

/// A sign-in attempt as a client behind the proxy at 127.0.0.1, which says who it is.
async fn attempt(app: &TestApp, client: &str) -> StatusCode {
    app.client
        .post(format!("{}/dev/sign-in", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", &app.base)
        .header("x-forwarded-for", client)
        .body("person=1001")
        .send()
        .await
        .expect("request")
        .status()
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_has_its_own_sign_in_limit() {
    let app = spawn_app_with(None, |c| {
        c.trusted_proxies = vec!["127.0.0.1".parse().expect("ip")]
    })
    .await;
    for _ in 0..20 {
        assert_eq!(attempt(&app, "203.0.113.9").await, StatusCode::SEE_OTHER);
    }
    assert_eq!(
        attempt(&app, "203.0.113.9").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        attempt(&app, "198.51.100.7").await,
        StatusCode::SEE_OTHER,
        "another client behind the same proxy is not limited with the first"
    );
    // An IPv6 client cannot escape by rotating addresses within its /64.
    for i in 0..20 {
        assert_eq!(
            attempt(&app, &format!("2001:db8:1:2::{i:x}")).await,
            StatusCode::SEE_OTHER
        );
    }
    assert_eq!(
        attempt(&app, "2001:db8:1:2:ffff::1").await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn an_untrusted_peer_cannot_pose_as_many_clients() {
    let app = spawn_app().await;
    for i in 0..20 {
        assert_eq!(
            attempt(&app, &format!("203.0.113.{i}")).await,
            StatusCode::SEE_OTHER
        );
    }
    assert_eq!(
        attempt(&app, "203.0.113.99").await,
        StatusCode::TOO_MANY_REQUESTS,
        "the header of an untrusted peer is ignored"
    );
}

#[tokio::test]
async fn servers_sharing_a_database_share_their_limits() {
    let shared = |c: &mut server::Config| c.shared_limits = true;
    let first = spawn_app_with(None, shared).await;
    let second = spawn_app_with(Some(first.dir.clone()), shared).await;
    for i in 0..20 {
        let app = if i % 2 == 0 { &first } else { &second };
        assert_eq!(attempt(app, "ignored").await, StatusCode::SEE_OTHER, "{i}");
    }
    assert_eq!(
        attempt(&first, "ignored").await,
        StatusCode::TOO_MANY_REQUESTS,
        "twenty attempts across two servers are twenty"
    );
    assert_eq!(
        attempt(&second, "ignored").await,
        StatusCode::TOO_MANY_REQUESTS
    );
}
