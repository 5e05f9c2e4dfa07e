//! The social-welfare page: the client documents by service task, each task with its
//! organisation, since when, whom to contact, and its documents newest first.

use archive::model::{ServiceTaskRecords, SocialWelfare};
use leptos::prelude::*;
use leptos_meta::Title;

use super::api::read_social_welfare;
use super::{kind_text, task_text, worker_view};
use crate::i18n::LangExt as _;
use crate::i18n::{lang, t, t_args};
use crate::ui::{once, page_title, problem, Table, H1, H2, LINK, TD};

#[component]
pub fn SocialWelfarePage() -> impl IntoView {
    let welfare = once(read_social_welfare());
    view! {
        <Title text=page_title("social-title") />
        <h1 class=H1>{t("social-title")}</h1>
        <p class="mb-4 max-w-prose">{t("social-intro")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match welfare.await {
                    Ok(SocialWelfare { tasks }) if tasks.is_empty() => {
                        view! { <p>{t("social-none")}</p> }.into_any()
                    }
                    Ok(SocialWelfare { tasks }) => {
                        tasks.into_iter().enumerate().map(|(i, g)| task_view(i, g)).collect_view().into_any()
                    }
                    Err(e) => problem(&e),
                }
            })}
        </Suspense>
    }
}

fn task_view(index: usize, group: ServiceTaskRecords) -> impl IntoView {
    let lang = lang();
    let heading_id = format!("task-{index}");
    let labelled_by = heading_id.clone();
    let ServiceTaskRecords {
        task,
        organisation,
        started_on,
        worker,
        documents,
    } = group;
    let caption = t_args("social-documents-of", &[("task", task_text(task).into())]);
    view! {
        <section aria-labelledby=labelled_by class="mb-8">
            <h2 id=heading_id class=H2>{task_text(task)}</h2>
            <p>{organisation.name}</p>
            {started_on
                .map(|d| {
                    view! {
                        <p>{t_args("social-client-since", &[("date", lang.date(d).into())])}</p>
                    }
                })}
            {worker.map(worker_view)}
            <Table
                id=format!("documents-{index}")
                caption=caption
                headers=vec![t("social-recorded"), t("social-kind"), t("social-document-title")]
            >
                {documents
                    .into_iter()
                    .map(|d| {
                        let written_in = d.language.code();
                        view! {
                            <tr>
                                <td class=TD>{lang.datetime(d.recorded_at)}</td>
                                <td class=TD>{kind_text(d.kind)}</td>
                                <td class=TD>
                                    <a class=LINK href=format!("/social-welfare/{}", d.id) lang=written_in>
                                        {d.title}
                                    </a>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </Table>
        </section>
    }
}
