//! Abroad: the person's consents to the ePrescription and the Patient Summary used in
//! other EU countries, the countries where each works (dated data,
//! `countries.tsv`), and what is never available abroad. Given and withdrawn by the
//! person only, at once, every change kept.

pub mod model;
#[cfg(feature = "storage")]
pub(crate) mod store;
