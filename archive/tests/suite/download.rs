//! The download of all one's data on SQLite and PostgreSQL: the heavy demo user's
//! download holds every document, laboratory result, prescription, purchase, renewal
//! request, declaration version, measurement and log entry its page counts, in parts
//! of at most `BATCH` rows, each once; a document still delayed is not in it; the
//! download is one audit event, written before anything is read; a writer is not held
//! back while a download is under way; a proxy cannot download.

use std::collections::BTreeSet;

use crate::common;

use archive::demo::{self, ids};
use archive::download::model::{Part, BATCH};
use archive::inspect::{audit_trail, record_delayed_document};
use archive::model::{DocumentKind, LivingWillText, Treatment, TreatmentWish};
use archive::{ArchiveError, Purpose, Refusal};
use common::TestArchive;

/// Every part of `person`'s own download, read to its end.
async fn download_all(t: &TestArchive, person: archive::model::PersonId) -> Vec<Part> {
    let mut download = t.own(person).await.download().await.expect("download");
    let mut parts = Vec::new();
    while let Some(part) = download.next().await.expect("part") {
        parts.push(part);
    }
    assert!(
        download.next().await.expect("done").is_none(),
        "ended stays ended"
    );
    parts
}

async fn the_heavy_user_downloads_everything_the_page_counts(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    // A result still delayed: counted nowhere, downloaded never.
    record_delayed_document(
        a,
        ids::HEAVY_USER,
        990_001,
        DocumentKind::LabResult,
        ("X-SECRET", "SECRET-LAB", 987.65),
        "2026-11-28T09:00",
        "2027-06-01T08:30",
    )
    .await
    .expect("delayed");
    let contents = t
        .own(ids::HEAVY_USER)
        .await
        .download_contents()
        .await
        .expect("contents");
    assert!(
        contents.documents > i64::from(BATCH),
        "the heavy user's documents take several parts"
    );
    let before = audit_trail(a, ids::HEAVY_USER).await.expect("trail").len();
    let parts = download_all(t, ids::HEAVY_USER).await;

    let trail = audit_trail(a, ids::HEAVY_USER).await.expect("trail");
    let events: Vec<_> = trail
        .iter()
        .filter(|e| e.action == "download.file")
        .collect();
    assert_eq!(events.len(), 1, "one event for the whole download");
    assert_eq!(events[0].outcome, "ok");
    assert_eq!(trail.len(), before + 1, "and no other");

    let batch = usize::try_from(BATCH).expect("batch");
    assert!(matches!(parts.first(), Some(Part::Person(p)) if p.id == ids::HEAVY_USER));
    let mut ids_seen = BTreeSet::new();
    let (mut labs, mut prescriptions, mut purchases, mut requests, mut log) = (0, 0, 0, 0, 0);
    let mut measurements = 0;
    for part in &parts {
        match part {
            Part::Documents(documents) => {
                assert!(documents.len() <= batch);
                for d in documents {
                    assert!(ids_seen.insert(d.summary.id), "each document once");
                    assert_ne!(d.text.as_deref(), Some("SECRET-LAB"));
                    if d.lab.is_some() {
                        labs += 1;
                    }
                    if d.summary.kind == DocumentKind::Measurement {
                        assert!(!d.values.is_empty(), "a measurement with its values");
                    }
                }
            }
            Part::Prescriptions(p) => {
                prescriptions += p.len();
                purchases += p.iter().map(|p| p.dispensations.len()).sum::<usize>();
            }
            Part::RenewalRequests(r) => requests += r.len(),
            Part::Wellbeing(w) => {
                assert!(w.len() <= batch);
                measurements += w.len();
            }
            Part::DisclosureLog(entries) => {
                assert!(entries.len() <= batch);
                log += entries.len();
            }
            _ => {}
        }
    }
    let count = |n: usize| i64::try_from(n).expect("count");
    assert_eq!(count(ids_seen.len()), contents.documents);
    assert_eq!(count(labs), contents.lab_results);
    assert_eq!(count(prescriptions), contents.prescriptions);
    assert_eq!(count(purchases), contents.purchases);
    assert_eq!(count(requests), contents.renewal_requests);
    assert_eq!(count(measurements), contents.measurements);
    assert_eq!(count(log), contents.log_entries);
    assert!(prescriptions > 0 && purchases > 0 && labs > 0);
}

on_both!(
    heavy_user_downloads_everything,
    the_heavy_user_downloads_everything_the_page_counts
);

async fn a_download_holds_back_no_writer_and_sees_one_moment(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let own = t.own(ids::ADULT).await;
    let mut download = own.download().await.expect("download");
    assert!(matches!(download.next().await, Ok(Some(Part::Person(_)))));
    // Under way: the person writes a living will; it is saved at once.
    let text = LivingWillText {
        wishes: "Kotona.".to_owned(),
        treatments: Treatment::ALL
            .iter()
            .map(|&t| (t, TreatmentWish::Refuse))
            .collect(),
    };
    tokio::time::timeout(
        std::time::Duration::from_secs(5),
        own.write_living_will(&text),
    )
    .await
    .expect("not held back")
    .expect("saved");
    // The download goes on from the moment it began: without the new version.
    let mut versions = None;
    while let Some(part) = download.next().await.expect("part") {
        if let Part::LivingWill(v) = part {
            versions = Some(v.len());
        }
    }
    let before = versions.unwrap_or(0);
    let after = download_all(t, ids::ADULT)
        .await
        .into_iter()
        .find_map(|p| match p {
            Part::LivingWill(v) => Some(v.len()),
            _ => None,
        })
        .unwrap_or(0);
    assert_eq!(after, before + 1, "the next download has it");
}

async fn a_download_is_one_fhir_bundle_whose_references_resolve(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    for person in [ids::HEAVY_USER, ids::ADULT] {
        let parts = download_all(t, person).await;
        let mut n = 0;
        let mut writer = phr::download::BundleWriter::new(
            || {
                n += 1;
                format!("00000000-0000-4000-8000-{n:012}")
            },
            "https://omakanta.example/fhir",
        );
        let mut text = writer.head(t.archive.clock().now());
        for part in &parts {
            text.push_str(&writer.part(part).expect("resources"));
        }
        text.push_str(phr::download::BundleWriter::<fn() -> String>::TAIL);
        let bundle: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(phr::download::check(&bundle), Vec::<String>::new());
        let kinds: BTreeSet<&str> = bundle["entry"]
            .as_array()
            .expect("entries")
            .iter()
            .filter_map(|e| e["resource"]["resourceType"].as_str())
            .collect();
        if person == ids::HEAVY_USER {
            for kind in [
                "Patient",
                "Observation",
                "DocumentReference",
                "MedicationRequest",
                "MedicationDispense",
                "AuditEvent",
            ] {
                assert!(kinds.contains(kind), "{kind} in {kinds:?}");
            }
        }
    }
}

on_both!(
    one_fhir_bundle,
    a_download_is_one_fhir_bundle_whose_references_resolve
);

on_both!(
    holds_back_no_writer,
    a_download_holds_back_no_writer_and_sees_one_moment
);

async fn a_proxy_cannot_download(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let actor = t.archive.demo_actor(ids::ADULT).await.expect("actor");
    let for_elder = t
        .archive
        .access(&actor, ids::ELDER, Purpose::CitizenService)
        .await
        .expect("a mandate");
    assert!(matches!(
        for_elder.download().await,
        Err(ArchiveError::Refused(Refusal::NotCovered))
    ));
    assert!(matches!(
        for_elder.download_contents().await,
        Err(ArchiveError::Refused(Refusal::NotCovered))
    ));
}

on_both!(proxy_cannot_download, a_proxy_cannot_download);
