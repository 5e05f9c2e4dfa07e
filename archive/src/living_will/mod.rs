//! The living will: free text and wishes about life-sustaining treatment, written,
//! changed and withdrawn by the person only, with every version kept.

pub mod model;
#[cfg(feature = "storage")]
pub(crate) mod store;
#[cfg(feature = "storage")]
pub(crate) use store::LivingWillNews;
