//! The disclosure log's server function.

use archive::model::LoggedAction;
use leptos::prelude::*;

use crate::error::AppError;

/// What others did with the person's data (the person's own section).
#[server(prefix = "/api", endpoint = "disclosure-log")]
pub async fn read_disclosure_log() -> Result<Vec<LoggedAction>, AppError> {
    use crate::ssr::{from_archive, subject_access};
    subject_access()
        .await?
        .disclosure_log(500)
        .await
        .map_err(from_archive)
}
