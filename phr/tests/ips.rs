//! The Patient Summary as an HL7 IPS document, checked as the IPS guide states it
//! (`phr::ips::check`): the shared IPS examples pass the checks, each check fails the
//! example broken in its way, and the document written from the demo's heavy user —
//! and from a person with nothing recorded — passes them, parses back as a typed R4
//! Bundle and keeps text as text.

use std::sync::Arc;

use archive::clock::FixedClock;
use archive::demo::{self, ids};
use archive::{Archive, Purpose};
use fhir::r4::resources::Resource;
use serde_json::{json, Value};
use time::macros::datetime;

fn example(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/examples/ips")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).expect("JSON")
}

const EXAMPLES: [&str; 3] = [
    "Bundle-bundle-ips-all-sections.json",
    "Bundle-bundle-no-info-required-sections.json",
    "bundle-minimal.json",
];

#[test]
fn the_shared_ips_examples_pass_every_check() {
    for name in EXAMPLES {
        assert_eq!(
            phr::ips::check(&example(name)),
            Vec::<String>::new(),
            "{name}"
        );
    }
}

/// The first entry's resource (the Composition) of `b`.
fn composition(b: &mut Value) -> &mut Value {
    &mut b["entry"][0]["resource"]
}

#[test]
fn each_check_fails_an_example_broken_its_way() {
    type Break = fn(&mut Value);
    let cases: [(&str, Break); 14] = [
        ("Bundle.type", |b| b["type"] = json!("collection")),
        ("Bundle.identifier", |b| {
            b.as_object_mut().map(|o| o.remove("identifier"));
        }),
        ("Bundle.timestamp", |b| {
            b.as_object_mut().map(|o| o.remove("timestamp"));
        }),
        ("first entry is not a Composition", |b| {
            let entries = b["entry"].as_array_mut().expect("entries");
            entries.swap(0, 1);
        }),
        ("Compositions, not one", |b| {
            let mut second = b["entry"][0].clone();
            second["fullUrl"] = json!("urn:uuid:00000000-0000-4000-8000-000000000001");
            b["entry"].as_array_mut().expect("entries").push(second);
        }),
        ("Composition.type", |b| {
            composition(b)["type"]["coding"][0]["code"] = json!("11503-0");
        }),
        ("Composition.title", |b| {
            composition(b).as_object_mut().map(|o| o.remove("title"));
        }),
        ("Composition.author", |b| {
            composition(b)["author"] = json!([])
        }),
        ("does not resolve to the Patient", |b| {
            composition(b)["subject"]["reference"] = json!("Patient/nobody");
        }),
        ("not unique", |b| {
            let url = b["entry"][0]["fullUrl"].clone();
            b["entry"][1]["fullUrl"] = url;
        }),
        ("not in the Bundle", |b| {
            composition(b)["section"][0]["entry"] = json!([{"reference": "Condition/none"}]);
            composition(b)["section"][0]
                .as_object_mut()
                .map(|o| o.remove("emptyReason"));
        }),
        ("section (48765-2) is missing", |b| {
            let sections = composition(b)["section"].as_array_mut().expect("sections");
            sections.retain(|s| s["code"]["coding"][0]["code"] != "48765-2");
        }),
        ("both entry and emptyReason", |b| {
            let sections = composition(b)["section"].as_array_mut().expect("sections");
            let s = sections
                .iter_mut()
                .find(|s| s["entry"].as_array().is_some_and(|e| !e.is_empty()))
                .expect("a section with entries");
            s["emptyReason"] = json!({"text": "No information available"});
        }),
        ("no birthDate", |b| {
            for e in b["entry"].as_array_mut().expect("entries") {
                if e["resource"]["resourceType"] == "Patient" {
                    e["resource"].as_object_mut().map(|o| o.remove("birthDate"));
                }
            }
        }),
    ];
    for (why, break_it) in cases {
        let mut broken = example("Bundle-bundle-ips-all-sections.json");
        break_it(&mut broken);
        let problems = phr::ips::check(&broken);
        assert!(
            problems.iter().any(|p| p.contains(why)),
            "{why}: {problems:?}"
        );
    }
    // A section twice, and one without text.
    let mut twice = example("Bundle-bundle-ips-all-sections.json");
    let sections = composition(&mut twice)["section"]
        .as_array_mut()
        .expect("sections");
    let first = sections[0].clone();
    sections.push(first);
    sections[1].as_object_mut().map(|o| o.remove("text"));
    let problems = phr::ips::check(&twice);
    assert!(
        problems.iter().any(|p| p.contains("there twice")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("text is missing")),
        "{problems:?}"
    );
}

async fn archive() -> (Archive, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("ips.db").display());
    let clock = Arc::new(FixedClock::at(datetime!(2026-12-07 10:00 UTC)));
    let archive = Archive::open(&url, clock).await.expect("archive");
    demo::load_demo(&archive).await.expect("demo");
    (archive, dir)
}

async fn summary_of(
    archive: &Archive,
    person: archive::model::PersonId,
) -> archive::model::PatientSummary {
    let actor = archive.demo_actor(person).await.expect("actor");
    archive
        .access(&actor, person, Purpose::CitizenService)
        .await
        .expect("own")
        .patient_summary()
        .await
        .expect("summary")
}

fn export(summary: &archive::model::PatientSummary) -> Value {
    let bundle = phr::ips::document(summary, datetime!(2026-12-07 12:00 +02:00), || {
        uuid::Uuid::new_v4().to_string()
    })
    .expect("document");
    let text = phr::ips::to_json(bundle);
    // It parses back as a typed R4 Bundle.
    assert!(matches!(
        serde_json::from_str::<Resource>(&text),
        Ok(Resource::Bundle(_))
    ));
    serde_json::from_str(&text).expect("JSON")
}

#[tokio::test]
async fn the_heavy_users_summary_is_a_valid_ips_document_with_every_kind() {
    let (archive, _dir) = archive().await;
    let summary = summary_of(&archive, ids::HEAVY_USER).await;
    let bundle = export(&summary);
    assert_eq!(phr::ips::check(&bundle), Vec::<String>::new());
    let count = |kind: &str| {
        bundle["entry"]
            .as_array()
            .expect("entries")
            .iter()
            .filter(|e| e["resource"]["resourceType"] == kind)
            .count()
    };
    assert_eq!(count("Composition"), 1);
    assert_eq!(count("Patient"), 1);
    assert_eq!(count("AllergyIntolerance"), summary.allergies.len());
    assert_eq!(count("Condition"), summary.problems.len());
    assert_eq!(count("MedicationStatement"), summary.medication.len());
    assert_eq!(count("Immunization"), summary.immunizations.len());
    assert_eq!(count("Procedure"), summary.procedures.len());
    assert_eq!(count("Observation"), summary.results.len());
    assert!(summary
        .problems
        .iter()
        .all(|p| bundle.to_string().contains(&p.coding.code)));
    let patient = bundle["entry"]
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| e["resource"]["resourceType"] == "Patient")
        .expect("patient");
    assert_eq!(patient["resource"]["name"][0]["family"], "Korhonen");
    assert_eq!(
        patient["resource"]["birthDate"],
        summary.person.birth_date.to_string()
    );
}

#[tokio::test]
async fn an_empty_summary_says_why_each_section_is_empty_and_text_stays_text() {
    let (archive, _dir) = archive().await;
    let mut summary = summary_of(&archive, ids::ADULT).await;
    summary.allergies.clear();
    summary.problems.clear();
    summary.medication.clear();
    summary.immunizations.clear();
    summary.procedures.clear();
    summary.results.clear();
    let empty = export(&summary);
    assert_eq!(phr::ips::check(&empty), Vec::<String>::new());
    let sections = empty["entry"][0]["resource"]["section"]
        .as_array()
        .expect("sections");
    assert_eq!(sections.len(), 6);
    assert!(sections
        .iter()
        .all(|s| s["emptyReason"]["coding"][0]["code"] == "unavailable"));

    // A name with markup in it is text in the narrative, never markup.
    let mut hostile = summary_of(&archive, ids::HEAVY_USER).await;
    hostile.problems[0].coding.display = "<script>alert(1)</script> & co".into();
    let bundle = export(&hostile);
    let problems = bundle["entry"][0]["resource"]["section"]
        .as_array()
        .expect("sections")
        .iter()
        .find(|s| s["code"]["coding"][0]["code"] == "11450-4")
        .expect("problems");
    let div = problems["text"]["div"].as_str().expect("div");
    assert!(!div.contains("<script>"), "{div}");
    assert!(
        div.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"),
        "{div}"
    );
    assert_eq!(phr::ips::check(&bundle), Vec::<String>::new());
}

#[test]
fn the_shared_examples_are_read_with_each_held_sections_entries() {
    let all = phr::ips::read(&example("Bundle-bundle-ips-all-sections.json")).expect("read");
    assert_eq!(all.allergies.len(), 1);
    assert_eq!(all.allergies[0].display, "Penicillin");
    // The Problem List holds two Conditions; the others are past problems, a section
    // the archive does not hold.
    assert_eq!(all.problems.len(), 2);
    assert!(all
        .problems
        .iter()
        .any(|p| p.code == "59621000" && p.date.as_deref() == Some("2016-05-25")));
    assert_eq!(all.medications.len(), 3);
    assert!(all
        .medications
        .iter()
        .any(|m| m.name == "lisinopril 5 mg tablet" && m.dosage == "Take One tablet once daily"));
    assert_eq!(all.immunizations.len(), 8);
    assert_eq!(all.procedures.len(), 1);
    assert!(!all.source.is_empty(), "where it came from");
    assert!(!all.patient.family.is_empty() && !all.patient.birth_date.is_empty());
    // What the archive does not hold is named, by resource and section.
    assert!(all
        .not_imported
        .iter()
        .any(|n| n.resource.starts_with("Observation ") && n.field.contains("Results")));
    assert!(all
        .not_imported
        .iter()
        .any(|n| n.resource.starts_with("DeviceUseStatement ")));

    // A medicine named through a Medication resource.
    let minimal = phr::ips::read(&example("bundle-minimal.json")).expect("read");
    assert_eq!(minimal.medications.len(), 1);
    assert_eq!(minimal.medications[0].code, "108774000");
    assert_eq!(minimal.problems.len(), 1);
    assert_eq!(minimal.allergies.len(), 1);
    let empty =
        phr::ips::read(&example("Bundle-bundle-no-info-required-sections.json")).expect("read");
    assert!(empty.problems.is_empty() && empty.allergies.is_empty());
}

#[test]
fn a_file_that_cannot_be_mapped_is_refused_naming_each_resource_and_field() {
    let mut uncoded = example("Bundle-bundle-ips-all-sections.json");
    for entry in uncoded["entry"].as_array_mut().expect("entries") {
        if entry["resource"]["resourceType"] == "Condition" {
            entry["resource"]["code"] = json!({"text": "something"});
        }
    }
    let refused = phr::ips::read(&uncoded).expect_err("refused");
    assert_eq!(refused.len(), 2, "the Problem List's two: {refused:?}");
    assert!(refused
        .iter()
        .all(|r| r.resource.starts_with("Condition ") && r.field == "Condition.code"));

    let mut not_r4 = example("bundle-minimal.json");
    for entry in not_r4["entry"].as_array_mut().expect("entries") {
        if entry["resource"]["resourceType"] == "AllergyIntolerance" {
            entry["resource"]["criticality"] = json!(12);
        }
    }
    let refused = phr::ips::read(&not_r4).expect_err("refused");
    assert!(
        refused
            .iter()
            .any(|r| r.field == "AllergyIntolerance" && r.why.starts_with("not a valid FHIR R4")),
        "{refused:?}"
    );

    let mut broken = example("bundle-minimal.json");
    broken["type"] = json!("collection");
    let refused = phr::ips::read(&broken).expect_err("refused");
    assert!(refused.iter().any(|r| r.why.contains("Bundle.type")));
}

#[tokio::test]
async fn an_exported_summary_reads_back_with_the_same_codes() {
    let (archive, _dir) = archive().await;
    let summary = summary_of(&archive, ids::HEAVY_USER).await;
    let back = phr::ips::read(&export(&summary)).expect("read");
    let codes = |entries: &[phr::ips::ImportedEntry]| {
        entries.iter().map(|e| e.code.clone()).collect::<Vec<_>>()
    };
    let ours = |entries: &[archive::model::SummaryEntry]| {
        entries
            .iter()
            .map(|e| e.coding.code.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(&back.problems), ours(&summary.problems));
    assert_eq!(codes(&back.allergies), ours(&summary.allergies));
    assert_eq!(codes(&back.immunizations), ours(&summary.immunizations));
    assert_eq!(codes(&back.procedures), ours(&summary.procedures));
    assert_eq!(
        back.medications
            .iter()
            .map(|m| m.code.clone())
            .collect::<Vec<_>>(),
        summary
            .medication
            .iter()
            .map(|m| m.atc.clone())
            .collect::<Vec<_>>()
    );
    assert_eq!(back.source, "Kanta");
    assert_eq!(back.patient.family, "Korhonen");
}
