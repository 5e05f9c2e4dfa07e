//! Abroad on SQLite and PostgreSQL: each consent given and withdrawn at once, a repeat
//! changing nothing, every change kept and audited; the Patient Summary's consent only
//! once the person said they read that denials do not apply abroad; the countries of
//! the dated list; the person's prescriptions that cannot be bought abroad; no proxy
//! reaches any of it; the front page's news.

use crate::common;

use archive::demo::{self, ids};
use archive::inspect::audit_trail;
use archive::model::{Choice, CrossBorderService, Register, DENIALS_NOT_READ, DENIALS_READ_FIELD};
use archive::{ArchiveError, Purpose, Refusal};
use common::TestArchive;
use time::Duration;

const EP: CrossBorderService = CrossBorderService::EPrescription;
const PS: CrossBorderService = CrossBorderService::PatientSummary;

async fn the_person_gives_and_withdraws_each_consent_with_history_kept(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let own = t.own(ids::ADULT).await;
    let start = own.abroad().await.expect("read");
    assert!(start.history.is_empty());
    assert_eq!(
        start.services.iter().map(|s| s.service).collect::<Vec<_>>(),
        [EP, PS]
    );
    assert!(start.services.iter().all(|s| s.since.is_none()));
    assert_eq!(
        start.service(EP).map(|s| s.countries.clone()),
        Some(archive::model::countries_on(
            EP,
            time::macros::date!(2026 - 11 - 29)
        )),
    );
    assert!(!start.service(PS).expect("ps").countries.is_empty());

    // The Patient Summary's consent is not given without the denials read; nothing
    // changes and no change is recorded.
    t.clock.advance(Duration::minutes(1));
    match own.change_abroad_consent(PS, true, false).await {
        Err(ArchiveError::InvalidFields(fields)) => {
            assert_eq!(fields, [(DENIALS_READ_FIELD, DENIALS_NOT_READ)]);
        }
        other => panic!("not refused: {other:?}"),
    }
    assert!(own.abroad().await.expect("read").history.is_empty());

    // Given, each; a repeat (a double submit) changes nothing.
    for service in [EP, PS] {
        t.clock.advance(Duration::minutes(1));
        let given = own
            .change_abroad_consent(service, true, true)
            .await
            .expect("give");
        let since = given.service(service).and_then(|s| s.since);
        assert!(since.is_some(), "{service:?}");
        let again = own
            .change_abroad_consent(service, true, true)
            .await
            .expect("again");
        assert_eq!(again.history.len(), given.history.len());
        assert_eq!(again.service(service).and_then(|s| s.since), since);
    }
    // The ePrescription's needs no word about denials: they apply to it.
    // Withdrawn at once; withdrawing again changes nothing; newest first.
    t.clock.advance(Duration::minutes(1));
    let withdrawn = own
        .change_abroad_consent(PS, false, false)
        .await
        .expect("withdraw");
    assert_eq!(withdrawn.service(PS).and_then(|s| s.since), None);
    assert!(withdrawn.service(EP).and_then(|s| s.since).is_some());
    let again = own
        .change_abroad_consent(PS, false, false)
        .await
        .expect("again");
    assert_eq!(again.history.len(), 3);
    assert!(!again.history[0].given);
    assert_eq!(again.history[0].service, PS);
    assert!(again.history[0].at > again.history[2].at);

    let trail = audit_trail(&t.archive, ids::ADULT).await.expect("trail");
    let count = |action: &str| trail.iter().filter(|e| e.action == action).count();
    assert_eq!(count("abroad.give"), 4, "each give made, repeated or not");
    assert_eq!(count("abroad.withdraw"), 2);
    assert!(trail
        .iter()
        .any(|e| e.action == "abroad.give" && e.detail.as_deref() == Some("patient-summary")));
}
on_both!(
    give_and_withdraw,
    the_person_gives_and_withdraws_each_consent_with_history_kept
);

async fn the_page_names_denials_and_what_cannot_be_bought_abroad(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    // Mikko: a narcotic in force, a denial of the occupational register, both consents
    // given two years ago and the Patient Summary's withdrawn.
    let mikko = t.own(ids::HEAVY_USER).await.abroad().await.expect("read");
    assert!(!mikko.not_abroad.is_empty(), "his narcotic");
    assert_eq!(mikko.denials, 1);
    assert!(mikko.service(EP).and_then(|s| s.since).is_some());
    assert_eq!(mikko.service(PS).and_then(|s| s.since), None);
    assert_eq!(mikko.history.len(), 3);
    // Aino: none of either; a denial she makes is counted at once.
    let own = t.own(ids::ADULT).await;
    let aino = own.abroad().await.expect("read");
    assert!(aino.not_abroad.is_empty());
    assert_eq!(aino.denials, 0);
    own.change_consent(Choice::DenyRegister(Register::Private), true)
        .await
        .expect("deny");
    own.change_consent(Choice::DisclosureConsent, true)
        .await
        .expect("consent");
    assert_eq!(
        own.abroad().await.expect("read").denials,
        1,
        "not the consent"
    );
}
on_both!(
    denials_and_not_abroad,
    the_page_names_denials_and_what_cannot_be_bought_abroad
);

async fn no_proxy_reaches_abroad(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    for (actor, subject) in [
        (ids::GUARDIAN, ids::CHILD),
        (ids::GUARDIAN, ids::TEEN),
        (ids::ADULT, ids::ELDER),
    ] {
        let actor = a.demo_actor(actor).await.expect("actor");
        let access = a
            .access(&actor, subject, Purpose::CitizenService)
            .await
            .expect("a right");
        let refused = |r: Result<archive::model::Abroad, ArchiveError>| {
            matches!(r, Err(ArchiveError::Refused(Refusal::NotCovered)))
        };
        assert!(refused(access.abroad().await));
        assert!(matches!(
            access.patient_summary().await,
            Err(ArchiveError::Refused(Refusal::NotCovered))
        ));
        assert!(refused(access.change_abroad_consent(EP, true, true).await));
        assert!(refused(access.change_abroad_consent(PS, true, true).await));
        assert!(refused(
            access.change_abroad_consent(EP, false, false).await
        ));
        assert!(t
            .own(subject)
            .await
            .abroad()
            .await
            .expect("read")
            .history
            .is_empty());
    }
}
on_both!(no_proxy, no_proxy_reaches_abroad);

async fn the_patient_summary_holds_each_kind_in_one_audited_read_without_delayed_items(
    t: &TestArchive,
) {
    demo::load_demo(&t.archive).await.expect("demo");
    let own = t.own(ids::HEAVY_USER).await;
    let summary = own.patient_summary().await.expect("summary");
    assert_eq!(summary.person.family_name, "Korhonen");
    assert!(!summary.problems.is_empty(), "diagnoses");
    assert!(!summary.allergies.is_empty(), "risk information");
    assert!(!summary.immunizations.is_empty(), "vaccinations");
    assert!(!summary.procedures.is_empty(), "procedures");
    assert!(!summary.medication.is_empty(), "medication in use");
    assert!(!summary.results.is_empty(), "laboratory results");
    // The same entries the person's own summaries show: denials do not hide them.
    let summaries = own.summaries().await.expect("summaries");
    assert_eq!(summary.problems, summaries.diagnoses);
    assert_eq!(summary.allergies, summaries.risks);
    assert_eq!(summary.immunizations, summaries.vaccinations);
    // One audit event for the whole read.
    let trail = audit_trail(&t.archive, ids::HEAVY_USER)
        .await
        .expect("trail");
    assert_eq!(
        trail
            .iter()
            .filter(|e| e.action == "abroad.summary")
            .count(),
        1
    );
    // A delayed result is left out and said to exist.
    let lab = own.lab_tests().await.expect("lab");
    assert_eq!(
        summary
            .delayed
            .iter()
            .filter(|d| d.kind == archive::model::DocumentKind::LabResult)
            .count(),
        lab.delayed.len()
    );
    assert_eq!(summary.results.len(), lab.tests.len());
}
on_both!(
    patient_summary,
    the_patient_summary_holds_each_kind_in_one_audited_read_without_delayed_items
);
