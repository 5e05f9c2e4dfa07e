//! Text typed by a person is shown as typed, never as markup: hostile text round-trips
//! unchanged through the post, the error page, storage and the edit page of every text
//! area (the renewal message, the living will, the organ donation testament), with
//! JavaScript off.

use crate::common;

use common::{form_key, renewable, spawn_app, text_area};
use reqwest::StatusCode;

/// What a person might type, or an attacker post.
const HOSTILE: &[&str] = &[
    "</textarea><script>alert(1)</script><b id=pwn>",
    "&lt;b&gt; &amp;amp; &#x3C;script&#62; <!-- --> ]]>",
    "\u{202E}txt.exe ja \u{202D}ltr \u{200F}",
    "Kipu 😖 ja lääke 💊, hoitaja 👩\u{200D}⚕️",
    "\nalkaa rivinvaihdolla\r\n\r\ntoinen kappale",
];

/// The markup of `text` must not be live in `html`.
fn assert_inert(html: &str) {
    assert!(!html.contains("<b id=pwn>"), "markup landed");
    assert!(!html.contains("<script>alert"), "a script landed");
    assert!(!html.contains("<!-- -->"), "a comment landed");
}

#[tokio::test]
async fn the_renewal_message_comes_back_as_typed_on_the_error_page() {
    let app = spawn_app().await;
    let mikko = app.sign_in("1002").await;
    let rx = renewable(&app, archive::demo::ids::HEAVY_USER).await;
    let path = format!("/prescriptions/{}", rx.id);
    let page = app
        .get(&path, Some(&mikko))
        .await
        .text()
        .await
        .expect("body");
    let key = form_key(&page);
    // The longest message, of characters that take more than one byte (and some that
    // take two UTF-16 units).
    let longest = format!("<&>{}", "💊ä".repeat(archive::MAX_MESSAGE_CHARS / 2 - 2));
    assert_eq!(longest.chars().count(), archive::MAX_MESSAGE_CHARS - 1);
    for typed in HOSTILE.iter().copied().chain([longest.as_str()]) {
        // No unit chosen: the page comes back with the error and the message as typed.
        let res = app
            .post_form(
                &path,
                &[("organisation", ""), ("message", typed), ("key", &key)],
                Some(&mikko),
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.expect("body");
        assert_inert(&html);
        assert_eq!(text_area(&html, "message"), typed, "{typed:?}");
    }
}

#[tokio::test]
async fn the_living_will_keeps_its_text_as_typed_through_storage_and_errors() {
    let app = spawn_app().await;
    let aino = app.sign_in("1001").await;
    let longest = format!(
        "</textarea>{}",
        "😖ö".repeat(archive::MAX_WISHES_CHARS / 2 - 6)
    );
    assert!(longest.chars().count() <= archive::MAX_WISHES_CHARS);
    let wishes = [
        "resuscitation",
        "ventilation",
        "tube-feeding",
        "dialysis",
        "pain-relief",
    ];
    for typed in HOSTILE.iter().copied().chain([longest.as_str()]) {
        // The same text with one question unanswered: the error page keeps it.
        let mut form: Vec<(&str, &str)> = vec![("intent", "save"), ("wishes", typed)];
        form.extend(wishes[1..].iter().map(|w| (*w, "refuse")));
        let res = app.post_form("/living-will", &form, Some(&aino)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.expect("body");
        assert_inert(&html);
        assert_eq!(text_area(&html, "wishes"), typed, "error page: {typed:?}");

        // Saved, and put back into the form to edit, unchanged but for the spaces
        // around it (which the archive does not keep).
        form.push((wishes[0], "want"));
        let res = app.post_form("/living-will", &form, Some(&aino)).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{typed:?}");
        let html = app
            .get("/living-will", Some(&aino))
            .await
            .text()
            .await
            .expect("body");
        assert_inert(&html);
        assert_eq!(
            text_area(&html, "wishes"),
            typed.trim(),
            "edit page: {typed:?}"
        );
    }
}

#[tokio::test]
async fn the_organ_donation_testament_keeps_its_text_as_typed_through_storage_and_errors() {
    let app = spawn_app().await;
    let aino = app.sign_in("1001").await;
    // The maximum length, of characters that take more than one byte.
    let longest = format!(
        "</textarea>{}",
        "😖ö".repeat((archive::model::MAX_DONATION_NOTES_CHARS - 11) / 2)
    );
    assert!(longest.chars().count() <= archive::model::MAX_DONATION_NOTES_CHARS);
    assert!(longest.chars().count() >= archive::model::MAX_DONATION_NOTES_CHARS - 1);
    for typed in HOSTILE.iter().copied().chain([longest.as_str()]) {
        // No decision: the error page keeps the text.
        let mut form: Vec<(&str, &str)> = vec![("intent", "save"), ("notes", typed)];
        let res = app.post_form("/organ-donation", &form, Some(&aino)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.expect("body");
        assert_inert(&html);
        assert_eq!(text_area(&html, "notes"), typed, "error page: {typed:?}");

        // Saved, shown and put back into the form to edit, unchanged but for the
        // spaces around it (which the archive does not keep).
        form.push(("decision", "no"));
        let res = app.post_form("/organ-donation", &form, Some(&aino)).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{typed:?}");
        let html = app
            .get("/organ-donation", Some(&aino))
            .await
            .text()
            .await
            .expect("body");
        assert_inert(&html);
        assert_eq!(
            text_area(&html, "notes"),
            typed.trim(),
            "edit page: {typed:?}"
        );
        // Byte for byte in the archive too.
        let own = app.own(archive::demo::ids::ADULT).await;
        let stored = own.organ_donation().await.expect("read");
        assert_eq!(
            stored.in_force().map(|t| t.notes.as_str()),
            Some(typed.trim())
        );
    }
}
