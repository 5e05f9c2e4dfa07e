//! What the downloads (calendar files, the disclosure log as CSV, the Patient Summary,
//! all one's data) share: the signed-in person's access to whom they act for, or the answer that sends
//! the signed-out to sign in; a refusal as a translated page ([`respond`]); and the
//! file itself, an attachment no cache keeps.

use app::error::AppError;
use app::i18n::{Lang, LangExt as _};
use app::ssr::Authenticated;
use archive::{Access, Purpose};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;

use crate::AppState;

/// Answers a download: the signed-out are sent to sign in; otherwise `file` is given
/// the request's language and the signed-in person's access to whom they act for now,
/// and what it fails with (a refusal, a wrong filter, nothing found) is a translated
/// page.
pub(crate) async fn respond<F, Fut>(
    state: &AppState,
    signed_in: Option<Extension<Authenticated>>,
    headers: &HeaderMap,
    file: F,
) -> Response
where
    F: FnOnce(Lang, Access) -> Fut,
    Fut: std::future::Future<Output = Result<Response, AppError>>,
{
    let lang = Lang::of_request(headers);
    let Some(Extension(who)) = signed_in else {
        return Redirect::to("/sign-in").into_response();
    };
    let answer = async {
        let access = state
            .archive
            .access(&who.actor, who.subject(), Purpose::CitizenService)
            .await?;
        file(lang, access).await
    };
    answer.await.unwrap_or_else(|e| problem(lang, &e))
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
