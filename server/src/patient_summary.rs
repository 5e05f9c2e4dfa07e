//! The person's Patient Summary as an HL7 IPS document (FHIR R4 JSON): a download, not
//! a page. The archive reads the summary (one audited read), `phr::ips` writes the
//! document. Without a session the browser is sent to sign in; a refusal (anyone but
//! the person) is a translated page.

use app::ssr::Authenticated;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};

use crate::download;
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
    let state = &state;
    download::respond(state, signed_in, &headers, |_, access| async move {
        let summary = access.patient_summary().await?;
        let now = state.archive.clock().now();
        let document = phr::ips::document(&summary, now, || uuid::Uuid::new_v4().to_string())
            .map_err(|_| archive::ArchiveError::Corrupt("the Patient Summary"))?;
        Ok(download::attachment(
            phr::ips::to_json(document),
            "application/fhir+json; charset=utf-8",
            "patient-summary.json",
        ))
    })
    .await
}
