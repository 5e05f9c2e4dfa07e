//! Forms: what is wrong with one ([`FormError`], the [`ErrorSummary`] first on the page),
//! a field's hint and error with the `aria-*` that tie them to its control, the text
//! area, and the answer to a form posted to its page's own address ([`form_page`],
//! [`posted`]: 303 on success, 422 with everything as typed on an error).

use leptos::prelude::*;

use super::{CHOICE, LINK};
use crate::error::AppError;
use crate::i18n::{count, t, t_args};

mod days;
mod posted;
pub use days::{day_range, day_shown};
pub use posted::{form_page, posted, FormPage, PostedForm};

/// What is wrong with a form: each wrong field (its control's id) with its message, in
/// the form's order; empty when nothing is.
pub type FormError = Vec<(String, String)>;

/// Give a consent or choice, or withdraw it, as a form or an address says which.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    #[default]
    Give,
    Withdraw,
}

impl Change {
    /// As the address and the form carry it.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Give => "give",
            Self::Withdraw => "withdraw",
        }
    }
}

/// The message of `error` about `field`, when there is one.
#[must_use]
pub fn error_for(error: &[(String, String)], field: &str) -> Option<String> {
    error
        .iter()
        .find(|(f, _)| f == field)
        .map(|(_, message)| message.clone())
}

/// What an invalid field or a refusing rule's `code` says, in words: a limit is said
/// with its number, from the constant the archive enforces.
#[must_use]
pub fn invalid_text(code: &str) -> String {
    use archive::model::{
        MAX_CONTACT_CHARS, MAX_DONATION_NOTES_CHARS, MAX_FEEDBACK_CHARS, MAX_PAGE_CHARS,
    };
    use archive::{MAX_MESSAGE_CHARS, MAX_WISHES_CHARS};
    // Each id written out, so the locale test sees what each is given.
    match code {
        "message-too-long" => t_args(
            "error-invalid-message-too-long",
            &[("max", count(MAX_MESSAGE_CHARS))],
        ),
        "wishes-too-long" => t_args(
            "error-invalid-wishes-too-long",
            &[("max", count(MAX_WISHES_CHARS))],
        ),
        "donation-notes-too-long" => t_args(
            "error-invalid-donation-notes-too-long",
            &[("max", count(MAX_DONATION_NOTES_CHARS))],
        ),
        "feedback-too-long" => t_args(
            "error-invalid-feedback-too-long",
            &[("max", count(MAX_FEEDBACK_CHARS))],
        ),
        "contact-too-long" => t_args(
            "error-invalid-contact-too-long",
            &[("max", count(MAX_CONTACT_CHARS))],
        ),
        "page-too-long" => t_args(
            "error-invalid-page-too-long",
            &[("max", count(MAX_PAGE_CHARS))],
        ),
        _ => t(&format!("error-invalid-{code}")),
    }
}

/// Each wrong field of `e` with its message in words, when `e` is about fields.
#[must_use]
pub fn field_errors(e: &AppError) -> Option<FormError> {
    match e {
        AppError::Invalid { fields } => Some(
            fields
                .iter()
                .map(|(field, code)| (field.clone(), invalid_text(code)))
                .collect(),
        ),
        _ => None,
    }
}

/// The list of everything wrong with a form, first on the page, each linked to its
/// field. It takes the focus as the page loads (`autofocus`, so with JavaScript off as
/// well), so a screen reader reads it first and Tab goes on to its links.
#[component]
pub fn ErrorSummary(error: FormError) -> impl IntoView {
    (!error.is_empty()).then(|| {
        view! {
            <div
                role="alert"
                tabindex="-1"
                autofocus=true
                aria-labelledby="error-summary-title"
                class="mb-6 rounded border-l-4 border-red-700 bg-red-50 p-4 focus:outline focus:outline-2 focus:outline-offset-2 focus:outline-red-800"
            >
                <h2 id="error-summary-title" class="text-xl font-semibold">
                    {t("error-summary-title")}
                </h2>
                <ul class="list-disc pl-6">
                    {error
                        .into_iter()
                        .map(|(field, message)| {
                            view! {
                                <li>
                                    <a class=LINK href=format!("#{field}")>
                                        {message}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}

/// The id of a field's error message.
#[must_use]
pub fn error_id(field: &str) -> String {
    format!("{field}-error")
}

/// What a control's `aria-describedby` names: its hint (when it has one) and its error
/// (when there is one).
#[must_use]
pub fn described_by(field: &str, hint: bool, error: bool) -> Option<String> {
    let ids: Vec<String> = [
        hint.then(|| format!("{field}-hint")),
        error.then(|| error_id(field)),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A field's error message, under its label, with the id its control points at.
#[component]
pub fn FieldError(field: String, message: Option<String>) -> impl IntoView {
    message.map(|m| {
        view! {
            <p id=error_id(&field) class="font-semibold text-red-800">
                {m}
            </p>
        }
    })
}

/// What goes between a text area's tags for it to hold `text` exactly: its markup
/// characters as references (a text area decodes them; Leptos writes a text area's
/// children unescaped, as it does a script's), after a newline (the parser drops one
/// newline after the start tag, which would eat the text's own first one).
#[must_use]
pub fn text_area_content(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    out.push('\n');
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// A field's label, its hint (when it has one) and its error, with the ids its control
/// points at ([`described_by`]).
#[component]
fn FieldHead(
    name: &'static str,
    label: String,
    hint: Option<String>,
    error: Option<String>,
) -> impl IntoView {
    view! {
        <label for=name class="font-semibold">
            {label}
        </label>
        {hint.map(|h| view! { <p id=format!("{name}-hint") class="text-sm">{h}</p> })}
        <FieldError field=name.to_owned() message=error />
    }
}

/// A labelled text area with its hint and error, holding `value` exactly as typed
/// (through [`text_area_content`], the one way text goes into a text area).
#[component]
pub fn TextArea(
    /// The control's id and name.
    name: &'static str,
    label: String,
    hint: String,
    value: String,
    error: Option<String>,
    rows: u32,
    maxlength: usize,
    /// The language `value` is written in, when it may not be the page's.
    #[prop(default = None)]
    lang: Option<&'static str>,
) -> impl IntoView {
    let invalid = error.is_some();
    view! {
        <div class="flex flex-col gap-1">
            <FieldHead name label hint=Some(hint) error />
            <textarea
                id=name
                name=name
                lang=lang
                rows=rows
                maxlength=maxlength
                class="w-full rounded border border-slate-500 bg-white p-2"
                aria-invalid=invalid.then_some("true")
                aria-describedby=described_by(name, true, invalid)
                inner_html=text_area_content(&value)
            ></textarea>
        </div>
    }
}

/// A labelled one-line text field with its error, holding `value` as typed.
#[component]
pub fn TextInput(
    /// The control's id and name.
    name: &'static str,
    label: String,
    value: String,
    error: Option<String>,
    maxlength: usize,
    /// What the browser may fill in (`email`, …); nothing when not given.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// A hint under the label (the unit and range of a measurement, say).
    #[prop(optional)]
    hint: Option<String>,
    /// The keyboard a phone shows (`decimal`, `numeric`).
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// The control's type, when not `text` (`time`).
    #[prop(optional)]
    input_type: Option<&'static str>,
) -> impl IntoView {
    let invalid = error.is_some();
    let has_hint = hint.is_some();
    view! {
        <div class="flex flex-col gap-1">
            <FieldHead name label hint error />
            <input
                type=input_type.unwrap_or("text")
                id=name
                name=name
                value=value
                maxlength=maxlength
                autocomplete=autocomplete
                inputmode=inputmode
                class="min-h-11 w-full rounded border border-slate-500 bg-white px-2"
                aria-invalid=invalid.then_some("true")
                aria-describedby=described_by(name, has_hint, invalid)
            />
        </div>
    }
}

/// A labelled date field with its error, holding `value` as typed (a browser without
/// a date picker lets people type 5.3.2026).
#[component]
pub fn DateInput(
    /// The control's id and name.
    name: &'static str,
    label: String,
    value: String,
    error: Option<String>,
) -> impl IntoView {
    let invalid = error.is_some();
    view! {
        <div class="flex flex-col">
            <FieldHead name label hint=None error />
            <input
                type="date"
                id=name
                name=name
                value=value
                aria-invalid=invalid.then_some("true")
                aria-describedby=described_by(name, false, invalid)
                class="rounded border border-slate-500 px-2 py-1"
            />
        </div>
    }
}

/// One choice of several (radio buttons) with its legend and error; `children` (a
/// submit button, say) follow the choices inside the group. The error summary links
/// to the first choice, whose id is `name`. In a row (a filter's choices), or
/// `stacked` in a box, one choice a line, one of them required (a form's question).
#[component]
pub fn RadioGroup(
    /// The group's name; the first choice's id.
    name: &'static str,
    legend: String,
    /// Each choice's value and label, in order.
    choices: Vec<(&'static str, String)>,
    chosen: Option<&'static str>,
    error: Option<String>,
    #[prop(optional)] stacked: bool,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let invalid = error.is_some();
    let (group, legend_class, choice) = if stacked {
        (
            "rounded border border-slate-300 p-4",
            "px-1 font-semibold",
            "mt-2 flex items-start gap-2",
        )
    } else {
        (
            "flex flex-wrap items-center gap-x-4 gap-y-2",
            "mb-1 font-semibold",
            "flex items-center gap-2",
        )
    };
    view! {
        <fieldset class=group aria-describedby=invalid.then(|| error_id(name))>
            <legend class=legend_class>{legend}</legend>
            <FieldError field=name.to_owned() message=error />
            {choices
                .into_iter()
                .enumerate()
                .map(|(i, (value, label))| {
                    let id = if i == 0 { name.to_owned() } else { format!("{name}-{value}") };
                    view! {
                        <div class=choice>
                            <input
                                type="radio"
                                id=id.clone()
                                name=name
                                value=value
                                required=stacked
                                checked=chosen == Some(value)
                                class=CHOICE
                                aria-invalid=invalid.then_some("true")
                            />
                            <label for=id>{label}</label>
                        </div>
                    }
                })
                .collect_view()}
            {children.map(|c| c())}
        </fieldset>
    }
}

/// A labelled choice from a list, with its hint (when given) and error; the first
/// option, with an empty value, says what choosing none means (`none`).
#[component]
pub fn Select(
    /// The control's id and name.
    name: &'static str,
    label: String,
    #[prop(optional)] hint: Option<String>,
    error: Option<String>,
    /// The option with an empty value, first.
    none: String,
    /// Each choice's value and text, in order.
    choices: Vec<(String, String)>,
    /// The value chosen now.
    chosen: String,
    #[prop(optional)] required: bool,
    /// The name it is sent under, when not its id (two forms of a page sending the
    /// same parameter).
    #[prop(optional)]
    sent_as: Option<&'static str>,
) -> impl IntoView {
    let invalid = error.is_some();
    let has_hint = hint.is_some();
    view! {
        // As wide as its longest choice, but never wider than the screen.
        <div class="flex min-w-0 max-w-full flex-col gap-1">
            <FieldHead name label hint error />
            <select
                id=name
                name=sent_as.unwrap_or(name)
                required=required
                class="min-h-11 w-full max-w-full rounded border border-slate-500 bg-white px-2"
                aria-invalid=invalid.then_some("true")
                aria-describedby=described_by(name, has_hint, invalid)
            >
                <option value="">{none}</option>
                {choices
                    .into_iter()
                    .map(|(value, text)| {
                        let selected = value == chosen;
                        view! {
                            <option value=value selected=selected>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A fresh idempotency key for a form (only the server renders forms).
#[must_use]
pub fn fresh_key() -> String {
    #[cfg(feature = "ssr")]
    {
        crate::ssr::idempotency_key()
    }
    #[cfg(not(feature = "ssr"))]
    {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::text_area_content;

    #[test]
    fn text_area_content_is_inert_and_keeps_a_first_newline() {
        assert_eq!(
            text_area_content("</textarea><b>&amp;"),
            "\n&lt;/textarea&gt;&lt;b&gt;&amp;amp;"
        );
        assert_eq!(text_area_content("\nrivi"), "\n\nrivi");
    }
}

/// A group of checkboxes under its legend: each of `options` (its name, label and
/// whether it is ticked) posts `yes` under its own name when ticked.
#[component]
pub fn CheckboxGroup(
    legend: String,
    options: Vec<(String, String, bool)>,
    /// Named by the choices' `aria-describedby` when the group they belong to is wrong.
    described_by: Option<String>,
) -> impl IntoView {
    view! {
        <fieldset class="rounded border border-slate-300 p-4">
            <legend class="px-1 font-semibold">{legend}</legend>
            {options
                .into_iter()
                .map(|(name, label, checked)| {
                    let id = name.clone();
                    view! {
                        <div class="mt-2 flex items-start gap-2">
                            <input
                                type="checkbox"
                                id=id.clone()
                                name=name
                                value="yes"
                                checked=checked
                                class=CHOICE
                                aria-invalid=described_by.is_some().then_some("true")
                                aria-describedby=described_by.clone()
                            />
                            <label for=id>{label}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// One box that must be ticked to go on (a confirmation, "I have read it"), with its
/// error above it: posts `yes` under `name` when ticked.
#[component]
pub fn ConfirmBox(
    /// The box's id and name, and the error's field.
    name: &'static str,
    label: String,
    error: Option<String>,
) -> impl IntoView {
    let invalid = error.is_some();
    view! {
        <FieldError field=name.to_owned() message=error />
        <div class="flex items-start gap-2">
            <input
                type="checkbox"
                id=name
                name=name
                value="yes"
                required
                class=CHOICE
                aria-invalid=invalid.then_some("true")
                aria-describedby=invalid.then(|| error_id(name))
            />
            <label for=name>{label}</label>
        </div>
    }
}
