//! One document of the health records.

use archive::model::{Document, MaybeDelayed};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::api::read_document;
use super::by_kind::{measured_text, text_paragraphs};
use super::delayed::delayed_document;
use super::lab::{reference_range, FlagText};
use super::list::kind_label;
use crate::i18n::LangExt as _;
use crate::i18n::{lang, t, t_args};
use crate::islands::PrintButton;
use crate::ui::{once, page_title, problem, Table, H1, H2, LINK, TD};

#[component]
pub fn DocumentPage() -> impl IntoView {
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .unwrap_or_default();
    let document = once(read_document(id));
    view! {
        <Suspense fallback=|| ()>
            {move || {
                Suspend::new(async move {
                    match document.await {
                        Ok(MaybeDelayed::Shown(doc)) => {
                            let own = crate::frame::current_session()
                                .await
                                .is_some_and(|s| s.user.acting_for.is_none());
                            document_view(doc, own).into_any()
                        }
                        Ok(MaybeDelayed::Delayed(d)) => delayed_document(d).into_any(),
                        Err(e) => {
                            view! {
                                <Title text=page_title("document-title") />
                                <h1 class=H1>{t("document-title")}</h1>
                                {problem(&e)}
                            }
                                .into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

fn document_view(doc: Document, own: bool) -> impl IntoView {
    let lang = lang();
    let s = doc.summary;
    let text = doc.text.filter(|text| !text.trim().is_empty());
    // A term and its value; `written_in` marks a value in the record's own language.
    let row = |label: String, value: String, written_in: Option<&'static str>| {
        view! {
            <div class="flex flex-col sm:flex-row sm:gap-2">
                <dt class="font-semibold sm:w-56">{label}</dt>
                <dd lang=written_in>{value}</dd>
            </div>
        }
    };
    let written_in = s.language.code();
    view! {
        <Title text=t_args("page-title", &[("page", s.title.clone().into())]) />
        <p class="mb-2 print:hidden">
            <a class=LINK href="/records">
                {t("back-to-records")}
            </a>
        </p>
        <h1 class=H1 lang=written_in>{s.title.clone()}</h1>
        <dl class="mb-6 space-y-1">
            {row(t("document-kind"), kind_label(s.kind), None)}
            {row(t("document-recorded"), lang.datetime(s.recorded_at), None)}
            {row(
                t("document-event"),
                s.service_event.title.clone(),
                Some(s.service_event.language.code()),
            )}
            {row(t("document-organisation"), s.organisation.name.clone(), None)}
            {row(t("document-unit"), s.unit.clone(), None)}
            {s.professional.clone().map(|p| row(t("document-professional"), p, None))}
            {doc
                .coding
                .clone()
                .map(|c| {
                    row(t("document-code"), format!("{} {}", c.code, c.display), Some(written_in))
                })}
            {(!doc.values.is_empty())
                .then(|| row(t("document-measured"), measured_text(&doc.values), None))}
        </dl>
        {doc
            .lab
            .map(|l| {
                let range = reference_range(l.reference_low, l.reference_high, &l.unit);
                view! {
                    <Table id="lab-result".to_owned() caption=t("document-lab-result") shown=true headers=vec![t("lab-test"), t("lab-value"), t("lab-reference"), t("lab-flag")]>
                            <tr>
                                <td class=TD>
                                    <a class=LINK href=format!("/lab/{}", s.id)>
                                        {format!("{} ({})", l.test_name, l.test_code)}
                                    </a>
                                </td>
                                <td class=TD>{format!("{} {}", lang.number(l.value), l.unit)}</td>
                                <td class=TD>{range}</td>
                                <td class=TD>
                                    <FlagText flag=l.flag />
                                </td>
                            </tr>
                    </Table>
                }
            })}
        {text
            .map(|text| {
                view! {
                    <section class="max-w-prose space-y-3" aria-labelledby="document-text">
                        <h2 id="document-text" class=H2>
                            {t("document-text")}
                        </h2>
                        {text_paragraphs(&text, written_in)}
                    </section>
                }
            })}
        <p class="mt-6">
            <PrintButton label=t("print") />
        </p>
        // Only the person denies (a proxy cannot).
        {own
            .then(|| {
                let href = crate::ui::consent_change_href(
                    true,
                    archive::model::Choice::DenyServiceEvent(s.service_event.id),
                );
                view! {
                    <p class="mt-4 print:hidden">
                        <a class=LINK href=href>{t("document-deny-event")}</a>
                    </p>
                }
            })}
    }
}
