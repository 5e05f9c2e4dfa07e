//! The download's server function.

use archive::download::model::DownloadContents;
use leptos::prelude::*;

use crate::error::AppError;

/// What a download of the signed-in person's data holds, counted (no one else's).
#[server(prefix = "/api", endpoint = "download-contents")]
pub async fn read_download_contents() -> Result<DownloadContents, AppError> {
    use crate::ssr::subject_access;
    Ok(subject_access().await?.download_contents().await?)
}
