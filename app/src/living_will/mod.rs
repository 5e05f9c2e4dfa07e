//! The living will: what is in force, the form to write, change or withdraw it, and
//! its history. The person's own: a proxy gets a page that says why not.

pub mod api;
mod page;

pub use page::LivingWillPage;

/// The section's page.
#[leptos::component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::{Outlet, ParentRoute, Route};
    use leptos_router::{path, SsrMode};
    // One parent without a path of its own holds the section's routes (a component
    // gives one route, and debug builds erase its type).
    view! {
        <ParentRoute path=path!("") view=Outlet ssr=SsrMode::Async>
        <Route path=path!("/living-will") view=LivingWillPage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
