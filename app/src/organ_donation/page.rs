//! The organ donation testament page: what is in force, the form to write or change
//! it, withdrawing it, and its history. The person's own: a proxy gets a page that
//! says why not.
//!
//! Both forms post to the page's own address (see `server/src/forms.rs`): the page
//! saves, then redirects (303), or shows the form again as typed with what is wrong.

use archive::model::{
    Donatable, DonatableKind, DonationDecision, OrganDonation, OrganDonationText,
    MAX_DONATION_NOTES_CHARS,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{exclude_name, read_organ_donation, save_organ_donation, OrganDonationSubmission};
use crate::i18n::LangExt as _;
use crate::i18n::{count, lang, t, t_args};
use crate::islands::PrintButton;
use crate::ui::declaration::{history_table, withdraw_form, Intent, WithdrawTexts};
use crate::ui::form::{
    error_for, error_id, form_page, posted, CheckboxGroup, ErrorSummary, FieldError, FormError,
    RadioGroup, TextArea,
};
use crate::ui::{done_notice, page_title, problem, BUTTON, H1, H2};

#[component]
pub fn OrganDonationPage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let notice = if query.get("saved").is_some() {
        Some("organ-donation-saved")
    } else if query.get("withdrawn").is_some() {
        Some("organ-donation-withdrawn")
    } else {
        None
    };
    // Present only while the server renders the answer to a posted form.
    let submission = use_context::<OrganDonationSubmission>();
    let page = form_page(submission.clone(), save_organ_donation, read_organ_donation);
    view! {
        <Title text=page_title("organ-donation-title") />
        <h1 class=H1>{t("organ-donation-title")}</h1>
        <Suspense fallback=|| ()>
            {move || {
                let submission = submission.clone();
                Suspend::new(async move {
                    let withdrawing = submission.as_ref().is_some_and(|s| s.intent == Intent::Withdraw);
                    let done = if withdrawing {
                        "/organ-donation?withdrawn=1"
                    } else {
                        "/organ-donation?saved=1"
                    };
                    let (error, testament) = match posted(page.await, done, "write") {
                        Ok(shown) => shown,
                        Err(answer) => return answer,
                    };
                    match testament {
                        Ok(testament) => testament_view(testament, notice, submission, error).into_any(),
                        Err(e) => problem(&e),
                    }
                })
            }}
        </Suspense>
    }
}

fn decision_text(decision: DonationDecision) -> String {
    t(&format!("donation-decision-{}", decision.code()))
}

fn donatable_text(what: Donatable) -> String {
    t(&format!("donatable-{}", what.code()))
}

fn testament_view(
    testament: OrganDonation,
    notice: Option<&'static str>,
    typed: Option<OrganDonationSubmission>,
    error: FormError,
) -> impl IntoView {
    let lang = lang();
    let in_force = testament.in_force().cloned();
    let withdrawing = typed.as_ref().is_some_and(|s| s.intent == Intent::Withdraw);
    let written_at = testament.current.as_ref().map(|v| v.written_at);
    view! {
        <ErrorSummary error=error.clone() />
        {notice.map(|key| done_notice(t(key)))}
        <div class="mb-4 max-w-3xl space-y-2">
            <p>{t("organ-donation-intro")}</p>
            <p>{t("organ-donation-seen-regardless")}</p>
            <p>{t("organ-donation-tell-family")}</p>
        </div>
        <h2 class=H2>{t("organ-donation-current")}</h2>
        {match (written_at, &in_force) {
            (Some(at), Some(text)) => {
                view! {
                    <p class="mb-2">{t("organ-donation-written")}": "{lang.datetime(at)}</p>
                    {current_view(text)}
                    <p class="mt-4">
                        <PrintButton label=t("print") />
                    </p>
                }
                    .into_any()
            }
            _ => view! { <p>{t("organ-donation-none")}</p> }.into_any(),
        }}
        <h2 class=H2 id="write">
            {if in_force.is_some() {
                t("organ-donation-change")
            } else {
                t("organ-donation-write")
            }}
        </h2>
        {testament_form(
            in_force.as_ref(),
            typed.clone().filter(|_| !withdrawing),
            if withdrawing { Vec::new() } else { error.clone() },
        )}
        {in_force
            .is_some()
            .then(|| {
                withdraw_form(
                    "/organ-donation",
                    WithdrawTexts {
                        title: t("organ-donation-withdraw-title"),
                        intro: t("organ-donation-withdraw-intro"),
                        confirm: t("organ-donation-withdraw-confirm"),
                        button: t("organ-donation-withdraw"),
                    },
                    if withdrawing { error.clone() } else { Vec::new() },
                )
            })}
        <h2 class=H2>{t("organ-donation-history")}</h2>
        {history_table(
            &testament.history,
            t("organ-donation-history-caption"),
            t("organ-donation-no-history"),
        )}
    }
}

fn current_view(text: &OrganDonationText) -> impl IntoView {
    let excluded = (!text.excluded.is_empty()).then(|| {
        view! {
            <div>
                <dt class="font-semibold">{t("organ-donation-excluded")}</dt>
                <dd>
                    <ul class="list-disc pl-6">
                        {text
                            .excluded
                            .iter()
                            .map(|d| view! { <li>{donatable_text(*d)}</li> })
                            .collect_view()}
                    </ul>
                </dd>
            </div>
        }
    });
    view! {
        <dl class="space-y-2">
            <div>
                <dt class="font-semibold">{t("organ-donation-decision")}</dt>
                <dd>{decision_text(text.decision)}</dd>
            </div>
            {excluded}
            <div>
                <dt class="font-semibold">{t("organ-donation-notes")}</dt>
                {if text.notes.is_empty() {
                    view! { <dd>{t("organ-donation-no-notes")}</dd> }.into_any()
                } else {
                    view! {
                        <dd class="whitespace-pre-line" lang=text.language.code()>
                            {text.notes.clone()}
                        </dd>
                    }
                        .into_any()
                }}
            </div>
        </dl>
    }
}

fn testament_form(
    current: Option<&OrganDonationText>,
    typed: Option<OrganDonationSubmission>,
    error: FormError,
) -> impl IntoView {
    // What the form shows: what was typed, else the testament in force, else nothing.
    // The saved note is marked with the language it was written in; what was just
    // typed is in the page's.
    let (decision, excluded, notes, notes_lang) = match (&typed, current) {
        (Some(s), _) => (s.decision.clone(), s.excluded(), s.notes.clone(), None),
        (None, Some(c)) => (
            c.decision.code().to_owned(),
            c.excluded.clone(),
            c.notes.clone(),
            Some(c.language.code()),
        ),
        (None, None) => (String::new(), Vec::new(), String::new(), None),
    };
    let decision_error = error_for(&error, "decision");
    let excluded_error = error_for(&error, &exclude_name(Donatable::Heart));
    let described_by = excluded_error.as_ref().map(|_| error_id("excluded"));
    let group = |kind: DonatableKind| {
        let options = Donatable::ALL
            .iter()
            .filter(|d| d.kind() == kind)
            .map(|&d| (exclude_name(d), donatable_text(d), excluded.contains(&d)))
            .collect::<Vec<_>>();
        view! {
            <CheckboxGroup
                legend=t(&format!("donatable-kind-{}", kind.code()))
                options
                described_by=described_by.clone()
            />
        }
    };
    let choices = DonationDecision::ALL
        .iter()
        .map(|&d| (d.code(), decision_text(d)))
        .collect();
    view! {
        <form method="post" action="/organ-donation" class="max-w-3xl space-y-6 print:hidden">
            <input type="hidden" name="intent" value=Intent::Save.code() />
            <RadioGroup
                name="decision"
                legend=t("organ-donation-decision-question")
                choices
                chosen=DonationDecision::from_code(&decision).map(DonationDecision::code)
                error=decision_error
                stacked=true
            />
            <fieldset class="space-y-4">
                <legend class="font-semibold">{t("organ-donation-excluded-question")}</legend>
                <p class="text-sm">{t("organ-donation-excluded-hint")}</p>
                <FieldError field="excluded".to_owned() message=excluded_error.clone() />
                {group(DonatableKind::Organ)}
                {group(DonatableKind::Tissue)}
            </fieldset>
            <TextArea
                name="notes"
                label=t("organ-donation-notes")
                hint=t_args(
                    "organ-donation-notes-hint",
                    &[("max", count(MAX_DONATION_NOTES_CHARS))],
                )
                value=notes
                error=error_for(&error, "notes")
                rows=5
                maxlength=MAX_DONATION_NOTES_CHARS
                lang=notes_lang
            />
            <button type="submit" class=BUTTON>
                {t("organ-donation-save")}
            </button>
        </form>
    }
}
