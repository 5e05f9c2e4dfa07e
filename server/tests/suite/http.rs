//! The server over HTTP: each test starts the real application on a random port with
//! its own SQLite database filled with the demo data.

use crate::common;

use archive::{Holder, Section};
use common::{act_for, form_key, renewable, spawn_app, text_area, TestApp};
use reqwest::StatusCode;
use server::{Config, Environment};

fn assert_security_headers(res: &reqwest::Response) {
    let h = res.headers();
    let csp = h
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .expect("a content security policy");
    for directive in [
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(directive), "{directive} in {csp}");
    }
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(h
        .get("strict-transport-security")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("max-age=31536000")));
    assert!(
        h.get("x-omakanta-script-nonce").is_none(),
        "the internal header is removed"
    );
    assert_eq!(
        h.get("x-content-type-options").map(|v| v.as_bytes()),
        Some(&b"nosniff"[..])
    );
    assert_eq!(
        h.get("x-frame-options").map(|v| v.as_bytes()),
        Some(&b"DENY"[..])
    );
    assert!(h.get("referrer-policy").is_some());
    assert!(h.get("permissions-policy").is_some());
}

#[tokio::test]
async fn the_front_page_invites_to_sign_in_and_carries_the_headers() {
    let app = spawn_app().await;
    let res = app.get("/", None).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_security_headers(&res);
    assert_eq!(
        res.headers().get("cache-control").map(|v| v.as_bytes()),
        Some(&b"no-store"[..])
    );
    let csp = res
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .expect("csp")
        .to_owned();
    let body = res.text().await.expect("body");
    // Every inline script carries this response's nonce, and the policy names it.
    let nonce = body
        .split("nonce=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a script nonce");
    assert!(nonce.len() >= 16);
    assert!(csp.contains(&format!("'nonce-{nonce}'")), "{csp}");
    assert_eq!(
        body.matches("<script").count(),
        body.matches(&format!("nonce=\"{nonce}\"")).count()
    );
    assert!(body.contains(r#"<html lang="fi""#));
    assert!(body.contains("Tunnistaudu"));
    assert!(
        body.contains("Kehitysympäristö"),
        "the development sign-in is announced on every page"
    );
}

/// Pages anyone may open; every other page needs a session.
const PUBLIC_PAGES: &[&str] = &["/", "/sign-in", "/accessibility"];
/// The pages of one object within a section (the registry lists the sections' pages),
/// and a section's pages reached from its own rather than from the menu.
const OBJECT_PAGES: &[&str] = &[
    "/records/1",
    "/lab/1",
    "/summaries/1",
    "/prescriptions/1",
    "/prescription-summary",
    "/appointments/1",
    "/social-welfare/1",
    "/certificates/1",
    "/consents/confirm",
    "/disclosure-log/entry",
    "/wellbeing/1",
    "/wellbeing/1/add",
    "/wellbeing/measurement/1",
    "/wellbeing/sharing",
];
/// Server functions that answer without a session.
const PUBLIC_FUNCTIONS: &[&str] = &[
    "/api/whoami",
    "/api/demo-persons",
    "/api/accessibility-feedback",
];

#[tokio::test]
async fn every_route_and_server_function_refuses_the_signed_out_and_carries_the_headers() {
    let app = spawn_app().await;
    // Every route the app defines, so a new page is walked without being listed here.
    let routes: Vec<String> = leptos_axum::generate_route_list(app::App)
        .iter()
        .map(|r| {
            r.path()
                .split('/')
                .map(|seg| {
                    if seg.starts_with('{') || seg.starts_with(':') {
                        "1"
                    } else {
                        seg
                    }
                })
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect();
    // Exactly the public pages, the registry's pages and the object pages.
    let mut expected: Vec<String> = PUBLIC_PAGES
        .iter()
        .chain(OBJECT_PAGES)
        .map(|p| (*p).to_owned())
        .chain(
            archive::Section::ALL
                .iter()
                .flat_map(|s| s.spec().pages.iter().map(|p| p.route.to_owned())),
        )
        .collect();
    expected.sort();
    let mut sorted = routes.clone();
    sorted.sort();
    assert_eq!(sorted, expected);
    for path in &routes {
        let res = app.get(path, None).await;
        assert_security_headers(&res);
        if PUBLIC_PAGES.contains(&path.as_str()) {
            assert_eq!(res.status(), StatusCode::OK, "{path}");
        } else {
            assert_eq!(res.status(), StatusCode::SEE_OTHER, "{path}");
            assert_eq!(
                res.headers().get("location").map(|v| v.as_bytes()),
                Some(&b"/sign-in"[..]),
                "{path}"
            );
        }
    }
    // Every server function the app registers.
    let functions: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect();
    assert_eq!(
        functions.len(),
        PUBLIC_FUNCTIONS.len() + DATA_FUNCTIONS.len(),
        "{functions:?}"
    );
    for f in functions {
        let res = app.post_form(f, &[], None).await;
        assert_security_headers(&res);
        if PUBLIC_FUNCTIONS.contains(&f) {
            assert_ne!(res.status(), StatusCode::UNAUTHORIZED, "{f}");
        } else {
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{f}");
        }
    }
}

#[tokio::test]
async fn built_assets_are_served_as_built_and_kept_for_a_year() {
    let app = spawn_app().await;
    // The site root holds what a build made: a hashed name, and its brotli beside it.
    let pkg = app.dir.path().join("pkg");
    std::fs::create_dir_all(&pkg).expect("pkg");
    std::fs::write(
        pkg.join("omakanta.Abc123.css"),
        "body{color:#000}".repeat(50),
    )
    .expect("css");
    std::fs::write(pkg.join("omakanta.Abc123.css.br"), b"pretend-brotli").expect("br");
    let cookie = app.sign_in("1001").await;
    let res = app
        .client
        .get(format!("{}/pkg/omakanta.Abc123.css", app.base))
        .header("accept-encoding", "br, gzip")
        .header("cookie", &cookie)
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers();
    assert_eq!(
        h.get("cache-control").map(|v| v.as_bytes()),
        Some(&b"public, max-age=31536000, immutable"[..])
    );
    assert_eq!(
        h.get("content-encoding").map(|v| v.as_bytes()),
        Some(&b"br"[..]),
        "the brotli made at build time"
    );
    assert!(h.get("set-cookie").is_none());
    assert_eq!(res.bytes().await.expect("body").as_ref(), b"pretend-brotli");
    // Without one made at build time, compressed here.
    let gz = app
        .client
        .get(format!("{}/pkg/omakanta.Abc123.css", app.base))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("request");
    assert_eq!(
        gz.headers().get("content-encoding").map(|v| v.as_bytes()),
        Some(&b"gzip"[..])
    );
    // What does not exist is not kept.
    let missing = app.get("/pkg/omakanta.Zzz.css", None).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        missing.headers().get("cache-control").map(|v| v.as_bytes()),
        Some(&b"no-store"[..])
    );
    // The icon keeps its name: kept for a day, served before any session work.
    std::fs::write(app.dir.path().join("favicon.svg"), "<svg/>").expect("icon");
    let icon = app.get("/favicon.svg", Some(&cookie)).await;
    assert_eq!(icon.status(), StatusCode::OK);
    assert_eq!(
        icon.headers().get("cache-control").map(|v| v.as_bytes()),
        Some(&b"public, max-age=86400"[..])
    );
    assert!(icon.headers().get("set-cookie").is_none());
    assert_eq!(
        icon.headers().get("content-type").map(|v| v.as_bytes()),
        Some(&b"image/svg+xml"[..])
    );
    let tag = icon.headers().get("etag").expect("an etag").clone();
    assert_eq!(icon.bytes().await.expect("body").as_ref(), b"<svg/>");
    // Asked again with its tag: not modified, and still kept for a day.
    let again = app
        .client
        .get(format!("{}/favicon.svg", app.base))
        .header("if-none-match", tag)
        .send()
        .await
        .expect("request");
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(
        again.headers().get("cache-control").map(|v| v.as_bytes()),
        Some(&b"public, max-age=86400"[..])
    );
    // Without a build's hash file (as here) pages name the plain files.
    let page = app.get("/", None).await.text().await.expect("body");
    assert!(page.contains(r#"href="/pkg/omakanta.css""#), "{page}");
}

#[tokio::test]
async fn a_signed_in_person_sees_their_records_summaries_and_lab_trends() {
    let app = spawn_app().await;
    let cookie = app.sign_in("1002").await;
    let records = app.get("/records", Some(&cookie)).await;
    assert_eq!(records.status(), StatusCode::OK);
    let body = records.text().await.expect("body");
    assert!(body.contains("Mikko Korhonen"));
    assert!(body.contains("Vastaanottokäynti"));
    assert!(
        body.contains(r#"rel="next""#),
        "the heavy user's year does not fit one page"
    );

    let summaries = app
        .get("/summaries", Some(&cookie))
        .await
        .text()
        .await
        .expect("body");
    assert!(summaries.contains("Tyypin 2 diabetes") && summaries.contains("E11.9"));

    // The lab list links each test by an opaque id: no address names a test.
    let lab = app
        .get("/lab", Some(&cookie))
        .await
        .text()
        .await
        .expect("body");
    assert!(
        !lab.contains("/lab/B-HbA1c") && !lab.contains("/lab/P-"),
        "{lab}"
    );
    let hba1c = app
        .own(archive::demo::ids::HEAVY_USER)
        .await
        .lab_tests()
        .await
        .expect("tests")
        .tests
        .into_iter()
        .find(|t| t.test_code == "B-HbA1c")
        .expect("HbA1c")
        .latest
        .document;
    assert!(lab.contains(&format!("href=\"/lab/{hba1c}\"")));
    let trend = app.get(&format!("/lab/{hba1c}"), Some(&cookie)).await;
    assert_eq!(trend.status(), StatusCode::OK);
    let trend = trend.text().await.expect("body");
    assert!(trend.contains("<svg") && trend.contains(r#"role="img""#));
    assert!(trend.contains("<table"), "the figures are also a table");

    let api = app.post_form("/api/summaries", &[], Some(&cookie)).await;
    assert_eq!(api.status(), StatusCode::OK);
    assert!(api.text().await.expect("body").contains("E11.9"));
}

#[tokio::test]
async fn another_persons_document_is_not_found() {
    let app = spawn_app().await;
    let mikko = app.sign_in("1002").await;
    let body = app
        .get("/records?kind=lab-result", Some(&mikko))
        .await
        .text()
        .await
        .expect("body");
    let start = body.find("href=\"/records/").expect("a document link") + "href=\"/records/".len();
    let id: String = body[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    assert_eq!(
        app.get(&format!("/records/{id}"), Some(&mikko))
            .await
            .status(),
        StatusCode::OK
    );

    let aino = app.sign_in("1001").await;
    let res = app.get(&format!("/records/{id}"), Some(&aino)).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(!res.text().await.expect("body").contains("Mikko"));
}

#[tokio::test]
async fn a_bad_filter_is_explained_and_keeps_what_was_typed() {
    let app = spawn_app().await;
    let cookie = app.sign_in("1001").await;
    let res = app
        .get(
            "/records?from=2026-05-01&to=2026-04-01&kind=diagnosis",
            Some(&cookie),
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let body = res.text().await.expect("body");
    assert!(body.contains("Päättymispäivä ei voi olla ennen alkamispäivää"));
    assert!(body.contains(r#"value="2026-05-01""#) && body.contains(r#"value="2026-04-01""#));
    assert!(body.contains(r#"aria-invalid="true""#));
}

#[tokio::test]
async fn sign_in_replaces_the_session_and_sign_out_ends_it() {
    let app = spawn_app().await;
    let first = app.sign_in("1001").await;
    assert_eq!(
        app.get("/records", Some(&first)).await.status(),
        StatusCode::OK
    );
    // Signing in again (with the old cookie) ends the old session.
    let res = app
        .post_form("/dev/sign-in", &[("person", "1001")], Some(&first))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let second = res
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .expect("cookie")
        .to_owned();
    assert_ne!(first, second);
    assert_eq!(
        app.get("/records", Some(&first)).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.get("/records", Some(&second)).await.status(),
        StatusCode::OK
    );

    let out = app.post_form("/sign-out", &[], Some(&second)).await;
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    assert!(out
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("Max-Age=0")));
    assert_eq!(
        app.get("/records", Some(&second)).await.status(),
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn only_demo_persons_can_use_the_development_sign_in() {
    let app = spawn_app().await;
    assert_eq!(
        app.post_form("/dev/sign-in", &[("person", "999999")], None)
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        app.post_form("/dev/sign-in", &[("person", "x")], None)
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn a_cross_origin_post_is_refused() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(format!("{}/dev/sign-in", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", "http://evil.example")
        .body("person=1001")
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(res.headers().get("set-cookie").is_none());
    let res = app
        .client
        .post(format!("{}/sign-out", app.base))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // A POST that says nothing of where it comes from is refused as well.
    let res = app
        .client
        .post(format!("{}/dev/sign-in", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("person=1001")
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // A same-site subdomain is another origin.
    let res = app
        .client
        .post(format!("{}/sign-out", app.base))
        .header("sec-fetch-site", "same-site")
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_language_switch_works_without_javascript_and_stays_on_the_site() {
    let app = spawn_app().await;
    let res = app
        .post_form(
            "/language",
            &[("lang", "sv"), ("return_to", "/records?kind=diagnosis")],
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers().get("location").map(|v| v.as_bytes()),
        Some(&b"/records?kind=diagnosis"[..])
    );
    let cookie = res
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .expect("cookie")
        .to_owned();
    let body = app
        .get("/", Some(&cookie))
        .await
        .text()
        .await
        .expect("body");
    assert!(body.contains(r#"<html lang="sv""#));
    assert!(body.contains("Identifiera dig"));

    let res = app
        .post_form(
            "/language",
            &[("lang", "en"), ("return_to", "//evil.example/")],
            None,
        )
        .await;
    assert_eq!(
        res.headers().get("location").map(|v| v.as_bytes()),
        Some(&b"/"[..])
    );
    assert_eq!(
        app.post_form("/language", &[("lang", "de")], None)
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn a_signed_in_person_s_language_is_kept_for_their_next_sign_in_anywhere() {
    let app = spawn_app().await;
    let lang_cookie = |res: &reqwest::Response| {
        res.headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("omakanta_lang="))
            .map(|v| v.split(';').next().unwrap_or_default().to_owned())
    };
    // Never chosen: a sign-in leaves the browser's language as it is.
    let first = app
        .post_form("/dev/sign-in", &[("person", "1001")], None)
        .await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    assert_eq!(lang_cookie(&first), None);
    let aino = app.sign_in("1001").await;
    let res = app
        .post_form(
            "/language",
            &[("lang", "sv"), ("return_to", "/")],
            Some(&aino),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(lang_cookie(&res).as_deref(), Some("omakanta_lang=sv"));

    // Another device (no cookie of hers) signs in in Swedish, and the page is Swedish.
    let elsewhere = app
        .post_form("/dev/sign-in", &[("person", "1001")], None)
        .await;
    assert_eq!(lang_cookie(&elsewhere).as_deref(), Some("omakanta_lang=sv"));
    // Someone else's choice is theirs only.
    let mikko = app
        .post_form("/dev/sign-in", &[("person", "1002")], None)
        .await;
    assert_eq!(lang_cookie(&mikko), None);
    let trail = archive::inspect::audit_trail(&app.archive, archive::demo::ids::ADULT)
        .await
        .expect("trail");
    assert!(
        trail
            .iter()
            .any(|e| e.action == archive::Action::ChooseLanguage.code()),
        "the choice is on her trail"
    );
}

#[tokio::test]
async fn accessibility_feedback_is_kept_from_anyone_and_every_wrong_field_is_named() {
    let app = spawn_app().await;
    // Signed out, without JavaScript: the statement, and its form.
    let page = app.get("/accessibility", None).await;
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.expect("body");
    assert!(page.contains("Saavutettavuusseloste"));
    assert!(page.contains(r#"action="/accessibility""#));
    let key = form_key(&page);

    // Everything wrong at once: each field named, each linked from the summary, the
    // summary taking the focus, and every text kept as typed.
    let long_page = "p".repeat(301);
    let long_message = format!("<script>x</script>{}", "m".repeat(4000));
    let long_contact = "c".repeat(201);
    let res = app
        .post_form(
            "/accessibility",
            &[
                ("page", &long_page),
                ("message", &long_message),
                ("contact", &long_contact),
                ("key", &key),
            ],
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.expect("body");
    for field in ["page", "message", "contact"] {
        assert!(
            body.contains(&format!(r##"href="#{field}""##)),
            "{field} linked"
        );
        assert!(
            body.contains(&format!(r#"id="{field}-error""#)),
            "{field} explained"
        );
    }
    assert!(body.contains("autofocus"), "the summary takes the focus");
    assert!(body.contains(&long_page));
    assert_eq!(text_area(&body, "message"), long_message);
    assert!(
        !body.contains("<script>x</script>"),
        "typed text is never markup"
    );
    assert!(archive_feedback(&app).await.is_empty(), "nothing kept");
    assert_eq!(form_key(&body), key, "the form keeps its key");

    // Sent, and sent again (a reload of the answer, a second click): kept once.
    for _ in 0..2 {
        let res = app
            .post_form(
                "/accessibility",
                &[("message", "Fokus ei näy."), ("key", &key)],
                None,
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let res = app
        .post_form(
            "/accessibility",
            &[("message", "Fokus ei näy."), ("key", &key)],
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers().get("location").map(|v| v.as_bytes()),
        Some(&b"/accessibility?sent=1#feedback"[..])
    );
    let kept = archive_feedback(&app).await;
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].message, "Fokus ei näy.");
    assert_eq!(kept[0].language, archive::model::Language::Fi);
}

async fn archive_feedback(app: &TestApp) -> Vec<archive::model::ReceivedFeedback> {
    app.archive
        .feedback_received(0, None, 1000)
        .await
        .expect("feedback")
}

#[tokio::test]
async fn an_unknown_page_is_a_translated_404() {
    let app = spawn_app().await;
    let res = app.get("/no-such-page", None).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_security_headers(&res);
    assert!(res
        .text()
        .await
        .expect("body")
        .contains("Sivua ei löytynyt"));
    // Signed in, a missing page still knows who is signed in (its frame, its banner).
    let aino = app.sign_in("1001").await;
    let page = app
        .get("/no-such-page", Some(&aino))
        .await
        .text()
        .await
        .expect("body");
    assert!(page.contains("Sivua ei löytynyt"));
    assert!(
        page.contains("Aino Virtanen"),
        "the frame knows who is signed in"
    );
}

#[test]
fn the_environment_must_be_said() {
    let with = |env: Option<&'static str>| {
        move |k: &str| match k {
            "OMAKANTA_ENV" => env.map(str::to_owned),
            _ => None,
        }
    };
    assert!(Config::from_lookup(with(None)).is_err(), "unset: refused");
    assert!(Config::from_lookup(with(Some("staging"))).is_err());
    let dev = Config::from_lookup(with(Some("development"))).expect("development");
    assert!(dev.demo_data && dev.dev_sign_in());
    assert!(
        Config::from_lookup(with(Some("production"))).is_err(),
        "production without an identity provider"
    );
}

#[test]
fn production_refuses_the_development_sign_in_and_demo_data() {
    let mut config = Config::development(
        "sqlite::memory:".into(),
        "127.0.0.1:3000".parse().expect("addr"),
        "target/site".into(),
    );
    config.environment = Environment::Production;
    config.demo_data = false;
    assert!(config.check().is_err());
    config.oidc_issuer = Some("https://idp.example".into());
    assert!(config.check().is_ok());
    assert!(!config.dev_sign_in());
    config.demo_data = true;
    assert!(config.check().is_err());
}

#[tokio::test]
async fn sign_in_attempts_are_limited_with_a_translated_page() {
    let app = spawn_app().await;
    for _ in 0..20 {
        let res = app
            .post_form("/dev/sign-in", &[("person", "1001")], None)
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let res = app
        .post_form("/dev/sign-in", &[("person", "1001")], None)
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait = common::retry_after(&res);
    assert!((1..=60).contains(&wait), "the rest of the minute: {wait}");
    assert!(
        res.headers().get("set-cookie").is_none(),
        "nobody signed in"
    );
    assert_security_headers(&res);
    assert!(res
        .text()
        .await
        .expect("body")
        .contains("Liian monta yritystä"));
}

#[tokio::test]
async fn writes_are_limited_per_person_whatever_the_session() {
    let app = spawn_app().await;
    let cookie = app.sign_in("1001").await;
    let mut statuses = Vec::new();
    for _ in 0..61 {
        let res = app.post_form("/api/summaries", &[], Some(&cookie)).await;
        statuses.push(res.status());
    }
    assert!(statuses[..60].iter().all(|s| *s == StatusCode::OK));
    assert_eq!(statuses[60], StatusCode::TOO_MANY_REQUESTS);
    // A new session (signing in again, switching whom to act for) does not start afresh.
    let again = app.sign_in("1001").await;
    assert_eq!(
        app.post_form("/api/summaries", &[], Some(&again))
            .await
            .status(),
        StatusCode::TOO_MANY_REQUESTS,
        "signing in again gave no fresh allowance"
    );
    let laura = app.sign_in("1003").await;
    for _ in 0..59 {
        let res = app.post_form("/api/summaries", &[], Some(&laura)).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    let for_eetu = act_for(&app, &laura, "Eetu Nieminen").await;
    assert_eq!(
        app.post_form("/api/summaries", &[], Some(&for_eetu))
            .await
            .status(),
        StatusCode::TOO_MANY_REQUESTS,
        "the switch gave no fresh allowance"
    );
    // Another person's session is not affected.
    let other = app.sign_in("1002").await;
    assert_eq!(
        app.post_form("/api/summaries", &[], Some(&other))
            .await
            .status(),
        StatusCode::OK
    );
}

/// Collects what the server logs on this thread (the test's runtime runs the server's
/// tasks on it too).
#[derive(Clone, Default)]
struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn the_rate_limit_logs_which_limit_and_never_the_address() {
    let captured = Captured::default();
    let writer = captured.clone();
    let _guard = tracing::subscriber::set_default(
        tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_max_level(tracing::Level::WARN)
            .finish(),
    );
    let app = spawn_app().await;
    let mikko = app.sign_in("1002").await;
    let rx = renewable(&app, archive::demo::ids::HEAVY_USER).await;
    let path = format!("/prescriptions/{}", rx.id);
    let mut last = StatusCode::OK;
    for _ in 0..61 {
        last = app.post_form(&path, &[], Some(&mikko)).await.status();
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    let log = String::from_utf8(captured.0.lock().expect("lock").clone()).expect("utf-8");
    assert!(log.contains("rate limit hit"), "{log}");
    assert!(log.contains("writes"), "{log}");
    assert!(
        !log.contains(&rx.id.to_string()),
        "the address in the log: {log}"
    );
}

#[tokio::test]
async fn continuing_the_session_works_from_a_form_and_from_a_script() {
    let app = spawn_app().await;
    let cookie = app.sign_in("1001").await;
    let res = app
        .post_form(
            "/session/extend",
            &[("return_to", "/records?kind=diagnosis")],
            Some(&cookie),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers().get("location").map(|v| v.as_bytes()),
        Some(&b"/records?kind=diagnosis&session=extended"[..])
    );
    let scripted = app
        .client
        .post(format!("{}/session/extend", app.base))
        .header("origin", &app.base)
        .header("x-omakanta-extend", "1")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", &cookie)
        .body("return_to=%2F")
        .send()
        .await
        .expect("request");
    assert_eq!(scripted.status(), StatusCode::NO_CONTENT);
    let signed_out = app
        .client
        .post(format!("{}/session/extend", app.base))
        .header("origin", &app.base)
        .header("x-omakanta-extend", "1")
        .header("content-type", "application/x-www-form-urlencoded")
        .body("return_to=%2F")
        .send()
        .await
        .expect("request");
    assert_eq!(signed_out.status(), StatusCode::UNAUTHORIZED);
    let page = app
        .get("/records", Some(&cookie))
        .await
        .text()
        .await
        .expect("body");
    assert!(page.contains("Istunto päättyy klo"));
}

#[test]
fn the_warning_must_come_before_the_end() {
    let mut config = Config::development(
        "sqlite::memory:".into(),
        "127.0.0.1:3000".parse().expect("addr"),
        "target/site".into(),
    );
    config.session_idle_seconds = 60;
    config.session_warn_seconds = 60;
    assert!(config.check().is_err());
    config.session_warn_seconds = 30;
    assert!(config.check().is_ok());
}

#[tokio::test]
async fn a_guardian_acts_for_her_children_under_the_minors_rules() {
    let app = spawn_app().await;
    let laura = app.sign_in("1003").await;
    let front = app.get("/", Some(&laura)).await.text().await.expect("body");
    assert!(front.contains("Asioi henkilön Eetu Nieminen puolesta"));
    assert!(
        !front.contains(r#"value="1004""#) && !front.contains(r#"value="1005""#),
        "forms name persons by opaque handles, never by ids"
    );
    assert!(front.contains("Asioi henkilön Ella Nieminen puolesta"));

    let for_eetu = act_for(&app, &laura, "Eetu Nieminen").await;
    assert_ne!(for_eetu, laura, "a new session id");
    assert_eq!(
        app.get("/records", Some(&laura)).await.status(),
        StatusCode::SEE_OTHER,
        "the old one is gone"
    );
    let records = app
        .get("/records?from=&to=", Some(&for_eetu))
        .await
        .text()
        .await
        .expect("body");
    assert!(records.contains("Katselet henkilön Eetu Nieminen tietoja huoltajana."));
    assert!(
        !records.contains("Luovutustiedot"),
        "the child's disclosure log is not offered"
    );
    // A direct address answers with a clear refusal, not an empty list.
    let log = app.get("/disclosure-log", Some(&for_eetu)).await;
    assert_eq!(log.status(), StatusCode::FORBIDDEN);
    assert!(log
        .text()
        .await
        .expect("body")
        .contains("Tämä osa ei kuulu oikeuteesi"));

    let back = act_for(&app, &for_eetu, "self").await;
    let for_ella = act_for(&app, &back, "Ella Nieminen").await;
    let records = app
        .get("/records?from=&to=", Some(&for_ella))
        .await
        .text()
        .await
        .expect("body");
    assert!(records.contains("Lapsi on täyttänyt 10 vuotta"));
    assert!(
        !records.contains("Ehkäisyneuvonta"),
        "what the teen decides on alone is not shown"
    );

    let own = act_for(&app, &for_ella, "self").await;
    let front = app.get("/", Some(&own)).await.text().await.expect("body");
    assert!(!front.contains("Katselet henkilön"));
}

#[tokio::test]
async fn the_principal_sees_what_the_mandate_holder_did() {
    let app = spawn_app().await;
    let aino = app.sign_in("1001").await;
    let for_helvi = act_for(&app, &aino, "Helvi Virtanen").await;
    let records = app
        .get("/records", Some(&for_helvi))
        .await
        .text()
        .await
        .expect("body");
    assert!(records.contains("Katselet henkilön Helvi Virtanen tietoja valtuutettuna."));
    // Nobody can act for someone without a right, whatever the form says; an attempt
    // with no relation at all writes nothing into that person's disclosures.
    let mikko_before = archive::inspect::audit_trail(&app.archive, archive::demo::ids::HEAVY_USER)
        .await
        .expect("trail")
        .len();
    let res = app
        .post_form("/acting-for", &[("person", "1002")], Some(&for_helvi))
        .await;
    assert!(res.headers().get("set-cookie").is_none());
    assert_eq!(
        archive::inspect::audit_trail(&app.archive, archive::demo::ids::HEAVY_USER)
            .await
            .expect("trail")
            .len(),
        mikko_before
    );

    let helvi = app.sign_in("1006").await;
    let log = app.get("/disclosure-log", Some(&helvi)).await;
    assert_eq!(log.status(), StatusCode::OK);
    let log = log.text().await.expect("body");
    assert!(log.contains("Aino Virtanen"));
    assert!(log.contains("Valtuutettuna"));
    assert!(log.contains("Terveystietoluettelon katsominen"));
}

/// Every server function on a person's data, with the section it belongs to (`None`:
/// the signed-in person's own look-up, not a section) and its arguments.
type DataFunction = (
    &'static str,
    Option<Section>,
    &'static [(&'static str, &'static str)],
);
const DATA_FUNCTIONS: &[DataFunction] = &[
    ("/api/front-page", None, &[]),
    (
        "/api/records",
        Some(Section::HealthRecords),
        &[("query[from]", "")],
    ),
    (
        "/api/document",
        Some(Section::HealthRecords),
        &[("id", "DOC")],
    ),
    ("/api/summaries", Some(Section::HealthRecords), &[]),
    (
        "/api/kind-summary",
        Some(Section::HealthRecords),
        &[("query[kind]", "measurement")],
    ),
    ("/api/lab-tests", Some(Section::HealthRecords), &[]),
    (
        "/api/lab-series",
        Some(Section::HealthRecords),
        &[("id", "LAB")],
    ),
    (
        "/api/disclosure-log",
        Some(Section::DisclosureLog),
        &[("query[from]", "")],
    ),
    (
        "/api/disclosure-log-entry",
        Some(Section::DisclosureLog),
        &[("key", "ENTRY")],
    ),
    ("/api/prescriptions", Some(Section::Prescriptions), &[]),
    (
        "/api/prescription-summary",
        Some(Section::Prescriptions),
        &[],
    ),
    (
        "/api/prescription",
        Some(Section::Prescriptions),
        &[("id", "RX")],
    ),
    ("/api/renewal-requests", Some(Section::Prescriptions), &[]),
    ("/api/medication-list", Some(Section::Prescriptions), &[]),
    (
        "/api/request-renewal",
        Some(Section::Prescriptions),
        &[
            ("prescription", "RX"),
            ("submission[organisation]", "ORG"),
            ("submission[message]", ""),
            ("submission[key]", "matrix-renewal-key-0001"),
        ],
    ),
    (
        "/api/appointments",
        Some(Section::Appointments),
        &[("past", "all")],
    ),
    (
        "/api/appointment",
        Some(Section::Appointments),
        &[("id", "APPT")],
    ),
    ("/api/social-welfare", Some(Section::SocialWelfare), &[]),
    (
        "/api/social-document",
        Some(Section::SocialWelfare),
        &[("id", "SOCIAL")],
    ),
    ("/api/certificates", Some(Section::Certificates), &[]),
    (
        "/api/certificate",
        Some(Section::Certificates),
        &[("id", "CERT")],
    ),
    ("/api/living-will", Some(Section::LivingWill), &[]),
    (
        "/api/save-living-will",
        Some(Section::LivingWill),
        &[
            ("submission[intent]", "save"),
            ("submission[wishes]", "Haluan kuolla kotona."),
            ("submission[resuscitation]", "refuse"),
            ("submission[ventilation]", "refuse"),
            ("submission[tube-feeding]", "undecided"),
            ("submission[dialysis]", "refuse"),
            ("submission[pain-relief]", "want"),
        ],
    ),
    ("/api/organ-donation", Some(Section::OrganDonation), &[]),
    ("/api/consents", Some(Section::Consents), &[]),
    (
        "/api/consent-choice",
        Some(Section::Consents),
        &[
            ("change[change]", "give"),
            ("change[kind]", "deny-register"),
            ("change[target]", "private"),
        ],
    ),
    (
        "/api/change-consent",
        Some(Section::Consents),
        &[
            ("change[change]", "give"),
            ("change[kind]", "deny-register"),
            ("change[target]", "private"),
        ],
    ),
    (
        "/api/acknowledge-notice",
        Some(Section::Consents),
        &[("submission[read]", "yes")],
    ),
    ("/api/abroad", Some(Section::Abroad), &[]),
    ("/api/patient-summary", Some(Section::Abroad), &[]),
    ("/api/download-contents", Some(Section::Download), &[]),
    (
        "/api/change-abroad",
        Some(Section::Abroad),
        &[
            ("change[service]", "patient-summary"),
            ("change[change]", "give"),
            ("change[denials-read]", "yes"),
        ],
    ),
    (
        "/api/save-organ-donation",
        Some(Section::OrganDonation),
        &[
            ("submission[intent]", "save"),
            ("submission[decision]", "yes-except"),
            ("submission[exclude-corneas]", "yes"),
            ("submission[notes]", "Sarveiskalvoja en luovuta."),
        ],
    ),
    ("/api/wellbeing", Some(Section::WellbeingData), &[]),
    (
        "/api/wellbeing-series",
        Some(Section::WellbeingData),
        &[("measure", "body-weight"), ("period", "month")],
    ),
    (
        "/api/wellbeing-measurement",
        Some(Section::WellbeingData),
        &[("id", "MEASUREMENT")],
    ),
    (
        "/api/save-measurement",
        Some(Section::WellbeingData),
        &[
            ("submission[measure]", "body-weight"),
            ("submission[key]", "6a1f4a52-2d7e-4c4e-9a51-0c7d3c1e0002"),
            ("submission[date]", "2.1.2020"),
            ("submission[time]", "8.00"),
            ("submission[value]", "72,4"),
        ],
    ),
    ("/api/wellbeing-sharing", Some(Section::WellbeingData), &[]),
    (
        "/api/share-wellbeing",
        Some(Section::WellbeingData),
        &[
            ("submission[intent]", "allow"),
            ("submission[kind]", "organisation"),
            ("submission[grantee]", "ORG"),
        ],
    ),
];

/// Whether the registry lets the guardian of a child under 10 use a function's section
/// (the functions of the person's own sections it does not).
fn guardian_reaches(section: Option<Section>) -> bool {
    section.is_none_or(|s| s.covers(Holder::GuardianUnderTen))
}

/// Stands for the document, laboratory result, prescription, organisation,
/// appointment, social-welfare document and certificate in a call's arguments.
struct Ids {
    doc: String,
    lab: String,
    rx: String,
    org: String,
    appt: String,
    social: String,
    cert: String,
    /// An entry of the signed-in person's own disclosure log (the section is theirs).
    entry: String,
    /// A wellbeing measurement of the signed-in person's own (the section is theirs).
    measurement: String,
}

async fn call(
    app: &TestApp,
    path: &str,
    args: &[(&str, &str)],
    ids: &Ids,
    cookie: &str,
) -> (StatusCode, String) {
    let args: Vec<(&str, String)> = args
        .iter()
        .map(|(k, v)| {
            (
                *k,
                v.replace("DOC", &ids.doc)
                    .replace("LAB", &ids.lab)
                    .replace("RX", &ids.rx)
                    .replace("ORG", &ids.org)
                    .replace("APPT", &ids.appt)
                    .replace("SOCIAL", &ids.social)
                    .replace("CERT", &ids.cert)
                    .replace("ENTRY", &ids.entry)
                    .replace("MEASUREMENT", &ids.measurement),
            )
        })
        .collect();
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = app.post_form(path, &args, Some(cookie)).await;
    let status = res.status();
    (status, res.text().await.expect("body"))
}

#[tokio::test]
async fn every_server_function_allows_and_refuses_as_the_archive_decides() {
    // Every function three times within a minute: more than a person's allowance of
    // changes, which is not what this test is about (`limits.rs` is).
    let app = common::spawn_app_with(None, |c| {
        c.allowances.writes_per_minute = 10_000;
        c.allowances.reads_per_minute = 10_000;
    })
    .await;
    // Every function on data is in the list above.
    let registered: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .filter(|p| !PUBLIC_FUNCTIONS.contains(p))
        .collect();
    for path in &registered {
        assert!(
            DATA_FUNCTIONS.iter().any(|(p, _, _)| p == path),
            "{path} is missing from the matrix"
        );
    }
    let laura = app.sign_in("1003").await;
    let for_eetu = act_for(&app, &laura, "Eetu Nieminen").await;
    let eetu_doc = archive::inspect::document_marks(&app.archive, archive::demo::ids::CHILD)
        .await
        .expect("marks")[0]
        .0
        .to_string();
    let eetu = app
        .archive
        .demo_actor(archive::demo::ids::CHILD)
        .await
        .expect("actor");
    let eetu_own = app
        .archive
        .access(
            &eetu,
            archive::demo::ids::CHILD,
            archive::Purpose::CitizenService,
        )
        .await
        .expect("own");
    let eetu_lab = eetu_own.lab_tests().await.expect("tests").tests[0]
        .latest
        .document
        .to_string();
    let eetu_rx = eetu_own
        .prescriptions()
        .await
        .expect("prescriptions")
        .into_iter()
        .find(|p| p.renewal_block.is_none())
        .expect("the child has a prescription to renew");
    let ids = Ids {
        doc: eetu_doc,
        lab: eetu_lab,
        rx: eetu_rx.id.to_string(),
        org: eetu_rx.organisation.id.to_string(),
        appt: eetu_own
            .appointments(archive::model::PastPeriod::All)
            .await
            .expect("appointments")
            .upcoming[0]
            .id
            .to_string(),
        social: eetu_own
            .social_welfare()
            .await
            .expect("social welfare")
            .tasks[0]
            .documents[0]
            .id
            .to_string(),
        cert: eetu_own.certificates().await.expect("certificates")[0]
            .id
            .to_string(),
        entry: app
            .own(archive::demo::ids::ADULT)
            .await
            .disclosure_log(&archive::model::LogFilter::default(), None, 1)
            .await
            .expect("Aino's log")
            .actions[0]
            .key
            .clone(),
        measurement: app
            .own(archive::demo::ids::ADULT)
            .await
            .wellbeing()
            .await
            .expect("Aino's wellbeing data")
            .measures[1]
            .latest
            .as_ref()
            .expect("Aino's newest weight")
            .id
            .get()
            .to_string(),
    };

    // Allowed: the guardian of a 7-year-old, for everything but what is the child's own.
    let own_only: Vec<&str> = DATA_FUNCTIONS
        .iter()
        .filter(|(_, section, _)| !guardian_reaches(*section))
        .map(|(p, _, _)| *p)
        .collect();
    assert!(
        !own_only.is_empty(),
        "the registry has sections of one's own"
    );
    for (path, _, args) in DATA_FUNCTIONS {
        let (status, body) = call(&app, path, args, &ids, &for_eetu).await;
        if own_only.contains(path) {
            assert!(body.contains("not-covered"), "{path}: {status} {body}");
        } else {
            assert_eq!(status, StatusCode::OK, "{path}: {body}");
        }
    }
    // Those the person's own session reaches.
    let own = app.sign_in("1001").await;
    for (path, _, args) in DATA_FUNCTIONS
        .iter()
        .filter(|(p, _, _)| own_only.contains(p))
    {
        let (status, body) = call(&app, path, args, &ids, &own).await;
        assert_eq!(status, StatusCode::OK, "{path} for oneself: {body}");
    }
    // Refused: the same session once the child is taken into care.
    archive::inspect::set_person_flags(&app.archive, archive::demo::ids::CHILD, true, false, false)
        .await
        .expect("flags");
    for (path, _, args) in DATA_FUNCTIONS {
        let (status, body) = call(&app, path, args, &ids, &for_eetu).await;
        assert_ne!(status, StatusCode::OK, "{path}");
        assert!(
            (body.contains("no-right-now") || body.contains("not-covered"))
                && !body.contains("child-in-care"),
            "{path}: {body}"
        );
    }
    // The guardian's own front page lists him, and says why not now: told only that
    // there is no right now, the register's facts unsaid.
    let laura = app.sign_in("1003").await;
    let (status, body) = call(&app, "/api/front-page", &[], &ids, &laura).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        body.contains("Eetu Nieminen") && body.contains("no-right-now"),
        "{body}"
    );
    assert!(!body.contains("child-in-care"), "{body}");
}

#[tokio::test]
async fn prescriptions_show_valid_ones_first_and_the_rest_on_request() {
    let app = spawn_app().await;
    let mikko = app.sign_in("1002").await;
    let valid = app
        .get("/prescriptions", Some(&mikko))
        .await
        .text()
        .await
        .expect("body");
    assert!(valid.contains("Eliquis") && valid.contains("Voimassa"));
    assert!(
        !valid.contains("Mitätöity</dd>"),
        "cancelled ones wait behind the link"
    );
    let all = app
        .get("/prescriptions?show=all", Some(&mikko))
        .await
        .text()
        .await
        .expect("body");
    assert!(all.contains("Mitätöity</dd>") && all.contains("Vanhentunut</dd>"));
    assert!(
        all.contains("Tätä lääkettä ei voi ostaa ulkomailta"),
        "the narcotic says so"
    );
}

/// The renewal form's idempotency key, as the page renders it.
#[tokio::test]
async fn the_renewal_form_works_without_javascript_and_is_sent_once() {
    let app = spawn_app().await;
    let mikko = app.sign_in("1002").await;
    let rx = renewable(&app, archive::demo::ids::HEAVY_USER).await;
    let page_path = format!("/prescriptions/{}", rx.id);
    let page = app.get(&page_path, Some(&mikko)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("body");
    assert!(html.contains(r#"<form method="post""#), "a plain form");
    assert!(html.contains("Ostot"), "purchases are listed");
    let key = form_key(&html);
    let org = rx.organisation.id.to_string();

    // A message too long: the page comes back with the error and everything typed.
    let long = "ä".repeat(1001);
    let res = app
        .post_form(
            &page_path,
            &[("organisation", &org), ("message", &long), ("key", &key)],
            Some(&mikko),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.expect("body");
    assert!(
        html.contains("Viestissä voi olla enintään 1\u{a0}000 merkkiä"),
        "says what is wrong"
    );
    assert!(html.contains(&long), "keeps the message");
    assert!(html.contains(&key), "keeps the key");
    assert!(html.contains(r#"aria-invalid="true""#));
    assert!(
        !html.contains(r#"name="share" value="yes" checked"#),
        "keeps the box unticked"
    );

    // No unit chosen: said so, message kept.
    let res = app
        .post_form(
            &page_path,
            &[
                ("organisation", ""),
                ("message", "Lääke loppuu."),
                ("key", &key),
            ],
            Some(&mikko),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.expect("body");
    assert!(html.contains("Lääke loppuu."));
    assert!(html.contains("Valitse jokin luettelon vaihtoehdoista"));

    // Sent: redirected to the page, which shows the request.
    let form = [
        ("organisation", org.as_str()),
        ("message", "Lääke loppuu."),
        ("share", "yes"),
        ("key", key.as_str()),
    ];
    let res = app.post_form(&page_path, &form, Some(&mikko)).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("location")
        .to_owned();
    assert_eq!(location, format!("{page_path}?sent=1#renewal"));
    // The same form again (back and resubmit, a retry): the same answer, one request.
    let again = app.post_form(&page_path, &form, Some(&mikko)).await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        archive::inspect::renewal_request_counts(&app.archive, archive::demo::ids::HEAVY_USER)
            .await
            .expect("count"),
        (1, 1)
    );
    let html = app
        .get(&format!("{page_path}?sent=1"), Some(&mikko))
        .await
        .text()
        .await
        .expect("body");
    assert!(html.contains("Uusimispyyntösi on lähetetty"));
    assert!(html.contains("Lähetetty, odottaa käsittelyä"));
    assert!(
        !html.contains(r#"<form method="post" action="/prescriptions/"#),
        "no second request offered"
    );

    // Without a session the post goes nowhere but to sign in.
    let res = app.post_form(&page_path, &form, None).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/sign-in")
    );
}

#[tokio::test]
async fn the_medication_list_and_a_prescription_answer_only_within_rights() {
    let app = spawn_app().await;
    let mikko = app.sign_in("1002").await;
    let res = app.get("/medication-list", Some(&mikko)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.expect("body");
    assert!(
        html.contains("Sydän- ja verisuonisairauksien lääkkeet"),
        "grouped by ATC"
    );
    assert!(html.contains("Koottu "), "says when it was compiled");
    // Another person's prescription is not found, and says so.
    let rx = renewable(&app, archive::demo::ids::ADULT).await;
    let res = app
        .get(&format!("/prescriptions/{}", rx.id), Some(&mikko))
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = app.get("/prescriptions/not-a-number", Some(&mikko)).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_living_will_is_written_changed_and_withdrawn_without_javascript() {
    let app = spawn_app().await;
    let aino = app.sign_in("1001").await;
    let page = app.get("/living-will", Some(&aino)).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page
        .text()
        .await
        .expect("body")
        .contains("Sinulla ei ole voimassa olevaa hoitotahtoa"));
    let mut form = vec![
        ("intent", "save"),
        ("wishes", "Haluan olla kotona loppuun asti."),
        ("resuscitation", "refuse"),
        ("ventilation", "refuse"),
        ("tube-feeding", "undecided"),
        ("dialysis", "refuse"),
    ];
    // One treatment left unanswered: said so, everything typed kept, nothing saved.
    let res = app.post_form("/living-will", &form, Some(&aino)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.expect("body");
    assert!(html.contains("Valitse yksi vaihtoehdoista"));
    assert!(html.contains("Haluan olla kotona loppuun asti."));
    assert!(
        html.contains(r##"href="#pain-relief""##),
        "the summary links to the question"
    );
    assert!(html.contains("Sinulla ei ole voimassa olevaa hoitotahtoa"));

    form.push(("pain-relief", "want"));
    let res = app.post_form("/living-will", &form, Some(&aino)).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/living-will?saved=1")
    );
    let html = app
        .get("/living-will?saved=1", Some(&aino))
        .await
        .text()
        .await
        .expect("body");
    assert!(html.contains("Hoitotahtosi on tallennettu."));
    assert!(html.contains("En halua, että minua elvytetään."));
    assert!(html.contains("Kirjoitettu"));

    // Withdrawing needs the confirmation.
    let res = app
        .post_form("/living-will", &[("intent", "withdraw")], Some(&aino))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res
        .text()
        .await
        .expect("body")
        .contains("Vahvista peruminen"));
    let res = app
        .post_form(
            "/living-will",
            &[("intent", "withdraw"), ("confirm", "yes")],
            Some(&aino),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = app
        .get("/living-will?withdrawn=1", Some(&aino))
        .await
        .text()
        .await
        .expect("body");
    assert!(html.contains("Sinulla ei ole voimassa olevaa hoitotahtoa"));
    assert!(
        html.contains("Peruttu") && html.contains("Kirjoitettu"),
        "history kept"
    );

    // A mandate holder gets a page that says why not, and cannot post either.
    let for_helvi = act_for(&app, &aino, "Helvi Virtanen").await;
    let res = app.get("/living-will", Some(&for_helvi)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(res
        .text()
        .await
        .expect("body")
        .contains("Vain henkilö itse voi käyttää sitä"));
    form.push(("pain-relief", "want"));
    let res = app.post_form("/living-will", &form, Some(&for_helvi)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_page_view_reads_once_and_a_posted_form_is_sent_once() {
    let app = spawn_app().await;
    let aino = app.sign_in("1001").await;
    let count = |trail: &[archive::inspect::AuditRow], action: &str| {
        trail.iter().filter(|e| e.action == action).count()
    };
    let trail = || async {
        archive::inspect::audit_trail(&app.archive, archive::demo::ids::ADULT)
            .await
            .expect("trail")
    };
    let before = trail().await;
    for (page, action) in [
        ("/summaries", "summaries.read"),
        ("/records", "records.list"),
        ("/living-will", "living-will.read"),
    ] {
        let res = app.get(page, Some(&aino)).await;
        assert_eq!(res.status(), StatusCode::OK);
        let after = trail().await;
        assert_eq!(
            count(&after, action) - count(&before, action),
            1,
            "{page}: one view, one read"
        );
    }
    // A posted form: the page that answers it sends it once.
    let before = count(&trail().await, "living-will.write");
    let res = app
        .post_form(
            "/living-will",
            &[
                ("intent", "save"),
                ("wishes", "Kerran."),
                ("resuscitation", "refuse"),
                ("ventilation", "refuse"),
                ("tube-feeding", "undecided"),
                ("dialysis", "refuse"),
                ("pain-relief", "want"),
            ],
            Some(&aino),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        count(&trail().await, "living-will.write") - before,
        1,
        "sent once"
    );
}

#[tokio::test]
async fn records_in_another_language_than_the_page_are_marked_with_theirs() {
    let app = spawn_app().await;
    // Johan's records are written in Swedish; his interface here is Finnish.
    let johan = app
        .sign_in(&archive::demo::ids::SWEDISH.get().to_string())
        .await;
    for page in [
        "/records",
        "/prescriptions",
        "/medication-list",
        "/summaries",
    ] {
        let body = app
            .get(page, Some(&johan))
            .await
            .text()
            .await
            .expect("body");
        assert!(
            body.contains(r#"<html lang="fi""#),
            "{page}: the page is Finnish"
        );
        assert!(
            body.contains(r#"lang="sv""#),
            "{page}: his Swedish records are marked"
        );
    }
    // Aino's Finnish records in the English interface are marked Finnish.
    let aino = app.sign_in("1001").await;
    let english = format!("{aino}; omakanta_lang=en");
    let body = app
        .get("/prescriptions", Some(&english))
        .await
        .text()
        .await
        .expect("body");
    assert!(body.contains(r#"<html lang="en""#));
    assert!(
        body.contains(r#"<p lang="fi">"#),
        "a Finnish dosage is marked"
    );
}

#[tokio::test]
async fn a_delayed_result_is_announced_without_its_content_on_every_page() {
    let app = spawn_app().await;
    let aino = app.sign_in("1001").await;
    let own = app.own(archive::demo::ids::ADULT).await;
    let delayed = own.lab_tests().await.expect("labs").delayed;
    assert!(
        delayed.len() >= 2,
        "the demo delays Aino's check-up results"
    );

    let records = app
        .get("/records", Some(&aino))
        .await
        .text()
        .await
        .expect("body");
    assert!(records.contains("Tulossa näkyviin"), "{records}");
    for d in &delayed {
        assert!(records.contains(&format!("href=\"/records/{}\"", d.id)));
    }
    let lab = app
        .get("/lab", Some(&aino))
        .await
        .text()
        .await
        .expect("body");
    assert!(lab.contains("Tulossa näkyviin") && lab.contains("näkyy"));

    for lang in ["fi", "sv", "en"] {
        let cookie = format!("{aino}; omakanta_lang={lang}");
        let res = app
            .get(&format!("/records/{}", delayed[0].id), Some(&cookie))
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let page = res.text().await.expect("body");
        let said = match lang {
            "fi" => "näkyy vasta",
            "sv" => "visas först",
            _ => "appears on",
        };
        assert!(page.contains(said), "{lang}: {page}");
        // Nothing of what it says: no test, value, table or code.
        for content in ["B-Hb", "P-TSH", "Hemoglobiini", "<table", "g/L", "mU/L"] {
            assert!(!page.contains(content), "{lang}: {content} shown early");
        }
    }

    // The server function answers the same: that it is delayed, nothing more.
    let api = app
        .post_form(
            "/api/document",
            &[("id", &delayed[0].id.to_string())],
            Some(&aino),
        )
        .await;
    assert_eq!(api.status(), StatusCode::OK);
    let json = api.text().await.expect("body");
    assert!(json.contains("Delayed") && !json.contains("B-Hb"), "{json}");
}

#[tokio::test]
async fn a_lab_trend_s_period_is_chosen_without_javascript_and_its_plot_and_table_agree() {
    let app = spawn_app().await;
    let mikko = app.sign_in("1002").await;
    let hba1c = app
        .own(archive::demo::ids::HEAVY_USER)
        .await
        .lab_tests()
        .await
        .expect("tests")
        .tests
        .into_iter()
        .find(|t| t.test_code == "B-HbA1c")
        .expect("HbA1c")
        .latest
        .document;
    let mut shown = Vec::new();
    for (query, checked) in [
        ("", "5y"),
        ("?period=1y", "1y"),
        ("?period=5y", "5y"),
        ("?period=all", "all"),
    ] {
        let res = app.get(&format!("/lab/{hba1c}{query}"), Some(&mikko)).await;
        assert_eq!(res.status(), StatusCode::OK, "{query}");
        let body = res.text().await.expect("body");
        let points = body.matches(r#"class="lab-point"#).count();
        let rows = body.matches(r#"href="/records/"#).count();
        assert_eq!(
            points, rows,
            "{query}: the plot and the table show the same results"
        );
        for code in ["1y", "5y", "all"] {
            let at = body.find(&format!(r#"value="{code}""#)).expect("a choice");
            let start = body[..at].rfind("<input").expect("its input");
            let end = at + body[at..].find('>').expect("its end");
            assert_eq!(
                body[start..end].contains("checked"),
                code == checked,
                "{query}: {code} is chosen only when asked for: {}",
                &body[start..=end]
            );
        }
        shown.push((query, points, body.contains("ei näy tällä ajanjaksolla")));
    }
    let count = |q: &str| shown.iter().find(|s| s.0 == q).map(|s| s.1).unwrap_or(0);
    assert!(
        count("?period=1y") <= count("?period=5y") && count("?period=5y") < count("?period=all")
    );
    assert_eq!(count(""), count("?period=5y"), "five years unless asked");
    assert!(
        shown.iter().any(|s| s.0 == "?period=5y" && s.2),
        "says how many are left out"
    );
    assert!(shown.iter().all(|s| s.0 != "?period=all" || !s.2));

    let bad = app
        .get(&format!("/lab/{hba1c}?period=10y"), Some(&mikko))
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let body = bad.text().await.expect("body");
    assert!(body.contains(r##"href="#period""##) && body.contains(r#"id="period""#));
}

#[tokio::test]
async fn a_mandate_ending_soon_is_announced_to_its_holder_and_its_giver() {
    let app = spawn_app().await;
    let mikko = app.sign_in("1002").await;
    let johan = app
        .sign_in(&archive::demo::ids::SWEDISH.get().to_string())
        .await;
    for (cookie, said) in [
        (
            &mikko,
            "Valtuutus, jolla voit asioida henkilön Johan Lindqvist puolesta, on voimassa",
        ),
        (
            &johan,
            "Valtuutus, jonka annoit henkilölle Mikko Korhonen, on voimassa",
        ),
    ] {
        let front = app.get("/", Some(cookie)).await.text().await.expect("body");
        assert!(front.contains("Päättyvät valtuutukset"), "{front}");
        assert!(front.contains(said), "{said}");
    }
    // Aino's mandate from Helvi lasts years: nothing to announce.
    let aino = app.sign_in("1001").await;
    let front = app.get("/", Some(&aino)).await.text().await.expect("body");
    assert!(!front.contains("Päättyvät valtuutukset"));
    assert!(front.contains("Helvi Virtanen"));
}

#[tokio::test]
async fn each_summary_kind_has_a_page_with_a_date_range_without_javascript() {
    let app = spawn_app().await;
    let mikko = app.sign_in("1002").await;
    let page = |path: String| {
        let (app, mikko) = (&app, &mikko);
        async move {
            let res = app.get(&path, Some(mikko)).await;
            (res.status(), res.text().await.expect("body"))
        }
    };
    // The last twelve months unless asked; the range is said, for a printout too.
    let (status, diagnoses) = page("/summaries/diagnosis".into()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(diagnoses.contains("<h1") && diagnoses.contains("Diagnoosit"));
    assert!(diagnoses.contains("Ajalta ") && diagnoses.contains(r#"type="date""#));
    assert!(
        diagnoses.contains("E11.9") || diagnoses.contains("I10"),
        "a chronic diagnosis of the year"
    );
    // Vaccinations: all years, from childhood on.
    let (_, vaccinations) = page("/summaries/vaccination".into()).await;
    assert!(vaccinations.contains("Kaikilta vuosilta"));
    assert!(vaccinations.contains("J07"), "ATC codes of vaccines");
    // A range narrows it; the delayed imaging report is listed as delayed.
    let (_, all_imaging) = page("/summaries/imaging?from=&to=".into()).await;
    assert!(all_imaging.contains("näkyy"), "the delayed report");
    let (_, old) = page("/summaries/diagnosis?from=2000-01-01&to=2000-12-31".into()).await;
    assert!(old.contains("1.1.2000") && old.contains("31.12.2000"));
    // Wrong input is explained and kept; an unknown kind is not found.
    let (status, bad) = page("/summaries/procedure?from=31.2.2026&to=x".into()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(bad.contains(r##"href="#from""##) && bad.contains(r#"value="31.2.2026""#));
    let (status, _) = page("/summaries/visit-note".into()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Measurements with their values in the reader's format; referrals and care plans
    // with their whole text, paragraph by paragraph.
    let (_, measured) = page("/summaries/measurement".into()).await;
    assert!(measured.contains("Verenpaine") && measured.contains("Paino"));
    let pressure = measured
        .split(" mmHg<")
        .next()
        .and_then(|before| before.rsplit('>').next());
    let parts: Vec<&str> = pressure.map(|p| p.split('/').collect()).unwrap_or_default();
    assert!(
        parts.len() == 2 && parts.iter().all(|n| n.parse::<u16>().is_ok()),
        "a blood pressure as 128/82 mmHg: {pressure:?}"
    );
    assert!(measured.contains(" kg<"));
    let (_, plans) = page("/summaries/care-plan".into()).await;
    assert!(
        plans.contains("<article")
            && plans.contains("<p class=\"whitespace-pre-line\">Tavoitteet:")
    );
    let (_, recent) = page("/summaries/referral".into()).await;
    let (_, ever) = page("/summaries/referral?from=&to=".into()).await;
    assert!(recent.contains("kardiologian") && !recent.contains("ortopedian"));
    assert!(ever.contains("kardiologian") && ever.contains("ortopedian"));
    let johan = app.sign_in("1007").await;
    let res = app.get("/summaries/care-plan", Some(&johan)).await;
    let swedish = res.text().await.expect("body");
    assert!(swedish.contains(r#"lang="sv""#) && swedish.contains("Mål: blodtryck"));
    // The overview links every kind's page.
    let (_, overview) = page("/summaries".into()).await;
    for kind in [
        "diagnosis",
        "risk",
        "vaccination",
        "procedure",
        "measurement",
        "imaging",
        "referral",
        "care-plan",
    ] {
        assert!(
            overview.contains(&format!(r#"href="/summaries/{kind}""#)),
            "{kind}"
        );
    }
}

#[tokio::test]
async fn the_prescription_summary_prints_what_was_chosen_with_its_date() {
    let app = spawn_app().await;
    let mikko = app.sign_in("1002").await;
    let own = app
        .own(archive::demo::ids::HEAVY_USER)
        .await
        .prescriptions()
        .await
        .expect("prescriptions");
    let in_force = own.iter().filter(|p| p.status.in_force()).count();
    let with_medicine = own
        .iter()
        .filter(|p| p.status.in_force() && p.remaining_packages > 0)
        .count();
    assert!(
        with_medicine < in_force,
        "the demo has a used-up prescription in force"
    );
    let rows = |html: &str| html.matches(r#"<th scope="row""#).count();
    let list = app
        .get("/prescriptions", Some(&mikko))
        .await
        .text()
        .await
        .expect("body");
    assert!(list.contains(r#"href="/prescription-summary""#));
    for (query, expected) in [
        ("", in_force),
        ("?which=valid", in_force),
        ("?which=remaining", with_medicine),
    ] {
        let res = app
            .get(&format!("/prescription-summary{query}"), Some(&mikko))
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let body = res.text().await.expect("body");
        assert_eq!(rows(&body), expected, "{query}");
        assert!(body.contains("Koottu "), "{query}: the date printed");
    }
    let bad = app
        .get("/prescription-summary?which=some", Some(&mikko))
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert!(bad
        .text()
        .await
        .expect("body")
        .contains(r##"href="#which""##));
}

#[tokio::test]
async fn the_medication_list_says_where_each_line_comes_from() {
    let app = spawn_app().await;
    let helvi = app
        .sign_in(&archive::demo::ids::ELDER.get().to_string())
        .await;
    let list = app
        .get("/medication-list", Some(&helvi))
        .await
        .text()
        .await
        .expect("body");
    assert!(list.contains("Parasetamoli") && list.contains("Annettu sosiaalihuollossa"));
    assert!(
        list.contains("Resepti: "),
        "and her prescriptions beside it"
    );
    assert!(
        !list.contains("Furosemidi"),
        "the hospital's ended course is not on it"
    );
    let english = format!("{helvi}; omakanta_lang=en");
    let list = app
        .get("/medication-list", Some(&english))
        .await
        .text()
        .await
        .expect("body");
    assert!(list.contains("Given in social care") && list.contains("Until further notice"));
}

#[tokio::test]
async fn each_step_of_a_renewal_request_is_told_with_its_time() {
    let app = spawn_app().await;
    let aino = app.sign_in("1001").await;
    let html = app
        .get("/prescriptions", Some(&aino))
        .await
        .text()
        .await
        .expect("body");
    // Her renewed and rejected requests: sent, taken up, answered, each with its time.
    for step in ["Lähetetty ", "Käsittely alkoi ", "Uusittu ", "Hylätty "] {
        let at = html
            .split(&format!("<li>{step}"))
            .nth(1)
            .and_then(|rest| rest.split("</li>").next())
            .unwrap_or_else(|| panic!("no step {step}"));
        assert!(at.contains(" klo "), "{step}{at}: a day and a time");
    }
}

#[tokio::test]
async fn the_front_page_tells_what_is_new_since_the_previous_visit() {
    let app = spawn_app().await;
    // The demo gave each person a visit two weeks ago.
    let aino = app.sign_in("1001").await;
    let front = app.get("/", Some(&aino)).await.text().await.expect("body");
    // (Two weeks before the demo's day, at nine in the morning.)
    assert!(front.contains("Edellinen käyntisi: ") && front.contains(" klo 09.00."));
    assert!(
        front.contains("Edellisen käyntisi jälkeen on tullut"),
        "her check-up's note"
    );
    assert!(front.contains("Ei uutta resepteissä edellisen käyntisi jälkeen."));
    // The demo's replay had her health centre ask for her documents before a visit.
    assert!(front.contains(
        "Palvelunantaja on katsonut tietojasi kerran edellisen käyntisi jälkeen: \
         Helsingin kaupunki, sosiaali-, terveys- ja pelastustoimiala."
    ));
    assert!(!front.contains("Kukaan muu ei ole käyttänyt tietojasi"));
    assert!(front.contains("Et ole tallentanut hoitotahtoa."));
    // Aino reads her mother's records by her mandate; her mother is told on her front
    // page, by name. Acting for her mother, Aino hears only of the sections she covers.
    let for_helvi = common::act_for(&app, &aino, "Helvi Virtanen").await;
    assert_eq!(
        app.get("/records", Some(&for_helvi)).await.status(),
        StatusCode::OK
    );
    let proxy_front = app
        .get("/", Some(&for_helvi))
        .await
        .text()
        .await
        .expect("body");
    assert!(proxy_front.contains("edellisen käyntisi jälkeen"));
    assert!(!proxy_front.contains("käyttänyt tietojasi"));
    let helvi = app.sign_in("1006").await;
    let front = app.get("/", Some(&helvi)).await.text().await.expect("body");
    assert!(
        front.contains("edellisen käyntisi jälkeen: Aino Virtanen."),
        "{front}"
    );
    // Someone no one else acted for is told so.
    let mikko = app.sign_in("1002").await;
    let front = app.get("/", Some(&mikko)).await.text().await.expect("body");
    assert!(
        front.contains("Kukaan muu ei ole käyttänyt tietojasi"),
        "{front}"
    );
    // A certificate forwarded since his previous visit (kept when he signed in, so
    // his own reads since do not move it) is news in his own disclosure log, though no
    // person used his data.
    let johan = app.sign_in("1007").await;
    archive::inspect::forward_a_certificate(
        &app.own(archive::demo::ids::SWEDISH).await,
        &format!("{}T00:01", app.archive.clock().today()),
    )
    .await
    .expect("forwarded");
    let front = app.get("/", Some(&johan)).await.text().await.expect("body");
    assert!(
        front.contains("Yksi todistus on lähetetty edellisen käyntisi jälkeen: Traficom."),
        "{front}"
    );
    assert!(!front.contains("Kukaan muu ei ole käyttänyt"), "{front}");
}

/// The links of a page to other pages of the site (not assets, not the server
/// functions, nothing that changes something on GET).
fn page_links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| href.replace("&amp;", "&"))
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .filter(|href| {
            href.starts_with('/')
                && !href.starts_with("//")
                && !href.starts_with("/pkg/")
                && !href.starts_with("/api/")
                && !href.ends_with(".ics")
        })
        .collect()
}

/// Every read a page begins it ends: none is begun and given up. (Pages called their
/// server functions inside `Suspend`, which `Suspense` polls once to see what it waits
/// for, then drops and runs again: each page began its reads about three times and
/// gave up two of them, a transaction each, before it rendered.)
#[tokio::test]
async fn a_page_begins_each_read_once() {
    let app = spawn_app().await;
    let cookie = app.sign_in("1002").await;
    let mut seen = std::collections::BTreeSet::new();
    let mut next = vec!["/".to_owned()];
    while let Some(path) = next.pop() {
        if seen.len() >= 60 || !seen.insert(path.clone()) {
            continue;
        }
        let res = app.get(&path, Some(&cookie)).await;
        if res.status() != StatusCode::OK {
            continue;
        }
        let html = res.text().await.expect("body");
        next.extend(page_links(&html));
    }
    assert!(seen.len() > 20, "the pages were reached: {seen:?}");
    assert_eq!(
        app.archive.db().reads_given_up(),
        0,
        "reads were begun and given up on the {} pages visited",
        seen.len()
    );
}
