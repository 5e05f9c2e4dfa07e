//! The consents page: the notice (acknowledged with one form posted to the page's own
//! address), the consent, the denials in force and the ways to make one, the denial of
//! contact about research findings, and the history. Every change goes through the
//! confirmation page (`super::confirm`).

use archive::model::{About, Choice, ChoiceKind, Consents, Register};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{acknowledge_notice, read_consents, Change, NoticeSubmission};
use super::kind_text;
use crate::i18n::LangExt as _;
use crate::i18n::{lang, t, t_args};
use crate::ui::form::{form_page, posted, ConfirmBox, ErrorSummary, FormError, Select};
use crate::ui::{
    consent_change_href, done_notice, page_title, problem, Table, BUTTON, BUTTON_SECONDARY, H1, H2,
    LINK, TD,
};

#[component]
pub fn ConsentsPage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let notice = match query.get("changed").as_deref() {
        Some("give") => Some("consents-given"),
        Some("withdraw") => Some("consents-withdrawn"),
        _ => query.get("read").map(|_| "consents-notice-acknowledged"),
    };
    // Present only while the server renders the answer to the posted notice form.
    let submission = use_context::<NoticeSubmission>();
    let page = form_page(submission, acknowledge_notice, read_consents);
    view! {
        <Title text=page_title("consents-title") />
        <h1 class=H1>{t("consents-title")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let (error, consents) = match posted(page.await, "/consents?read=1", "read") {
                    Ok(shown) => shown,
                    Err(answer) => return answer,
                };
                match consents {
                    Ok(consents) => consents_view(consents, notice, error).into_any(),
                    Err(e) => problem(&e),
                }
            })}
        </Suspense>
    }
}

/// A link to the confirmation of `change` of `choice`.
fn change_link(change: Change, choice: Choice, text: String, primary: bool) -> impl IntoView {
    let href = consent_change_href(change == Change::Give, choice);
    view! {
        <a href=href class=if primary { BUTTON } else { BUTTON_SECONDARY }>
            {text}
        </a>
    }
}

fn consents_view(
    consents: Consents,
    notice: Option<&'static str>,
    error: FormError,
) -> impl IntoView {
    let lang = lang();
    let since = |choice| consents.since(choice).map(|at| lang.datetime(at));
    let consent_since = since(Choice::DisclosureConsent);
    let research_since = since(Choice::DenyResearchContact);
    let denials: Vec<_> = consents
        .in_force
        .iter()
        .filter(|c| {
            !matches!(
                c.choice,
                Choice::DisclosureConsent | Choice::DenyResearchContact
            )
        })
        .cloned()
        .collect();
    view! {
        <ErrorSummary error=error.clone() />
        {notice.map(|key| done_notice(t(key)))}
        <p class="mb-4 max-w-3xl">{t("consents-intro")}</p>
        {notice_section(&consents, error)}
        <section aria-labelledby="consent">
            <h2 class=H2 id="consent">{t("consents-consent-title")}</h2>
            <p class="mb-2 max-w-3xl">{t("consents-consent-explain")}</p>
            <p class="mb-3 font-semibold">
                {match &consent_since {
                    Some(at) => t_args("consents-consent-in-force", &[("date", at.clone().into())]),
                    None => t("consents-consent-none"),
                }}
            </p>
            {match consent_since {
                Some(_) => change_link(Change::Withdraw, Choice::DisclosureConsent, t("consents-consent-withdraw"), false).into_any(),
                None => change_link(Change::Give, Choice::DisclosureConsent, t("consents-consent-give"), true).into_any(),
            }}
        </section>
        <section aria-labelledby="denials">
            <h2 class=H2 id="denials">{t("consents-denials-title")}</h2>
            <p class="mb-2 max-w-3xl">{t("consents-denials-explain")}</p>
            <p class="mb-4 max-w-3xl">{t("consents-denials-regardless")}</p>
            {if denials.is_empty() {
                view! { <p>{t("consents-denials-none")}</p> }.into_any()
            } else {
                view! {
                    <Table
                        id="denials-in-force".to_owned()
                        caption=t("consents-denials-caption")
                        headers=vec![t("consents-col-denial"), t("consents-col-about"), t("consents-col-since"), t("consents-col-change")]
                    >
                        {denials
                            .into_iter()
                            .map(|d| {
                                let href = consent_change_href(false, d.choice);
                                view! {
                                    <tr>
                                        <td class=TD>{kind_text(d.choice.kind())}</td>
                                        <td class=TD>{about_text(d.choice, d.about.clone())}</td>
                                        <td class=TD>{lang.datetime(d.since)}</td>
                                        <td class=TD>
                                            <a class=LINK href=href>{t("consents-denial-withdraw")}</a>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </Table>
                }
                    .into_any()
            }}
            {new_denials(&consents)}
        </section>
        <section aria-labelledby="research">
            <h2 class=H2 id="research">{t("consents-research-title")}</h2>
            <p class="mb-2 max-w-3xl">{t("consents-research-explain")}</p>
            <p class="mb-3 font-semibold">
                {match &research_since {
                    Some(at) => t_args("consents-research-in-force", &[("date", at.clone().into())]),
                    None => t("consents-research-none"),
                }}
            </p>
            {match research_since {
                Some(_) => change_link(Change::Withdraw, Choice::DenyResearchContact, t("consents-research-withdraw"), false).into_any(),
                None => change_link(Change::Give, Choice::DenyResearchContact, t("consents-research-give"), true).into_any(),
            }}
        </section>
        <section aria-labelledby="history-title">
            <h2 class=H2 id="history-title">{t("consents-history")}</h2>
            {history(&consents)}
        </section>
    }
}

/// What a choice is about, in words: its name and day, or a register's name.
pub(super) fn about_text(choice: Choice, about: Option<About>) -> String {
    match (choice, about) {
        (Choice::DenyRegister(register), _) => t(&format!("consents-register-{}", register.code())),
        (
            _,
            Some(About {
                name,
                on: Some(day),
            }),
        ) => format!("{name}, {}", lang().date(day)),
        (_, Some(About { name, on: None })) => name,
        (_, None) => String::from("–"),
    }
}

fn notice_section(consents: &Consents, error: FormError) -> impl IntoView {
    let lang = lang();
    let acknowledged = consents
        .notice_current()
        .then(|| consents.notice.clone())
        .flatten();
    let message = error.into_iter().next().map(|(_, m)| m);
    view! {
        <section aria-labelledby="notice">
            <h2 class=H2 id="notice">{t("consents-notice-title")}</h2>
            <div class="mb-3 max-w-3xl space-y-2">
                <p>{t("consents-notice-text")}</p>
                <p>{t("consents-notice-rights")}</p>
            </div>
            {match acknowledged {
                Some(n) => view! {
                    <p class="font-semibold">
                        {t_args("consents-notice-read-on", &[("date", lang.datetime(n.at).into())])}
                    </p>
                }
                    .into_any(),
                None => view! {
                    <form method="post" action="/consents" class="max-w-3xl space-y-4">
                        <ConfirmBox name="read" label=t("consents-notice-confirm") error=message.clone() />
                        <button type="submit" class=BUTTON>{t("consents-notice-acknowledge")}</button>
                    </form>
                }
                    .into_any(),
            }}
        </section>
    }
}

/// The ways to make a new denial: of a register, of an organisation (each a form sent
/// to the confirmation page), and where the others are made.
fn new_denials(consents: &Consents) -> impl IntoView {
    let registers: Vec<(String, String)> = Register::ALL
        .iter()
        .filter(|r| consents.since(Choice::DenyRegister(**r)).is_none())
        .map(|r| {
            (
                r.code().to_owned(),
                t(&format!("consents-register-{}", r.code())),
            )
        })
        .collect();
    let organisations: Vec<(String, String)> = consents
        .organisations
        .iter()
        .filter(|o| consents.since(Choice::DenyOrganisation(o.id)).is_none())
        .map(|o| (o.id.get().to_string(), o.name.clone()))
        .collect();
    let form = |kind: ChoiceKind,
                id: &'static str,
                label: String,
                none: String,
                choices: Vec<(String, String)>,
                button: String| {
        view! {
            <form method="get" action="/consents/confirm" class="mt-4 flex max-w-3xl flex-col gap-3">
                <input type="hidden" name="change" value=Change::Give.code() />
                <input type="hidden" name="kind" value=kind.code() />
                <Select name=id label none choices chosen=String::new() error=None required=true sent_as="target" />
                <div>
                    <button type="submit" class=BUTTON_SECONDARY>{button}</button>
                </div>
            </form>
        }
    };
    view! {
        <h3 class="mb-2 mt-6 text-xl font-semibold">{t("consents-new-denial")}</h3>
        {(!registers.is_empty()).then(|| form(
            ChoiceKind::DenyRegister,
            "deny-register",
            t("consents-deny-register-label"),
            t("consents-choose-register"),
            registers,
            t("consents-continue-register"),
        ))}
        {(!organisations.is_empty()).then(|| form(
            ChoiceKind::DenyOrganisation,
            "deny-organisation",
            t("consents-deny-organisation-label"),
            t("consents-choose-organisation"),
            organisations,
            t("consents-continue-organisation"),
        ))}
        <p class="mt-4 max-w-3xl">
            {t("consents-deny-one-where")}" "
            <a class=LINK href="/records">{t("consents-deny-one-records")}</a>
            ", "
            <a class=LINK href="/prescriptions">{t("consents-deny-one-prescriptions")}</a>
        </p>
    }
}

fn history(consents: &Consents) -> AnyView {
    if consents.history.is_empty() {
        return view! { <p>{t("consents-no-history")}</p> }.into_any();
    }
    let lang = lang();
    let rows = consents
        .history
        .iter()
        .map(|e| {
            let what = if e.given {
                t("consents-event-given")
            } else {
                t("consents-event-withdrawn")
            };
            view! {
                <tr>
                    <td class=TD>{lang.datetime(e.at)}</td>
                    <td class=TD>{kind_text(e.choice.kind())}</td>
                    <td class=TD>{about_text(e.choice, e.about.clone())}</td>
                    <td class=TD>{what}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Table
            id="history".to_owned()
            caption=t("consents-history-caption")
            headers=vec![
                t("declaration-history-when"),
                t("consents-col-choice"),
                t("consents-col-about"),
                t("declaration-history-what"),
            ]
        >
            {rows}
        </Table>
    }
    .into_any()
}
