//! The appointments page: those to come first, nearest first, each with how one
//! attends; then the past within a period chosen by a plain GET form.

use archive::model::{Appointment, Appointments, PastPeriod};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::list_appointments;
use super::{kind_text, mode_text, when_text};
use crate::error::AppError;
use crate::i18n::LangExt as _;
use crate::i18n::{count, lang, t, t_args};
use crate::ui::form::{error_for, field_errors, ErrorSummary, RadioGroup};
use crate::ui::{once, page_title, problem, set_status, Table, BUTTON, H1, H2, LINK, TD};

#[component]
pub fn AppointmentsPage() -> impl IntoView {
    let past = use_query_map().get_untracked().get("past");
    let appointments = once(list_appointments(past));
    view! {
        <Title text=page_title("appointments-title") />
        <h1 class=H1>{t("appointments-title")}</h1>
        <p class="mb-4 max-w-prose">{t("appointments-intro")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match appointments.await {
                    Ok(list) => appointments_view(list).into_any(),
                    Err(e @ AppError::Invalid { .. }) => {
                        set_status(http::StatusCode::BAD_REQUEST);
                        let error = field_errors(&e).unwrap_or_default();
                        view! {
                            <ErrorSummary error=error.clone() />
                            <PastChoice chosen=None error=error_for(&error, "past") />
                        }
                            .into_any()
                    }
                    Err(e) => problem(&e),
                }
            })}
        </Suspense>
    }
}

fn appointments_view(list: Appointments) -> impl IntoView {
    let Appointments {
        upcoming,
        past,
        period,
        more_past,
    } = list;
    let lang = lang();
    let to_come = if upcoming.is_empty() {
        view! { <p>{t("appointments-upcoming-none")}</p> }.into_any()
    } else {
        view! {
            <ul class="space-y-4">
                {upcoming.into_iter().map(upcoming_item).collect_view()}
            </ul>
            <p class="mt-4">
                <a class=LINK href="/appointments/calendar.ics" download="ajanvaraukset.ics">
                    {t("appointments-calendar-all")}
                </a>
            </p>
        }
        .into_any()
    };
    let past_list = if past.is_empty() {
        view! { <p>{t("appointments-past-none")}</p> }.into_any()
    } else {
        let shown = past.len();
        view! {
            <Table
                id="past-appointments".to_owned()
                caption=t_args("appointments-past-caption", &[("count", count(shown))])
                headers=vec![t("appointments-when"), t("appointments-kind"), t("appointments-unit")]
            >
                {past
                    .into_iter()
                    .map(|a| {
                        view! {
                            <tr>
                                <td class=TD>
                                    <a class=LINK href=format!("/appointments/{}", a.id)>
                                        {lang.datetime(a.starts_at)}
                                    </a>
                                </td>
                                <td class=TD>{kind_text(a.kind)}</td>
                                <td class=TD>{a.unit}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </Table>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="upcoming-heading">
            <h2 id="upcoming-heading" class=H2>{t("appointments-upcoming")}</h2>
            {to_come}
        </section>
        <section aria-labelledby="past-heading">
            <h2 id="past-heading" class=H2>{t("appointments-past")}</h2>
            <PastChoice chosen=Some(period) error=None />
            {more_past.then(|| view! { <p class="mb-4">{t("appointments-past-more")}</p> })}
            {past_list}
        </section>
    }
}

/// One appointment to come: when (its link), what, where and how.
fn upcoming_item(a: Appointment) -> impl IntoView {
    let heading = when_text(&a);
    view! {
        <li class="rounded border border-slate-300 bg-white p-4">
            <h3 class="text-lg font-semibold">
                <a class=LINK href=format!("/appointments/{}", a.id)>
                    {heading}
                </a>
            </h3>
            <p>{kind_text(a.kind)}</p>
            <p>{a.unit.clone()}</p>
            <p>{mode_text(a.mode)}</p>
        </li>
    }
}

/// How far back the past appointments reach: a plain GET form, so it works without
/// JavaScript.
#[component]
fn PastChoice(chosen: Option<PastPeriod>, error: Option<String>) -> impl IntoView {
    view! {
        <form method="get" action="/appointments#past-heading" class="mb-4 print:hidden">
            <RadioGroup
                name="past"
                legend=t("appointments-past-period")
                choices=PastPeriod::ALL
                    .iter()
                    .map(|p| (p.code(), t(&format!("appointments-past-{}", p.code()))))
                    .collect()
                chosen=chosen.map(PastPeriod::code)
                error
            >
                <button type="submit" class=BUTTON>
                    {t("appointments-past-submit")}
                </button>
            </RadioGroup>
        </form>
    }
}
