//! The frame's pages: the front page (the sections the signed-in right covers, and
//! whom one may act for), signing in, and the page for an address that does not exist.

use archive::model::{DeclarationNews, FrontPage, News, ProxyOption, ProxyOverview};
use archive::section::SectionPage;
use archive::Section;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{list_demo_persons, read_front_page};
use super::current_session;
use crate::error::AppError;
use crate::i18n::LangExt as _;
use crate::i18n::{count, lang, t, t_args};
use crate::ui::{once, page_title, problem, BUTTON, H1, H2, LINK};
use crate::SiteMode;

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
    let reads = once(async {
        let session = current_session().await?;
        // What is new, and whom one may act for (one's own, so only in one's own
        // session): one read. Without a right now, nothing to tell.
        let front = match session.holder() {
            Some(_) => read_front_page().await,
            None => Ok(FrontPage::default()),
        };
        Some((session, front))
    });
    view! {
        <Title text=t("site-name") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match reads.await {
                    Some((session, front)) => {
                        let acting = session.acting.is_some();
                        // Every section the right covers, as the registry says.
                        let sections: Vec<_> = session
                            .holder()
                            .map(|h| Section::pages_for(h).collect())
                            .unwrap_or_default();
                        let teen = !acting && (10..18).contains(&session.user.age);
                        let (news, overview, front_problem) = match front {
                            Ok(front) => (front.news, front.proxies.unwrap_or_default(), None),
                            Err(e) => (News::default(), ProxyOverview::default(), Some(problem(&e))),
                        };
                        let lang = lang();
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
                            {mandates_ending(&overview)}
                            <h2 class=H2>{t("front-sections")}</h2>
                            {news
                                .since
                                .map(|when| {
                                    view! {
                                        <p class="mb-4">
                                            {t_args("front-news-since", &[("when", lang.datetime(when).into())])}
                                        </p>
                                    }
                                })}
                            {front_problem}
                            <ul class="grid gap-4 sm:grid-cols-3">
                                {sections
                                    .into_iter()
                                    .map(|page| {
                                        let new = news_line(page, &news);
                                        view! {
                                            <li class="rounded border border-slate-300 bg-white p-4">
                                                <h3 class="text-lg font-semibold">
                                                    <a class=LINK href=page.route>
                                                        {t(page.nav)}
                                                    </a>
                                                </h3>
                                                <p>{t(page.front)}</p>
                                                {new.map(|line| view! { <p class="mt-2 font-semibold">{line}</p> })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                            {proxy_options(overview.options)}
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

/// What is new in a section, said on its first page's card: one line (for the living
/// will, which only the person changes, where it stands), or none for a section that
/// has no news or another page of it.
fn news_line(page: &SectionPage, news: &News) -> Option<String> {
    let section = Section::ALL
        .iter()
        .copied()
        .find(|s| s.spec().pages.first().is_some_and(|first| first == page))?;
    match section {
        Section::HealthRecords => news.records.map(|r| match (r.documents, r.lab_results) {
            (0, _) => t("news-records-none"),
            (documents, 0) => t_args("news-records", &[("documents", count(documents))]),
            (documents, labs) => format!(
                "{} {}",
                t_args("news-records", &[("documents", count(documents))]),
                t_args(
                    "news-records-labs",
                    &[("documents", count(documents)), ("labs", count(labs))]
                )
            ),
        }),
        Section::Prescriptions => news.prescriptions.map(|p| {
            let mut parts = Vec::new();
            if p.answered > 0 {
                parts.push(t_args(
                    "news-prescriptions-answered",
                    &[("count", count(p.answered))],
                ));
            }
            if p.new_prescriptions > 0 {
                parts.push(t_args(
                    "news-prescriptions-new",
                    &[("count", count(p.new_prescriptions))],
                ));
            }
            if parts.is_empty() {
                t("news-prescriptions-none")
            } else {
                parts.join(" ")
            }
        }),
        Section::DisclosureLog => news.disclosures.as_ref().map(|d| {
            if d.entries == 0 && d.forwarded == 0 && d.queries == 0 {
                return t("news-disclosures-none");
            }
            let used = (d.entries > 0).then(|| {
                let names = d.actors.join(", ");
                t_args(
                    "news-disclosures",
                    &[("count", count(d.entries)), ("names", names.into())],
                )
            });
            let sent = (d.forwarded > 0).then(|| {
                let names: Vec<String> = d
                    .recipients
                    .iter()
                    .map(|r| crate::certificates::recipient_text(*r))
                    .collect();
                let names = names.join(", ");
                t_args(
                    "news-disclosures-forwarded",
                    &[("count", count(d.forwarded)), ("names", names.into())],
                )
            });
            let asked = (d.queries > 0).then(|| {
                let names = d.askers.join(", ");
                t_args(
                    "news-disclosures-queries",
                    &[("count", count(d.queries)), ("names", names.into())],
                )
            });
            [used, asked, sent]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ")
        }),
        Section::LivingWill => news.living_will.map(|will| match will {
            DeclarationNews::NoneWritten => t("news-living-will-none"),
            DeclarationNews::InForce(at) => t_args(
                "news-living-will-in-force",
                &[("date", lang().date(at.date()).into())],
            ),
            DeclarationNews::Withdrawn(at) => t_args(
                "news-living-will-withdrawn",
                &[("date", lang().date(at.date()).into())],
            ),
        }),
        Section::OrganDonation => news.organ_donation.map(|testament| match testament {
            DeclarationNews::NoneWritten => t("news-organ-donation-none"),
            DeclarationNews::InForce(at) => t_args(
                "news-organ-donation-in-force",
                &[("date", lang().date(at.date()).into())],
            ),
            DeclarationNews::Withdrawn(at) => t_args(
                "news-organ-donation-withdrawn",
                &[("date", lang().date(at.date()).into())],
            ),
        }),
        Section::Appointments => news.appointments.map(|a| {
            let lang = lang();
            let next = a.next.map(|at| {
                t_args(
                    "news-appointments-next",
                    &[
                        ("date", lang.date(at.date()).into()),
                        ("time", lang.time(at).into()),
                    ],
                )
            });
            let booked = match a.booked {
                0 => t("news-appointments-none"),
                booked => t_args("news-appointments-booked", &[("count", count(booked))]),
            };
            match next {
                Some(next) => format!("{booked} {next}"),
                None => booked,
            }
        }),
        Section::SocialWelfare => news.social_welfare.map(|s| match s.documents {
            0 => t("news-social-none"),
            documents => t_args("news-social", &[("count", count(documents))]),
        }),
        Section::Certificates => news.certificates.map(|c| match c.issued {
            0 => t("news-certificates-none"),
            issued => t_args("news-certificates", &[("count", count(issued))]),
        }),
        Section::Consents => news.consents.map(|c| {
            let denials = t_args("news-consents", &[("denials", count(c.denials))]);
            if c.notice_read {
                denials
            } else {
                format!("{} {denials}", t("news-consents-notice-unread"))
            }
        }),
        Section::WellbeingData => news.wellbeing.map(|w| match w.from_apps {
            0 => t("news-wellbeing-none"),
            n => t_args("news-wellbeing-from-apps", &[("count", count(n))]),
        }),
        // Where the services began to work since, else how many consents are in force.
        Section::Abroad => news.abroad.map(|a| match a.new_countries {
            0 => t_args("news-abroad-consents", &[("count", count(a.consents))]),
            n => t_args("news-abroad-new-countries", &[("count", count(n))]),
        }),
        // What the other sections hold, as a file: nothing new of its own.
        Section::Download => None,
    }
}

/// Mandates ending within the notice period: those the person holds and those they
/// gave, so that a new one can be given in time. Nothing when there are none.
fn mandates_ending(overview: &ProxyOverview) -> Option<impl IntoView> {
    let lang = lang();
    let held = overview.options.iter().filter_map(|o| {
        o.ends_on.map(|day| {
            t_args(
                "mandates-ending-held",
                &[
                    ("name", o.display_name.clone().into()),
                    ("date", lang.date(day).into()),
                ],
            )
        })
    });
    let given = overview.mandates_ending.iter().map(|m| {
        t_args(
            "mandates-ending-given",
            &[
                ("name", m.holder_name.clone().into()),
                ("date", lang.date(m.ends_on).into()),
            ],
        )
    });
    let lines: Vec<String> = held.chain(given).collect();
    (!lines.is_empty()).then(|| {
        view! {
            <section
                aria-labelledby="mandates-ending"
                class="mb-6 max-w-prose rounded border-2 border-amber-700 bg-amber-50 p-4"
            >
                <h2 id="mandates-ending" class="text-xl font-semibold">
                    {t("mandates-ending-title")}
                </h2>
                <ul class="my-2 list-disc space-y-1 pl-6">
                    {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                </ul>
                <p>{t("mandates-ending-renew")}</p>
            </section>
        }
    })
}

/// Whom the signed-in person may act for, each with a button or the reason why not.
fn proxy_options(options: Vec<ProxyOption>) -> impl IntoView {
    let lang = lang();
    (!options.is_empty()).then(|| view! {
        <section aria-labelledby="proxies-title">
            <h2 id="proxies-title" class=H2>{t("proxies-title")}</h2>
            <ul class="grid gap-3 sm:grid-cols-2">
                {options.into_iter().map(|o| {
                    let name = o.display_name.clone();
                    let right = o.right.map(|r| t(&format!("right-{}", r.code())));
                    let ends = o.ends_on.map(|day| {
                        view! {
                            <p class="text-sm font-semibold">
                                {t_args("mandates-ending-short", &[("date", lang.date(day).into())])}
                            </p>
                        }
                    });
                    view! {
                        <li class="rounded border border-slate-300 bg-white p-4">
                            <p class="font-semibold">{name.clone()}</p>
                            {match (right, o.refusal) {
                                (Some(right), _) => view! {
                                    <p class="text-sm">{right}</p>
                                    {ends}
                                    <form method="post" action="/acting-for" class="mt-2">
                                        <input type="hidden" name="person" value=o.handle.clone() />
                                        <button type="submit" class=BUTTON>
                                            {t_args("proxies-act-for", &[("name", name.into())])}
                                        </button>
                                    </form>
                                }.into_any(),
                                (None, reason) => view! {
                                    <p class="text-sm">{t(&format!("error-forbidden-{}", reason.unwrap_or(archive::Refusal::NoRight).code()))}</p>
                                }.into_any(),
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    })
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let dev = use_context::<SiteMode>().is_some_and(|m| m.dev_sign_in);
    let persons = once(async move {
        if dev {
            list_demo_persons().await
        } else {
            Ok(Vec::new())
        }
    });
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
                        match persons.await {
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
