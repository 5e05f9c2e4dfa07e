//! A form posted to its own page's address, and that page's answer: 303 on success,
//! 422 with everything as typed on an error.

use leptos::prelude::*;

use super::{field_errors, invalid_text, FormError};
use crate::error::AppError;
use crate::ui::{problem, see_other, set_status};

/// A form posted to its own page's address, which answers it (`server/src/forms.rs`
/// routes each at its `PATH`); it is given to the page in context as typed.
pub trait PostedForm:
    serde::de::DeserializeOwned + Default + Clone + Send + Sync + 'static
{
    /// The page's address, as the server's router writes it (`/prescriptions/{id}`).
    const PATH: &'static str;
}

/// What a page with a form posted to it shows: how what was posted was answered
/// (`None` when nothing was), and the page's own data, read unless the form was
/// accepted (the page then only redirects).
#[derive(Debug, Clone)]
pub struct FormPage<V> {
    sent: Option<Result<(), AppError>>,
    data: Option<Result<V, AppError>>,
}

/// Sends the form posted to this page, when one was (`typed`), then reads what the
/// page shows: once, in the component's body. (Made inside `Suspend`, a call is made
/// as often as `Suspense` polls the view, which is more than once; see
/// [`crate::ui::once`].)
pub fn form_page<T, R, V, S, D>(
    typed: Option<T>,
    send: impl FnOnce(T) -> S + Send + 'static,
    read: impl FnOnce() -> D + Send + 'static,
) -> crate::ui::Once<FormPage<V>>
where
    T: Send + 'static,
    S: std::future::Future<Output = Result<R, AppError>> + Send + 'static,
    D: std::future::Future<Output = Result<V, AppError>> + Send + 'static,
    V: Clone + Send + Sync + 'static,
{
    crate::ui::once(async move {
        let sent = match typed {
            Some(typed) => Some(send(typed).await.map(|_| ())),
            None => None,
        };
        let data = match sent {
            Some(Ok(())) => None,
            _ => Some(read().await),
        };
        FormPage { sent, data }
    })
}

/// Answers a form posted to its own page ([`form_page`]): on success sends the browser
/// to `done` (303) and renders nothing; on an invalid field or a rule that refuses
/// (whose error belongs to `blocked_field`) gives the errors to show the form again
/// with, as typed (422); otherwise the problem. With the errors (none when nothing was
/// posted), the page's data. The page renders `Err` as its whole answer:
///
/// ```ignore
/// let (error, data) = match posted(page.await, "/done", "field") {
///     Ok(shown) => shown,
///     Err(answer) => return answer,
/// };
/// ```
///
/// # Errors
/// The page's whole answer, when it is not the form again.
pub fn posted<V>(
    page: FormPage<V>,
    done: &str,
    blocked_field: &str,
) -> Result<(FormError, Result<V, AppError>), AnyView> {
    let errors = match page.sent {
        None => Vec::new(),
        Some(Ok(())) => {
            see_other(done);
            return Err(().into_any());
        }
        Some(Err(AppError::Blocked { code })) => {
            set_status(http::StatusCode::UNPROCESSABLE_ENTITY);
            vec![(blocked_field.to_owned(), invalid_text(&code))]
        }
        Some(Err(e)) => match field_errors(&e) {
            Some(errors) => {
                set_status(http::StatusCode::UNPROCESSABLE_ENTITY);
                errors
            }
            None => return Err(problem(&e)),
        },
    };
    let data = page.data.unwrap_or(Err(AppError::NotFound));
    Ok((errors, data))
}
