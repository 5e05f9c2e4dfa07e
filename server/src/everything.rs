//! All the person's data as one FHIR R4 Bundle (JSON): a download, not a page. The
//! archive reads it part by part from one snapshot (`archive::download`, one audit
//! event, no write lock), `phr::download` writes each part, and the parts are sent as
//! they are written: a task reads and writes ahead at most [`AHEAD`] parts, so what
//! the server holds does not grow with the archive. If reading fails half-way the
//! response is broken off, never ended as if whole. Only the person: a proxy's refusal
//! and a missing session are answered as the other downloads' are.

use app::ssr::Authenticated;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};

use crate::download;
use crate::AppState;

/// The file's address.
pub const PATH: &str = "/download/omakanta.json";

/// How many written parts may wait for the client at most.
const AHEAD: usize = 2;

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
        let everything = access.download().await?;
        Ok(stream(state, everything))
    })
    .await
}

/// The Bundle written part by part as the client takes it.
fn stream(state: &AppState, mut everything: archive::download::Download) -> Response {
    let now = state.archive.clock().now();
    let base = format!("{}/fhir", state.config.public_url.trim_end_matches('/'));
    let (send, mut receive) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(AHEAD);
    tokio::spawn(async move {
        let mut writer =
            phr::download::BundleWriter::new(|| uuid::Uuid::new_v4().to_string(), &base);
        if send.send(Ok(Bytes::from(writer.head(now)))).await.is_err() {
            return;
        }
        loop {
            let chunk = match everything.next().await {
                Ok(Some(part)) => writer.part(&part).map(Bytes::from).map_err(|_| {
                    std::io::Error::other("a part of the download could not be written")
                }),
                Ok(None) => break,
                Err(_) => Err(std::io::Error::other("the download could not be read")),
            };
            let failed = chunk.is_err();
            // The client gone (the send fails) or the read failed: stop, and the
            // snapshot ends with the download.
            if send.send(chunk).await.is_err() || failed {
                return;
            }
        }
        let _ = send
            .send(Ok(Bytes::from_static(
                phr::download::BundleWriter::<fn() -> String>::TAIL.as_bytes(),
            )))
            .await;
    });
    // A channel's receiver answers `None` again when asked after its end, as the
    // compression layer does (a stream that must not be polled after its end, such as
    // `futures::stream::unfold`, panicked there).
    let body = futures::stream::poll_fn(move |cx| receive.poll_recv(cx));
    download::attachment(
        Body::from_stream(body),
        "application/fhir+json; charset=utf-8",
        "omakanta.json",
    )
}
