//! Health records: the list by service event, a document, the summaries, and
//! laboratory results with their trends.

pub mod api;
mod by_kind;
mod delayed;
mod document;
mod lab;
mod list;
mod summaries;

pub use by_kind::SummaryKindPage;
pub use document::DocumentPage;
pub use lab::{LabPage, LabTrendPage};
pub use list::RecordsPage;
pub use summaries::SummariesPage;

/// The section's pages: the list, a document, the summaries, a kind's summary, the laboratory results and a test's trend.
#[leptos::component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::{Outlet, ParentRoute, Route};
    use leptos_router::{path, SsrMode};
    // One parent without a path of its own holds the section's routes (a component
    // gives one route, and debug builds erase its type).
    view! {
        <ParentRoute path=path!("") view=Outlet ssr=SsrMode::Async>
        <Route path=path!("/records") view=RecordsPage ssr=SsrMode::Async />
        <Route path=path!("/records/:id") view=DocumentPage ssr=SsrMode::Async />
        <Route path=path!("/summaries") view=SummariesPage ssr=SsrMode::Async />
        <Route path=path!("/summaries/:kind") view=SummaryKindPage ssr=SsrMode::Async />
        <Route path=path!("/lab") view=LabPage ssr=SsrMode::Async />
        <Route path=path!("/lab/:id") view=LabTrendPage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
