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
