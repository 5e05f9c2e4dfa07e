//! Laboratory results: the tests with their latest value, and one test's trend as a
//! picture and a table of the same figures.

use archive::model::{AbnormalFlag, LabTests};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{read_lab_series, read_lab_tests, LabTrend, TrendPeriod};
use super::delayed::DelayedList;
use crate::error::AppError;
use crate::i18n::LangExt as _;
use crate::i18n::{lang, t, t_args};
use crate::islands::PrintButton;
use crate::ui::chart::{flag_key, trend_summary, trend_svg};
use crate::ui::form::{error_for, field_errors, ErrorSummary, RadioGroup};
use crate::ui::{once, page_title, problem, set_status, Table, BUTTON, H1, LINK, TD};

pub(super) fn reference_range(low: Option<f64>, high: Option<f64>, unit: &str) -> String {
    let lang = lang();
    match (low, high) {
        (Some(l), Some(h)) => format!("{}–{} {unit}", lang.number(l), lang.number(h)),
        (None, Some(h)) => format!("< {} {unit}", lang.number(h)),
        (Some(l), None) => format!("> {} {unit}", lang.number(l)),
        (None, None) => "–".to_owned(),
    }
}

#[component]
pub(super) fn FlagText(flag: AbnormalFlag) -> impl IntoView {
    let text = t(flag_key(flag));
    match flag {
        AbnormalFlag::Normal => view! { <span>{text}</span> }.into_any(),
        _ => view! { <strong class="text-red-800">{text}</strong> }.into_any(),
    }
}

#[component]
pub fn LabPage() -> impl IntoView {
    let tests = once(read_lab_tests());
    view! {
        <Title text=page_title("lab-title") />
        <h1 class=H1>{t("lab-title")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let lang = lang();
                match tests.await {
                    Ok(LabTests { tests, delayed }) if tests.is_empty() => {
                        view! {
                            <p>{t("lab-none")}</p>
                            <DelayedList documents=delayed />
                        }
                            .into_any()
                    }
                    Ok(LabTests { tests, delayed }) => {
                        view! {
                            <Table id="lab-tests".to_owned() caption=t("lab-table-caption") headers=vec![t("lab-test"), t("lab-latest"), t("lab-reference"), t("lab-flag"), t("lab-taken"), t("lab-count")]>
                                    {tests
                                        .into_iter()
                                        .map(|l| {
                                            view! {
                                                <tr>
                                                    <th scope="row" class=TD>
                                                        <a class=LINK href=format!("/lab/{}", l.latest.document)>
                                                            {format!("{} ({})", l.test_name, l.test_code)}
                                                        </a>
                                                    </th>
                                                    <td class=TD>{format!("{} {}", lang.number(l.latest.value), l.unit)}</td>
                                                    <td class=TD>{reference_range(l.reference_low, l.reference_high, &l.unit)}</td>
                                                    <td class=TD><FlagText flag=l.latest.flag /></td>
                                                    <td class=TD>{lang.date(l.latest.taken_at.date())}</td>
                                                    <td class=TD>{l.count}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                            </Table>
                            <DelayedList documents=delayed />
                        }
                            .into_any()
                    }
                    Err(e) => problem(&e),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn LabTrendPage() -> impl IntoView {
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .unwrap_or_default();
    let period = use_query_map().get_untracked().get("period");
    let series = once(read_lab_series(id.clone(), period));
    view! {
        <p class="mb-2 print:hidden">
            <a class=LINK href="/lab">
                {t("back-to-lab")}
            </a>
        </p>
        <Suspense fallback=|| ()>
            {move || {
                let id = id.clone();
                Suspend::new(async move {
                    match series.await {
                        Ok(trend) => trend_view(trend, id).into_any(),
                        Err(e @ AppError::Invalid { .. }) => {
                            set_status(http::StatusCode::BAD_REQUEST);
                            let error = field_errors(&e).unwrap_or_default();
                            view! {
                                <Title text=page_title("lab-title") />
                                <h1 class=H1>{t("lab-title")}</h1>
                                <ErrorSummary error=error.clone() />
                                <PeriodChoice id chosen=None error=error_for(&error, "period") />
                            }
                                .into_any()
                        }
                        Err(e) => {
                            view! {
                                <Title text=page_title("lab-title") />
                                <h1 class=H1>{t("lab-title")}</h1>
                                {problem(&e)}
                            }
                                .into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// The period a trend reaches back: a plain GET form, so it works without JavaScript.
#[component]
fn PeriodChoice(id: String, chosen: Option<TrendPeriod>, error: Option<String>) -> impl IntoView {
    view! {
        <form method="get" action=format!("/lab/{id}") class="mb-4 print:hidden">
            <RadioGroup
                name="period"
                legend=t("lab-period")
                choices=TrendPeriod::ALL
                    .iter()
                    .map(|p| (p.code(), t(&format!("lab-period-{}", p.code()))))
                    .collect()
                chosen=chosen.map(TrendPeriod::code)
                error
            >
                <button type="submit" class=BUTTON>
                    {t("lab-period-submit")}
                </button>
            </RadioGroup>
        </form>
    }
}

fn trend_view(trend: LabTrend, id: String) -> impl IntoView {
    let LabTrend {
        series,
        period,
        earlier,
    } = trend;
    let lang = lang();
    let heading = format!("{} ({})", series.test_name, series.test_code);
    let range = reference_range(series.reference_low, series.reference_high, &series.unit);
    let head = view! {
        <Title text=t_args("page-title", &[("page", heading.clone().into())]) />
        <h1 class=H1>{heading}</h1>
        <p class="mb-4">{t_args("lab-reference-is", &[("range", range.into())])}</p>
        <PeriodChoice id chosen=Some(period) error=None />
        {(earlier > 0)
            .then(|| {
                view! {
                    <p class="mb-4">
                        {t_args("lab-period-earlier", &[("count", crate::i18n::count(earlier))])}
                    </p>
                }
            })}
    };
    if series.points.is_empty() {
        return view! {
            {head}
            <p>{t("lab-period-empty")}</p>
        }
        .into_any();
    }
    let svg = trend_svg(&series, lang, "trend");
    view! {
        {head}
        <figure class="mb-6 rounded border border-slate-300 bg-white p-2">
            <div inner_html=svg></div>
            <figcaption class="mt-2">
                <p>{trend_summary(&series, lang)}</p>
                <p class="text-sm">{t("lab-chart-caption")}</p>
            </figcaption>
        </figure>
        <Table id="lab-values".to_owned() caption=t("lab-table-title") shown=true headers=vec![t("lab-taken"), t("lab-value"), t("lab-flag")]>
                {series
                    .points
                    .iter()
                    .rev()
                    .map(|p| {
                        view! {
                            <tr>
                                <td class=TD>
                                    <a class=LINK href=format!("/records/{}", p.document)>
                                        {lang.datetime(p.taken_at)}
                                    </a>
                                </td>
                                <td class=TD>{format!("{} {}", lang.number(p.value), series.unit)}</td>
                                <td class=TD><FlagText flag=p.flag /></td>
                            </tr>
                        }
                    })
                    .collect_view()}
        </Table>
        <p class="mt-6">
            <PrintButton label=t("print") />
        </p>
    }
        .into_any()
}
