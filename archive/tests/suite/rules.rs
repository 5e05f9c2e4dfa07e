//! The archive's rules and storage, on SQLite and on PostgreSQL.

use crate::common;

use std::collections::HashSet;

use archive::demo::{self, ids};
use archive::hetu::{Hetu, HetuError};
use archive::inspect::audit_trail;
use archive::model::{DocumentKind, MaybeDelayed, RecordFilter};
use archive::{ArchiveError, Purpose, Refusal, SessionLimits, MAX_PAGE};
use common::TestArchive;
use time::Duration;

async fn loaded(t: &TestArchive) {
    let report = demo::load_demo(&t.archive).await.expect("demo data");
    assert_eq!(report.persons, 7);
}

async fn a_person_cannot_open_another_persons_records(t: &TestArchive) {
    loaded(t).await;
    let a = &t.archive;
    let aino = a.demo_actor(ids::ADULT).await.expect("actor");
    let refused = a
        .access(&aino, ids::HEAVY_USER, Purpose::CitizenService)
        .await;
    assert!(matches!(
        refused,
        Err(ArchiveError::Refused(Refusal::NoRight))
    ));
    // With no relation between them the attempt is a security matter: on Aino's own
    // trail, naming whom she tried; nothing is written into Mikko's disclosures.
    let trail = audit_trail(a, ids::ADULT).await.expect("trail");
    assert!(trail.iter().any(|e| e.action == "access.refused"
        && e.object == Some(ids::HEAVY_USER.get())
        && e.outcome == "no-relation"));
    assert!(audit_trail(a, ids::HEAVY_USER)
        .await
        .expect("trail")
        .iter()
        .all(|e| e.actor != Some(ids::ADULT)));

    // Nor can a document id of Mikko's be read through Aino's own access.
    let his = t.own(ids::HEAVY_USER).await;
    let his_doc = his
        .health_records(&RecordFilter::default(), None, 1)
        .await
        .expect("list")
        .documents
        .items[0]
        .id();
    let hers = a
        .access(&aino, ids::ADULT, Purpose::CitizenService)
        .await
        .expect("own");
    assert!(matches!(
        hers.document(his_doc).await,
        Err(ArchiveError::NotFound)
    ));
    // His laboratory result does not open his series for her.
    let his_lab = a
        .access(
            &a.demo_actor(ids::HEAVY_USER).await.expect("actor"),
            ids::HEAVY_USER,
            Purpose::CitizenService,
        )
        .await
        .expect("his own")
        .lab_tests()
        .await
        .expect("his tests")
        .tests[0]
        .latest
        .document;
    assert!(matches!(
        hers.lab_series(his_lab).await,
        Err(ArchiveError::NotFound)
    ));
}
on_both!(
    cannot_read_another_persons_records,
    a_person_cannot_open_another_persons_records
);

async fn every_read_writes_its_audit_event(t: &TestArchive) {
    loaded(t).await;
    let a = &t.archive;
    let access = t.own(ids::ADULT).await;
    let before = audit_trail(a, ids::ADULT).await.expect("trail").len();

    let page = access
        .health_records(&RecordFilter::default(), None, 10)
        .await
        .expect("list");
    let doc = page.documents.items[0].id();
    access.document(doc).await.expect("document");
    access.summaries().await.expect("summaries");
    let tests = access.lab_tests().await.expect("lab tests");
    access
        .lab_series(tests.tests[0].latest.document)
        .await
        .expect("series");

    let trail = audit_trail(a, ids::ADULT).await.expect("trail");
    let new: Vec<_> = trail[before..].iter().collect();
    let mut actions: Vec<&str> = new.iter().map(|e| e.action.as_str()).collect();
    actions.sort_unstable();
    assert_eq!(
        actions,
        [
            "lab.list",
            "lab.series",
            "records.list",
            "records.read",
            "summaries.read"
        ]
    );
    for e in &new {
        assert_eq!(e.actor, Some(ids::ADULT));
        assert_eq!(e.subject, ids::ADULT);
        assert_eq!(e.right, "own");
        assert_eq!(e.purpose, "citizen-service");
        assert_eq!(e.outcome, "ok");
    }
    let read = new
        .iter()
        .find(|e| e.action == "records.read")
        .expect("read event");
    assert_eq!(read.object, Some(doc.get()));
}
on_both!(every_read_is_audited, every_read_writes_its_audit_event);

async fn the_audit_trail_cannot_be_changed(t: &TestArchive) {
    loaded(t).await;
    let a = &t.archive;
    let actor = a.demo_actor(ids::ADULT).await.expect("actor");
    a.access(&actor, ids::ADULT, Purpose::CitizenService)
        .await
        .expect("own")
        .summaries()
        .await
        .expect("read");
    let tampered = archive::inspect::try_tamper_with_audit(a, ids::ADULT).await;
    assert!(
        tampered.is_err(),
        "the schema must refuse changes to audit events"
    );
    assert!(audit_trail(a, ids::ADULT)
        .await
        .expect("trail")
        .iter()
        .all(|e| e.outcome != "changed"));
    assert!(
        archive::inspect::try_truncate_audit(a).await.is_err(),
        "nor emptied at once"
    );
    assert!(!audit_trail(a, ids::ADULT).await.expect("trail").is_empty());
}
on_both!(audit_is_append_only, the_audit_trail_cannot_be_changed);

async fn keyset_pages_cover_everything_once_in_order(t: &TestArchive) {
    loaded(t).await;
    let access = t.own(ids::HEAVY_USER).await;
    let mut seen = HashSet::new();
    let mut last: Option<(time::PrimitiveDateTime, i64)> = None;
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let page = access
            .health_records(&RecordFilter::default(), cursor.as_deref(), MAX_PAGE)
            .await
            .expect("page");
        pages += 1;
        for d in &page.documents.items {
            assert!(seen.insert(d.id()), "a document came twice");
            // A delayed document does not say when it was recorded.
            let Some(d) = d.shown() else { continue };
            let key = (d.recorded_at, d.id.get());
            if let Some(prev) = last {
                assert!(key < prev, "newest first, ties by id");
            }
            last = Some(key);
        }
        match page.documents.next {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    assert!(
        seen.len() >= 5000,
        "the heavy user has at least 5,000 documents, got {}",
        seen.len()
    );
    assert_eq!(pages, seen.len().div_ceil(MAX_PAGE as usize));
    assert!(matches!(
        access
            .health_records(&RecordFilter::default(), Some("garbage"), 10)
            .await,
        Err(ArchiveError::Invalid { .. })
    ));
}
on_both!(keyset_paging, keyset_pages_cover_everything_once_in_order);

async fn filters_narrow_by_time_organisation_and_kind(t: &TestArchive) {
    loaded(t).await;
    let a = &t.archive;
    let access = t.own(ids::ADULT).await;
    let today = a.clock().today();
    let year = RecordFilter::last_twelve_months(today);
    let page = access
        .health_records(&year, None, MAX_PAGE)
        .await
        .expect("list");
    assert!(!page.documents.items.is_empty());
    let from = year.range.from.expect("from");
    assert!(page
        .documents
        .items
        .iter()
        .filter_map(MaybeDelayed::shown)
        .all(|d| d.recorded_at.date() >= from && d.recorded_at.date() <= today));

    let labs = RecordFilter {
        kind: Some(DocumentKind::LabResult),
        ..RecordFilter::default()
    };
    let page = access
        .health_records(&labs, None, MAX_PAGE)
        .await
        .expect("list");
    assert!(!page.documents.items.is_empty());
    assert!(page
        .documents
        .items
        .iter()
        .all(|d| d.kind() == DocumentKind::LabResult));

    let org = page.organisations[0].id;
    let by_org = RecordFilter {
        organisation: Some(org),
        ..RecordFilter::default()
    };
    let page = access
        .health_records(&by_org, None, MAX_PAGE)
        .await
        .expect("list");
    assert!(!page.documents.items.is_empty());
    assert!(page
        .documents
        .items
        .iter()
        .all(|d| d.organisation().id == org));
}
on_both!(filters, filters_narrow_by_time_organisation_and_kind);

async fn summaries_and_lab_results_hold_together(t: &TestArchive) {
    loaded(t).await;
    let access = t.own(ids::HEAVY_USER).await;
    let s = access.summaries().await.expect("summaries");
    let codes: HashSet<&str> = s.diagnoses.iter().map(|d| d.coding.code.as_str()).collect();
    for chronic in ["I10", "E11.9", "I48.9"] {
        assert!(codes.contains(chronic), "{chronic} among {codes:?}");
    }
    assert!(!s.risks.is_empty());
    assert!(!s.vaccinations.is_empty());
    assert!(s
        .diagnoses
        .iter()
        .all(|d| d.first_recorded <= d.last_recorded && d.times >= 1));

    let tests = access.lab_tests().await.expect("tests");
    let hba1c = tests
        .tests
        .iter()
        .find(|t| t.test_code == "B-HbA1c")
        .expect("HbA1c for a diabetic");
    let series = access
        .lab_series(hba1c.latest.document)
        .await
        .expect("series");
    assert_eq!(series.points.len() as i64, hba1c.count);
    assert!(series
        .points
        .windows(2)
        .all(|w| w[0].taken_at <= w[1].taken_at));
    assert_eq!(
        series.points.last().map(|p| p.taken_at),
        Some(hba1c.latest.taken_at)
    );
    for p in &series.points {
        assert_eq!(
            p.flag,
            archive::model::AbnormalFlag::of(p.value, series.reference_low, series.reference_high)
        );
    }
    assert!(
        series
            .points
            .iter()
            .any(|p| p.flag != archive::model::AbnormalFlag::Normal),
        "some results out of range"
    );
}
on_both!(summaries_and_labs, summaries_and_lab_results_hold_together);

/// Every entry of one kind in a range: what professionals measured with its values,
/// referrals and care plans with their text, a page at a time, in the range asked, and
/// audited with the kind and range it was read by.
async fn a_summary_of_one_kind_holds_its_entries_in_full(t: &TestArchive) {
    use archive::model::{DateRange, DocumentKind, MaybeDelayed};
    loaded(t).await;
    let access = t.own(ids::HEAVY_USER).await;
    let all = DateRange::default();
    let measured = access
        .kind_summary(DocumentKind::Measurement, all, None, 200)
        .await
        .expect("measurements");
    let shown: Vec<_> = measured
        .items
        .iter()
        .filter_map(MaybeDelayed::shown)
        .collect();
    assert!(shown
        .iter()
        .all(|e| e.summary.kind == DocumentKind::Measurement));
    let pressure = shown
        .iter()
        .find(|e| e.summary.code.as_deref() == Some("85354-9"))
        .expect("a blood pressure");
    let parts: Vec<(&str, &str)> = pressure
        .values
        .iter()
        .map(|v| (v.code.as_str(), v.unit.as_str()))
        .collect();
    assert_eq!(
        parts,
        [("8480-6", "mmHg"), ("8462-4", "mmHg")],
        "systolic, then diastolic"
    );
    assert!(pressure.values[0].value > pressure.values[1].value);
    assert!(shown
        .iter()
        .any(|e| e.values.len() == 1 && e.values[0].unit == "kg"));
    assert!(shown.iter().all(|e| !e.values.is_empty()));
    assert!(shown
        .windows(2)
        .all(|w| w[0].summary.recorded_at >= w[1].summary.recorded_at));

    // A page at a time, no entry twice, all of them.
    let mut paged = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = access
            .kind_summary(DocumentKind::Measurement, all, after.as_deref(), 5)
            .await
            .expect("a page");
        assert!(page.items.len() <= 5);
        paged.extend(page.items.iter().map(|e| e.id()));
        match page.next {
            Some(next) => after = Some(next),
            None => break,
        }
    }
    assert_eq!(
        paged,
        measured.items.iter().map(|e| e.id()).collect::<Vec<_>>()
    );

    for kind in [DocumentKind::Referral, DocumentKind::CarePlan] {
        let page = access
            .kind_summary(kind, all, None, 50)
            .await
            .expect("texts");
        assert!(!page.items.is_empty(), "{kind:?}");
        for e in page.items.iter().filter_map(MaybeDelayed::shown) {
            assert!(
                e.text.as_deref().is_some_and(|t| !t.is_empty()),
                "{kind:?} has its text"
            );
            assert!(e.values.is_empty());
        }
    }

    // The range: the last 12 months hold fewer referrals than all years.
    let today = t.archive.clock().today();
    let year = DateRange {
        from: Some(today - time::Duration::days(365)),
        to: Some(today),
    };
    let recent = access
        .kind_summary(DocumentKind::Referral, year, None, 50)
        .await
        .expect("recent");
    let ever = access
        .kind_summary(DocumentKind::Referral, all, None, 50)
        .await
        .expect("ever");
    assert!(recent.items.len() < ever.items.len());

    // A guardian sees the child's growth measured at the clinic.
    let growth = t
        .access(ids::GUARDIAN, ids::CHILD)
        .await
        .kind_summary(DocumentKind::Measurement, all, None, 50)
        .await
        .expect("the child's measurements");
    assert!(growth
        .items
        .iter()
        .filter_map(MaybeDelayed::shown)
        .any(|e| e.summary.code.as_deref() == Some("8302-2") && e.values[0].unit == "cm"));

    let trail = audit_trail(&t.archive, ids::HEAVY_USER)
        .await
        .expect("trail");
    assert!(trail.iter().any(|e| e.action == "summaries.kind"
        && e.detail
            .as_deref()
            .is_some_and(|d| d.contains("kind=referral"))));
}
on_both!(
    kind_summaries,
    a_summary_of_one_kind_holds_its_entries_in_full
);

async fn sessions_run_out_when_idle_or_old_and_end_on_sign_out(t: &TestArchive) {
    loaded(t).await;
    let a = &t.archive;
    let limits = SessionLimits::default();
    let actor = a.demo_actor(ids::ADULT).await.expect("actor");
    let token = a.start_session(&actor).await.expect("session");
    let (resumed, who) = a
        .resume_session(&token, limits)
        .await
        .expect("lookup")
        .expect("live");
    assert_eq!(resumed.person(), actor.person());
    assert_eq!(who.display_name, "Aino Virtanen");

    t.clock.advance(Duration::minutes(29));
    assert!(
        a.resume_session(&token, limits)
            .await
            .expect("lookup")
            .is_some(),
        "activity keeps it alive"
    );
    t.clock.advance(Duration::minutes(31));
    assert!(
        a.resume_session(&token, limits)
            .await
            .expect("lookup")
            .is_none(),
        "idle too long"
    );

    let token = a.start_session(&actor).await.expect("session");
    for _ in 0..25 {
        t.clock.advance(Duration::minutes(29));
        let _ = a.resume_session(&token, limits).await.expect("lookup");
    }
    assert!(
        a.resume_session(&token, limits)
            .await
            .expect("lookup")
            .is_none(),
        "12 hours at most"
    );

    let token = a.start_session(&actor).await.expect("session");
    a.end_session(&token).await.expect("sign out");
    assert!(a
        .resume_session(&token, limits)
        .await
        .expect("lookup")
        .is_none());
    let trail = audit_trail(a, ids::ADULT).await.expect("trail");
    assert!(trail.iter().any(|e| e.action == "session.sign-in"));
    assert!(trail.iter().any(|e| e.action == "session.sign-out"));
}
on_both!(
    sessions,
    sessions_run_out_when_idle_or_old_and_end_on_sign_out
);

async fn demo_data_is_realistic_and_repeatable(t: &TestArchive) {
    loaded(t).await;
    let a = &t.archive;
    let persons = a.demo_persons().await.expect("persons");
    assert_eq!(persons.len(), 7);
    // Loading again adds nothing.
    assert_eq!(demo::load_demo(a).await.expect("again").persons, 0);
    // Every demo person has a test identity code and can be signed in by it.
    let other = common::sqlite().await;
    demo::load_demo(&other.archive).await.expect("demo");
    let again = other.archive.demo_persons().await.expect("persons");
    assert_eq!(
        persons, again,
        "the same seed and date give the same persons"
    );
    other.close().await;
    for p in &persons {
        let actor = a.demo_actor(p.person).await.expect("demo actor");
        assert_eq!(actor.person(), p.person);
    }
    // The teen has documents a professional marked as hers alone; they are her own to see.
    let own = t.own(ids::TEEN).await;
    let all = own
        .health_records(&RecordFilter::default(), None, MAX_PAGE)
        .await
        .expect("list");
    assert!(all
        .documents
        .items
        .iter()
        .filter_map(MaybeDelayed::shown)
        .any(|d| d.title.contains("Ehkäisyneuvonta") || d.title.contains("ahdistuneisuus")));
    // Generated persons for scale tests.
    let report = demo::load_generated(a, 3, 7).await.expect("generated");
    assert_eq!(report.persons, 3);
    assert!(report.documents > 10);
}
on_both!(demo_data, demo_data_is_realistic_and_repeatable);

async fn identity_codes_are_checked_before_the_archive_is_asked(t: &TestArchive) {
    loaded(t).await;
    assert_eq!(Hetu::parse("131052-308U"), Err(HetuError::CheckCharacter));
    assert_eq!(Hetu::parse("311352-308T"), Err(HetuError::Date));
    // A valid code of nobody in the archive is not found, and says nothing more.
    let stranger = Hetu::parse("131052-308T").expect("valid");
    assert!(matches!(
        t.archive.authenticate(&stranger).await,
        Err(ArchiveError::NotFound)
    ));
}
on_both!(
    identity_codes,
    identity_codes_are_checked_before_the_archive_is_asked
);

async fn concurrent_reads_and_session_touches_do_not_fail(t: &TestArchive) {
    loaded(t).await;
    let a = t.archive.clone();
    let actor = a.demo_actor(ids::ADULT).await.expect("actor");
    let token = a.start_session(&actor).await.expect("session");
    let mut tasks = Vec::new();
    for i in 0..24 {
        let a = a.clone();
        let actor = actor.clone();
        let token = token.clone();
        tasks.push(tokio::spawn(async move {
            if i % 2 == 0 {
                a.resume_session(&token, SessionLimits::default())
                    .await
                    .map(|_| ())
            } else {
                let access = a
                    .access(&actor, ids::ADULT, Purpose::CitizenService)
                    .await?;
                access
                    .health_records(&RecordFilter::default(), None, 20)
                    .await
                    .map(|_| ())
            }
        }));
    }
    for task in tasks {
        task.await
            .expect("task")
            .expect("no busy or deadlock errors");
    }
}
on_both!(
    concurrency,
    concurrent_reads_and_session_touches_do_not_fail
);

/// Many more reads at once than the pool has connections, of every section: none may
/// hold one connection while it waits for another (with every connection so held, all
/// would wait for the pool's timeout and fail).
async fn reads_of_every_section_at_once_do_not_starve_the_pool(t: &TestArchive) {
    loaded(t).await;
    let access = std::sync::Arc::new(t.own(ids::HEAVY_USER).await);
    let at_once = 3 * archive::inspect::pool_size(&t.archive);
    let started = std::time::Instant::now();
    let mut tasks = Vec::new();
    for i in 0..at_once * 8 {
        let access = std::sync::Arc::clone(&access);
        tasks.push(tokio::spawn(async move {
            let result = match i % 8 {
                0 => access.prescriptions().await.map(|_| ()),
                1 => access.renewal_requests(10).await.map(|_| ()),
                2 => access.medication_list().await.map(|_| ()),
                3 => access
                    .health_records(&RecordFilter::default(), None, 20)
                    .await
                    .map(|_| ()),
                4 => access.summaries().await.map(|_| ()),
                5 => access.lab_tests().await.map(|_| ()),
                6 => access.living_will().await.map(|_| ()),
                _ => access
                    .disclosure_log(&archive::model::LogFilter::default(), None, 20)
                    .await
                    .map(|_| ()),
            };
            (i % 8, result)
        }));
    }
    for task in tasks {
        let (which, result) = task.await.expect("task");
        assert!(result.is_ok(), "read {which} failed: {result:?}");
    }
    // Not a timing test: this only tells a starved pool (its 10 s timeout) apart.
    assert!(started.elapsed() < std::time::Duration::from_secs(9));
}
on_both!(
    pool_starvation,
    reads_of_every_section_at_once_do_not_starve_the_pool
);

async fn login_attempts_are_single_use_bound_to_the_browser_and_expire(t: &TestArchive) {
    let a = &t.archive;
    let attempt = archive::LoginAttempt {
        nonce: "n".into(),
        pkce_verifier: "v".into(),
    };
    a.save_login_attempt("state-1", "browser-1", &attempt)
        .await
        .expect("save");
    assert_eq!(
        a.take_login_attempt("state-1", "browser-2")
            .await
            .expect("take"),
        None,
        "another browser"
    );
    // A wrong browser used it up: the state cannot be tried again.
    assert_eq!(
        a.take_login_attempt("state-1", "browser-1")
            .await
            .expect("take"),
        None
    );

    a.save_login_attempt("state-2", "browser-1", &attempt)
        .await
        .expect("save");
    assert_eq!(
        a.take_login_attempt("state-2", "browser-1")
            .await
            .expect("take"),
        Some(attempt.clone())
    );
    assert_eq!(
        a.take_login_attempt("state-2", "browser-1")
            .await
            .expect("take"),
        None,
        "single use"
    );

    a.save_login_attempt("state-3", "browser-1", &attempt)
        .await
        .expect("save");
    t.clock
        .advance(archive::LOGIN_ATTEMPT_LIFETIME + Duration::seconds(1));
    assert_eq!(
        a.take_login_attempt("state-3", "browser-1")
            .await
            .expect("take"),
        None,
        "expired"
    );
}
on_both!(
    login_attempts,
    login_attempts_are_single_use_bound_to_the_browser_and_expire
);

async fn switching_whom_to_act_for_keeps_the_sign_ins_time_limit(t: &TestArchive) {
    loaded(t).await;
    let a = &t.archive;
    let limits = SessionLimits::default();
    let aino = a.demo_actor(ids::ADULT).await.expect("actor");
    let mut token = a.start_session(&aino).await.expect("session");
    // Switching every few hours (to her mother and back) does not reset the 12 hours.
    for to_mother in [true, false, true, false] {
        t.clock.advance(Duration::minutes(25));
        let _ = a.resume_session(&token, limits).await.expect("lookup");
        let handle = a
            .proxy_options(&aino, &token)
            .await
            .expect("options")
            .options[0]
            .handle
            .clone();
        let target = if to_mother {
            archive::ActFor::Handle(&handle)
        } else {
            archive::ActFor::Own
        };
        token = a
            .switch_acting_for(&token, &aino, target)
            .await
            .expect("switch");
    }
    for _ in 0..27 {
        t.clock.advance(Duration::minutes(25));
        let _ = a.resume_session(&token, limits).await.expect("lookup");
    }
    assert!(
        a.resume_session(&token, limits)
            .await
            .expect("lookup")
            .is_none(),
        "12 hours after signing in the session has ended, switches or not"
    );
}
on_both!(
    switching_keeps_the_time_limit,
    switching_whom_to_act_for_keeps_the_sign_ins_time_limit
);

async fn a_page_view_writes_the_session_at_most_once_a_minute(t: &TestArchive) {
    loaded(t).await;
    let a = &t.archive;
    let limits = SessionLimits::default();
    let aino = a.demo_actor(ids::ADULT).await.expect("actor");
    let token = a.start_session(&aino).await.expect("session");
    let (_, first_seen) = archive::inspect::session_times(a, &token)
        .await
        .expect("times");
    t.clock.advance(Duration::seconds(50));
    let (_, who) = a
        .resume_session(&token, limits)
        .await
        .expect("lookup")
        .expect("live");
    assert_eq!(
        archive::inspect::session_times(a, &token)
            .await
            .expect("times")
            .1,
        first_seen,
        "within the minute a read stays a read"
    );
    assert_eq!(
        who.seconds_left,
        30 * 60 - 50,
        "the page says when it really ends"
    );
    t.clock.advance(Duration::seconds(20));
    let _ = a.resume_session(&token, limits).await.expect("lookup");
    assert_eq!(
        archive::inspect::session_times(a, &token)
            .await
            .expect("times")
            .1,
        first_seen + 70_000,
        "moved after a minute"
    );
    // Idle 30 minutes from the last write ends it.
    t.clock
        .advance(Duration::minutes(30) + Duration::seconds(1));
    assert!(a
        .resume_session(&token, limits)
        .await
        .expect("lookup")
        .is_none());
}
on_both!(
    session_writes_once_a_minute,
    a_page_view_writes_the_session_at_most_once_a_minute
);

async fn refusals_of_one_object_stay_in_the_trail_with_their_outcome(t: &TestArchive) {
    loaded(t).await;
    let a = &t.archive;
    let hers = t.own(ids::ADULT).await;
    let his = t.own(ids::HEAVY_USER).await;
    let his_doc = his
        .health_records(&RecordFilter::default(), None, 1)
        .await
        .expect("list")
        .documents
        .items[0]
        .id();
    let his_rx = his.prescriptions().await.expect("list")[0].id;
    let her_old = hers
        .prescriptions()
        .await
        .expect("list")
        .into_iter()
        .find(|p| p.renewal_block == Some(archive::model::RenewalBlock::TooOld))
        .expect("an old prescription");
    // A document, a lab series and a prescription she may not see; a renewal a rule refuses.
    assert!(hers.document(his_doc).await.is_err());
    assert!(hers.lab_series(his_doc).await.is_err());
    assert!(hers.prescription(his_rx).await.is_err());
    let form = archive::model::RenewalForm {
        organisation: her_old.organisation.id,
        message: None,
        share_other_prescriptions: false,
    };
    assert!(hers
        .request_renewal(her_old.id, &form, "key-too-old-000000000")
        .await
        .is_err());
    let trail = audit_trail(a, ids::ADULT).await.expect("trail");
    let event = |action: &str, object: i64| {
        trail
            .iter()
            .find(|e| e.action == action && e.object == Some(object))
            .map(|e| e.outcome.clone())
    };
    assert_eq!(
        event("records.read", his_doc.get()).as_deref(),
        Some("not-found")
    );
    assert_eq!(
        event("lab.series", his_doc.get()).as_deref(),
        Some("not-found")
    );
    assert_eq!(
        event("prescriptions.read", his_rx.get()).as_deref(),
        Some("not-found")
    );
    assert_eq!(
        event("prescriptions.renewal-request", her_old.id.get()).as_deref(),
        Some("renewal-too-old")
    );
    assert!(
        trail
            .iter()
            .all(|e| e.outcome != "ok" || e.object != Some(his_doc.get())),
        "no attempt is recorded as done"
    );
    // A list's event names what narrowed it.
    let filter = RecordFilter {
        kind: Some(archive::model::DocumentKind::Diagnosis),
        ..RecordFilter::last_twelve_months(a.clock().today())
    };
    hers.health_records(&filter, None, 5).await.expect("list");
    let trail = audit_trail(a, ids::ADULT).await.expect("trail");
    let listed = trail
        .iter()
        .rev()
        .find(|e| e.action == "records.list")
        .expect("the list's event");
    let detail = listed.detail.as_deref().expect("a detail");
    assert!(detail.contains("kind=diagnosis"), "{detail}");
    assert!(
        detail.contains(&format!("to={}", a.clock().today())),
        "{detail}"
    );
}
on_both!(
    object_refusals_are_audited,
    refusals_of_one_object_stay_in_the_trail_with_their_outcome
);

async fn the_disclosure_log_tells_a_refusal_as_the_person_may_be_told_it(t: &TestArchive) {
    use archive::inspect::set_person_flags;
    use archive::model::Outcome;
    loaded(t).await;
    let a = &t.archive;
    let laura = a.demo_actor(ids::GUARDIAN).await.expect("actor");
    // Laura has a court-appointed guardian, then a non-disclosure order: each refuses
    // her acting for Eetu, and the trail keeps which.
    for (court, non_disclosure, kept) in [
        (true, false, Refusal::GuardianUnderGuardianship),
        (false, true, Refusal::NonDisclosure),
    ] {
        set_person_flags(a, ids::GUARDIAN, false, non_disclosure, court)
            .await
            .expect("flags");
        assert!(matches!(
            a.access(&laura, ids::CHILD, Purpose::CitizenService).await,
            Err(ArchiveError::Refused(Refusal::NoRightNow))
        ));
        assert!(audit_trail(a, ids::CHILD)
            .await
            .expect("trail")
            .iter()
            .any(|e| e.actor == Some(ids::GUARDIAN) && e.outcome == kept.code()));
    }
    // Eetu's log says she had no right at the time, never why.
    let log = t
        .own(ids::CHILD)
        .await
        .disclosure_log(&archive::model::LogFilter::default(), None, 50)
        .await
        .expect("log");
    let hers: Vec<Outcome> = log
        .actions
        .iter()
        .filter(|e| e.actor_name == "Laura Nieminen" && e.outcome != Outcome::Done)
        .map(|e| e.outcome)
        .collect();
    assert_eq!(
        hers,
        [
            Outcome::Refused(Refusal::NoRightNow),
            Outcome::Refused(Refusal::NoRightNow)
        ]
    );
}
on_both!(
    disclosure_log_tells_as_told,
    the_disclosure_log_tells_a_refusal_as_the_person_may_be_told_it
);

async fn shared_rate_counters_count_exactly_per_key_and_window(t: &TestArchive) {
    let a = &t.archive;
    let counts = futures_join(a, "sign-in:203.0.113.9", 40).await;
    let mut sorted = counts.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, (1..=40).collect::<Vec<i64>>(), "each count once");
    assert_eq!(
        a.count_event("sign-in:198.51.100.7", 60_000)
            .await
            .expect("count"),
        1,
        "keys apart"
    );
    t.clock.advance(Duration::minutes(1));
    assert_eq!(
        a.count_event("sign-in:203.0.113.9", 60_000)
            .await
            .expect("count"),
        1,
        "a new window starts afresh"
    );
}

async fn a_days_window_outlives_the_minutes_cleaned_up_beside_it(t: &TestArchive) {
    let a = &t.archive;
    const DAY_MS: i64 = 24 * 60 * 60 * 1000;
    // The clock stands at 10:00 UTC: the day's window has fourteen hours to go.
    for n in 1..=3 {
        assert_eq!(
            a.count_event("feedback:192.0.2.1", DAY_MS)
                .await
                .expect("count"),
            n
        );
    }
    a.count_event("sign-in:192.0.2.1", 60_000)
        .await
        .expect("count");
    t.clock.advance(Duration::minutes(3));
    assert_eq!(
        a.forget_ended_windows().await.expect("clean-up"),
        1,
        "the minute's window has ended, the day's has not"
    );
    assert_eq!(
        a.count_event("feedback:192.0.2.1", DAY_MS)
            .await
            .expect("count"),
        4,
        "the day's count is kept"
    );
    assert_eq!(
        a.count_event("sign-in:192.0.2.1", 60_000)
            .await
            .expect("count"),
        1
    );
    t.clock.advance(Duration::hours(14));
    assert_eq!(a.forget_ended_windows().await.expect("clean-up"), 2);
    assert_eq!(
        a.count_event("feedback:192.0.2.1", DAY_MS)
            .await
            .expect("count"),
        1,
        "a new day starts afresh"
    );
}
on_both!(
    rate_windows_of_two_lengths,
    a_days_window_outlives_the_minutes_cleaned_up_beside_it
);

/// Counts `n` events for `key` at once, as many servers would.
async fn futures_join(a: &archive::Archive, key: &'static str, n: usize) -> Vec<i64> {
    let tasks: Vec<_> = (0..n)
        .map(|_| {
            let a = a.clone();
            tokio::spawn(async move { a.count_event(key, 60_000).await.expect("count") })
        })
        .collect();
    let mut out = Vec::with_capacity(n);
    for task in tasks {
        out.push(task.await.expect("task"));
    }
    out
}
on_both!(
    shared_rate_counters,
    shared_rate_counters_count_exactly_per_key_and_window
);

async fn a_cancelled_operation_leaves_no_transaction_open(t: &TestArchive) {
    loaded(t).await;
    let a = &t.archive;
    let access = t.own(ids::ADULT).await;
    // A request given up at any moment (the browser went away, a timeout): the
    // operation's future is dropped after its first, second, … poll, wherever it then
    // stands (its transaction's BEGIN sent and not yet answered, among others).
    for _ in 0..3 {
        for polls in 1..120 {
            CancelAfter {
                future: Box::pin(access.summaries()),
                polls,
            }
            .await;
        }
    }
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert_eq!(
        archive::inspect::leaked_transactions(a)
            .await
            .expect("inspect"),
        0,
        "a pooled connection was left inside a transaction"
    );
}
on_both!(
    cancelled_operations_leak_nothing,
    a_cancelled_operation_leaves_no_transaction_open
);

/// Polls a future at most `polls` times, then drops it (as a dropped request does).
struct CancelAfter<F: std::future::Future> {
    future: std::pin::Pin<Box<F>>,
    polls: usize,
}

impl<F: std::future::Future> std::future::Future for CancelAfter<F> {
    type Output = ();
    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        if self.polls == 0 {
            return std::task::Poll::Ready(());
        }
        self.polls -= 1;
        match self.future.as_mut().poll(cx) {
            std::task::Poll::Ready(_) => std::task::Poll::Ready(()),
            std::task::Poll::Pending => std::task::Poll::Pending,
        }
    }
}

async fn feedback_is_kept_as_sent_and_listed_oldest_first(t: &TestArchive) {
    use archive::model::{Feedback, Language};
    let a = &t.archive;
    let sent = |message: &str, page: &str, contact: Option<&str>| Feedback {
        page: Some(page.into()),
        message: message.into(),
        contact: contact.map(Into::into),
        language: Language::Sv,
        key: format!("feedback-key-{:04}", message.len()),
    };
    let first = a
        .receive_feedback(&sent(
            "  <b>Fokus</b> syns inte  ",
            " Recept ",
            Some(" a@b.fi "),
        ))
        .await
        .expect("kept");
    t.clock.advance(Duration::seconds(5));
    let second = a
        .receive_feedback(&sent("Kontrasten är låg", "", None))
        .await
        .expect("kept");
    assert!(matches!(
        a.receive_feedback(&sent(" ", "/", None)).await,
        Err(ArchiveError::Invalid {
            field: "message",
            code: "feedback-empty"
        })
    ));
    // The same form again (its key) is kept once, and gives back the first's number.
    let again = a
        .receive_feedback(&sent("Kontrasten är låg", "", None))
        .await
        .expect("kept");
    assert_eq!(again, second);
    let listed = a.feedback_received(0, None, 100).await.expect("listed");
    assert_eq!(
        listed.len(),
        2,
        "the refused one is not kept, the resent one once"
    );
    assert_eq!((listed[0].id, listed[1].id), (first, second));
    assert_eq!(
        listed[0].message, "<b>Fokus</b> syns inte",
        "as typed, trimmed"
    );
    assert_eq!(listed[0].page.as_deref(), Some("Recept"));
    assert_eq!(listed[0].contact.as_deref(), Some("a@b.fi"));
    assert_eq!(listed[0].language, Language::Sv);
    assert_eq!(listed[1].page, None);
    assert_eq!(listed[1].contact, None);
    let later = a
        .feedback_received(listed[1].received_ms + 1, None, 100)
        .await
        .expect("listed");
    assert!(later.is_empty());
}
on_both!(
    feedback_is_kept_and_listed,
    feedback_is_kept_as_sent_and_listed_oldest_first
);

async fn feedback_is_listed_a_page_at_a_time_without_gaps_or_repeats(t: &TestArchive) {
    use archive::model::{Feedback, Language};
    let a = &t.archive;
    // Seven messages, three of them in the same millisecond.
    for i in 0..7 {
        if i != 3 && i != 4 {
            t.clock.advance(Duration::seconds(1));
        }
        let feedback = Feedback {
            page: None,
            message: format!("viesti {i}"),
            contact: None,
            language: Language::Fi,
            key: format!("feedback-page-key-{i:04}"),
        };
        a.receive_feedback(&feedback).await.expect("kept");
    }
    let since = a.feedback_received(0, None, 1).await.expect("first")[0].received_ms;
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = a.feedback_received(since, after, 2).await.expect("page");
        assert!(page.len() <= 2);
        let Some(last) = page.last() else { break };
        after = Some((last.received_ms, last.id));
        seen.extend(page.iter().map(|f| f.message.clone()));
    }
    // Oldest first (the same millisecond in the order of their numbers), each once.
    assert_eq!(seen[..2], ["viesti 0", "viesti 1"]);
    assert_eq!(seen[5..], ["viesti 5", "viesti 6"]);
    seen.sort();
    assert_eq!(
        seen,
        (0..7).map(|i| format!("viesti {i}")).collect::<Vec<_>>(),
        "every message once"
    );
    // A later start than the cursor's: the start wins.
    let second = a.feedback_received(0, None, 2).await.expect("page");
    let from_third = a
        .feedback_received(second[1].received_ms + 1, Some((0, 0)), 100)
        .await
        .expect("page");
    assert_eq!(from_third.len(), 5);
}
on_both!(
    feedback_is_listed_a_page_at_a_time,
    feedback_is_listed_a_page_at_a_time_without_gaps_or_repeats
);

async fn a_chosen_language_is_kept_with_the_person_and_on_their_trail(t: &TestArchive) {
    use archive::model::Language;
    loaded(t).await;
    let a = &t.archive;
    let aino = a.demo_actor(ids::ADULT).await.expect("actor");
    let session = a.start_session(&aino).await.expect("session");
    assert_eq!(a.chosen_language(&session).await.expect("read"), None);
    a.choose_language(&session, Language::En)
        .await
        .expect("chosen");
    // Her next sign-in, anywhere, finds it.
    let next = a.start_session(&aino).await.expect("session");
    assert_eq!(
        a.chosen_language(&next).await.expect("read"),
        Some(Language::En)
    );
    assert!(audit_trail(a, ids::ADULT)
        .await
        .expect("trail")
        .iter()
        .any(|e| e.action == "session.language" && e.actor == Some(ids::ADULT)));
    // A session that has ended chooses nothing.
    a.end_session(&session).await.expect("ended");
    assert!(matches!(
        a.choose_language(&session, Language::Sv).await,
        Err(ArchiveError::NotFound)
    ));
    assert_eq!(
        a.chosen_language(&next).await.expect("read"),
        Some(Language::En)
    );
}
on_both!(
    chosen_language_is_kept,
    a_chosen_language_is_kept_with_the_person_and_on_their_trail
);
