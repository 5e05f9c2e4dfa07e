//! The page toolkit every section uses: styles, the page title, statuses and
//! redirects, the problem box, form fields with their errors ([`form`]) and the lab
//! trend picture ([`chart`]). A section imports from here, never from another section.

pub mod chart;
pub mod declaration;
pub mod form;

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::{t, t_args};

pub const H1: &str = "mb-4 text-3xl font-bold";
pub const H2: &str = "mb-3 mt-8 text-2xl font-semibold";
pub const TABLE: &str = "w-full border-collapse text-left";
pub const TH: &str = "border-b-2 border-slate-400 px-2 py-1";
pub const TD: &str = "border-b border-slate-300 px-2 py-1 align-top";
// The links' and buttons' looks are utilities of their own, defined once in
// style/tailwind.css (`@utility`) from Tailwind's: each is drawn many times a page (a
// list's every row, the navigation's every link), and spelt out they were a fifth of
// the front page's HTML.
pub const LINK: &str = "ui-link";
/// A link that stands alone (navigation, lists): at least 44 px high to tap (WCAG 2.5.8).
pub const NAV_LINK: &str = "ui-nav-link";
/// A check box or a radio button: 24 × 24 px at least (WCAG 2.5.8), not the browser's
/// 13 px, and kept that size beside a long label.
pub const CHOICE: &str = "mt-0.5 h-6 w-6 shrink-0";
pub const BUTTON: &str = "ui-button";
pub const BUTTON_SECONDARY: &str = "ui-button-secondary";

/// A data table that may be wider than a narrow screen. It scrolls sideways inside its
/// own region, named by the table's caption and reachable by keyboard (Tab, then the
/// arrow keys), and the page never does (WCAG 1.4.10). `id` names the caption (unique
/// on the page); `shown` puts the caption on screen as a heading-sized title, else it
/// is for screen readers only (the page's heading already says it).
#[component]
pub fn Table(
    id: String,
    caption: String,
    /// The columns' headers, in order.
    headers: Vec<String>,
    #[prop(optional)] shown: bool,
    /// The rows of its body.
    children: Children,
) -> impl IntoView {
    let labelled_by = id.clone();
    // Positioned, so that what is hidden but read aloud in a cell (`sr-only`, placed
    // absolutely) stays within the scrolling region instead of widening the page.
    view! {
        <div
            role="region"
            aria-labelledby=labelled_by
            tabindex="0"
            class="relative max-w-full overflow-x-auto focus:outline focus:outline-2 focus:outline-offset-2 focus:outline-blue-800"
        >
            <table class=TABLE>
                <caption
                    id=id
                    class=if shown { "mb-2 text-left text-xl font-semibold" } else { "sr-only" }
                >
                    {caption}
                </caption>
                <thead>
                    <tr>
                        {headers
                            .into_iter()
                            .map(|h| view! { <th scope="col" class=TH>{h}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

/// The document title of a page: its name and the service's.
#[must_use]
pub fn page_title(key: &str) -> String {
    t_args("page-title", &[("page", t(key).into())])
}

/// Percent-encodes a query value.
#[must_use]
pub fn enc(s: &str) -> String {
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
pub fn see_other(location: &str) {
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
pub fn set_status(status: http::StatusCode) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}

/// A server call the page shows, made once: made in the component's body, awaited in
/// the view as often as the view is polled. `Suspense` polls the view inside it once to
/// learn what it waits for, then drops it and renders it again (leptos#2956), so a call
/// made inside `Suspend::new` is made each time, each but the last a read begun and
/// given up (the server test `a_page_begins_each_read_once`). The call is one shared
/// future kept with the page: whoever polls it drives it, and a poller that stops
/// waiting leaves it for the next. (A plain future, not a resource: the view waits on
/// it exactly as it waited on the call itself.)
pub fn once<T>(call: impl std::future::Future<Output = T> + Send + 'static) -> Once<T>
where
    T: Clone + Send + Sync + 'static,
{
    use futures::FutureExt as _;
    let shared: SharedCall<T> = call.boxed().shared();
    Once(StoredValue::new(shared))
}

type SharedCall<T> = futures::future::Shared<futures::future::BoxFuture<'static, T>>;

/// A call made once ([`once`]); `.await` it in the view.
pub struct Once<T: Send + Sync + 'static>(StoredValue<SharedCall<T>>);

impl<T: Send + Sync + 'static> Clone for Once<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Once<T> {}

impl<T: Send + Sync + 'static> std::fmt::Debug for Once<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Once")
    }
}

impl<T: Clone + Send + Sync + 'static> std::future::IntoFuture for Once<T> {
    type Output = T;
    type IntoFuture = SharedCall<T>;

    fn into_future(self) -> Self::IntoFuture {
        self.0.get_value()
    }
}

/// Shows an error in words, with the status it deserves; sends the signed-out to sign in.
pub fn problem(e: &AppError) -> AnyView {
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
            <p>{explanation(e)}</p>
            {reference.map(|r| view! { <p class="text-sm">{r}</p> })}
        </div>
    }
    .into_any()
}

/// What went wrong, in words.
fn explanation(e: &AppError) -> String {
    match e {
        AppError::Invalid { fields } => fields
            .first()
            .map_or_else(|| t("error-request"), |(_, code)| form::invalid_text(code)),
        AppError::Blocked { code } => form::invalid_text(code),
        _ => t(&e.message_id()),
    }
}

/// The address of the page that confirms giving (`give`) or withdrawing `choice` (a
/// consent or denial), which any page may link to.
#[must_use]
pub fn consent_change_href(give: bool, choice: archive::model::Choice) -> String {
    format!(
        "/consents/confirm?change={}&kind={}&target={}",
        if give { "give" } else { "withdraw" },
        enc(choice.kind().code()),
        enc(&choice.target())
    )
}

/// A notice that something was done (after the redirect of a form), read out politely.
pub fn done_notice(text: String) -> impl IntoView {
    view! {
        <p
            role="status"
            class="mb-4 rounded border-l-4 border-green-700 bg-green-50 p-4 font-semibold"
        >
            {text}
        </p>
    }
}

/// A term and its value in a description list.
pub fn item(term: String, value: String) -> impl IntoView {
    item_with_lang(term, value, None)
}

/// A term and its value written in `lang` (a record's own words, which may be in
/// another language than the page).
pub fn item_in(term: String, value: String, lang: &'static str) -> impl IntoView {
    item_with_lang(term, value, Some(lang))
}

fn item_with_lang(term: String, value: String, lang: Option<&'static str>) -> impl IntoView {
    view! {
        <div>
            <dt class="inline font-semibold">{term}": "</dt>
            <dd class="inline" lang=lang>
                {value}
            </dd>
        </div>
    }
}

/// A keyset-paged list's navigation: its label, and the first page's (when not on
/// it) and the next page's (when there is one) addresses and texts.
#[derive(Debug)]
pub struct Paging {
    pub label: String,
    pub first: Option<(String, String)>,
    pub next: Option<(String, String)>,
}

/// The links of [`Paging`]; `class` places the navigation.
pub fn paging(paging: Paging, class: &'static str) -> impl IntoView {
    view! {
        <nav aria-label=paging.label class=class>
            {paging.first.map(|(href, text)| view! { <a class=LINK href=href>{text}</a> })}
            {paging
                .next
                .map(|(href, text)| view! { <a class=LINK href=href rel="next">{text}</a> })}
        </nav>
    }
}
