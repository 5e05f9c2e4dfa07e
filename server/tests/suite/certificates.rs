//! Certificates over HTTP: the list says where each went, a certificate shows what it
//! says in its own language, and the disclosure log lists each forwarding; a guardian
//! of a teen does not open what is hers alone.

use crate::common;

use archive::demo::ids;
use archive::inspect::certificate_marks;
use common::{act_for, spawn_app};
use reqwest::StatusCode;

#[tokio::test]
async fn where_each_went_is_said_and_each_forwarding_is_in_the_disclosure_log() {
    let app = spawn_app().await;
    let mikko = app.sign_in("1002").await;
    let html = app
        .get("/certificates", Some(&mikko))
        .await
        .text()
        .await
        .expect("body");
    assert!(html.contains("Ajoterveyslausunto (Traficom)"));
    assert!(html.contains("Lähetetty: Traficom"));
    let list = app
        .own(ids::HEAVY_USER)
        .await
        .certificates()
        .await
        .expect("list");
    let page = app
        .get(&format!("/certificates/{}", list[0].id), Some(&mikko))
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("body");
    assert!(html.contains(r#"lang="fi""#) && html.contains("Todistuksen sisältö"));
    let log = app
        .get("/disclosure-log", Some(&mikko))
        .await
        .text()
        .await
        .expect("body");
    assert!(log.contains("Muille organisaatioille lähetetyt todistukset"));
    assert!(log.contains("Traficom") && log.contains("Lääkärinlausunto B (SV 7)"));
    // In Swedish, Kela is FPA.
    let johan = app.sign_in("1007").await;
    let res = app
        .client
        .get(format!("{}/certificates", app.base))
        .header("cookie", format!("{johan}; omakanta_lang=sv"))
        .send()
        .await
        .expect("request");
    let html = res.text().await.expect("body");
    assert!(html.contains("Skickat: FPA") && html.contains("Inte skickat."));
}

#[tokio::test]
async fn a_teen_s_guardian_does_not_open_what_is_hers_alone() {
    let app = spawn_app().await;
    let laura = app.sign_in("1003").await;
    let for_ella = act_for(&app, &laura, "Ella Nieminen").await;
    let marks = certificate_marks(&app.archive, ids::TEEN)
        .await
        .expect("marks");
    let seen = app.own(ids::TEEN).await.certificates().await.expect("list");
    assert_eq!(seen.len(), marks.len());
    let html = app
        .get("/certificates", Some(&for_ella))
        .await
        .text()
        .await
        .expect("body");
    let shown: Vec<_> = seen
        .iter()
        .filter(|c| html.contains(&format!("/certificates/{}", c.id)))
        .collect();
    assert_eq!(shown.len(), 1, "only the one from before she was ten");
    let hers = seen
        .iter()
        .find(|c| !html.contains(&format!("/certificates/{}", c.id)))
        .expect("hers");
    let res = app
        .get(&format!("/certificates/{}", hers.id), Some(&for_ella))
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
