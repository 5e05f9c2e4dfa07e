//! The medication list: what the person takes now, by ATC group, printable.

use archive::model::{CareSetting, Medication, MedicationList, MedicationSource};
use leptos::prelude::*;
use leptos_meta::Title;

use super::api::read_medication_list;
use crate::frame::current_session;
use crate::i18n::LangExt as _;
use crate::i18n::{lang, t, t_args};
use crate::islands::PrintButton;
use crate::ui::{once, page_title, problem, Table, H1, H2, LINK, TD};

#[component]
pub fn MedicationListPage() -> impl IntoView {
    let list = once(read_medication_list());
    view! {
        <Title text=page_title("medication-title") />
        <h1 class=H1>{t("medication-title")}</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(list) => {
                        // Whose list it is, also on paper (the page header is not printed).
                        let name = current_session()
                            .await
                            .map(|s| {
                                s.user
                                    .acting_for
                                    .map_or(s.user.display_name, |f| f.display_name)
                            })
                            .unwrap_or_default();
                        medication_view(list, name).into_any()
                    }
                    Err(e) => problem(&e),
                }
            })}
        </Suspense>
    }
}

fn medication_view(list: MedicationList, name: String) -> impl IntoView {
    let lang = lang();
    let compiled = t_args(
        "medication-compiled",
        &[
            ("date", lang.date(list.compiled_at.date()).into()),
            ("time", lang.time(list.compiled_at).into()),
        ],
    );
    let empty = list.groups.is_empty();
    view! {
        <p class="mb-1 font-semibold">{t_args("medication-for", &[("name", name.into())])}</p>
        <p class="mb-2 font-semibold">{compiled}</p>
        <p class="mb-4 max-w-3xl">{t("medication-intro")}</p>
        {empty.then(|| view! { <p>{t("medication-empty")}</p> })}
        {list
            .groups
            .into_iter()
            .enumerate()
            .map(|(index, g)| {
                let name = if g.group == "?" {
                    t("atc-group-other")
                } else {
                    t(&format!("atc-group-{}", g.group))
                };
                view! {
                    <h2 class=H2>{name.clone()}</h2>
                    <Table
                        id=format!("medication-group-{index}")
                        caption=t_args("medication-caption", &[("group", name.into())])
                     headers=vec![t("medication-medicine"), t("prescription-dosage"), t("medication-source"), t("medication-until"), t("medication-last-bought")]>
                                {g.medicines.into_iter().map(medication_row).collect_view()}
                    </Table>
                }
            })
            .collect_view()}
        <p class="mt-6">
            <PrintButton label=t("print") />
        </p>
    }
}

/// One line: a medicine from prescriptions (linked to the newest) or given by care,
/// saying which.
fn medication_row(m: Medication) -> impl IntoView {
    let lang = lang();
    let written_in = m.language.code();
    let name = format!("{} {} {}", m.product, m.strength, m.form);
    let (medicine, source, until, bought) = match m.source {
        MedicationSource::Prescription {
            prescription,
            prescriber,
            valid_until,
            last_dispensed,
            renewal_requested,
        } => (
            view! {
                <a class=LINK href=format!("/prescriptions/{prescription}") lang=written_in>
                    {name}
                </a>
                {renewal_requested
                    .then(|| {
                        view! {
                            <span class="block text-sm font-normal">
                                {t("medication-renewal-requested")}
                            </span>
                        }
                    })}
            }
            .into_any(),
            t_args(
                "medication-source-prescription",
                &[
                    ("prescriber", prescriber.into()),
                    ("organisation", m.organisation.into()),
                ],
            ),
            t_args(
                "medication-valid-until",
                &[("date", lang.date(valid_until).into())],
            ),
            last_dispensed.map_or_else(|| t("medication-never-bought"), |d| lang.date(d)),
        ),
        MedicationSource::Recorded {
            setting,
            started_on,
            ended_on,
        } => (
            view! { <span lang=written_in>{name}</span> }.into_any(),
            given_where(setting, m.organisation, lang.date(started_on)),
            ended_on.map_or_else(
                || t("medication-ongoing"),
                |d| t_args("medication-ends", &[("date", lang.date(d).into())]),
            ),
            t("medication-not-bought"),
        ),
    };
    view! {
        <tr>
            <th scope="row" class=format!("{TD} font-semibold")>
                {medicine}
            </th>
            <td class=TD lang=written_in>{m.dosage}</td>
            <td class=TD>{source}</td>
            <td class=TD>{until}</td>
            <td class=TD>{bought}</td>
        </tr>
    }
}

/// "Given in hospital: <organisation>, since <date>", and the like for each setting.
fn given_where(setting: CareSetting, organisation: String, since: String) -> String {
    match setting {
        CareSetting::Hospital => t_args(
            "medication-source-hospital",
            &[
                ("organisation", organisation.into()),
                ("date", since.into()),
            ],
        ),
        CareSetting::HealthCentre => t_args(
            "medication-source-health-centre",
            &[
                ("organisation", organisation.into()),
                ("date", since.into()),
            ],
        ),
        CareSetting::SocialCare => t_args(
            "medication-source-social-care",
            &[
                ("organisation", organisation.into()),
                ("date", since.into()),
            ],
        ),
        CareSetting::Imported => t_args(
            "medication-source-imported",
            &[
                ("organisation", organisation.into()),
                ("date", since.into()),
            ],
        ),
    }
}
