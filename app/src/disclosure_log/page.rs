//! The disclosure log: who viewed or handled the person's data — care organisations,
//! pharmacies and Kela asking for it, and persons acting on the person's behalf —
//! narrowed by days and organisation (a plain GET form), a page at a time, and
//! downloadable as CSV with the same filter; one entry's page lists what it disclosed.

use archive::model::{Asked, DisclosureLog, LogEntry, LogFilter, OrganisationRef, Outcome};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{read_disclosure_entry, read_disclosure_log, LogQuery, LogView};
use super::words::{disclosed_count, purpose, right_or_role, what};
use crate::error::AppError;
use crate::i18n::LangExt as _;
use crate::i18n::{count, lang, t, t_args};
use crate::ui::form::{
    day_shown, error_for, field_errors, DateInput, ErrorSummary, FormError, Select,
};
use crate::ui::{
    enc, item, once, page_title, problem, set_status, Table, BUTTON, H1, H2, LINK, TD,
};

/// The filter the log's URL carries.
fn log_query() -> LogQuery {
    let q = use_query_map().get_untracked();
    LogQuery {
        from: q.get("from"),
        to: q.get("to"),
        organisation: q.get("organisation"),
        after: q.get("after"),
    }
}

#[component]
pub fn DisclosureLogPage() -> impl IntoView {
    let query = log_query();
    let entries = once(read_disclosure_log(query.clone()));
    view! {
        <Title text=page_title("disclosure-log-title") />
        <h1 class=H1>{t("disclosure-log-title")}</h1>
        <p class="mb-4 max-w-prose">{t("disclosure-log-intro")}</p>
        <Suspense fallback=|| ()>
            {move || {
                let query = query.clone();
                Suspend::new(async move {
                    match entries.await {
                        Ok(view) => log_view(&query, view).into_any(),
                        Err(e @ AppError::Invalid { .. }) => {
                            // Keep what was typed, say what is wrong, and still offer the
                            // organisations to choose from.
                            let organisations = read_disclosure_log(LogQuery::default())
                                .await
                                .map(|v| v.log.organisations)
                                .unwrap_or_default();
                            set_status(http::StatusCode::BAD_REQUEST);
                            let error = field_errors(&e).unwrap_or_default();
                            view! {
                                <ErrorSummary error=error.clone() />
                                <LogFilterForm
                                    query=query.clone()
                                    effective=LogFilter::default()
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
fn LogFilterForm(
    query: LogQuery,
    effective: LogFilter,
    organisations: Vec<OrganisationRef>,
    error: FormError,
) -> impl IntoView {
    let from = day_shown(query.from.as_deref(), effective.range.from);
    let to = day_shown(query.to.as_deref(), effective.range.to);
    let chosen = query.organisation.clone().unwrap_or_default();
    view! {
        <form method="get" action="/disclosure-log" class="mb-6 rounded border border-slate-300 bg-white p-4">
            <fieldset>
                <legend class="mb-2 text-xl font-semibold">{t("disclosure-log-filter")}</legend>
                <div class="flex flex-wrap items-end gap-4">
                    <DateInput name="from" label=t("disclosure-log-filter-from") value=from error=error_for(&error, "from") />
                    <DateInput name="to" label=t("disclosure-log-filter-to") value=to error=error_for(&error, "to") />
                    <Select
                        name="organisation"
                        label=t("disclosure-log-filter-organisation")
                        error=error_for(&error, "organisation")
                        none=t("disclosure-log-filter-all")
                        choices=organisations.into_iter().map(|o| (o.id.to_string(), o.name)).collect()
                        chosen
                    />
                    <button type="submit" class=BUTTON>
                        {t("disclosure-log-filter-submit")}
                    </button>
                </div>
            </fieldset>
        </form>
    }
}

fn entry_href(key: &str) -> String {
    format!("/disclosure-log/entry?key={}", enc(key))
}

fn log_view(query: &LogQuery, view: LogView) -> impl IntoView {
    let lang = lang();
    let LogView { filter, log } = view;
    let DisclosureLog {
        actions,
        next,
        forwardings,
        organisations,
    } = log;
    let params = query.filter_params(&filter);
    let first_href = query
        .after
        .is_some()
        .then(|| format!("/disclosure-log?{params}"));
    let next_href = next.map(|after| format!("/disclosure-log?{params}&after={}", enc(&after)));
    let csv_href = format!("/disclosure-log.csv?{params}");
    let entries = if actions.is_empty() {
        view! { <p>{t("disclosure-log-none-chosen")}</p> }.into_any()
    } else {
        view! {
            <Table id="disclosures".to_owned() caption=t("disclosure-log-title") headers=vec![t("disclosure-log-when"), t("disclosure-log-who"), t("disclosure-log-right"), t("disclosure-log-why"), t("disclosure-log-what")]>
                {actions.into_iter().map(|e| {
                    let unit = e.provider.as_ref().and_then(|p| p.unit.clone());
                    let given = e.provider.as_ref().and_then(|p| {
                        disclosed_count(lang, e.action, p.disclosed).map(|text| (text, p.withheld))
                    });
                    let href = entry_href(&e.key);
                    let declarations = Asked::of_action(e.action) == Some(Asked::Declarations)
                        && e.outcome == Outcome::Done;
                    view! {
                        <tr>
                            <td class=TD>{lang.datetime(e.at)}</td>
                            <td class=TD>
                                {e.actor_name.clone()}
                                {unit.map(|u| view! { <br /><span class="text-sm">{u}</span> })}
                            </td>
                            <td class=TD>{right_or_role(lang, &e)}</td>
                            <td class=TD>{purpose(lang, &e)}</td>
                            <td class=TD>
                                {what(lang, &e)}
                                {given.map(|(text, withheld)| view! {
                                    <br />
                                    <a class=LINK href=href.clone()>{text}</a>
                                    {(withheld > 0).then(|| view! {
                                        <br />
                                        <span class="text-sm">{t_args("disclosure-log-withheld", &[("count", count(withheld))])}</span>
                                    })}
                                })}
                                {declarations.then(|| view! {
                                    <br />
                                    <a class=LINK href=href.clone()>{t("disclosure-log-declarations")}</a>
                                })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </Table>
        }
            .into_any()
    };
    // The certificates' words are the certificates section's messages, by their codes.
    let forwarded = if forwardings.is_empty() {
        view! { <p>{t("disclosure-log-forwardings-none")}</p> }.into_any()
    } else {
        view! {
            <Table id="forwardings".to_owned() caption=t("disclosure-log-forwardings") headers=vec![t("disclosure-log-when"), t("disclosure-log-to"), t("disclosure-log-what")]>
                {forwardings.into_iter().map(|f| {
                    view! {
                        <tr>
                            <td class=TD>{lang.datetime(f.at)}</td>
                            <td class=TD>{t(&format!("certificate-recipient-{}", f.recipient.code()))}</td>
                            <td class=TD>{t(&format!("certificate-form-{}", f.form.code()))}</td>
                        </tr>
                    }
                }).collect_view()}
            </Table>
        }
            .into_any()
    };
    view! {
        <LogFilterForm query=query.clone() effective=filter organisations error=FormError::new() />
        <p class="mb-4">
            <a class=LINK href=csv_href download="">{t("disclosure-log-csv")}</a>
        </p>
        {entries}
        {crate::ui::paging(
            crate::ui::Paging {
                label: t("disclosure-log-paging"),
                first: first_href.map(|h| (h, t("disclosure-log-first-page"))),
                next: next_href.map(|h| (h, t("disclosure-log-next-page"))),
            },
            "mt-6 flex gap-4",
        )}
        <section aria-labelledby="forwarded" class="mt-8">
            <h2 id="forwarded" class=H2>{t("disclosure-log-forwardings")}</h2>
            <p class="mb-4 max-w-prose">{t("disclosure-log-forwardings-intro")}</p>
            {forwarded}
        </section>
    }
}

/// One entry of the log: who, when, why, and what it was given.
#[component]
pub fn DisclosureEntryPage() -> impl IntoView {
    let key = use_query_map()
        .get_untracked()
        .get("key")
        .unwrap_or_default();
    let entry = once(read_disclosure_entry(key));
    view! {
        <Title text=page_title("disclosure-entry-title") />
        <h1 class=H1>{t("disclosure-entry-title")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match entry.await {
                    Ok(entry) => entry_view(entry).into_any(),
                    Err(e) => problem(&e),
                }
            })}
        </Suspense>
        <p class="mt-8">
            <a class=LINK href="/disclosure-log">{t("disclosure-entry-back")}</a>
        </p>
    }
}

fn entry_view(entry: LogEntry) -> impl IntoView {
    let lang = lang();
    let LogEntry {
        action: e,
        documents,
        prescriptions,
    } = entry;
    let unit = e.provider.as_ref().and_then(|p| p.unit.clone());
    let withheld = e.provider.as_ref().map_or(0, |p| p.withheld);
    let asked = Asked::of_action(e.action);
    let given = match asked {
        Some(Asked::Documents) if !documents.is_empty() => view! {
            <Table id="disclosed-documents".to_owned() caption=t("disclosure-entry-documents") headers=vec![t("disclosure-entry-recorded"), t("disclosure-entry-document"), t("disclosure-entry-written-by")]>
                {documents.into_iter().map(|d| view! {
                    <tr>
                        <td class=TD>{lang.datetime(d.recorded_at)}</td>
                        <td class=TD>
                            {t(&format!("kind-{}", d.kind.code()))}
                            <br />
                            <span class="text-sm">{d.title}</span>
                        </td>
                        <td class=TD>{d.organisation}<br /><span class="text-sm">{d.unit}</span></td>
                    </tr>
                }).collect_view()}
            </Table>
        }
            .into_any(),
        Some(Asked::Prescriptions) if !prescriptions.is_empty() => view! {
            <Table id="disclosed-prescriptions".to_owned() caption=t("disclosure-entry-prescriptions") headers=vec![t("disclosure-entry-issued"), t("disclosure-entry-medicine"), t("disclosure-entry-written-by")]>
                {prescriptions.into_iter().map(|p| view! {
                    <tr>
                        <td class=TD>{lang.date(p.issued_on)}</td>
                        <td class=TD>{format!("{} {}", p.product, p.strength)}</td>
                        <td class=TD>{p.organisation}</td>
                    </tr>
                }).collect_view()}
            </Table>
        }
            .into_any(),
        Some(Asked::Declarations) if e.outcome == Outcome::Done => {
            view! { <p class="max-w-prose">{t("disclosure-entry-declarations")}</p> }.into_any()
        }
        _ => view! { <p>{t("disclosure-entry-none")}</p> }.into_any(),
    };
    view! {
        <dl class="mb-6 space-y-1">
            {item(t("disclosure-log-when"), lang.datetime(e.at))}
            {item(t("disclosure-log-who"), e.actor_name.clone())}
            {unit.map(|u| item(t("disclosure-entry-unit"), u))}
            {item(t("disclosure-log-right"), right_or_role(lang, &e))}
            {item(t("disclosure-log-why"), purpose(lang, &e))}
            {item(t("disclosure-log-what"), what(lang, &e))}
        </dl>
        {(withheld > 0).then(|| view! {
            <p class="mb-4 max-w-prose">{t_args("disclosure-entry-withheld", &[("count", count(withheld))])}</p>
        })}
        {given}
    }
}
