//! The person's Patient Summary as an HL7 IPS document (FHIR R4 JSON): a download, not
//! a page. The archive reads the summary (one audited read), `phr::ips` writes the
//! document. Without a session the browser is sent to sign in; a refusal (anyone but
//! the person) is a translated page.

use app::error::AppError;
use app::i18n::{Lang, LangExt as _};
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
    let lang = Lang::of_request(&headers);
    let who = match download::signed_in(signed_in) {
        Ok(who) => who,
        Err(answer) => return answer,
    };
    let read = async {
        Ok::<_, AppError>(
            download::access(&state, &who)
                .await?
                .patient_summary()
                .await?,
        )
    };
    let summary = match read.await {
        Ok(summary) => summary,
        Err(e) => return download::problem(lang, &e),
    };
    let now = state.archive.clock().now();
    let Ok(document) = phr::ips::document(&summary, now, || uuid::Uuid::new_v4().to_string())
    else {
        return download::problem(
            lang,
            &AppError::from(archive::ArchiveError::Corrupt("the Patient Summary")),
        );
    };
    download::attachment(
        phr::ips::to_json(document),
        "application/fhir+json; charset=utf-8",
        "patient-summary.json",
    )
}
