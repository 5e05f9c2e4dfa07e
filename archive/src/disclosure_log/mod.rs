//! The disclosure log: what others did with the person's data. The person's own.

pub mod model;
#[cfg(feature = "storage")]
mod store;
