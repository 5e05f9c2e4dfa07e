//! The disclosure log's server function.

use archive::model::DisclosureLog;
use leptos::prelude::*;

use crate::error::AppError;

/// What others did with the person's data, and the certificates forwarded to other
/// organisations (the person's own section).
#[server(prefix = "/api", endpoint = "disclosure-log")]
pub async fn read_disclosure_log() -> Result<DisclosureLog, AppError> {
    use crate::ssr::subject_access;
    Ok(subject_access().await?.disclosure_log(500).await?)
}
