//! The download of all one's data over HTTP: the heavy user's file is one FHIR R4
//! collection Bundle, sent as it is read, whose references resolve, with the download's
//! one audit event; the signed-out are sent to sign in; a mandate holder is refused
//! with a page that says so, and nothing is read.

use reqwest::StatusCode;

use crate::common::{act_for, spawn_app};

const FILE: &str = "/download/omakanta.json";

#[tokio::test]
async fn the_person_downloads_everything_as_one_fhir_bundle() {
    let app = spawn_app().await;
    let mikko = app.sign_in("1002").await;
    let before = archive::inspect::audit_trail(&app.archive, archive::demo::ids::HEAVY_USER)
        .await
        .expect("trail")
        .len();
    let res = app.get(FILE, Some(&mikko)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(
        header("content-type"),
        "application/fhir+json; charset=utf-8"
    );
    assert_eq!(
        header("content-disposition"),
        "attachment; filename=\"omakanta.json\""
    );
    assert_eq!(header("cache-control"), "no-store");
    // Sent as it is read: no length known before.
    assert!(res.headers().get("content-length").is_none());
    let text = res.text().await.expect("body");
    let bundle: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(phr::download::check(&bundle), Vec::<String>::new());
    let entries = bundle["entry"].as_array().expect("entries");
    assert!(
        entries.len() > 1_000,
        "the heavy user's thousands of documents"
    );
    let patient = &entries[0]["resource"];
    assert_eq!(patient["resourceType"], "Patient");
    assert_eq!(patient["name"][0]["family"], "Korhonen");

    let trail = archive::inspect::audit_trail(&app.archive, archive::demo::ids::HEAVY_USER)
        .await
        .expect("trail");
    assert_eq!(
        trail.iter().filter(|e| e.action == "download.file").count(),
        1
    );
    assert!(trail.len() > before);
}

#[tokio::test]
async fn the_download_ends_whole_when_compressed() {
    let app = spawn_app().await;
    let aino = app.sign_in("1001").await;
    for encoding in ["gzip", "br"] {
        let res = app
            .client
            .get(format!("{}{FILE}", app.base))
            .header("cookie", &aino)
            .header("accept-encoding", encoding)
            .send()
            .await
            .expect("request");
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            res.headers()
                .get("content-encoding")
                .and_then(|v| v.to_str().ok()),
            Some(encoding)
        );
        let body = res.bytes().await.expect("the whole body, ended");
        assert!(!body.is_empty());
    }
}

#[tokio::test]
async fn only_the_person_downloads() {
    let app = spawn_app().await;
    let res = app.get(FILE, None).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/sign-in")
    );

    let aino = app.sign_in("1001").await;
    let for_helvi = act_for(&app, &aino, "Helvi Virtanen").await;
    let res = app.get(FILE, Some(&for_helvi)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let page = res.text().await.expect("body");
    assert!(page.contains("<html"), "a page, not a file");
    assert!(!page.contains("resourceType"));
    let trail = archive::inspect::audit_trail(&app.archive, archive::demo::ids::ELDER)
        .await
        .expect("trail");
    assert!(trail
        .iter()
        .all(|e| e.action != "download.file" || e.outcome != "ok"));
}
