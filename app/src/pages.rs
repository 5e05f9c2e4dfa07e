//! The pages. Each renders on the server from one or two server-function calls.

use archive::model::{
    AbnormalFlag, Document, DocumentKind, DocumentSummary, LabSeries, OrganisationRef,
    RecordFilter, ServiceEventRef, SummaryEntry,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{
    list_demo_persons, list_health_records, list_proxy_options, read_disclosure_log, read_document,
    read_lab_series, read_lab_tests, read_summaries, whoami, RecordsQuery, RecordsView,
};
use crate::chart::{flag_key, trend_svg};
use crate::error::AppError;
use crate::i18n::{lang, t, t_args};
use crate::islands::PrintButton;
use crate::layout::{BUTTON, LINK};
use crate::SiteMode;

pub(crate) const H1: &str = "mb-4 text-3xl font-bold";
pub(crate) const H2: &str = "mb-3 mt-8 text-2xl font-semibold";
pub(crate) const TABLE: &str = "w-full border-collapse text-left";
pub(crate) const TH: &str = "border-b-2 border-slate-400 px-2 py-1";
pub(crate) const TD: &str = "border-b border-slate-300 px-2 py-1 align-top";

pub(crate) fn page_title(key: &str) -> String {
    t_args("page-title", &[("page", t(key).into())])
}

/// Percent-encodes a query value.
fn enc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Sends the browser to `location` with 303 See Other (redirect after POST).
pub(crate) fn see_other(location: &str) {
    #[cfg(feature = "ssr")]
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(location),
    ) {
        response.set_status(http::StatusCode::SEE_OTHER);
        response.insert_header(http::header::LOCATION, value);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = location;
}

/// Sets the page's status code.
pub(crate) fn set_status(status: http::StatusCode) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}

/// Shows an error in words, with the status it deserves; sends the signed-out to sign in.
pub(crate) fn problem(e: &AppError) -> AnyView {
    if *e == AppError::Unauthenticated {
        // Pages are always HTML: send the browser to sign in, whatever it accepts.
        see_other("/sign-in");
    } else {
        set_status(e.status());
    }
    let reference = match e {
        AppError::Internal { reference } => Some(t_args(
            "error-reference",
            &[("reference", reference.clone().into())],
        )),
        _ => None,
    };
    view! {
        <div role="alert" class="rounded border-l-4 border-red-700 bg-red-50 p-4">
            <h2 class="text-xl font-semibold">{t("error-title")}</h2>
            <p>{t(&e.message_id())}</p>
            {reference.map(|r| view! { <p class="text-sm">{r}</p> })}
        </div>
    }
    .into_any()
}

fn kind_label(kind: DocumentKind) -> String {
    t(&format!("kind-{}", kind.code()))
}

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Title text=page_title("not-found-title") />
        <h1 class=H1>{t("not-found-title")}</h1>
        {problem(&AppError::NotFound)}
        <p class="mt-4">
            <a class=LINK href="/">
                {t("back-to-front-page")}
            </a>
        </p>
    }
}

#[component]
pub fn FrontPage() -> impl IntoView {
    view! {
        <Title text=t("site-name") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match whoami().await {
                    Ok(Some(session)) => {
                        let acting = session.acting.is_some();
                        let mut sections = vec![
                            ("/records", "nav-records", "front-records-text"),
                            ("/summaries", "nav-summaries", "front-summaries-text"),
                            ("/lab", "nav-lab", "front-lab-text"),
                        ];
                        if !acting {
                            sections.push(("/disclosure-log", "nav-disclosure-log", "front-disclosure-log-text"));
                        }
                        let teen = !acting && (10..18).contains(&session.user.age);
                        view! {
                            <h1 class=H1>
                                {t_args("front-greeting", &[("name", session.user.display_name.into())])}
                            </h1>
                            {teen.then(|| view! {
                                <section aria-labelledby="teen-rules" class="mb-6 max-w-prose rounded border border-slate-300 bg-white p-4">
                                    <h2 id="teen-rules" class="text-xl font-semibold">{t("teen-rules-title")}</h2>
                                    <p>{t("teen-rules-text")}</p>
                                </section>
                            })}
                            <h2 class=H2>{t("front-sections")}</h2>
                            <ul class="grid gap-4 sm:grid-cols-3">
                                {sections
                                    .into_iter()
                                    .map(|(href, title, text)| {
                                        view! {
                                            <li class="rounded border border-slate-300 bg-white p-4">
                                                <h3 class="text-lg font-semibold">
                                                    <a class=LINK href=href>
                                                        {t(title)}
                                                    </a>
                                                </h3>
                                                <p>{t(text)}</p>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                            {(!acting).then(|| view! { <ProxyOptions /> })}
                        }
                            .into_any()
                    }
                    _ => {
                        view! {
                            <h1 class=H1>{t("site-name")}</h1>
                            <p class="mb-4 max-w-prose">{t("front-intro")}</p>
                            <p>
                                <a class=BUTTON href="/sign-in">
                                    {t("sign-in")}
                                </a>
                            </p>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// Whom the signed-in person may act for, each with a button or the reason why not.
#[component]
fn ProxyOptions() -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match list_proxy_options().await {
                    Ok(options) if options.is_empty() => None,
                    Ok(options) => Some(view! {
                        <section aria-labelledby="proxies-title">
                            <h2 id="proxies-title" class=H2>{t("proxies-title")}</h2>
                            <ul class="grid gap-3 sm:grid-cols-2">
                                {options.into_iter().map(|o| {
                                    let name = o.display_name.clone();
                                    let right = o.right.map(|r| t(&format!("right-{}", r.code())));
                                    view! {
                                        <li class="rounded border border-slate-300 bg-white p-4">
                                            <p class="font-semibold">{name.clone()}</p>
                                            {match (right, o.refusal) {
                                                (Some(right), _) => view! {
                                                    <p class="text-sm">{right}</p>
                                                    <form method="post" action="/acting-for" class="mt-2">
                                                        <input type="hidden" name="person" value=o.person.to_string() />
                                                        <button type="submit" class=BUTTON>
                                                            {t_args("proxies-act-for", &[("name", name.into())])}
                                                        </button>
                                                    </form>
                                                }.into_any(),
                                                (None, reason) => view! {
                                                    <p class="text-sm">{t(&format!("error-forbidden-{}", reason.unwrap_or_else(|| "no-right".into())))}</p>
                                                }.into_any(),
                                            }}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                    }.into_any()),
                    Err(e) => Some(problem(&e)),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn DisclosureLogPage() -> impl IntoView {
    view! {
        <Title text=page_title("disclosure-log-title") />
        <h1 class=H1>{t("disclosure-log-title")}</h1>
        <p class="mb-4 max-w-prose">{t("disclosure-log-intro")}</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let lang = lang();
                match read_disclosure_log().await {
                    Ok(entries) if entries.is_empty() => view! { <p>{t("disclosure-log-none")}</p> }.into_any(),
                    Ok(entries) => view! {
                        <table class=TABLE>
                            <caption class="sr-only">{t("disclosure-log-title")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col" class=TH>{t("disclosure-log-when")}</th>
                                    <th scope="col" class=TH>{t("disclosure-log-who")}</th>
                                    <th scope="col" class=TH>{t("disclosure-log-right")}</th>
                                    <th scope="col" class=TH>{t("disclosure-log-what")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {entries.into_iter().map(|e| {
                                    let what = if e.outcome == "ok" {
                                        t(&format!("action-{}", e.action.replace('.', "-")))
                                    } else {
                                        t_args("disclosure-log-refused", &[("what", t(&format!("action-{}", e.action.replace('.', "-"))).into())])
                                    };
                                    view! {
                                        <tr>
                                            <td class=TD>{lang.datetime(e.at)}</td>
                                            <td class=TD>{e.actor_name}</td>
                                            <td class=TD>{t(&format!("right-{}", e.right))}</td>
                                            <td class=TD>{what}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                    Err(e) => problem(&e),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let dev = use_context::<SiteMode>().is_some_and(|m| m.dev_sign_in);
    let failed = use_query_map()
        .get_untracked()
        .get("error")
        .is_some_and(|e| e == "sign-in-failed");
    view! {
        <Title text=page_title("sign-in-title") />
        <h1 class=H1>{t("sign-in-title")}</h1>
        {failed
            .then(|| {
                view! {
                    <div role="alert" class="mb-6 rounded border-l-4 border-red-700 bg-red-50 p-4">
                        <h2 class="text-xl font-semibold">{t("sign-in-failed-title")}</h2>
                        <p>{t("sign-in-failed-text")}</p>
                    </div>
                }
            })}
        {if dev {
            view! {
                <p class="mb-4 max-w-prose">{t("dev-sign-in-intro")}</p>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match list_demo_persons().await {
                            Ok(persons) => {
                                view! {
                                    <ul class="grid gap-3 sm:grid-cols-2">
                                        {persons
                                            .into_iter()
                                            .map(|p| {
                                                let role = t(&format!("demo-role-{}", p.note));
                                                let born = t_args(
                                                    "demo-born",
                                                    &[("date", lang().date(p.birth_date).into())],
                                                );
                                                view! {
                                                    <li class="rounded border border-slate-300 bg-white p-4">
                                                        <form method="post" action="/dev/sign-in">
                                                            <input
                                                                type="hidden"
                                                                name="person"
                                                                value=p.person.to_string()
                                                            />
                                                            <button type="submit" class=BUTTON>
                                                                {t_args(
                                                                    "dev-sign-in-as",
                                                                    &[("name", p.display_name.into())],
                                                                )}
                                                            </button>
                                                        </form>
                                                        <p class="mt-2 text-sm">{role} " " {born}</p>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                }
                                    .into_any()
                            }
                            Err(e) => problem(&e),
                        }
                    })}
                </Suspense>
            }
                .into_any()
        } else {
            view! {
                <form method="post" action="/auth/start">
                    <button type="submit" class=BUTTON>
                        {t("sign-in-strong")}
                    </button>
                </form>
            }
                .into_any()
        }}
    }
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
    view! {
        <Title text=page_title("records-title") />
        <h1 class=H1>{t("records-title")}</h1>
        <Suspense fallback=|| ()>
            {move || {
                let query = query.clone();
                Suspend::new(async move {
                    match list_health_records(query.clone()).await {
                        Ok(view) => records_view(&query, view).into_any(),
                        Err(AppError::Invalid { field, code }) => {
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
                            let error = Some((field, t(&format!("error-invalid-{code}"))));
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

/// The list of what is wrong with a form, first on the page, each linked to its field.
#[component]
pub(crate) fn ErrorSummary(error: Option<(String, String)>) -> impl IntoView {
    error.map(|(field, message)| {
        view! {
            <div
                role="alert"
                aria-labelledby="error-summary-title"
                class="mb-6 rounded border-l-4 border-red-700 bg-red-50 p-4"
            >
                <h2 id="error-summary-title" class="text-xl font-semibold">
                    {t("error-summary-title")}
                </h2>
                <ul>
                    <li>
                        <a class=LINK href=format!("#{field}")>
                            {message}
                        </a>
                    </li>
                </ul>
            </div>
        }
    })
}

#[component]
fn RecordsFilter(
    query: RecordsQuery,
    effective: RecordFilter,
    organisations: Vec<OrganisationRef>,
    error: Option<(String, String)>,
) -> impl IntoView {
    let shown = |typed: &Option<String>, date: Option<time::Date>| {
        typed
            .clone()
            .unwrap_or_else(|| date.map(|d| d.to_string()).unwrap_or_default())
    };
    let from = shown(&query.from, effective.range.from);
    let to = shown(&query.to, effective.range.to);
    let selected_org = query.organisation.clone().unwrap_or_default();
    let selected_kind = query.kind.clone().unwrap_or_default();
    let error_for = move |name: &str| {
        error
            .as_ref()
            .filter(|(field, _)| field == name)
            .map(|(_, message)| message.clone())
    };
    let date_field =
        move |name: &'static str, label: String, value: String, err: Option<String>| {
            let err_id = format!("{name}-error");
            view! {
                <div class="flex flex-col">
                    <label for=name class="font-semibold">
                        {label}
                    </label>
                    {err
                        .clone()
                        .map(|m| {
                            view! {
                                <p id=err_id.clone() class="font-semibold text-red-800">
                                    {m}
                                </p>
                            }
                        })}
                    <input
                        type="date"
                        id=name
                        name=name
                        value=value
                        aria-invalid=err.is_some().then_some("true")
                        aria-describedby=err.is_some().then_some(err_id.clone())
                        class="rounded border border-slate-500 px-2 py-1"
                    />
                </div>
            }
        };
    let from_err = error_for("from");
    let to_err = error_for("to");
    let org_err = error_for("organisation");
    let kind_err = error_for("kind");
    view! {
        <form method="get" action="/records" class="mb-6 rounded border border-slate-300 bg-white p-4">
            <fieldset>
                <legend class="mb-2 text-xl font-semibold">{t("records-filter")}</legend>
                <div class="flex flex-wrap items-end gap-4">
                    {date_field("from", t("records-filter-from"), from, from_err)}
                    {date_field("to", t("records-filter-to"), to, to_err)}
                    <div class="flex flex-col">
                        <label for="organisation" class="font-semibold">
                            {t("records-filter-organisation")}
                        </label>
                        {org_err.clone().map(|m| view! { <p id="organisation-error" class="font-semibold text-red-800">{m}</p> })}
                        <select
                            id="organisation"
                            name="organisation"
                            aria-invalid=org_err.is_some().then_some("true")
                            aria-describedby=org_err.is_some().then_some("organisation-error")
                            class="rounded border border-slate-500 px-2 py-1"
                        >
                            <option value="">{t("records-filter-all")}</option>
                            {organisations
                                .into_iter()
                                .map(|o| {
                                    let id = o.id.to_string();
                                    let selected = id == selected_org;
                                    view! {
                                        <option value=id selected=selected>
                                            {o.name}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="flex flex-col">
                        <label for="kind" class="font-semibold">
                            {t("records-filter-kind")}
                        </label>
                        {kind_err.clone().map(|m| view! { <p id="kind-error" class="font-semibold text-red-800">{m}</p> })}
                        <select
                            id="kind"
                            name="kind"
                            aria-invalid=kind_err.is_some().then_some("true")
                            aria-describedby=kind_err.is_some().then_some("kind-error")
                            class="rounded border border-slate-500 px-2 py-1"
                        >
                            <option value="">{t("records-filter-all")}</option>
                            {DocumentKind::ALL
                                .into_iter()
                                .map(|k| {
                                    let selected = k.code() == selected_kind;
                                    view! {
                                        <option value=k.code() selected=selected>
                                            {kind_label(k)}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <button type="submit" class=BUTTON>
                        {t("records-filter-submit")}
                    </button>
                </div>
            </fieldset>
        </form>
    }
}

fn records_view(query: &RecordsQuery, view: RecordsView) -> impl IntoView {
    let RecordsView { filter, page } = view;
    let lang = lang();
    let mut groups: Vec<(ServiceEventRef, Vec<DocumentSummary>)> = Vec::new();
    for d in page.documents.items {
        match groups.last_mut() {
            Some((event, docs)) if event.id == d.service_event.id => docs.push(d),
            _ => groups.push((d.service_event.clone(), vec![d])),
        }
    }
    let count = groups.iter().map(|(_, d)| d.len()).sum::<usize>();
    let next_href = page.documents.next.map(|cursor| {
        let effective_from = query
            .from
            .clone()
            .unwrap_or_else(|| filter.range.from.map(|d| d.to_string()).unwrap_or_default());
        let effective_to = query
            .to
            .clone()
            .unwrap_or_else(|| filter.range.to.map(|d| d.to_string()).unwrap_or_default());
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
            error=None
        />
        <h2 class=H2 id="documents-heading">{t("records-documents")}</h2>
        <p class="mb-4" role="status">
            {if count == 0 {
                t("records-none")
            } else {
                t_args("records-count", &[("count", count.into())])
            }}
        </p>
        <ol class="space-y-4" aria-labelledby="documents-heading">
            {groups
                .into_iter()
                .map(|(event, docs)| {
                    let first = docs.first().cloned();
                    let heading_id = format!("event-{}", event.id);
                    let labelled_by = heading_id.clone();
                    view! {
                        <li class="rounded border border-slate-300 bg-white p-4">
                            <section aria-labelledby=labelled_by>
                                <h3 id=heading_id class="text-lg font-semibold">
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
                                                        {d.title}
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
                            </section>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <nav aria-label=t("records-paging") class="mt-6 flex gap-4">
            {paged
                .then(|| {
                    view! {
                        <a class=LINK href="/records">
                            {t("records-first-page")}
                        </a>
                    }
                })}
            {next_href
                .map(|href| {
                    view! {
                        <a class=LINK href=href rel="next">
                            {t("records-next-page")}
                        </a>
                    }
                })}
        </nav>
    }
}

#[component]
pub fn DocumentPage() -> impl IntoView {
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .unwrap_or_default();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let id = id.clone();
                Suspend::new(async move {
                    match read_document(id).await {
                        Ok(doc) => document_view(doc).into_any(),
                        Err(e) => {
                            view! {
                                <Title text=page_title("document-title") />
                                <h1 class=H1>{t("document-title")}</h1>
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

fn document_view(doc: Document) -> impl IntoView {
    let lang = lang();
    let s = doc.summary;
    let paragraphs: Vec<String> = doc
        .text
        .unwrap_or_default()
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(str::to_owned)
        .collect();
    let row = |label: String, value: String| {
        view! {
            <div class="flex flex-col sm:flex-row sm:gap-2">
                <dt class="font-semibold sm:w-56">{label}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    view! {
        <Title text=t_args("page-title", &[("page", s.title.clone().into())]) />
        <p class="mb-2 print:hidden">
            <a class=LINK href="/records">
                {t("back-to-records")}
            </a>
        </p>
        <h1 class=H1>{s.title.clone()}</h1>
        <dl class="mb-6 space-y-1">
            {row(t("document-kind"), kind_label(s.kind))}
            {row(t("document-recorded"), lang.datetime(s.recorded_at))}
            {row(t("document-event"), s.service_event.title.clone())}
            {row(t("document-organisation"), s.organisation.name.clone())}
            {row(t("document-unit"), s.unit.clone())}
            {s.professional.clone().map(|p| row(t("document-professional"), p))}
            {doc
                .coding
                .clone()
                .map(|c| row(t("document-code"), format!("{} {}", c.code, c.display)))}
        </dl>
        {doc
            .lab
            .map(|l| {
                let range = reference_range(l.reference_low, l.reference_high, &l.unit);
                view! {
                    <table class=TABLE>
                        <caption class="mb-2 text-left text-xl font-semibold">
                            {t("document-lab-result")}
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col" class=TH>{t("lab-test")}</th>
                                <th scope="col" class=TH>{t("lab-value")}</th>
                                <th scope="col" class=TH>{t("lab-reference")}</th>
                                <th scope="col" class=TH>{t("lab-flag")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <tr>
                                <td class=TD>
                                    <a class=LINK href=format!("/lab/{}", enc(&l.test_code))>
                                        {format!("{} ({})", l.test_name, l.test_code)}
                                    </a>
                                </td>
                                <td class=TD>{format!("{} {}", lang.number(l.value), l.unit)}</td>
                                <td class=TD>{range}</td>
                                <td class=TD>
                                    <FlagText flag=l.flag />
                                </td>
                            </tr>
                        </tbody>
                    </table>
                }
            })}
        {(!paragraphs.is_empty())
            .then(|| {
                view! {
                    <section class="max-w-prose space-y-3" aria-labelledby="document-text">
                        <h2 id="document-text" class=H2>
                            {t("document-text")}
                        </h2>
                        {paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
                    </section>
                }
            })}
        <p class="mt-6">
            <PrintButton label=t("print") />
        </p>
    }
}

fn reference_range(low: Option<f64>, high: Option<f64>, unit: &str) -> String {
    let lang = lang();
    match (low, high) {
        (Some(l), Some(h)) => format!("{}–{} {unit}", lang.number(l), lang.number(h)),
        (None, Some(h)) => format!("< {} {unit}", lang.number(h)),
        (Some(l), None) => format!("> {} {unit}", lang.number(l)),
        (None, None) => "–".to_owned(),
    }
}

#[component]
fn FlagText(flag: AbnormalFlag) -> impl IntoView {
    let text = t(flag_key(flag));
    match flag {
        AbnormalFlag::Normal => view! { <span>{text}</span> }.into_any(),
        _ => view! { <strong class="text-red-800">{text}</strong> }.into_any(),
    }
}

#[component]
pub fn SummariesPage() -> impl IntoView {
    view! {
        <Title text=page_title("summaries-title") />
        <h1 class=H1>{t("summaries-title")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match read_summaries().await {
                    Ok(s) => {
                        view! {
                            {summary_table("summaries-diagnoses", "summaries-diagnoses-none", s.diagnoses, true)}
                            {summary_table("summaries-risks", "summaries-risks-none", s.risks, false)}
                            {summary_table("summaries-vaccinations", "summaries-vaccinations-none", s.vaccinations, true)}
                        }
                            .into_any()
                    }
                    Err(e) => problem(&e),
                }
            })}
        </Suspense>
    }
}

fn summary_table(
    title: &'static str,
    none: &'static str,
    entries: Vec<SummaryEntry>,
    with_code: bool,
) -> impl IntoView {
    let lang = lang();
    view! {
        <section aria-labelledby=title>
            <h2 id=title class=H2>
                {t(title)}
            </h2>
            {if entries.is_empty() {
                view! { <p>{t(none)}</p> }.into_any()
            } else {
                view! {
                    <table class=TABLE>
                        <thead>
                            <tr>
                                <th scope="col" class=TH>{t("summaries-name")}</th>
                                {with_code.then(|| view! { <th scope="col" class=TH>{t("summaries-code")}</th> })}
                                <th scope="col" class=TH>{t("summaries-first")}</th>
                                <th scope="col" class=TH>{t("summaries-latest")}</th>
                                <th scope="col" class=TH>{t("summaries-times")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {entries
                                .into_iter()
                                .map(|e| {
                                    view! {
                                        <tr>
                                            <td class=TD>
                                                <a class=LINK href=format!("/records/{}", e.latest_document)>
                                                    {e.coding.display.clone()}
                                                </a>
                                                {e.text.clone().filter(|_| !with_code).map(|x| view! { <p class="text-sm">{x}</p> })}
                                            </td>
                                            {with_code.then(|| view! { <td class=TD>{e.coding.code.clone()}</td> })}
                                            <td class=TD>{lang.date(e.first_recorded.date())}</td>
                                            <td class=TD>{lang.date(e.last_recorded.date())}</td>
                                            <td class=TD>{e.times}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
pub fn LabPage() -> impl IntoView {
    view! {
        <Title text=page_title("lab-title") />
        <h1 class=H1>{t("lab-title")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let lang = lang();
                match read_lab_tests().await {
                    Ok(tests) if tests.is_empty() => view! { <p>{t("lab-none")}</p> }.into_any(),
                    Ok(tests) => {
                        view! {
                            <table class=TABLE>
                                <caption class="sr-only">{t("lab-table-caption")}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col" class=TH>{t("lab-test")}</th>
                                        <th scope="col" class=TH>{t("lab-latest")}</th>
                                        <th scope="col" class=TH>{t("lab-reference")}</th>
                                        <th scope="col" class=TH>{t("lab-flag")}</th>
                                        <th scope="col" class=TH>{t("lab-taken")}</th>
                                        <th scope="col" class=TH>{t("lab-count")}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {tests
                                        .into_iter()
                                        .map(|l| {
                                            view! {
                                                <tr>
                                                    <th scope="row" class=TD>
                                                        <a class=LINK href=format!("/lab/{}", enc(&l.test_code))>
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
                                </tbody>
                            </table>
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
    let code = use_params_map()
        .get_untracked()
        .get("code")
        .unwrap_or_default();
    view! {
        <p class="mb-2 print:hidden">
            <a class=LINK href="/lab">
                {t("back-to-lab")}
            </a>
        </p>
        <Suspense fallback=|| ()>
            {move || {
                let code = code.clone();
                Suspend::new(async move {
                    match read_lab_series(code).await {
                        Ok(series) => trend_view(series).into_any(),
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

fn trend_view(series: LabSeries) -> impl IntoView {
    let lang = lang();
    let svg = trend_svg(&series, lang, "trend");
    let heading = format!("{} ({})", series.test_name, series.test_code);
    let range = reference_range(series.reference_low, series.reference_high, &series.unit);
    view! {
        <Title text=t_args("page-title", &[("page", heading.clone().into())]) />
        <h1 class=H1>{heading}</h1>
        <p class="mb-4">{t_args("lab-reference-is", &[("range", range.into())])}</p>
        <figure class="mb-6 rounded border border-slate-300 bg-white p-2">
            <div inner_html=svg></div>
            <figcaption class="mt-2 text-sm">{t("lab-chart-caption")}</figcaption>
        </figure>
        <table class=TABLE>
            <caption class="mb-2 text-left text-xl font-semibold">{t("lab-table-title")}</caption>
            <thead>
                <tr>
                    <th scope="col" class=TH>{t("lab-taken")}</th>
                    <th scope="col" class=TH>{t("lab-value")}</th>
                    <th scope="col" class=TH>{t("lab-flag")}</th>
                </tr>
            </thead>
            <tbody>
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
            </tbody>
        </table>
        <p class="mt-6">
            <PrintButton label=t("print") />
        </p>
    }
}
