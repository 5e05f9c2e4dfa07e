//! What is new since the signed-in person's previous visit, for the front page: in
//! each section the right covers that has news (new documents, answered renewal
//! requests and new prescriptions, what others did with the person's data). Not a
//! section: each section counts its own news in its store, audited as that section's
//! read; this gathers them from the end of the previous visit on.

pub mod model;
#[cfg(feature = "storage")]
pub(crate) mod part;
#[cfg(feature = "storage")]
mod store;
