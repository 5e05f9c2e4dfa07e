//! A summary of one kind (diagnoses, risk information, vaccinations, procedures,
//! measurements, imaging studies with their reports, referrals, care plans): every
//! entry in a date range, the last twelve months unless asked (vaccinations: all
//! years), a page at a time, and printable.

use archive::model::{DocumentKind, KindEntry, MaybeDelayed, MeasuredValue, RecordFilter};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{read_kind_summary, KindSummaryView, RecordsQuery};
use super::delayed::{delayed_item, DelayedList};
use super::list::{kind_label, paging};
use crate::error::AppError;
use crate::frame::current_session;
use crate::i18n::LangExt as _;
use crate::i18n::{lang, t, t_args};
use crate::islands::PrintButton;
use crate::ui::form::{error_for, field_errors, DateInput, ErrorSummary, FormError};
use crate::ui::{enc, once, page_title, problem, set_status, Table, BUTTON, H1, H2, LINK, TD};

/// The kinds that have a summary page of their own, in the order they are offered.
pub(super) const SUMMARY_KINDS: [DocumentKind; 8] = [
    DocumentKind::Diagnosis,
    DocumentKind::RiskInformation,
    DocumentKind::Vaccination,
    DocumentKind::Procedure,
    DocumentKind::Measurement,
    DocumentKind::ImagingStudy,
    DocumentKind::Referral,
    DocumentKind::CarePlan,
];

/// How a summary shows its entries.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// A table of what was recorded, with its code.
    Coded,
    /// A table of what was measured, with its values.
    Measured,
    /// Each entry with its whole text (a report, a referral, a plan).
    Text,
}

const fn layout(kind: DocumentKind) -> Layout {
    match kind {
        DocumentKind::Measurement => Layout::Measured,
        DocumentKind::ImagingStudy | DocumentKind::Referral | DocumentKind::CarePlan => {
            Layout::Text
        }
        DocumentKind::Diagnosis
        | DocumentKind::RiskInformation
        | DocumentKind::Vaccination
        | DocumentKind::Procedure
        | DocumentKind::VisitNote
        | DocumentKind::LabResult => Layout::Coded,
    }
}

/// What a measurement's values say, in the reader's number format: "128/82 mmHg" for
/// a blood pressure (values of one unit), "72,4 kg" for one value.
pub(super) fn measured_text(values: &[MeasuredValue]) -> String {
    let lang = lang();
    let numbers = |vs: &[MeasuredValue]| {
        vs.iter()
            .map(|v| lang.number(v.value))
            .collect::<Vec<_>>()
            .join("/")
    };
    match values {
        [] => String::new(),
        [first, rest @ ..] if rest.iter().all(|v| v.unit == first.unit) => {
            format!("{} {}", numbers(values), first.unit)
        }
        _ => values
            .iter()
            .map(|v| format!("{} {}", lang.number(v.value), v.unit))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// A text as its writer typed it: paragraphs at blank lines, in the record's language.
pub(super) fn text_paragraphs(text: &str, written_in: &'static str) -> impl IntoView {
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(str::to_owned)
        .collect();
    view! {
        <div lang=written_in class="max-w-prose space-y-3">
            {paragraphs
                .into_iter()
                .map(|p| view! { <p class="whitespace-pre-line">{p}</p> })
                .collect_view()}
        </div>
    }
}

/// The message id of a summary's name.
pub(super) const fn title_key(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Diagnosis => "summaries-diagnoses",
        DocumentKind::RiskInformation => "summaries-risks",
        DocumentKind::Vaccination => "summaries-vaccinations",
        DocumentKind::Procedure => "summaries-procedures",
        DocumentKind::ImagingStudy => "summaries-imaging",
        DocumentKind::Measurement => "summaries-measurements",
        DocumentKind::Referral => "summaries-referrals",
        DocumentKind::CarePlan => "summaries-care-plans",
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
                    match current_session().await {
                        Some(_) => problem(&AppError::NotFound),
                        None => problem(&AppError::Unauthenticated),
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
    let entries = once(read_kind_summary(query.clone()));
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
                    match entries.await {
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
    let shown = |typed: &Option<String>, used| crate::ui::form::day_shown(typed.as_deref(), used);
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

fn summary_view(kind: DocumentKind, query: &RecordsQuery, view: KindSummaryView) -> impl IntoView {
    let KindSummaryView { filter, entries } = view;
    let count = entries.items.len();
    let next_href = entries.next.map(|cursor| {
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
    let listed = match layout(kind) {
        Layout::Text => text_entries(entries.items).into_any(),
        shape => entries_table(kind, shape, entries.items).into_any(),
    };
    view! {
        <p class="mb-4">{range_text(&filter)}</p>
        <RangeForm kind query=query.clone() effective=filter error=Vec::new() />
        <p class="mb-4" role="status">
            {if count == 0 {
                t("summaries-kind-none")
            } else {
                t_args("records-count", &[("count", crate::i18n::count(count))])
            }}
        </p>
        {(count > 0).then_some(listed)}
        {paging(first_href, next_href, "mt-6 flex gap-4 print:hidden")}
        <p class="mt-6">
            <PrintButton label=t("print") />
        </p>
    }
    .into_any()
}

/// The entries as a table: what was recorded and its code, or what was measured.
fn entries_table(
    kind: DocumentKind,
    shape: Layout,
    items: Vec<MaybeDelayed<KindEntry>>,
) -> impl IntoView {
    let measured = shape == Layout::Measured;
    let rows = items
        .into_iter()
        .map(|entry| match entry {
            MaybeDelayed::Shown(e) => shown_row(e, measured).into_any(),
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
        <Table id="summary".to_owned() caption=t(title_key(kind)) shown=true headers=vec![t(if measured { "summaries-measured" } else { "document-recorded" }), kind_label(kind), t(if measured { "summaries-result" } else { "summaries-code" }), t("document-organisation")]>
            {rows}
        </Table>
    }
}

fn shown_row(e: KindEntry, measured: bool) -> impl IntoView {
    let lang = lang();
    let d = e.summary;
    let third = if measured {
        measured_text(&e.values)
    } else {
        d.code.unwrap_or_else(|| "–".to_owned())
    };
    view! {
        <tr>
            <td class=TD>{lang.date(d.recorded_at.date())}</td>
            <td class=TD>
                <a class=LINK href=format!("/records/{}", d.id) lang=d.language.code()>
                    {d.title}
                </a>
            </td>
            <td class=TD>{third}</td>
            <td class=TD>{d.organisation.name}</td>
        </tr>
    }
}

/// The entries one after another, each with its whole text: an imaging report, a
/// referral, a care plan reads as written, also on paper.
fn text_entries(items: Vec<MaybeDelayed<KindEntry>>) -> impl IntoView {
    let mut shown = Vec::new();
    let mut delayed = Vec::new();
    for item in items {
        match item {
            MaybeDelayed::Shown(e) => shown.push(e),
            MaybeDelayed::Delayed(d) => delayed.push(d),
        }
    }
    view! {
        <ul class="space-y-6">{shown.into_iter().map(text_entry).collect_view()}</ul>
        <DelayedList documents=delayed />
    }
}

fn text_entry(e: KindEntry) -> impl IntoView {
    let lang = lang();
    let d = e.summary;
    let written_in = d.language.code();
    let heading = format!("entry-{}", d.id);
    let labelled_by = heading.clone();
    let meta = [
        Some(lang.date(d.recorded_at.date())),
        Some(d.organisation.name),
        Some(d.unit),
        d.professional,
        d.code,
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    view! {
        <li>
            <article aria-labelledby=labelled_by class="rounded border border-slate-300 bg-white p-4 print:break-inside-avoid">
                <h2 id=heading class=H2 lang=written_in>
                    <a class=LINK href=format!("/records/{}", d.id)>
                        {d.title}
                    </a>
                </h2>
                <p class="mb-3">{meta}</p>
                {e.text.map(|text| text_paragraphs(&text, written_in))}
            </article>
        </li>
    }
}
