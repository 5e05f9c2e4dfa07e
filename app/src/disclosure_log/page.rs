//! The disclosure log page: who did what with the person's data, by which right.

use archive::model::Outcome;
use archive::Action;
use leptos::prelude::*;
use leptos_meta::Title;

use super::api::read_disclosure_log;
use crate::i18n::LangExt as _;
use crate::i18n::{lang, t, t_args};
use crate::ui::{once, page_title, problem, Table, H1, TD};

#[component]
pub fn DisclosureLogPage() -> impl IntoView {
    let entries = once(read_disclosure_log());
    view! {
        <Title text=page_title("disclosure-log-title") />
        <h1 class=H1>{t("disclosure-log-title")}</h1>
        <p class="mb-4 max-w-prose">{t("disclosure-log-intro")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let lang = lang();
                match entries.await {
                    Ok(entries) if entries.is_empty() => view! { <p>{t("disclosure-log-none")}</p> }.into_any(),
                    Ok(entries) => view! {
                        <Table id="disclosures".to_owned() caption=t("disclosure-log-title") headers=vec![t("disclosure-log-when"), t("disclosure-log-who"), t("disclosure-log-right"), t("disclosure-log-what")]>
                                {entries.into_iter().map(|e| {
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
                    }.into_any(),
                    Err(e) => problem(&e),
                }
            })}
        </Suspense>
    }
}

/// The message id that says in words what an audited action did.
#[must_use]
pub fn action_key(action: Action) -> String {
    format!("action-{}", action.code().replace('.', "-"))
}
