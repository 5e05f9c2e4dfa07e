//! One social-welfare document: what it is, when and where it was recorded, its text in
//! the language it was written in, and whom to contact.

use archive::model::SocialDocument;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::api::read_social_document;
use super::{kind_text, task_text, worker_view};
use crate::i18n::LangExt as _;
use crate::i18n::{lang, t, t_args};
use crate::islands::PrintButton;
use crate::ui::{item, once, page_title, problem, H1, H2, LINK};

#[component]
pub fn SocialDocumentPage() -> impl IntoView {
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .unwrap_or_default();
    let document = once(read_social_document(id));
    view! {
        <p class="mb-2 print:hidden">
            <a class=LINK href="/social-welfare">
                {t("social-back")}
            </a>
        </p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match document.await {
                    Ok(d) => document_view(d).into_any(),
                    Err(e) => {
                        view! {
                            <Title text=page_title("social-document") />
                            <h1 class=H1>{t("social-document")}</h1>
                            {problem(&e)}
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

fn document_view(d: SocialDocument) -> impl IntoView {
    let lang = lang();
    let s = d.summary;
    let written_in = s.language.code();
    view! {
        <Title text=t_args("page-title", &[("page", s.title.clone().into())]) />
        <h1 class=H1 lang=written_in>{s.title.clone()}</h1>
        <dl class="mb-6 space-y-1">
            {item(t("social-task"), task_text(s.task))}
            {item(t("social-kind"), kind_text(s.kind))}
            {item(t("social-recorded"), lang.datetime(s.recorded_at))}
            {item(t("social-organisation"), s.organisation.name.clone())}
            {item(t("social-unit"), s.unit.clone())}
        </dl>
        {d
            .text
            .map(|text| {
                view! {
                    <section aria-labelledby="document-text" class="mb-6 max-w-prose">
                        <h2 id="document-text" class=H2>{t("social-text")}</h2>
                        <p lang=written_in class="whitespace-pre-line">{text}</p>
                    </section>
                }
            })}
        {d
            .worker
            .map(|w| {
                view! {
                    <section aria-labelledby="contact" class="mb-6 max-w-prose">
                        <h2 id="contact" class=H2>{t("social-contact")}</h2>
                        {worker_view(w)}
                    </section>
                }
            })}
        <p>
            <PrintButton label=t("print") />
        </p>
    }
}
