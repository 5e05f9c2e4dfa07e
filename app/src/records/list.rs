//! The health-records list: documents by service event, narrowed by a filter (a plain
//! GET form), a page at a time.

use archive::model::{
    DelayedDocument, DocumentKind, DocumentSummary, MaybeDelayed, OrganisationRef, RecordFilter,
    ServiceEventRef,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{list_health_records, RecordsQuery, RecordsView};
use super::delayed::delayed_item;
use crate::error::AppError;
use crate::i18n::LangExt as _;
use crate::i18n::{lang, t, t_args};
use crate::ui::form::{error_for, field_errors, DateInput, ErrorSummary, FormError, Select};
use crate::ui::{enc, once, page_title, problem, set_status, BUTTON, H1, H2, LINK};

/// A document kind's name.
pub(super) fn kind_label(kind: DocumentKind) -> String {
    t(&format!("kind-{}", kind.code()))
}

/// The query the health-records URL carries.
fn records_query() -> RecordsQuery {
    let q = use_query_map().get_untracked();
    RecordsQuery {
        from: q.get("from"),
        to: q.get("to"),
        organisation: q.get("organisation"),
        kind: q.get("kind"),
        after: q.get("after"),
    }
}

#[component]
pub fn RecordsPage() -> impl IntoView {
    let query = records_query();
    let records = once(list_health_records(query.clone()));
    view! {
        <Title text=page_title("records-title") />
        <h1 class=H1>{t("records-title")}</h1>
        <Suspense fallback=|| ()>
            {move || {
                let query = query.clone();
                Suspend::new(async move {
                    match records.await {
                        Ok(view) => records_view(&query, view).into_any(),
                        Err(e @ AppError::Invalid { .. }) => {
                            // Keep what was typed, say what is wrong, and still offer the
                            // organisations to choose from.
                            let fallback = RecordsQuery {
                                from: None,
                                to: None,
                                after: None,
                                organisation: None,
                                kind: None,
                            };
                            let organisations = list_health_records(fallback)
                                .await
                                .map(|v| v.page.organisations)
                                .unwrap_or_default();
                            set_status(http::StatusCode::BAD_REQUEST);
                            let error = field_errors(&e).unwrap_or_default();
                            view! {
                                <ErrorSummary error=error.clone() />
                                <RecordsFilter
                                    query=query.clone()
                                    effective=RecordFilter::default()
                                    organisations
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
}

#[component]
fn RecordsFilter(
    query: RecordsQuery,
    effective: RecordFilter,
    organisations: Vec<OrganisationRef>,
    error: FormError,
) -> impl IntoView {
    let shown = |typed: &Option<String>, used| crate::ui::form::day_shown(typed.as_deref(), used);
    let from = shown(&query.from, effective.range.from);
    let to = shown(&query.to, effective.range.to);
    let selected_org = query.organisation.clone().unwrap_or_default();
    let selected_kind = query.kind.clone().unwrap_or_default();
    let from_err = error_for(&error, "from");
    let to_err = error_for(&error, "to");
    let org_err = error_for(&error, "organisation");
    let kind_err = error_for(&error, "kind");
    view! {
        <form method="get" action="/records" class="mb-6 rounded border border-slate-300 bg-white p-4">
            <fieldset>
                <legend class="mb-2 text-xl font-semibold">{t("records-filter")}</legend>
                <div class="flex flex-wrap items-end gap-4">
                    <DateInput name="from" label=t("records-filter-from") value=from error=from_err />
                    <DateInput name="to" label=t("records-filter-to") value=to error=to_err />
                    <Select
                        name="organisation"
                        label=t("records-filter-organisation")
                        error=org_err
                        none=t("records-filter-all")
                        choices=organisations.into_iter().map(|o| (o.id.to_string(), o.name)).collect()
                        chosen=selected_org
                    />
                    <Select
                        name="kind"
                        label=t("records-filter-kind")
                        error=kind_err
                        none=t("records-filter-all")
                        choices=DocumentKind::ALL
                            .iter()
                            .map(|k| (k.code().to_owned(), kind_label(*k)))
                            .collect()
                        chosen=selected_kind
                    />
                    <button type="submit" class=BUTTON>
                        {t("records-filter-submit")}
                    </button>
                </div>
            </fieldset>
        </form>
    }
}

/// Consecutive documents of one service event, or consecutive documents not shown yet
/// (whose service event is not told).
enum Group {
    Event(ServiceEventRef, Vec<DocumentSummary>),
    Delayed(Vec<DelayedDocument>),
}

fn grouped(items: Vec<MaybeDelayed<DocumentSummary>>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for item in items {
        match (item, groups.last_mut()) {
            (MaybeDelayed::Shown(d), Some(Group::Event(event, docs)))
                if event.id == d.service_event.id =>
            {
                docs.push(d);
            }
            (MaybeDelayed::Shown(d), _) => {
                groups.push(Group::Event(d.service_event.clone(), vec![d]))
            }
            (MaybeDelayed::Delayed(d), Some(Group::Delayed(docs))) => docs.push(d),
            (MaybeDelayed::Delayed(d), _) => groups.push(Group::Delayed(vec![d])),
        }
    }
    groups
}

fn records_view(query: &RecordsQuery, view: RecordsView) -> impl IntoView {
    let RecordsView { filter, page } = view;
    let count = page.documents.items.len();
    let groups = grouped(page.documents.items);
    let next_href = page.documents.next.map(|cursor| {
        let effective_from = crate::ui::form::day_shown(query.from.as_deref(), filter.range.from);
        let effective_to = crate::ui::form::day_shown(query.to.as_deref(), filter.range.to);
        format!(
            "/records?from={}&to={}&organisation={}&kind={}&after={}",
            enc(&effective_from),
            enc(&effective_to),
            enc(query.organisation.as_deref().unwrap_or("")),
            enc(query.kind.as_deref().unwrap_or("")),
            enc(&cursor)
        )
    });
    let paged = query.after.is_some();
    view! {
        <RecordsFilter
            query=query.clone()
            effective=filter.clone()
            organisations=page.organisations
            error=Vec::new()
        />
        <h2 class=H2 id="documents-heading">{t("records-documents")}</h2>
        <p class="mb-4" role="status">
            {if count == 0 {
                t("records-none")
            } else {
                t_args("records-count", &[("count", crate::i18n::count(count))])
            }}
        </p>
        <ol class="space-y-4" aria-labelledby="documents-heading">
            {groups
                .into_iter()
                .enumerate()
                .map(|(index, group)| match group {
                    Group::Event(event, docs) => event_group(index, event, docs).into_any(),
                    Group::Delayed(docs) => delayed_group(index, docs).into_any(),
                })
                .collect_view()}
        </ol>
        {paging(paged.then(|| "/records".to_owned()), next_href, "mt-6 flex gap-4")}
    }
}

/// Links to the first page (when not on it) and the next (when there is one) of a
/// list of documents; `class` places the navigation.
pub(super) fn paging(
    first: Option<String>,
    next: Option<String>,
    class: &'static str,
) -> impl IntoView {
    crate::ui::paging(
        crate::ui::Paging {
            label: t("records-paging"),
            first: first.map(|href| (href, t("records-first-page"))),
            next: next.map(|href| (href, t("records-next-page"))),
        },
        class,
    )
}

/// Documents not shown yet: that they exist and when they appear.
fn delayed_group(index: usize, docs: Vec<DelayedDocument>) -> impl IntoView {
    let heading_id = format!("event-{index}");
    let labelled_by = heading_id.clone();
    view! {
        <li class="rounded border border-slate-300 bg-white p-4">
            <article aria-labelledby=labelled_by>
                <h3 id=heading_id class="text-lg font-semibold">
                    {t("delayed-heading")}
                </h3>
                <ul class="mt-2 space-y-1">{docs.into_iter().map(delayed_item).collect_view()}</ul>
            </article>
        </li>
    }
}

/// One service event's documents.
fn event_group(index: usize, event: ServiceEventRef, docs: Vec<DocumentSummary>) -> impl IntoView {
    let lang = lang();
    let first = docs.first().cloned();
    // By position: one service event can head two groups (its documents
    // are listed by time, and another event's can come between them).
    let heading_id = format!("event-{index}");
    let labelled_by = heading_id.clone();
    view! {
        <li class="rounded border border-slate-300 bg-white p-4">
            // An article, not a section: one landmark per service event
            // would bury the page's own in a screen reader's list.
            <article aria-labelledby=labelled_by>
                <h3
                    id=heading_id
                    class="text-lg font-semibold"
                    lang=event.language.code()
                >
                    {event.title.clone()}
                </h3>
                {first
                    .map(|d| {
                        view! {
                            <p class="text-sm text-slate-700">
                                {lang.date(d.recorded_at.date())} " · "
                                {d.organisation.name} " · " {d.unit}
                            </p>
                        }
                    })}
                <ul class="mt-2 space-y-1">
                    {docs
                        .into_iter()
                        .map(|d| {
                            view! {
                                <li>
                                    <a class=LINK href=format!("/records/{}", d.id)>
                                        {kind_label(d.kind)}
                                        ": "
                                        <span lang=d.language.code()>{d.title}</span>
                                    </a>
                                    " "
                                    <span class="text-sm text-slate-700">
                                        {lang.datetime(d.recorded_at)}
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </article>
        </li>
    }
}
