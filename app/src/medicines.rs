//! The prescription pages: the list, one prescription with its purchases and renewal
//! requests (and the form to ask for one), and the medication list.
//!
//! The renewal form is a plain HTML form posted to the prescription's own address. The
//! server renders this page for the post with the typed values in context
//! ([`RenewalSubmission`]): the page sends the request, then redirects to itself
//! (303) on success, or shows the form again as it was typed, with what is wrong.

use archive::model::{
    Prescription, PrescriptionDetail, PrescriptionStatus, RenewalRequest, RenewalStatus,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{
    list_renewal_requests, read_medication_list, read_prescription, read_prescriptions,
    send_renewal_request, RenewalSubmission,
};
use crate::error::AppError;
use crate::i18n::{lang, t, t_args};
use crate::islands::PrintButton;
use crate::layout::{current_session, BUTTON, LINK};
use crate::pages::{
    page_title, problem, see_other, set_status, ErrorSummary, H1, H2, TABLE, TD, TH,
};

/// The longest message the form takes; the archive enforces it.
const MAX_MESSAGE: usize = 1000;

fn status_text(status: PrescriptionStatus) -> String {
    t(&format!("prescription-status-{}", status.code()))
}

fn renewal_text(block: Option<&str>) -> String {
    match block {
        None => t("prescriptions-renewable"),
        Some(code) => t(&format!("error-invalid-renewal-{code}")),
    }
}

/// A term and its value in a description list.
fn item(term: String, value: String) -> impl IntoView {
    view! {
        <div>
            <dt class="inline font-semibold">{term}": "</dt>
            <dd class="inline">{value}</dd>
        </div>
    }
}

#[component]
pub fn PrescriptionsPage() -> impl IntoView {
    let show_all = use_query_map().get_untracked().get("show").as_deref() == Some("all");
    view! {
        <Title text=page_title("prescriptions-title") />
        <h1 class=H1>{t("prescriptions-title")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match read_prescriptions().await {
                    Ok(all) => {
                        let requests = list_renewal_requests().await.unwrap_or_default();
                        prescription_list(all, show_all, requests).into_any()
                    }
                    Err(e) => problem(&e),
                }
            })}
        </Suspense>
    }
}

fn prescription_list(
    all: Vec<Prescription>,
    show_all: bool,
    requests: Vec<RenewalRequest>,
) -> impl IntoView {
    let lang = lang();
    let total = all.len();
    // Valid ones (and those waiting for renewal) first; the rest on request.
    let (mut current, old): (Vec<_>, Vec<_>) = all.into_iter().partition(|p| p.status.in_force());
    let hidden = old.len();
    if show_all {
        current.extend(old);
    }
    let shown = current.len();
    view! {
        <p role="status" class="mb-4">
            {t_args("prescriptions-count", &[("shown", shown.into()), ("total", total.into())])}
        </p>
        <p class="mb-4">
            {if show_all {
                view! { <a class=LINK href="/prescriptions">{t("prescriptions-show-valid")}</a> }
                    .into_any()
            } else if hidden > 0 {
                view! {
                    <a class=LINK href="/prescriptions?show=all">
                        {t_args("prescriptions-show-all", &[("count", hidden.into())])}
                    </a>
                }
                    .into_any()
            } else {
                ().into_any()
            }}
        </p>
        <ul class="space-y-4">
            {current
                .into_iter()
                .map(|p| {
                    let heading = format!("{} {} {}", p.product, p.strength, p.form);
                    view! {
                        <li class="rounded border border-slate-300 bg-white p-4">
                            <h2 class="text-lg font-semibold">
                                <a class=LINK href=format!("/prescriptions/{}", p.id)>
                                    {heading}
                                </a>
                            </h2>
                            <p>{p.dosage.clone()}</p>
                            <dl class="mt-2 grid gap-x-4 sm:grid-cols-2">
                                {item(t("prescriptions-status"), status_text(p.status))}
                                {item(t("prescriptions-issued"), lang.date(p.issued_on))}
                                {item(t("prescriptions-valid-until"), lang.date(p.valid_until))}
                                {item(
                                    t("prescriptions-remaining"),
                                    t_args(
                                        "prescriptions-packages",
                                        &[
                                            ("left", p.remaining_packages.into()),
                                            ("of", p.packages.into()),
                                        ],
                                    ),
                                )}
                                {item(t("prescriptions-atc"), p.atc.clone())}
                                {item(
                                    t("prescriptions-prescriber"),
                                    format!("{}, {}", p.prescriber, p.organisation.name),
                                )}
                            </dl>
                            {(p.narcotic || p.central_nervous_system)
                                .then(|| {
                                    view! {
                                        <p class="mt-2 text-sm">{t("prescriptions-not-abroad")}</p>
                                    }
                                })}
                            <p class="mt-2 text-sm">{renewal_text(p.renewal_block.as_deref())}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <h2 class=H2 id="requests">
            {t("prescriptions-requests-title")}
        </h2>
        {if requests.is_empty() {
            view! { <p>{t("prescriptions-no-requests")}</p> }.into_any()
        } else {
            requests_table(requests, true).into_any()
        }}
    }
}

/// Renewal requests as a table; `with_medicine` names the medicine of each (on the
/// list of all requests).
fn requests_table(requests: Vec<RenewalRequest>, with_medicine: bool) -> impl IntoView {
    let lang = lang();
    let caption = if with_medicine {
        t("prescriptions-requests-caption")
    } else {
        t("renewal-requests-caption")
    };
    view! {
        <div class="overflow-x-auto">
            <table class=TABLE>
                <caption class="sr-only">{caption}</caption>
                <thead>
                    <tr>
                        {with_medicine
                            .then(|| view! { <th scope="col" class=TH>{t("prescriptions-medicine")}</th> })}
                        <th scope="col" class=TH>{t("renewal-sent-at")}</th>
                        <th scope="col" class=TH>{t("renewal-status")}</th>
                        <th scope="col" class=TH>{t("renewal-updated-at")}</th>
                        <th scope="col" class=TH>{t("renewal-unit")}</th>
                        <th scope="col" class=TH>{t("renewal-sender")}</th>
                        <th scope="col" class=TH>{t("renewal-answer")}</th>
                    </tr>
                </thead>
                <tbody>
                    {requests
                        .into_iter()
                        .map(|r| {
                            let answer = match (r.status, r.renewed_as, r.reason.clone()) {
                                (RenewalStatus::Renewed, Some(new), _) => {
                                    view! {
                                        <a class=LINK href=format!("/prescriptions/{new}")>
                                            {t("renewal-open-new")}
                                        </a>
                                    }
                                        .into_any()
                                }
                                (_, _, Some(reason)) => reason.into_any(),
                                _ => ().into_any(),
                            };
                            view! {
                                <tr>
                                    {with_medicine
                                        .then(|| {
                                            view! {
                                                <td class=TD>
                                                    <a
                                                        class=LINK
                                                        href=format!("/prescriptions/{}", r.prescription)
                                                    >
                                                        {r.medicine.clone()}
                                                    </a>
                                                </td>
                                            }
                                        })}
                                    <td class=TD>{lang.datetime(r.sent_at)}</td>
                                    <td class=TD>
                                        {t(&format!("renewal-status-{}", r.status.code()))}
                                    </td>
                                    <td class=TD>{lang.datetime(r.updated_at)}</td>
                                    <td class=TD>{r.organisation.name.clone()}</td>
                                    <td class=TD>{r.requested_by_name.clone()}</td>
                                    <td class=TD>{answer}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A fresh idempotency key for a form (only the server renders forms).
fn fresh_key() -> String {
    #[cfg(feature = "ssr")]
    {
        crate::ssr::idempotency_key()
    }
    #[cfg(not(feature = "ssr"))]
    {
        String::new()
    }
}

#[component]
pub fn PrescriptionPage() -> impl IntoView {
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .unwrap_or_default();
    let sent = use_query_map().get_untracked().get("sent").is_some();
    // Present only while the server renders the answer to a posted form.
    let submission = use_context::<RenewalSubmission>();
    view! {
        <Title text=page_title("prescription-page-title") />
        <p class="mb-4 print:hidden">
            <a class=LINK href="/prescriptions">
                {t("prescription-back")}
            </a>
        </p>
        <Suspense fallback=|| ()>
            {move || {
                let id = id.clone();
                let submission = submission.clone();
                Suspend::new(async move {
                    let mut error = None;
                    if let Some(typed) = &submission {
                        match send_renewal_request(id.clone(), typed.clone()).await {
                            Ok(_) => {
                                see_other(&format!("/prescriptions/{id}?sent=1#renewal"));
                                return ().into_any();
                            }
                            Err(AppError::Invalid { field, code }) => {
                                set_status(http::StatusCode::UNPROCESSABLE_ENTITY);
                                error = Some((field, t(&format!("error-invalid-{code}"))));
                            }
                            Err(e) => return problem(&e),
                        }
                    }
                    match read_prescription(id).await {
                        Ok(detail) => {
                            let acting_for = current_session()
                                .await
                                .and_then(|s| s.user.acting_for.map(|f| f.display_name));
                            prescription_view(detail, sent, submission, error, acting_for)
                                .into_any()
                        }
                        Err(e) => {
                            view! {
                                <h1 class=H1>{t("prescription-page-title")}</h1>
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

fn prescription_view(
    detail: PrescriptionDetail,
    sent: bool,
    typed: Option<RenewalSubmission>,
    error: Option<(String, String)>,
    acting_for: Option<String>,
) -> impl IntoView {
    let lang = lang();
    let PrescriptionDetail {
        prescription: p,
        requests,
        organisations,
    } = detail;
    let heading = format!("{} {} {}", p.product, p.strength, p.form);
    let can_renew = p.renewal_block.is_none();
    let dispensations = p.dispensations.clone();
    view! {
        <h1 class=H1>{heading}</h1>
        <ErrorSummary error=error.clone() />
        {sent
            .then(|| {
                view! {
                    <p
                        role="status"
                        class="mb-4 rounded border-l-4 border-green-700 bg-green-50 p-4 font-semibold"
                    >
                        {t("renewal-sent")}
                    </p>
                }
            })}
        <h2 class=H2>{t("prescription-details")}</h2>
        <dl class="grid gap-x-4 sm:grid-cols-2">
            {item(t("prescriptions-status"), status_text(p.status))}
            {item(t("prescription-dosage"), p.dosage.clone())}
            {item(t("prescription-form"), p.form.clone())}
            {item(t("prescription-package"), p.package_size.clone())}
            {item(t("prescription-amount"), p.amount.clone())}
            {item(
                t("prescriptions-remaining"),
                t_args(
                    "prescriptions-packages",
                    &[("left", p.remaining_packages.into()), ("of", p.packages.into())],
                ),
            )}
            {item(t("prescriptions-issued"), lang.date(p.issued_on))}
            {item(t("prescriptions-valid-until"), lang.date(p.valid_until))}
            {item(t("prescriptions-atc"), p.atc.clone())}
            {item(t("prescriptions-prescriber"), format!("{}, {}", p.prescriber, p.organisation.name))}
        </dl>
        {(p.narcotic || p.central_nervous_system)
            .then(|| view! { <p class="mt-2">{t("prescriptions-not-abroad")}</p> })}
        {p
            .renewed_from
            .map(|from| {
                view! {
                    <p class="mt-2">
                        {t("prescription-renews")}": "
                        <a class=LINK href=format!("/prescriptions/{from}")>
                            {t("prescription-open-renewed-from")}
                        </a>
                    </p>
                }
            })}
        <h2 class=H2>{t("prescription-dispensations")}</h2>
        {if dispensations.is_empty() {
            view! { <p>{t("prescription-no-dispensations")}</p> }.into_any()
        } else {
            view! {
                <table class=TABLE>
                    <caption class="sr-only">{t("prescription-dispensations-caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col" class=TH>{t("prescription-dispensed-on")}</th>
                            <th scope="col" class=TH>{t("prescription-pharmacy")}</th>
                            <th scope="col" class=TH>{t("prescription-packages-bought")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {dispensations
                            .into_iter()
                            .map(|d| {
                                view! {
                                    <tr>
                                        <td class=TD>{lang.date(d.dispensed_on)}</td>
                                        <td class=TD>{d.pharmacy}</td>
                                        <td class=TD>{d.packages}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            }
                .into_any()
        }}
        <h2 class=H2 id="renewal" tabindex="-1">
            {t("renewal-title")}
        </h2>
        {if can_renew {
            renewal_form(&p, organisations, typed, error, acting_for).into_any()
        } else {
            view! { <p>{renewal_text(p.renewal_block.as_deref())}</p> }.into_any()
        }}
        <h3 class="mb-2 mt-6 text-xl font-semibold">{t("renewal-requests")}</h3>
        {if requests.is_empty() {
            view! { <p>{t("renewal-none")}</p> }.into_any()
        } else {
            requests_table(requests, false).into_any()
        }}
        <p class="mt-6">
            <PrintButton label=t("print") />
        </p>
    }
}

fn renewal_form(
    p: &Prescription,
    organisations: Vec<archive::model::OrganisationRef>,
    typed: Option<RenewalSubmission>,
    error: Option<(String, String)>,
    acting_for: Option<String>,
) -> impl IntoView {
    let first_visit = typed.is_none();
    let typed = typed.unwrap_or_default();
    // The unit that wrote the prescription is the likely one to ask.
    let chosen = if first_visit {
        p.organisation.id.to_string()
    } else {
        typed.organisation.trim().to_owned()
    };
    let key = if typed.key.is_empty() {
        fresh_key()
    } else {
        typed.key.clone()
    };
    let share = first_visit || typed.share.is_some();
    let error_for = move |name: &str| {
        error
            .as_ref()
            .filter(|(field, _)| field == name)
            .map(|(_, message)| message.clone())
    };
    let organisation_error = error_for("organisation");
    let message_error = error_for("message");
    let message_hint = t("renewal-message-hint");
    view! {
            <p class="mb-4">{t("renewal-intro")}</p>
            {acting_for
                .map(|name| {
                    view! {
                        <p class="mb-4 font-semibold">
                            {t_args("renewal-on-behalf", &[("name", name.into())])}
                        </p>
                    }
                })}
            <form
                method="post"
                action=format!("/prescriptions/{}", p.id)
                class="max-w-2xl space-y-5 print:hidden"
            >
                <input type="hidden" name="key" value=key />
                <div class="flex flex-col gap-1">
                    <label for="organisation" class="font-semibold">
                        {t("renewal-organisation")}
                    </label>
                    <p id="organisation-hint" class="text-sm">
                        {t("renewal-organisation-hint")}
                    </p>
                    {organisation_error
                        .clone()
                        .map(|m| {
                            view! {
                                <p id="organisation-error" class="font-semibold text-red-800">
                                    {m}
                                </p>
                            }
                        })}
                    <select
                        id="organisation"
                        name="organisation"
                        required
                        class="min-h-11 rounded border border-slate-500 bg-white px-2"
                        aria-invalid=organisation_error.is_some().then_some("true")
                        aria-describedby=if organisation_error.is_some() {
                            "organisation-hint organisation-error"
                        } else {
                            "organisation-hint"
                        }
                    >
                        <option value="">{t("renewal-choose")}</option>
                        {organisations
                            .into_iter()
                            .map(|o| {
                                let value = o.id.to_string();
                                let selected = value == chosen;
                                view! {
                                    <option value=value selected=selected>
                                        {o.name}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="flex flex-col gap-1">
                    <label for="message" class="font-semibold">
                        {t("renewal-message")}
                    </label>
                    <p id="message-hint" class="text-sm">
                        {message_hint}
                    </p>
                    {message_error
                        .clone()
                        .map(|m| {
                            view! {
                                <p id="message-error" class="font-semibold text-red-800">
                                    {m}
                                </p>
                            }
                        })}
    <textarea
                        id="message"
                        name="message"
                        rows="6"
                        maxlength=MAX_MESSAGE
                        class="w-full rounded border border-slate-500 bg-white p-2"
                        aria-invalid=message_error.is_some().then_some("true")
                        aria-describedby=if message_error.is_some() {
                            "message-hint message-error"
                        } else {
                            "message-hint"
                        }
                    >
                        {typed.message.clone()}
                    </textarea>
                </div>
                <div class="flex items-start gap-2">
                    <input
                        type="checkbox"
                        id="share"
                        name="share"
                        value="yes"
                        checked=share
                        class="mt-1 h-5 w-5"
                        aria-describedby="share-hint"
                    />
                    <div>
                        <label for="share" class="font-semibold">
                            {t("renewal-share")}
                        </label>
                        <p id="share-hint" class="text-sm">
                            {t("renewal-share-hint")}
                        </p>
                    </div>
                </div>
                <button type="submit" class=BUTTON>
                    {t("renewal-send")}
                </button>
            </form>
        }
}

#[component]
pub fn MedicationListPage() -> impl IntoView {
    view! {
        <Title text=page_title("medication-title") />
        <h1 class=H1>{t("medication-title")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match read_medication_list().await {
                    Ok(list) => {
                        // Whose list it is, also on paper (the page header is not printed).
                        let name = current_session()
                            .await
                            .map(|s| {
                                s.user
                                    .acting_for
                                    .map_or(s.user.display_name, |f| f.display_name)
                            })
                            .unwrap_or_default();
                        medication_view(list, name).into_any()
                    }
                    Err(e) => problem(&e),
                }
            })}
        </Suspense>
    }
}

fn medication_view(list: archive::model::MedicationList, name: String) -> impl IntoView {
    let lang = lang();
    let compiled = t_args(
        "medication-compiled",
        &[
            ("date", lang.date(list.compiled_at.date()).into()),
            ("time", lang.time(list.compiled_at).into()),
        ],
    );
    let empty = list.groups.is_empty();
    view! {
        <p class="mb-1 font-semibold">{t_args("medication-for", &[("name", name.into())])}</p>
        <p class="mb-2 font-semibold">{compiled}</p>
        <p class="mb-4 max-w-3xl">{t("medication-intro")}</p>
        {empty.then(|| view! { <p>{t("medication-empty")}</p> })}
        {list
            .groups
            .into_iter()
            .map(|g| {
                let name = if g.group == "?" {
                    t("atc-group-other")
                } else {
                    t(&format!("atc-group-{}", g.group))
                };
                view! {
                    <h2 class=H2>{name.clone()}</h2>
                    <div class="overflow-x-auto">
                        <table class=TABLE>
                            <caption class="sr-only">
                                {t_args("medication-caption", &[("group", name.into())])}
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col" class=TH>{t("medication-medicine")}</th>
                                    <th scope="col" class=TH>{t("prescription-dosage")}</th>
                                    <th scope="col" class=TH>{t("medication-last-bought")}</th>
                                    <th scope="col" class=TH>{t("medication-valid-until")}</th>
                                    <th scope="col" class=TH>{t("prescriptions-prescriber")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {g
                                    .medicines
                                    .into_iter()
                                    .map(|m| {
                                        view! {
                                            <tr>
                                                <th scope="row" class=format!("{TD} font-semibold")>
                                                    <a
                                                        class=LINK
                                                        href=format!("/prescriptions/{}", m.prescription)
                                                    >
                                                        {format!("{} {} {}", m.product, m.strength, m.form)}
                                                    </a>
                                                    {m
                                                        .renewal_requested
                                                        .then(|| {
                                                            view! {
                                                                <span class="block text-sm font-normal">
                                                                    {t("medication-renewal-requested")}
                                                                </span>
                                                            }
                                                        })}
                                                </th>
                                                <td class=TD>{m.dosage}</td>
                                                <td class=TD>
                                                    {m
                                                        .last_dispensed
                                                        .map_or_else(
                                                            || t("medication-never-bought"),
                                                            |d| lang.date(d),
                                                        )}
                                                </td>
                                                <td class=TD>{lang.date(m.valid_until)}</td>
                                                <td class=TD>
                                                    {format!("{}, {}", m.prescriber, m.organisation)}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            })
            .collect_view()}
        <p class="mt-6">
            <PrintButton label=t("print") />
        </p>
    }
}
