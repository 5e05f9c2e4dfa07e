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
    use leptos_router::components::{Outlet, ParentRoute, Route};
    use leptos_router::{path, SsrMode};
    // One parent without a path of its own holds the section's routes (a component
    // gives one route, and debug builds erase its type).
    view! {
        <ParentRoute path=path!("") view=Outlet ssr=SsrMode::Async>
        <Route path=path!("/accessibility") view=AccessibilityPage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
