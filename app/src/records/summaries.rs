//! The summaries of the health records: diagnoses, risk information, vaccinations.

use archive::model::SummaryEntry;
use leptos::prelude::*;
use leptos_meta::Title;

use super::api::read_summaries;
use super::by_kind::{title_key, SUMMARY_KINDS};
use super::delayed::DelayedList;
use crate::i18n::LangExt as _;
use crate::i18n::{lang, t};
use crate::ui::{once, page_title, problem, Table, H1, H2, LINK, TD};

#[component]
pub fn SummariesPage() -> impl IntoView {
    let summaries = once(read_summaries());
    view! {
        <Title text=page_title("summaries-title") />
        <h1 class=H1>{t("summaries-title")}</h1>
        <nav aria-labelledby="by-kind" class="mb-6 print:hidden">
            <h2 id="by-kind" class=H2>
                {t("summaries-by-kind")}
            </h2>
            <p class="mb-2">{t("summaries-by-kind-intro")}</p>
            <ul class="list-disc space-y-1 pl-6">
                {SUMMARY_KINDS
                    .into_iter()
                    .map(|kind| {
                        view! {
                            <li>
                                <a class=LINK href=format!("/summaries/{}", kind.code())>
                                    {t(title_key(kind))}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match summaries.await {
                    Ok(s) => {
                        view! {
                            {summary_table("summaries-diagnoses", "summaries-diagnoses-none", s.diagnoses, true)}
                            {summary_table("summaries-risks", "summaries-risks-none", s.risks, false)}
                            {summary_table("summaries-vaccinations", "summaries-vaccinations-none", s.vaccinations, true)}
                            <DelayedList documents=s.delayed />
                        }
                            .into_any()
                    }
                    Err(e) => problem(&e),
                }
            })}
        </Suspense>
    }
}

fn summary_table(
    title: &'static str,
    none: &'static str,
    entries: Vec<SummaryEntry>,
    with_code: bool,
) -> impl IntoView {
    let lang = lang();
    view! {
        <section aria-labelledby=title>
            <h2 id=title class=H2>
                {t(title)}
            </h2>
            {if entries.is_empty() {
                view! { <p>{t(none)}</p> }.into_any()
            } else {
                view! {
                    <Table id=format!("{title}-table") caption=t(title) headers=[Some(t("summaries-name")), with_code.then(|| t("summaries-code")), Some(t("summaries-first")), Some(t("summaries-latest")), Some(t("summaries-times"))].into_iter().flatten().collect()>
                            {entries
                                .into_iter()
                                .map(|e| {
                                    view! {
                                        <tr>
                                            <td class=TD>
                                                <a
                                                    class=LINK
                                                    href=format!("/records/{}", e.latest_document)
                                                    lang=e.language.code()
                                                >
                                                    {e.coding.display.clone()}
                                                </a>
                                                {e
                                                    .text
                                                    .clone()
                                                    .filter(|_| !with_code)
                                                    .map(|x| {
                                                        view! {
                                                            <p class="text-sm" lang=e.language.code()>
                                                                {x}
                                                            </p>
                                                        }
                                                    })}
                                            </td>
                                            {with_code.then(|| view! { <td class=TD>{e.coding.code.clone()}</td> })}
                                            <td class=TD>{lang.date(e.first_recorded.date())}</td>
                                            <td class=TD>{lang.date(e.last_recorded.date())}</td>
                                            <td class=TD>{e.times}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                    </Table>
                }
                    .into_any()
            }}
        </section>
    }
}
