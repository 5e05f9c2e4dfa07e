//! What the pages of the person's own declarations share (the living will, the organ
//! donation testament): the form's intent, the withdrawal with its confirmation, and
//! the history of versions. Each page gives its own words.

use archive::model::{Version, VersionEvent};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::form::{ConfirmBox, FormError};
use super::{Table, BUTTON_SECONDARY, H2, TD};
use crate::i18n::{lang, t, LangExt as _};

/// What a declaration's form asks for: to save what it says, or to withdraw it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Intent {
    #[default]
    Save,
    Withdraw,
}

impl Intent {
    /// As the form posts it.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Save => "save",
            Self::Withdraw => "withdraw",
        }
    }
}

/// The server function's check of a withdrawal: it must be confirmed.
///
/// # Errors
/// `Invalid` for the field `confirm` when it was not.
pub fn check_confirmed(confirm: Option<&String>) -> Result<(), crate::error::AppError> {
    match confirm {
        Some(_) => Ok(()),
        None => Err(crate::error::AppError::invalid(
            "confirm",
            "confirm-withdrawal",
        )),
    }
}

/// A withdrawal's words, as the page's section says them.
#[derive(Debug)]
pub struct WithdrawTexts {
    pub title: String,
    pub intro: String,
    pub confirm: String,
    pub button: String,
}

/// The form that withdraws a declaration, posted to `path`: nothing changes until the
/// box confirming it is ticked (`error`: what the last try was told).
pub fn withdraw_form(path: &'static str, texts: WithdrawTexts, error: FormError) -> impl IntoView {
    let message = error.into_iter().next().map(|(_, m)| m);
    view! {
        <h2 class=H2 id="withdraw">
            {texts.title}
        </h2>
        <form method="post" action=path class="max-w-3xl space-y-4 print:hidden">
            <input type="hidden" name="intent" value=Intent::Withdraw.code() />
            <p>{texts.intro}</p>
            <ConfirmBox name="confirm" label=texts.confirm error=message />
            <button type="submit" class=BUTTON_SECONDARY>
                {texts.button}
            </button>
        </form>
    }
}

/// The versions of a declaration, newest first, as a table of when and what; `none`
/// says there are none.
pub fn history_table<T: Send + Sync + 'static>(
    history: &[Version<T>],
    caption: String,
    none: String,
) -> AnyView {
    if history.is_empty() {
        return view! { <p>{none}</p> }.into_any();
    }
    let lang = lang();
    let rows = history
        .iter()
        .map(|v| {
            let what = match v.event() {
                VersionEvent::Written => t("declaration-event-written"),
                VersionEvent::Changed => t("declaration-event-changed"),
                VersionEvent::Withdrawn => t("declaration-event-withdrawn"),
            };
            view! {
                <tr>
                    <td class=TD>{lang.datetime(v.written_at)}</td>
                    <td class=TD>{what}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Table
            id="history".to_owned()
            caption=caption
            headers=vec![t("declaration-history-when"), t("declaration-history-what")]
        >
            {rows}
        </Table>
    }
    .into_any()
}
