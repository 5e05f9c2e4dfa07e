//! The prescriptions list: valid ones (and those waiting for renewal) first, the rest on
//! request, and the renewal requests with where each stands.

use archive::model::{
    Prescription, PrescriptionStatus, RenewalBlock, RenewalRequest, RenewalStatus, RenewalStep,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{list_renewal_requests, read_prescriptions};
use crate::i18n::LangExt as _;
use crate::i18n::{count, lang, t, t_args, Lang};
use crate::ui::{item, once, page_title, problem, Table, H1, H2, LINK, TD};

pub(super) fn status_text(status: PrescriptionStatus) -> String {
    t(&format!("prescription-status-{}", status.code()))
}

pub(super) fn renewal_text(block: Option<RenewalBlock>) -> String {
    match block {
        None => t("prescriptions-renewable"),
        Some(block) => crate::ui::form::invalid_text(block.error_code()),
    }
}

#[component]
pub fn PrescriptionsPage() -> impl IntoView {
    let show_all = use_query_map().get_untracked().get("show").as_deref() == Some("all");
    let (prescriptions, requests) = (once(read_prescriptions()), once(list_renewal_requests()));
    view! {
        <Title text=page_title("prescriptions-title") />
        <h1 class=H1>{t("prescriptions-title")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match prescriptions.await {
                    Ok(all) => {
                        let requests = requests.await.unwrap_or_default();
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
            {t_args("prescriptions-count", &[("shown", count(shown)), ("total", count(total))])}
        </p>
        <p class="mb-4">
            {if show_all {
                view! { <a class=LINK href="/prescriptions">{t("prescriptions-show-valid")}</a> }
                    .into_any()
            } else if hidden > 0 {
                view! {
                    <a class=LINK href="/prescriptions?show=all">
                        {t_args("prescriptions-show-all", &[("count", count(hidden))])}
                    </a>
                }
                    .into_any()
            } else {
                ().into_any()
            }}
        </p>
        <p class="mb-4">
            <a class=LINK href="/prescription-summary">
                {t("prescription-summary-link")}
            </a>
        </p>
        <ul class="space-y-4">
            {current
                .into_iter()
                .map(|p| {
                    let heading = format!("{} {} {}", p.product, p.strength, p.form);
                    view! {
                        <li class="rounded border border-slate-300 bg-white p-4">
                            <h2 class="text-lg font-semibold" lang=p.language.code()>
                                <a class=LINK href=format!("/prescriptions/{}", p.id)>
                                    {heading}
                                </a>
                            </h2>
                            <p lang=p.language.code()>{p.dosage.clone()}</p>
                            <dl class="mt-2 grid gap-x-4 sm:grid-cols-2">
                                {item(t("prescriptions-status"), status_text(p.status))}
                                {item(t("prescriptions-issued"), lang.date(p.issued_on))}
                                {item(t("prescriptions-valid-until"), lang.date(p.valid_until))}
                                {item(
                                    t("prescriptions-remaining"),
                                    super::packages_left(&p),
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
                            <p class="mt-2 text-sm">{renewal_text(p.renewal_block)}</p>
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
/// Each step of a request with its time, oldest first: "Sent 3.11.2026 at 6.40".
fn steps_list(steps: &[RenewalStep], lang: Lang) -> impl IntoView {
    let items = steps
        .iter()
        .map(|step| {
            let name = match step.status {
                RenewalStatus::Sent => t("renewal-step-sent"),
                RenewalStatus::InProcessing => t("renewal-step-in-processing"),
                RenewalStatus::Renewed => t("renewal-step-renewed"),
                RenewalStatus::Rejected => t("renewal-step-rejected"),
                RenewalStatus::Expired => t("renewal-step-expired"),
            };
            let text = t_args(
                "renewal-step",
                &[
                    ("step", name.into()),
                    ("when", lang.datetime(step.at).into()),
                ],
            );
            view! { <li>{text}</li> }
        })
        .collect_view();
    view! { <ol class="space-y-1">{items}</ol> }
}

pub(super) fn requests_table(requests: Vec<RenewalRequest>, with_medicine: bool) -> impl IntoView {
    let lang = lang();
    let (table_id, caption) = if with_medicine {
        ("all-requests", t("prescriptions-requests-caption"))
    } else {
        ("requests", t("renewal-requests-caption"))
    };
    let table_id = table_id.to_owned();
    view! {
        <Table id=table_id caption headers=[with_medicine.then(|| t("prescriptions-medicine")), Some(t("renewal-status")), Some(t("renewal-steps")), Some(t("renewal-unit")), Some(t("renewal-sender")), Some(t("renewal-answer"))].into_iter().flatten().collect()>
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
                                    <td class=TD>
                                        {t(&format!("renewal-status-{}", r.status.code()))}
                                    </td>
                                    <td class=TD>{steps_list(&r.steps, lang)}</td>
                                    <td class=TD>{r.organisation.name.clone()}</td>
                                    <td class=TD>{r.requested_by_name.clone()}</td>
                                    <td class=TD>{answer}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
        </Table>
    }
}
