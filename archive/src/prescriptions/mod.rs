//! Prescriptions: the list with purchases and status, renewal requests (made once,
//! whose rules are pure functions in [`renewal`]), the medication list compiled in
//! [`medication`], and the demo's renewal desk that answers requests ([`desk`]).

#[cfg(feature = "storage")]
pub mod desk;
pub mod medication;
pub mod model;
pub mod renewal;
#[cfg(feature = "storage")]
pub(crate) mod store;
