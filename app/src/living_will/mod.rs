//! The living will: what is in force, the form to write, change or withdraw it, and
//! its history. The person's own: a proxy gets a page that says why not.

pub mod api;
mod page;

pub use page::LivingWillPage;
