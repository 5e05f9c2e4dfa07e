//! Prescriptions and renewal requests, on SQLite and PostgreSQL: no request is ever lost
//! or doubled.

mod common;

use archive::demo::{self, ids};
use archive::inspect::renewal_request_counts;
use archive::model::{PrescriptionStatus, RenewalForm, RenewalStatus};
use archive::renewal::RenewalBlock;
use archive::{Access, ArchiveError, Purpose};
use common::TestArchive;
use time::Duration;

async fn own(t: &TestArchive, person: archive::model::PersonId) -> Access {
    let actor = t.archive.demo_actor(person).await.expect("actor");
    t.archive
        .access(&actor, person, Purpose::CitizenService)
        .await
        .expect("own")
}

fn form(p: &archive::model::Prescription) -> RenewalForm {
    RenewalForm {
        organisation: p.organisation.id,
        message: Some("Lääke loppuu kahden viikon päästä.".into()),
        share_other_prescriptions: true,
    }
}

async fn the_heavy_user_has_dozens_of_prescriptions_of_every_kind(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let list = own(t, ids::HEAVY_USER)
        .await
        .prescriptions()
        .await
        .expect("list");
    assert!(list.len() >= 24, "dozens: {}", list.len());
    for status in [
        PrescriptionStatus::Valid,
        PrescriptionStatus::Expired,
        PrescriptionStatus::Cancelled,
    ] {
        assert!(list.iter().any(|p| p.status == status), "{status:?}");
    }
    assert!(list.iter().any(|p| p.narcotic));
    assert!(
        list.iter().any(|p| p.renewal_block.is_none()),
        "something to renew"
    );
    assert!(list
        .iter()
        .any(|p| p.renewal_block.as_deref() == Some("never-dispensed")));
    assert!(list
        .iter()
        .any(|p| p.renewal_block.as_deref() == Some("too-old")));
    for p in &list {
        let bought: i64 = p.dispensations.iter().map(|d| d.packages).sum();
        assert_eq!(p.remaining_packages, (p.packages - bought).max(0));
        assert!(p.issued_on < p.valid_until);
    }
    let helvi = own(t, ids::ELDER)
        .await
        .prescriptions()
        .await
        .expect("list");
    assert!(helvi.iter().any(|p| p.central_nervous_system));
}
on_both!(
    prescriptions_listed,
    the_heavy_user_has_dozens_of_prescriptions_of_every_kind
);

async fn a_request_is_made_once_per_key_and_once_per_prescription(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let access = own(t, ids::HEAVY_USER).await;
    let list = access.prescriptions().await.expect("list");
    let rx = list
        .iter()
        .find(|p| p.renewal_block.is_none())
        .expect("renewable");
    let first = access
        .request_renewal(rx.id, &form(rx), "key-aaaaaaaaaaaaaaaa")
        .await
        .expect("request");
    assert_eq!(first.status, RenewalStatus::Sent);
    assert_eq!(first.requested_by, ids::HEAVY_USER);
    // The same form again (a double click, a retry): the same request.
    let again = access
        .request_renewal(rx.id, &form(rx), "key-aaaaaaaaaaaaaaaa")
        .await
        .expect("again");
    assert_eq!(again, first);
    // Another form for the same prescription: refused, with the reason.
    assert!(matches!(
        access
            .request_renewal(rx.id, &form(rx), "key-bbbbbbbbbbbbbbbb")
            .await,
        Err(ArchiveError::NotRenewable(RenewalBlock::AlreadyRequested))
    ));
    assert_eq!(
        renewal_request_counts(&t.archive, ids::HEAVY_USER)
            .await
            .expect("count"),
        (1, 1)
    );
    let listed = access.prescriptions().await.expect("list");
    let now = listed.iter().find(|p| p.id == rx.id).expect("same");
    assert_eq!(now.status, PrescriptionStatus::RenewalRequested);
    assert_eq!(now.renewal_block.as_deref(), Some("already-requested"));

    // Eight days unprocessed: the request expires and a new one may be made.
    t.clock.advance(Duration::days(8) + Duration::minutes(1));
    let listed = access.prescriptions().await.expect("list");
    assert_ne!(
        listed.iter().find(|p| p.id == rx.id).expect("same").status,
        PrescriptionStatus::RenewalRequested
    );
    assert_eq!(
        renewal_request_counts(&t.archive, ids::HEAVY_USER)
            .await
            .expect("count"),
        (1, 0)
    );
    access
        .request_renewal(rx.id, &form(rx), "key-cccccccccccccccc")
        .await
        .expect("a new request");
}
on_both!(
    once_per_key,
    a_request_is_made_once_per_key_and_once_per_prescription
);

async fn fifty_concurrent_submissions_make_one_request(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let access = own(t, ids::HEAVY_USER).await;
    let list = access.prescriptions().await.expect("list");
    let rx = list
        .iter()
        .find(|p| p.renewal_block.is_none())
        .expect("renewable")
        .clone();
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let access = access.clone();
        let form = form(&rx);
        tasks.push(tokio::spawn(async move {
            access
                .request_renewal(rx.id, &form, "same-form-key-0123456789")
                .await
        }));
    }
    let mut ids_seen = std::collections::HashSet::new();
    for task in tasks {
        let request = task
            .await
            .expect("task")
            .expect("every submission gets the request");
        ids_seen.insert(request.id);
    }
    assert_eq!(ids_seen.len(), 1, "one request for all fifty");
    assert_eq!(
        renewal_request_counts(&t.archive, ids::HEAVY_USER)
            .await
            .expect("count"),
        (1, 1)
    );
}
on_both!(
    concurrent_submissions,
    fifty_concurrent_submissions_make_one_request
);

async fn ineligible_prescriptions_say_why_and_bad_input_is_refused(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let access = own(t, ids::HEAVY_USER).await;
    let list = access.prescriptions().await.expect("list");
    for (code, block) in [
        ("never-dispensed", RenewalBlock::NeverDispensed),
        ("too-old", RenewalBlock::TooOld),
        ("cancelled", RenewalBlock::Cancelled),
    ] {
        let rx = list
            .iter()
            .find(|p| p.renewal_block.as_deref() == Some(code))
            .expect(code);
        assert!(
            matches!(access.request_renewal(rx.id, &form(rx), "key-dddddddddddddddd").await, Err(ArchiveError::NotRenewable(b)) if b == block),
            "{code}"
        );
    }
    let rx = list
        .iter()
        .find(|p| p.renewal_block.is_none())
        .expect("renewable");
    assert!(matches!(
        access.request_renewal(rx.id, &form(rx), "short").await,
        Err(ArchiveError::Invalid(_))
    ));
    let long = RenewalForm {
        message: Some("x".repeat(1001)),
        ..form(rx)
    };
    assert!(matches!(
        access
            .request_renewal(rx.id, &long, "key-eeeeeeeeeeeeeeee")
            .await,
        Err(ArchiveError::Invalid(_))
    ));
    let elsewhere = RenewalForm {
        organisation: archive::model::OrganisationId::from_raw(4),
        ..form(rx)
    };
    assert!(matches!(
        access
            .request_renewal(rx.id, &elsewhere, "key-ffffffffffffffff")
            .await,
        Err(ArchiveError::Invalid(_))
    ));
    assert_eq!(
        renewal_request_counts(&t.archive, ids::HEAVY_USER)
            .await
            .expect("count"),
        (0, 0),
        "nothing stored"
    );
}
on_both!(
    ineligible,
    ineligible_prescriptions_say_why_and_bad_input_is_refused
);

async fn proxies_request_within_their_rights_and_the_request_says_who(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let aino = a.demo_actor(ids::ADULT).await.expect("actor");
    let for_helvi = a
        .access(&aino, ids::ELDER, Purpose::CitizenService)
        .await
        .expect("mandate");
    let list = for_helvi.prescriptions().await.expect("list");
    let rx = list
        .iter()
        .find(|p| p.renewal_block.is_none())
        .expect("renewable");
    let request = for_helvi
        .request_renewal(rx.id, &form(rx), "key-gggggggggggggggg")
        .await
        .expect("request");
    assert_eq!(request.requested_by, ids::ADULT);

    // The teen's contraception is hers: her guardian neither sees it nor can renew it.
    let teen_own = own(t, ids::TEEN).await.prescriptions().await.expect("list");
    let private = teen_own.iter().find(|p| p.atc == "G03AC09").expect("hers");
    let laura = a.demo_actor(ids::GUARDIAN).await.expect("actor");
    let for_ella = a
        .access(&laura, ids::TEEN, Purpose::CitizenService)
        .await
        .expect("guardian");
    assert!(for_ella
        .prescriptions()
        .await
        .expect("list")
        .iter()
        .all(|p| p.id != private.id));
    assert!(matches!(
        for_ella
            .request_renewal(private.id, &form(private), "key-hhhhhhhhhhhhhhhh")
            .await,
        Err(ArchiveError::NotFound)
    ));
}
on_both!(
    proxies_renew,
    proxies_request_within_their_rights_and_the_request_says_who
);
