//! The disclosure log page: who did what with the person's data, by which right.

use archive::model::{DisclosureLog, Outcome};
use archive::Action;
use leptos::prelude::*;
use leptos_meta::Title;

use super::api::read_disclosure_log;
use crate::i18n::LangExt as _;
use crate::i18n::{lang, t, t_args};
use crate::ui::{once, page_title, problem, Table, H1, H2, TD};

#[component]
pub fn DisclosureLogPage() -> impl IntoView {
    let entries = once(read_disclosure_log());
    view! {
        <Title text=page_title("disclosure-log-title") />
        <h1 class=H1>{t("disclosure-log-title")}</h1>
        <p class="mb-4 max-w-prose">{t("disclosure-log-intro")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match entries.await {
                    Ok(log) => log_view(log).into_any(),
                    Err(e) => problem(&e),
                }
            })}
        </Suspense>
    }
}

fn log_view(log: DisclosureLog) -> impl IntoView {
    let lang = lang();
    let DisclosureLog {
        actions,
        forwardings,
    } = log;
    let actions = if actions.is_empty() {
        view! { <p>{t("disclosure-log-none")}</p> }.into_any()
    } else {
        view! {
            <Table id="disclosures".to_owned() caption=t("disclosure-log-title") headers=vec![t("disclosure-log-when"), t("disclosure-log-who"), t("disclosure-log-right"), t("disclosure-log-what")]>
                {actions.into_iter().map(|e| {
                    let done = t(&action_key(e.action));
                    let what = if e.outcome == Outcome::Done {
                        done
                    } else {
                        t_args("disclosure-log-refused", &[("what", done.into())])
                    };
                    let right = e.right.map_or("none", |r| r.code());
                    view! {
                        <tr>
                            <td class=TD>{lang.datetime(e.at)}</td>
                            <td class=TD>{e.actor_name}</td>
                            <td class=TD>{t(&format!("right-{right}"))}</td>
                            <td class=TD>{what}</td>
                        </tr>
                    }
                }).collect_view()}
            </Table>
        }
            .into_any()
    };
    // The certificates' words are the certificates section's messages, by their codes.
    let forwarded = if forwardings.is_empty() {
        view! { <p>{t("disclosure-log-forwardings-none")}</p> }.into_any()
    } else {
        view! {
            <Table id="forwardings".to_owned() caption=t("disclosure-log-forwardings") headers=vec![t("disclosure-log-when"), t("disclosure-log-to"), t("disclosure-log-what")]>
                {forwardings.into_iter().map(|f| {
                    view! {
                        <tr>
                            <td class=TD>{lang.datetime(f.at)}</td>
                            <td class=TD>{t(&format!("certificate-recipient-{}", f.recipient.code()))}</td>
                            <td class=TD>{t(&format!("certificate-form-{}", f.form.code()))}</td>
                        </tr>
                    }
                }).collect_view()}
            </Table>
        }
            .into_any()
    };
    view! {
        {actions}
        <section aria-labelledby="forwarded" class="mt-8">
            <h2 id="forwarded" class=H2>{t("disclosure-log-forwardings")}</h2>
            <p class="mb-4 max-w-prose">{t("disclosure-log-forwardings-intro")}</p>
            {forwarded}
        </section>
    }
}

/// The message id that says in words what an audited action did.
#[must_use]
pub fn action_key(action: Action) -> String {
    format!("action-{}", action.code().replace('.', "-"))
}
