//! Appointments as calendar files (`.ics`): all to come, or one. A download, not a
//! page: the archive reads them (audited as such), `app::appointments::calendar` writes
//! the file, and it is served with its content type and a file name. Without a
//! session the browser is sent to sign in; a refusal or an appointment not found is a
//! translated page.

use app::error::AppError;
use app::i18n::{Lang, LangExt as _};
use app::ssr::Authenticated;
use archive::model::AppointmentId;
use archive::Purpose;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Extension, Router};

use crate::AppState;

/// The calendar files' addresses.
pub fn routes(router: Router<AppState>) -> Router<AppState> {
    router
        .route("/appointments/calendar.ics", get(all_to_come))
        .route("/appointments/{id}/calendar.ics", get(one))
}

async fn all_to_come(
    State(state): State<AppState>,
    signed_in: Option<Extension<Authenticated>>,
    headers: HeaderMap,
) -> Response {
    file(&state, signed_in, &headers, None).await
}

async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
    signed_in: Option<Extension<Authenticated>>,
    headers: HeaderMap,
) -> Response {
    let lang = Lang::of_request(&headers);
    match id.parse::<AppointmentId>() {
        Ok(id) => file(&state, signed_in, &headers, Some(id)).await,
        Err(_) => problem(lang, &AppError::NotFound),
    }
}

async fn file(
    state: &AppState,
    signed_in: Option<Extension<Authenticated>>,
    headers: &HeaderMap,
    one: Option<AppointmentId>,
) -> Response {
    let lang = Lang::of_request(headers);
    let Some(Extension(who)) = signed_in else {
        return Redirect::to("/sign-in").into_response();
    };
    let read = async {
        state
            .archive
            .access(&who.actor, who.subject(), Purpose::CitizenService)
            .await?
            .appointments_for_calendar(one)
            .await
    };
    match read.await {
        Ok(appointments) => {
            let body =
                app::appointments::calendar::ics(&appointments, lang, state.archive.clock().now());
            let name = match one {
                Some(id) => format!("appointment-{id}.ics"),
                None => "appointments.ics".to_owned(),
            };
            let mut res = body.into_response();
            let headers = res.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            );
            if let Ok(disposition) =
                HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
            {
                headers.insert(header::CONTENT_DISPOSITION, disposition);
            }
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            res
        }
        Err(e) => problem(lang, &AppError::from(e)),
    }
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
