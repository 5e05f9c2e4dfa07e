//! Rate limits as a deployment meets them: behind a TLS proxy (whose forwarded client
//! address is believed only when the proxy is trusted, and only from the header it is
//! configured to write), with several servers that share their counters in the
//! database, and each allowance: sign-ins, writes without a session, feedback a day,
//! and a signed-in person's reads.

use crate::common;

use common::{spawn_app, spawn_app_with, TestApp};
use reqwest::StatusCode;
use server::limits::ForwardedHeader;

/// The app behind a trusted proxy at 127.0.0.1 that writes `header`.
async fn behind_proxy(header: ForwardedHeader, tweak: impl FnOnce(&mut server::Config)) -> TestApp {
    spawn_app_with(None, |c| {
        c.trusted_proxies = vec!["127.0.0.1".parse().expect("ip")];
        c.forwarded_header = header;
        tweak(c);
    })
    .await
}

/// Accessibility feedback sent to the server function, signed out, with a fresh key,
/// from `client` (as a trusted proxy's X-Forwarded-For says, where one is trusted).
async fn feedback(app: &TestApp, client: &str, n: usize) -> reqwest::Response {
    app.client
        .post(format!("{}/api/accessibility-feedback", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", &app.base)
        .header("x-forwarded-for", client)
        .body(format!(
            "submission[message]={}&submission[key]=fresh-key-{n:08}-{}",
            "x".repeat(4000),
            client.replace(['.', ':'], "-")
        ))
        .send()
        .await
        .expect("request")
}

async fn feedback_kept(app: &TestApp) -> usize {
    app.archive
        .feedback_received(0, None, 1000)
        .await
        .expect("feedback")
        .len()
}

/// A sign-in attempt as a client behind the proxy at 127.0.0.1, which says who it is.
/// Waits, when the clock is within twenty seconds of a new minute, for that minute: the
/// allowances count in fixed windows of a minute, so a test that counts to a limit
/// must not straddle two (its last attempt would fall in a fresh window).
async fn clear_of_a_minute_boundary() {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let into_minute = now.as_millis() % 60_000;
    if into_minute > 40_000 {
        let left = u64::try_from(60_000 - into_minute).unwrap_or(10_000);
        tokio::time::sleep(std::time::Duration::from_millis(left + 200)).await;
    }
}

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
    clear_of_a_minute_boundary().await;
    let app = behind_proxy(ForwardedHeader::XForwardedFor, |_| {}).await;
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
    clear_of_a_minute_boundary().await;
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
    clear_of_a_minute_boundary().await;
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

/// A sign-in attempt through a proxy that writes X-Forwarded-For and passes on the
/// `Forwarded` header the client wrote.
async fn attempt_posing(app: &TestApp, client: &str, posing_as: &str) -> StatusCode {
    app.client
        .post(format!("{}/dev/sign-in", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", &app.base)
        .header("forwarded", format!("for={posing_as}"))
        .header("x-forwarded-for", client)
        .body("person=1001")
        .send()
        .await
        .expect("request")
        .status()
}

#[tokio::test]
async fn a_clients_own_forwarded_header_neither_locks_out_another_nor_escapes_the_limit() {
    clear_of_a_minute_boundary().await;
    let app = behind_proxy(ForwardedHeader::XForwardedFor, |_| {}).await;
    // Twenty attempts, each posing as another address: all are the one client's.
    for i in 0..20 {
        assert_eq!(
            attempt_posing(&app, "203.0.113.9", &format!("198.51.100.{i}")).await,
            StatusCode::SEE_OTHER
        );
    }
    assert_eq!(
        attempt_posing(&app, "203.0.113.9", "198.51.100.200").await,
        StatusCode::TOO_MANY_REQUESTS,
        "rotating the Forwarded header does not escape the limit"
    );
    // Posing as a hospital's address locked nobody out there.
    assert_eq!(attempt(&app, "198.51.100.1").await, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn reading_the_accessibility_statement_uses_no_sign_in_allowance() {
    let app = spawn_app().await;
    for _ in 0..30 {
        assert_eq!(
            app.get("/accessibility", None).await.status(),
            StatusCode::OK
        );
    }
    assert_eq!(attempt(&app, "ignored").await, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn feedback_without_a_session_is_limited_per_client_a_minute_and_a_day() {
    clear_of_a_minute_boundary().await;
    let app = behind_proxy(ForwardedHeader::XForwardedFor, |c| {
        c.allowances.anonymous_writes_per_minute = 10;
        c.allowances.feedback_per_day = 15;
    })
    .await;
    // The server function, which the form's page does not guard, is counted too.
    for n in 0..10 {
        assert_eq!(
            feedback(&app, "203.0.113.9", n).await.status(),
            StatusCode::OK
        );
    }
    let refused = feedback(&app, "203.0.113.9", 10).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait = common::retry_after(&refused);
    assert!((1..=60).contains(&wait), "{wait}");
    assert!(refused
        .text()
        .await
        .expect("body")
        .contains("Odota minuutti"));
    assert_eq!(feedback_kept(&app).await, 10);
    assert_eq!(
        feedback(&app, "198.51.100.7", 0).await.status(),
        StatusCode::OK,
        "another client is counted apart"
    );
}

#[tokio::test]
async fn what_one_client_may_store_in_a_day_is_capped_and_so_is_everyone_s_together() {
    let app = behind_proxy(ForwardedHeader::XForwardedFor, |c| {
        c.allowances.anonymous_writes_per_minute = 1000;
        c.allowances.feedback_per_day = 5;
        c.allowances.anonymous_feedback_per_day = 8;
    })
    .await;
    for n in 0..5 {
        assert_eq!(
            feedback(&app, "203.0.113.9", n).await.status(),
            StatusCode::OK
        );
    }
    let refused = feedback(&app, "203.0.113.9", 5).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait = common::retry_after(&refused);
    assert!(wait > 23 * 3600, "until the day's window ends: {wait}");
    assert!(refused
        .text()
        .await
        .expect("body")
        .contains("Voit jatkaa 24 tunnin kuluttua"));
    // Clients with addresses of their own, until all of them together have sent the
    // day's share; a signed-in person may still send.
    for n in 0..3 {
        assert_eq!(
            feedback(&app, &format!("198.51.100.{n}"), n).await.status(),
            StatusCode::OK
        );
    }
    let busy = feedback(&app, "192.0.2.1", 0).await;
    assert_eq!(busy.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(busy
        .text()
        .await
        .expect("body")
        .contains("tunnistauduttuasi"));
    assert_eq!(feedback_kept(&app).await, 8);
    let aino = app.sign_in("1001").await;
    let signed_in = app
        .post_form(
            "/api/accessibility-feedback",
            &[
                ("submission[message]", "Kontrasti on heikko."),
                ("submission[key]", "signed-in-key-000001"),
            ],
            Some(&aino),
        )
        .await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    assert_eq!(feedback_kept(&app).await, 9);
}

#[tokio::test]
async fn a_persons_reads_have_an_allowance_and_a_refused_one_writes_no_audit_row() {
    clear_of_a_minute_boundary().await;
    let app = spawn_app_with(None, |c| {
        c.allowances.reads_per_minute = 5;
    })
    .await;
    let aino = app.sign_in("1001").await;
    for _ in 0..5 {
        assert_eq!(
            app.get("/records", Some(&aino)).await.status(),
            StatusCode::OK
        );
    }
    let trail = archive::inspect::audit_trail(&app.archive, archive::demo::ids::ADULT)
        .await
        .expect("trail")
        .len();
    let refused = app
        .client
        .get(format!("{}/", app.base))
        .header("cookie", &aino)
        .header("accept-language", "sv")
        .send()
        .await
        .expect("request");
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers().contains_key("retry-after"));
    let body = refused.text().await.expect("body");
    assert!(
        body.contains(r#"lang="sv""#) && body.contains("Vänta en minut"),
        "{body}"
    );
    assert_eq!(
        archive::inspect::audit_trail(&app.archive, archive::demo::ids::ADULT)
            .await
            .expect("trail")
            .len(),
        trail,
        "a refused page reads nothing"
    );
    // Signing in again gives no fresh allowance; another person has their own.
    let again = app.sign_in("1001").await;
    assert_eq!(
        app.get("/records", Some(&again)).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    let mikko = app.sign_in("1002").await;
    assert_eq!(
        app.get("/records", Some(&mikko)).await.status(),
        StatusCode::OK
    );
}

#[test]
fn trusted_proxies_need_the_header_they_write_to_be_named() {
    let env = |header: Option<&'static str>| {
        move |k: &str| match k {
            "OMAKANTA_ENV" => Some("development".to_owned()),
            "OMAKANTA_TRUSTED_PROXIES" => Some("10.0.0.5".to_owned()),
            "OMAKANTA_FORWARDED_HEADER" => header.map(str::to_owned),
            _ => None,
        }
    };
    assert!(server::Config::from_lookup(env(None)).is_err());
    assert!(server::Config::from_lookup(env(Some("x-real-ip"))).is_err());
    let config = server::Config::from_lookup(env(Some("Forwarded"))).expect("config");
    assert_eq!(config.forwarded_header, ForwardedHeader::Forwarded);
}
