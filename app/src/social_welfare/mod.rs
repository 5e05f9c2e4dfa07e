//! Social welfare: the client documents by service task, with whom to contact, and one
//! document in full.

pub mod api;
mod document;
mod list;

pub use document::SocialDocumentPage;
pub use list::SocialWelfarePage;

/// The message of a service task.
fn task_text(task: archive::model::ServiceTask) -> String {
    crate::i18n::t(&format!("social-task-{}", task.code()))
}

/// The message of a document's kind.
fn kind_text(kind: archive::model::SocialDocumentKind) -> String {
    crate::i18n::t(&format!("social-kind-{}", kind.code()))
}

/// The designated worker: name, profession and phone.
fn worker_view(worker: archive::model::DesignatedWorker) -> impl leptos::IntoView {
    use crate::i18n::{t, t_args};
    use leptos::prelude::*;
    let role = t(&format!("social-worker-{}", worker.role.code()));
    view! {
        <p>
            {t_args(
                "social-designated-worker",
                &[("name", worker.name.into()), ("role", role.into())],
            )}
        </p>
        {worker
            .phone
            .map(|phone| {
                let href = format!("tel:{}", phone.replace(' ', ""));
                view! {
                    <p>
                        {t("social-phone")} ": "
                        <a class=crate::ui::LINK href=href>
                            {phone}
                        </a>
                    </p>
                }
            })}
    }
}

/// The section's pages: the documents by service task, and one document.
#[leptos::component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::{Outlet, ParentRoute, Route};
    use leptos_router::{path, SsrMode};
    // One parent without a path of its own holds the section's routes (a component
    // gives one route, and debug builds erase its type).
    view! {
        <ParentRoute path=path!("") view=Outlet ssr=SsrMode::Async>
        <Route path=path!("/social-welfare") view=SocialWelfarePage ssr=SsrMode::Async />
        <Route path=path!("/social-welfare/:id") view=SocialDocumentPage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
