//! Summaries from elsewhere on SQLite and PostgreSQL: each shared IPS example imported
//! (read by `phr::ips`, kept by `Archive::import_summary`) and exported again as the
//! person's Patient Summary keeps its allergies, problems, medicines, procedures and
//! immunisations, marked with where they came from; the import is audited; a summary
//! imported again changes nothing; a summary whose birth date is not the person's is
//! refused and nothing of it is stored.

use std::collections::BTreeSet;

use crate::common;

use archive::audit::Action;
use archive::demo::{self, ids};
use archive::hetu::Hetu;
use archive::inspect::{audit_trail, set_demo_note};
use archive::model::{CareSetting, MedicationSource, PatientSummary};
use archive::ArchiveError;
use common::TestArchive;
use serde_json::Value;
use time::macros::datetime;

const EXAMPLES: [&str; 3] = [
    "Bundle-bundle-ips-all-sections.json",
    "Bundle-bundle-no-info-required-sections.json",
    "bundle-minimal.json",
];

fn example(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../phr/tests/examples/ips")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).expect("JSON")
}

/// (system, code) of each entry of a section.
type Codes = BTreeSet<(String, String)>;

fn codes<'a>(entries: impl IntoIterator<Item = (&'a String, &'a String)>) -> Codes {
    entries
        .into_iter()
        .map(|(s, c)| (s.clone(), c.clone()))
        .collect()
}

/// What an IPS document holds, section by section, as codes.
fn sections(imported: &phr::ips::Imported) -> [Codes; 5] {
    let of = |list: &[phr::ips::ImportedEntry]| codes(list.iter().map(|e| (&e.system, &e.code)));
    [
        of(&imported.allergies),
        of(&imported.problems),
        codes(imported.medications.iter().map(|m| (&m.system, &m.code))),
        of(&imported.procedures),
        of(&imported.immunizations),
    ]
}

/// The person's Patient Summary written as an IPS document, checked, and read back.
fn exported(summary: &PatientSummary) -> phr::ips::Imported {
    let mut n = 0;
    let bundle = phr::ips::document(summary, datetime!(2026-11-29 10:00 UTC), || {
        n += 1;
        format!("urn:uuid:00000000-0000-4000-8000-{n:012}")
    })
    .expect("a document");
    let json: Value = serde_json::from_str(&phr::ips::to_json(bundle)).expect("JSON");
    assert_eq!(phr::ips::check(&json), Vec::<String>::new());
    phr::ips::read(&json).expect("readable")
}

async fn each_example_imported_then_exported_keeps_its_entries(t: &TestArchive) {
    for (i, name) in EXAMPLES.iter().enumerate() {
        let json = example(name);
        let read = phr::ips::read(&json).expect("an IPS document");
        let individual = 901 + u16::try_from(i).expect("few");
        let born = time::Date::parse(
            &read.patient.birth_date,
            time::macros::format_description!("[year]-[month]-[day]"),
        )
        .expect("a birth date");
        let hetu = Hetu::from_parts(born, individual).expect("a test identity code");
        let summary = phr::ips::foreign_summary(&read, Some(&hetu)).expect("mapped");
        let outcome = t.archive.import_summary(&summary).await.expect("imported");
        assert!(outcome.person_added && !outcome.already, "{name}");
        let person = outcome.person;
        set_demo_note(&t.archive, person, Some("imported"))
            .await
            .expect("note");

        let own = t.own(person).await;
        let ps = own.patient_summary().await.expect("the summary");
        let back = exported(&ps);
        assert_eq!(sections(&back), sections(&read), "{name}");
        assert!(
            !sections(&read)[1].is_empty() || name.contains("no-info"),
            "{name}"
        );
        // Marked with where it came from: the medicines say so on the medication list.
        let list = own.medication_list().await.expect("list");
        for m in list.groups.iter().flat_map(|g| &g.medicines) {
            assert!(
                matches!(
                    m.source,
                    MedicationSource::Recorded {
                        setting: CareSetting::Imported,
                        ..
                    }
                ),
                "{name}: {m:?}"
            );
            assert_eq!(m.organisation, read.source, "{name}");
        }
        assert_eq!(
            list.groups.iter().map(|g| g.medicines.len()).sum::<usize>(),
            read.medications.len(),
            "{name}"
        );

        // Audited: one event, by the archive's import, on the person's trail.
        let trail = audit_trail(&t.archive, person).await.expect("trail");
        let imports: Vec<_> = trail
            .iter()
            .filter(|r| r.action == Action::ImportSummary.code())
            .collect();
        assert_eq!(imports.len(), 1, "{name}");
        assert_eq!(imports[0].right, "import");

        // Again: nothing changes.
        let again = t.archive.import_summary(&summary).await.expect("again");
        assert!(again.already && again.person == person, "{name}");
        let after = t
            .own(person)
            .await
            .patient_summary()
            .await
            .expect("summary");
        assert_eq!(sections(&exported(&after)), sections(&read), "{name}");
        assert_eq!(after.allergies, ps.allergies);
        assert_eq!(after.medication, ps.medication);
    }
}
on_both!(
    imported_then_exported,
    each_example_imported_then_exported_keeps_its_entries
);

async fn a_summary_of_someone_else_is_refused_and_nothing_stored(t: &TestArchive) {
    demo::load_demo(&t.archive).await.expect("demo");
    let before = t
        .own(ids::ADULT)
        .await
        .patient_summary()
        .await
        .expect("summary");
    let read = phr::ips::read(&example(EXAMPLES[0])).expect("an IPS document");
    // The adult's identity code, whose birth date is not the summary's.
    let adult = t
        .archive
        .demo_identities()
        .await
        .expect("identities")
        .into_iter()
        .find(|(p, _)| *p == ids::ADULT)
        .map(|(_, h)| h)
        .expect("the adult");
    let summary = phr::ips::foreign_summary(&read, Some(&adult)).expect("mapped");
    match t.archive.import_summary(&summary).await {
        Err(ArchiveError::Invalid { field, code }) => {
            assert_eq!((field, code), ("birth-date", "not-the-person"));
        }
        other => panic!("not refused: {other:?}"),
    }
    let after = t
        .own(ids::ADULT)
        .await
        .patient_summary()
        .await
        .expect("summary");
    assert_eq!(
        (after.allergies, after.problems, after.medication),
        (before.allergies, before.problems, before.medication)
    );
    let trail = audit_trail(&t.archive, ids::ADULT).await.expect("trail");
    assert!(trail
        .iter()
        .all(|r| r.action != Action::ImportSummary.code()));
}
on_both!(
    someone_else_refused,
    a_summary_of_someone_else_is_refused_and_nothing_stored
);
