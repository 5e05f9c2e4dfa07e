//! Consents and denials with JavaScript off: the notice acknowledged with its box
//! ticked; every change through a page that states its effect, made only by its
//! button (303 back), withdrawn the same way; nothing of another person's can be
//! denied; proxies let in nowhere.

use crate::common;

use common::{act_for, spawn_app};
use reqwest::StatusCode;

#[tokio::test]
async fn the_notice_is_acknowledged_and_a_denial_given_and_withdrawn_without_javascript() {
    let app = spawn_app().await;
    let aino = app.sign_in("1001").await;
    let page = app.get("/consents", Some(&aino)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("body");
    assert!(html.contains("Olen lukenut Kanta-palvelujen informaation."));
    assert!(html.contains("Sinulla ei ole voimassa olevia kieltoja."));

    // The notice: the box must be ticked.
    let res = app.post_form("/consents", &[], Some(&aino)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res
        .text()
        .await
        .expect("body")
        .contains("Vahvista lukeminen rastittamalla ruutu."));
    let res = app
        .post_form("/consents", &[("read", "yes")], Some(&aino))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/consents?read=1")
    );
    let html = app
        .get("/consents?read=1", Some(&aino))
        .await
        .text()
        .await
        .expect("body");
    assert!(html.contains("Luit informaation"));

    // The confirmation page states the effect and changes nothing by itself.
    let confirm = "/consents/confirm?change=give&kind=deny-register&target=occupational";
    let html = app
        .get(confirm, Some(&aino))
        .await
        .text()
        .await
        .expect("body");
    assert!(html.contains("Työterveyshuolto"));
    assert!(html.contains("eivät näy muiden rekisterien palvelunantajille"));
    assert!(html.contains("Hoitotahto ja elinluovutustahto näkyvät hoitohenkilökunnalle"));
    let own = app.own(archive::demo::ids::ADULT).await;
    assert!(own.consents().await.expect("read").in_force.is_empty());

    // Its button makes it.
    let form = [
        ("change", "give"),
        ("kind", "deny-register"),
        ("target", "occupational"),
    ];
    let res = app.post_form("/consents/confirm", &form, Some(&aino)).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/consents?changed=give")
    );
    assert_eq!(own.consents().await.expect("read").in_force.len(), 1);
    let html = app
        .get("/consents?changed=give", Some(&aino))
        .await
        .text()
        .await
        .expect("body");
    assert!(html.contains("Muutos on tehty ja voimassa heti."));
    assert!(html.contains("Rekisterin tietojen luovutuskielto"));
    // Asked again: already in force, nothing to confirm.
    let html = app
        .get(confirm, Some(&aino))
        .await
        .text()
        .await
        .expect("body");
    assert!(html.contains("Tämä on jo voimassa"));

    // A prescription's denial says what it means at the pharmacy.
    let rx = common::renewable(&app, archive::demo::ids::ADULT).await;
    let html = app
        .get(&format!("/prescriptions/{}", rx.id), Some(&aino))
        .await
        .text()
        .await
        .expect("body");
    let link = format!(
        "/consents/confirm?change=give&amp;kind=deny-prescription&amp;target={}",
        rx.id
    );
    assert!(html.contains(&link), "the prescription's page links to it");
    let html = app
        .get(&link.replace("&amp;", "&"), Some(&aino))
        .await
        .text()
        .await
        .expect("body");
    assert!(html.contains("paperisen potilasohjeen"));
    assert!(html.contains(&rx.product));

    // Withdrawn the same way, at once; the history keeps both.
    let res = app
        .post_form(
            "/consents/confirm",
            &[
                ("change", "withdraw"),
                ("kind", "deny-register"),
                ("target", "occupational"),
            ],
            Some(&aino),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let consents = own.consents().await.expect("read");
    assert!(consents.in_force.is_empty());
    assert_eq!(consents.history.len(), 2);
    let html = app
        .get("/consents?changed=withdraw", Some(&aino))
        .await
        .text()
        .await
        .expect("body");
    assert!(html.contains("Annettu") && html.contains("Peruttu"));
}

#[tokio::test]
async fn nothing_of_another_person_and_no_proxy() {
    let app = spawn_app().await;
    let aino = app.sign_in("1001").await;
    // Mikko's prescription, and a kind that is none: not found, nothing changed.
    let his = common::renewable(&app, archive::demo::ids::HEAVY_USER).await;
    for path in [
        format!(
            "/consents/confirm?change=give&kind=deny-prescription&target={}",
            his.id
        ),
        "/consents/confirm?change=give&kind=deny-everything&target=".to_owned(),
        "/consents/confirm?change=give&kind=deny-register&target=hospital".to_owned(),
    ] {
        let res = app.get(&path, Some(&aino)).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let his_id = his.id.to_string();
    let res = app
        .post_form(
            "/consents/confirm",
            &[
                ("change", "give"),
                ("kind", "deny-prescription"),
                ("target", his_id.as_str()),
            ],
            Some(&aino),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let own = app.own(archive::demo::ids::ADULT).await;
    assert!(own.consents().await.expect("read").history.is_empty());

    // A mandate holder: refused pages and posts, and no link to deny on a prescription.
    let for_helvi = act_for(&app, &aino, "Helvi Virtanen").await;
    for path in [
        "/consents",
        "/consents/confirm?change=give&kind=deny-research-contact&target=",
    ] {
        let res = app.get(path, Some(&for_helvi)).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{path}");
    }
    let res = app
        .post_form(
            "/consents/confirm",
            &[("change", "give"), ("kind", "deny-research-contact")],
            Some(&for_helvi),
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let helvi = app.own(archive::demo::ids::ELDER).await;
    let helvis = helvi
        .prescriptions()
        .await
        .expect("list")
        .into_iter()
        .next()
        .expect("Helvi has prescriptions");
    let html = app
        .get(&format!("/prescriptions/{}", helvis.id), Some(&for_helvi))
        .await
        .text()
        .await
        .expect("body");
    assert!(!html.contains("/consents/confirm"));
    assert!(helvi.consents().await.expect("read").history.is_empty());
}
