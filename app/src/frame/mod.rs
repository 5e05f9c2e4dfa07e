//! The frame around every section: the layout (navigation from the registry of
//! sections, language, session, the banner of whom one acts for), the front page,
//! signing in, and the session's server functions. Not a section: sections may use
//! [`current_session`].

pub mod api;
mod layout;
mod pages;

pub use layout::{current_session, Layout};
pub use pages::{FrontPage, NotFoundPage, SignInPage};
