//! Health records: documents by service event, a document, summaries (diagnoses, risk
//! information, vaccinations) and laboratory results with their trends.

pub mod model;
#[cfg(feature = "storage")]
mod store;
