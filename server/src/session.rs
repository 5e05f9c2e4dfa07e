//! Sessions from cookies, the development sign-in, sign-out and the language choice.

use app::i18n::{cookie_value, Lang, LangExt as _, LANG_COOKIE};
use app::ssr::Authenticated;
use archive::model::PersonId;
use archive::SessionToken;
use axum::body::Body;
use axum::extract::{Form, State};
use axum::http::{header, HeaderMap, HeaderValue, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::AppState;

const DEV_COOKIE: &str = "omakanta_session";
const SECURE_COOKIE: &str = "__Host-omakanta_session";

fn cookie_name(state: &AppState) -> &'static str {
    if state.config.secure_cookies() {
        SECURE_COOKIE
    } else {
        DEV_COOKIE
    }
}

/// A session from before sign-in is ended: sign-in always starts a new one.
async fn end_previous_session(state: &AppState, headers: &HeaderMap) {
    if let Some(old) = session_token(state, headers) {
        if let Err(e) = state.archive.end_session(&old).await {
            tracing::error!(error = %e, "ending the previous session failed");
        }
    }
}

fn session_token(state: &AppState, headers: &HeaderMap) -> Option<SessionToken> {
    cookie_value(headers, cookie_name(state)).and_then(SessionToken::from_cookie)
}

/// Puts the signed-in person, if any, into the request for pages and server functions.
pub async fn resolve(
    State(state): State<AppState>,
    mut req: Request<Body>,
    next: Next,
) -> Response {
    if req.uri().path().starts_with("/pkg/") {
        return next.run(req).await;
    }
    if let Some(token) = session_token(&state, req.headers()) {
        match state
            .archive
            .resume_session(&token, state.session_limits)
            .await
        {
            Ok(Some((actor, signed_in))) => {
                req.extensions_mut().insert(Authenticated {
                    actor,
                    signed_in,
                    token,
                });
            }
            Ok(None) => {}
            Err(e) => {
                tracing::error!(error = %e, "session lookup failed");
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
        }
    }
    next.run(req).await
}

/// A `Set-Cookie` value: HttpOnly (no script reads any of ours), SameSite=Lax, Secure
/// outside development; `max_age` 0 removes the cookie.
fn cookie(state: &AppState, name: &str, value: &str, path: &str, max_age: Option<u32>) -> String {
    let mut c = format!("{name}={value}; Path={path}; HttpOnly; SameSite=Lax");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if state.config.secure_cookies() {
        c.push_str("; Secure");
    }
    c
}

fn session_cookie(state: &AppState, token: &SessionToken) -> String {
    cookie(state, cookie_name(state), token.as_str(), "/", None)
}

/// The answer to a sign-in: to the front page, with the new session's cookie, and in
/// the language the person last chose on any device (when they have chosen one).
async fn signed_in(state: &AppState, token: &SessionToken) -> Response {
    let mut res = see_other("/", Some(session_cookie(state, token)));
    match state.archive.chosen_language(token).await {
        Ok(Some(language)) => {
            let remembered = cookie(state, LANG_COOKIE, language.code(), "/", Some(LANG_MAX_AGE));
            if let Ok(v) = HeaderValue::from_str(&remembered) {
                res.headers_mut().append(header::SET_COOKIE, v);
            }
        }
        Ok(None) => {}
        // The sign-in stands; the page is then in the browser's language.
        Err(e) => tracing::warn!(error = %e, "reading the chosen language failed"),
    }
    res
}

/// How long the browser keeps the language cookie: a year.
const LANG_MAX_AGE: u32 = 31_536_000;

fn clear_cookie(state: &AppState) -> String {
    cookie(state, cookie_name(state), "", "/", Some(0))
}

fn see_other(to: &str, cookie: Option<String>) -> Response {
    let mut res = Redirect::to(to).into_response();
    if let Some(c) = cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        res.headers_mut().append(header::SET_COOKIE, c);
    }
    res
}

#[derive(Debug, Deserialize)]
pub struct DevSignIn {
    person: String,
}

/// The development sign-in: only when no identity provider is configured, and only
/// for demo persons.
pub async fn dev_sign_in(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<DevSignIn>,
) -> Response {
    if !state.config.dev_sign_in() {
        return StatusCode::NOT_FOUND.into_response();
    }
    let Ok(person) = form.person.parse::<PersonId>() else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    end_previous_session(&state, &headers).await;
    let actor = match state.archive.demo_actor(person).await {
        Ok(actor) => actor,
        Err(archive::ArchiveError::NotFound) => return StatusCode::BAD_REQUEST.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "development sign-in failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    match state.archive.start_session(&actor).await {
        Ok(token) => signed_in(&state, &token).await,
        Err(e) => {
            tracing::error!(error = %e, "starting a session failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Ends the session on the server and in the browser, and at the identity provider
/// when it offers that.
pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(token) = session_token(&state, &headers) {
        if let Err(e) = state.archive.end_session(&token).await {
            tracing::error!(error = %e, "sign-out failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    }
    let home = format!("{}/", state.config.public_url.trim_end_matches('/'));
    let next = state
        .oidc
        .as_ref()
        .and_then(|o| o.end_session_url(&home))
        .unwrap_or_else(|| "/".to_owned());
    see_other(&next, Some(clear_cookie(&state)))
}

#[derive(Debug, Deserialize)]
pub struct ExtendForm {
    #[serde(default)]
    return_to: String,
}

/// Continues the session. Using it is what extends it (the session layer touched it on
/// the way in); a script asking gets 204, a form is sent back to its page.
pub async fn extend(
    headers: HeaderMap,
    signed_in: Option<axum::Extension<Authenticated>>,
    Form(form): Form<ExtendForm>,
) -> Response {
    let from_script = headers
        .get("x-omakanta-extend")
        .is_some_and(|v| v.as_bytes() == b"1");
    match (signed_in, from_script) {
        (Some(_), true) => StatusCode::NO_CONTENT.into_response(),
        (None, true) => StatusCode::UNAUTHORIZED.into_response(),
        (Some(_), false) => {
            let back = safe_return(&form.return_to);
            let sep = if back.contains('?') { '&' } else { '?' };
            see_other(&format!("{back}{sep}session=extended"), None)
        }
        (None, false) => see_other("/sign-in", None),
    }
}

#[derive(Debug, Deserialize)]
pub struct LanguageForm {
    lang: String,
    #[serde(default)]
    return_to: String,
}

/// Only a path on this site: never another origin, never a scheme-relative `//host`.
fn safe_return(path: &str) -> &str {
    let ok = path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path.chars().any(char::is_control);
    if ok {
        path
    } else {
        "/"
    }
}

/// Remembers the chosen language in this browser and, for a signed-in person, with the
/// person (for their next sign-in on any device), and returns to the page.
pub async fn set_language(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<LanguageForm>,
) -> Response {
    let Some(lang) = Lang::parse(&form.lang) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    if let Some(token) = session_token(&state, &headers) {
        match state.archive.choose_language(&token, lang).await {
            // Signed out, or the session ran out: the browser's choice is enough.
            Ok(()) | Err(archive::ArchiveError::NotFound) => {}
            Err(e) => {
                tracing::error!(error = %e, "keeping the chosen language failed");
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
        }
    }
    let remembered = cookie(&state, LANG_COOKIE, lang.code(), "/", Some(LANG_MAX_AGE));
    see_other(safe_return(&form.return_to), Some(remembered))
}

const LOGIN_COOKIE: &str = "omakanta_login";

/// Starts a sign-in at the identity provider: the state, nonce and PKCE verifier stay
/// on the server, bound to a fresh random cookie in this browser.
pub async fn auth_start(State(state): State<AppState>) -> Response {
    let Some(oidc) = state.oidc.clone() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let start = oidc.start();
    let browser = match SessionToken::random() {
        Some(t) => t,
        None => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    if let Err(e) = state
        .archive
        .save_login_attempt(&start.state, browser.as_str(), &start.attempt)
        .await
    {
        tracing::error!(error = %e, "saving the sign-in attempt failed");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    let bound = cookie(&state, LOGIN_COOKIE, browser.as_str(), "/auth", Some(600));
    see_other(&start.url, Some(bound))
}

#[derive(Debug, Deserialize)]
pub struct Callback {
    code: Option<String>,
    state: Option<String>,
}

/// The provider sends the browser back here. Anything wrong ends at the sign-in page
/// with a message, and nobody signed in.
pub async fn auth_callback(
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::extract::Query(callback): axum::extract::Query<Callback>,
) -> Response {
    let failed = |why: &str| {
        tracing::warn!(why, "sign-in refused");
        see_other(
            "/sign-in?error=sign-in-failed",
            Some(clear_login_cookie(&state)),
        )
    };
    let Some(oidc) = state.oidc.clone() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (Some(code), Some(login_state)) = (callback.code, callback.state) else {
        return failed("no code or state");
    };
    let Some(browser) = cookie_value(&headers, LOGIN_COOKIE) else {
        return failed("no login cookie");
    };
    let attempt = match state
        .archive
        .take_login_attempt(&login_state, browser)
        .await
    {
        Ok(Some(a)) => a,
        Ok(None) => return failed("unknown, used, expired or foreign state"),
        Err(e) => {
            tracing::error!(error = %e, "reading the sign-in attempt failed");
            return failed("storage");
        }
    };
    let hetu = match oidc.finish(code, attempt).await {
        Ok(h) => h,
        Err(e) => {
            tracing::warn!(error = %e, "sign-in at the provider failed");
            return failed("provider");
        }
    };
    let actor = match state.archive.authenticate(&hetu).await {
        Ok(a) => a,
        Err(archive::ArchiveError::NotFound) => return failed("no such person in the archive"),
        Err(e) => {
            tracing::error!(error = %e, "authentication failed");
            return failed("storage");
        }
    };
    end_previous_session(&state, &headers).await;
    match state.archive.start_session(&actor).await {
        Ok(token) => {
            let mut res = signed_in(&state, &token).await;
            if let Ok(v) = HeaderValue::from_str(&clear_login_cookie(&state)) {
                res.headers_mut().append(header::SET_COOKIE, v);
            }
            res
        }
        Err(e) => {
            tracing::error!(error = %e, "starting a session failed");
            failed("storage")
        }
    }
}

fn clear_login_cookie(state: &AppState) -> String {
    cookie(state, LOGIN_COOKIE, "", "/auth", Some(0))
}

#[cfg(test)]
mod tests {
    use super::safe_return;

    #[test]
    fn return_paths_stay_on_the_site() {
        assert_eq!(
            safe_return("/records?kind=diagnosis"),
            "/records?kind=diagnosis"
        );
        assert_eq!(safe_return("//evil.example/x"), "/");
        assert_eq!(safe_return("https://evil.example/"), "/");
        assert_eq!(safe_return("/\\evil.example"), "/");
        assert_eq!(safe_return(""), "/");
    }
}

#[derive(Debug, Deserialize)]
pub struct ActForForm {
    person: String,
}

/// Starts acting for someone (or for oneself again, `person=self`). The archive checks
/// the right and starts a new session, so the session id changes with the subject.
pub async fn act_for(
    State(state): State<AppState>,
    signed_in: Option<axum::Extension<Authenticated>>,
    Form(form): Form<ActForForm>,
) -> Response {
    let Some(axum::Extension(who)) = signed_in else {
        return see_other("/sign-in", None);
    };
    // A person is named by the handle this session's front page gave, never by an id.
    let target = if form.person == "self" {
        archive::ActFor::Own
    } else {
        archive::ActFor::Handle(&form.person)
    };
    match state
        .archive
        .switch_acting_for(&who.token, &who.actor, target)
        .await
    {
        Ok(token) => see_other("/", Some(session_cookie(&state, &token))),
        // The front page lists whom one may act for, with the reason when not.
        Err(archive::ArchiveError::Refused(_)) => see_other("/", None),
        Err(e) => {
            tracing::error!(error = %e, "switching whom to act for failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
