//! What the front page calls new: counted from the end of the acting person's previous
//! visit (their last action before this sign-in),
//! in each section the right covers, as that right sees the data, on both databases.

use crate::common;

use archive::demo::{self, ids};
use archive::inspect::{audit_trail, record_delayed_document};
use archive::model::{
    DeclarationNews, DocumentKind, DonationDecision, LivingWillText, News, OrganDonationText,
    PersonId, Recipient, RenewalForm, Treatment, TreatmentWish,
};
use archive::{Access, ActFor, Actor, Purpose, SessionLimits, SessionToken};
use common::TestArchive;
use time::macros::datetime;
use time::Duration;

/// Signs `person` in: their session begins, and they act as it knows them (with
/// the end of their previous visit).
async fn sign_in(t: &TestArchive, person: PersonId) -> (Actor, SessionToken) {
    let actor = t.archive.demo_actor(person).await.expect("actor");
    let token = t.archive.start_session(&actor).await.expect("session");
    (resumed(t, &token).await, token)
}

/// The actor a live session knows.
async fn resumed(t: &TestArchive, token: &SessionToken) -> Actor {
    let (actor, _) = t
        .archive
        .resume_session(token, SessionLimits::default())
        .await
        .expect("lookup")
        .expect("live");
    actor
}

/// `actor`'s access to `subject`'s data, by whatever right they hold.
async fn access(t: &TestArchive, actor: &Actor, subject: PersonId) -> Access {
    t.archive
        .access(actor, subject, Purpose::CitizenService)
        .await
        .expect("a right")
}

async fn what_is_new_is_counted_from_the_previous_visit(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    // Without a session there is no previous visit to count from.
    assert_eq!(
        t.own(ids::ADULT).await.news().await.expect("news"),
        News::default()
    );
    // The demo gave Aino a visit two weeks ago; she signs in now.
    let (aino_actor, _) = sign_in(t, ids::ADULT).await;
    let aino = access(t, &aino_actor, ids::ADULT).await;
    let first = aino.news().await.expect("news");
    assert_eq!(first.since, Some(datetime!(2026-11-15 09:00)));
    let records = first.records.expect("records are hers");
    assert!(
        records.documents >= 1,
        "the check-up's note of six days ago"
    );
    assert_eq!(records.lab_results, 0, "its results are still delayed");
    assert!(first.prescriptions.is_some() && first.disclosures.is_some());
    // The living will, which only she changes: where it stands.
    assert_eq!(first.living_will, Some(DeclarationNews::NoneWritten));
    aino.write_living_will(&LivingWillText {
        wishes: "Haluan kivunlievitystä.".into(),
        treatments: Treatment::ALL
            .iter()
            .map(|t| (*t, TreatmentWish::Want))
            .collect(),
    })
    .await
    .expect("written");
    assert_eq!(
        aino.news().await.expect("news").living_will,
        Some(DeclarationNews::InForce(datetime!(2026-11-29 12:00)))
    );
    aino.withdraw_living_will().await.expect("withdrawn");
    assert_eq!(
        aino.news().await.expect("news").living_will,
        Some(DeclarationNews::Withdrawn(datetime!(2026-11-29 12:00)))
    );
    // So does the organ donation testament.
    assert_eq!(first.organ_donation, Some(DeclarationNews::NoneWritten));
    aino.write_organ_donation(&OrganDonationText::new(DonationDecision::Yes, &[], ""))
        .await
        .expect("written");
    assert_eq!(
        aino.news().await.expect("news").organ_donation,
        Some(DeclarationNews::InForce(datetime!(2026-11-29 12:00)))
    );

    // A result released an hour ago is new; one still delayed is not.
    let released = "2026-11-29T11:00";
    record_delayed_document(
        &t.archive,
        ids::ADULT,
        8_000_001,
        DocumentKind::LabResult,
        ("B-Hb", "Hemoglobiini", 141.0),
        "2026-11-25T08:00",
        released,
    )
    .await
    .expect("released");
    record_delayed_document(
        &t.archive,
        ids::ADULT,
        8_000_002,
        DocumentKind::LabResult,
        ("B-Hb", "Hemoglobiini", 142.0),
        "2026-11-25T08:00",
        "2026-12-24T08:00",
    )
    .await
    .expect("delayed");
    let now = aino.news().await.expect("news").records.expect("records");
    assert_eq!(now.documents, records.documents + 1);
    assert_eq!(now.lab_results, 1);

    // Aino reads her mother's records by her mandate: new in Helvi's disclosure log.
    let (helvi, _) = sign_in(t, ids::ELDER).await;
    let helvi = access(t, &helvi, ids::ELDER).await;
    let before = helvi.news().await.expect("news").disclosures.expect("own");
    t.access(ids::ADULT, ids::ELDER)
        .await
        .summaries()
        .await
        .expect("read by mandate");
    let after = helvi.news().await.expect("news").disclosures.expect("own");
    assert!(after.entries > before.entries);
    assert_eq!(after.actors, ["Aino Virtanen"]);
    // A proxy learns nothing of the person's own sections.
    let by_mandate = access(t, &aino_actor, ids::ELDER)
        .await
        .news()
        .await
        .expect("news");
    assert!(by_mandate.records.is_some());
    assert_eq!(
        by_mandate.disclosures, None,
        "the disclosure log is Helvi's own"
    );

    // Mikko's renewal request answered: one answer, one new prescription.
    let (mikko, _) = sign_in(t, ids::HEAVY_USER).await;
    let mikko = access(t, &mikko, ids::HEAVY_USER).await;
    let quiet = mikko
        .news()
        .await
        .expect("news")
        .prescriptions
        .expect("his");
    let rx = mikko
        .prescriptions()
        .await
        .expect("list")
        .into_iter()
        .find(|p| p.renewal_block.is_none() && !p.narcotic)
        .expect("renewable");
    mikko
        .request_renewal(
            rx.id,
            &RenewalForm {
                organisation: rx.organisation.id,
                message: None,
                share_other_prescriptions: false,
            },
            "key-news-renewal-0001",
        )
        .await
        .expect("request");
    for _ in 0..2 {
        t.clock.advance(Duration::minutes(10));
        t.archive
            .process_renewals(Duration::minutes(5))
            .await
            .expect("desk");
    }
    let answered = mikko
        .news()
        .await
        .expect("news")
        .prescriptions
        .expect("his");
    assert_eq!(answered.answered, quiet.answered + 1);
    assert_eq!(answered.new_prescriptions, quiet.new_prescriptions + 1);

    // Signing in again moves the previous visit on to its last action (the look at
    // the news above, after the answer): what was new is no longer.
    t.clock.advance(Duration::hours(1));
    let (again, _) = sign_in(t, ids::HEAVY_USER).await;
    let next = access(t, &again, ids::HEAVY_USER)
        .await
        .news()
        .await
        .expect("news");
    assert_eq!(next.since, Some(datetime!(2026-11-29 12:20)));
    let p = next.prescriptions.expect("his");
    assert_eq!((p.answered, p.new_prescriptions), (0, 0));

    // Each count is a read of its section, audited on the person's trail.
    let trail = audit_trail(&t.archive, ids::HEAVY_USER)
        .await
        .expect("trail");
    for action in ["records.news", "prescriptions.news", "disclosure-log.news"] {
        assert!(trail.iter().any(|e| e.action == action), "{action}");
    }
}
on_both!(
    counted_from_previous_visit,
    what_is_new_is_counted_from_the_previous_visit
);

async fn a_proxy_hears_news_of_the_sections_the_right_covers(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    // A guardian acting for her child: the child's records and prescriptions, counted
    // from her own previous visit; the child's own sections not at all.
    let (laura, session) = sign_in(t, ids::GUARDIAN).await;
    let for_eetu = access(t, &laura, ids::CHILD)
        .await
        .news()
        .await
        .expect("news");
    assert_eq!(for_eetu.since, Some(datetime!(2026-11-15 09:00)));
    // Her own front page: her news, and whom she may act for, in one read whose
    // events (the look-up of whom she may act for among them) are on her trail.
    let front = access(t, &laura, ids::GUARDIAN)
        .await
        .front_page(&session)
        .await
        .expect("front page");
    assert_eq!(front.news.since, Some(datetime!(2026-11-15 09:00)));
    assert!(front.news.disclosures.is_some(), "her own log");
    let trail = audit_trail(&t.archive, ids::GUARDIAN).await.expect("trail");
    for action in ["proxies.list", "records.news", "disclosure-log.news"] {
        assert!(trail.iter().any(|e| e.action == action), "{action}");
    }
    // Choosing to act for him keeps her session's previous visit, though choosing is
    // itself an action.
    let handle = front
        .proxies
        .expect("her own")
        .options
        .into_iter()
        .find(|o| o.display_name.starts_with("Eetu"))
        .expect("Eetu")
        .handle;
    let switched = t
        .archive
        .switch_acting_for(&session, &laura, ActFor::Handle(&handle))
        .await
        .expect("switched");
    let laura = resumed(t, &switched).await;
    let for_eetu = access(t, &laura, ids::CHILD)
        .await
        .front_page(&switched)
        .await
        .expect("front page");
    assert_eq!(for_eetu.proxies, None, "whom she may act for is hers alone");
    let for_eetu = for_eetu.news;
    assert_eq!(for_eetu.since, Some(datetime!(2026-11-15 09:00)));
    assert!(for_eetu.records.is_some() && for_eetu.prescriptions.is_some());
    assert_eq!(for_eetu.disclosures, None);
}
on_both!(
    proxy_news,
    a_proxy_hears_news_of_the_sections_the_right_covers
);

async fn a_certificate_forwarded_since_the_previous_visit_is_news(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let (actor, _) = sign_in(t, ids::SWEDISH).await;
    let own = access(t, &actor, ids::SWEDISH).await;
    let quiet = own.news().await.expect("news").disclosures.expect("own");
    assert_eq!((quiet.forwarded, quiet.recipients.len()), (0, 0));
    // The driving-licence certificate of a month ago goes to Traficom an hour ago.
    archive::inspect::forward_a_certificate(&own, "2026-11-29T11:00")
        .await
        .expect("forwarded");
    let news = own.news().await.expect("news").disclosures.expect("own");
    assert_eq!(news.forwarded, 1);
    assert_eq!(news.recipients, [Recipient::Traficom]);
    assert_eq!(news.entries, quiet.entries, "no person used the data");
}
on_both!(
    forwarded_certificate_news,
    a_certificate_forwarded_since_the_previous_visit_is_news
);
