//! The disclosure log as a CSV file, with the page's filter: a download, not a page.
//! The archive reads it a page at a time (each read audited as the log's read), and
//! `app::disclosure_log::csv` writes it. Without a session the browser is sent to
//! sign in; a wrong filter or a refusal is a translated page.

use app::disclosure_log::api::LogQuery;
use app::ssr::Authenticated;
use archive::model::MAX_LOG_PAGE;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};

use crate::download;
use crate::AppState;

/// How many pages of the log one file holds at most.
const MAX_PAGES: usize = 40;

/// The file's address.
pub fn routes(router: Router<AppState>) -> Router<AppState> {
    router.route("/disclosure-log.csv", get(file))
}

async fn file(
    State(state): State<AppState>,
    signed_in: Option<Extension<Authenticated>>,
    Query(query): Query<LogQuery>,
    headers: HeaderMap,
) -> Response {
    let state = &state;
    download::respond(state, signed_in, &headers, |lang, access| async move {
        let filter = query.to_filter(state.archive.clock().today())?;
        let mut entries = Vec::new();
        let mut after: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let page = access
                .disclosure_log(&filter, after.as_deref(), MAX_LOG_PAGE)
                .await?;
            entries.extend(page.actions);
            after = page.next;
            if after.is_none() {
                break;
            }
        }
        let body = app::disclosure_log::csv::write(&entries, lang)
            .map_err(|_| archive::ArchiveError::Corrupt("the CSV file"))?;
        Ok(download::attachment(
            body,
            "text/csv; charset=utf-8",
            "disclosure-log.csv",
        ))
    })
    .await
}
