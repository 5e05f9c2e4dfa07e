//! The Kanta PHR examples: each reads as the typed R4 model and back to the same JSON,
//! each Observation as Kanta PHR takes it (its reading), and a reading written by the
//! codec reads back as the same reading.

use archive::model::{Measure, Reading, When};
use archive::wellbeing::{ObservationCodec, ResourceIds};
use phr::{read_observation, KantaPhr};
use time::macros::{date, datetime};

const NOW: time::OffsetDateTime = datetime!(2026-12-07 12:00 +2);

fn examples() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/examples");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("examples")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            (
                p.file_name().expect("name").to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).expect("read"),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_example_is_the_same_json_through_the_typed_model() {
    let files = examples();
    assert_eq!(files.len(), 9);
    for (name, text) in files {
        let resource: fhir::r4::resources::Resource =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let back = serde_json::to_value(&resource).expect("serialise");
        let original: serde_json::Value = serde_json::from_str(&text).expect("json");
        assert_eq!(back, original, "{name}");
    }
}

#[test]
fn every_observation_example_reads_as_its_reading() {
    let expected: &[(&str, Measure, When, &[f64])] = &[
        (
            "Bloodglucose-max.json",
            Measure::BloodGlucose,
            When::Day(date!(2020 - 10 - 05)),
            &[10.0],
        ),
        (
            "Observation-example-Bloodpressure-max.json",
            Measure::BloodPressure,
            When::Moment(datetime!(2017-11-20 11:46 +2)),
            &[95.0, 65.0],
        ),
        (
            "Observation-example-Bloodpressure-min.json",
            Measure::BloodPressure,
            When::Moment(datetime!(2017-11-20 11:46 +2)),
            &[95.0, 65.0],
        ),
        (
            "Observation-example-BodyWeight-max.json",
            Measure::BodyWeight,
            When::Moment(datetime!(2017-11-20 11:46 +2)),
            &[95.0],
        ),
        (
            "Observation-example-BodyWeight-min.json",
            Measure::BodyWeight,
            When::Moment(datetime!(2017-11-20 11:46 +2)),
            &[95.0],
        ),
        (
            "Observation-example-StepsTaken-max.json",
            Measure::Steps,
            When::Day(date!(2012 - 09 - 17)),
            &[6500.0],
        ),
        (
            "bloodglucose-min.json",
            Measure::BloodGlucose,
            When::Day(date!(2020 - 10 - 05)),
            &[7.0],
        ),
        (
            "observation-example-StepsTaken-min.json",
            Measure::Steps,
            When::Day(date!(2012 - 09 - 17)),
            &[165.0],
        ),
    ];
    let files = examples();
    for (name, measure, when, values) in expected {
        let text = &files.iter().find(|(n, _)| n == name).expect("example").1;
        let read =
            read_observation(text, NOW, NOW.date()).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(
            read.reading,
            Reading {
                measure: *measure,
                when: *when,
                values: values.to_vec()
            },
            "{name}"
        );
        assert!(read
            .identifiers
            .iter()
            .any(|i| i.starts_with("urn:ietf:rfc:3986|urn:uuid:")));
    }
    let patient = &files
        .iter()
        .find(|(n, _)| n == "kanta-phr-patient-1.json")
        .expect("patient")
        .1;
    assert_eq!(
        read_observation(patient, NOW, NOW.date())
            .expect_err("a patient")
            .location,
        "resourceType"
    );
}

fn ids(version: i64) -> ResourceIds<'static> {
    ResourceIds {
        resource_id: "0b5e1c8e-8a4f-4f57-9d2b-4a8f00000001",
        identifier: "urn:uuid:0b5e1c8e-8a4f-4f57-9d2b-4a8f00000002",
        patient_id: "0b5e1c8e-8a4f-4f57-9d2b-4a8f00000003",
        version,
        last_updated: NOW,
    }
}

#[test]
fn a_written_reading_reads_back_the_same() {
    for reading in [
        Reading {
            measure: Measure::BloodPressure,
            when: When::Moment(datetime!(2026-12-07 08:05 +2)),
            values: vec![128.0, 82.0],
        },
        Reading {
            measure: Measure::BodyWeight,
            when: When::Moment(datetime!(2026-06-07 08:05 +3)),
            values: vec![72.5],
        },
        Reading {
            measure: Measure::Steps,
            when: When::Day(date!(2026 - 12 - 06)),
            values: vec![12_500.0],
        },
        Reading {
            measure: Measure::Sleep,
            when: When::Day(date!(2026 - 12 - 07)),
            values: vec![7.5],
        },
        Reading {
            measure: Measure::BloodGlucose,
            when: When::Moment(datetime!(2026-12-07 07:00 +2)),
            values: vec![5.6],
        },
        Reading {
            measure: Measure::HeartRate,
            when: When::Moment(datetime!(2026-12-07 07:00 +2)),
            values: vec![64.0],
        },
        Reading {
            measure: Measure::BodyHeight,
            when: When::Moment(datetime!(2026-12-07 07:00 +2)),
            values: vec![176.5],
        },
    ] {
        let json = KantaPhr.encode(&reading, &ids(1), None);
        let read = read_observation(&json, NOW, NOW.date())
            .unwrap_or_else(|e| panic!("{reading:?}: {e:?}"));
        assert_eq!(read.reading, reading);
        assert_eq!(read.patient, ids(1).patient_id);
        let value: serde_json::Value = serde_json::from_str(&json).expect("json");
        assert_eq!(value["meta"]["versionId"], "1");
        assert_eq!(value["status"], "final");
        assert_eq!(value["meta"]["profile"][0], reading.measure.spec().profile);
    }
}

#[test]
fn a_change_keeps_what_the_form_does_not_know() {
    let files = examples();
    let max = &files
        .iter()
        .find(|(n, _)| n == "Observation-example-Bloodpressure-max.json")
        .expect("example")
        .1;
    let reading = Reading {
        measure: Measure::BloodPressure,
        when: When::Moment(datetime!(2026-12-07 08:05 +2)),
        values: vec![131.0, 85.0],
    };
    let json = KantaPhr.encode(&reading, &ids(2), Some(max));
    let changed: serde_json::Value = serde_json::from_str(&json).expect("json");
    let before: serde_json::Value = serde_json::from_str(max).expect("json");
    // The values and when are the form's; the example's other elements stay.
    assert_eq!(changed["component"][0]["valueQuantity"]["value"], 131);
    assert_eq!(changed["effectiveDateTime"], "2026-12-07T08:05:00+02:00");
    for kept in ["category", "code", "issued", "text", "language"] {
        assert_eq!(changed[kept], before[kept], "{kept}");
    }
    assert_eq!(changed["identifier"].as_array().map(Vec::len), Some(2));
}

#[test]
fn refusals_name_the_field() {
    let files = examples();
    let weight = &files
        .iter()
        .find(|(n, _)| n == "Observation-example-BodyWeight-min.json")
        .expect("example")
        .1;
    let mut cases: Vec<(serde_json::Value, &str)> = Vec::new();
    let base: serde_json::Value = serde_json::from_str(weight).expect("json");
    let with = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut v = base.clone();
        edit(&mut v);
        v
    };
    cases.push((
        with(&|v| v["valueQuantity"]["code"] = "[lb_av]".into()),
        "Observation.valueQuantity",
    ));
    cases.push((
        with(&|v| {
            v.as_object_mut().expect("object").remove("code");
        }),
        "Observation",
    ));
    cases.push((
        with(&|v| v["code"]["coding"][0]["code"] = "1234-5".into()),
        "Observation.code",
    ));
    cases.push((
        with(&|v| v["subject"]["reference"] = "Group/1".into()),
        "Observation.subject",
    ));
    cases.push((
        with(&|v| v["effectiveDateTime"] = "2017-13-45".into()),
        "Observation.effective[x]",
    ));
    cases.push((
        with(&|v| v["effectiveDateTime"] = "2027-01-01T10:00:00+02:00".into()),
        "Observation.effective[x]",
    ));
    cases.push((
        with(&|v| v["status"] = "preliminary".into()),
        "Observation.status",
    ));
    cases.push((
        with(&|v| v["meta"]["profile"][0] = "http://example.org/x".into()),
        "Observation.meta.profile",
    ));
    cases.push((
        with(&|v| {
            v.as_object_mut().expect("object").remove("identifier");
        }),
        "Observation.identifier",
    ));
    cases.push((
        with(&|v| v["valueQuantity"]["value"] = 4000.into()),
        "Observation.valueQuantity",
    ));
    cases.push((
        with(&|v| v["resourceType"] = "Medication".into()),
        "resourceType",
    ));
    for (json, location) in cases {
        let refusal = read_observation(&json.to_string(), NOW, NOW.date()).expect_err(location);
        assert_eq!(refusal.location, location, "{}", refusal.problem);
    }
}

#[test]
fn the_patient_example_reads_at_its_own_id_only() {
    let files = examples();
    let patient = &files
        .iter()
        .find(|(n, _)| n == "kanta-phr-patient-1.json")
        .expect("example")
        .1;
    let id = "cafbe8e7-38fe-4807-b995-6770e5390365";
    let read = phr::read_patient(patient, id).expect("valid");
    assert_eq!(read.id.map(|i| i.0).as_deref(), Some(id));
    // A wrong id, a code outside its value set, another type, not a resource.
    for (json, id, location, structural) in [
        (patient.as_str(), "another-id", "Patient.id", true),
        (
            r#"{"resourceType":"Patient","gender":"sometimes"}"#,
            id,
            "Patient.gender.code",
            false,
        ),
        (
            r#"{"resourceType":"Observation","status":"final","code":{}}"#,
            id,
            "resourceType",
            true,
        ),
        ("[]", id, "Patient", true),
    ] {
        let refusal = phr::read_patient(json, id).expect_err(json);
        assert_eq!(
            (refusal.location.as_str(), refusal.structural),
            (location, structural),
            "{json}"
        );
    }
    // Without an id it is taken at the address's.
    phr::read_patient(
        r#"{"resourceType":"Patient","name":[{"family":"Virtanen"}]}"#,
        id,
    )
    .expect("valid");
}
