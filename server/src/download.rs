//! What the downloads (calendar files, the disclosure log as CSV, the Patient Summary)
//! share: the signed-in person's access to whom they act for, or the answer that sends
//! the signed-out to sign in; a refusal as a translated page; and the file itself, an
//! attachment no cache keeps.

use app::error::AppError;
use app::i18n::{Lang, LangExt as _};
use app::ssr::Authenticated;
use archive::{Access, Purpose};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;

use crate::AppState;

/// Who is signed in, or the answer that sends the browser to sign in.
#[allow(
    clippy::result_large_err,
    reason = "the handler's early answer, as axum's extractors give it"
)]
pub(crate) fn signed_in(who: Option<Extension<Authenticated>>) -> Result<Authenticated, Response> {
    who.map(|Extension(who)| who)
        .ok_or_else(|| Redirect::to("/sign-in").into_response())
}

/// The signed-in person's access to the person they act for now.
pub(crate) async fn access(state: &AppState, who: &Authenticated) -> Result<Access, AppError> {
    Ok(state
        .archive
        .access(&who.actor, who.subject(), Purpose::CitizenService)
        .await?)
}

/// An error as a translated page, with its status.
pub(crate) fn problem(lang: Lang, e: &AppError) -> Response {
    let status = StatusCode::from_u16(e.status().as_u16()).unwrap_or(StatusCode::NOT_FOUND);
    crate::plain_page(
        lang,
        status,
        &lang.tr("error-title"),
        &lang.tr(&e.message_id()),
    )
}

/// `body` as a file named `name` (ASCII, chosen by the server) of `content_type`,
/// never kept by a cache.
pub(crate) fn attachment(
    body: impl IntoResponse,
    content_type: &'static str,
    name: &str,
) -> Response {
    let mut res = body.into_response();
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(disposition) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, disposition);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}
