//! The disclosure log: what others did with the person's data. The person's own.

pub mod api;
mod page;

pub use page::DisclosureLogPage;
