//! Consents and denials: the Kanta information notice acknowledged, the consent to
//! disclosure between providers, and denials (per service event, organisation,
//! register, prescription; of contact about research findings), each given and
//! withdrawn by the person only, at once, every change kept.

pub mod model;
#[cfg(feature = "storage")]
pub(crate) mod store;
