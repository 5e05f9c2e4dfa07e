//! `omakanta import-fhir`, as an operator runs it beside the running service: the
//! shared IPS example kept as a person's data shows on their Patient Summary page and
//! medication list, marked with where it came from, and their downloaded summary keeps
//! its allergies, problems and medicines; imported again it changes nothing; a file
//! refused stores nothing; the report names resources and fields, never a value.

use std::path::PathBuf;
use std::process::{Command, Output};

use archive::hetu::Hetu;
use archive::inspect::{person_by_hetu, set_demo_note};
use time::macros::date;

use crate::common::spawn_app;

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../phr/tests/examples/ips")
        .join(name)
}

fn import(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_omakanta"))
        .arg("import-fhir")
        .args(args)
        .env("OMAKANTA_ENV", "development")
        .env(
            "OMAKANTA_DATABASE_URL",
            format!("sqlite://{}?mode=rwc", dir.join("app.db").display()),
        )
        .env("RUST_LOG", "error")
        .output()
        .expect("the command runs")
}

/// (system, code) of allergies, problems and medicines.
fn held(i: &phr::ips::Imported) -> [Vec<(String, String)>; 3] {
    let of = |v: Vec<(String, String)>| {
        let mut v = v;
        v.sort();
        v.dedup();
        v
    };
    [
        of(i.allergies
            .iter()
            .map(|e| (e.system.clone(), e.code.clone()))
            .collect()),
        of(i.problems
            .iter()
            .map(|e| (e.system.clone(), e.code.clone()))
            .collect()),
        of(i.medications
            .iter()
            .map(|m| (m.system.clone(), m.code.clone()))
            .collect()),
    ]
}

#[tokio::test]
async fn an_imported_summary_shows_marked_and_exports_again() {
    let app = spawn_app().await;
    let file = example("Bundle-bundle-ips-all-sections.json");
    let file = file.to_str().expect("a path");
    // The example's patient is born on 30 September 1956.
    let hetu = Hetu::from_parts(date!(1956 - 09 - 30), 951).expect("a test identity code");

    let first = import(app.dir.path(), &["--person", hetu.as_str(), file]);
    let report = String::from_utf8_lossy(&first.stdout).into_owned();
    assert!(first.status.success(), "{report}");
    assert!(
        report.contains("imported 12 entries and 3 medicines (the person was added)"),
        "{report}"
    );
    // What the archive does not hold is named by resource and field.
    assert!(
        report.contains("Composition.section (Vital Signs)"),
        "{report}"
    );
    for value in ["JORDANA", "Patricia", "1956", hetu.as_str(), "Penicillin"] {
        assert!(
            !report.contains(value),
            "the report shows a value: {report}"
        );
    }

    let person = person_by_hetu(&app.archive, &hetu)
        .await
        .expect("lookup")
        .expect("the person was added");
    set_demo_note(&app.archive, person, Some("imported"))
        .await
        .expect("note");
    let cookie = app.sign_in(&person.get().to_string()).await;

    let page = app
        .get("/abroad/summary", Some(&cookie))
        .await
        .text()
        .await
        .expect("page");
    for entry in [
        "Penicillin",
        "Essential hypertension",
        "Total hip replacement",
    ] {
        assert!(page.contains(entry), "{entry} not on the summary page");
    }
    let list = app
        .get("/medication-list", Some(&cookie))
        .await
        .text()
        .await
        .expect("list");
    assert!(
        list.contains("Muualta tuodussa potilasyhteenvedossa: NorthCare Pukete Road-Thomas Road"),
        "the medicines are not marked with where they came from"
    );

    let json: serde_json::Value = serde_json::from_str(
        &app.get("/abroad/summary.json", Some(&cookie))
            .await
            .text()
            .await
            .expect("the summary"),
    )
    .expect("the summary as JSON");
    let exported = phr::ips::read(&json).expect("a readable IPS document");
    let original: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).expect("example")).expect("JSON");
    let original = phr::ips::read(&original).expect("the example");
    assert_eq!(held(&exported), held(&original));
    assert!(held(&original).iter().all(|codes| !codes.is_empty()));

    let again = import(app.dir.path(), &["--person", hetu.as_str(), file]);
    let report = String::from_utf8_lossy(&again.stdout).into_owned();
    assert!(again.status.success(), "{report}");
    assert!(
        report.contains("imported before; nothing changed"),
        "{report}"
    );
}

#[tokio::test]
async fn a_refused_file_stores_nothing_and_says_why() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().expect("temp dir");
    // The minimal example with its one Condition's coding taken away.
    let mut json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(example("bundle-minimal.json")).expect("example"),
    )
    .expect("JSON");
    for entry in json["entry"].as_array_mut().expect("entries") {
        if entry["resource"]["resourceType"] == "Condition" {
            entry["resource"]["code"] = serde_json::json!({ "text": "something" });
        }
    }
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, json.to_string()).expect("write");
    let hetu = Hetu::from_parts(date!(1972 - 05 - 01), 952).expect("a test identity code");

    let out = import(
        app.dir.path(),
        &["--person", hetu.as_str(), broken.to_str().expect("path")],
    );
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(!out.status.success(), "{report}");
    assert!(
        report.contains("refused; nothing of it was stored"),
        "{report}"
    );
    assert!(
        report.contains("Condition.code: no coding with a system and a code"),
        "{report}"
    );
    assert_eq!(
        person_by_hetu(&app.archive, &hetu).await.expect("lookup"),
        None
    );

    // Without a Finnish identity code in the summary, the person must be given.
    let out = import(
        app.dir.path(),
        &[example("bundle-minimal.json").to_str().expect("path")],
    );
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(!out.status.success(), "{report}");
    assert!(
        report.contains("Patient.identifier: no Finnish personal identity code"),
        "{report}"
    );

    // A birth date that is not the person's: someone else's summary.
    let other = Hetu::from_parts(date!(1972 - 05 - 02), 953).expect("a test identity code");
    let out = import(
        app.dir.path(),
        &[
            "--person",
            other.as_str(),
            example("bundle-minimal.json").to_str().expect("path"),
        ],
    );
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(!out.status.success(), "{report}");
    assert!(
        report.contains("Patient.birthDate: not the birth date"),
        "{report}"
    );
    assert_eq!(
        person_by_hetu(&app.archive, &other).await.expect("lookup"),
        None
    );
}
