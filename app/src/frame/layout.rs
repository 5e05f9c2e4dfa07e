//! The frame of every page: skip link, development notice, header with navigation,
//! language switch and sign-out, the main region, and the footer.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

use archive::{Holder, Refusal, Section};

use super::api::{whoami, Session};
use crate::error::AppError;
use crate::i18n::LangExt as _;
use crate::i18n::{lang, t, t_args, Lang};
use crate::islands::{SessionTexts, SessionTimer};
use crate::ui::{once, Once, BUTTON_SECONDARY, NAV_LINK};
use crate::SiteMode;

/// Where the page is, as a path with its query, for coming back after a form.
fn here() -> String {
    let loc = use_location();
    let path = loc.pathname.get_untracked();
    let search = loc.search.get_untracked();
    if search.is_empty() {
        path
    } else if search.starts_with('?') {
        format!("{path}{search}")
    } else {
        format!("{path}?{search}")
    }
}

/// The page's address without the "session extended" notice, to come back to.
fn without_session_flag(path: &str) -> String {
    match path.split_once('?') {
        Some((p, q)) => {
            let kept: Vec<&str> = q
                .split('&')
                .filter(|kv| *kv != "session=extended")
                .collect();
            if kept.is_empty() {
                p.to_owned()
            } else {
                format!("{p}?{}", kept.join("&"))
            }
        }
        None => path.to_owned(),
    }
}

/// The session the layout looked up for this page: a call made once ([`once`]), not a
/// `Resource`. Read by three `Suspense`s of the layout and by the page, a `Resource`
/// left about one page in 30,000 unanswered forever on a multi-threaded runtime (leptos
/// 0.8.23; the race of leptos#4851 is not wholly gone): the server test
/// `stress::no_answer_stalls_on_two_threads`, run by hand, found two such pages in
/// 33,000 signed-out requests before and none in 66,000 after. The pages hydrate only
/// their islands, so nothing here needs a resource's value sent to the browser.
#[derive(Clone, Copy)]
struct CurrentSession(Once<Result<Option<Session>, AppError>>);

/// The signed-in session, from the layout's one look-up (or a look-up of its own
/// outside the layout).
pub async fn current_session() -> Option<Session> {
    match use_context::<CurrentSession>() {
        Some(CurrentSession(session)) => session.await.ok().flatten(),
        None => whoami().await.ok().flatten(),
    }
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let mode = use_context::<SiteMode>().unwrap_or(SiteMode {
        dev_sign_in: false,
        idle_seconds: 1800,
        warn_seconds: 120,
    });
    let dev = mode.dev_sign_in;
    let current = lang();
    let return_to = here();
    let session_return = without_session_flag(&return_to);
    let session_extended =
        use_query_map().get_untracked().get("session").as_deref() == Some("extended");
    // One look-up of the session serves the navigation, the user box, the banner and
    // the page ([`current_session`]).
    let session = once(whoami());
    provide_context(CurrentSession(session));
    view! {
        <a
            href="#main"
            class="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2"
        >
            {t("skip-to-content")}
        </a>
        {dev
            .then(|| {
                view! {
                    <div class="bg-amber-200 px-4 py-2 text-center text-amber-950" role="note" data-dev-notice="">
                        <strong>{t("dev-notice-title")}</strong>
                        " "
                        {t("dev-notice-text")}
                    </div>
                }
            })}
        <header class="border-b border-slate-300 bg-white print:hidden">
            <div class="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3">
                <a href="/" class="text-xl font-bold text-blue-900">
                    {t("site-name")}
                </a>
                <nav aria-label=t("nav-label") class="order-last w-full md:order-none md:w-auto">
                    <Suspense fallback=|| ()>
                        {move || Suspend::new(async move {
                            // The pages the session's right reaches (the registry decides),
                            // in the registry's groups; signed out, or once a right has
                            // ended, those every right reaches.
                            let holder = session.await.ok().flatten().and_then(|s| s.holder());
                            let groups = Section::navigation(holder);
                            // Drawn once. On a narrow screen behind one disclosure, so that
                            // every page's heading is in the first screen (it works without
                            // JavaScript); on a wide one always shown, in a row, its toggle
                            // hidden (`nav-menu` in style/tailwind.css).
                            view! {
                                <details class="nav-menu">
                                    <summary class="inline-flex min-h-11 cursor-pointer items-center rounded border border-blue-800 px-3 font-semibold text-blue-800">
                                        {t("nav-menu")}
                                    </summary>
                                    {nav_groups(&groups, "mt-2 space-y-3 md:mt-0 md:flex md:flex-wrap md:gap-x-8 md:gap-y-2 md:space-y-0")}
                                </details>
                            }
                        })}
                    </Suspense>
                </nav>
                <form method="post" action="/language" class="flex items-center gap-1">
                    <input type="hidden" name="return_to" value=return_to />
                    <span class="sr-only">{t("language-switch-label")}</span>
                    {Lang::ALL
                        .iter()
                        .copied()
                        .map(|l| {
                            let is_current = l == current;
                            view! {
                                <button
                                    type="submit"
                                    name="lang"
                                    value=l.code()
                                    lang=l.code()
                                    aria-current=is_current.then_some("true")
                                    class=if is_current {
                                        "min-h-11 rounded bg-blue-900 px-2 py-1 text-white"
                                    } else {
                                        "min-h-11 rounded px-2 py-1 text-blue-800 underline hover:bg-blue-50"
                                    }
                                >
                                    {l.tr(&format!("language-name-{}", l.code()))}
                                </button>
                            }
                        })
                        .collect_view()}
                </form>
                <Suspense fallback=|| ()>
                    {move || {
                        let session_return = session_return.clone();
                        Suspend::new(async move {
                        match session.await {
                            Ok(Some(session)) => {
                                let user = session.user;
                                let lang = lang();
                                let ends = t_args(
                                    "session-ends-at",
                                    &[("time", lang.time(user.ends_at).into())],
                                );
                                let texts = SessionTexts {
                                    warning_title: t("session-warning-title"),
                                    warning_text: t_args(
                                        "session-warning-text",
                                        &[("time", "%TIME%".into())],
                                    ),
                                    minutes_left: t_args(
                                        "session-time-minutes",
                                        &[("minutes", "%M%".into()), ("seconds", "%S%".into())],
                                    ),
                                    seconds_left: t_args(
                                        "session-time-seconds",
                                        &[("seconds", "%S%".into())],
                                    ),
                                    continue_label: t("session-continue"),
                                    sign_out_label: t("sign-out"),
                                    ended_title: t("session-ended-title"),
                                    ended_text: t("session-ended-text"),
                                    sign_in_label: t("sign-in"),
                                };
                                view! {
                                    <div class="flex flex-col items-end gap-1">
                                        <div class="flex items-center gap-3">
                                            <span>
                                                {t_args(
                                                    "signed-in-as",
                                                    &[("name", user.display_name.into())],
                                                )}
                                            </span>
                                            <form method="post" action="/sign-out">
                                                <button type="submit" class=BUTTON_SECONDARY>
                                                    {t("sign-out")}
                                                </button>
                                            </form>
                                        </div>
                                        <form
                                            method="post"
                                            action="/session/extend"
                                            class="flex items-center gap-2 text-sm"
                                        >
                                            <input type="hidden" name="return_to" value=session_return.clone() />
                                            <span>{ends}</span>
                                            <button type="submit" class=BUTTON_SECONDARY>
                                                {t("session-continue")}
                                            </button>
                                        </form>
                                        {session_extended
                                            .then(|| {
                                                view! {
                                                    <p role="status" class="text-sm font-semibold">
                                                        {t("session-extended")}
                                                    </p>
                                                }
                                            })}
                                        <SessionTimer
                                            seconds_left=user.seconds_left
                                            idle_seconds=mode.idle_seconds
                                            warn_seconds=mode.warn_seconds
                                            texts
                                        />
                                    </div>
                                }
                                    .into_any()
                            }
                            _ => {
                                view! {
                                    <a class=NAV_LINK href="/sign-in">
                                        {t("sign-in")}
                                    </a>
                                }
                                    .into_any()
                            }
                        }
                    })
                    }}
                </Suspense>
            </div>
        </header>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match session.await {
                    Ok(Some(s)) => s.user.acting_for.clone().map(|f| acting_banner(f.display_name, s.acting)),
                    _ => None,
                }
            })}
        </Suspense>
        <main id="main" tabindex="-1" class="mx-auto max-w-5xl px-4 py-6">
            {children()}
        </main>
        <footer class="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-700 print:hidden">
            <p>{t("footer-text")}</p>
            <p class="mt-2">
                <a class=NAV_LINK href="/accessibility">
                    {t("a11y-footer-link")}
                </a>
            </p>
            <crate::islands::HydrationMarker />
        </footer>
    }
}

/// On every page while acting for someone else: whose data, by which right, what the
/// right means, and the way back to one's own.
fn acting_banner(name: String, acting: Option<Result<Holder, Refusal>>) -> impl IntoView {
    let (text, explain) = match acting {
        Some(Ok(holder)) => {
            let name = [("name", name.into())];
            let text = match holder {
                Holder::GuardianUnderTen | Holder::GuardianOfTeen => {
                    t_args("acting-as-guardian", &name)
                }
                Holder::MandateHolder(_) => t_args("acting-as-mandate-holder", &name),
                Holder::Own => t_args("acting-as-self", &name),
            };
            (
                text,
                (holder == Holder::GuardianOfTeen)
                    .then(|| (Some(t("acting-teen-rules-summary")), t("acting-teen-rules"))),
            )
        }
        Some(Err(reason)) => (
            t_args("acting-right-ended", &[("name", name.into())]),
            Some((None, t(&format!("error-forbidden-{}", reason.code())))),
        ),
        None => (t_args("acting-as-self", &[("name", name.into())]), None),
    };
    view! {
        <section
            aria-labelledby="acting-banner-text"
            class="border-b-4 border-violet-800 bg-violet-50 print:border-0"
        >
            <div class="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3">
                <div>
                    <p id="acting-banner-text" class="font-semibold">
                        {text}
                    </p>
                    // A long explanation behind its one-line summary, so that the
                    // page's heading stays in a small screen's first view.
                    {explain
                        .map(|(summary, e)| match summary {
                            Some(summary) => view! {
                                <details class="max-w-prose text-sm">
                                    <summary class="inline-flex min-h-6 cursor-pointer items-center underline">
                                        {summary}
                                    </summary>
                                    <p>{e}</p>
                                </details>
                            }
                                .into_any(),
                            None => view! { <p class="max-w-prose text-sm">{e}</p> }.into_any(),
                        })}
                </div>
                <form method="post" action="/acting-for" class="print:hidden">
                    <input type="hidden" name="person" value="self" />
                    <button type="submit" class=BUTTON_SECONDARY>
                        {t("acting-back-to-own")}
                    </button>
                </form>
            </div>
        </section>
    }
}

/// The navigation's groups, each its name and its pages' links.
fn nav_groups(
    groups: &[(
        archive::NavGroup,
        Vec<&'static archive::section::SectionPage>,
    )],
    class: &'static str,
) -> impl IntoView {
    view! {
        <ul class=class>
            {groups
                .iter()
                .map(|(group, pages)| {
                    view! {
                        <li>
                            <span class="block text-sm font-semibold text-slate-700">
                                {t(group.message())}
                            </span>
                            <ul class="flex flex-wrap gap-x-3">
                                {pages
                                    .iter()
                                    .map(|p| {
                                        view! {
                                            <li>
                                                <a class=NAV_LINK href=p.route>
                                                    {t(p.nav)}
                                                </a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
