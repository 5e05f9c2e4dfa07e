//! The Patient Summary page: what a doctor abroad sees with the person's consent —
//! allergies and risks, problems, the medication in use, procedures, immunisations and
//! the latest laboratory results — with what a professional delayed said to exist,
//! printable, and downloadable as an HL7 IPS document (FHIR JSON).

use archive::model::{Medication, PatientSummary, SummaryEntry};
use leptos::prelude::*;
use leptos_meta::Title;

use super::api::read_patient_summary;
use crate::i18n::LangExt as _;
use crate::i18n::{count, lang, t, t_args};
use crate::islands::PrintButton;
use crate::ui::{once, page_title, problem, H1, H2, LINK};

/// Where the document is downloaded (`server/src/patient_summary.rs` serves it).
pub const DOWNLOAD: &str = "/abroad/summary.json";

#[component]
pub fn PatientSummaryPage() -> impl IntoView {
    let summary = once(read_patient_summary());
    view! {
        <Title text=page_title("patient-summary-title") />
        <h1 class=H1>{t("patient-summary-title")}</h1>
        <div class="mb-4 max-w-3xl space-y-2">
            <p>{t("patient-summary-intro")}</p>
            <p>{t("patient-summary-denials")}</p>
        </div>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match summary.await {
                    Ok(summary) => summary_view(summary).into_any(),
                    Err(e) => problem(&e),
                }
            })}
        </Suspense>
    }
}

fn summary_view(summary: PatientSummary) -> impl IntoView {
    let lang = lang();
    let p = &summary.person;
    let delayed = (!summary.delayed.is_empty()).then(|| {
        view! {
            <section aria-labelledby="delayed" class="mb-6">
                <h2 class=H2 id="delayed">{t("patient-summary-delayed-title")}</h2>
                <p class="mb-2">
                    {t_args("patient-summary-delayed", &[("count", count(summary.delayed.len()))])}
                </p>
                <ul class="list-disc pl-6">
                    {summary
                        .delayed
                        .iter()
                        .map(|d| {
                            view! {
                                <li>
                                    {t(&format!("kind-{}", d.kind.code()))}", "
                                    {d.organisation.name.clone()}": "
                                    {t_args("patient-summary-appears", &[("date", lang.datetime(d.appears_at).into())])}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    });
    view! {
        <dl class="mb-4 grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt class="font-semibold">{t("patient-summary-name")}</dt>
            <dd>{format!("{} {}", p.given_name, p.family_name)}</dd>
            <dt class="font-semibold">{t("patient-summary-birth-date")}</dt>
            <dd>{lang.date(p.birth_date)}</dd>
            <dt class="font-semibold">{t("patient-summary-compiled")}</dt>
            <dd>{lang.datetime(summary.compiled_at)}</dd>
        </dl>
        <p class="mb-6 flex flex-wrap gap-4 print:hidden">
            <a class=LINK href=DOWNLOAD download="patient-summary.json">
                {t("patient-summary-download")}
            </a>
            <PrintButton label=t("print") />
        </p>
        {delayed}
        {entries_section("allergies", t("patient-summary-allergies"), &summary.allergies)}
        {entries_section("problems", t("patient-summary-problems"), &summary.problems)}
        {medication_section(&summary.medication)}
        {entries_section("procedures", t("patient-summary-procedures"), &summary.procedures)}
        {entries_section(
            "immunizations",
            t("patient-summary-immunizations"),
            &summary.immunizations,
        )}
        {results_section(&summary)}
        <p class="mt-6 print:hidden">
            <a class=LINK href="/abroad">{t("patient-summary-consent-link")}</a>
        </p>
    }
}

/// A section of coded entries: each with its code and when it was first and last
/// recorded, or that there are none.
fn entries_section(id: &'static str, title: String, entries: &[SummaryEntry]) -> impl IntoView {
    let lang = lang();
    let list = if entries.is_empty() {
        view! { <p>{t("patient-summary-none")}</p> }.into_any()
    } else {
        view! {
            <ul class="list-disc space-y-1 pl-6">
                {entries
                    .iter()
                    .map(|e| {
                        let when = if e.first_recorded.date() == e.last_recorded.date() {
                            lang.date(e.last_recorded.date())
                        } else {
                            format!(
                                "{}–{}",
                                lang.date(e.first_recorded.date()),
                                lang.date(e.last_recorded.date()),
                            )
                        };
                        view! {
                            <li>
                                <span lang=e.language.code()>{e.coding.display.clone()}</span>
                                " ("{e.coding.code.clone()}"), "{when}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby=id class="mb-6">
            <h2 class=H2 id=id>{title}</h2>
            {list}
        </section>
    }
}

fn medication_section(medication: &[Medication]) -> impl IntoView {
    let list = if medication.is_empty() {
        view! { <p>{t("patient-summary-none")}</p> }.into_any()
    } else {
        view! {
            <ul class="list-disc space-y-1 pl-6">
                {medication
                    .iter()
                    .map(|m| {
                        view! {
                            <li>
                                <span class="font-semibold">{format!("{} {}", m.product, m.strength)}</span>
                                " ("{m.atc.clone()}")"
                                {(!m.dosage.is_empty()).then(|| view! {
                                    ": "<span lang=m.language.code()>{m.dosage.clone()}</span>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
            .into_any()
    };
    view! {
        <section aria-labelledby="medication" class="mb-6">
            <h2 class=H2 id="medication">{t("patient-summary-medication")}</h2>
            {list}
        </section>
    }
}

fn results_section(summary: &PatientSummary) -> impl IntoView {
    let lang = lang();
    let list = if summary.results.is_empty() {
        view! { <p>{t("patient-summary-none")}</p> }.into_any()
    } else {
        view! {
            <ul class="list-disc space-y-1 pl-6">
                {summary
                    .results
                    .iter()
                    .map(|r| {
                        view! {
                            <li>
                                {format!(
                                    "{}: {} {}, {}",
                                    r.test_name,
                                    lang.number(r.latest.value),
                                    r.unit,
                                    lang.date(r.latest.taken_at.date()),
                                )}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="results" class="mb-6">
            <h2 class=H2 id="results">{t("patient-summary-results")}</h2>
            {list}
        </section>
    }
}
