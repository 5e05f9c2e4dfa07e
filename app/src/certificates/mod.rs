//! Certificates and statements: the list with where each went, and one in full.

pub mod api;
mod detail;
mod list;

pub use detail::CertificatePage;
pub use list::CertificatesPage;

/// The message of a form's name ("Lääkärintodistus A (SV 6)").
fn form_text(form: archive::model::CertificateForm) -> String {
    crate::i18n::t(&format!("certificate-form-{}", form.code()))
}

/// The message of an organisation certificates go to.
pub fn recipient_text(recipient: archive::model::Recipient) -> String {
    crate::i18n::t(&format!("certificate-recipient-{}", recipient.code()))
}

/// Where it went: "Lähetetty: Kela 3.11.2026 klo 10.20", or not sent.
fn sent_text(forwardings: &[archive::model::Forwarding]) -> String {
    use crate::i18n::{lang, t, t_args, LangExt as _};
    let lang = lang();
    if forwardings.is_empty() {
        return t("certificate-not-sent");
    }
    forwardings
        .iter()
        .map(|f| {
            let to = recipient_text(f.recipient);
            let when = lang.datetime(f.sent_at);
            t_args(
                "certificate-sent-to",
                &[("to", to.into()), ("when", when.into())],
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The section's pages: the list and one certificate.
#[leptos::component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::{Outlet, ParentRoute, Route};
    use leptos_router::{path, SsrMode};
    // One parent without a path of its own holds the section's routes (a component
    // gives one route, and debug builds erase its type).
    view! {
        <ParentRoute path=path!("") view=Outlet ssr=SsrMode::Async>
        <Route path=path!("/certificates") view=CertificatesPage ssr=SsrMode::Async />
        <Route path=path!("/certificates/:id") view=CertificatePage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
