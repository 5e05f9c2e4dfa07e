//! The feedback form's server function, and the form as it is posted.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The feedback form as posted: every field as typed, so that a form with a mistake
/// can be shown again as it was.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackSubmission {
    #[serde(default)]
    pub page: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub contact: String,
    /// The idempotency key the form was rendered with.
    #[serde(default)]
    pub key: String,
}

impl crate::ui::form::PostedForm for FeedbackSubmission {
    const PATH: &'static str = "/accessibility";
}

/// Keeps accessibility feedback; anyone may send it, signed in or not. Every wrong
/// field is named at once.
#[server(prefix = "/api", endpoint = "accessibility-feedback")]
pub async fn send_feedback(submission: FeedbackSubmission) -> Result<(), AppError> {
    use crate::ssr::context_archive;
    use archive::model::Feedback;
    let feedback = Feedback {
        page: Some(submission.page),
        message: submission.message,
        contact: Some(submission.contact),
        language: crate::i18n::lang(),
        key: submission.key,
    };
    AppError::check(
        feedback
            .problems()
            .into_iter()
            .map(|(field, code)| (field.to_owned(), code.to_owned()))
            .collect(),
    )?;
    Ok(context_archive()?
        .receive_feedback(&feedback)
        .await
        .map(|_| ())?)
}
