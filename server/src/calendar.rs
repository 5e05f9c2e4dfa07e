//! Appointments as calendar files (`.ics`): all to come, or one. A download, not a
//! page: the archive reads them (audited as such), `app::appointments::calendar` writes
//! the file, and it is served with its content type and a file name. Without a
//! session the browser is sent to sign in; a refusal or an appointment not found is a
//! translated page.

use app::error::AppError;
use app::i18n::{Lang, LangExt as _};
use app::ssr::Authenticated;
use archive::model::AppointmentId;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};

use crate::download::{self, problem};
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
    download::respond(state, signed_in, headers, |lang, access| async move {
        let appointments = access.appointments_for_calendar(one).await?;
        let body =
            app::appointments::calendar::ics(&appointments, lang, state.archive.clock().now());
        let name = match one {
            Some(id) => format!("appointment-{id}.ics"),
            None => "appointments.ics".to_owned(),
        };
        Ok(download::attachment(
            body,
            "text/calendar; charset=utf-8",
            &name,
        ))
    })
    .await
}
