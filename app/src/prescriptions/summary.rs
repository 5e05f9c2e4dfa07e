//! The printable prescription summary: every prescription in force, or only those with
//! medicine left, with the time it was compiled printed on it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{read_prescription_summary, PrescriptionSummary, SummaryScope};
use crate::error::AppError;
use crate::i18n::LangExt as _;
use crate::i18n::{lang, t, t_args};
use crate::islands::PrintButton;
use crate::ui::form::{error_for, field_errors, ErrorSummary, RadioGroup};
use crate::ui::{once, page_title, problem, set_status, Table, BUTTON, H1, LINK, TD};

#[component]
pub fn PrescriptionSummaryPage() -> impl IntoView {
    let which = use_query_map().get_untracked().get("which");
    let summary = once(read_prescription_summary(which));
    view! {
        <Title text=page_title("prescription-summary-title") />
        <p class="mb-2 print:hidden">
            <a class=LINK href="/prescriptions">
                {t("prescription-back")}
            </a>
        </p>
        <h1 class=H1>{t("prescription-summary-title")}</h1>
        <Suspense fallback=|| ()>
            {move || {
                Suspend::new(async move {
                    match summary.await {
                        Ok(summary) => summary_view(summary).into_any(),
                        Err(e @ AppError::Invalid { .. }) => {
                            set_status(http::StatusCode::BAD_REQUEST);
                            let error = field_errors(&e).unwrap_or_default();
                            view! {
                                <ErrorSummary error=error.clone() />
                                <ScopeChoice chosen=None error=error_for(&error, "which") />
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

/// Which prescriptions: a plain GET form, so it works without JavaScript.
#[component]
fn ScopeChoice(chosen: Option<SummaryScope>, error: Option<String>) -> impl IntoView {
    view! {
        <form method="get" action="/prescription-summary" class="mb-4 print:hidden">
            <RadioGroup
                name="which"
                legend=t("prescription-summary-which")
                choices=SummaryScope::ALL
                    .iter()
                    .map(|s| (s.code(), t(&format!("prescription-summary-{}", s.code()))))
                    .collect()
                chosen=chosen.map(SummaryScope::code)
                error
            >
                <button type="submit" class=BUTTON>
                    {t("records-filter-submit")}
                </button>
            </RadioGroup>
        </form>
    }
}

fn summary_view(summary: PrescriptionSummary) -> impl IntoView {
    let lang = lang();
    let PrescriptionSummary {
        scope,
        compiled_at,
        prescriptions,
    } = summary;
    let table = (!prescriptions.is_empty()).then(|| {
        view! {
            <Table
                id="prescription-summary".to_owned()
                caption=t(&format!("prescription-summary-{}", scope.code()))
                shown=true
             headers=vec![t("prescription-summary-medicine"), t("prescription-dosage"), t("prescriptions-remaining"), t("prescriptions-valid-until"), t("prescriptions-prescriber")]>
                    {prescriptions
                        .into_iter()
                        .map(|p| {
                            let written_in = p.language.code();
                            let left = super::packages_left(&p);
                            view! {
                                <tr>
                                    <th scope="row" class=TD>
                                        <a class=LINK href=format!("/prescriptions/{}", p.id)>
                                            {format!("{} {}", p.product, p.strength)}
                                        </a>
                                        <span class="block text-sm" lang=written_in>
                                            {p.form}
                                        </span>
                                    </th>
                                    <td class=TD lang=written_in>{p.dosage}</td>
                                    <td class=TD>
                                        {left}
                                    </td>
                                    <td class=TD>{lang.date(p.valid_until)}</td>
                                    <td class=TD>{format!("{}, {}", p.prescriber, p.organisation.name)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
            </Table>
        }
    });
    view! {
        <p class="mb-4">
            {t_args("prescription-summary-compiled", &[("when", lang.datetime(compiled_at).into())])}
        </p>
        <ScopeChoice chosen=Some(scope) error=None />
        {match table {
            Some(table) => table.into_any(),
            None => view! { <p>{t("prescription-summary-none")}</p> }.into_any(),
        }}
        <p class="mt-6">
            <PrintButton label=t("print") />
        </p>
    }
}
