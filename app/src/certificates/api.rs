//! Certificates' server functions.

use archive::model::{Certificate, CertificateSummary};
use leptos::prelude::*;

use crate::error::AppError;

/// The certificates of the person the session acts for, newest first.
#[server(prefix = "/api", endpoint = "certificates")]
pub async fn list_certificates() -> Result<Vec<CertificateSummary>, AppError> {
    use crate::ssr::subject_access;
    Ok(subject_access().await?.certificates().await?)
}

/// One certificate in full.
#[server(prefix = "/api", endpoint = "certificate")]
pub async fn read_certificate(id: String) -> Result<Certificate, AppError> {
    use crate::ssr::subject_access;
    let id = id.parse().map_err(|_| AppError::NotFound)?;
    Ok(subject_access().await?.certificate(id).await?)
}
