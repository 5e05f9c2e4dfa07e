//! One certificate: its form, who wrote it, where and when, what it says (in the
//! language it was written in), and where it was sent.

use archive::model::Certificate;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::api::read_certificate;
use super::{form_text, sent_text};
use crate::i18n::LangExt as _;
use crate::i18n::{lang, t, t_args};
use crate::islands::PrintButton;
use crate::ui::{item, once, page_title, problem, H1, H2, LINK};

#[component]
pub fn CertificatePage() -> impl IntoView {
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .unwrap_or_default();
    let certificate = once(read_certificate(id));
    view! {
        <p class="mb-2 print:hidden">
            <a class=LINK href="/certificates">
                {t("certificates-back")}
            </a>
        </p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match certificate.await {
                    Ok(c) => certificate_view(c).into_any(),
                    Err(e) => {
                        view! {
                            <Title text=page_title("certificate-title") />
                            <h1 class=H1>{t("certificate-title")}</h1>
                            {problem(&e)}
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

fn certificate_view(c: Certificate) -> impl IntoView {
    let lang = lang();
    let s = c.summary;
    let heading = form_text(s.form);
    let role = t(&format!("certificate-role-{}", s.role.code()));
    view! {
        <Title text=t_args("page-title", &[("page", heading.clone().into())]) />
        <h1 class=H1>{heading}</h1>
        <dl class="mb-6 space-y-1">
            {item(t("certificates-issued"), lang.datetime(s.issued_at))}
            {item(t("certificate-role"), role)}
            {item(t("certificate-organisation"), s.organisation.name.clone())}
            {item(t("certificates-unit"), s.unit.clone())}
            {item(t("certificates-sent"), sent_text(&s.forwardings))}
        </dl>
        <section aria-labelledby="content" class="mb-6 max-w-prose">
            <h2 id="content" class=H2>{t("certificate-content")}</h2>
            <p lang=c.language.code() class="whitespace-pre-line">{c.content}</p>
        </section>
        <p>
            <PrintButton label=t("print") />
        </p>
    }
}
