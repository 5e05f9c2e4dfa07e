//! Delayed display on SQLite and PostgreSQL: a document a professional has delayed is
//! listed as existing, with its kind, organisation and time of appearing, and nothing
//! of what it says reaches any list, document, summary, laboratory series or count
//! until the clock reaches that minute; the person and those acting for them alike.

use crate::common;

use archive::demo::{self, ids};
use archive::inspect::{audit_trail, record_delayed_document};
use archive::model::{DateRange, DocumentId, DocumentKind, MaybeDelayed, PersonId, RecordFilter};
use archive::{Access, Purpose, MAX_PAGE};
use common::TestArchive;
use time::macros::datetime;
use time::Duration;

/// What the secret documents say; none of it may be read before they appear.
const SECRETS: [&str; 6] = [
    "SECRET-DX",
    "SECRET-LAB",
    "SECRET-BP",
    "X-SECRET-BP",
    "Z99.9X",
    "987.65",
];
/// 2026-12-01 08:30 in Finland (EET, UTC+2): the clock starts at 2026-11-29 10:00 UTC.
const APPEARS: &str = "2026-12-01T08:30";

/// Who reads: the person, a mandate holder, a guardian of a child under ten.
const READERS: [(PersonId, PersonId); 3] = [
    (ids::ADULT, ids::ADULT),
    (ids::ADULT, ids::ELDER),
    (ids::GUARDIAN, ids::CHILD),
];

struct Secrets {
    diagnosis: DocumentId,
    measurement: DocumentId,
    lab: DocumentId,
    haemoglobin: DocumentId,
}

async fn record_secrets(t: &TestArchive, person: PersonId, base: i64) -> Secrets {
    let a = &t.archive;
    let at = "2026-11-28T09:00";
    let record = |id, kind, what| record_delayed_document(a, person, id, kind, what, at, APPEARS);
    Secrets {
        diagnosis: record(base, DocumentKind::Diagnosis, ("Z99.9X", "SECRET-DX", 0.0))
            .await
            .expect("diagnosis"),
        measurement: record(
            base + 3,
            DocumentKind::Measurement,
            ("X-SECRET-BP", "SECRET-BP", 987.65),
        )
        .await
        .expect("measurement"),
        lab: record(
            base + 1,
            DocumentKind::LabResult,
            ("X-SECRET", "SECRET-LAB", 987.65),
        )
        .await
        .expect("lab"),
        // A result of a test the person has results of already: its count and latest.
        haemoglobin: record(
            base + 2,
            DocumentKind::LabResult,
            ("B-Hb", "SECRET-LAB", 987.65),
        )
        .await
        .expect("haemoglobin"),
    }
}

async fn access(t: &TestArchive, (actor, subject): (PersonId, PersonId)) -> Access {
    let actor = t.archive.demo_actor(actor).await.expect("actor");
    t.archive
        .access(&actor, subject, Purpose::CitizenService)
        .await
        .expect("a right")
}

/// Everything the reader can read of the person's health records, as text: every page
/// of the list, every document listed, the summaries, every summary of one kind over
/// all years, the laboratory tests and every test's whole series.
async fn everything(access: &Access) -> String {
    let mut out = String::new();
    let mut after: Option<String> = None;
    loop {
        let page = access
            .health_records(&RecordFilter::default(), after.as_deref(), MAX_PAGE)
            .await
            .expect("list");
        for entry in &page.documents.items {
            let doc = access.document(entry.id()).await.expect("document");
            out.push_str(&format!("{doc:?}\n"));
        }
        out.push_str(&format!("{page:?}\n"));
        match page.documents.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    out.push_str(&format!(
        "{:?}\n",
        access.summaries().await.expect("summaries")
    ));
    for &kind in DocumentKind::ALL {
        let mut after: Option<String> = None;
        loop {
            let page = access
                .kind_summary(kind, DateRange::default(), after.as_deref(), MAX_PAGE)
                .await
                .expect("summary of a kind");
            out.push_str(&format!("{page:?}\n"));
            match page.next {
                Some(next) => after = Some(next),
                None => break,
            }
        }
    }
    let labs = access.lab_tests().await.expect("lab tests");
    for test in &labs.tests {
        let series = access
            .lab_series(test.latest.document)
            .await
            .expect("series");
        out.push_str(&format!("{series:?}\n"));
    }
    out.push_str(&format!("{labs:?}\n"));
    out
}

/// Every measurement of the person, over all years.
async fn measurements(
    access: &Access,
) -> archive::model::Page<MaybeDelayed<archive::model::KindEntry>> {
    access
        .kind_summary(
            DocumentKind::Measurement,
            DateRange::default(),
            None,
            MAX_PAGE,
        )
        .await
        .expect("measurements")
}

/// The count and the latest result of the person's haemoglobin tests, if any.
async fn haemoglobin(access: &Access) -> Option<(i64, DocumentId)> {
    let labs = access.lab_tests().await.expect("lab tests");
    labs.tests
        .iter()
        .find(|t| t.test_code == "B-Hb")
        .map(|hb| (hb.count, hb.latest.document))
}

async fn a_delayed_document_is_announced_and_appears_exactly_at_its_minute(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let mut secrets = Vec::new();
    for (i, reader) in READERS.iter().enumerate() {
        let base = 9_000_000 + 10 * i64::try_from(i).expect("small");
        secrets.push(record_secrets(t, reader.1, base).await);
    }
    let hb_before = {
        let mut v = Vec::new();
        for reader in READERS {
            v.push(haemoglobin(&access(t, reader).await).await);
        }
        v
    };
    let appears = datetime!(2026-12-01 08:30);

    // Before: it exists, and says when it appears; nothing of it is read.
    for (reader, s) in READERS.into_iter().zip(&secrets) {
        let access = access(t, reader).await;
        let all = everything(&access).await;
        for secret in SECRETS {
            assert!(!all.contains(secret), "{secret} leaked to {reader:?}");
        }
        let page = access
            .health_records(&RecordFilter::default(), None, MAX_PAGE)
            .await
            .expect("list");
        for id in [s.diagnosis, s.lab, s.haemoglobin] {
            let listed = page
                .documents
                .items
                .iter()
                .find(|d| d.id() == id)
                .and_then(MaybeDelayed::delayed)
                .expect("listed as delayed");
            assert_eq!(listed.appears_at, appears);
            let MaybeDelayed::Delayed(alone) = access.document(id).await.expect("document") else {
                panic!("a delayed document was shown to {reader:?}");
            };
            assert_eq!(&alone, listed);
        }
        let kinds = page
            .documents
            .items
            .iter()
            .filter(|d| [s.diagnosis, s.lab].contains(&d.id()))
            .map(MaybeDelayed::kind)
            .collect::<Vec<_>>();
        assert_eq!(kinds, [DocumentKind::LabResult, DocumentKind::Diagnosis]);
        let summaries = access.summaries().await.expect("summaries");
        assert!(summaries.delayed.iter().any(|d| d.id == s.diagnosis));
        let measurements = measurements(&access).await;
        let listed = measurements
            .items
            .iter()
            .find_map(|e| e.delayed().filter(|d| d.id == s.measurement))
            .expect("the measurement listed as delayed");
        assert_eq!(listed.appears_at, appears);
        let labs = access.lab_tests().await.expect("labs");
        assert!(labs.delayed.iter().any(|d| d.id == s.lab));
        assert!(labs.delayed.iter().any(|d| d.id == s.haemoglobin));
        assert!(labs.tests.iter().all(|t| t.test_code != "X-SECRET"));
    }

    // A minute before: still delayed. Moving the clock needs no new access.
    let early = access(t, READERS[0]).await;
    t.clock.advance(Duration::minutes(60 * 44 + 29));
    assert!(matches!(
        early
            .document(secrets[0].diagnosis)
            .await
            .expect("document"),
        MaybeDelayed::Delayed(_)
    ));
    let all = everything(&early).await;
    assert!(!all.contains("SECRET"), "shown a minute early");

    // At its minute: shown in full, everywhere, to everyone who may see it.
    t.clock.advance(Duration::minutes(1));
    for ((reader, s), before) in READERS.into_iter().zip(&secrets).zip(&hb_before) {
        let access = access(t, reader).await;
        let MaybeDelayed::Shown(dx) = access.document(s.diagnosis).await.expect("document") else {
            panic!("still delayed for {reader:?}");
        };
        assert_eq!(dx.text.as_deref(), Some("SECRET-DX"));
        let MaybeDelayed::Shown(lab) = access.document(s.lab).await.expect("document") else {
            panic!("still delayed for {reader:?}");
        };
        assert_eq!(lab.lab.map(|l| l.value), Some(987.65));
        let measurements = measurements(&access).await;
        let shown = measurements
            .items
            .iter()
            .find_map(|e| e.shown().filter(|e| e.summary.id == s.measurement))
            .expect("the measurement shown at its minute");
        assert_eq!(
            shown.values.iter().map(|v| v.value).collect::<Vec<_>>(),
            [987.65]
        );
        let summaries = access.summaries().await.expect("summaries");
        assert!(summaries
            .diagnoses
            .iter()
            .any(|d| d.coding.code == "Z99.9X"));
        assert!(summaries.delayed.iter().all(|d| d.id != s.diagnosis));
        let labs = access.lab_tests().await.expect("labs");
        assert!(labs.tests.iter().any(|t| t.test_code == "X-SECRET"));
        assert!(labs.delayed.iter().all(|d| d.id != s.lab));
        let series = access.lab_series(s.haemoglobin).await.expect("series");
        assert!(series.points.iter().any(|p| p.document == s.haemoglobin));
        assert_eq!(
            haemoglobin(&access).await,
            Some((before.map_or(0, |b| b.0) + 1, s.haemoglobin)),
            "the count and latest of a test grow when a result appears"
        );
    }

    // Every read above was audited as a read of the person's records.
    let trail = audit_trail(&t.archive, ids::ELDER).await.expect("trail");
    assert!(trail.iter().any(|e| e.action == "records.read"
        && e.actor == Some(ids::ADULT)
        && e.object == Some(secrets[1].diagnosis.get())));
}
on_both!(
    appears_at_its_minute,
    a_delayed_document_is_announced_and_appears_exactly_at_its_minute
);

async fn the_demo_shows_delayed_results_to_the_adult_and_the_heavy_user(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    for person in [ids::ADULT, ids::HEAVY_USER] {
        let labs = t.own(person).await.lab_tests().await.expect("labs");
        assert!(labs.delayed.len() >= 2, "{person:?} has delayed results");
        let today = t.archive.clock().today();
        assert!(labs.delayed.iter().all(|d| d.appears_at.date() > today));
    }
    let heavy = t
        .own(ids::HEAVY_USER)
        .await
        .health_records(&RecordFilter::default(), None, 20)
        .await
        .expect("list");
    assert!(heavy
        .documents
        .items
        .iter()
        .any(|d| d.kind() == DocumentKind::ImagingStudy && d.delayed().is_some()));
}
on_both!(
    demo_has_delayed_results,
    the_demo_shows_delayed_results_to_the_adult_and_the_heavy_user
);
