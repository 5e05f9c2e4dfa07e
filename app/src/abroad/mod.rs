//! Abroad: the consents to the ePrescription and the Patient Summary used in other EU
//! countries, where each works, what cannot be bought abroad, and the history. Each
//! consent given or withdrawn with one form posted to the page's own address; the
//! Patient Summary's only with the box ticked that says Finnish denials do not apply
//! to it abroad. The person's own: a proxy gets a page that says why not.

pub mod api;
mod page;
mod summary;

pub use page::AbroadPage;
pub use summary::{PatientSummaryPage, DOWNLOAD};

/// The section's pages.
#[leptos::component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::{Outlet, ParentRoute, Route};
    use leptos_router::{path, SsrMode};
    view! {
        <ParentRoute path=path!("") view=Outlet ssr=SsrMode::Async>
        <Route path=path!("/abroad") view=AbroadPage ssr=SsrMode::Async />
        <Route path=path!("/abroad/summary") view=PatientSummaryPage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
