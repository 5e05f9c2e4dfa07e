//! Prescriptions: the list, one prescription with its purchases and the renewal form,
//! the printable summary, and the medication list.

pub mod api;
mod detail;
mod list;
mod medication;
mod summary;

pub use detail::PrescriptionPage;
pub use list::PrescriptionsPage;
pub use medication::MedicationListPage;
pub use summary::PrescriptionSummaryPage;

/// What remains of a prescription: "2 / 3 pakkausta", "1 of 1 package".
fn packages_left(p: &archive::model::Prescription) -> String {
    use crate::i18n::{count, t_args};
    t_args(
        "prescriptions-packages",
        &[
            ("left", count(p.remaining_packages)),
            ("of", count(p.packages)),
        ],
    )
}

/// The section's pages: the list, a prescription, the printable summary, the medication list.
#[leptos::component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::{Outlet, ParentRoute, Route};
    use leptos_router::{path, SsrMode};
    // One parent without a path of its own holds the section's routes (a component
    // gives one route, and debug builds erase its type).
    view! {
        <ParentRoute path=path!("") view=Outlet ssr=SsrMode::Async>
        <Route path=path!("/prescriptions") view=PrescriptionsPage ssr=SsrMode::Async />
        <Route path=path!("/prescriptions/:id") view=PrescriptionPage ssr=SsrMode::Async />
        <Route path=path!("/prescription-summary") view=PrescriptionSummaryPage ssr=SsrMode::Async />
        <Route path=path!("/medication-list") view=MedicationListPage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
