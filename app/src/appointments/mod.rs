//! Appointments: those to come and the past, one appointment with how to prepare and
//! where to cancel or move it, and a calendar file of one or of all to come.

pub mod api;
#[cfg(feature = "ssr")]
pub mod calendar;
mod detail;
mod list;

pub use detail::AppointmentPage;
pub use list::AppointmentsPage;

/// The message of an appointment's kind, in the page's language.
fn kind_text(kind: archive::model::AppointmentKind) -> String {
    kind_text_in(crate::i18n::lang(), kind)
}

/// The message of an appointment's kind, in `lang` (the calendar file's too).
fn kind_text_in(lang: crate::i18n::Lang, kind: archive::model::AppointmentKind) -> String {
    use crate::i18n::LangExt as _;
    lang.tr(&format!("appointment-kind-{}", kind.code()))
}

/// The message of how one attends, in the page's language.
fn mode_text(mode: archive::model::AttendanceMode) -> String {
    mode_text_in(crate::i18n::lang(), mode)
}

/// The message of how one attends, in `lang`.
fn mode_text_in(lang: crate::i18n::Lang, mode: archive::model::AttendanceMode) -> String {
    use crate::i18n::LangExt as _;
    lang.tr(&format!("appointment-mode-{}", mode.code()))
}

/// The message of whom one meets, in the page's language.
fn role_text(role: archive::model::ProfessionalRole) -> String {
    role_text_in(crate::i18n::lang(), role)
}

/// The message of whom one meets, in `lang`.
fn role_text_in(lang: crate::i18n::Lang, role: archive::model::ProfessionalRole) -> String {
    use crate::i18n::LangExt as _;
    lang.tr(&format!("appointment-role-{}", role.code()))
}

/// When: "ti 8.12.2026 klo 9.30–10.00".
fn when_text(a: &archive::model::Appointment) -> String {
    use crate::i18n::{lang, t_args, LangExt as _};
    let lang = lang();
    let weekday = crate::i18n::t(&weekday_key(a.starts_at.weekday()));
    t_args(
        "appointment-when",
        &[
            ("weekday", weekday.into()),
            ("date", lang.date(a.starts_at.date()).into()),
            ("start", lang.time(a.starts_at).into()),
            ("end", lang.time(a.ends_at()).into()),
        ],
    )
}

fn weekday_key(day: time::Weekday) -> String {
    format!("weekday-{}", day.number_from_monday())
}

/// The section's pages: the list and one appointment. (Their calendar files are
/// served by the server, `server/src/calendar.rs`.)
#[leptos::component(transparent)]
pub fn Routes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::{Outlet, ParentRoute, Route};
    use leptos_router::{path, SsrMode};
    // One parent without a path of its own holds the section's routes (a component
    // gives one route, and debug builds erase its type).
    view! {
        <ParentRoute path=path!("") view=Outlet ssr=SsrMode::Async>
        <Route path=path!("/appointments") view=AppointmentsPage ssr=SsrMode::Async />
        <Route path=path!("/appointments/:id") view=AppointmentPage ssr=SsrMode::Async />
        </ParentRoute>
    }
    .into_inner()
}
