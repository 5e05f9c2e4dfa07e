//! Social welfare over HTTP: a person with none is told so; by service task with whom
//! to contact; never a domestic-violence service or a payment commitment; a mandate of
//! the other scope is refused; a guardian of a teen does not open what is hers alone.

use crate::common;

use archive::demo::ids;
use archive::inspect::{set_mandate, social_marks};
use archive::rights::HEALTH_CARE_SCOPE;
use common::{act_for, spawn_app};
use reqwest::StatusCode;
use time::Duration;

#[tokio::test]
async fn by_service_task_with_whom_to_contact_and_never_what_is_not_shown() {
    let app = spawn_app().await;
    let aino = app.sign_in("1001").await;
    let html = app
        .get("/social-welfare", Some(&aino))
        .await
        .text()
        .await
        .expect("body");
    assert!(
        html.contains("Sinulla ei ole sosiaalihuollon asiakasasiakirjoja"),
        "none, said so"
    );

    let for_helvi = act_for(&app, &aino, "Helvi Virtanen").await;
    let res = app.get("/social-welfare", Some(&for_helvi)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.expect("body");
    assert!(
        html.contains("Ikääntyneiden palvelut") && html.contains("Omatyöntekijä: Sari Lindholm")
    );
    assert!(html.contains(r#"href="tel:0931040001""#));
    assert!(
        !html.contains("Maksusitoumus"),
        "a payment commitment is never shown"
    );
    let doc = app
        .own(ids::ELDER)
        .await
        .social_welfare()
        .await
        .expect("list")
        .tasks[0]
        .documents[0]
        .clone();
    let page = app
        .get(&format!("/social-welfare/{}", doc.id), Some(&for_helvi))
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("body");
    assert!(html.contains(&doc.title) && html.contains(r#"lang="fi""#));

    let laura = app.sign_in("1003").await;
    let html = app
        .get("/social-welfare", Some(&laura))
        .await
        .text()
        .await
        .expect("body");
    assert!(html.contains("Aikuissosiaalityö"));
    assert!(
        !html.contains("Lähisuhdeväkivaltatyö") && !html.contains("Eeva Saari"),
        "never shown"
    );
    for m in social_marks(&app.archive, ids::GUARDIAN)
        .await
        .expect("marks")
    {
        if m.task == "domestic-violence" {
            let res = app
                .get(&format!("/social-welfare/{}", m.id), Some(&laura))
                .await;
            assert_eq!(res.status(), StatusCode::NOT_FOUND);
        }
    }
}

#[tokio::test]
async fn a_mandate_of_the_other_scope_and_a_teen_s_own_documents_are_refused() {
    let app = spawn_app().await;
    let today = app.archive.clock().today();
    set_mandate(
        &app.archive,
        ids::ELDER,
        ids::ADULT,
        HEALTH_CARE_SCOPE,
        today - Duration::days(1),
        today + Duration::days(100),
    )
    .await
    .expect("mandate");
    let aino = app.sign_in("1001").await;
    let for_helvi = act_for(&app, &aino, "Helvi Virtanen").await;
    let res = app.get("/social-welfare", Some(&for_helvi)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let front = app
        .get("/", Some(&for_helvi))
        .await
        .text()
        .await
        .expect("body");
    assert!(!front.contains(r#"href="/social-welfare""#), "not offered");

    let laura = app.sign_in("1003").await;
    let for_ella = act_for(&app, &laura, "Ella Nieminen").await;
    let hers = social_marks(&app.archive, ids::TEEN)
        .await
        .expect("marks")
        .into_iter()
        .find(|m| !m.visible_to_guardian)
        .expect("hers alone");
    let res = app
        .get(&format!("/social-welfare/{}", hers.id), Some(&for_ella))
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let html = app
        .get("/social-welfare", Some(&for_ella))
        .await
        .text()
        .await
        .expect("body");
    assert!(html.contains("Lastensuojelu") && !html.contains(&hers.id.to_string()));
}
