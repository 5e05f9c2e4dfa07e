//! Sign-in against a fake identity provider that can misbehave on purpose. The happy
//! path is tested against a real provider (oidc-provider) in the browser tests; here
//! each way a sign-in must fail is shown to end at the sign-in page with nobody
//! signed in.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Json, Response};
use axum::routing::{get, post};
use axum::Router;
use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::redirect::Policy;
use serde_json::json;
use sha2::{Digest, Sha256};

const KEY: &str = include_str!("fixtures/test-idp-key.pem");
const OTHER_KEY: &str = include_str!("fixtures/other-key.pem");
const JWKS: &str = include_str!("fixtures/test-idp-jwks.json");
const CLIENT: &str = "omakanta-test";

/// How the fake provider misbehaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fault {
    None,
    WrongNonce,
    WrongIssuer,
    WrongAudience,
    AlgNone,
    Hs256,
    Expired,
    OtherKey,
    NoHetu,
    /// The provider registered another redirect URI than the one the app uses.
    RegisteredRedirectDiffers,
}

#[derive(Default)]
struct Codes {
    /// code -> (PKCE challenge, nonce, redirect URI at authorization); removed when used.
    issued: HashMap<String, (String, String, String)>,
}

#[derive(Clone)]
struct Idp {
    base: String,
    fault: Arc<Mutex<Fault>>,
    codes: Arc<Mutex<Codes>>,
    hetu: String,
}

async fn metadata(State(idp): State<Idp>) -> Json<serde_json::Value> {
    Json(json!({
        "issuer": idp.base,
        "authorization_endpoint": format!("{}/authorize", idp.base),
        "token_endpoint": format!("{}/token", idp.base),
        "jwks_uri": format!("{}/jwks", idp.base),
        "id_token_signing_alg_values_supported": ["RS256"],
        "code_challenge_methods_supported": ["S256"],
    }))
}

async fn jwks() -> Response {
    ([("content-type", "application/json")], JWKS).into_response()
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

async fn token(
    State(idp): State<Idp>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let refuse = || {
        (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "invalid_grant"})),
        )
            .into_response()
    };
    let fault = *idp.fault.lock().expect("lock");
    let authorised = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v == format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(format!("{CLIENT}:secret"))
            )
        });
    if !authorised || form.get("grant_type").map(String::as_str) != Some("authorization_code") {
        return refuse();
    }
    let Some((challenge, nonce, redirect)) = form
        .get("code")
        .and_then(|c| idp.codes.lock().expect("lock").issued.remove(c))
    else {
        return refuse(); // unknown or already used
    };
    let registered = if fault == Fault::RegisteredRedirectDiffers {
        "http://127.0.0.1:1/elsewhere".to_owned()
    } else {
        redirect
    };
    if form.get("redirect_uri") != Some(&registered) {
        return refuse();
    }
    let verifier = form.get("code_verifier").cloned().unwrap_or_default();
    if b64(&Sha256::digest(verifier.as_bytes())) != challenge {
        return refuse();
    }
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let mut claims = json!({
        "iss": if fault == Fault::WrongIssuer { "http://127.0.0.1:1".to_owned() } else { idp.base.clone() },
        "aud": if fault == Fault::WrongAudience { "someone-else" } else { CLIENT },
        "sub": "subject-1",
        "iat": now,
        "exp": if fault == Fault::Expired { now - 3600 } else { now + 300 },
        "nonce": if fault == Fault::WrongNonce { "another-nonce".to_owned() } else { nonce },
        "hetu": idp.hetu,
    });
    if fault == Fault::NoHetu {
        claims.as_object_mut().expect("object").remove("hetu");
    }
    let id_token = match fault {
        Fault::AlgNone => format!(
            "{}.{}.",
            b64(br#"{"alg":"none","typ":"JWT","kid":"test-key"}"#),
            b64(claims.to_string().as_bytes())
        ),
        Fault::Hs256 => {
            let mut header = Header::new(Algorithm::HS256);
            header.kid = Some("test-key".into());
            jsonwebtoken::encode(
                &header,
                &claims,
                &EncodingKey::from_secret(JWKS.as_bytes()).expect("key"),
            )
            .expect("sign")
        }
        _ => {
            let mut header = Header::new(Algorithm::RS256);
            header.kid = Some("test-key".into());
            let pem = if fault == Fault::OtherKey {
                OTHER_KEY
            } else {
                KEY
            };
            jsonwebtoken::encode(
                &header,
                &claims,
                &EncodingKey::from_rsa_pem(pem.as_bytes()).expect("key"),
            )
            .expect("sign")
        }
    };
    Json(json!({"access_token": "at", "token_type": "Bearer", "expires_in": 300, "id_token": id_token})).into_response()
}

struct World {
    app: String,
    idp: Idp,
    client: reqwest::Client,
    _dir: tempfile::TempDir,
}

async fn world() -> World {
    let idp_listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let idp_addr: SocketAddr = idp_listener.local_addr().expect("addr");
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
    let hetu = archive
        .demo_identities()
        .await
        .expect("identities")
        .into_iter()
        .find(|(id, _)| *id == archive::demo::ids::ADULT)
        .map(|(_, h)| h.as_str().to_owned())
        .expect("Aino");
    let idp = Idp {
        base: format!("http://{idp_addr}"),
        fault: Arc::new(Mutex::new(Fault::None)),
        codes: Arc::default(),
        hetu,
    };
    let router = Router::new()
        .route("/.well-known/openid-configuration", get(metadata))
        .route("/jwks", get(jwks))
        .route("/token", post(token))
        .with_state(idp.clone());
    tokio::spawn(async move {
        let _ = axum::serve(idp_listener, router).await;
    });
    // These tests sign in many times a minute from one address.
    config.allowances.sign_ins_per_minute = 1000;
    config.oidc_issuer = Some(idp.base.clone());
    config.oidc_client_id = CLIENT.into();
    config.oidc_client_secret = Some(server::config::Secret("secret".into()));
    let oidc = server::discover_oidc(&config).await.expect("discovery");
    tokio::spawn(async move {
        let _ = server::run(app_listener, config, archive, oidc).await;
    });
    World {
        app: format!("http://{app_addr}"),
        idp,
        // A request that is never answered fails the test, naming itself, instead of
        // holding the whole test command (one run hung here once).
        client: reqwest::Client::builder()
            .redirect(Policy::none())
            .timeout(std::time::Duration::from_secs(60))
            .build()
            .expect("client"),
        _dir: dir,
    }
}

fn set_cookies(res: &reqwest::Response) -> Vec<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect()
}

fn query_of(url: &str) -> HashMap<String, String> {
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_owned(), urlencoding_decode(v)))
        .collect()
}

fn urlencoding_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("utf8");
                out.push(u8::from_str_radix(hex, 16).expect("hex"));
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).expect("utf8")
}

/// The browser's side of starting a sign-in: the login cookie and the provider URL's query.
async fn start(w: &World) -> (String, HashMap<String, String>) {
    let res = w
        .client
        .post(format!("{}/auth/start", w.app))
        .header("origin", &w.app)
        .send()
        .await
        .expect("start");
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("location")
        .to_owned();
    assert!(
        location.starts_with(&format!("{}/authorize?", w.idp.base)),
        "{location}"
    );
    let login = set_cookies(&res)
        .into_iter()
        .find(|c| c.starts_with("omakanta_login="))
        .expect("login cookie");
    assert!(login.contains("HttpOnly") && login.contains("SameSite=Lax"));
    let q = query_of(&location);
    assert_eq!(q.get("response_type").map(String::as_str), Some("code"));
    assert_eq!(
        q.get("code_challenge_method").map(String::as_str),
        Some("S256")
    );
    assert!(q
        .get("scope")
        .is_some_and(|s| s.split(' ').any(|x| x == "openid")));
    for secret in ["state", "nonce"] {
        // At least 128 bits of randomness.
        assert!(q.get(secret).is_some_and(|v| v.len() >= 22), "{secret}");
    }
    (login.split(';').next().expect("pair").to_owned(), q)
}

/// The provider's side: it issues a code for what the app asked.
fn issue_code(w: &World, q: &HashMap<String, String>, code: &str) {
    w.idp.codes.lock().expect("lock").issued.insert(
        code.to_owned(),
        (
            q["code_challenge"].clone(),
            q["nonce"].clone(),
            q["redirect_uri"].clone(),
        ),
    );
}

async fn callback(w: &World, query: &str, login_cookie: Option<&str>) -> reqwest::Response {
    let mut req = w.client.get(format!("{}/auth/callback?{query}", w.app));
    if let Some(c) = login_cookie {
        req = req.header("cookie", c);
    }
    req.send().await.expect("callback")
}

/// The sign-in ended at the sign-in page with an error, and no session was made.
async fn assert_refused(w: &World, res: reqwest::Response) {
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/sign-in?error=sign-in-failed")
    );
    let cookies = set_cookies(&res);
    assert!(
        !cookies
            .iter()
            .any(|c| c.starts_with("omakanta_session=") && !c.contains("Max-Age=0")),
        "{cookies:?}"
    );
    let page = w
        .client
        .get(format!("{}/sign-in?error=sign-in-failed", w.app))
        .send()
        .await
        .expect("page");
    assert!(page
        .text()
        .await
        .expect("body")
        .contains("Tunnistautuminen ei onnistunut"));
}

async fn signed_in(w: &World, res: &reqwest::Response) -> bool {
    let Some(session) = set_cookies(res)
        .into_iter()
        .find(|c| c.starts_with("omakanta_session=") && !c.contains("Max-Age=0"))
    else {
        return false;
    };
    let pair = session.split(';').next().expect("pair").to_owned();
    w.client
        .get(format!("{}/records", w.app))
        .header("cookie", pair)
        .send()
        .await
        .expect("records")
        .status()
        == StatusCode::OK
}

#[tokio::test]
async fn a_proper_sign_in_succeeds_and_its_code_and_state_work_once() {
    let w = world().await;
    let (login, q) = start(&w).await;
    issue_code(&w, &q, "code-1");
    let query = format!("code=code-1&state={}", q["state"]);
    let res = callback(&w, &query, Some(&login)).await;
    assert_eq!(
        res.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/")
    );
    assert!(signed_in(&w, &res).await);

    // The same callback again: the state was used up.
    assert_refused(&w, callback(&w, &query, Some(&login)).await).await;

    // A new sign-in that presents the used code: the provider refuses it.
    let (login, q) = start(&w).await;
    assert_refused(
        &w,
        callback(
            &w,
            &format!("code=code-1&state={}", q["state"]),
            Some(&login),
        )
        .await,
    )
    .await;
}

#[tokio::test]
async fn a_missing_wrong_or_foreign_state_signs_no_one_in() {
    let w = world().await;
    let (login, q) = start(&w).await;
    issue_code(&w, &q, "code-2");
    assert_refused(&w, callback(&w, "code=code-2", Some(&login)).await).await;
    assert_refused(
        &w,
        callback(&w, "code=code-2&state=not-the-state", Some(&login)).await,
    )
    .await;
    let (_, q) = start(&w).await;
    issue_code(&w, &q, "code-3");
    // Another browser (no login cookie, or another one) cannot finish this sign-in.
    assert_refused(
        &w,
        callback(&w, &format!("code=code-3&state={}", q["state"]), None).await,
    )
    .await;
    let (_, q) = start(&w).await;
    issue_code(&w, &q, "code-4");
    assert_refused(
        &w,
        callback(
            &w,
            &format!("code=code-4&state={}", q["state"]),
            Some("omakanta_login=someone-elses"),
        )
        .await,
    )
    .await;
}

#[tokio::test]
async fn every_faulty_id_token_or_exchange_is_refused() {
    let w = world().await;
    for (i, fault) in [
        Fault::WrongNonce,
        Fault::WrongIssuer,
        Fault::WrongAudience,
        Fault::AlgNone,
        Fault::Hs256,
        Fault::Expired,
        Fault::OtherKey,
        Fault::NoHetu,
        Fault::RegisteredRedirectDiffers,
    ]
    .into_iter()
    .enumerate()
    {
        *w.idp.fault.lock().expect("lock") = fault;
        let (login, q) = start(&w).await;
        let code = format!("fault-{i}");
        issue_code(&w, &q, &code);
        let res = callback(
            &w,
            &format!("code={code}&state={}", q["state"]),
            Some(&login),
        )
        .await;
        assert!(!signed_in(&w, &res).await, "{fault:?} must not sign in");
        assert_refused(&w, res).await;
    }
    // And with the faults gone, the same provider signs in.
    *w.idp.fault.lock().expect("lock") = Fault::None;
    let (login, q) = start(&w).await;
    issue_code(&w, &q, "good");
    let res = callback(&w, &format!("code=good&state={}", q["state"]), Some(&login)).await;
    assert!(signed_in(&w, &res).await);
}
