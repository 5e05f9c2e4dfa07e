//! The accessibility statement page and its feedback form, which posts to the page's
//! own address (see `server/src/forms.rs`): the page keeps the feedback, then redirects
//! (303), or shows the form again as typed with everything that is wrong.

use archive::model::{MAX_CONTACT_CHARS, MAX_FEEDBACK_CHARS, MAX_PAGE_CHARS};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{send_feedback, FeedbackSubmission};
use crate::i18n::{count, t, t_args};
use crate::ui::form::{
    error_for, form_page, fresh_key, posted, ErrorSummary, FormError, TextArea, TextInput,
};
use crate::ui::{done_notice, page_title, BUTTON, H1, H2};

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let sent = use_query_map().get_untracked().get("sent").is_some();
    // Present only while the server renders the answer to a posted form.
    let submission = use_context::<FeedbackSubmission>();
    // Nothing to read: the statement is the page's own text.
    let page = form_page(submission.clone(), send_feedback, || async { Ok(()) });
    view! {
        <Title text=page_title("a11y-title") />
        <h1 class=H1>{t("a11y-title")}</h1>
        <Suspense fallback=|| ()>
            {move || {
                let submission = submission.clone();
                Suspend::new(async move {
                    let done = "/accessibility?sent=1#feedback";
                    let error = match posted(page.await, done, "message") {
                        Ok((error, _)) => error,
                        Err(answer) => return answer,
                    };
                    statement(sent, submission.unwrap_or_default(), error).into_any()
                })
            }}
        </Suspense>
    }
}

fn statement(sent: bool, typed: FeedbackSubmission, error: FormError) -> impl IntoView {
    let checks = [
        "a11y-tested-axe",
        "a11y-tested-structure",
        "a11y-tested-reflow",
        "a11y-tested-targets",
        "a11y-tested-language",
        "a11y-tested-keyboard",
        "a11y-tested-states",
    ];
    view! {
        <ErrorSummary error=error.clone() />
        <div class="max-w-prose space-y-4">
            <p>{t("a11y-intro")}</p>
            <h2 class=H2>{t("a11y-status-title")}</h2>
            <p>{t("a11y-status")}</p>
            <h2 class=H2>{t("a11y-tested-title")}</h2>
            <p>{t("a11y-tested-intro")}</p>
            <ul class="list-disc space-y-1 pl-6">
                {checks.into_iter().map(|key| view! { <li>{t(key)}</li> }).collect_view()}
            </ul>
            <h2 class=H2>{t("a11y-gaps-title")}</h2>
            <p>{t("a11y-gaps")}</p>
            <h2 class=H2>{t("a11y-made-title")}</h2>
            <p>{t("a11y-made")}</p>
            <h2 class=H2 id="feedback">{t("a11y-feedback-title")}</h2>
            {sent.then(|| done_notice(t("a11y-feedback-sent")))}
            <p>{t("a11y-feedback-intro")}</p>
            <form method="post" action="/accessibility" class="space-y-4">
                // The same form sent again is kept once; a form with errors keeps its key.
                <input
                    type="hidden"
                    name="key"
                    value=if typed.key.is_empty() { fresh_key() } else { typed.key.clone() }
                />
                <TextInput
                    name="page"
                    label=t("a11y-feedback-page")
                    value=typed.page
                    error=error_for(&error, "page")
                    maxlength=MAX_PAGE_CHARS
                />
                <TextArea
                    name="message"
                    label=t("a11y-feedback-message")
                    hint=t_args("a11y-feedback-message-hint", &[("max", count(MAX_FEEDBACK_CHARS))])
                    value=typed.message
                    error=error_for(&error, "message")
                    rows=6
                    maxlength=MAX_FEEDBACK_CHARS
                />
                <TextInput
                    name="contact"
                    label=t("a11y-feedback-contact")
                    value=typed.contact
                    error=error_for(&error, "contact")
                    maxlength=MAX_CONTACT_CHARS
                    autocomplete="email"
                />
                <button type="submit" class=BUTTON>
                    {t("a11y-feedback-send")}
                </button>
            </form>
            <h2 class=H2>{t("a11y-authority-title")}</h2>
            <p>{t("a11y-authority")}</p>
        </div>
    }
}
