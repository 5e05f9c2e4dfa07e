//! My wellbeing data: each kind's newest reading, a kind's plot and table over a
//! period, the forms to add, change and delete a reading, and who else may use the
//! data (apps, care organisations). The person's own, from
//! 16: a proxy, or a 15-year-old, gets a page that says why not.

pub mod api;
mod form;
mod page;
mod sharing;

pub use form::{AddMeasurementPage, EditMeasurementPage};
pub use page::{MeasurePage, WellbeingPage};
pub use sharing::SharingPage;

/// The section's pages.
#[leptos::component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::{Outlet, ParentRoute, Route};
    use leptos_router::{path, SsrMode};
    view! {
        <ParentRoute path=path!("") view=Outlet ssr=SsrMode::Async>
        <Route path=path!("/wellbeing") view=WellbeingPage ssr=SsrMode::Async />
        <Route path=path!("/wellbeing/sharing") view=SharingPage ssr=SsrMode::Async />
        <Route path=path!("/wellbeing/measurement/:id") view=EditMeasurementPage ssr=SsrMode::Async />
        <Route path=path!("/wellbeing/:measure/add") view=AddMeasurementPage ssr=SsrMode::Async />
        <Route path=path!("/wellbeing/:measure") view=MeasurePage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
