//! Social-welfare client documents, by service task, with the designated worker of each
//! client relationship. Read only; never a shelter or domestic-violence service, never a
//! payment commitment.

pub mod model;
#[cfg(feature = "storage")]
mod store;
