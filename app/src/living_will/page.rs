//! The living will page: what is in force, the form to write or change it, withdrawing
//! it, and its history. The person's own: a proxy gets a page that says why not.
//!
//! Both forms post to the page's own address (see `server/src/forms.rs`): the page
//! saves, then redirects (303), or shows the form again as typed with what is wrong.

use archive::model::{LivingWill, LivingWillText, Treatment, TreatmentWish, MAX_WISHES_CHARS};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{read_living_will, save_living_will, LivingWillSubmission};
use crate::i18n::LangExt as _;
use crate::i18n::{count, lang, t, t_args};
use crate::islands::PrintButton;
use crate::ui::declaration::{history_table, withdraw_form, Intent, WithdrawTexts};
use crate::ui::form::{
    error_for, form_page, posted, ErrorSummary, FormError, RadioGroup, TextArea,
};
use crate::ui::{done_notice, page_title, problem, BUTTON, H1, H2};

#[component]
pub fn LivingWillPage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let notice = if query.get("saved").is_some() {
        Some("living-will-saved")
    } else if query.get("withdrawn").is_some() {
        Some("living-will-withdrawn")
    } else {
        None
    };
    // Present only while the server renders the answer to a posted form.
    let submission = use_context::<LivingWillSubmission>();
    let page = form_page(submission.clone(), save_living_will, read_living_will);
    view! {
        <Title text=page_title("living-will-title") />
        <h1 class=H1>{t("living-will-title")}</h1>
        <Suspense fallback=|| ()>
            {move || {
                let submission = submission.clone();
                Suspend::new(async move {
                    let withdrawing = submission.as_ref().is_some_and(|t| t.intent == Intent::Withdraw);
                    let done = if withdrawing { "/living-will?withdrawn=1" } else { "/living-will?saved=1" };
                    let (error, will) = match posted(page.await, done, "write") {
                        Ok(shown) => shown,
                        Err(answer) => return answer,
                    };
                    match will {
                        Ok(will) => will_view(will, notice, submission, error).into_any(),
                        Err(e) => problem(&e),
                    }
                })
            }}
        </Suspense>
    }
}

fn wish_text(treatment: Treatment, wish: TreatmentWish) -> String {
    t(&format!("living-will-{}-{}", treatment.code(), wish.code()))
}

fn will_view(
    will: LivingWill,
    notice: Option<&'static str>,
    typed: Option<LivingWillSubmission>,
    error: FormError,
) -> impl IntoView {
    let lang = lang();
    let current_text = will.current.as_ref().and_then(|v| v.text.clone());
    let has_will = current_text.is_some();
    let withdrawing = typed.as_ref().is_some_and(|s| s.intent == Intent::Withdraw);
    let history = will.history;
    view! {
        <ErrorSummary error=error.clone() />
        {notice.map(|key| done_notice(t(key)))}
        <p class="mb-4 max-w-3xl">{t("living-will-intro")}</p>
        <h2 class=H2>{t("living-will-current")}</h2>
        {match (&will.current, &current_text) {
            (Some(v), Some(text)) => {
                view! {
                    <p class="mb-2">
                        {t("living-will-written")}": "{lang.datetime(v.written_at)}
                    </p>
                    {current_view(text)}
                    <p class="mt-4">
                        <PrintButton label=t("print") />
                    </p>
                }
                    .into_any()
            }
            _ => view! { <p>{t("living-will-none")}</p> }.into_any(),
        }}
        <h2 class=H2 id="write">
            {if has_will { t("living-will-change") } else { t("living-will-write") }}
        </h2>
        {will_form(
            current_text.as_ref(),
            typed.clone().filter(|_| !withdrawing),
            if withdrawing { Vec::new() } else { error.clone() },
        )}
        {has_will
            .then(|| {
                withdraw_form(
                    "/living-will",
                    WithdrawTexts {
                        title: t("living-will-withdraw-title"),
                        intro: t("living-will-withdraw-intro"),
                        confirm: t("living-will-withdraw-confirm"),
                        button: t("living-will-withdraw"),
                    },
                    if withdrawing { error.clone() } else { Vec::new() },
                )
            })}
        <h2 class=H2>{t("living-will-history")}</h2>
        {history_table(&history, t("living-will-history-caption"), t("living-will-no-history"))}
    }
}

fn current_view(text: &LivingWillText) -> impl IntoView {
    view! {
        <dl class="space-y-2">
            {text
                .treatments
                .iter()
                .map(|(treatment, wish)| {
                    view! {
                        <div>
                            <dt class="font-semibold">
                                {t(&format!("living-will-{}", treatment.code()))}
                            </dt>
                            <dd>{wish_text(*treatment, *wish)}</dd>
                        </div>
                    }
                })
                .collect_view()}
            <div>
                <dt class="font-semibold">{t("living-will-wishes")}</dt>
                <dd class="whitespace-pre-line">
                    {if text.wishes.is_empty() {
                        t("living-will-no-wishes")
                    } else {
                        text.wishes.clone()
                    }}
                </dd>
            </div>
        </dl>
    }
}

fn will_form(
    current: Option<&LivingWillText>,
    typed: Option<LivingWillSubmission>,
    error: FormError,
) -> impl IntoView {
    // What the form shows: what was typed, else the will in force, else nothing chosen.
    let wishes = typed
        .as_ref()
        .map(|s| s.wishes.clone())
        .or_else(|| current.map(|c| c.wishes.clone()))
        .unwrap_or_default();
    let chosen = move |treatment: Treatment| -> String {
        match (&typed, current) {
            (Some(s), _) => s.chosen(treatment).to_owned(),
            (None, Some(c)) => c
                .treatments
                .iter()
                .find(|(t, _)| *t == treatment)
                .map(|(_, w)| w.code().to_owned())
                .unwrap_or_default(),
            (None, None) => String::new(),
        }
    };
    let wishes_error = error_for(&error, "wishes");
    view! {
        <form method="post" action="/living-will" class="max-w-3xl space-y-6 print:hidden">
            <input type="hidden" name="intent" value=Intent::Save.code() />
            {Treatment::ALL
                .iter()
                .copied()
                .map(|treatment| {
                    let code = treatment.code();
                    let choices = TreatmentWish::ALL
                        .iter()
                        .map(|&wish| (wish.code(), wish_text(treatment, wish)))
                        .collect();
                    view! {
                        <RadioGroup
                            name=code
                            legend=t(&format!("living-will-{code}"))
                            choices
                            chosen=TreatmentWish::from_code(&chosen(treatment)).map(TreatmentWish::code)
                            error=error_for(&error, code)
                            stacked=true
                        />
                    }
                })
                .collect_view()}
            <TextArea
                name="wishes"
                label=t("living-will-wishes")
                hint=t_args("living-will-wishes-hint", &[("max", count(archive::MAX_WISHES_CHARS))])
                value=wishes
                error=wishes_error
                rows=8
                maxlength=MAX_WISHES_CHARS
            />
            <button type="submit" class=BUTTON>
                {t("living-will-save")}
            </button>
        </form>
    }
}
