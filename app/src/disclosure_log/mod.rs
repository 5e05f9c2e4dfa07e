//! The disclosure log: what others did with the person's data. The person's own.

pub mod api;
#[cfg(feature = "ssr")]
pub mod csv;
mod page;
pub mod words;

pub use page::{DisclosureEntryPage, DisclosureLogPage};

/// The section's pages: the log, and one entry of it.
#[leptos::component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::{Outlet, ParentRoute, Route};
    use leptos_router::{path, SsrMode};
    // One parent without a path of its own holds the section's routes (a component
    // gives one route, and debug builds erase its type).
    view! {
        <ParentRoute path=path!("") view=Outlet ssr=SsrMode::Async>
        <Route path=path!("/disclosure-log") view=DisclosureLogPage ssr=SsrMode::Async />
        <Route path=path!("/disclosure-log/entry") view=DisclosureEntryPage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
