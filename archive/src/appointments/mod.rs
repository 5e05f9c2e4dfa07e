//! Appointments: what providers booked for the person and told them of; to view, to
//! add to a calendar, and to cancel or move at the provider's booking service.

pub mod model;
#[cfg(feature = "storage")]
mod store;
