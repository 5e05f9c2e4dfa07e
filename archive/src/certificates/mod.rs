//! Certificates and statements: what a professional wrote on a form for Kela or
//! Traficom, and where each was forwarded through Kanta. Read only.

pub mod model;
#[cfg(feature = "storage")]
mod store;
