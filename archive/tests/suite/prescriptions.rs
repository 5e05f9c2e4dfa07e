//! Prescriptions and renewal requests, on SQLite and PostgreSQL: no request is ever lost
//! or doubled.

use crate::common;

use archive::audit::ARCHIVE_ITSELF;
use archive::demo::{self, ids};
use archive::inspect::{audit_trail, renewal_request_counts};
use archive::model::{
    CareSetting, MedicationSource, PrescriptionStatus, RenewalForm, RenewalStatus,
};
use archive::prescriptions::desk::{DeskReport, REJECTION_REASON};
use archive::prescriptions::renewal::RenewalBlock;
use archive::{Access, ArchiveError, Purpose};
use common::TestArchive;
use time::Duration;

async fn own(t: &TestArchive, person: archive::model::PersonId) -> Access {
    t.own(person).await
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
        .any(|p| p.renewal_block == Some(RenewalBlock::NeverDispensed)));
    assert!(list
        .iter()
        .any(|p| p.renewal_block == Some(RenewalBlock::TooOld)));
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

async fn a_key_belongs_to_one_prescription(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let access = own(t, ids::HEAVY_USER).await;
    let list = access.prescriptions().await.expect("list");
    let mut renewable = list.iter().filter(|p| p.renewal_block.is_none());
    let (a, b) = (
        renewable.next().expect("one"),
        renewable.next().expect("another"),
    );
    let first = access
        .request_renewal(a.id, &form(a), "key-shared-0000000000")
        .await
        .expect("request");
    assert_eq!(first.prescription, a.id);
    // The same key sent for another prescription is refused, not taken for the first.
    assert!(matches!(
        access
            .request_renewal(b.id, &form(b), "key-shared-0000000000")
            .await,
        Err(ArchiveError::Blocked("renewal-key-reused"))
    ));
    let b_now = access.prescription(b.id).await.expect("detail");
    assert!(b_now.requests.is_empty(), "nothing was sent for it");
    assert_eq!(
        b_now.prescription.renewal_block, None,
        "it may still be asked for"
    );
}
on_both!(
    keys_belong_to_one_prescription,
    a_key_belongs_to_one_prescription
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
        Err(ArchiveError::Blocked("renewal-already-requested"))
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
    assert_eq!(now.renewal_block, Some(RenewalBlock::AlreadyRequested));

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
            .find(|p| p.renewal_block == Some(block))
            .expect(code);
        assert!(
            matches!(access.request_renewal(rx.id, &form(rx), "key-dddddddddddddddd").await, Err(ArchiveError::Blocked(b)) if b == block.error_code()),
            "{code}"
        );
    }
    let rx = list
        .iter()
        .find(|p| p.renewal_block.is_none())
        .expect("renewable");
    assert!(matches!(
        access.request_renewal(rx.id, &form(rx), "short").await,
        Err(ArchiveError::Invalid { .. })
    ));
    let long = RenewalForm {
        message: Some("x".repeat(1001)),
        ..form(rx)
    };
    assert!(matches!(
        access
            .request_renewal(rx.id, &long, "key-eeeeeeeeeeeeeeee")
            .await,
        Err(ArchiveError::Invalid { .. })
    ));
    let elsewhere = RenewalForm {
        organisation: archive::model::OrganisationId::from_raw(4),
        ..form(rx)
    };
    assert!(matches!(
        access
            .request_renewal(rx.id, &elsewhere, "key-ffffffffffffffff")
            .await,
        Err(ArchiveError::Invalid { .. })
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
    assert!(matches!(
        for_ella.prescription(private.id).await,
        Err(ArchiveError::NotFound)
    ));
    let on_her_list = |list: &archive::model::MedicationList| {
        list.groups
            .iter()
            .flat_map(|g| &g.medicines)
            .any(|m| m.atc == "G03AC09")
    };
    assert!(!on_her_list(
        &for_ella.medication_list().await.expect("list")
    ));
    assert!(on_her_list(
        &own(t, ids::TEEN)
            .await
            .medication_list()
            .await
            .expect("list")
    ));

    // Helvi sees that Aino sent the request, on the prescription and in her requests.
    let helvi = own(t, ids::ELDER).await;
    let detail = helvi.prescription(rx.id).await.expect("detail");
    assert_eq!(detail.requests.len(), 1);
    assert_eq!(detail.requests[0].requested_by, ids::ADULT);
    assert!(detail.requests[0].requested_by_name.starts_with("Aino"));
    let mine = helvi.renewal_requests(50).await.expect("requests");
    assert_eq!(mine.first().map(|r| r.id), Some(request.id));
    // And a prescription of someone else is found for nobody.
    assert!(matches!(
        helvi.prescription(private.id).await,
        Err(ArchiveError::NotFound)
    ));
}
on_both!(
    proxies_renew,
    proxies_request_within_their_rights_and_the_request_says_who
);

async fn the_desk_moves_requests_through_processing_to_an_answer(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let pace = Duration::minutes(5);
    let access = own(t, ids::HEAVY_USER).await;
    let list = access.prescriptions().await.expect("list");
    let ordinary = list
        .iter()
        .find(|p| p.renewal_block.is_none() && !p.narcotic)
        .expect("renewable");
    let narcotic = list
        .iter()
        .find(|p| p.renewal_block.is_none() && p.narcotic)
        .expect("a renewable narcotic");
    let asked = access
        .request_renewal(ordinary.id, &form(ordinary), "key-desk-ordinary-01")
        .await
        .expect("request");
    access
        .request_renewal(narcotic.id, &form(narcotic), "key-desk-narcotic-01")
        .await
        .expect("request");
    let status = |detail: &archive::model::PrescriptionDetail| detail.requests[0].status;
    let steps = |detail: &archive::model::PrescriptionDetail| {
        detail.requests[0]
            .steps
            .iter()
            .map(|s| (s.status, s.at))
            .collect::<Vec<_>>()
    };
    let sent_at = asked.sent_at;
    assert_eq!(
        asked
            .steps
            .iter()
            .map(|s| (s.status, s.at))
            .collect::<Vec<_>>(),
        [(RenewalStatus::Sent, sent_at)],
        "the answer to the request holds its first step"
    );

    // Too fresh: nothing happens yet.
    assert_eq!(
        a.process_renewals(pace).await.expect("round"),
        DeskReport::default()
    );
    t.clock.advance(pace);
    let round = a.process_renewals(pace).await.expect("round");
    assert_eq!(round.started, 2);
    assert_eq!((round.renewed, round.rejected), (0, 0), "one step a round");
    let detail = access.prescription(ordinary.id).await.expect("detail");
    assert_eq!(status(&detail), RenewalStatus::InProcessing);
    let taken_up = detail.requests[0].updated_at;
    assert_eq!(
        steps(&detail),
        [
            (RenewalStatus::Sent, sent_at),
            (RenewalStatus::InProcessing, taken_up)
        ]
    );
    assert!(taken_up > sent_at);
    assert_eq!(
        detail.prescription.status,
        PrescriptionStatus::RenewalRequested
    );
    // In processing, a request does not expire.
    t.clock.advance(Duration::days(9));
    let round = a.process_renewals(pace).await.expect("round");
    assert_eq!((round.renewed, round.rejected, round.expired), (1, 1, 0));

    let detail = access.prescription(ordinary.id).await.expect("detail");
    let request = &detail.requests[0];
    assert_eq!(request.status, RenewalStatus::Renewed);
    assert_eq!(
        steps(&detail),
        [
            (RenewalStatus::Sent, sent_at),
            (RenewalStatus::InProcessing, taken_up),
            (RenewalStatus::Renewed, request.updated_at)
        ],
        "each step with its own time"
    );
    // The list of all requests tells the same steps.
    let listed = access.renewal_requests(50).await.expect("requests");
    let same = listed.iter().find(|r| r.id == asked.id).expect("listed");
    assert_eq!(same.steps, request.steps);
    assert_eq!(request.id, asked.id);
    let new_id = request.renewed_as.expect("the new prescription");
    let renewed = access.prescription(new_id).await.expect("new detail");
    assert_eq!(renewed.prescription.renewed_from, Some(ordinary.id));
    assert_eq!(renewed.prescription.product, ordinary.product);
    assert_eq!(renewed.prescription.issued_on, a.clock().today());
    assert_eq!(renewed.prescription.status, PrescriptionStatus::Valid);
    assert_eq!(
        renewed.prescription.organisation.id,
        ordinary.organisation.id
    );

    let detail = access.prescription(narcotic.id).await.expect("detail");
    assert_eq!(status(&detail), RenewalStatus::Rejected);
    assert_eq!(detail.requests[0].reason.as_deref(), Some(REJECTION_REASON));
    assert_eq!(detail.requests[0].renewed_as, None);

    // Nothing more to do; every step is in the person's audit trail, by the centre.
    assert_eq!(
        a.process_renewals(pace).await.expect("round"),
        DeskReport::default()
    );
    let trail = audit_trail(a, ids::HEAVY_USER).await.expect("trail");
    let steps: Vec<&str> = trail
        .iter()
        .filter(|e| e.actor == Some(ARCHIVE_ITSELF) && e.action == "prescriptions.renewal-process")
        .map(|e| e.outcome.as_str())
        .collect();
    assert_eq!(steps.len(), 4, "{steps:?}");
    for outcome in ["in-processing", "renewed", "rejected"] {
        assert!(steps.contains(&outcome), "{outcome}");
    }
}
on_both!(
    desk_moves_requests,
    the_desk_moves_requests_through_processing_to_an_answer
);

async fn the_desk_answers_only_the_demo_persons(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let access = own(t, ids::HEAVY_USER).await;
    let rx = access
        .prescriptions()
        .await
        .expect("list")
        .into_iter()
        .find(|p| p.renewal_block.is_none() && !p.narcotic)
        .expect("renewable");
    access
        .request_renewal(rx.id, &form(&rx), "key-not-demo-00000000")
        .await
        .expect("request");
    // The same person, no longer a demo person: a real request nobody may answer for
    // the prescriber.
    archive::inspect::set_demo_note(&t.archive, ids::HEAVY_USER, None)
        .await
        .expect("note");
    for _ in 0..3 {
        t.clock.advance(Duration::minutes(5));
        let report = t
            .archive
            .process_renewals(Duration::ZERO)
            .await
            .expect("round");
        assert_eq!(
            report,
            DeskReport::default(),
            "the desk touched a real person"
        );
    }
    let detail = access.prescription(rx.id).await.expect("detail");
    assert_eq!(detail.requests[0].status, RenewalStatus::Sent);
}
on_both!(desk_demo_only, the_desk_answers_only_the_demo_persons);

async fn the_desk_lets_requests_nobody_took_up_expire(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let access = own(t, ids::HEAVY_USER).await;
    let list = access.prescriptions().await.expect("list");
    let rx = list
        .iter()
        .find(|p| p.renewal_block.is_none())
        .expect("renewable");
    access
        .request_renewal(rx.id, &form(rx), "key-desk-expiring-01")
        .await
        .expect("request");
    // The desk is slower than eight days: the request expires instead of starting.
    t.clock.advance(Duration::days(8) + Duration::seconds(1));
    let round = a.process_renewals(Duration::days(8)).await.expect("round");
    assert_eq!((round.expired, round.started), (1, 0));
    let detail = access.prescription(rx.id).await.expect("detail");
    assert_eq!(detail.requests[0].status, RenewalStatus::Expired);
    let steps: Vec<RenewalStatus> = detail.requests[0].steps.iter().map(|s| s.status).collect();
    assert_eq!(steps, [RenewalStatus::Sent, RenewalStatus::Expired]);
    assert_eq!(
        detail.prescription.renewal_block, None,
        "may be asked again"
    );
}
on_both!(desk_expires, the_desk_lets_requests_nobody_took_up_expire);

async fn concurrent_reads_and_submissions_expire_a_request_once_and_none_fails(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let access = own(t, ids::HEAVY_USER).await;
    let list = access.prescriptions().await.expect("list");
    let rx = list
        .iter()
        .find(|p| p.renewal_block.is_none())
        .expect("renewable")
        .clone();
    let first = access
        .request_renewal(rx.id, &form(&rx), "key-expiring-race-01")
        .await
        .expect("request");
    t.clock.advance(Duration::days(8) + Duration::seconds(1));
    // Many pages and a few renewal forms at once, each finding the request due.
    let mut reads = Vec::new();
    let mut submissions = Vec::new();
    for i in 0..24 {
        let access = access.clone();
        if i % 4 == 3 {
            let (id, form) = (rx.id, form(&rx));
            submissions.push(tokio::spawn(async move {
                access
                    .request_renewal(id, &form, "key-expiring-race-02")
                    .await
            }));
        } else {
            reads.push(tokio::spawn(async move {
                access.prescriptions().await.map(|list| list.len())
            }));
        }
    }
    for read in reads {
        read.await.expect("task").expect("every read succeeds");
    }
    let mut new_requests = std::collections::HashSet::new();
    for submission in submissions {
        let request = submission
            .await
            .expect("task")
            .expect("every submission meets the one new request");
        new_requests.insert(request.id);
    }
    assert_eq!(new_requests.len(), 1);
    assert!(!new_requests.contains(&first.id));
    let detail = access.prescription(rx.id).await.expect("detail");
    let expired = detail
        .requests
        .iter()
        .find(|r| r.id == first.id)
        .expect("the first request");
    assert_eq!(expired.status, RenewalStatus::Expired);
    let steps: Vec<RenewalStatus> = expired.steps.iter().map(|s| s.status).collect();
    assert_eq!(
        steps,
        [RenewalStatus::Sent, RenewalStatus::Expired],
        "expired once"
    );
}
on_both!(
    expiry_races,
    concurrent_reads_and_submissions_expire_a_request_once_and_none_fails
);

async fn the_medication_list_shows_what_is_in_force(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let access = own(t, ids::HEAVY_USER).await;
    let all = access.prescriptions().await.expect("list");
    let list = access.medication_list().await.expect("medication list");
    let (lines, given): (Vec<&archive::model::Medication>, Vec<_>) = list
        .groups
        .iter()
        .flat_map(|g| &g.medicines)
        .partition(|m| matches!(m.source, MedicationSource::Prescription { .. }));
    assert!(!lines.is_empty());
    // What care gave him without a prescription: the injections that go on, not the
    // hospital's antibiotic course that ended.
    let given: Vec<_> = given
        .iter()
        .map(|m| (m.product.as_str(), &m.source))
        .collect();
    assert!(
        matches!(
            given.as_slice(),
            [(
                "Hydroksokobalamiini",
                MedicationSource::Recorded {
                    setting: CareSetting::HealthCentre,
                    ended_on: None,
                    ..
                }
            )]
        ),
        "{given:?}"
    );
    for line in &lines {
        let MedicationSource::Prescription { prescription, .. } = line.source else {
            unreachable!("partitioned")
        };
        let rx = all
            .iter()
            .find(|p| p.id == prescription)
            .expect("from a prescription");
        assert!(matches!(
            rx.status,
            PrescriptionStatus::Valid | PrescriptionStatus::RenewalRequested
        ));
    }
    // Every medicine in force is on it, once.
    let mut in_force: Vec<(String, String)> = all
        .iter()
        .filter(|p| {
            matches!(
                p.status,
                PrescriptionStatus::Valid | PrescriptionStatus::RenewalRequested
            )
        })
        .map(|p| (p.product.clone(), p.strength.clone()))
        .collect();
    in_force.sort();
    in_force.dedup();
    assert_eq!(lines.len(), in_force.len());
    assert_eq!(list.compiled_at.date(), t.archive.clock().today());
}
on_both!(medication_list, the_medication_list_shows_what_is_in_force);

async fn recorded_medication_is_listed_from_its_start_to_its_end_for_the_person_and_her_proxy(
    t: &TestArchive,
) {
    demo::load_demo(&t.archive).await.expect("demo");
    let given = |list: &archive::model::MedicationList| -> Vec<(String, CareSetting)> {
        list.groups
            .iter()
            .flat_map(|g| &g.medicines)
            .filter_map(|m| match m.source {
                MedicationSource::Recorded { setting, .. } => Some((m.product.clone(), setting)),
                MedicationSource::Prescription { .. } => None,
            })
            .collect()
    };
    // Helvi's home care gives her paracetamol; the hospital's furosemide ended.
    let hers = own(t, ids::ELDER)
        .await
        .medication_list()
        .await
        .expect("list");
    assert_eq!(
        given(&hers),
        [("Parasetamoli".to_owned(), CareSetting::SocialCare)]
    );
    let hers_in_group_n = hers
        .groups
        .iter()
        .find(|g| g.group == "N")
        .expect("group N");
    assert!(hers_in_group_n
        .medicines
        .iter()
        .any(|m| m.product == "Parasetamoli"));
    // Aino, holding her mandate, sees the same list.
    let aino = t.archive.demo_actor(ids::ADULT).await.expect("actor");
    let as_proxy = t
        .archive
        .access(&aino, ids::ELDER, Purpose::CitizenService)
        .await
        .expect("mandate")
        .medication_list()
        .await
        .expect("list");
    assert_eq!(given(&as_proxy), given(&hers));
    // Nine days ago she was in hospital: the furosemide was on her list then, beside
    // the paracetamol; on its last day too, and not the day after.
    let hers_now = || async {
        given(
            &own(t, ids::ELDER)
                .await
                .medication_list()
                .await
                .expect("list"),
        )
    };
    t.clock.advance(Duration::days(-9));
    assert_eq!(
        hers_now().await,
        [
            ("Furosemidi".to_owned(), CareSetting::Hospital),
            ("Parasetamoli".to_owned(), CareSetting::SocialCare)
        ]
    );
    t.clock.advance(Duration::days(1));
    assert_eq!(hers_now().await.len(), 2, "its last day");
    t.clock.advance(Duration::days(1));
    assert_eq!(hers_now().await.len(), 1, "the day after");
    // Who looked is on her trail.
    let trail = audit_trail(&t.archive, ids::ELDER).await.expect("trail");
    assert!(trail
        .iter()
        .any(|e| e.action == "medication-list.read" && e.actor == Some(ids::ADULT)));
}
on_both!(
    recorded_medication,
    recorded_medication_is_listed_from_its_start_to_its_end_for_the_person_and_her_proxy
);

async fn the_demo_shows_a_history_of_answered_requests(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let requests = own(t, ids::ADULT)
        .await
        .renewal_requests(50)
        .await
        .expect("requests");
    let renewed = requests
        .iter()
        .find(|r| r.status == RenewalStatus::Renewed)
        .expect("a renewed request");
    let new = renewed.renewed_as.expect("the new prescription");
    let detail = own(t, ids::ADULT)
        .await
        .prescription(new)
        .await
        .expect("new prescription");
    assert_eq!(detail.prescription.renewed_from, Some(renewed.prescription));
    assert!(renewed.sent_at < renewed.updated_at);
    let rejected = requests
        .iter()
        .find(|r| r.status == RenewalStatus::Rejected)
        .expect("a rejected request");
    assert_eq!(rejected.reason.as_deref(), Some(REJECTION_REASON));
    assert_eq!(rejected.renewed_as, None);
    // Each answered request tells its three steps, in order, the last at its answer.
    for (r, answer) in [
        (renewed, RenewalStatus::Renewed),
        (rejected, RenewalStatus::Rejected),
    ] {
        let steps: Vec<RenewalStatus> = r.steps.iter().map(|s| s.status).collect();
        assert_eq!(
            steps,
            [RenewalStatus::Sent, RenewalStatus::InProcessing, answer]
        );
        assert!(r.steps.windows(2).all(|w| w[0].at < w[1].at));
        assert_eq!(r.steps.first().map(|s| s.at), Some(r.sent_at));
        assert_eq!(r.steps.last().map(|s| s.at), Some(r.updated_at));
    }
}
on_both!(demo_history, the_demo_shows_a_history_of_answered_requests);

async fn the_age_limits_hold_to_the_day_as_the_clock_moves(t: &TestArchive) {
    use archive::prescriptions::renewal::{add_months, valid_until};
    demo::load_demo(&t.archive).await.expect("demo");
    let access = own(t, ids::HEAVY_USER).await;
    let list = access.prescriptions().await.expect("list");
    let renewable = |months: i32| {
        list.iter()
            .find(|p| {
                p.renewal_block.is_none() && p.valid_until == valid_until(p.issued_on, months)
            })
            .unwrap_or_else(|| panic!("a renewable {months}-month prescription"))
            .clone()
    };
    // The last day a renewal may be asked for: 16 months from issue for a one-year
    // prescription, 28 for a two-year one (calendar months; the pure boundaries, such as
    // 15 months 30 days, are in `renewal`'s unit tests).
    let one_year = renewable(12);
    let two_year = renewable(24);
    for (rx, limit) in [
        (&one_year, add_months(one_year.issued_on, 16)),
        (&two_year, add_months(two_year.issued_on, 28)),
    ] {
        for (day, want) in [
            (limit - Duration::days(1), None),
            (limit, None),
            (limit + Duration::days(1), Some("too-old")),
        ] {
            let today = t.archive.clock().today();
            t.clock.advance(Duration::days((day - today).whole_days()));
            assert_eq!(t.archive.clock().today(), day);
            let detail = access.prescription(rx.id).await.expect("detail");
            assert_eq!(
                detail.prescription.renewal_block.map(RenewalBlock::code),
                want,
                "{} on {day}",
                rx.product
            );
        }
    }
}
on_both!(
    age_limits,
    the_age_limits_hold_to_the_day_as_the_clock_moves
);
