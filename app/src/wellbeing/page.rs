//! The wellbeing data's pages: each kind's newest reading, and one kind's plot and
//! table over a chosen period.

use archive::model::{
    Measure, MeasureSeries, Measurement, Source, WellbeingOverview, WellbeingPeriod, When,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{read_measure_series, read_wellbeing};
use crate::error::AppError;
use crate::i18n::LangExt as _;
use crate::i18n::{count, lang, t, t_args, Lang};
use crate::ui::chart::{plot_svg, Plot, PlotPoint};
use crate::ui::form::{error_for, field_errors, ErrorSummary, RadioGroup};
use crate::ui::{
    done_notice, once, page_title, problem, set_status, Table, BUTTON, H1, H2, LINK, TD,
};

/// A kind's name.
pub(super) fn measure_name(measure: Measure) -> String {
    t(&format!("wellbeing-measure-{}", measure.code()))
}

/// A kind's unit as people read it (mmHg, kg, steps, h).
pub(super) fn unit_text(measure: Measure) -> String {
    t(&format!("wellbeing-unit-{}", measure.code()))
}

/// A value as this language writes it: a decimal comma (or point), a whole number's
/// digits grouped by threes (12 500 steps).
pub(super) fn number(v: f64, lang: Lang) -> String {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        #[allow(clippy::cast_possible_truncation)]
        let whole = v as i64;
        crate::i18n::group_digits(whole, if lang == Lang::En { ',' } else { '\u{a0}' })
    } else {
        lang.number(v)
    }
}

/// A reading's values with the unit: 128/82 mmHg, 72,5 kg.
pub(super) fn values_text(m: &Measurement, lang: Lang) -> String {
    let values: Vec<String> = m.reading.values.iter().map(|v| number(*v, lang)).collect();
    format!("{} {}", values.join("/"), unit_text(m.reading.measure))
}

/// When a reading was taken: a day, or a day and a time.
pub(super) fn when_text(m: &Measurement, lang: Lang) -> String {
    match m.reading.when {
        When::Day(day) => lang.date(day),
        When::Moment(_) => lang.datetime(m.local),
    }
}

fn source_text(source: &Source) -> String {
    match source {
        Source::Portal => t("wellbeing-source-portal"),
        Source::App(name) => t_args("wellbeing-source-app", &[("app", name.clone().into())]),
    }
}

/// A page of the section that cannot show what it was asked for: the section's title,
/// and why (signed out, refused, not found).
pub(super) fn not_shown(e: &AppError) -> AnyView {
    view! {
        <Title text=page_title("wellbeing-title") />
        <h1 class=H1>{t("wellbeing-title")}</h1>
        {problem(e)}
    }
    .into_any()
}

#[component]
pub fn WellbeingPage() -> impl IntoView {
    let overview = once(read_wellbeing());
    view! {
        <Title text=page_title("wellbeing-title") />
        <h1 class=H1>{t("wellbeing-title")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(overview) => overview_view(overview).into_any(),
                    Err(e) => problem(&e),
                }
            })}
        </Suspense>
    }
}

fn overview_view(overview: WellbeingOverview) -> impl IntoView {
    let lang = lang();
    view! {
        <div class="mb-4 max-w-3xl space-y-2">
            <p>{t("wellbeing-intro")}</p>
            <p>{t("wellbeing-standard")}</p>
            <p>
                <a class=LINK href="/wellbeing/sharing">{t("wellbeing-sharing-link")}</a>
            </p>
        </div>
        <Table
            id="wellbeing-measures".to_owned()
            caption=t("wellbeing-measures-caption")
            shown=true
            headers=vec![t("wellbeing-measure"), t("wellbeing-latest"), t("wellbeing-taken"), t("wellbeing-count")]
        >
            {overview
                .measures
                .into_iter()
                .map(|m| {
                    let latest = m.latest.as_ref();
                    view! {
                        <tr>
                            <th scope="row" class=TD>
                                <a class=LINK href=format!("/wellbeing/{}", m.measure.code())>
                                    {measure_name(m.measure)}
                                </a>
                            </th>
                            <td class=TD>
                                {latest.map_or_else(|| t("wellbeing-no-readings"), |l| values_text(l, lang))}
                            </td>
                            <td class=TD>{latest.map(|l| when_text(l, lang)).unwrap_or_default()}</td>
                            <td class=TD>{crate::i18n::group_digits(m.count, if lang == Lang::En { ',' } else { '\u{a0}' })}</td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
    }
}

#[component]
pub fn MeasurePage() -> impl IntoView {
    let code = use_params_map()
        .get_untracked()
        .get("measure")
        .unwrap_or_default();
    let query = use_query_map().get_untracked();
    let notice = [
        ("saved", "wellbeing-saved"),
        ("changed", "wellbeing-changed"),
        ("deleted", "wellbeing-deleted"),
    ]
    .into_iter()
    .find(|(k, _)| query.get(k).is_some())
    .map(|(_, message)| message);
    let series = once(read_measure_series(code.clone(), query.get("period")));
    view! {
        <p class="mb-2 print:hidden">
            <a class=LINK href="/wellbeing">
                {t("wellbeing-back")}
            </a>
        </p>
        <Suspense fallback=|| ()>
            {move || {
                let code = code.clone();
                Suspend::new(async move {
                    match series.await {
                        Ok(series) => series_view(series, notice).into_any(),
                        Err(e @ AppError::Invalid { .. }) if Measure::from_code(&code).is_some() => {
                            set_status(http::StatusCode::BAD_REQUEST);
                            let error = field_errors(&e).unwrap_or_default();
                            let measure = Measure::from_code(&code).unwrap_or(Measure::BloodPressure);
                            view! {
                                <Title text=t_args("page-title", &[("page", measure_name(measure).into())]) />
                                <h1 class=H1>{measure_name(measure)}</h1>
                                <ErrorSummary error=error.clone() />
                                <PeriodChoice measure chosen=None error=error_for(&error, "period") />
                            }
                                .into_any()
                        }
                        Err(AppError::Invalid { .. }) => not_shown(&AppError::NotFound),
                        Err(e) => not_shown(&e),
                    }
                })
            }}
        </Suspense>
    }
}

/// The period shown: a plain GET form, so it works without JavaScript.
#[component]
fn PeriodChoice(
    measure: Measure,
    chosen: Option<WellbeingPeriod>,
    error: Option<String>,
) -> impl IntoView {
    view! {
        <form method="get" action=format!("/wellbeing/{}", measure.code()) class="mb-4 print:hidden">
            <RadioGroup
                name="period"
                legend=t("wellbeing-period")
                choices=WellbeingPeriod::ALL
                    .iter()
                    .map(|p| (p.code(), t(&format!("wellbeing-period-{}", p.code()))))
                    .collect()
                chosen=chosen.map(WellbeingPeriod::code)
                error
            >
                <button type="submit" class=BUTTON>
                    {t("wellbeing-period-submit")}
                </button>
            </RadioGroup>
        </form>
    }
}

/// The readings in one sentence: how many over which days, and the latest (or that
/// there are none). The plot's description, and shown under it for everyone.
fn series_summary(series: &MeasureSeries, lang: Lang) -> String {
    match (series.readings.first(), series.readings.last()) {
        (Some(first), Some(last)) => t_args(
            "wellbeing-summary",
            &[
                ("count", count(series.readings.len())),
                ("first", lang.date(first.local.date()).into()),
                ("last", lang.date(last.local.date()).into()),
                ("value", values_text(last, lang).into()),
            ],
        ),
        _ => t("wellbeing-period-empty"),
    }
}

fn series_plot(series: &MeasureSeries, lang: Lang) -> Plot {
    let spec = series.measure.spec();
    let lines = (0..spec.values.len())
        .map(|i| {
            series
                .readings
                .iter()
                .filter_map(|m| {
                    let value = *m.reading.values.get(i)?;
                    Some(PlotPoint {
                        at: m.local,
                        value,
                        marked: false,
                        label: format!(
                            "{} {} {}",
                            when_text(m, lang),
                            number(value, lang),
                            unit_text(series.measure)
                        ),
                    })
                })
                .collect()
        })
        .collect();
    Plot {
        title: t_args(
            "wellbeing-plot-title",
            &[("measure", measure_name(series.measure).into())],
        ),
        desc: series_summary(series, lang),
        band: None,
        lines,
    }
}

fn series_view(series: MeasureSeries, notice: Option<&'static str>) -> impl IntoView {
    let lang = lang();
    let measure = series.measure;
    let name = measure_name(measure);
    let spec = measure.spec();
    let value_headers: Vec<String> = spec
        .values
        .iter()
        .map(|v| {
            if v.component.is_some() {
                format!(
                    "{} ({})",
                    t(&format!("wellbeing-field-{}", v.field)),
                    unit_text(measure)
                )
            } else {
                format!("{} ({})", name, unit_text(measure))
            }
        })
        .collect();
    let mut headers = vec![t("wellbeing-taken")];
    headers.extend(value_headers);
    headers.extend([t("wellbeing-source"), t("wellbeing-actions")]);
    let two_lines = spec.values.len() > 1;
    view! {
        <Title text=t_args("page-title", &[("page", name.clone().into())]) />
        <h1 class=H1>{name}</h1>
        {notice.map(|key| done_notice(t(key)))}
        <p class="mb-4 print:hidden">
            <a class=BUTTON href=format!("/wellbeing/{}/add", measure.code())>
                {t("wellbeing-add")}
            </a>
        </p>
        <PeriodChoice measure chosen=Some(series.period) error=None />
        {if series.readings.is_empty() {
            view! { <p>{t("wellbeing-period-empty")}</p> }.into_any()
        } else {
            let svg = plot_svg(&series_plot(&series, lang), lang, "wellbeing-plot");
            view! {
                <figure class="mb-6 rounded border border-slate-300 bg-white p-2">
                    <div inner_html=svg></div>
                    <figcaption class="mt-2">
                        <p>{series_summary(&series, lang)}</p>
                        {two_lines.then(|| view! { <p class="text-sm">{t("wellbeing-plot-two-lines")}</p> })}
                    </figcaption>
                </figure>
                <h2 class=H2 id="readings">{t("wellbeing-readings")}</h2>
                <Table id="wellbeing-readings".to_owned() caption=t("wellbeing-readings-caption") headers>
                    {series
                        .readings
                        .iter()
                        .rev()
                        .map(|m| {
                            let when = when_text(m, lang);
                            view! {
                                <tr>
                                    <th scope="row" class=TD>{when.clone()}</th>
                                    {m.reading.values.iter().map(|v| view! { <td class=TD>{number(*v, lang)}</td> }).collect_view()}
                                    <td class=TD>{source_text(&m.source)}</td>
                                    <td class=TD>
                                        <a class=LINK href=format!("/wellbeing/measurement/{}", m.id.get())>
                                            {t("wellbeing-change")}
                                            <span class="sr-only">{format!(" {when}")}</span>
                                        </a>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </Table>
            }
                .into_any()
        }}
    }
}
