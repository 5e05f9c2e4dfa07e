//! Care organisations' queries of a person's data, as a provider's system asks the
//! archive (no web page: [`crate::Archive::provider_query`] and the command
//! `omakanta provider-query`). Not a section: the person reads what was disclosed in
//! the disclosure log. The person's denials are enforced here, at the moment of the
//! query.

pub mod model;
#[cfg(feature = "storage")]
pub(crate) mod store;
