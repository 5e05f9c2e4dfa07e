//! The organ donation testament: what is in force, the form to write, change or
//! withdraw it, and its history. The person's own: a proxy gets a page that says why
//! not.

pub mod api;
mod page;

pub use page::OrganDonationPage;

/// The section's page.
#[leptos::component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::{Outlet, ParentRoute, Route};
    use leptos_router::{path, SsrMode};
    view! {
        <ParentRoute path=path!("") view=Outlet ssr=SsrMode::Async>
        <Route path=path!("/organ-donation") view=OrganDonationPage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
