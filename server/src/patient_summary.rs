//! The person's Patient Summary as an HL7 IPS document (FHIR R4 JSON): a download, not
//! a page. The archive reads the summary (one audited read), `phr::ips` writes the
//! document. Without a session the browser is sent to sign in; a refusal (anyone but
//! the person) is a translated page.

use app::error::AppError;
use app::i18n::{Lang, LangExt as _};
use app::ssr::Authenticated;
use archive::Purpose;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Extension, Router};

use crate::AppState;

/// The file's address.
pub const PATH: &str = "/abroad/summary.json";

pub fn routes(router: Router<AppState>) -> Router<AppState> {
    router.route(PATH, get(file))
}

async fn file(
    State(state): State<AppState>,
    signed_in: Option<Extension<Authenticated>>,
    headers: HeaderMap,
) -> Response {
    let lang = Lang::of_request(&headers);
    let Some(Extension(who)) = signed_in else {
        return Redirect::to("/sign-in").into_response();
    };
    let read = async {
        let access = state
            .archive
            .access(&who.actor, who.subject(), Purpose::CitizenService)
            .await?;
        Ok::<_, AppError>(access.patient_summary().await?)
    };
    let summary = match read.await {
        Ok(summary) => summary,
        Err(e) => return crate::calendar::problem(lang, &e),
    };
    let now = state.archive.clock().now();
    let Ok(document) = phr::ips::document(&summary, now, || uuid::Uuid::new_v4().to_string())
    else {
        return crate::calendar::problem(
            lang,
            &AppError::from(archive::ArchiveError::Corrupt("the Patient Summary")),
        );
    };
    let mut res = phr::ips::to_json(document).into_response();
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/fhir+json; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"patient-summary.json\""),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}
