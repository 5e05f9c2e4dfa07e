//! The download page: what the file holds, kind by kind with how many, what it is
//! (one FHIR R4 Bundle in JSON, which other health apps read), and the link to it.

use archive::download::model::DownloadContents;
use leptos::prelude::*;
use leptos_meta::Title;

use super::api::read_download_contents;
use crate::i18n::{count, t, t_args};
use crate::ui::{once, page_title, problem, H1, H2, LINK};

/// Where the file is downloaded (`server/src/everything.rs` serves it).
pub const FILE: &str = "/download/omakanta.json";

#[component]
pub fn DownloadPage() -> impl IntoView {
    let contents = once(read_download_contents());
    view! {
        <Title text=page_title("download-title") />
        <h1 class=H1>{t("download-title")}</h1>
        <div class="mb-4 max-w-3xl space-y-2">
            <p>{t("download-intro")}</p>
            <p>{t("download-format")}</p>
        </div>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match contents.await {
                    Ok(contents) => contents_view(contents).into_any(),
                    Err(e) => problem(&e),
                }
            })}
        </Suspense>
    }
}

fn contents_view(c: DownloadContents) -> impl IntoView {
    let lines = [
        t_args("download-documents", &[("count", count(c.documents))]),
        t_args("download-lab-results", &[("count", count(c.lab_results))]),
        t_args(
            "download-prescriptions",
            &[("count", count(c.prescriptions))],
        ),
        t_args("download-purchases", &[("count", count(c.purchases))]),
        t_args(
            "download-renewal-requests",
            &[("count", count(c.renewal_requests))],
        ),
        t_args(
            "download-living-will",
            &[("count", count(c.living_will_versions))],
        ),
        t_args(
            "download-organ-donation",
            &[("count", count(c.organ_donation_versions))],
        ),
        t_args("download-consents", &[("count", count(c.consent_events))]),
        t_args("download-abroad", &[("count", count(c.abroad_events))]),
        t_args("download-measurements", &[("count", count(c.measurements))]),
        t_args("download-log-entries", &[("count", count(c.log_entries))]),
    ];
    view! {
        <section aria-labelledby="contents-title">
            <h2 class=H2 id="contents-title">{t("download-contents-title")}</h2>
            <ul class="list-disc space-y-1 pl-6">
                {lines
                    .into_iter()
                    .map(|line| view! { <li>{line}</li> })
                    .collect_view()}
            </ul>
        </section>
        <p class="mt-6">
            <a class=LINK href=FILE download="omakanta.json">
                {t("download-link")}
            </a>
        </p>
        <p class="mt-2 max-w-3xl text-sm">{t("download-audited")}</p>
    }
}
