//! OmaKanta's web application: routes, pages and server functions.
//!
//! Pages render on the server (islands mode); only the few interactive parts in
//! [`islands`] hydrate. Every page works with JavaScript off.
//!
//! One folder per section (`records`, `prescriptions`, `living_will`,
//! `disclosure_log`): its pages, server functions (`api`) and forms. Sections import
//! from [`ui`] (the page toolkit) and [`frame`] (layout, front page, session), never
//! from each other.

pub mod abroad;
pub mod accessibility;
pub mod appointments;
pub mod certificates;
pub mod consents;
pub mod disclosure_log;
pub mod download;
pub mod error;
pub mod frame;
pub mod i18n;
pub mod islands;
pub mod living_will;
pub mod organ_donation;
pub mod prescriptions;
pub mod records;
pub mod social_welfare;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod ui;
pub mod wellbeing;

use crate::i18n::LangExt as _;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

pub use i18n::Lang;

/// How the site is set up, as pages need to know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SiteMode {
    /// No identity provider is configured: the development sign-in is offered and
    /// every page says so.
    pub dev_sign_in: bool,
    /// How long a session lasts without use, in seconds.
    pub idle_seconds: i64,
    /// How long before the end the page warns (with JavaScript), in seconds.
    pub warn_seconds: i64,
}

/// The HTML document around every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = use_context::<http::request::Parts>()
        .map_or(Lang::Fi, |parts| Lang::of_request(&parts.headers));
    provide_context(lang);
    #[cfg(feature = "ssr")]
    pass_nonce_to_server();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <HashedStylesheet options=options.clone() />
                <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body class="min-h-screen bg-slate-50 text-slate-900">
                <App />
            </body>
        </html>
    }
}

/// The response header by which a page hands its script nonce to the server, which
/// turns it into the Content-Security-Policy and removes the header.
pub const NONCE_HEADER: &str = "x-omakanta-script-nonce";

#[cfg(feature = "ssr")]
fn pass_nonce_to_server() {
    if let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) {
        if let Ok(value) = http::HeaderValue::from_str(&nonce.to_string()) {
            response.insert_header(http::HeaderName::from_static(NONCE_HEADER), value);
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <frame::Layout>
                <Routes fallback=frame::NotFoundPage>
                    <Route path=path!("/") view=frame::FrontPage ssr=SsrMode::Async />
                    <Route path=path!("/sign-in") view=frame::SignInPage ssr=SsrMode::Async />
                    // Each section's own pages, named once here.
                    <accessibility::Routes />
                    <records::Routes />
                    <prescriptions::Routes />
                    <appointments::Routes />
                    <social_welfare::Routes />
                    <certificates::Routes />
                    <living_will::Routes />
                    <organ_donation::Routes />
                    <consents::Routes />
                    <abroad::Routes />
                    <disclosure_log::Routes />
                    <wellbeing::Routes />
                    <download::Routes />
                </Routes>
            </frame::Layout>
        </Router>
    }
}
