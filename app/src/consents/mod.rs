//! Consents and denials: the Kanta information notice, the consent to disclosure
//! between providers, denials, the denial of contact about research findings, and the
//! history; every change through a page that states its effect and asks to confirm.
//! The person's own: a proxy gets a page that says why not.

pub mod api;
mod confirm;
mod page;

pub use confirm::ConfirmPage;
pub use page::ConsentsPage;

/// The section's pages.
#[leptos::component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::{Outlet, ParentRoute, Route};
    use leptos_router::{path, SsrMode};
    view! {
        <ParentRoute path=path!("") view=Outlet ssr=SsrMode::Async>
        <Route path=path!("/consents") view=ConsentsPage ssr=SsrMode::Async />
        <Route path=path!("/consents/confirm") view=ConfirmPage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}

/// What a choice is called, by its kind.
fn kind_text(kind: archive::model::ChoiceKind) -> String {
    crate::i18n::t(&format!("consents-kind-{}", kind.code()))
}
