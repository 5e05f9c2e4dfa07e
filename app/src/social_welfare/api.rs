//! Social welfare's server functions.

use archive::model::{SocialDocument, SocialWelfare};
use leptos::prelude::*;

use crate::error::AppError;

/// The social-welfare documents of the person the session acts for, by service task.
#[server(prefix = "/api", endpoint = "social-welfare")]
pub async fn read_social_welfare() -> Result<SocialWelfare, AppError> {
    use crate::ssr::subject_access;
    Ok(subject_access().await?.social_welfare().await?)
}

/// One social-welfare document.
#[server(prefix = "/api", endpoint = "social-document")]
pub async fn read_social_document(id: String) -> Result<SocialDocument, AppError> {
    use crate::ssr::subject_access;
    let id = id.parse().map_err(|_| AppError::NotFound)?;
    Ok(subject_access().await?.social_document(id).await?)
}
