//! The download of all one's data: a page that says what the file holds, counted, and
//! links to it (`server/src/everything.rs` sends it, as one FHIR R4 Bundle). The
//! person's own: a proxy gets a page that says why not.

pub mod api;
mod page;

pub use page::{DownloadPage, FILE};

/// The section's pages.
#[leptos::component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{path, SsrMode};
    view! { <Route path=path!("/download") view=DownloadPage ssr=SsrMode::Async /> }.into_inner()
}
