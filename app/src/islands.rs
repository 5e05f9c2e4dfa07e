//! The interactive parts that hydrate in the browser. Each receives its text as props
//! (pages are translated on the server) and each page works without them.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Marks the page as hydrated (`data-hydrated="true"`), for people who test it.
#[island]
pub fn HydrationMarker() -> impl IntoView {
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    view! { <span hidden data-hydrated=move || hydrated.get().to_string()></span> }
}

/// A button that opens the browser's print dialog. Shown only once it can work;
/// without JavaScript the browser's own print command does the same.
#[island]
pub fn PrintButton(label: String) -> impl IntoView {
    let (ready, set_ready) = signal(false);
    Effect::new(move |_| set_ready.set(true));
    view! {
        <button
            type="button"
            class="print:hidden rounded border border-blue-800 px-3 py-1 text-blue-800 hover:bg-blue-50 focus:outline focus:outline-2 focus:outline-offset-2 focus:outline-blue-800"
            hidden=move || !ready.get()
            on:click=|_| {
                let _ = window().print();
            }
        >
            {label}
        </button>
    }
}

/// The words the session timer shows, translated on the server. `%TIME%` in
/// `warning_text` stands for the time left, written with `minutes_left` ("4 min 59 s")
/// or, under a minute, `seconds_left` ("59 s"), where `%M%` and `%S%` stand for the
/// numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionTexts {
    pub warning_title: String,
    pub warning_text: String,
    pub minutes_left: String,
    pub seconds_left: String,
    pub continue_label: String,
    pub sign_out_label: String,
    pub ended_title: String,
    pub ended_text: String,
    pub sign_in_label: String,
}

/// Warns before the session ends, in a dialog that takes focus, and continues the
/// session without leaving the page (so nothing typed is lost). Without JavaScript the
/// page states when the session ends and offers a plain form to continue it.
#[island]
pub fn SessionTimer(
    seconds_left: i64,
    idle_seconds: i64,
    warn_seconds: i64,
    texts: SessionTexts,
) -> impl IntoView {
    let (left, set_left) = signal(seconds_left);
    let (deadline, set_deadline) = signal(0.0_f64);
    let continue_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        {
            set_deadline.set(js_sys::Date::now() + seconds_left as f64 * 1000.0);
            let _ = set_interval_with_handle(
                move || {
                    let remaining = (deadline.get_untracked() - js_sys::Date::now()) / 1000.0;
                    set_left.set(remaining.ceil() as i64);
                },
                std::time::Duration::from_secs(1),
            );
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (deadline, set_left);
    });
    let warning = move || {
        let l = left.get();
        l > 0 && l <= warn_seconds
    };
    let ended = move || left.get() <= 0;
    // Move focus to the dialog's first action when it opens.
    Effect::new(move |was_open: Option<bool>| {
        let open = warning();
        if open && was_open != Some(true) {
            if let Some(button) = continue_button.get() {
                let _ = button.focus();
            }
        }
        open
    });
    let extend = move |_| {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            if extend_session().await {
                set_deadline.set(js_sys::Date::now() + idle_seconds as f64 * 1000.0);
                set_left.set(idle_seconds);
            }
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = (idle_seconds, set_deadline);
    };
    let SessionTexts {
        warning_title,
        warning_text,
        minutes_left,
        seconds_left,
        continue_label,
        sign_out_label,
        ended_title,
        ended_text,
        sign_in_label,
    } = texts;
    view! {
        <div
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="session-warning-title"
            aria-describedby="session-warning-text"
            hidden=move || !warning()
            class="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/60 p-4"
        >
            <div class="max-w-md rounded bg-white p-6 shadow-lg">
                <h2 id="session-warning-title" class="mb-2 text-xl font-semibold">
                    {warning_title}
                </h2>
                <p id="session-warning-text" class="mb-4">
                    {move || {
                        let l = left.get().max(0);
                        let time = if l >= 60 { &minutes_left } else { &seconds_left }
                            .replace("%M%", &(l / 60).to_string())
                            .replace("%S%", &(l % 60).to_string());
                        warning_text.replace("%TIME%", &time)
                    }}
                </p>
                <div class="flex flex-wrap gap-3">
                    <button
                        type="button"
                        node_ref=continue_button
                        on:click=extend
                        class="min-h-11 rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 focus:outline focus:outline-2 focus:outline-offset-2 focus:outline-blue-800"
                    >
                        {continue_label}
                    </button>
                    <form method="post" action="/sign-out">
                        <button
                            type="submit"
                            class="min-h-11 rounded border border-blue-800 px-4 py-2 text-blue-800 hover:bg-blue-50 focus:outline focus:outline-2 focus:outline-offset-2 focus:outline-blue-800"
                        >
                            {sign_out_label}
                        </button>
                    </form>
                </div>
            </div>
        </div>
        <div role="alert" hidden=move || !ended() class="fixed inset-x-0 top-0 z-50 bg-white p-4 shadow-lg">
            <h2 class="text-xl font-semibold">{ended_title}</h2>
            <p>{ended_text}</p>
            <a href="/sign-in" class="inline-flex min-h-11 items-center text-blue-800 underline">
                {sign_in_label}
            </a>
        </div>
    }
}

/// Asks the server to continue the session; `true` when it did.
#[cfg(feature = "hydrate")]
async fn extend_session() -> bool {
    use wasm_bindgen::JsCast;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    let Ok(headers) = web_sys::Headers::new() else {
        return false;
    };
    if headers.set("x-omakanta-extend", "1").is_err()
        || headers
            .set("content-type", "application/x-www-form-urlencoded")
            .is_err()
    {
        return false;
    }
    init.set_headers(&headers);
    init.set_body(&wasm_bindgen::JsValue::from_str("return_to=%2F"));
    let promise = window().fetch_with_str_and_init("/session/extend", &init);
    let Ok(response) = wasm_bindgen_futures::JsFuture::from(promise).await else {
        return false;
    };
    response
        .dyn_into::<web_sys::Response>()
        .is_ok_and(|r| r.status() == 204)
}
