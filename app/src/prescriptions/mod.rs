//! Prescriptions: the list, one prescription with its purchases and the renewal form,
//! and the medication list.

pub mod api;
mod detail;
mod list;
mod medication;

pub use detail::PrescriptionPage;
pub use list::PrescriptionsPage;
pub use medication::MedicationListPage;
