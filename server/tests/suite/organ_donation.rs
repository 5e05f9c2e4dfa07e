//! The organ donation testament with JavaScript off: written, changed and withdrawn by
//! the person, every mistake named at once with everything typed kept, and no proxy
//! let in.

use crate::common;

use common::{act_for, spawn_app, text_area};
use reqwest::StatusCode;

/// Whether the box `name` is ticked in `html`.
fn ticked(html: &str, name: &str) -> bool {
    let Some(at) = html.find(&format!(r#"id="{name}""#)) else {
        return false;
    };
    let tag_start = html[..at].rfind('<').unwrap_or(at);
    let tag_end = html[at..].find('>').map_or(html.len(), |e| at + e);
    html[tag_start..tag_end].contains("checked")
}

#[tokio::test]
async fn the_testament_is_written_changed_and_withdrawn_without_javascript() {
    let app = spawn_app().await;
    let aino = app.sign_in("1001").await;
    let page = app.get("/organ-donation", Some(&aino)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("body");
    assert!(html.contains("Sinulla ei ole voimassa olevaa elinluovutustahtoa"));
    assert!(html.contains("vaikka olisit kieltänyt tietojesi luovuttamisen"));

    // No decision, and a box ticked: the decision is asked for, the box and the text
    // kept; nothing saved.
    let form = [
        ("intent", "save"),
        ("exclude-corneas", "yes"),
        ("notes", "Ajattelen vielä."),
    ];
    let res = app.post_form("/organ-donation", &form, Some(&aino)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.expect("body");
    assert!(html.contains("Valitse, haluatko luovuttaa elimiäsi ja kudoksiasi."));
    assert!(html.contains(r##"href="#decision""##));
    assert!(ticked(&html, "exclude-corneas") && !ticked(&html, "exclude-heart"));
    assert_eq!(text_area(&html, "notes"), "Ajattelen vielä.");

    // "Yes" with a box ticked, and "yes, except" with none: each named, at its field.
    let res = app
        .post_form(
            "/organ-donation",
            &[
                ("intent", "save"),
                ("decision", "yes"),
                ("exclude-skin", "yes"),
            ],
            Some(&aino),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.expect("body");
    assert!(html.contains("Poista valinnat elimistä ja kudoksista"));
    assert!(html.contains(r##"href="#exclude-heart""##));
    assert!(ticked(&html, "exclude-skin"));
    let res = app
        .post_form(
            "/organ-donation",
            &[("intent", "save"), ("decision", "yes-except")],
            Some(&aino),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res
        .text()
        .await
        .expect("body")
        .contains("Valitse ainakin yksi elin tai kudos"));

    // Saved: yes, except the heart and the corneas.
    let form = [
        ("intent", "save"),
        ("decision", "yes-except"),
        ("exclude-heart", "yes"),
        ("exclude-corneas", "yes"),
        ("notes", "Muut saa käyttää."),
    ];
    let res = app.post_form("/organ-donation", &form, Some(&aino)).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/organ-donation?saved=1")
    );
    let html = app
        .get("/organ-donation?saved=1", Some(&aino))
        .await
        .text()
        .await
        .expect("body");
    assert!(html.contains("Elinluovutustahtosi on tallennettu."));
    assert!(html.contains("Kyllä, mutta en halua luovuttaa"));
    assert!(html.contains("<li>Sydän</li>") && html.contains("<li>Sarveiskalvot</li>"));
    assert!(html.contains("Kirjoitettu"));
    // The form holds what is in force, to change.
    assert!(ticked(&html, "exclude-heart") && ticked(&html, "exclude-corneas"));
    assert!(!ticked(&html, "exclude-liver"));
    assert_eq!(text_area(&html, "notes"), "Muut saa käyttää.");

    // Changed to "yes": a second version.
    let res = app
        .post_form(
            "/organ-donation",
            &[("intent", "save"), ("decision", "yes")],
            Some(&aino),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // Withdrawing needs the confirmation.
    let res = app
        .post_form("/organ-donation", &[("intent", "withdraw")], Some(&aino))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res
        .text()
        .await
        .expect("body")
        .contains("Vahvista peruminen"));
    let res = app
        .post_form(
            "/organ-donation",
            &[("intent", "withdraw"), ("confirm", "yes")],
            Some(&aino),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = app
        .get("/organ-donation?withdrawn=1", Some(&aino))
        .await
        .text()
        .await
        .expect("body");
    assert!(html.contains("Sinulla ei ole voimassa olevaa elinluovutustahtoa"));
    assert!(
        html.contains("Peruttu") && html.contains("Muutettu") && html.contains("Kirjoitettu"),
        "history kept"
    );

    // The front page says where it stands.
    let front = app.get("/", Some(&aino)).await.text().await.expect("body");
    assert!(front.contains("Peruit elinluovutustahtosi"), "{front}");

    // A mandate holder gets a page that says why not, and cannot post either.
    let for_helvi = act_for(&app, &aino, "Helvi Virtanen").await;
    let res = app.get("/organ-donation", Some(&for_helvi)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(res
        .text()
        .await
        .expect("body")
        .contains("Vain henkilö itse voi käyttää sitä"));
    let res = app
        .post_form("/organ-donation", &form, Some(&for_helvi))
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let trail = archive::inspect::audit_trail(&app.archive, archive::demo::ids::ELDER)
        .await
        .expect("trail");
    assert!(
        !trail
            .iter()
            .any(|e| e.action.starts_with("organ-donation.")),
        "nothing of Helvi's read or written"
    );
    assert!(trail
        .iter()
        .any(|e| e.action == "access.refused" && e.outcome == "not-covered"));
}

#[tokio::test]
async fn the_demo_testament_is_shown_to_its_writer() {
    let app = spawn_app().await;
    let mikko = app.sign_in("1002").await;
    let html = app
        .get("/organ-donation", Some(&mikko))
        .await
        .text()
        .await
        .expect("body");
    assert!(html.contains("<li>Sarveiskalvot</li>"));
    assert!(html.contains("Muutettu") && html.contains("Kirjoitettu"));
}
