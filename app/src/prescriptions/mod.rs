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
