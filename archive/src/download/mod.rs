//! Everything the archive holds about a person, for the person to download (never a
//! proxy): their documents with laboratory results and measurements, prescriptions
//! with purchases, renewal requests, the living will, the organ donation testament,
//! consents and denials, consents abroad, wellbeing data and the disclosure log.
//!
//! A download is one audited event, durable before anything is read. It reads one
//! snapshot (on PostgreSQL a read-only repeatable-read transaction, on SQLite a read
//! transaction, which takes no write lock in WAL mode) in parts of at most
//! [`model::BATCH`] rows, so what it holds at once does not grow with the archive:
//! whoever writes the file asks for the next part when the last is written.

pub mod model;
#[cfg(feature = "storage")]
mod store;

#[cfg(feature = "storage")]
pub use store::Download;
