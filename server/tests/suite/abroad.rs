//! Abroad with JavaScript off: the countries of the dated list named in the page's
//! language; the Patient Summary's consent refused until the box saying denials do not
//! apply abroad is ticked (422, the page again with the box and its message), then given
//! (303 back) and withdrawn; what cannot be bought abroad named; a proxy told why not.

use crate::common;

use archive::model::CrossBorderService;
use common::{act_for, spawn_app};
use reqwest::StatusCode;

#[tokio::test]
async fn consent_abroad_is_given_only_once_denials_are_read_and_withdrawn_without_javascript() {
    let app = spawn_app().await;
    let aino = app.sign_in("1001").await;
    let page = app.get("/abroad", Some(&aino)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("body");
    for text in [
        "Suomalainen sähköinen resepti ulkomailla",
        "Potilasyhteenveto ulkomailla",
        "Kroatia",
        "Norja",
        "Kiellot eivät koske potilasyhteenvetoa ulkomailla.",
        "Huumausaineita ja keskushermostoon vaikuttavia lääkkeitä",
        "Et ole antanut etkä perunut suostumuksia.",
    ] {
        assert!(html.contains(text), "{text}");
    }
    // Norway has the Patient Summary, not the ePrescription: named once.
    assert_eq!(html.matches("<li>Norja</li>").count(), 1);
    let own = app.own(archive::demo::ids::ADULT).await;

    // Without the box: refused, the box shown with its message, nothing changed.
    let give = [("service", "patient-summary"), ("change", "give")];
    let res = app.post_form("/abroad", &give, Some(&aino)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.expect("body");
    assert!(html.contains(
        "Vahvista, että olet lukenut, että kiellot eivät koske potilasyhteenvetoa ulkomailla."
    ));
    assert!(html.contains("href=\"#denials-read\""));
    assert!(own.abroad().await.expect("read").history.is_empty());

    // With it: given, 303 back to the page that says so.
    let res = app
        .post_form(
            "/abroad",
            &[give[0], give[1], ("denials-read", "yes")],
            Some(&aino),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/abroad?changed=give")
    );
    let html = app
        .get("/abroad?changed=give", Some(&aino))
        .await
        .text()
        .await
        .expect("body");
    assert!(html.contains("Suostumus on annettu, ja se on voimassa heti."));
    assert!(html.contains("Peru suostumus potilasyhteenvedon käyttöön ulkomailla"));
    let abroad = own.abroad().await.expect("read");
    assert!(abroad
        .service(CrossBorderService::PatientSummary)
        .and_then(|s| s.since)
        .is_some());

    // The ePrescription's needs no box; withdrawn the same way.
    let res = app
        .post_form(
            "/abroad",
            &[("service", "eprescription"), ("change", "give")],
            Some(&aino),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = app
        .post_form(
            "/abroad",
            &[("service", "patient-summary"), ("change", "withdraw")],
            Some(&aino),
        )
        .await;
    assert_eq!(
        res.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/abroad?changed=withdraw")
    );
    let abroad = own.abroad().await.expect("read");
    assert_eq!(abroad.history.len(), 3);
    assert!(abroad
        .service(CrossBorderService::EPrescription)
        .and_then(|s| s.since)
        .is_some());
    assert_eq!(
        abroad
            .service(CrossBorderService::PatientSummary)
            .and_then(|s| s.since),
        None
    );

    // A form not of this page: nothing changes.
    let res = app
        .post_form(
            "/abroad",
            &[("service", "everything"), ("change", "give")],
            Some(&aino),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(own.abroad().await.expect("read").history.len(), 3);
}

#[tokio::test]
async fn what_cannot_be_bought_abroad_is_named_and_a_proxy_is_told_why_not() {
    let app = spawn_app().await;
    // Mikko's narcotic; Johan's consents, in Swedish.
    let mikko = app.sign_in("1002").await;
    let html = app
        .get("/abroad", Some(&mikko))
        .await
        .text()
        .await
        .expect("body");
    assert!(html.contains("Näitä voimassa olevia reseptejäsi ei siksi voi käyttää ulkomailla:"));
    assert!(html.contains("Sinulla on yksi voimassa oleva kielto."));
    assert!(html.contains("Peruttu"), "his history");
    let johan = app.sign_in("1007").await;
    let html = app
        .client
        .get(format!("{}/abroad", app.base))
        .header("cookie", format!("{johan}; omakanta_lang=sv"))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body");
    assert!(html.contains("Patientöversikt utomlands"));
    assert!(html.contains("Tjeckien"));
    assert!(html.contains("Samtycket gäller från"));

    // A mandate holder and a guardian: the page says only the person can, posts refused.
    let aino = app.sign_in("1001").await;
    let for_helvi = act_for(&app, &aino, "Helvi Virtanen").await;
    let res = app.get("/abroad", Some(&for_helvi)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(res
        .text()
        .await
        .expect("body")
        .contains("Vain henkilö itse voi käyttää sitä."));
    let res = app
        .post_form(
            "/abroad",
            &[("service", "eprescription"), ("change", "give")],
            Some(&for_helvi),
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let laura = app.sign_in("1003").await;
    let for_eetu = act_for(&app, &laura, "Eetu Nieminen").await;
    let res = app.get("/abroad", Some(&for_eetu)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let helvi = app.own(archive::demo::ids::ELDER).await;
    assert!(helvi.abroad().await.expect("read").history.is_empty());
}

#[tokio::test]
async fn the_patient_summary_is_a_page_and_a_valid_ips_download_for_the_person_only() {
    let app = spawn_app().await;
    let mikko = app.sign_in("1002").await;
    let page = app.get("/abroad/summary", Some(&mikko)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("body");
    for text in [
        "Potilasyhteenveto",
        "Allergiat ja riskitiedot",
        "Diagnoosit",
        "Lääkitys",
        "Rokotukset",
        "Viimeisimmät laboratoriotulokset",
        "Kiellot eivät koske potilasyhteenvetoa",
        "href=\"/abroad/summary.json\"",
    ] {
        assert!(html.contains(text), "{text}");
    }
    let own = app.own(archive::demo::ids::HEAVY_USER).await;
    let summary = own.patient_summary().await.expect("summary");
    assert!(html.contains(&summary.problems[0].coding.code));

    // The download: an IPS document that passes the guide's checks.
    let res = app.get("/abroad/summary.json", Some(&mikko)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/fhir+json; charset=utf-8")
    );
    assert!(res
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("attachment")));
    let bundle: serde_json::Value =
        serde_json::from_str(&res.text().await.expect("body")).expect("JSON");
    assert_eq!(phr::ips::check(&bundle), Vec::<String>::new());
    assert_eq!(
        bundle["entry"][0]["resource"]["resourceType"],
        "Composition"
    );

    // Signed out: sent to sign in. A proxy: refused, the page and the file.
    let res = app.get("/abroad/summary.json", None).await;
    assert!(res.status().is_redirection() || res.url().path() == "/sign-in");
    let aino = app.sign_in("1001").await;
    let for_helvi = act_for(&app, &aino, "Helvi Virtanen").await;
    for path in ["/abroad/summary", "/abroad/summary.json"] {
        let res = app.get(path, Some(&for_helvi)).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{path}");
    }
}
