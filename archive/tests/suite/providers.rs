//! Care organisations' queries on SQLite and PostgreSQL: each denial holds the right
//! documents back from another organisation and never from the one that wrote them,
//! nor from the person; a withdrawal gives them back at once; a denied prescription is
//! held back from a pharmacy but not from a physician when it is a narcotic; the
//! declarations are never held back; each query is on the person's trail with the
//! organisation and role as its actor and what it disclosed listed beside it.

use std::collections::BTreeSet;

use crate::common;

use archive::clock::Clock as _;
use archive::demo::{self, ids};
use archive::inspect::{audit_trail, disclosed_objects, documents_of, hetu_of, prescriptions_of};
use archive::model::{
    Asked, Choice, OrganisationId, PrescriptionId, ProviderAnswer, ProviderQuery, QueryPurpose,
    QueryRole, Register, ServiceEventId, UnitId,
};
use archive::ArchiveError;
use common::TestArchive;
use time::Duration;

/// A document as (id, service event, organisation, the organisation's sector).
type Doc = (i64, i64, i64, String);

/// Organisations of the demo (`archive/src/demo/mod.rs`).
const HELSINKI: i64 = 1;
const HUS: i64 = 2;
const PIRKANMAA: i64 = 3;
const PRIVATE: i64 = 5;
const OCCUPATIONAL: i64 = 6;
const PRESCRIPTION_CENTRE: i64 = 7;
const PHARMACY: i64 = 8;

fn query(org: i64, role: QueryRole, purpose: QueryPurpose, asked: Asked) -> ProviderQuery {
    ProviderQuery {
        organisation: OrganisationId::from_raw(org),
        unit: None,
        role,
        purpose,
        asked,
        from: None,
    }
}

fn documents_by(org: i64) -> ProviderQuery {
    query(
        org,
        QueryRole::Physician,
        QueryPurpose::Treatment,
        Asked::Documents,
    )
}

/// Fails, naming only how many differ (the sets are large), unless `got` is `want`.
#[track_caller]
fn same(got: &BTreeSet<i64>, want: &BTreeSet<i64>, what: &str) {
    assert!(
        got == want,
        "{what}: {} too many, {} missing of {}",
        got.difference(want).count(),
        want.difference(got).count(),
        want.len()
    );
}

fn ids_of(answer: &ProviderAnswer) -> BTreeSet<i64> {
    answer.documents.iter().map(|d| d.id.get()).collect()
}

async fn each_denial_holds_back_the_right_documents(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let person = ids::HEAVY_USER;
    let hetu = &hetu_of(a, person).await.expect("hetu");
    let own = t.own(person).await;
    let docs = documents_of(a, person).await.expect("docs");
    let all: BTreeSet<i64> = docs.iter().map(|d| d.0).collect();
    let of = |keep: &dyn Fn(&Doc) -> bool| -> BTreeSet<i64> {
        docs.iter().filter(|d| keep(d)).map(|d| d.0).collect()
    };
    let writers: BTreeSet<i64> = docs.iter().map(|d| d.2).collect();
    assert!(
        writers.contains(&PIRKANMAA) && writers.contains(&HUS) && !writers.contains(&HELSINKI),
        "the heavy user's documents come from several organisations: {writers:?}"
    );
    let ask = |q: ProviderQuery| async move { a.provider_query(hetu, &q).await.expect("query") };

    // The demo's Mikko denied his occupational health care's register a year ago:
    // held back from a public organisation, not from the occupational one.
    let occupational = of(&|d| d.3 == "occupational");
    assert!(!occupational.is_empty());
    let before = ask(documents_by(HELSINKI)).await;
    same(
        &ids_of(&before),
        &(&all - &occupational),
        "the demo's denial",
    );
    assert_eq!(before.withheld as usize, occupational.len());
    same(
        &ids_of(&ask(documents_by(OCCUPATIONAL)).await),
        &all,
        "the register's own",
    );
    // Withdrawn: another organisation gets everything.
    t.clock.advance(Duration::minutes(1));
    own.change_consent(Choice::DenyRegister(Register::Occupational), false)
        .await
        .expect("withdraw");
    let before = ask(documents_by(HELSINKI)).await;
    same(&ids_of(&before), &all, "no denials");
    assert_eq!(before.withheld, 0);
    assert_eq!(before.withheld, 0);

    // A service event of Pirkanmaa's denied: held back from others, not from Pirkanmaa.
    let event = docs
        .iter()
        .find(|d| d.2 == PIRKANMAA)
        .expect("one of Pirkanmaa's")
        .1;
    let of_event = of(&|d| d.1 == event);
    t.clock.advance(Duration::minutes(1));
    own.change_consent(
        Choice::DenyServiceEvent(ServiceEventId::from_raw(event)),
        true,
    )
    .await
    .expect("deny");
    let to_hus = ask(documents_by(HUS)).await;
    same(&ids_of(&to_hus), &(&all - &of_event), "a service event");
    assert_eq!(to_hus.withheld as usize, of_event.len());
    same(
        &ids_of(&ask(documents_by(PIRKANMAA)).await),
        &all,
        "the writer sees it",
    );
    for id in &of_event {
        assert!(
            own.document(archive::model::DocumentId::from_raw(*id))
                .await
                .is_ok(),
            "the person sees what they denied"
        );
    }

    // Withdrawn: given back at once.
    t.clock.advance(Duration::minutes(1));
    own.change_consent(
        Choice::DenyServiceEvent(ServiceEventId::from_raw(event)),
        false,
    )
    .await
    .expect("withdraw");
    same(&ids_of(&ask(documents_by(HUS)).await), &all, "withdrawn");

    // An organisation denied: what it wrote is held back from others.
    t.clock.advance(Duration::minutes(1));
    own.change_consent(
        Choice::DenyOrganisation(OrganisationId::from_raw(HUS)),
        true,
    )
    .await
    .expect("deny");
    let of_hus = of(&|d| d.2 == HUS);
    assert!(!of_hus.is_empty());
    let to_helsinki = ask(documents_by(HELSINKI)).await;
    same(&ids_of(&to_helsinki), &(&all - &of_hus), "an organisation");
    same(
        &ids_of(&ask(documents_by(HUS)).await),
        &all,
        "HUS sees its own",
    );
    t.clock.advance(Duration::minutes(1));
    own.change_consent(
        Choice::DenyOrganisation(OrganisationId::from_raw(HUS)),
        false,
    )
    .await
    .expect("withdraw");

    // A register denied: held back from organisations of other registers only.
    let public = of(&|d| d.3 == "public");
    t.clock.advance(Duration::minutes(1));
    own.change_consent(Choice::DenyRegister(Register::Public), true)
        .await
        .expect("deny");
    let to_private = ask(documents_by(PRIVATE)).await;
    same(
        &ids_of(&to_private),
        &(&all - &public),
        "a register, to a private one",
    );
    let to_occupational = ask(documents_by(OCCUPATIONAL)).await;
    same(
        &ids_of(&to_occupational),
        &(&all - &public),
        "a register, to occupational health",
    );
    same(
        &ids_of(&ask(documents_by(HELSINKI)).await),
        &all,
        "another public organisation is of the same register",
    );

    // The declarations are never held back.
    let declarations = ask(query(
        PRIVATE,
        QueryRole::Nurse,
        QueryPurpose::Treatment,
        Asked::Declarations,
    ))
    .await
    .declarations
    .expect("declarations");
    assert!(declarations.organ_donation.is_some(), "Mikko's testament");

    // A day bounds the documents asked for.
    let recent = ask(ProviderQuery {
        from: Some(t.clock.today() - Duration::days(365)),
        ..documents_by(HELSINKI)
    })
    .await;
    assert!(!recent.documents.is_empty() && recent.documents.len() < all.len());
}
on_both!(denials, each_denial_holds_back_the_right_documents);

async fn a_denied_prescription_is_held_back_but_for_its_rules(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let person = ids::HEAVY_USER;
    let hetu = &hetu_of(a, person).await.expect("hetu");
    let own = t.own(person).await;
    let rx = prescriptions_of(a, person).await.expect("rx");
    let (narcotic, narcotic_org, _) = *rx.iter().find(|r| r.2).expect("Mikko's narcotic");
    let (plain, plain_org, _) = *rx.iter().find(|r| !r.2).expect("an ordinary one");
    let ask = |q: ProviderQuery| async move { a.provider_query(hetu, &q).await.expect("query") };
    let got = |answer: &ProviderAnswer| -> BTreeSet<i64> {
        answer.prescriptions.iter().map(|p| p.id.get()).collect()
    };
    let pharmacy = query(
        PHARMACY,
        QueryRole::Pharmacist,
        QueryPurpose::Dispensing,
        Asked::Prescriptions,
    );
    assert_eq!(got(&ask(pharmacy).await).len(), rx.len());
    for id in [narcotic, plain] {
        t.clock.advance(Duration::minutes(1));
        own.change_consent(Choice::DenyPrescription(PrescriptionId::from_raw(id)), true)
            .await
            .expect("deny");
    }
    let at_pharmacy = ask(pharmacy).await;
    assert!(!got(&at_pharmacy).contains(&narcotic) && !got(&at_pharmacy).contains(&plain));
    assert_eq!(at_pharmacy.withheld, 2);
    let other = [HELSINKI, HUS, PIRKANMAA]
        .into_iter()
        .find(|o| *o != narcotic_org && *o != plain_org)
        .expect("an organisation that wrote neither");
    let physician = ask(query(
        other,
        QueryRole::Physician,
        QueryPurpose::Treatment,
        Asked::Prescriptions,
    ))
    .await;
    assert!(
        got(&physician).contains(&narcotic),
        "a physician sees the narcotic"
    );
    assert!(!got(&physician).contains(&plain));
    let nurse = ask(query(
        other,
        QueryRole::Nurse,
        QueryPurpose::Treatment,
        Asked::Prescriptions,
    ))
    .await;
    assert!(!got(&nurse).contains(&narcotic));
    let writer = ask(query(
        plain_org,
        QueryRole::Nurse,
        QueryPurpose::Treatment,
        Asked::Prescriptions,
    ))
    .await;
    assert!(got(&writer).contains(&plain), "the writer sees its own");
    let kela = ask(query(
        PRESCRIPTION_CENTRE,
        QueryRole::ReimbursementHandler,
        QueryPurpose::Reimbursement,
        Asked::Prescriptions,
    ))
    .await;
    assert!(!got(&kela).contains(&plain));
    // The person sees them all.
    assert!(own.prescriptions().await.expect("own").len() >= rx.len());
    t.clock.advance(Duration::minutes(1));
    own.change_consent(
        Choice::DenyPrescription(PrescriptionId::from_raw(plain)),
        false,
    )
    .await
    .expect("withdraw");
    assert!(
        got(&ask(pharmacy).await).contains(&plain),
        "given back at once"
    );
}
on_both!(
    prescriptions,
    a_denied_prescription_is_held_back_but_for_its_rules
);

async fn each_query_is_on_the_trail_with_what_it_disclosed(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let person = ids::ADULT;
    let hetu = &hetu_of(a, person).await.expect("hetu");
    let before = audit_trail(a, person).await.expect("trail").len();
    t.clock.advance(Duration::minutes(1));
    let q = ProviderQuery {
        unit: Some(UnitId::from_raw(201)),
        ..documents_by(HUS)
    };
    let answer = a.provider_query(hetu, &q).await.expect("query");
    let trail = audit_trail(a, person).await.expect("trail");
    assert_eq!(trail.len(), before + 1);
    let event = trail.last().expect("the query");
    assert_eq!(event.actor, None, "no person acted");
    assert_eq!(event.organisation, Some(HUS));
    assert_eq!(event.unit, Some(201));
    assert_eq!(event.role.as_deref(), Some("physician"));
    assert_eq!(event.purpose, "treatment");
    assert_eq!(event.action, "provider.documents");
    assert_eq!(event.outcome, "ok");
    let objects = disclosed_objects(a, person, event.at_ms)
        .await
        .expect("objects");
    same(
        &objects.iter().map(|o| o.1).collect(),
        &ids_of(&answer),
        "what the trail lists",
    );
    assert!(objects.iter().all(|o| o.0 == "document"));

    // A role that may not ask is refused, and that is on the trail too.
    t.clock.advance(Duration::minutes(1));
    let refused = a
        .provider_query(
            hetu,
            &query(
                PHARMACY,
                QueryRole::Pharmacist,
                QueryPurpose::Dispensing,
                Asked::Documents,
            ),
        )
        .await;
    assert!(matches!(
        refused,
        Err(ArchiveError::Blocked("role-not-allowed"))
    ));
    let trail = audit_trail(a, person).await.expect("trail");
    let event = trail.last().expect("the refusal");
    assert_eq!(event.outcome, "role-not-allowed");
    assert_eq!(event.organisation, Some(PHARMACY));
    assert!(disclosed_objects(a, person, event.at_ms)
        .await
        .expect("objects")
        .is_empty());

    // An organisation or unit that does not exist is not one that can ask.
    let unknown = a.provider_query(hetu, &documents_by(999)).await;
    assert!(matches!(unknown, Err(ArchiveError::NotFound)));
    let not_its_unit = ProviderQuery {
        unit: Some(UnitId::from_raw(101)),
        ..documents_by(HUS)
    };
    assert!(matches!(
        a.provider_query(hetu, &not_its_unit).await,
        Err(ArchiveError::NotFound)
    ));
    assert_eq!(
        audit_trail(a, person).await.expect("trail").len(),
        trail.len()
    );

    // The trail refuses changes to what a query disclosed.
    assert!(archive::inspect::try_tamper_with_disclosed(a, person)
        .await
        .is_err());
}
on_both!(trail, each_query_is_on_the_trail_with_what_it_disclosed);

#[tokio::test]
#[ignore = "a measurement, run by hand"]
async fn demo_load_time() {
    for t in [common::sqlite().await]
        .into_iter()
        .chain(common::postgres().await)
    {
        let started = std::time::Instant::now();
        demo::load_demo(&t.archive).await.expect("demo");
        eprintln!("demo loaded in {:?}", started.elapsed());
        t.close().await;
    }
}

async fn the_log_pages_and_filters_exactly(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let own = t.own(ids::HEAVY_USER).await;
    let everything = archive::model::LogFilter::default();
    let whole = own
        .disclosure_log(&everything, None, 500)
        .await
        .expect("log")
        .actions;
    assert!(whole.len() > 40, "three years of queries: {}", whole.len());
    // Paged ten at a time: the same entries, in the same order, each once.
    let mut paged = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = own
            .disclosure_log(&everything, after.as_deref(), 10)
            .await
            .expect("page");
        assert!(page.actions.len() <= 10);
        paged.extend(page.actions);
        after = page.next;
        if after.is_none() {
            break;
        }
    }
    assert_eq!(
        paged.iter().map(|a| &a.key).collect::<Vec<_>>(),
        whole.iter().map(|a| &a.key).collect::<Vec<_>>()
    );
    // Days: only those, both ends included.
    let today = t.clock.today();
    let year = archive::model::LogFilter {
        range: archive::model::DateRange {
            from: Some(today - Duration::days(365)),
            to: Some(today - Duration::days(30)),
        },
        organisation: None,
    };
    let within = own
        .disclosure_log(&year, None, 500)
        .await
        .expect("log")
        .actions;
    assert!(!within.is_empty() && within.len() < whole.len());
    assert!(within.iter().all(|a| {
        a.at.date() >= today - Duration::days(365) && a.at.date() <= today - Duration::days(30)
    }));
    // One organisation: its queries only.
    let kela = own
        .disclosure_log(
            &archive::model::LogFilter {
                organisation: Some(OrganisationId::from_raw(PRESCRIPTION_CENTRE)),
                ..everything
            },
            None,
            500,
        )
        .await
        .expect("log");
    assert!(!kela.actions.is_empty());
    assert!(kela
        .actions
        .iter()
        .all(|a| a.actor_name == "Kela, Reseptikeskus"
            && a.provider
                .as_ref()
                .is_some_and(|p| p.role == QueryRole::ReimbursementHandler)));
    assert!(kela
        .organisations
        .iter()
        .any(|o| o.id.get() == PRESCRIPTION_CENTRE));
    // A malformed cursor is refused, not read as the first page.
    assert!(matches!(
        own.disclosure_log(&everything, Some("nonsense"), 10).await,
        Err(ArchiveError::Invalid { field: "after", .. })
    ));
}
on_both!(log_paging, the_log_pages_and_filters_exactly);
