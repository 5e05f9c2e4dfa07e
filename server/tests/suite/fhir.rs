//! The FHIR interface over HTTP, with access tokens from a test identity provider
//! (signed with its key, published as its JWKS): every shared Kanta PHR example
//! imports, reads back and exports as the same JSON; refusals are OperationOutcomes
//! and change nothing; tokens are checked (signature, issuer, audience, expiry, scopes)
//! and the person's choices hold at once. The real provider (oidc-provider) issuing
//! such tokens is in the browser tests (`end2end/fhir.test.mjs`).

use std::net::SocketAddr;

use archive::demo::ids;
use archive::model::{Grantee, PersonId};
use archive::{Archive, Purpose};
use axum::response::{IntoResponse, Json};
use axum::routing::get;
use axum::Router;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{json, Value};

const KEY: &str = include_str!("fixtures/test-idp-key.pem");
const OTHER_KEY: &str = include_str!("fixtures/other-key.pem");
const JWKS: &str = include_str!("fixtures/test-idp-jwks.json");
const APP: &str = "painekirja";
const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../phr/tests/examples");

/// The examples' patients (the Observations' subjects, and the Patient example's
/// id), each made one demo person's (16 or over).
const PATIENTS: [(&str, PersonId); 5] = [
    ("25a53703-27f9-4354-8f1b-a8b2f8f3ee86", ids::ADULT),
    ("daf8ca40-b46c-4c6b-99d5-d3a1b77074ad", ids::SWEDISH),
    ("f1fa0b52-eccf-44af-96c7-84a3251bb22c", ids::GUARDIAN),
    ("bb13623e-2673-4b3e-85d6-5c42f5333cde", ids::ELDER),
    ("cafbe8e7-38fe-4807-b995-6770e5390365", ids::HEAVY_USER),
];

struct World {
    base: String,
    issuer: String,
    archive: Archive,
    client: reqwest::Client,
    _dir: tempfile::TempDir,
}

async fn world() -> World {
    let idp_listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let issuer = format!("http://{}", idp_listener.local_addr().expect("addr"));
    let app_listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let app_addr: SocketAddr = app_listener.local_addr().expect("addr");
    let dir = tempfile::tempdir().expect("dir");
    let mut config = server::Config::development(
        format!("sqlite://{}?mode=rwc", dir.path().join("app.db").display()),
        app_addr,
        dir.path().display().to_string(),
    );
    let archive = server::open_archive(&config).await.expect("archive");
    let meta = json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/authorize"),
        "token_endpoint": format!("{issuer}/token"),
        "jwks_uri": format!("{issuer}/jwks"),
        "id_token_signing_alg_values_supported": ["RS256"],
    });
    let router = Router::new()
        .route(
            "/.well-known/openid-configuration",
            get(move || async move { Json(meta) }),
        )
        .route(
            "/jwks",
            get(|| async { ([("content-type", "application/json")], JWKS).into_response() }),
        );
    tokio::spawn(async move {
        let _ = axum::serve(idp_listener, router).await;
    });
    config.oidc_issuer = Some(issuer.clone());
    config.oidc_client_id = "omakanta-test".into();
    config.oidc_client_secret = Some(server::config::Secret("secret".into()));
    let oidc = server::discover_oidc(&config).await.expect("discovery");
    let served = archive.clone();
    tokio::spawn(async move {
        let _ = server::run(app_listener, config, served, oidc).await;
    });
    World {
        base: format!("http://{app_addr}/fhir"),
        issuer,
        archive,
        client: reqwest::Client::new(),
        _dir: dir,
    }
}

/// What a token says, and how it is signed.
struct Token<'a> {
    person: PersonId,
    client: &'a str,
    scope: &'a str,
    audience: Option<&'a str>,
    expires_in: i64,
    key: &'a str,
}

impl Token<'_> {
    fn of(person: PersonId) -> Self {
        Token {
            person,
            client: APP,
            scope: "openid patient/Observation.rs patient/Observation.cud patient/Patient.rs \
                    patient/Patient.cu",
            audience: None,
            expires_in: 300,
            key: KEY,
        }
    }
}

impl World {
    async fn hetu(&self, person: PersonId) -> String {
        archive::inspect::hetu_of(&self.archive, person)
            .await
            .expect("hetu")
            .as_str()
            .to_owned()
    }

    async fn token(&self, t: Token<'_>) -> String {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let claims = json!({
            "iss": self.issuer,
            "aud": t.audience.map_or_else(|| self.base.clone(), str::to_owned),
            "sub": "app-user",
            "client_id": t.client,
            "scope": t.scope,
            "iat": now,
            "exp": now + t.expires_in,
            "hetu": self.hetu(t.person).await,
        });
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some("test-key".into());
        jsonwebtoken::encode(
            &header,
            &claims,
            &EncodingKey::from_rsa_pem(t.key.as_bytes()).expect("key"),
        )
        .expect("sign")
    }

    /// The person lets the app read and write, or withdraws (`None`).
    async fn allow(&self, person: PersonId, permission: Option<archive::model::Permission>) {
        let actor = self.archive.demo_actor(person).await.expect("actor");
        let own = self
            .archive
            .access(&actor, person, Purpose::CitizenService)
            .await
            .expect("own");
        let app = own
            .wellbeing_sharing()
            .await
            .expect("sharing")
            .apps
            .into_iter()
            .find(|a| a.client_id == APP)
            .expect("app")
            .id;
        own.share_wellbeing(Grantee::App(app), permission)
            .await
            .expect("share");
    }

    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<String>,
        headers: &[(&str, &str)],
    ) -> (u16, reqwest::header::HeaderMap, Value) {
        let mut request = self.client.request(method, format!("{}{path}", self.base));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request
                .header("content-type", "application/fhir+json")
                .body(body);
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.expect("send");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await.expect("body");
        let json = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("JSON: {text}"))
        };
        (status, headers, json)
    }

    /// How many Observations the person has, by the archive's own count.
    async fn count(&self, person: PersonId) -> usize {
        let actor = self.archive.demo_actor(person).await.expect("actor");
        let own = self
            .archive
            .access(&actor, person, Purpose::CitizenService)
            .await
            .expect("own");
        own.wellbeing()
            .await
            .expect("overview")
            .measures
            .iter()
            .map(|m| usize::try_from(m.count).expect("count"))
            .sum()
    }
}

fn examples() -> Vec<(String, Value)> {
    let mut files: Vec<(String, Value)> = std::fs::read_dir(EXAMPLES)
        .expect("examples")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read");
            (
                p.file_name().expect("name").to_string_lossy().into_owned(),
                serde_json::from_str(&text).expect("json"),
            )
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

/// What the service gives a resource (its id, version and time), taken away.
fn as_sent(mut resource: Value) -> Value {
    if let Some(object) = resource.as_object_mut() {
        object.remove("id");
        if let Some(meta) = object.get_mut("meta").and_then(Value::as_object_mut) {
            meta.remove("versionId");
            meta.remove("lastUpdated");
        }
    }
    resource
}

fn issue_code(outcome: &Value) -> &str {
    assert_eq!(outcome["resourceType"], "OperationOutcome", "{outcome}");
    outcome["issue"][0]["code"].as_str().expect("code")
}

/// An `If-Match` that names no version — not a number, unquoted, or bytes that are
/// not text — is refused as malformed (400), by the Observation and the Patient
/// alike, and changes nothing (the caller's next writes name the version it had).
async fn assert_unreadable_if_match_refused(w: &World, path: &str, token: &str, body: &str) {
    for tag in ["W/\"one\"", "1", "W/\"\u{e4}\""] {
        let (status, _, outcome) = w
            .send(
                reqwest::Method::PUT,
                path,
                Some(token),
                Some(body.to_owned()),
                &[("if-match", tag)],
            )
            .await;
        assert_eq!((status, issue_code(&outcome)), (400, "invalid"), "{tag}");
    }
}

#[tokio::test]
async fn every_shared_example_imports_reads_back_and_exports_as_it_was() {
    let w = world().await;
    for (patient, person) in PATIENTS {
        archive::inspect::set_wellbeing_patient(&w.archive, person, patient)
            .await
            .expect("patient");
        w.allow(person, Some(archive::model::Permission::ReadWrite))
            .await;
    }
    let mut imported = 0;
    for (name, example) in examples() {
        if example["resourceType"] == "Patient" {
            patient_round_trip(&w, &name, &example).await;
            imported += 1;
            continue;
        }
        let patient = example["subject"]["reference"]
            .as_str()
            .and_then(|r| r.strip_prefix("Patient/"))
            .expect("subject");
        let person = PATIENTS
            .iter()
            .find(|(p, _)| *p == patient)
            .expect("a person for each patient")
            .1;
        let token = w.token(Token::of(person)).await;
        let (status, headers, created) = w
            .send(
                reqwest::Method::POST,
                "/Observation",
                Some(&token),
                Some(example.to_string()),
                &[],
            )
            .await;
        assert_eq!(status, 201, "{name}: {created}");
        assert_eq!(headers["etag"], "W/\"1\"");
        let id = created["id"].as_str().expect("id").to_owned();
        assert!(headers["location"]
            .to_str()
            .expect("location")
            .ends_with(&format!("/Observation/{id}/_history/1")));
        let (status, headers, read) = w
            .send(
                reqwest::Method::GET,
                &format!("/Observation/{id}"),
                Some(&token),
                None,
                &[],
            )
            .await;
        assert_eq!(status, 200, "{name}");
        assert_eq!(headers["etag"], "W/\"1\"");
        assert_eq!(read["meta"]["versionId"], "1");
        // Exported as it was sent (compared as JSON), but for what the service gives it.
        assert_eq!(as_sent(read.clone()), as_sent(example.clone()), "{name}");
        // And found by its code.
        let code = example["code"]["coding"][0]["code"].as_str().expect("code");
        let (status, _, bundle) = w
            .send(
                reqwest::Method::GET,
                &format!("/Observation?code=http://loinc.org%7C{code}&patient=Patient/{patient}"),
                Some(&token),
                None,
                &[],
            )
            .await;
        assert_eq!(status, 200);
        assert_eq!(bundle["type"], "searchset");
        assert!(
            bundle["entry"]
                .as_array()
                .expect("entries")
                .iter()
                .any(|e| e["resource"] == read),
            "{name}"
        );
        imported += 1;
    }
    assert_eq!(imported, 9);
}

/// The Patient example written at its id (the person's patient id), read back, found,
/// and replaced only by a write that names its version.
async fn patient_round_trip(w: &World, name: &str, example: &Value) {
    let id = example["id"].as_str().expect("id");
    let person = PATIENTS
        .iter()
        .find(|(p, _)| *p == id)
        .expect("a person for the patient")
        .1;
    let token = w.token(Token::of(person)).await;
    let path = format!("/Patient/{id}");
    let (status, _, outcome) = w
        .send(reqwest::Method::GET, &path, Some(&token), None, &[])
        .await;
    assert_eq!(
        (status, issue_code(&outcome)),
        (404, "not-found"),
        "none yet"
    );
    let (status, headers, created) = w
        .send(
            reqwest::Method::PUT,
            &path,
            Some(&token),
            Some(example.to_string()),
            &[],
        )
        .await;
    assert_eq!(status, 201, "{name}: {created}");
    assert_eq!(headers["etag"], "W/\"1\"");
    assert!(headers["location"]
        .to_str()
        .expect("location")
        .ends_with(&format!("/Patient/{id}/_history/1")));
    let (status, _, read) = w
        .send(reqwest::Method::GET, &path, Some(&token), None, &[])
        .await;
    assert_eq!(status, 200);
    assert_eq!(read, created);
    assert_eq!(read["id"], id);
    assert_eq!(as_sent(read.clone()), as_sent(example.clone()), "{name}");
    for query in ["/Patient", &format!("/Patient?_id={id}")] {
        let (status, _, bundle) = w
            .send(reqwest::Method::GET, query, Some(&token), None, &[])
            .await;
        assert_eq!(status, 200);
        assert_eq!(bundle["entry"][0]["resource"], read, "{query}");
        assert!(bundle["entry"][0]["fullUrl"]
            .as_str()
            .expect("fullUrl")
            .ends_with(&path));
    }
    // Replaced only by a write naming its version; nothing changed otherwise.
    let renamed = example.to_string().replace("\"Test\"", "\"Testi\"");
    let (status, _, outcome) = w
        .send(
            reqwest::Method::PUT,
            &path,
            Some(&token),
            Some(renamed.clone()),
            &[],
        )
        .await;
    assert_eq!((status, issue_code(&outcome)), (428, "conflict"));
    assert_unreadable_if_match_refused(w, &path, &token, &renamed).await;
    let (status, _, outcome) = w
        .send(
            reqwest::Method::PUT,
            &path,
            Some(&token),
            Some(renamed.clone()),
            &[("if-match", "W/\"7\"")],
        )
        .await;
    assert_eq!((status, issue_code(&outcome)), (412, "conflict"));
    let (status, headers, updated) = w
        .send(
            reqwest::Method::PUT,
            &path,
            Some(&token),
            Some(renamed),
            &[("if-match", "W/\"1\"")],
        )
        .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(headers["etag"], "W/\"2\"");
    assert_eq!(updated["name"][0]["given"][0], "Testi");
    // Another id, another type in the body, the id not the address's: nothing written.
    for (path, body, expected) in [
        (
            "/Patient/someone-else".to_owned(),
            json!({"resourceType": "Patient"}),
            (404, "not-found"),
        ),
        (
            path.clone(),
            json!({"resourceType": "Observation", "status": "final", "code": {}}),
            (400, "invalid"),
        ),
        (
            path.clone(),
            json!({"resourceType": "Patient", "id": "someone-else"}),
            (400, "invalid"),
        ),
    ] {
        let (status, _, outcome) = w
            .send(
                reqwest::Method::PUT,
                &path,
                Some(&token),
                Some(body.to_string()),
                &[("if-match", "W/\"2\"")],
            )
            .await;
        assert_eq!((status, issue_code(&outcome)), expected, "{body}");
    }
    let (_, headers, _) = w
        .send(reqwest::Method::GET, &path, Some(&token), None, &[])
        .await;
    assert_eq!(headers["etag"], "W/\"2\"", "unchanged");
    // Observation scopes alone do not reach it.
    let observations_only = w
        .token(Token {
            scope: "patient/Observation.rs patient/Observation.cud",
            ..Token::of(person)
        })
        .await;
    let (status, headers, _) = w
        .send(
            reqwest::Method::GET,
            &path,
            Some(&observations_only),
            None,
            &[],
        )
        .await;
    assert_eq!(status, 403);
    assert!(headers["www-authenticate"]
        .to_str()
        .expect("header")
        .contains("insufficient_scope"));
}

#[tokio::test]
async fn refusals_are_operation_outcomes_and_change_nothing() {
    let w = world().await;
    let mikko = ids::HEAVY_USER;
    let (patient, weight) = {
        let actor = w.archive.demo_actor(mikko).await.expect("actor");
        let own = w
            .archive
            .access(&actor, mikko, Purpose::CitizenService)
            .await
            .expect("own");
        let patient = own.wellbeing_patient().await.expect("patient");
        // As written, so that the cases below can change it by its text.
        let weight = std::fs::read_to_string(format!(
            "{EXAMPLES}/Observation-example-BodyWeight-min.json"
        ))
        .expect("example")
        .replace("25a53703-27f9-4354-8f1b-a8b2f8f3ee86", &patient);
        (patient, weight)
    };
    let token = w.token(Token::of(mikko)).await;
    let before = w.count(mikko).await;
    let edit = |from: &str, to: &str| {
        assert!(weight.contains(from), "{from}");
        weight.replacen(from, to, 1)
    };
    let future = (time::OffsetDateTime::now_utc() + time::Duration::days(2))
        .date()
        .to_string();
    let cases: Vec<(&str, String, u16, &str, Option<&str>)> = vec![
        (
            "wrong unit",
            edit("\"code\": \"kg\"", "\"code\": \"[lb_av]\""),
            422,
            "business-rule",
            Some("Observation.valueQuantity"),
        ),
        (
            "missing code",
            edit("\"code\": \"29463-7\",", ""),
            422,
            "business-rule",
            Some("Observation.code"),
        ),
        (
            "wrong subject",
            weight.replace(&format!("Patient/{patient}"), "Patient/someone-else"),
            422,
            "business-rule",
            Some("Observation.subject"),
        ),
        (
            "bad date",
            edit("2017-11-20T11:46:00+02:00", "20.11.2017"),
            422,
            "business-rule",
            Some("Observation.effective[x]"),
        ),
        (
            "future time",
            edit(
                "2017-11-20T11:46:00+02:00",
                &format!("{future}T08:00:00+02:00"),
            ),
            422,
            "business-rule",
            Some("Observation.effective[x]"),
        ),
        (
            "unknown resource type",
            edit(
                "\"resourceType\": \"Observation\"",
                "\"resourceType\": \"Spaceship\"",
            ),
            400,
            "invalid",
            None,
        ),
        (
            "not final",
            edit("\"status\": \"final\"", "\"status\": \"preliminary\""),
            422,
            "business-rule",
            Some("Observation.status"),
        ),
        (
            "no profile",
            edit(
                "http://phr.kanta.fi/StructureDefinition/fiphr-sd-bodyweight",
                "http://example.org/other",
            ),
            422,
            "business-rule",
            Some("Observation.meta.profile"),
        ),
    ];
    for (what, body, status, code, expression) in cases {
        let (got, _, outcome) = w
            .send(
                reqwest::Method::POST,
                "/Observation",
                Some(&token),
                Some(body),
                &[],
            )
            .await;
        assert_eq!(
            (got, issue_code(&outcome)),
            (status, code),
            "{what}: {outcome}"
        );
        if let Some(expression) = expression {
            assert_eq!(outcome["issue"][0]["expression"][0], expression, "{what}");
        }
    }
    // Ten megabytes.
    let huge = format!(
        "{{\"resourceType\":\"Observation\",\"note\":[{{\"text\":\"{}\"}}]}}",
        "x".repeat(10 * 1024 * 1024)
    );
    let (status, _, outcome) = w
        .send(
            reqwest::Method::POST,
            "/Observation",
            Some(&token),
            Some(huge),
            &[],
        )
        .await;
    assert_eq!((status, issue_code(&outcome)), (413, "too-long"));
    // Another resource type's address; not JSON.
    let (status, _, outcome) = w
        .send(
            reqwest::Method::GET,
            "/Encounter/x",
            Some(&token),
            None,
            &[],
        )
        .await;
    assert_eq!((status, issue_code(&outcome)), (404, "not-supported"));
    let response = w
        .client
        .post(format!("{}/Observation", w.base))
        .bearer_auth(&token)
        .header("content-type", "application/xml")
        .body("<Observation/>")
        .send()
        .await
        .expect("send");
    assert_eq!(response.status().as_u16(), 415);
    // A batch with one bad resource: none of it stored.
    let entry = |resource: &str| json!({"resource": serde_json::from_str::<Value>(resource).expect("json"), "request": {"method": "POST", "url": "Observation"}});
    let batch = json!({
        "resourceType": "Bundle",
        "type": "batch",
        "entry": [entry(&weight), entry(&edit("\"code\": \"kg\"", "\"code\": \"g\""))],
    });
    let (status, _, outcome) = w
        .send(
            reqwest::Method::POST,
            "",
            Some(&token),
            Some(batch.to_string()),
            &[],
        )
        .await;
    assert_eq!((status, issue_code(&outcome)), (422, "business-rule"));
    assert_eq!(
        outcome["issue"][0]["expression"][0],
        "Bundle.entry[1].resource.valueQuantity"
    );
    assert_eq!(w.count(mikko).await, before, "nothing stored");

    // The same batch, good: both stored in one go, answered in order.
    let batch = json!({"resourceType": "Bundle", "type": "batch", "entry": [entry(&weight), entry(&weight)]});
    let (status, _, answer) = w
        .send(
            reqwest::Method::POST,
            "",
            Some(&token),
            Some(batch.to_string()),
            &[],
        )
        .await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["type"], "batch-response");
    assert_eq!(answer["entry"][1]["response"]["status"], "201 Created");
    assert_eq!(w.count(mikko).await, before + 2);
}

#[tokio::test]
async fn created_once_by_identifier_updated_by_version_and_deleted() {
    let w = world().await;
    let aino = ids::ADULT;
    archive::inspect::set_wellbeing_patient(&w.archive, aino, PATIENTS[0].0)
        .await
        .expect("patient");
    w.allow(aino, Some(archive::model::Permission::ReadWrite))
        .await;
    let token = w.token(Token::of(aino)).await;
    let weight = examples()
        .into_iter()
        .find(|(n, _)| n == "Observation-example-BodyWeight-max.json")
        .expect("example")
        .1;
    let identifier = weight["identifier"][0]["value"]
        .as_str()
        .expect("identifier");
    let condition = format!("identifier=urn:ietf:rfc:3986%7C{identifier}");
    let conditional = [("if-none-exist", condition.as_str())];
    // An app's page elsewhere may call it: the same-origin rule for forms does not
    // apply to the interface (its bearer token is the proof).
    let (status, _, first) = w
        .send(
            reqwest::Method::POST,
            "/Observation",
            Some(&token),
            Some(weight.to_string()),
            &[conditional[0], ("origin", "https://painekirja.example")],
        )
        .await;
    assert_eq!(status, 201);
    // Repeated after a lost answer: the one stored, 200.
    let (status, _, again) = w
        .send(
            reqwest::Method::POST,
            "/Observation",
            Some(&token),
            Some(weight.to_string()),
            &conditional,
        )
        .await;
    assert_eq!((status, &again), (200, &first));
    // A second without the condition; then the condition matches two: 412.
    let (status, _, _) = w
        .send(
            reqwest::Method::POST,
            "/Observation",
            Some(&token),
            Some(weight.to_string()),
            &[],
        )
        .await;
    assert_eq!(status, 201);
    let (status, _, outcome) = w
        .send(
            reqwest::Method::POST,
            "/Observation",
            Some(&token),
            Some(weight.to_string()),
            &conditional,
        )
        .await;
    assert_eq!((status, issue_code(&outcome)), (412, "multiple-matches"));

    let id = first["id"].as_str().expect("id");
    let path = format!("/Observation/{id}");
    let mut changed = first.clone();
    changed["valueQuantity"]["value"] = json!(94.5);
    let (status, _, outcome) = w
        .send(
            reqwest::Method::PUT,
            &path,
            Some(&token),
            Some(changed.to_string()),
            &[],
        )
        .await;
    assert_eq!(
        (status, issue_code(&outcome)),
        (428, "conflict"),
        "If-Match required"
    );
    assert_unreadable_if_match_refused(&w, &path, &token, &changed.to_string()).await;
    let (status, headers, updated) = w
        .send(
            reqwest::Method::PUT,
            &path,
            Some(&token),
            Some(changed.to_string()),
            &[("if-match", "W/\"1\"")],
        )
        .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(headers["etag"], "W/\"2\"");
    assert_eq!(updated["valueQuantity"]["value"], json!(94.5));
    let (status, _, outcome) = w
        .send(
            reqwest::Method::PUT,
            &path,
            Some(&token),
            Some(changed.to_string()),
            &[("if-match", "W/\"1\"")],
        )
        .await;
    assert_eq!((status, issue_code(&outcome)), (412, "conflict"), "stale");
    let (status, _, _) = w
        .send(reqwest::Method::DELETE, &path, Some(&token), None, &[])
        .await;
    assert_eq!(status, 204);
    let (status, _, outcome) = w
        .send(reqwest::Method::GET, &path, Some(&token), None, &[])
        .await;
    assert_eq!((status, issue_code(&outcome)), (404, "not-found"));

    // Search by date: the examples are of November 2017.
    let (_, _, in_range) = w
        .send(
            reqwest::Method::GET,
            "/Observation?date=ge2017-11-01&date=lt2017-12-01",
            Some(&token),
            None,
            &[],
        )
        .await;
    assert_eq!(
        in_range["total"],
        1,
        "{}",
        in_range["entry"]
            .as_array()
            .map(|e| e
                .iter()
                .map(|x| x["resource"]["effectiveDateTime"].to_string())
                .collect::<Vec<_>>()
                .join(" "))
            .unwrap_or_default()
    );
    let (_, _, out_of_range) = w
        .send(
            reqwest::Method::GET,
            "/Observation?date=lt2017-11-01&code=29463-7",
            Some(&token),
            None,
            &[],
        )
        .await;
    assert_eq!(out_of_range["total"], 0);
    let (status, _, outcome) = w
        .send(
            reqwest::Method::GET,
            "/Observation?colour=blue",
            Some(&token),
            None,
            &[],
        )
        .await;
    assert_eq!((status, issue_code(&outcome)), (400, "not-supported"));
}

#[tokio::test]
async fn tokens_scopes_and_the_persons_choices_are_checked() {
    let w = world().await;
    let mikko = ids::HEAVY_USER;
    let search = "/Observation?_count=5";
    let get = |token: Option<String>| {
        let w = &w;
        async move {
            w.send(reqwest::Method::GET, search, token.as_deref(), None, &[])
                .await
        }
    };
    // Mikko's demo choice: Painekirja reads and writes.
    let (status, _, bundle) = get(Some(w.token(Token::of(mikko)).await)).await;
    assert_eq!(
        (status, bundle["entry"].as_array().map(Vec::len)),
        (200, Some(5))
    );

    let (status, headers, outcome) = get(None).await;
    assert_eq!((status, issue_code(&outcome)), (401, "login"));
    assert!(headers["www-authenticate"]
        .to_str()
        .expect("header")
        .starts_with("Bearer"));
    let refused_tokens = [
        (
            "expired",
            Token {
                expires_in: -3600,
                ..Token::of(mikko)
            },
        ),
        (
            "another audience",
            Token {
                audience: Some("https://elsewhere.example/fhir"),
                ..Token::of(mikko)
            },
        ),
        (
            "another key",
            Token {
                key: OTHER_KEY,
                ..Token::of(mikko)
            },
        ),
    ];
    for (what, token) in refused_tokens {
        let (status, headers, outcome) = get(Some(w.token(token).await)).await;
        assert_eq!((status, issue_code(&outcome)), (401, "login"), "{what}");
        assert!(headers["www-authenticate"]
            .to_str()
            .expect("header")
            .contains("invalid_token"));
    }
    let (status, _, _) = get(Some("not-a-jwt".into())).await;
    assert_eq!(status, 401);
    // A browser session does not reach it: its cookie is not read.
    let response = w
        .client
        .get(format!("{}{search}", w.base))
        .header("cookie", "omakanta_session=anything")
        .send()
        .await
        .expect("send");
    assert_eq!(response.status().as_u16(), 401);

    // Read scopes only: reads, not writes.
    let reader = w
        .token(Token {
            scope: "patient/Observation.read",
            ..Token::of(mikko)
        })
        .await;
    assert_eq!(get(Some(reader.clone())).await.0, 200);
    let (status, headers, outcome) = w
        .send(
            reqwest::Method::DELETE,
            "/Observation/anything",
            Some(&reader),
            None,
            &[],
        )
        .await;
    assert_eq!((status, issue_code(&outcome)), (403, "forbidden"));
    assert!(headers["www-authenticate"]
        .to_str()
        .expect("header")
        .contains("insufficient_scope"));
    // No Observation scope at all; an app not in the register; someone who never
    // allowed the app; a 15-year-old.
    let nothing = w
        .token(Token {
            scope: "openid profile",
            ..Token::of(mikko)
        })
        .await;
    assert_eq!(get(Some(nothing)).await.0, 403);
    let stranger = w
        .token(Token {
            client: "unknown-app",
            ..Token::of(mikko)
        })
        .await;
    assert_eq!(get(Some(stranger)).await.0, 403);
    let (status, _, outcome) = get(Some(w.token(Token::of(ids::ADULT)).await)).await;
    assert_eq!((status, issue_code(&outcome)), (403, "forbidden"));
    assert_eq!(get(Some(w.token(Token::of(ids::TEEN)).await)).await.0, 403);

    // Withdrawn: the same token is refused at once.
    let token = w.token(Token::of(mikko)).await;
    w.allow(mikko, None).await;
    assert_eq!(get(Some(token)).await.0, 403);

    // What is asked of the interface needs no token.
    let (status, _, statement) = w
        .send(reqwest::Method::GET, "/metadata", None, None, &[])
        .await;
    assert_eq!(status, 200);
    assert_eq!(statement["resourceType"], "CapabilityStatement");
    assert_eq!(statement["fhirVersion"], "4.0.1");
    assert_eq!(statement["rest"][0]["resource"][0]["type"], "Observation");
    assert_eq!(statement["rest"][0]["resource"][1]["type"], "Patient");
    assert_eq!(statement["rest"][0]["resource"][1]["updateCreate"], true);
    assert_eq!(
        statement["rest"][0]["resource"][0]["conditionalCreate"],
        true
    );
    let smart: Value = serde_json::from_str(
        &w.client
            .get(w.base.replace("/fhir", "/.well-known/smart-configuration"))
            .send()
            .await
            .expect("send")
            .text()
            .await
            .expect("text"),
    )
    .expect("json");
    assert_eq!(smart["issuer"], w.issuer);
    let scopes = smart["scopes_supported"].to_string();
    for scope in [
        "patient/Observation.read",
        "patient/Observation.write",
        "patient/Observation.rs",
        "patient/Observation.cud",
        "patient/Patient.read",
        "patient/Patient.cu",
    ] {
        assert!(scopes.contains(scope), "{scope}");
    }
}
