//! Delayed display: what the pages say of a document a professional has delayed. The
//! archive gives only its kind, organisation and time of appearing; these views say
//! that it exists and when it appears, never nothing.

use archive::model::DelayedDocument;
use leptos::prelude::*;
use leptos_meta::Title;

use super::list::kind_label;
use crate::i18n::LangExt as _;
use crate::i18n::{lang, t, t_args};
use crate::ui::{item, H1, H2, LINK};

/// "Laboratory result, Organisation: appears on 21.12.2026 at 10.15", linking to the
/// document's page, which explains the delay.
pub(super) fn delayed_item(d: DelayedDocument) -> impl IntoView {
    let text = t_args(
        "delayed-item",
        &[
            ("kind", kind_label(d.kind).into()),
            ("organisation", d.organisation.name.into()),
            ("when", lang().datetime(d.appears_at).into()),
        ],
    );
    view! {
        <li>
            <a class=LINK href=format!("/records/{}", d.id)>
                {text}
            </a>
        </li>
    }
}

/// The documents of a page's kinds that are not shown yet, as a section of their own;
/// nothing when there are none.
#[component]
pub(super) fn DelayedList(documents: Vec<DelayedDocument>) -> impl IntoView {
    (!documents.is_empty()).then(|| {
        view! {
            <section aria-labelledby="delayed-heading" class="mt-6">
                <h2 id="delayed-heading" class=H2>
                    {t("delayed-heading")}
                </h2>
                <p class="mb-2 max-w-prose">{t("delayed-intro")}</p>
                <ul class="list-disc space-y-1 pl-6">
                    {documents.into_iter().map(delayed_item).collect_view()}
                </ul>
            </section>
        }
    })
}

/// The page of a document that is not shown yet.
pub(super) fn delayed_document(d: DelayedDocument) -> impl IntoView {
    let lang = lang();
    let kind = kind_label(d.kind);
    view! {
        <Title text=t_args("page-title", &[("page", kind.clone().into())]) />
        <p class="mb-2">
            <a class=LINK href="/records">
                {t("back-to-records")}
            </a>
        </p>
        <h1 class=H1>{kind.clone()}</h1>
        <p class="mb-4 max-w-prose" role="status">
            {t_args("delayed-document", &[("when", lang.datetime(d.appears_at).into())])}
        </p>
        <dl class="mb-6 space-y-1">
            {item(t("document-kind"), kind)}
            {item(t("document-organisation"), d.organisation.name)}
            {item(t("delayed-appears"), lang.datetime(d.appears_at))}
        </dl>
    }
}
