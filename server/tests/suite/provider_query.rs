//! `omakanta provider-query`: its arguments, the identity code from standard input,
//! and the answer as JSON, as a care organisation's system would call it.

use crate::common::spawn_app;

use archive::demo::ids;
use server::provider_query::{parse, run, QueryError};

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

const HUS: &str = "1.2.246.10.1234567.10.2";

#[tokio::test]
async fn an_organisation_asks_and_is_answered_in_json() {
    let app = spawn_app().await;
    let hetu = archive::inspect::hetu_of(&app.archive, ids::ADULT)
        .await
        .expect("hetu");
    let query = args(&[
        "--organisation",
        HUS,
        "--unit",
        "201",
        "--role",
        "physician",
        "--purpose",
        "treatment",
        "--asks",
        "documents",
        "--from",
        "2020-01-01",
    ]);
    let mut out = Vec::new();
    run(
        &app.archive,
        &query,
        &mut format!("{}\n", hetu.as_str()).as_bytes(),
        &mut out,
    )
    .await
    .expect("answered");
    let answer: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    let documents = answer["documents"].as_array().expect("documents");
    assert!(!documents.is_empty());
    assert!(documents[0]["title"].is_string() && documents[0]["organisation"].is_string());
    assert_eq!(answer["withheld"], 0);
    let text = String::from_utf8(out).expect("UTF-8");
    assert!(
        !text.contains(hetu.as_str()),
        "the answer does not repeat the code"
    );

    // A pharmacy may not ask for documents: refused, and said so.
    let pharmacy = args(&[
        "--organisation",
        "1.2.246.10.1234567.10.8",
        "--role",
        "pharmacist",
        "--purpose",
        "dispensing",
        "--asks",
        "documents",
    ]);
    let refused = run(
        &app.archive,
        &pharmacy,
        &mut format!("{}\n", hetu.as_str()).as_bytes(),
        &mut Vec::new(),
    )
    .await;
    assert!(matches!(
        refused,
        Err(QueryError::Archive(archive::ArchiveError::Blocked(
            "role-not-allowed"
        )))
    ));

    // A code that is not valid is refused without repeating it.
    let bad = run(
        &app.archive,
        &query,
        &mut "131052-308X\n".as_bytes(),
        &mut Vec::new(),
    )
    .await;
    let Err(e) = bad else { panic!("accepted") };
    assert!(matches!(e, QueryError::Hetu));
    assert!(!e.to_string().contains("131052"));
}

#[test]
fn wrong_arguments_are_named() {
    let base = [
        "--organisation",
        HUS,
        "--role",
        "nurse",
        "--purpose",
        "treatment",
        "--asks",
        "prescriptions",
    ];
    assert!(parse(&args(&base)).is_ok());
    for (wrong, says) in [
        (vec!["--role", "surgeon"], "--role"),
        (vec!["--from", "1.1.2020"], "--from"),
        (vec!["--unit", "x"], "--unit"),
        (vec!["--hetu", "x"], "unknown"),
        (vec!["--role", "nurse"], "twice"),
        (vec!["--from"], "without its value"),
    ] {
        let mut list = base.to_vec();
        list.extend(wrong.iter());
        let Err(QueryError::Usage(text)) = parse(&args(&list)) else {
            panic!("{wrong:?} accepted");
        };
        assert!(text.contains(says), "{text}");
    }
    let Err(QueryError::Usage(text)) = parse(&args(&base[2..])) else {
        panic!("accepted without an organisation");
    };
    assert!(text.contains("--organisation is missing"));
}
