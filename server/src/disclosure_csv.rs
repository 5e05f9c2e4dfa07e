//! The disclosure log as a CSV file, with the page's filter: a download, not a page.
//! The archive reads it a page at a time (each read audited as the log's read), and
//! `app::disclosure_log::csv` writes it. Without a session the browser is sent to
//! sign in; a wrong filter or a refusal is a translated page.

use app::disclosure_log::api::LogQuery;
use app::error::AppError;
use app::i18n::{Lang, LangExt as _};
use app::ssr::Authenticated;
use archive::model::MAX_LOG_PAGE;
use archive::Purpose;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Extension, Router};

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
    let lang = Lang::of_request(&headers);
    let Some(Extension(who)) = signed_in else {
        return Redirect::to("/sign-in").into_response();
    };
    let read = async {
        let access = state
            .archive
            .access(&who.actor, who.subject(), Purpose::CitizenService)
            .await?;
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
        Ok::<_, AppError>(entries)
    };
    match read.await {
        Ok(entries) => match app::disclosure_log::csv::write(&entries, lang) {
            Ok(body) => {
                let mut res = body.into_response();
                let headers = res.headers_mut();
                headers.insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/csv; charset=utf-8"),
                );
                headers.insert(
                    header::CONTENT_DISPOSITION,
                    HeaderValue::from_static("attachment; filename=\"disclosure-log.csv\""),
                );
                headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                res
            }
            Err(_) => crate::calendar::problem(
                lang,
                &AppError::from(archive::ArchiveError::Corrupt("the CSV file")),
            ),
        },
        Err(e) => crate::calendar::problem(lang, &e),
    }
}
