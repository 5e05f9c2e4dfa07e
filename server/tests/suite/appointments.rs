//! Appointments over HTTP: the list and a page of one, with JavaScript off (plain HTML
//! and GET forms), what is never shown staying unshown, a wrong period explained, and
//! the calendar files served as files — for the person, a mandate holder and a
//! guardian of a teen.

use crate::common;

use archive::demo::ids;
use archive::inspect::appointment_marks;
use archive::model::{AppointmentKind, PastPeriod};
use common::{act_for, spawn_app};
use reqwest::StatusCode;

#[tokio::test]
async fn the_list_shows_what_is_to_come_and_the_past_by_a_period() {
    let app = spawn_app().await;
    let aino = app.sign_in("1001").await;
    let res = app.get("/appointments", Some(&aino)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.expect("body");
    assert!(html.contains("Tulevat ajat") && html.contains("Menneet ajat"));
    assert!(html.contains(r#"href="/appointments/calendar.ics""#));
    assert!(html.contains(r#"<form method="get" action="/appointments#past-heading""#));
    for never in ["Psykiatrinen käynti", "Perinnöllisyyslääketieteen käynti"] {
        assert!(!html.contains(never), "{never} is never shown");
    }
    // Each appointment the archive lists is linked; none of those it never shows is.
    let own = app.own(ids::ADULT).await;
    let list = own.appointments(PastPeriod::Year).await.expect("list");
    for a in list.upcoming.iter().chain(&list.past) {
        assert!(
            html.contains(&format!("/appointments/{}", a.id)),
            "{}",
            a.id
        );
    }
    for hidden in appointment_marks(&app.archive, ids::ADULT)
        .await
        .expect("marks")
        .iter()
        .filter(|m| {
            !m.released
                || !AppointmentKind::from_code(&m.kind).is_some_and(AppointmentKind::ever_shown)
        })
    {
        assert!(!html.contains(&hidden.id.to_string()), "{}", hidden.kind);
        let page = app
            .get(&format!("/appointments/{}", hidden.id), Some(&aino))
            .await;
        assert_eq!(page.status(), StatusCode::NOT_FOUND, "{}", hidden.kind);
        let file = app
            .get(
                &format!("/appointments/{}/calendar.ics", hidden.id),
                Some(&aino),
            )
            .await;
        assert_eq!(file.status(), StatusCode::NOT_FOUND, "{}", hidden.kind);
    }
    // A period that does not exist: said so, with the choice again.
    let res = app.get("/appointments?past=10y", Some(&aino)).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let html = res.text().await.expect("body");
    assert!(
        html.contains("Valitse jokin luettelon vaihtoehdoista"),
        "{html}"
    );
    assert!(html.contains(r#"name="past""#));
    // Swedish, with its own words.
    let res = app
        .client
        .get(format!("{}/appointments?past=3y", app.base))
        .header("cookie", format!("{aino}; omakanta_lang=sv"))
        .send()
        .await
        .expect("request");
    let html = res.text().await.expect("body");
    assert!(html.contains("Kommande tider"), "in Swedish");
}

#[tokio::test]
async fn one_appointment_says_how_to_prepare_and_where_to_change_it() {
    let app = spawn_app().await;
    let mikko = app.sign_in("1002").await;
    let own = app.own(ids::HEAVY_USER).await;
    let list = own.appointments(PastPeriod::Year).await.expect("list");
    let a = &list.upcoming[0];
    let res = app
        .get(&format!("/appointments/{}", a.id), Some(&mikko))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.expect("body");
    assert!(html.contains(&a.booking_reference));
    let booking = a.booking_service.as_deref().expect("a booking service");
    assert!(html.contains(&format!(r#"href="{booking}""#)));
    assert!(
        html.contains(a.booking_host().expect("host")),
        "the link says where it leads"
    );
    assert!(html.contains(&format!("/appointments/{}/calendar.ics", a.id)));
    if let Some(preparation) = &a.preparation {
        assert!(
            html.contains(r#"lang="fi""#)
                && html.contains(preparation.split(':').next().unwrap_or_default())
        );
    }
    // Not one's own: not found.
    let elder = app.own(ids::ELDER).await;
    let hers = elder
        .appointments(PastPeriod::All)
        .await
        .expect("list")
        .upcoming[0]
        .id;
    let res = app
        .get(&format!("/appointments/{hers}"), Some(&mikko))
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = app.get("/appointments/not-a-number", Some(&mikko)).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_calendar_files_are_files_of_what_is_shown() {
    let app = spawn_app().await;
    let aino = app.sign_in("1001").await;
    let res = app.get("/appointments/calendar.ics", Some(&aino)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers();
    assert_eq!(
        h.get("content-type").map(|v| v.as_bytes()),
        Some(&b"text/calendar; charset=utf-8"[..])
    );
    assert!(h
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("attachment; filename=") && v.ends_with(".ics\"")));
    let text = res.text().await.expect("body");
    let calendar: icalendar::Calendar = text.parse().expect("an iCalendar file");
    let own = app.own(ids::ADULT).await;
    let upcoming = own
        .appointments(PastPeriod::Year)
        .await
        .expect("list")
        .upcoming;
    let uids: Vec<String> = calendar
        .events()
        .filter_map(|e| icalendar::Component::get_uid(e).map(str::to_owned))
        .collect();
    let expected: Vec<String> = upcoming
        .iter()
        .map(|a| format!("appointment-{}@omakanta.kanta.fi", a.id))
        .collect();
    assert_eq!(uids, expected);
    assert!(text.contains("BEGIN:VTIMEZONE") && text.contains("TZID:Europe/Helsinki"));
    // No identity code (DDMMYY, a century sign, three digits) anywhere.
    let hetu_like = text.as_bytes().windows(10).any(|w| {
        w[..6].iter().all(u8::is_ascii_digit)
            && matches!(w[6], b'-' | b'+' | b'A'..=b'F' | b'U'..=b'Y')
            && w[7..10].iter().all(u8::is_ascii_digit)
    });
    assert!(!hetu_like, "no identity code");
    assert!(
        !text.contains("Aino") && !text.contains("Virtanen"),
        "no name"
    );
    // Without a session: to sign in.
    let res = app.get("/appointments/calendar.ics", None).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers().get("location").map(|v| v.as_bytes()),
        Some(&b"/sign-in"[..])
    );
}

#[tokio::test]
async fn proxies_see_the_appointments_the_rules_let_them() {
    let app = spawn_app().await;
    // Aino holds her mother's mandate.
    let aino = app.sign_in("1001").await;
    let for_helvi = act_for(&app, &aino, "Helvi Virtanen").await;
    let helvi = app.own(ids::ELDER).await;
    let hers = helvi.appointments(PastPeriod::Year).await.expect("list");
    let html = app
        .get("/appointments", Some(&for_helvi))
        .await
        .text()
        .await
        .expect("body");
    for a in hers.upcoming.iter().chain(&hers.past) {
        assert!(html.contains(&format!("/appointments/{}", a.id)));
    }
    let res = app
        .get("/appointments/calendar.ics", Some(&for_helvi))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    // Laura is the guardian of a 15-year-old: not the appointments that are hers alone.
    let laura = app.sign_in("1003").await;
    let for_ella = act_for(&app, &laura, "Ella Nieminen").await;
    let own_only = appointment_marks(&app.archive, ids::TEEN)
        .await
        .expect("marks")
        .into_iter()
        .find(|m| m.released && !m.visible_to_guardian)
        .expect("one of her own");
    let html = app
        .get("/appointments?past=all", Some(&for_ella))
        .await
        .text()
        .await
        .expect("body");
    assert!(!html.contains(&own_only.id.to_string()));
    let res = app
        .get(&format!("/appointments/{}", own_only.id), Some(&for_ella))
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
