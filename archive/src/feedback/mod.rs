//! Accessibility feedback (Act 306/2019 asks a service for a channel): what anyone,
//! signed in or not, writes through the accessibility statement's form, kept for the
//! service's maintainers and listed by the server's `feedback` command. Not a person's
//! health data and not a section: it is tied to no one's records, so it needs no
//! right, and the sender says in it only what they choose to.

pub mod model;
#[cfg(feature = "storage")]
mod store;
