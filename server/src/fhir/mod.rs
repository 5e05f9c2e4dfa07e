//! The FHIR R4 REST interface to the person's wellbeing data (Kanta PHR), for their
//! apps: `/fhir/Observation` (search, read, create, conditional create, update by
//! version, delete) and a batch `Bundle` at `/fhir` ([`observation`]), the person's own
//! `/fhir/Patient` (read, search, update by version, [`patient`]), the
//! CapabilityStatement at `/fhir/metadata` and `/.well-known/smart-configuration`.
//!
//! Thin, like a server function: the bearer access token is checked here (a JWT of the
//! identity provider, [`crate::oidc::Oidc::verify_access_token`]), the archive decides
//! what the app may do ([`archive::Archive::app_access`]: the person's choices, the
//! token's scopes) and audits it, and the `phr` crate reads and writes the resources.
//! No browser session reaches it (cookies are not read) and the same-origin rule for
//! forms does not apply to it. Every refusal is an OperationOutcome, and nothing is
//! read or written then.

use archive::wellbeing::StoredResource;
use archive::{Access, ArchiveError, Refusal};
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use phr::rest::{self, Issue};

use crate::AppState;

mod observation;
mod patient;

/// The largest request body taken: 2 MiB, room for a batch of [`archive::wellbeing::MAX_BATCH`]
/// Observations (about 1 KB each).
pub const MAX_BODY: usize = 2 * 1024 * 1024;

const FHIR_JSON: &str = "application/fhir+json; charset=utf-8";

/// The interface's routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/fhir/metadata", get(metadata))
        .route("/.well-known/smart-configuration", get(smart_configuration))
        .route("/fhir", get(not_supported).post(observation::batch))
        .route(
            "/fhir/Observation",
            get(observation::search).post(observation::create),
        )
        .route(
            "/fhir/Observation/{id}",
            get(observation::read)
                .put(observation::update)
                .delete(observation::delete),
        )
        .route("/fhir/Patient", get(patient::search))
        .route(
            "/fhir/Patient/{id}",
            get(patient::read).put(patient::update),
        )
        .route("/fhir/{*rest}", axum::routing::any(not_supported))
}

/// An answer of the interface: JSON, never kept by a cache.
fn answer(status: StatusCode, body: String) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(FHIR_JSON)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response()
}

/// A refusal: its status, and an OperationOutcome.
fn outcome(
    status: StatusCode,
    issue: Issue,
    diagnostics: &str,
    expression: Option<&str>,
) -> Response {
    answer(
        status,
        rest::operation_outcome(issue, diagnostics, expression),
    )
}

/// A refusal for want of a valid token: 401, and how to get one.
fn unauthorized(error: Option<&str>, diagnostics: &str) -> Response {
    let mut response = outcome(StatusCode::UNAUTHORIZED, Issue::Login, diagnostics, None);
    let challenge = match error {
        Some(error) => format!("Bearer realm=\"OmaKanta\", error=\"{error}\""),
        None => "Bearer realm=\"OmaKanta\"".to_owned(),
    };
    if let Ok(value) = HeaderValue::from_str(&challenge) {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, value);
    }
    response
}

/// The archive's error as the interface answers it. Storage errors are logged without
/// anything of the request.
fn refused(error: &ArchiveError) -> Response {
    match error {
        ArchiveError::Refused(Refusal::OutOfScope) => {
            let mut response = outcome(
                StatusCode::FORBIDDEN,
                Issue::Forbidden,
                "the access token's scopes do not reach this",
                None,
            );
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"OmaKanta\", error=\"insufficient_scope\""),
            );
            response
        }
        ArchiveError::Refused(Refusal::NotShared) => outcome(
            StatusCode::FORBIDDEN,
            Issue::Forbidden,
            "the person has not allowed this app to do this",
            None,
        ),
        ArchiveError::Refused(Refusal::UnderAge) => outcome(
            StatusCode::FORBIDDEN,
            Issue::Forbidden,
            "wellbeing data is open to its person from the age of 16",
            None,
        ),
        ArchiveError::Refused(_) => outcome(
            StatusCode::FORBIDDEN,
            Issue::Forbidden,
            "not open to this app",
            None,
        ),
        ArchiveError::NotFound => outcome(
            StatusCode::NOT_FOUND,
            Issue::NotFound,
            "no such resource",
            None,
        ),
        ArchiveError::Blocked("multiple-matches") => outcome(
            StatusCode::PRECONDITION_FAILED,
            Issue::MultipleMatches,
            "If-None-Exist matches more than one resource",
            None,
        ),
        ArchiveError::Blocked("version-required") => outcome(
            StatusCode::PRECONDITION_REQUIRED,
            Issue::Conflict,
            "an update must say which version it replaces: If-Match: W/\"n\"",
            None,
        ),
        ArchiveError::Blocked("version-conflict") => outcome(
            StatusCode::PRECONDITION_FAILED,
            Issue::Conflict,
            "If-Match is not the resource's version now",
            None,
        ),
        ArchiveError::Invalid {
            field: "subject", ..
        } => outcome(
            StatusCode::UNPROCESSABLE_ENTITY,
            Issue::BusinessRule,
            "the subject must be the person's own patient id",
            Some("Observation.subject"),
        ),
        ArchiveError::Invalid { field: "batch", .. } => outcome(
            StatusCode::PAYLOAD_TOO_LARGE,
            Issue::TooLong,
            &format!(
                "at most {} resources in one Bundle",
                archive::wellbeing::MAX_BATCH
            ),
            Some("Bundle.entry"),
        ),
        other => {
            tracing::error!(error = %other, "FHIR interface: the archive failed");
            outcome(
                StatusCode::INTERNAL_SERVER_ERROR,
                Issue::Exception,
                "the server failed; try again",
                None,
            )
        }
    }
}

/// This service's FHIR base address, which is also the audience of access tokens.
fn base(state: &AppState) -> String {
    format!("{}/fhir", state.config.public_url.trim_end_matches('/'))
}

/// The app's access to the person its bearer token names, or the refusal to answer.
async fn app(state: &AppState, headers: &HeaderMap) -> Result<Access, Response> {
    let Some(token) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim)
    else {
        return Err(unauthorized(None, "a bearer access token is required"));
    };
    let Some(oidc) = &state.oidc else {
        return Err(unauthorized(
            Some("invalid_token"),
            "no identity provider is configured to check tokens",
        ));
    };
    let checked = match oidc.verify_access_token(token, &base(state)).await {
        Ok(checked) => checked,
        Err(e) => {
            // What failed, never the token.
            tracing::info!(error = %e, "FHIR interface: access token refused");
            return Err(unauthorized(
                Some("invalid_token"),
                "the access token is not valid (signature, issuer, audience or expiry)",
            ));
        }
    };
    match state
        .archive
        .app_access(&checked.hetu, &checked.client_id, checked.scopes)
        .await
    {
        Ok(access) => Ok(access),
        Err(ArchiveError::NotFound) => Err(outcome(
            StatusCode::FORBIDDEN,
            Issue::Forbidden,
            "the token names no one this service keeps data for",
            None,
        )),
        Err(e) => Err(refused(&e)),
    }
}

/// A request body, at most [`MAX_BODY`], as FHIR JSON.
async fn json_body(headers: &HeaderMap, body: Body) -> Result<String, Response> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    if !matches!(essence, "application/fhir+json" | "application/json") {
        return Err(outcome(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Issue::NotSupported,
            "the body must be application/fhir+json",
            None,
        ));
    }
    let too_long = || {
        outcome(
            StatusCode::PAYLOAD_TOO_LARGE,
            Issue::TooLong,
            &format!("the body may be at most {MAX_BODY} bytes"),
            None,
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_BODY) {
        return Err(too_long());
    }
    let bytes: Bytes = axum::body::to_bytes(body, MAX_BODY)
        .await
        .map_err(|_| too_long())?;
    String::from_utf8(bytes.to_vec()).map_err(|_| {
        outcome(
            StatusCode::BAD_REQUEST,
            Issue::Invalid,
            "the body is not UTF-8",
            None,
        )
    })
}

/// The app's access and the request's body: a write's two inputs, the token checked
/// first.
async fn app_and_body(
    state: &AppState,
    headers: &HeaderMap,
    body: Body,
) -> Result<(Access, String), Response> {
    let access = app(state, headers).await?;
    Ok((access, json_body(headers, body).await?))
}

/// The clock's now and Finnish today, as the archive sees them.
fn now(state: &AppState) -> (time::OffsetDateTime, time::Date) {
    let clock = state.archive.clock();
    (clock.now(), clock.today())
}

/// A resource of a request refused by Kanta PHR's reading: 400 when it is not one at
/// all, 422 when it breaks a rule; the OperationOutcome names the field.
fn refusal_answer(refusal: &phr::Refusal) -> Response {
    let (issue, body) = rest::refusal_outcome(refusal);
    let status = match issue {
        Issue::Invalid => StatusCode::BAD_REQUEST,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    answer(status, body)
}

/// A stored resource of `resource_type` as an answer: its status, `ETag`,
/// `Last-Modified` and, for a new one, `Location`.
fn resource(
    state: &AppState,
    resource_type: &str,
    status: StatusCode,
    stored: &StoredResource,
) -> Response {
    let mut response = answer(status, stored.resource.clone());
    let headers = response.headers_mut();
    if let Ok(etag) = HeaderValue::from_str(&rest::etag(stored.version)) {
        headers.insert(header::ETAG, etag);
    }
    let http_date = time::format_description::well_known::Rfc2822;
    if let Ok(modified) = stored
        .updated
        .to_offset(time::UtcOffset::UTC)
        .format(&http_date)
    {
        if let Ok(value) = HeaderValue::from_str(&modified.replace("+0000", "GMT")) {
            headers.insert(header::LAST_MODIFIED, value);
        }
    }
    if status == StatusCode::CREATED {
        let location = format!(
            "{}/{resource_type}/{}/_history/{}",
            base(state),
            stored.id,
            stored.version
        );
        if let Ok(value) = HeaderValue::from_str(&location) {
            headers.insert(header::LOCATION, value);
        }
    }
    response
}

async fn metadata(State(state): State<AppState>) -> Response {
    let (now, _) = now(&state);
    answer(
        StatusCode::OK,
        rest::capability_statement(&base(&state), now, env!("CARGO_PKG_VERSION")),
    )
}

/// Where apps get their tokens, and what they may ask for (SMART App Launch).
async fn smart_configuration(State(state): State<AppState>) -> Response {
    let Some(oidc) = &state.oidc else {
        return outcome(
            StatusCode::NOT_FOUND,
            Issue::NotFound,
            "no identity provider is configured",
            None,
        );
    };
    let endpoints = oidc.endpoints();
    let mut scopes: Vec<&str> = vec!["openid"];
    scopes.extend(archive::model::AppScopes::SUPPORTED);
    let body = serde_json::json!({
        "issuer": endpoints.issuer,
        "jwks_uri": endpoints.jwks_uri,
        "authorization_endpoint": endpoints.authorization_endpoint,
        "token_endpoint": endpoints.token_endpoint,
        "grant_types_supported": ["authorization_code"],
        "response_types_supported": ["code"],
        "code_challenge_methods_supported": ["S256"],
        "scopes_supported": scopes,
        "capabilities": [
            "launch-standalone",
            "client-public",
            "client-confidential-symmetric",
            "context-standalone-patient",
            "permission-patient",
            "permission-v1",
            "permission-v2"
        ]
    });
    (
        StatusCode::OK,
        [(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))],
        axum::Json(body),
    )
        .into_response()
}

/// A search's two inputs: the app's access (the token checked first) and the query's
/// pairs, decoded.
async fn app_and_query(
    state: &AppState,
    headers: &HeaderMap,
    query: Option<&str>,
) -> Result<(Access, Vec<(String, String)>), Response> {
    let access = app(state, headers).await?;
    let pairs = pairs(query).ok_or_else(|| {
        outcome(
            StatusCode::BAD_REQUEST,
            Issue::Invalid,
            "the query is not well encoded",
            None,
        )
    })?;
    Ok((access, pairs))
}

/// A search's answer: the `searchset` Bundle of what `resource_type`'s search at
/// `query` found.
fn searchset(
    state: &AppState,
    resource_type: &str,
    query: Option<&str>,
    found: &[StoredResource],
) -> Response {
    let base = base(state);
    let self_url = match query {
        Some(q) => format!("{base}/{resource_type}?{q}"),
        None => format!("{base}/{resource_type}"),
    };
    answer(
        StatusCode::OK,
        rest::search_bundle(&base, resource_type, &self_url, found, now(state).0),
    )
}

/// The query's pairs, decoded.
fn pairs(query: Option<&str>) -> Option<Vec<(String, String)>> {
    query
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            Some((rest::percent_decode(name)?, rest::percent_decode(value)?))
        })
        .collect()
}

/// The version an update names in `If-Match` (`W/"3"` or `"3"`: 3): none when the
/// header is absent (whether one is needed is the archive's rule), 400 when it is there
/// but names no version, unreadable bytes included.
#[allow(
    clippy::result_large_err,
    reason = "the handler's early answer, as the async prologues above give it"
)]
fn if_match(headers: &HeaderMap) -> Result<Option<i64>, Response> {
    let Some(value) = headers.get(header::IF_MATCH) else {
        return Ok(None);
    };
    let version = value.to_str().ok().and_then(|tag| {
        let tag = tag.trim();
        let tag = tag.strip_prefix("W/").unwrap_or(tag);
        tag.strip_prefix('"')?.strip_suffix('"')?.parse().ok()
    });
    match version {
        Some(version) => Ok(Some(version)),
        None => Err(outcome(
            StatusCode::BAD_REQUEST,
            Issue::Invalid,
            "If-Match must be W/\"n\"",
            None,
        )),
    }
}

/// Any other resource type or interaction.
async fn not_supported() -> Response {
    outcome(
        StatusCode::NOT_FOUND,
        Issue::NotSupported,
        "only Observation (read, search, create, update, delete, batch) and the person's \
         Patient (read, search, update) are offered here",
        None,
    )
}
