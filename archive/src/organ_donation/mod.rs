//! The organ donation testament: yes, no, or yes with organs or tissues excluded, and
//! free text; written, changed and withdrawn by the person only, every version kept.

pub mod model;
#[cfg(feature = "storage")]
pub(crate) mod store;

#[cfg(feature = "storage")]
pub(crate) use store::OrganDonationNews;
