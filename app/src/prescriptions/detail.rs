//! One prescription: its details, purchases and renewal requests, and the form to ask
//! for a renewal.
//!
//! The renewal form is a plain HTML form posted to the prescription's own address. The
//! server renders this page for the post with the typed values in context
//! ([`RenewalSubmission`]): the page sends the request, then redirects to itself
//! (303) on success, or shows the form again as it was typed, with what is wrong.

use archive::model::{OrganisationRef, Prescription, PrescriptionDetail, MAX_MESSAGE_CHARS};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{read_prescription, send_renewal_request, RenewalSubmission};
use super::list::{renewal_text, requests_table, status_text};
use crate::frame::current_session;
use crate::i18n::LangExt as _;
use crate::i18n::{count, lang, t, t_args};
use crate::islands::PrintButton;
use crate::ui::form::{
    error_for, form_page, fresh_key, posted, ErrorSummary, FormError, Select, TextArea,
};
use crate::ui::{
    done_notice, item, item_in, page_title, problem, Table, BUTTON, CHOICE, H1, H2, LINK, TD,
};

#[component]
pub fn PrescriptionPage() -> impl IntoView {
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .unwrap_or_default();
    let sent = use_query_map().get_untracked().get("sent").is_some();
    // Present only while the server renders the answer to a posted form.
    let submission = use_context::<RenewalSubmission>();
    let page = {
        let (to, of) = (id.clone(), id.clone());
        form_page(
            submission.clone(),
            move |typed| send_renewal_request(to, typed),
            move || read_prescription(of),
        )
    };
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
                    let done = format!("/prescriptions/{id}?sent=1#renewal");
                    let (error, detail) = match posted(page.await, &done, "renewal") {
                        Ok(shown) => shown,
                        Err(answer) => return answer,
                    };
                    match detail {
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
    error: FormError,
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
    let own = acting_for.is_none();
    let dispensations = p.dispensations.clone();
    view! {
        <h1 class=H1 lang=p.language.code()>{heading}</h1>
        <ErrorSummary error=error.clone() />
        {sent.then(|| done_notice(t("renewal-sent")))}
        <h2 class=H2>{t("prescription-details")}</h2>
        <dl class="grid gap-x-4 sm:grid-cols-2">
            {item(t("prescriptions-status"), status_text(p.status))}
            {item_in(t("prescription-dosage"), p.dosage.clone(), p.language.code())}
            {item_in(t("prescription-form"), p.form.clone(), p.language.code())}
            {item(t("prescription-package"), p.package_size.clone())}
            {item(t("prescription-amount"), p.amount.clone())}
            {item(
                t("prescriptions-remaining"),
                super::packages_left(&p),
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
                <Table id="dispensations".to_owned() caption=t("prescription-dispensations-caption") headers=vec![t("prescription-dispensed-on"), t("prescription-pharmacy"), t("prescription-packages-bought")]>
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
                </Table>
            }
                .into_any()
        }}
        <h2 class=H2 id="renewal" tabindex="-1">
            {t("renewal-title")}
        </h2>
        {if can_renew {
            renewal_form(&p, organisations, typed, error, acting_for).into_any()
        } else {
            view! { <p>{renewal_text(p.renewal_block)}</p> }.into_any()
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
        // Only the person denies (a proxy cannot).
        {own.then(|| {
            let href = crate::ui::consent_change_href(
                true,
                archive::model::Choice::DenyPrescription(p.id),
            );
            view! {
                <p class="mt-4 print:hidden">
                    <a class=LINK href=href>{t("prescription-deny")}</a>
                </p>
            }
        })}
    }
}

fn renewal_form(
    p: &Prescription,
    organisations: Vec<OrganisationRef>,
    typed: Option<RenewalSubmission>,
    error: FormError,
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
    // The form keeps its key (a resubmission is the same request), unless a rule
    // refused it (a key used for another prescription): then it is a new form.
    let key = if typed.key.is_empty() || error_for(&error, "renewal").is_some() {
        fresh_key()
    } else {
        typed.key.clone()
    };
    let share = first_visit || typed.share.is_some();
    let organisation_error = error_for(&error, "organisation");
    let message_error = error_for(&error, "message");
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
            <Select
                name="organisation"
                label=t("renewal-organisation")
                hint=t("renewal-organisation-hint")
                error=organisation_error
                none=t("renewal-choose")
                choices=organisations.into_iter().map(|o| (o.id.to_string(), o.name)).collect()
                chosen=chosen
                required=true
            />
            <TextArea
                name="message"
                label=t("renewal-message")
                hint=t_args("renewal-message-hint", &[("max", count(archive::MAX_MESSAGE_CHARS))])
                value=typed.message.clone()
                error=message_error
                rows=6
                maxlength=MAX_MESSAGE_CHARS
            />
            <div class="flex items-start gap-2">
                <input
                    type="checkbox"
                    id="share"
                    name="share"
                    value="yes"
                    checked=share
                    class=CHOICE
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
