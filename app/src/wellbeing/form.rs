//! Adding a reading, and changing or deleting one. Each form posts to its page's own
//! address (see `server/src/forms.rs`): the page saves, then redirects (303) to the
//! kind's page, or shows the form again as typed with what is wrong.

use archive::model::{format_value, Measure, MeasureSeries, Measurement, ReadingForm};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::api::{
    read_measure_series, read_measurement, save_measurement, MeasurementChange, MeasurementIntent,
    MeasurementSubmission,
};
use super::page::{measure_name, not_shown, unit_text, values_text, when_text};
use crate::i18n::{lang, t, t_args, Lang};
use crate::ui::form::{
    error_for, form_page, fresh_key, posted, ConfirmBox, DateInput, ErrorSummary, FormError,
    TextInput,
};
use crate::ui::{BUTTON, BUTTON_SECONDARY, H1, H2, LINK};

/// Where the kind's page is, with what was done.
fn kind_page(code: &str, done: &str) -> String {
    match Measure::from_code(code) {
        Some(m) => format!("/wellbeing/{}?{done}=1", m.code()),
        None => "/wellbeing".to_owned(),
    }
}

#[component]
pub fn AddMeasurementPage() -> impl IntoView {
    let code = use_params_map()
        .get_untracked()
        .get("measure")
        .unwrap_or_default();
    // Present only while the server renders the answer to a posted form.
    let typed = use_context::<MeasurementSubmission>();
    // A week's readings: the kind exists and the person may add to it (else the page
    // says why not).
    let read_code = code.clone();
    let page = form_page(typed.clone(), save_measurement, move || {
        read_measure_series(read_code, Some("week".to_owned()))
    });
    view! {
        <p class="mb-2 print:hidden">
            <a class=LINK href=format!("/wellbeing/{code}")>
                {t("wellbeing-back-to-measure")}
            </a>
        </p>
        <Suspense fallback=|| ()>
            {move || {
                let typed = typed.clone();
                let code = code.clone();
                Suspend::new(async move {
                    let (error, series) = match posted(page.await, &kind_page(&code, "saved"), "value") {
                        Ok(shown) => shown,
                        Err(answer) => return answer,
                    };
                    match series {
                        Ok(MeasureSeries { measure, .. }) => {
                            let title = t_args("wellbeing-add-title", &[("measure", measure_name(measure).into())]);
                            let form = typed.unwrap_or_else(|| MeasurementSubmission {
                                key: fresh_key(),
                                ..MeasurementSubmission::default()
                            });
                            view! {
                                <Title text=t_args("page-title", &[("page", title.clone().into())]) />
                                <h1 class=H1>{title}</h1>
                                <ErrorSummary error=error.clone() />
                                {reading_form(measure, &format!("/wellbeing/{}/add", measure.code()), form, &error)}
                            }
                                .into_any()
                        }
                        Err(e) => not_shown(&e),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
pub fn EditMeasurementPage() -> impl IntoView {
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .unwrap_or_default();
    let typed = use_context::<MeasurementChange>().map(|c| c.0);
    let read_id = id.clone();
    let page = form_page(typed.clone(), save_measurement, move || {
        read_measurement(read_id)
    });
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let typed = typed.clone();
                let id = id.clone();
                Suspend::new(async move {
                    let done = typed.as_ref().map_or_else(
                        || "/wellbeing".to_owned(),
                        |s| {
                            kind_page(
                                &s.measure,
                                if s.intent == MeasurementIntent::Delete { "deleted" } else { "changed" },
                            )
                        },
                    );
                    let (error, measurement) = match posted(page.await, &done, "value") {
                        Ok(shown) => shown,
                        Err(answer) => return answer,
                    };
                    match measurement {
                        Ok(m) => edit_view(&m, &id, typed, &error).into_any(),
                        Err(e) => not_shown(&e),
                    }
                })
            }}
        </Suspense>
    }
}

fn edit_view(
    m: &Measurement,
    id: &str,
    typed: Option<MeasurementSubmission>,
    error: &FormError,
) -> impl IntoView {
    let lang = lang();
    let measure = m.reading.measure;
    let title = t_args(
        "wellbeing-change-title",
        &[("measure", measure_name(measure).into())],
    );
    let deleting = typed
        .as_ref()
        .is_some_and(|s| s.intent == MeasurementIntent::Delete);
    let form = typed
        .filter(|_| !deleting)
        .unwrap_or_else(|| stored_form(m, id, lang));
    let action = format!("/wellbeing/measurement/{id}");
    view! {
        <p class="mb-2 print:hidden">
            <a class=LINK href=format!("/wellbeing/{}", measure.code())>
                {t("wellbeing-back-to-measure")}
            </a>
        </p>
        <Title text=t_args("page-title", &[("page", title.clone().into())]) />
        <h1 class=H1>{title}</h1>
        <ErrorSummary error=error.clone() />
        <p class="mb-4">
            {t_args(
                "wellbeing-stored",
                &[("when", when_text(m, lang).into()), ("value", values_text(m, lang).into())],
            )}
        </p>
        {reading_form(measure, &action, form, if deleting { &[] } else { error })}
        <h2 class=H2>{t("wellbeing-delete-title")}</h2>
        <form method="post" action=action class="max-w-3xl space-y-4">
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="id" value=id.to_owned() />
            <input type="hidden" name="measure" value=measure.code() />
            <ConfirmBox
                name="confirm"
                label=t("wellbeing-delete-confirm")
                error=if deleting { error_for(error, "confirm") } else { None }
            />
            <button type="submit" class=BUTTON_SECONDARY>
                {t("wellbeing-delete")}
            </button>
        </form>
    }
}

/// The form filled from the stored reading, its values written as this language does.
fn stored_form(m: &Measurement, id: &str, lang: Lang) -> MeasurementSubmission {
    let decimal = if lang == Lang::En { '.' } else { ',' };
    let ReadingForm { date, time, values } = ReadingForm::of_reading(&m.reading, m.local, decimal);
    let spec = m.reading.measure.spec();
    let mut form = MeasurementSubmission {
        intent: MeasurementIntent::Save,
        measure: m.reading.measure.code().to_owned(),
        id: id.to_owned(),
        date,
        time,
        ..MeasurementSubmission::default()
    };
    for (v, value) in spec.values.iter().zip(values) {
        match v.field {
            "systolic" => form.systolic = value,
            "diastolic" => form.diastolic = value,
            _ => form.value = value,
        }
    }
    form
}

/// The reading's fields: the day, the time (not for a daily kind), and each value with
/// its unit and range as a hint.
fn reading_form(
    measure: Measure,
    action: &str,
    form: MeasurementSubmission,
    error: &[(String, String)],
) -> impl IntoView {
    let spec = measure.spec();
    let lang = lang();
    let unit = unit_text(measure);
    let values = spec
        .values
        .iter()
        .map(|v| {
            let (name, value, label): (&'static str, String, String) = match v.field {
                "systolic" => (
                    "systolic",
                    form.systolic.clone(),
                    t("wellbeing-field-systolic"),
                ),
                "diastolic" => (
                    "diastolic",
                    form.diastolic.clone(),
                    t("wellbeing-field-diastolic"),
                ),
                _ => ("value", form.value.clone(), measure_name(measure)),
            };
            let decimal = if lang == Lang::En { '.' } else { ',' };
            let hint = t_args(
                "wellbeing-range-hint",
                &[
                    ("min", format_value(v.min, v.decimals, decimal).into()),
                    ("max", format_value(v.max, v.decimals, decimal).into()),
                    ("unit", unit.clone().into()),
                ],
            );
            view! {
                <TextInput
                    name
                    label=format!("{label} ({unit})")
                    value
                    error=error_for(error, name)
                    maxlength=12
                    hint
                    inputmode=if v.decimals == 0 { "numeric" } else { "decimal" }
                />
            }
        })
        .collect_view();
    view! {
        <form method="post" action=action.to_owned() class="max-w-md space-y-6">
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="measure" value=measure.code() />
            <input type="hidden" name="id" value=form.id.clone() />
            <input type="hidden" name="key" value=form.key.clone() />
            <DateInput
                name="date"
                label=if spec.daily { t("wellbeing-field-day") } else { t("wellbeing-field-date") }
                value=form.date.clone()
                error=error_for(error, "date")
            />
            {(!spec.daily)
                .then(|| {
                    view! {
                        <TextInput
                            name="time"
                            label=t("wellbeing-field-time")
                            value=form.time.clone()
                            error=error_for(error, "time")
                            maxlength=8
                            input_type="time"
                        />
                    }
                })}
            {values}
            <button type="submit" class=BUTTON>
                {t("wellbeing-save")}
            </button>
        </form>
    }
}
