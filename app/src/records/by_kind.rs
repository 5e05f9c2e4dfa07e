//! A summary of one kind (diagnoses, risk information, vaccinations, procedures,
//! imaging studies): every entry in a date range, the last twelve months unless asked
//! (vaccinations: all years), a page at a time, and printable.

use archive::model::{DocumentKind, DocumentSummary, MaybeDelayed, RecordFilter};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{list_health_records, RecordsQuery, RecordsView};
use super::delayed::delayed_item;
use super::list::{kind_label, paging};
use crate::error::AppError;
use crate::frame::api::whoami;
use crate::i18n::{lang, t, t_args};
use crate::islands::PrintButton;
use crate::ui::form::{error_for, field_errors, DateInput, ErrorSummary, FormError};
use crate::ui::{enc, page_title, problem, set_status, Table, BUTTON, H1, LINK, TD, TH};

/// The kinds that have a summary page of their own, in the order they are offered.
pub(super) const SUMMARY_KINDS: [DocumentKind; 5] = [
    DocumentKind::Diagnosis,
    DocumentKind::RiskInformation,
    DocumentKind::Vaccination,
    DocumentKind::Procedure,
    DocumentKind::ImagingStudy,
];

/// The message id of a summary's name.
pub(super) const fn title_key(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Diagnosis => "summaries-diagnoses",
        DocumentKind::RiskInformation => "summaries-risks",
        DocumentKind::Vaccination => "summaries-vaccinations",
        DocumentKind::Procedure => "summaries-procedures",
        DocumentKind::ImagingStudy => "summaries-imaging",
        DocumentKind::VisitNote | DocumentKind::LabResult => "summaries-title",
    }
}

#[component]
pub fn SummaryKindPage() -> impl IntoView {
    let code = use_params_map()
        .get_untracked()
        .get("kind")
        .unwrap_or_default();
    let Some(kind) = DocumentKind::from_code(&code).filter(|k| SUMMARY_KINDS.contains(k)) else {
        // No such summary; but signed out, sign in first, as on every page of a section.
        return view! {
            <Title text=page_title("summaries-title") />
            <h1 class=H1>{t("summaries-title")}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match whoami().await {
                        Ok(Some(_)) => problem(&AppError::NotFound),
                        Ok(None) => problem(&AppError::Unauthenticated),
                        Err(e) => problem(&e),
                    }
                })}
            </Suspense>
        }
        .into_any();
    };
    let q = use_query_map().get_untracked();
    let (mut from, mut to) = (q.get("from"), q.get("to"));
    // Vaccinations, a lifetime's programme, on one page across all years.
    if kind == DocumentKind::Vaccination && from.is_none() && to.is_none() {
        (from, to) = (Some(String::new()), Some(String::new()));
    }
    let query = RecordsQuery {
        from,
        to,
        organisation: None,
        kind: Some(kind.code().to_owned()),
        after: q.get("after"),
    };
    view! {
        <Title text=page_title(title_key(kind)) />
        <p class="mb-2 print:hidden">
            <a class=LINK href="/summaries">
                {t("back-to-summaries")}
            </a>
        </p>
        <h1 class=H1>{t(title_key(kind))}</h1>
        <Suspense fallback=|| ()>
            {move || {
                let query = query.clone();
                Suspend::new(async move {
                    match list_health_records(query.clone()).await {
                        Ok(view) => summary_view(kind, &query, view).into_any(),
                        Err(e @ AppError::Invalid { .. }) => {
                            set_status(http::StatusCode::BAD_REQUEST);
                            let error = field_errors(&e).unwrap_or_default();
                            view! {
                                <ErrorSummary error=error.clone() />
                                <RangeForm
                                    kind
                                    query=query.clone()
                                    effective=RecordFilter::default()
                                    error
                                />
                            }
                                .into_any()
                        }
                        Err(e) => problem(&e),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// The date range: a plain GET form, holding what was typed.
#[component]
fn RangeForm(
    kind: DocumentKind,
    query: RecordsQuery,
    effective: RecordFilter,
    error: FormError,
) -> impl IntoView {
    let shown = |typed: &Option<String>, used| RecordsQuery::day_shown(typed.as_deref(), used);
    view! {
        <form
            method="get"
            action=format!("/summaries/{}", kind.code())
            class="mb-6 rounded border border-slate-300 bg-white p-4 print:hidden"
        >
            <fieldset>
                <legend class="mb-2 text-xl font-semibold">{t("summaries-range-choose")}</legend>
                <div class="flex flex-wrap items-end gap-4">
                    <DateInput
                        name="from"
                        label=t("records-filter-from")
                        value=shown(&query.from, effective.range.from)
                        error=error_for(&error, "from")
                    />
                    <DateInput
                        name="to"
                        label=t("records-filter-to")
                        value=shown(&query.to, effective.range.to)
                        error=error_for(&error, "to")
                    />
                    <button type="submit" class=BUTTON>
                        {t("records-filter-submit")}
                    </button>
                </div>
            </fieldset>
        </form>
    }
}

/// The range a page covers, in words, so that a printout says it too.
fn range_text(filter: &RecordFilter) -> String {
    let lang = lang();
    let day = |d: Option<time::Date>| d.map(|d| lang.date(d)).unwrap_or_default();
    match (filter.range.from, filter.range.to) {
        (None, None) => t("summaries-range-all"),
        (from, to) => t_args(
            "summaries-range",
            &[("from", day(from).into()), ("to", day(to).into())],
        ),
    }
}

fn summary_view(kind: DocumentKind, query: &RecordsQuery, view: RecordsView) -> impl IntoView {
    let RecordsView { filter, page } = view;
    let count = page.documents.items.len();
    let next_href = page.documents.next.map(|cursor| {
        let day = |d: Option<time::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        format!(
            "/summaries/{}?from={}&to={}&after={}",
            kind.code(),
            enc(&day(filter.range.from)),
            enc(&day(filter.range.to)),
            enc(&cursor)
        )
    });
    let first_href = query
        .after
        .is_some()
        .then(|| format!("/summaries/{}", kind.code()));
    let title = t(title_key(kind));
    let rows = page
        .documents
        .items
        .into_iter()
        .map(|entry| match entry {
            MaybeDelayed::Shown(d) => shown_row(d).into_any(),
            MaybeDelayed::Delayed(d) => {
                let organisation = d.organisation.name.clone();
                view! {
                    <tr>
                        <td class=TD>"–"</td>
                        <td class=TD>
                            <ul>{delayed_item(d)}</ul>
                        </td>
                        <td class=TD>"–"</td>
                        <td class=TD>{organisation}</td>
                    </tr>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
        <p class="mb-4">{range_text(&filter)}</p>
        <RangeForm kind query=query.clone() effective=filter error=Vec::new() />
        <p class="mb-4" role="status">
            {if count == 0 {
                t("summaries-kind-none")
            } else {
                t_args("records-count", &[("count", count.into())])
            }}
        </p>
        {(count > 0)
            .then(|| {
                view! {
                    <Table id="summary".to_owned() caption=title shown=true>
                        <thead>
                            <tr>
                                <th scope="col" class=TH>{t("document-recorded")}</th>
                                <th scope="col" class=TH>{kind_label(kind)}</th>
                                <th scope="col" class=TH>{t("summaries-code")}</th>
                                <th scope="col" class=TH>{t("document-organisation")}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </Table>
                }
            })}
        {paging(first_href, next_href, "mt-6 flex gap-4 print:hidden")}
        <p class="mt-6">
            <PrintButton label=t("print") />
        </p>
    }
    .into_any()
}

fn shown_row(d: DocumentSummary) -> impl IntoView {
    let lang = lang();
    view! {
        <tr>
            <td class=TD>{lang.date(d.recorded_at.date())}</td>
            <td class=TD>
                <a class=LINK href=format!("/records/{}", d.id) lang=d.language.code()>
                    {d.title}
                </a>
            </td>
            <td class=TD>{d.code.unwrap_or_else(|| "–".to_owned())}</td>
            <td class=TD>{d.organisation.name}</td>
        </tr>
    }
}
