//! The certificates page: newest first, each with its form, who wrote it and where, and
//! where it was sent.

use leptos::prelude::*;
use leptos_meta::Title;

use super::api::list_certificates;
use super::{form_text, sent_text};
use crate::i18n::LangExt as _;
use crate::i18n::{count, lang, t, t_args};
use crate::ui::{once, page_title, problem, Table, H1, LINK, TD};

#[component]
pub fn CertificatesPage() -> impl IntoView {
    let certificates = once(list_certificates());
    view! {
        <Title text=page_title("certificates-title") />
        <h1 class=H1>{t("certificates-title")}</h1>
        <p class="mb-4 max-w-prose">{t("certificates-intro")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let lang = lang();
                match certificates.await {
                    Ok(list) if list.is_empty() => view! { <p>{t("certificates-none")}</p> }.into_any(),
                    Ok(list) => {
                        let caption = t_args("certificates-caption", &[("count", count(list.len()))]);
                        view! {
                            <Table
                                id="certificates".to_owned()
                                caption=caption
                                headers=vec![t("certificates-issued"), t("certificates-form"), t("certificates-unit"), t("certificates-sent")]
                            >
                                {list
                                    .into_iter()
                                    .map(|c| {
                                        view! {
                                            <tr>
                                                <td class=TD>{lang.datetime(c.issued_at)}</td>
                                                <td class=TD>
                                                    <a class=LINK href=format!("/certificates/{}", c.id)>
                                                        {form_text(c.form)}
                                                    </a>
                                                </td>
                                                <td class=TD>{c.unit.clone()}</td>
                                                <td class=TD>{sent_text(&c.forwardings)}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </Table>
                        }
                            .into_any()
                    }
                    Err(e) => problem(&e),
                }
            })}
        </Suspense>
    }
}
