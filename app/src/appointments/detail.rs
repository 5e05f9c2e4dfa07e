//! One appointment: when, where, with whom, how to attend and prepare, its booking
//! reference; a calendar file of it; and the provider's booking service, where it is
//! cancelled or moved (a link that says where it leads).

use archive::model::{Appointment, AttendanceMode};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::api::read_appointment;
use super::{kind_text, mode_text, role_text, when_text};
use crate::i18n::{count, t, t_args};
use crate::islands::PrintButton;
use crate::ui::{item, once, page_title, problem, H1, H2, LINK};

#[component]
pub fn AppointmentPage() -> impl IntoView {
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .unwrap_or_default();
    let appointment = once(read_appointment(id));
    view! {
        <p class="mb-2 print:hidden">
            <a class=LINK href="/appointments">
                {t("appointments-back")}
            </a>
        </p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match appointment.await {
                    Ok(a) => appointment_view(a).into_any(),
                    Err(e) => {
                        view! {
                            <Title text=page_title("appointment-title") />
                            <h1 class=H1>{t("appointment-title")}</h1>
                            {problem(&e)}
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

fn appointment_view(a: Appointment) -> impl IntoView {
    let heading = t_args(
        "appointment-heading",
        &[
            ("kind", kind_text(a.kind).into()),
            ("when", when_text(&a).into()),
        ],
    );
    let written_in = a.language.code();
    let join = (a.mode == AttendanceMode::Video)
        .then(|| a.join_link.clone())
        .flatten();
    let booking = a.booking_service.clone().map(|url| {
        let host = a.booking_host().unwrap_or_default().to_owned();
        (url, host)
    });
    view! {
        <Title text=t_args("page-title", &[("page", heading.clone().into())]) />
        <h1 class=H1>{heading}</h1>
        <dl class="mb-6 space-y-1">
            {item(t("appointments-when"), when_text(&a))}
            {item(t("appointment-duration"), t_args("appointment-minutes", &[("count", count(a.minutes))]))}
            {item(t("appointments-kind"), kind_text(a.kind))}
            {item(t("appointment-role"), role_text(a.role))}
            {item(t("appointment-mode"), mode_text(a.mode))}
            {item(t("appointment-organisation"), a.organisation.name.clone())}
            {item(t("appointments-unit"), a.unit.clone())}
            {a.address.clone().map(|address| item(t("appointment-address"), address))}
            {item(t("appointment-reference"), a.booking_reference.clone())}
        </dl>
        {join
            .map(|url| {
                view! {
                    <p class="mb-6">
                        <a class=LINK href=url>
                            {t("appointment-join")}
                        </a>
                    </p>
                }
            })}
        {a
            .preparation
            .clone()
            .map(|text| {
                view! {
                    <section aria-labelledby="preparation" class="mb-6 max-w-prose">
                        <h2 id="preparation" class=H2>{t("appointment-preparation")}</h2>
                        <p lang=written_in class="whitespace-pre-line">{text}</p>
                    </section>
                }
            })}
        <section aria-labelledby="changes" class="mb-6 max-w-prose print:hidden">
            <h2 id="changes" class=H2>{t("appointment-changes")}</h2>
            {match booking {
                Some((url, host)) => {
                    view! {
                        <p class="mb-2">{t("appointment-changes-intro")}</p>
                        <p>
                            <a class=LINK href=url>
                                {t_args("appointment-booking-service", &[("site", host.into())])}
                            </a>
                        </p>
                    }
                        .into_any()
                }
                None => view! { <p>{t("appointment-changes-call")}</p> }.into_any(),
            }}
        </section>
        <p class="mb-4 print:hidden">
            <a
                class=LINK
                href=format!("/appointments/{}/calendar.ics", a.id)
                download=format!("ajanvaraus-{}.ics", a.id)
            >
                {t("appointment-calendar")}
            </a>
        </p>
        <p>
            <PrintButton label=t("print") />
        </p>
    }
}
