//! Who may use the wellbeing data, on SQLite and PostgreSQL: the person lets an app
//! read or write and an organisation read, withdraws, and sees every change; an app
//! reaches the person's Observations only within both the person's choice and its
//! token's scopes, the choice read at each operation (a withdrawal holds at once); the
//! FHIR operations store a resource as it came, create once by identifier, update by
//! version, and refuse a resource about another patient with nothing stored.

use crate::common;

use archive::demo::{self, ids};
use archive::inspect::{audit_trail, hetu_of};
use archive::model::{AppScopes, Grantee, Measure, Permission, Rights};
use archive::wellbeing::{Create, Created, Incoming, ObservationSearch, PatientWritten};
use archive::{Access, ArchiveError, Purpose, Refusal};
use common::TestArchive;

const WEIGHT: &str =
    include_str!("../../../phr/tests/examples/Observation-example-BodyWeight-min.json");

/// The measurements read (nothing of the Patient).
const READ: AppScopes = AppScopes {
    observation: Rights::READ,
    patient: Rights {
        read: false,
        write: false,
    },
};
/// The measurements read and written (nothing of the Patient).
const BOTH: AppScopes = AppScopes {
    observation: Rights::BOTH,
    ..READ
};
/// The measurements and the Patient, read and written.
const ALL: AppScopes = AppScopes {
    observation: Rights::BOTH,
    patient: Rights::BOTH,
};

/// The example, about `patient`, as the archive takes it.
fn weight(t: &TestArchive, patient: &str, identifier: &str) -> Incoming {
    let json = WEIGHT
        .replace("25a53703-27f9-4354-8f1b-a8b2f8f3ee86", patient)
        .replace("3ca3ffc6-234e-481c-b0f3-37c05e14c8e2", identifier);
    let now = t.archive.clock().now();
    phr::incoming(&json, now, t.archive.clock().today()).expect("valid")
}

async fn own(t: &TestArchive, person: archive::model::PersonId) -> Access {
    let actor = t.archive.demo_actor(person).await.expect("actor");
    t.archive
        .access(&actor, person, Purpose::CitizenService)
        .await
        .expect("own")
}

async fn app(
    t: &TestArchive,
    person: archive::model::PersonId,
    client: &str,
    scopes: AppScopes,
) -> Result<Access, ArchiveError> {
    let hetu = hetu_of(&t.archive, person).await.expect("hetu");
    t.archive.app_access(&hetu, client, scopes).await
}

fn refused<T: std::fmt::Debug>(r: Result<T, ArchiveError>) -> Refusal {
    match r {
        Err(ArchiveError::Refused(refusal)) => refusal,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

async fn the_person_chooses_and_withdraws(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    demo::load_wellbeing(&t.archive, &phr::KantaPhr)
        .await
        .expect("wellbeing");
    let aino = own(t, ids::ADULT).await;
    let sharing = aino.wellbeing_sharing().await.expect("sharing");
    // The demo: her health centre reads; the step counter read for a while.
    assert_eq!(sharing.in_force.len(), 1, "{:?}", sharing.in_force);
    assert!(matches!(
        sharing.in_force[0].grantee,
        Grantee::Organisation(_)
    ));
    assert_eq!(sharing.history.len(), 3);
    assert_eq!(
        sharing.history[1].permission, None,
        "withdrawn, second newest"
    );
    let painekirja = sharing
        .apps
        .iter()
        .find(|a| a.client_id == "painekirja")
        .expect("registered")
        .id;

    let given = aino
        .share_wellbeing(Grantee::App(painekirja), Some(Permission::ReadWrite))
        .await
        .expect("give");
    assert_eq!(
        given.permission(Grantee::App(painekirja)),
        Some(Permission::ReadWrite)
    );
    assert_eq!(given.history.len(), 4);
    assert_eq!(given.history[0].name, "Painekirja");
    // Again (a double submit): nothing more.
    let again = aino
        .share_wellbeing(Grantee::App(painekirja), Some(Permission::ReadWrite))
        .await
        .expect("again");
    assert_eq!(again.history.len(), 4);
    let less = aino
        .share_wellbeing(Grantee::App(painekirja), Some(Permission::Read))
        .await
        .expect("read only");
    assert_eq!(
        less.permission(Grantee::App(painekirja)),
        Some(Permission::Read)
    );
    let withdrawn = aino
        .share_wellbeing(Grantee::App(painekirja), None)
        .await
        .expect("withdraw");
    assert_eq!(withdrawn.permission(Grantee::App(painekirja)), None);
    assert_eq!(withdrawn.history.len(), 6);

    // An organisation only reads; one that never wrote for her is not hers to choose.
    let organisation = sharing.in_force[0].grantee;
    assert!(matches!(
        aino.share_wellbeing(organisation, Some(Permission::ReadWrite))
            .await,
        Err(ArchiveError::Invalid {
            field: "permission",
            code: "not-allowed"
        })
    ));
    assert!(matches!(
        aino.share_wellbeing(
            Grantee::Organisation(archive::model::OrganisationId::from_raw(-5)),
            Some(Permission::Read)
        )
        .await,
        Err(ArchiveError::NotFound)
    ));
    assert_eq!(
        aino.wellbeing_sharing().await.expect("after").history.len(),
        6
    );
    let trail = audit_trail(&t.archive, ids::ADULT).await.expect("trail");
    for (action, outcome) in [
        ("wellbeing.share", "ok"),
        ("wellbeing.stop-sharing", "ok"),
        ("wellbeing.share", "not-allowed"),
        ("wellbeing.share", "not-found"),
    ] {
        assert!(
            trail
                .iter()
                .any(|e| e.action == action && e.outcome == outcome),
            "{action} {outcome}"
        );
    }
    // Her mother's mandate holder, a guardian: never (the registry's coverage).
    let aino_actor = t.archive.demo_actor(ids::ADULT).await.expect("actor");
    let proxy = t
        .archive
        .access(&aino_actor, ids::ELDER, Purpose::CitizenService)
        .await
        .expect("mandate");
    assert_eq!(
        refused(proxy.wellbeing_sharing().await),
        Refusal::NotCovered
    );
}
on_both!(chooses_and_withdraws, the_person_chooses_and_withdraws);

async fn an_app_reaches_only_what_it_was_allowed(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    demo::load_wellbeing(&t.archive, &phr::KantaPhr)
        .await
        .expect("wellbeing");
    // Mikko lets Painekirja read and write (the demo).
    let mikko_app = app(t, ids::HEAVY_USER, "painekirja", BOTH)
        .await
        .expect("app");
    let all = ObservationSearch {
        count: 10,
        ..ObservationSearch::default()
    };
    let found = mikko_app.search_observations(&all).await.expect("search");
    assert_eq!(found.len(), 10);
    let patient = mikko_app.wellbeing_patient().await.expect("patient");
    let key = "7d0c8f4e-1b2a-4c3d-9e8f-112233445566";
    let create = Create {
        incoming: weight(t, &patient, key),
        if_none_exist: None,
    };
    let created = mikko_app
        .create_observations(std::slice::from_ref(&create), &phr::KantaPhr)
        .await
        .expect("create");
    let [Created::New(stored)] = created.as_slice() else {
        panic!("{created:?}")
    };
    // As it came, with its id and version; what the model does not know kept.
    let json: serde_json::Value = serde_json::from_str(&stored.resource).expect("json");
    assert_eq!(json["id"], stored.id.as_str());
    assert_eq!(json["meta"]["versionId"], "1");
    assert_eq!(json["note"][0]["text"], "Note");
    assert_eq!(json["language"], "en");
    // The person sees it, from the app.
    let mikko = own(t, ids::HEAVY_USER).await;
    let series = mikko
        .measure_series(Measure::BodyWeight, archive::model::WellbeingPeriod::All)
        .await
        .expect("series");
    assert_eq!(series.readings.len(), 1);
    assert_eq!(
        series.readings[0].source,
        archive::model::Source::App("Painekirja".into())
    );

    // Only read in its token: no write.
    let reader = app(t, ids::HEAVY_USER, "painekirja", READ)
        .await
        .expect("app");
    assert_eq!(
        refused(reader.delete_observation(&stored.id).await),
        Refusal::OutOfScope
    );
    // Aino never let Painekirja in; she withdrew the step counter.
    let aino_app = app(t, ids::ADULT, "painekirja", BOTH).await.expect("app");
    assert_eq!(
        refused(aino_app.search_observations(&all).await),
        Refusal::NotShared
    );
    let withdrawn = app(t, ids::ADULT, "askelmittari", BOTH).await.expect("app");
    assert_eq!(
        refused(withdrawn.search_observations(&all).await),
        Refusal::NotShared
    );
    // Nothing but the measurements: not the choices, not the records.
    assert_eq!(
        refused(mikko_app.wellbeing_sharing().await),
        Refusal::NotCovered
    );
    assert_eq!(
        refused(
            mikko_app
                .share_wellbeing(Grantee::App(archive::model::AppId::from_raw(1)), None)
                .await
        ),
        Refusal::NotCovered
    );
    assert_eq!(refused(mikko_app.summaries().await), Refusal::NotCovered);
    // Not in the register; a 15-year-old.
    assert_eq!(
        refused(app(t, ids::HEAVY_USER, "unknown-app", BOTH).await),
        Refusal::NotShared
    );
    let ella = app(t, ids::TEEN, "painekirja", BOTH).await.expect("app");
    assert_eq!(
        refused(ella.search_observations(&all).await),
        Refusal::UnderAge
    );

    // Read only, from now: the app's next write is refused, its read still goes.
    let painekirja = mikko.wellbeing_sharing().await.expect("sharing").in_force[0].grantee;
    mikko
        .share_wellbeing(painekirja, Some(Permission::Read))
        .await
        .expect("read only");
    assert_eq!(
        refused(mikko_app.delete_observation(&stored.id).await),
        Refusal::NotShared
    );
    mikko_app
        .observation_resource(&stored.id)
        .await
        .expect("still reads");
    // Withdrawn: at once, the same access reads nothing.
    mikko
        .share_wellbeing(painekirja, None)
        .await
        .expect("withdraw");
    assert_eq!(
        refused(mikko_app.observation_resource(&stored.id).await),
        Refusal::NotShared
    );
    let trail = audit_trail(&t.archive, ids::HEAVY_USER)
        .await
        .expect("trail");
    assert!(trail.iter().any(|e| e.action == "wellbeing.add"
        && e.purpose == "app"
        && e.detail.as_deref().is_some_and(|d| d.starts_with("app "))));
    assert!(trail
        .iter()
        .any(|e| e.action == "access.refused" && e.outcome == "not-shared"));
    assert!(trail
        .iter()
        .any(|e| e.action == "access.refused" && e.outcome == "out-of-scope"));
}
on_both!(
    app_reaches_only_allowed,
    an_app_reaches_only_what_it_was_allowed
);

async fn the_patient_is_written_at_its_id_by_version(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    demo::load_wellbeing(&t.archive, &phr::KantaPhr)
        .await
        .expect("wellbeing");
    const PATIENT: &str = include_str!("../../../phr/tests/examples/kanta-phr-patient-1.json");
    // Mikko lets Painekirja read and write (the demo); its token must name the Patient.
    let observations_only = app(t, ids::HEAVY_USER, "painekirja", BOTH)
        .await
        .expect("app");
    assert_eq!(
        refused(observations_only.patient_resources().await),
        Refusal::OutOfScope
    );
    let painekirja = app(t, ids::HEAVY_USER, "painekirja", ALL)
        .await
        .expect("app");
    let id = painekirja.wellbeing_patient().await.expect("patient");
    assert_eq!(
        painekirja.patient_resources().await.expect("none yet"),
        Vec::new()
    );
    assert!(matches!(
        painekirja.patient_resource(&id).await,
        Err(ArchiveError::NotFound)
    ));
    // Only at the id the service gave; the first without a version.
    assert!(matches!(
        painekirja
            .write_patient("someone-else", None, PATIENT, &phr::KantaPhr)
            .await,
        Err(ArchiveError::NotFound)
    ));
    assert!(matches!(
        painekirja
            .write_patient(&id, Some(1), PATIENT, &phr::KantaPhr)
            .await,
        Err(ArchiveError::Blocked("version-conflict"))
    ));
    let Ok(PatientWritten::Created(first)) = painekirja
        .write_patient(&id, None, PATIENT, &phr::KantaPhr)
        .await
    else {
        panic!("created")
    };
    assert_eq!((first.id.as_str(), first.version), (id.as_str(), 1));
    let json: serde_json::Value = serde_json::from_str(&first.resource).expect("json");
    assert_eq!(json["id"], id.as_str());
    assert_eq!(json["meta"]["versionId"], "1");
    assert_eq!(json["name"][0]["family"], "Patient", "kept as it came");
    // The person reads it too.
    let mikko = own(t, ids::HEAVY_USER).await;
    assert_eq!(mikko.patient_resource(&id).await.expect("own"), first);
    // Another write must say which version it replaces.
    for (if_match, refusal) in [(None, "version-required"), (Some(7), "version-conflict")] {
        assert!(matches!(
            painekirja
                .write_patient(&id, if_match, PATIENT, &phr::KantaPhr)
                .await,
            Err(ArchiveError::Blocked(code)) if code == refusal
        ));
    }
    let renamed = PATIENT.replace("\"Test\"", "\"Testi\"");
    let Ok(PatientWritten::Updated(second)) = painekirja
        .write_patient(&id, Some(1), &renamed, &phr::KantaPhr)
        .await
    else {
        panic!("updated")
    };
    assert_eq!(second.version, 2);
    assert_eq!(
        painekirja.patient_resources().await.expect("search"),
        vec![second.clone()]
    );
    // Read only, from now: the next write is refused, the read still goes.
    let grantee = mikko.wellbeing_sharing().await.expect("sharing").in_force[0].grantee;
    mikko
        .share_wellbeing(grantee, Some(Permission::Read))
        .await
        .expect("read only");
    assert_eq!(
        refused(
            painekirja
                .write_patient(&id, Some(2), PATIENT, &phr::KantaPhr)
                .await
        ),
        Refusal::NotShared
    );
    assert_eq!(
        painekirja.patient_resource(&id).await.expect("read"),
        second
    );
    let trail = audit_trail(&t.archive, ids::HEAVY_USER)
        .await
        .expect("trail");
    let writes: Vec<&str> = trail
        .iter()
        .filter(|e| e.action == "wellbeing.patient-write" && e.purpose == "app")
        .map(|e| e.outcome.as_str())
        .collect();
    assert_eq!(
        writes.iter().filter(|o| **o == "ok").count(),
        2,
        "{writes:?}"
    );
    assert!(trail
        .iter()
        .any(|e| e.action == "access.refused" && e.outcome == "out-of-scope"));
}
on_both!(
    patient_written_by_version,
    the_patient_is_written_at_its_id_by_version
);

async fn resources_are_created_once_and_updated_by_version(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    demo::load_wellbeing(&t.archive, &phr::KantaPhr)
        .await
        .expect("wellbeing");
    let mikko = own(t, ids::HEAVY_USER).await;
    let patient = mikko.wellbeing_patient().await.expect("patient");
    let key = "0a0b0c0d-1111-4222-8333-444455556666";
    let identifier = format!("urn:ietf:rfc:3986|urn:uuid:{key}");
    let conditional = |incoming| Create {
        incoming,
        if_none_exist: Some(identifier.clone()),
    };
    let first = mikko
        .create_observations(&[conditional(weight(t, &patient, key))], &phr::KantaPhr)
        .await
        .expect("first");
    let [Created::New(stored)] = first.as_slice() else {
        panic!("{first:?}")
    };
    // A create repeated after a lost answer: the one stored, not another.
    let repeated = mikko
        .create_observations(&[conditional(weight(t, &patient, key))], &phr::KantaPhr)
        .await
        .expect("repeated");
    assert_eq!(repeated, [Created::Existing(stored.clone())]);
    // Stored twice without the condition: the condition now matches two.
    mikko
        .create_observations(
            &[Create {
                incoming: weight(t, &patient, key),
                if_none_exist: None,
            }],
            &phr::KantaPhr,
        )
        .await
        .expect("plain");
    assert!(matches!(
        mikko
            .create_observations(&[conditional(weight(t, &patient, key))], &phr::KantaPhr)
            .await,
        Err(ArchiveError::Blocked("multiple-matches"))
    ));
    // A batch with one resource about another patient: none of it stored.
    let before = mikko
        .search_observations(&ObservationSearch {
            measures: vec![Measure::BodyWeight],
            count: 100,
            ..ObservationSearch::default()
        })
        .await
        .expect("search")
        .len();
    let batch = [
        Create {
            incoming: weight(t, &patient, "1a0b0c0d-1111-4222-8333-444455556666"),
            if_none_exist: None,
        },
        Create {
            incoming: weight(t, "someone-else", "2a0b0c0d-1111-4222-8333-444455556666"),
            if_none_exist: None,
        },
    ];
    assert!(matches!(
        mikko.create_observations(&batch, &phr::KantaPhr).await,
        Err(ArchiveError::Invalid {
            field: "subject",
            code: "wrong-subject"
        })
    ));
    let after = mikko
        .search_observations(&ObservationSearch {
            measures: vec![Measure::BodyWeight],
            count: 100,
            ..ObservationSearch::default()
        })
        .await
        .expect("search")
        .len();
    assert_eq!(before, after);
    assert_eq!(before, 2);

    // Updated by its version: the stale one is refused, nothing changed.
    let mut changed = weight(t, &patient, key);
    changed.resource = changed.resource.replace("\"value\": 95", "\"value\": 94");
    changed.reading.values = vec![94.0];
    let v2 = mikko
        .update_observation(&stored.id, Some(1), &changed, &phr::KantaPhr)
        .await
        .expect("update");
    assert_eq!(v2.version, 2);
    assert!(matches!(
        mikko
            .update_observation(&stored.id, Some(1), &changed, &phr::KantaPhr)
            .await,
        Err(ArchiveError::Blocked("version-conflict"))
    ));
    assert_eq!(
        mikko.observation_resource(&stored.id).await.expect("read"),
        v2
    );
    mikko.delete_observation(&stored.id).await.expect("delete");
    assert!(matches!(
        mikko.observation_resource(&stored.id).await,
        Err(ArchiveError::NotFound)
    ));
    assert!(matches!(
        mikko.delete_observation(&stored.id).await,
        Err(ArchiveError::NotFound)
    ));
}
on_both!(
    created_once_updated_by_version,
    resources_are_created_once_and_updated_by_version
);

async fn an_organisation_reads_only_when_allowed(t: &TestArchive) {
    use archive::model::{ProviderQuery, QueryPurpose, QueryRole};
    demo::load_demo(&t.archive).await.expect("demo");
    demo::load_wellbeing(&t.archive, &phr::KantaPhr)
        .await
        .expect("wellbeing");
    let a = &t.archive;
    let hetu = hetu_of(a, ids::ADULT).await.expect("hetu");
    let aino = own(t, ids::ADULT).await;
    let sharing = aino.wellbeing_sharing().await.expect("sharing");
    // Her health centre reads (the demo); another organisation that treated her does not.
    let Grantee::Organisation(allowed) = sharing.in_force[0].grantee else {
        panic!("an organisation in force")
    };
    let other = sharing
        .organisations
        .iter()
        .find(|o| o.id != allowed)
        .expect("another organisation")
        .id;
    let ask = |organisation| ProviderQuery {
        organisation,
        unit: None,
        role: QueryRole::Nurse,
        purpose: QueryPurpose::Treatment,
        asked: archive::model::Asked::Wellbeing,
        from: None,
    };
    let count = aino
        .wellbeing()
        .await
        .expect("overview")
        .measures
        .iter()
        .map(|m| m.count)
        .sum::<i64>();
    let answer = a
        .provider_query(&hetu, &ask(allowed))
        .await
        .expect("allowed");
    assert_eq!(
        i64::try_from(answer.measurements.len()).expect("len"),
        count
    );
    assert_eq!(answer.withheld, 0);
    let answer = a
        .provider_query(&hetu, &ask(other))
        .await
        .expect("not allowed");
    assert!(answer.measurements.is_empty());
    assert_eq!(i64::from(answer.withheld), count);
    // A pharmacist dispensing may not ask at all.
    assert!(matches!(
        a.provider_query(
            &hetu,
            &ProviderQuery {
                role: QueryRole::Pharmacist,
                purpose: QueryPurpose::Dispensing,
                ..ask(allowed)
            }
        )
        .await,
        Err(ArchiveError::Blocked(_))
    ));
    // Withdrawn: at once, the health centre is given nothing.
    aino.share_wellbeing(Grantee::Organisation(allowed), None)
        .await
        .expect("withdraw");
    let answer = a
        .provider_query(&hetu, &ask(allowed))
        .await
        .expect("withdrawn");
    assert!(answer.measurements.is_empty());
    let trail = audit_trail(a, ids::ADULT).await.expect("trail");
    assert!(trail.iter().any(|e| e.action == "provider.wellbeing"));
}
on_both!(
    organisation_reads_when_allowed,
    an_organisation_reads_only_when_allowed
);

async fn the_front_page_tells_what_apps_recorded(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    demo::load_wellbeing(&t.archive, &phr::KantaPhr)
        .await
        .expect("wellbeing");
    let a = &t.archive;
    // Aino, signed in (the demo gave her a previous visit), lets Painekirja write.
    let actor = a.demo_actor(ids::ADULT).await.expect("actor");
    let token = a.start_session(&actor).await.expect("session");
    let (actor, _) = a
        .resume_session(&token, archive::SessionLimits::default())
        .await
        .expect("lookup")
        .expect("live");
    let aino = a
        .access(&actor, ids::ADULT, Purpose::CitizenService)
        .await
        .expect("own");
    assert_eq!(
        aino.news().await.expect("news").wellbeing,
        Some(archive::model::WellbeingNews { from_apps: 0 }),
        "her own entries are not news"
    );
    let painekirja = aino
        .wellbeing_sharing()
        .await
        .expect("sharing")
        .apps
        .into_iter()
        .find(|app| app.client_id == "painekirja")
        .expect("app")
        .id;
    aino.share_wellbeing(Grantee::App(painekirja), Some(Permission::ReadWrite))
        .await
        .expect("allow");
    let patient = aino.wellbeing_patient().await.expect("patient");
    app(t, ids::ADULT, "painekirja", BOTH)
        .await
        .expect("app")
        .create_observations(
            &[Create {
                incoming: weight(t, &patient, "3b0b0c0d-1111-4222-8333-444455556666"),
                if_none_exist: None,
            }],
            &phr::KantaPhr,
        )
        .await
        .expect("create");
    assert_eq!(
        aino.news().await.expect("news").wellbeing,
        Some(archive::model::WellbeingNews { from_apps: 1 })
    );
    // Ella is 15: her front page has no wellbeing news, and is not refused for it.
    let ella = a.demo_actor(ids::TEEN).await.expect("actor");
    // A visit before this one, so that there is news to tell.
    let first = a.start_session(&ella).await.expect("first visit");
    a.resume_session(&first, archive::SessionLimits::default())
        .await
        .expect("lookup");
    let token = a.start_session(&ella).await.expect("session");
    let (ella, _) = a
        .resume_session(&token, archive::SessionLimits::default())
        .await
        .expect("lookup")
        .expect("live");
    let news = a
        .access(&ella, ids::TEEN, Purpose::CitizenService)
        .await
        .expect("own")
        .news()
        .await
        .expect("news");
    assert!(news.since.is_some() && news.records.is_some(), "{news:?}");
    assert_eq!(news.wellbeing, None);
}
on_both!(
    front_page_tells_what_apps_recorded,
    the_front_page_tells_what_apps_recorded
);
