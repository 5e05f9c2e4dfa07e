//! Who may use the wellbeing data: the choices in force (each withdrawn with one
//! button), the forms to let an app read or also write, and a care organisation read,
//! and every change. Each form posts to the page's own address; a change holds at once
//! and the page says so (303 back here).

use archive::model::{Grantee, Permission, WellbeingSharing};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{read_sharing, share_wellbeing, SharingIntent, SharingSubmission};
use crate::i18n::LangExt as _;
use crate::i18n::{lang, t, t_args};
use crate::ui::form::{error_for, form_page, posted, ErrorSummary, FormError, RadioGroup, Select};
use crate::ui::{done_notice, page_title, Table, BUTTON, BUTTON_SECONDARY, H1, H2, LINK, TD};

/// What a permission lets, in words.
fn permission_text(permission: Permission) -> String {
    t(&format!("wellbeing-permission-{}", permission.code()))
}

/// Whether a grantee is an app or an organisation, in words.
fn kind_text(grantee: Grantee) -> String {
    match grantee {
        Grantee::App(_) => t("wellbeing-grantee-app"),
        Grantee::Organisation(_) => t("wellbeing-grantee-organisation"),
    }
}

#[component]
pub fn SharingPage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let notice = match query.get("changed").as_deref() {
        Some("allow") => Some("wellbeing-sharing-allowed"),
        Some("withdraw") => Some("wellbeing-sharing-withdrawn"),
        _ => None,
    };
    // Present only while the server renders the answer to a posted form.
    let submission = use_context::<SharingSubmission>();
    let done = match submission.as_ref().map(|s| s.intent) {
        Some(SharingIntent::Withdraw) => "/wellbeing/sharing?changed=withdraw",
        _ => "/wellbeing/sharing?changed=allow",
    };
    let sent = submission.clone().unwrap_or_default();
    let page = form_page(submission, share_wellbeing, read_sharing);
    view! {
        <p class="mb-2 print:hidden">
            <a class=LINK href="/wellbeing">{t("wellbeing-back")}</a>
        </p>
        <Suspense fallback=|| ()>
            {move || {
                let sent = sent.clone();
                Suspend::new(async move {
                    let (error, sharing) = match posted(page.await, done, "grantee") {
                        Ok(shown) => shown,
                        Err(answer) => return answer,
                    };
                    match sharing {
                        Ok(sharing) => sharing_view(sharing, notice, &error, &sent).into_any(),
                        Err(e) => super::page::not_shown(&e),
                    }
                })
            }}
        </Suspense>
    }
}

fn sharing_view(
    sharing: WellbeingSharing,
    notice: Option<&'static str>,
    error: &FormError,
    sent: &SharingSubmission,
) -> impl IntoView {
    // The organisation form sends its choice as `grantee` too; its problem is its own
    // select's (`organisation`), where the summary's link must lead.
    let error: FormError = error
        .iter()
        .map(
            |(field, message)| match (sent.kind.as_str(), field.as_str()) {
                ("organisation", "grantee") => ("organisation".to_owned(), message.clone()),
                _ => (field.clone(), message.clone()),
            },
        )
        .collect();
    let error = &error;
    view! {
        <Title text=page_title("wellbeing-sharing-title") />
        <h1 class=H1>{t("wellbeing-sharing-title")}</h1>
        <ErrorSummary error=error.clone() />
        {notice.map(|key| done_notice(t(key)))}
        <div class="mb-4 max-w-3xl space-y-2">
            <p>{t("wellbeing-sharing-intro")}</p>
            <p>{t("wellbeing-sharing-at-once")}</p>
        </div>
        <section aria-labelledby="in-force">
            <h2 class=H2 id="in-force">{t("wellbeing-sharing-in-force")}</h2>
            {in_force(&sharing)}
        </section>
        <section aria-labelledby="allow-app">
            <h2 class=H2 id="allow-app">{t("wellbeing-sharing-allow-app")}</h2>
            <p class="mb-2 max-w-3xl">{t("wellbeing-sharing-app-explain")}</p>
            {allow_app(&sharing, error, sent)}
        </section>
        <section aria-labelledby="allow-organisation">
            <h2 class=H2 id="allow-organisation">{t("wellbeing-sharing-allow-organisation")}</h2>
            <p class="mb-2 max-w-3xl">{t("wellbeing-sharing-organisation-explain")}</p>
            {allow_organisation(&sharing, error, sent)}
        </section>
        <section aria-labelledby="history-title">
            <h2 class=H2 id="history-title">{t("wellbeing-sharing-history")}</h2>
            {history(&sharing)}
        </section>
    }
}

fn in_force(sharing: &WellbeingSharing) -> AnyView {
    if sharing.in_force.is_empty() {
        return view! { <p>{t("wellbeing-sharing-none")}</p> }.into_any();
    }
    let lang = lang();
    let rows = sharing
        .in_force
        .iter()
        .map(|share| {
            let (kind, id) = share.grantee.stored();
            let name = share.name.clone();
            let label = t_args(
                "wellbeing-sharing-withdraw-from",
                &[("name", name.clone().into())],
            );
            view! {
                <tr>
                    <th scope="row" class=TD>{name}</th>
                    <td class=TD>{kind_text(share.grantee)}</td>
                    <td class=TD>{permission_text(share.permission)}</td>
                    <td class=TD>{lang.datetime(share.since)}</td>
                    <td class=TD>
                        <form method="post" action="/wellbeing/sharing">
                            <input type="hidden" name="intent" value="withdraw" />
                            <input type="hidden" name="kind" value=kind />
                            <input type="hidden" name="grantee" value=id.to_string() />
                            <button type="submit" class=BUTTON_SECONDARY aria-label=label>
                                {t("wellbeing-sharing-withdraw")}
                            </button>
                        </form>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Table
            id="sharing-in-force".to_owned()
            caption=t("wellbeing-sharing-in-force-caption")
            headers=vec![
                t("wellbeing-sharing-col-who"),
                t("wellbeing-sharing-col-kind"),
                t("wellbeing-sharing-col-may"),
                t("wellbeing-sharing-col-since"),
                t("wellbeing-sharing-col-change"),
            ]
        >
            {rows}
        </Table>
    }
    .into_any()
}

/// The errors of a form, if it is the one that was sent (`kind`).
fn errors_of<'a>(
    error: &'a FormError,
    sent: &SharingSubmission,
    kind: &str,
) -> &'a [(String, String)] {
    if sent.kind == kind {
        error
    } else {
        &[]
    }
}

fn allow_app(sharing: &WellbeingSharing, error: &FormError, sent: &SharingSubmission) -> AnyView {
    if sharing.apps.is_empty() {
        return view! { <p>{t("wellbeing-sharing-no-apps")}</p> }.into_any();
    }
    let error = errors_of(error, sent, "app");
    let choices = sharing
        .apps
        .iter()
        .map(|app| {
            (
                app.id.get().to_string(),
                t_args(
                    "wellbeing-sharing-app-choice",
                    &[
                        ("app", app.name.clone().into()),
                        ("maker", app.maker.clone().into()),
                    ],
                ),
            )
        })
        .collect();
    let chosen_permission = match sent.permission.as_deref() {
        Some("read") => Some("read"),
        Some("read-write") => Some("read-write"),
        _ => None,
    };
    view! {
        <form method="post" action="/wellbeing/sharing" class="flex max-w-3xl flex-col gap-4">
            <input type="hidden" name="intent" value="allow" />
            <input type="hidden" name="kind" value="app" />
            <Select
                name="grantee"
                label=t("wellbeing-sharing-app-label")
                none=t("wellbeing-sharing-choose-app")
                choices
                chosen=if sent.kind == "app" { sent.grantee.clone() } else { String::new() }
                error=error_for(error, "grantee")
                required=true
            />
            <RadioGroup
                name="permission"
                legend=t("wellbeing-sharing-permission")
                choices=Permission::ALL
                    .iter()
                    .map(|p| (p.code(), permission_text(*p)))
                    .collect()
                chosen=chosen_permission
                error=error_for(error, "permission")
                stacked=true
            />
            <div>
                <button type="submit" class=BUTTON>{t("wellbeing-sharing-allow")}</button>
            </div>
        </form>
    }
    .into_any()
}

fn allow_organisation(
    sharing: &WellbeingSharing,
    error: &FormError,
    sent: &SharingSubmission,
) -> AnyView {
    let choices: Vec<(String, String)> = sharing
        .organisations
        .iter()
        .filter(|o| sharing.permission(Grantee::Organisation(o.id)).is_none())
        .map(|o| (o.id.get().to_string(), o.name.clone()))
        .collect();
    if choices.is_empty() {
        return view! { <p>{t("wellbeing-sharing-no-organisations")}</p> }.into_any();
    }
    let error = errors_of(error, sent, "organisation");
    view! {
        <form method="post" action="/wellbeing/sharing" class="flex max-w-3xl flex-col gap-4">
            <input type="hidden" name="intent" value="allow" />
            <input type="hidden" name="kind" value="organisation" />
            <Select
                name="organisation"
                sent_as="grantee"
                label=t("wellbeing-sharing-organisation-label")
                none=t("wellbeing-sharing-choose-organisation")
                choices
                chosen=if sent.kind == "organisation" { sent.grantee.clone() } else { String::new() }
                error=error_for(error, "organisation")
                required=true
            />
            <div>
                <button type="submit" class=BUTTON>{t("wellbeing-sharing-allow-reading")}</button>
            </div>
        </form>
    }
    .into_any()
}

fn history(sharing: &WellbeingSharing) -> AnyView {
    if sharing.history.is_empty() {
        return view! { <p>{t("wellbeing-sharing-no-history")}</p> }.into_any();
    }
    let lang = lang();
    let rows = sharing
        .history
        .iter()
        .map(|e| {
            let what = match e.permission {
                Some(permission) => t_args(
                    "wellbeing-sharing-event-allowed",
                    &[("permission", permission_text(permission).into())],
                ),
                None => t("wellbeing-sharing-event-withdrawn"),
            };
            view! {
                <tr>
                    <td class=TD>{lang.datetime(e.at)}</td>
                    <td class=TD>{e.name.clone()}</td>
                    <td class=TD>{kind_text(e.grantee)}</td>
                    <td class=TD>{what}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Table
            id="sharing-history".to_owned()
            caption=t("wellbeing-sharing-history-caption")
            headers=vec![
                t("declaration-history-when"),
                t("wellbeing-sharing-col-who"),
                t("wellbeing-sharing-col-kind"),
                t("declaration-history-what"),
            ]
        >
            {rows}
        </Table>
    }
    .into_any()
}
