//! The page abroad: each service (the ePrescription, the Patient Summary) with whether
//! consent is in force, where it works today, what it leaves out or ignores, and its
//! form; then the history. Each form posts to the page's own address (see
//! `server/src/forms.rs`): the page changes the consent, then redirects (303), or shows
//! the form again with what is wrong.

use archive::model::{Abroad, CrossBorderService, ServiceConsent, DENIALS_READ_FIELD};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{change_abroad, read_abroad, AbroadChange};
use crate::i18n::LangExt as _;
use crate::i18n::{count, lang, t, t_args};
use crate::ui::form::{error_for, form_page, posted, Change, ConfirmBox, ErrorSummary, FormError};
use crate::ui::{
    done_notice, page_title, problem, Table, BUTTON, BUTTON_SECONDARY, H1, H2, LINK, TD,
};

#[component]
pub fn AbroadPage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let notice = match query.get("changed").as_deref() {
        Some("give") => Some("abroad-given"),
        Some("withdraw") => Some("abroad-withdrawn"),
        _ => None,
    };
    // Present only while the server renders the answer to a posted form.
    let submission = use_context::<AbroadChange>();
    let done = match submission.as_ref().map(|s| s.change) {
        Some(Change::Withdraw) => "/abroad?changed=withdraw",
        _ => "/abroad?changed=give",
    };
    let page = form_page(submission, change_abroad, read_abroad);
    view! {
        <Title text=page_title("abroad-title") />
        <h1 class=H1>{t("abroad-title")}</h1>
        <p class="mb-4 max-w-3xl">{t("abroad-intro")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let (error, abroad) = match posted(page.await, done, DENIALS_READ_FIELD) {
                    Ok(shown) => shown,
                    Err(answer) => return answer,
                };
                match abroad {
                    Ok(abroad) => abroad_view(abroad, notice, error).into_any(),
                    Err(e) => problem(&e),
                }
            })}
        </Suspense>
    }
}

fn service_text(service: CrossBorderService, what: &str) -> String {
    t(&format!("abroad-{}-{what}", service.code()))
}

/// A country's name in the page's language.
fn country_name(code: &str) -> String {
    t(&format!("country-{code}"))
}

fn abroad_view(abroad: Abroad, notice: Option<&'static str>, error: FormError) -> impl IntoView {
    let services = abroad
        .services
        .iter()
        .map(|consent| service_section(consent, &abroad, &error))
        .collect_view();
    view! {
        <ErrorSummary error=error.clone() />
        {notice.map(|key| done_notice(t(key)))}
        {services}
        <section aria-labelledby="history-title">
            <h2 class=H2 id="history-title">{t("abroad-history")}</h2>
            {history(&abroad)}
        </section>
    }
}

fn service_section(consent: &ServiceConsent, abroad: &Abroad, error: &FormError) -> impl IntoView {
    let lang = lang();
    let service = consent.service;
    let id = service.code();
    let mut countries: Vec<String> = consent.countries.iter().map(|c| country_name(c)).collect();
    countries.sort();
    let status = match consent.since {
        Some(at) => t_args("abroad-in-force", &[("date", lang.datetime(at).into())]),
        None => t("abroad-not-given"),
    };
    let what = match service {
        CrossBorderService::EPrescription => eprescription_limits(abroad).into_any(),
        CrossBorderService::PatientSummary => denials_ignored(abroad).into_any(),
    };
    view! {
        <section aria-labelledby=id class="mb-8">
            <h2 class=H2 id=id>{service_text(service, "title")}</h2>
            <p class="mb-3 max-w-3xl">{service_text(service, "explain")}</p>
            <h3 class="mb-1 text-lg font-semibold">{t("abroad-countries")}</h3>
            {if countries.is_empty() {
                view! { <p class="mb-3">{t("abroad-no-countries")}</p> }.into_any()
            } else {
                view! {
                    <ul class="mb-3 list-disc pl-6">
                        {countries.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                    </ul>
                }
                    .into_any()
            }}
            {what}
            <p class="mb-3 font-semibold">{status}</p>
            {consent_form(service, consent.since.is_some(), error)}
        </section>
    }
}

/// What cannot be bought abroad, and which of the person's prescriptions that is.
fn eprescription_limits(abroad: &Abroad) -> impl IntoView {
    let theirs = (!abroad.not_abroad.is_empty()).then(|| {
        view! {
            <p class="mb-1">{t("abroad-your-excluded")}</p>
            <ul class="mb-3 list-disc pl-6">
                {abroad
                    .not_abroad
                    .iter()
                    .map(|p| view! { <li>{format!("{} {}", p.product, p.strength)}</li> })
                    .collect_view()}
            </ul>
        }
    });
    view! {
        <p class="mb-3 max-w-3xl">{t("abroad-eprescription-excluded")}</p>
        {theirs}
    }
}

/// That Finnish denials do not apply to the Patient Summary abroad, said before the
/// consent is given, with how many the person has in force.
fn denials_ignored(abroad: &Abroad) -> impl IntoView {
    view! {
        <div class="mb-3 max-w-3xl rounded border-l-4 border-amber-600 bg-amber-50 p-4">
            <p class="font-semibold">{t("abroad-denials-ignored")}</p>
            <p>
                {t_args("abroad-denials-in-force", &[("count", count(abroad.denials))])}
                " "
                <a class=LINK href="/consents">{t("abroad-see-denials")}</a>
            </p>
        </div>
        <p class="mb-3">
            <a class=LINK href="/abroad/summary">{t("abroad-see-summary")}</a>
        </p>
    }
}

fn consent_form(service: CrossBorderService, given: bool, error: &FormError) -> impl IntoView {
    let change = if given {
        Change::Withdraw
    } else {
        Change::Give
    };
    let confirm = (!given && service.ignores_denials()).then(|| {
        view! {
            <ConfirmBox
                name=DENIALS_READ_FIELD
                label=t("abroad-denials-confirm")
                error=error_for(error, DENIALS_READ_FIELD)
            />
        }
    });
    view! {
        <form method="post" action="/abroad" class="max-w-3xl space-y-4">
            <input type="hidden" name="service" value=service.code() />
            <input type="hidden" name="change" value=change.code() />
            {confirm}
            <button type="submit" class=if given { BUTTON_SECONDARY } else { BUTTON }>
                {service_text(service, if given { "withdraw" } else { "give" })}
            </button>
        </form>
    }
}

fn history(abroad: &Abroad) -> AnyView {
    if abroad.history.is_empty() {
        return view! { <p>{t("abroad-no-history")}</p> }.into_any();
    }
    let lang = lang();
    let rows = abroad
        .history
        .iter()
        .map(|e| {
            let what = if e.given {
                t("abroad-event-given")
            } else {
                t("abroad-event-withdrawn")
            };
            view! {
                <tr>
                    <td class=TD>{lang.datetime(e.at)}</td>
                    <td class=TD>{service_text(e.service, "title")}</td>
                    <td class=TD>{what}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Table
            id="history".to_owned()
            caption=t("abroad-history-caption")
            headers=vec![
                t("declaration-history-when"),
                t("abroad-col-service"),
                t("declaration-history-what"),
            ]
        >
            {rows}
        </Table>
    }
    .into_any()
}
