//! The interactive parts that hydrate in the browser. Each receives its text as props
//! (pages are translated on the server) and each page works without them.

use leptos::prelude::*;

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
