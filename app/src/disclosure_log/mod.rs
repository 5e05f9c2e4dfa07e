//! The disclosure log: what others did with the person's data. The person's own.

pub mod api;
mod page;

pub use page::DisclosureLogPage;

/// The section's page.
#[leptos::component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{path, SsrMode};
    view! {
        <Route path=path!("/disclosure-log") view=DisclosureLogPage ssr=SsrMode::Async />
    }
    .into_inner()
}
