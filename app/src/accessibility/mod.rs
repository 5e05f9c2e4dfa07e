//! The accessibility statement (Act 306/2019, in the form the regulator's model asks:
//! how accessible, what is not and why, how it was assessed, feedback, the supervisory
//! authority), reachable signed out from every page's footer, and its feedback form,
//! whose messages the archive keeps and the server's `feedback` command lists.

pub mod api;
mod page;

pub use page::AccessibilityPage;

/// The statement's page.
#[leptos::component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{path, SsrMode};
    view! {
        <Route path=path!("/accessibility") view=AccessibilityPage ssr=SsrMode::Async />
    }
    .into_inner()
}
