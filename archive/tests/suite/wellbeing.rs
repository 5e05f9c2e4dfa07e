//! Wellbeing data on SQLite and PostgreSQL: the person adds, changes and deletes
//! measurements, each stored as the FHIR resource the codec wrote; a form sent twice
//! stores one; the rules' problems come all at once and change nothing; a 15-year-old
//! is refused, and told why.

use crate::common;

use archive::demo::{self, ids};
use archive::inspect::audit_trail;
use archive::model::{Measure, ReadingForm, Source, WellbeingPeriod, When};
use archive::{ArchiveError, Purpose, Refusal};
use common::TestArchive;

fn form(date: &str, time: &str, values: &[&str]) -> ReadingForm {
    ReadingForm {
        date: date.into(),
        time: time.into(),
        values: values.iter().map(|v| (*v).to_owned()).collect(),
    }
}

async fn the_person_adds_changes_and_deletes(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let today = a.clock().today();
    let yesterday = (today - time::Duration::days(1)).to_string();
    let aino = a.demo_actor(ids::ADULT).await.expect("actor");
    let own = a
        .access(&aino, ids::ADULT, Purpose::CitizenService)
        .await
        .expect("own");
    let before = own.wellbeing().await.expect("overview");
    assert!(before
        .measures
        .iter()
        .all(|m| m.count == 0 && m.latest.is_none()));

    let key = "0f8e2a34-5d6c-4b7a-8e9f-0a1b2c3d4e5f";
    let bp = form(&yesterday, "8.05", &["128", "82"]);
    let added = own
        .add_measurement(Measure::BloodPressure, &bp, key, &phr::KantaPhr)
        .await
        .expect("add");
    assert_eq!(added.reading.values, [128.0, 82.0]);
    assert_eq!((added.version, added.source.clone()), (1, Source::Portal));
    assert!(matches!(added.reading.when, When::Moment(_)));
    // The same form again (a double click): the same measurement, nothing more.
    let again = own
        .add_measurement(Measure::BloodPressure, &bp, key, &phr::KantaPhr)
        .await
        .expect("again");
    assert_eq!(again.id, added.id);
    let overview = own.wellbeing().await.expect("overview");
    let bp_latest = overview
        .measures
        .iter()
        .find(|m| m.measure == Measure::BloodPressure)
        .expect("blood pressure");
    assert_eq!(bp_latest.count, 1);

    // Every problem at once; nothing stored.
    match own
        .add_measurement(
            Measure::BloodPressure,
            &form("", "", &["abc", "500"]),
            "1f8e2a34-5d6c-4b7a-8e9f-0a1b2c3d4e5f",
            &phr::KantaPhr,
        )
        .await
    {
        Err(ArchiveError::InvalidFields(problems)) => assert_eq!(
            problems,
            [
                ("systolic", "number"),
                ("date", "missing"),
                ("time", "missing")
            ]
        ),
        other => panic!("{other:?}"),
    }

    // A change is a new version; the same values again change nothing.
    let changed = own
        .change_measurement(
            added.id,
            &form(&yesterday, "8.05", &["131", "85"]),
            &phr::KantaPhr,
        )
        .await
        .expect("change");
    assert_eq!(
        (changed.version, changed.reading.values.clone()),
        (2, vec![131.0, 85.0])
    );
    let same = own
        .change_measurement(
            added.id,
            &form(&yesterday, "8:05", &["131", "85"]),
            &phr::KantaPhr,
        )
        .await
        .expect("same");
    assert_eq!(same.version, 2);
    let series = own
        .measure_series(Measure::BloodPressure, WellbeingPeriod::Week)
        .await
        .expect("series");
    assert_eq!(series.readings.len(), 1);
    assert_eq!(series.readings[0].reading.values, [131.0, 85.0]);

    // Deleted: gone, and a second delete finds nothing.
    own.delete_measurement(added.id).await.expect("delete");
    assert!(matches!(
        own.measurement(added.id).await,
        Err(ArchiveError::NotFound)
    ));
    assert!(matches!(
        own.delete_measurement(added.id).await,
        Err(ArchiveError::NotFound)
    ));
    let trail = audit_trail(a, ids::ADULT).await.expect("trail");
    for action in [
        "wellbeing.add",
        "wellbeing.change",
        "wellbeing.delete",
        "wellbeing.read",
    ] {
        assert!(trail.iter().any(|e| e.action == action), "{action}");
    }
    assert!(trail
        .iter()
        .any(|e| e.action == "wellbeing.add" && e.outcome == "number"));
}
on_both!(adds_changes_deletes, the_person_adds_changes_and_deletes);

async fn a_fifteen_year_old_is_told_why_not(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let a = &t.archive;
    let ella = a.demo_actor(ids::TEEN).await.expect("actor");
    let own = a
        .access(&ella, ids::TEEN, Purpose::CitizenService)
        .await
        .expect("own");
    assert!(matches!(
        own.wellbeing().await,
        Err(ArchiveError::Refused(Refusal::UnderAge))
    ));
    let trail = audit_trail(a, ids::TEEN).await.expect("trail");
    assert!(trail
        .iter()
        .any(|e| e.action == "access.refused" && e.outcome == "under-age"));
}
on_both!(under_age, a_fifteen_year_old_is_told_why_not);

async fn the_demo_has_each_persons_readings(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let loaded = demo::load_wellbeing(&t.archive, &phr::KantaPhr)
        .await
        .expect("wellbeing");
    assert!(loaded > 300, "{loaded}");
    assert_eq!(
        demo::load_wellbeing(&t.archive, &phr::KantaPhr)
            .await
            .expect("again"),
        0
    );
    let a = &t.archive;
    let mikko = a.demo_actor(ids::HEAVY_USER).await.expect("actor");
    let own = a
        .access(&mikko, ids::HEAVY_USER, Purpose::CitizenService)
        .await
        .expect("own");
    let month = own
        .measure_series(Measure::BloodPressure, WellbeingPeriod::Month)
        .await
        .expect("series");
    assert!(month.readings.len() >= 50, "{}", month.readings.len());
    assert!(month.readings.windows(2).all(|w| w[0].local <= w[1].local));
}
on_both!(demo_readings, the_demo_has_each_persons_readings);
