//! The confirmation of a change: what it does and does not do, what it is about, and
//! one button that makes it. Reached by a link or a form (GET, nothing changes); the
//! button posts to the page's own address, which makes the change and sends the
//! browser back to the consents page (303).

use archive::model::{Choice, ChoiceKind, ChoicePreview};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{change_consent, consent_choice, Change, ConsentChange};
use super::kind_text;
use super::page::about_text;
use crate::i18n::LangExt as _;
use crate::i18n::{lang, t, t_args};
use crate::ui::form::{form_page, posted};
use crate::ui::{page_title, problem, BUTTON, H1, LINK};

#[component]
pub fn ConfirmPage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let asked = ConsentChange {
        change: match query.get("change").as_deref() {
            Some("withdraw") => Change::Withdraw,
            _ => Change::Give,
        },
        kind: query.get("kind").unwrap_or_default(),
        target: query.get("target").unwrap_or_default(),
    };
    // Present only while the server renders the answer to the confirming form.
    let posted_change = use_context::<ConsentChange>();
    let shown = posted_change.clone().unwrap_or(asked);
    let change = shown.change;
    let done = format!("/consents?changed={}", change.code());
    let page = form_page(posted_change, change_consent, move || consent_choice(shown));
    view! {
        <Title text=page_title("consents-confirm-title") />
        <h1 class=H1>{t("consents-confirm-title")}</h1>
        <Suspense fallback=|| ()>
            {move || {
                let done = done.clone();
                Suspend::new(async move {
                    let (_, preview) = match posted(page.await, &done, "change") {
                        Ok(shown) => shown,
                        Err(answer) => return answer,
                    };
                    match preview {
                        Ok(preview) => confirm_view(change, preview).into_any(),
                        Err(e) => problem(&e),
                    }
                })
            }}
        </Suspense>
    }
}

/// What a change does, in plain words, before it is made.
fn effect(change: Change, kind: ChoiceKind) -> String {
    use ChoiceKind as K;
    match (change, kind) {
        (Change::Give, K::DisclosureConsent) => t("consents-effect-give-disclosure-consent"),
        (Change::Withdraw, K::DisclosureConsent) => {
            t("consents-effect-withdraw-disclosure-consent")
        }
        (Change::Give, K::DenyServiceEvent) => t("consents-effect-give-deny-service-event"),
        (Change::Give, K::DenyOrganisation) => t("consents-effect-give-deny-organisation"),
        (Change::Give, K::DenyRegister) => t("consents-effect-give-deny-register"),
        (Change::Give, K::DenyPrescription) => t("consents-effect-give-deny-prescription"),
        (
            Change::Withdraw,
            K::DenyServiceEvent | K::DenyOrganisation | K::DenyRegister | K::DenyPrescription,
        ) => t("consents-effect-withdraw-denial"),
        (Change::Give, K::DenyResearchContact) => t("consents-effect-give-deny-research-contact"),
        (Change::Withdraw, K::DenyResearchContact) => {
            t("consents-effect-withdraw-deny-research-contact")
        }
    }
}

/// The page for `change` (as asked or as posted) of the choice `preview` shows.
fn confirm_view(change: Change, preview: ChoicePreview) -> impl IntoView {
    let lang = lang();
    let ChoicePreview {
        choice,
        about,
        since,
    } = preview;
    let form = ConsentChange::of(change, choice);
    // Nothing to do: giving what is in force, or withdrawing what is not.
    let already = match (change, since) {
        (Change::Give, Some(at)) => Some(t_args(
            "consents-already-in-force",
            &[("date", lang.datetime(at).into())],
        )),
        (Change::Withdraw, None) => Some(t("consents-not-in-force")),
        _ => None,
    };
    let heading = match change {
        Change::Give => t("consents-confirm-give"),
        Change::Withdraw => t("consents-confirm-withdraw"),
    };
    let button = match (change, choice) {
        (Change::Give, Choice::DisclosureConsent) => t("consents-consent-give"),
        (Change::Withdraw, Choice::DisclosureConsent) => t("consents-consent-withdraw"),
        (Change::Give, _) => t("consents-confirm-deny"),
        (Change::Withdraw, _) => t("consents-denial-withdraw"),
    };
    view! {
        <dl class="mb-4 space-y-1">
            <div>
                <dt class="inline font-semibold">{heading}": "</dt>
                <dd class="inline">{kind_text(choice.kind())}</dd>
            </div>
            // What it is about: one thing, or a register.
            {(about.is_some() || matches!(choice, Choice::DenyRegister(_)))
                .then(|| {
                    view! {
                        <div>
                            <dt class="inline font-semibold">{t("consents-col-about")}": "</dt>
                            <dd class="inline">{about_text(choice, about.clone())}</dd>
                        </div>
                    }
                })}
        </dl>
        <p class="mb-4 max-w-3xl">{effect(change, choice.kind())}</p>
        {match already {
            Some(text) => view! {
                <p class="mb-4 font-semibold">{text}</p>
                <p><a class=LINK href="/consents">{t("consents-back")}</a></p>
            }
                .into_any(),
            None => view! {
                <form method="post" action="/consents/confirm" class="flex flex-wrap items-center gap-4">
                    <input type="hidden" name="change" value=form.change.code() />
                    <input type="hidden" name="kind" value=form.kind.clone() />
                    <input type="hidden" name="target" value=form.target.clone() />
                    <button type="submit" class=BUTTON>{button}</button>
                    <a class=LINK href="/consents">{t("consents-cancel")}</a>
                </form>
            }
                .into_any(),
        }}
    }
}
