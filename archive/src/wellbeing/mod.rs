//! My wellbeing data (Kanta PHR, Omatietovaranto): the person's own measurements,
//! stored as the FHIR R4 Observation written (the JSON as it came, in a text column)
//! beside the columns searched and plotted. Only the person reaches it, from the age
//! of 16 (the registry's coverage); no one acting for them ever does.
//!
//! The archive knows no FHIR library: what turns a reading into a resource is an
//! [`ObservationCodec`] the caller gives (the `phr` crate's), so the resource stored
//! and its columns are written in one transaction with the audit event.

pub mod form;
pub mod model;
#[cfg(feature = "storage")]
pub(crate) mod patient;
#[cfg(feature = "storage")]
pub(crate) mod resources;
pub mod sharing;
#[cfg(feature = "storage")]
pub(crate) mod sharing_store;
#[cfg(feature = "storage")]
pub(crate) mod store;

#[cfg(feature = "storage")]
pub use patient::PatientWritten;
#[cfg(feature = "storage")]
pub use resources::{
    Create, Created, Incoming, ObservationSearch, StoredResource, MAX_BATCH, MAX_SEARCH,
};
#[cfg(feature = "storage")]
pub use store::{ObservationCodec, ResourceIds};
