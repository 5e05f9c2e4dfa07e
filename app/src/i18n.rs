//! Languages and messages. Every user-visible string comes from `locales/{fi,sv,en}`.
//! Pages render on the server, so messages are looked up there; an island gets its
//! text as props.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::Loader;
use leptos::prelude::*;

use time::macros::format_description;
use time::{Date, PrimitiveDateTime};
use unic_langid::LanguageIdentifier;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "../locales",
        fallback_language: "fi",
        // No Unicode isolation marks around arguments: screen readers and tests
        // should meet plain text. Counts are shown as the language writes numbers.
        customise: |bundle| {
            bundle.set_use_isolating(false);
            let english = bundle.locales.first().is_some_and(|l| l.language.as_str() == "en");
            bundle.set_formatter(Some(if english { grouped_en } else { grouped_fi_sv }));
        },
    };
}

/// A value for a message's variable: text as it is, or a count — a whole number the
/// message chooses its plural form by (every count goes through a plural selector,
/// `app/tests/locales.rs`), shown in the reader's number format. A number can be
/// passed only as a count ([`count`]): there is no conversion from a number to text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Count(i64),
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Self::Text(s.clone())
    }
}

impl Arg {
    fn value(&self) -> FluentValue<'static> {
        match self {
            Self::Text(s) => FluentValue::from(s.clone()),
            Self::Count(n) => FluentValue::from(*n),
        }
    }
}

/// A count for a message: how many of something (see [`Arg`]).
#[must_use]
pub fn count<N: TryInto<i64>>(n: N) -> Arg {
    Arg::Count(n.try_into().unwrap_or(i64::MAX))
}

/// A whole number with its digits grouped by threes: "5 000" in Finnish and Swedish
/// (a no-break space), "5,000" in English.
#[must_use]
pub fn group_digits(n: i64, separator: char) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('\u{2212}');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Fluent's formatter of numbers (which does not group digits): whole numbers grouped.
fn grouped(value: &FluentValue, separator: char) -> Option<String> {
    match value {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 9.0e15 =>
        {
            #[allow(clippy::cast_possible_truncation)]
            Some(group_digits(n.value as i64, separator))
        }
        _ => None,
    }
}

fn grouped_fi_sv<M>(value: &FluentValue, _: &M) -> Option<String> {
    grouped(value, '\u{a0}')
}

fn grouped_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    grouped(value, ',')
}

/// The languages of the service: the archive's [`archive::model::Language`], one type
/// for a person's choice, a record's language and the page's; what the web side does
/// with it (messages, dates, numbers) is [`LangExt`].
pub use archive::model::Language as Lang;

/// The cookie that keeps the chosen language.
pub const LANG_COOKIE: &str = "omakanta_lang";

/// What the web side does with a language: its messages, and dates, times and numbers
/// as it writes them.
pub trait LangExt: Sized {
    /// The language a code names, in any case (`FI`, `sv`).
    fn parse(code: &str) -> Option<Self>;

    /// The language a request asks for: the cookie, else the browser's preference,
    /// else Finnish.
    fn of_request(headers: &http::HeaderMap) -> Self;

    /// A message in this language.
    fn tr(self, key: &str) -> String;

    /// A message with arguments.
    fn tr_args(self, key: &str, args: &[(&'static str, Arg)]) -> String;

    /// A date as people here write it: 29.11.2026 (fi, sv) or 29/11/2026 (en).
    fn date(self, d: Date) -> String;

    /// A time of day: 14.05 (fi, sv) or 14:05 (en).
    fn time(self, t: PrimitiveDateTime) -> String;

    /// A date and time with the language's word between ("klo", "kl.", "at").
    fn datetime(self, t: PrimitiveDateTime) -> String;

    /// A decimal number with the language's separator (5,4 in fi and sv).
    fn number(self, v: f64) -> String;
}

impl LangExt for Lang {
    fn parse(code: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|l| code.eq_ignore_ascii_case(l.code()))
    }

    fn of_request(headers: &http::HeaderMap) -> Self {
        let from_cookie = cookie_value(headers, LANG_COOKIE).and_then(Self::parse);
        from_cookie
            .or_else(|| {
                headers
                    .get(http::header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| {
                        v.split(',')
                            .filter_map(|part| part.split(';').next())
                            .filter_map(|tag| tag.trim().split('-').next())
                            .find_map(Self::parse)
                    })
            })
            .unwrap_or(Self::Fi)
    }

    fn tr(self, key: &str) -> String {
        LOCALES
            .try_lookup(&langid(self), key)
            .unwrap_or_else(|| key.to_owned())
    }

    fn tr_args(self, key: &str, args: &[(&'static str, Arg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), v.value()))
            .collect();
        LOCALES
            .try_lookup_with_args(&langid(self), key, &map)
            .unwrap_or_else(|| key.to_owned())
    }

    fn date(self, d: Date) -> String {
        let f = match self {
            Self::Fi | Self::Sv => {
                format_description!("[day padding:none].[month padding:none].[year]")
            }
            Self::En => format_description!("[day]/[month]/[year]"),
        };
        d.format(f).unwrap_or_default()
    }

    fn time(self, t: PrimitiveDateTime) -> String {
        let f = match self {
            Self::Fi | Self::Sv => format_description!("[hour].[minute]"),
            Self::En => format_description!("[hour]:[minute]"),
        };
        t.format(f).unwrap_or_default()
    }

    /// Lists show one per row, so the message is looked up once per language (with
    /// markers for its two variables) and filled in here.
    fn datetime(self, t: PrimitiveDateTime) -> String {
        const DATE: &str = "\u{1}";
        const TIME: &str = "\u{2}";
        static TEMPLATES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        let templates = TEMPLATES.get_or_init(|| {
            Self::ALL
                .iter()
                .map(|l| l.tr_args("datetime", &[("date", DATE.into()), ("time", TIME.into())]))
                .collect()
        });
        let index = Self::ALL.iter().position(|l| *l == self).unwrap_or(0);
        templates[index]
            .replace(DATE, &self.date(t.date()))
            .replace(TIME, &self.time(t))
    }

    fn number(self, v: f64) -> String {
        let s = if (v.fract()).abs() < 1e-9 {
            format!("{v:.0}")
        } else if (v * 10.0).fract().abs() < 1e-9 {
            format!("{v:.1}")
        } else {
            format!("{v:.2}")
        };
        match self {
            Self::Fi | Self::Sv => s.replace('.', ",").replace('-', "\u{2212}"),
            Self::En => s,
        }
    }
}

/// The language's identifier for Fluent.
fn langid(lang: Lang) -> LanguageIdentifier {
    match lang {
        Lang::Fi => unic_langid::langid!("fi"),
        Lang::Sv => unic_langid::langid!("sv"),
        Lang::En => unic_langid::langid!("en"),
    }
}

/// The value of the cookie `name` in a request's headers.
#[must_use]
pub fn cookie_value<'a>(headers: &'a http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The language of the page being rendered.
#[must_use]
pub fn lang() -> Lang {
    use_context::<Lang>().unwrap_or(Lang::Fi)
}

/// A message in the page's language.
#[must_use]
pub fn t(key: &str) -> String {
    lang().tr(key)
}

/// A message with arguments in the page's language.
#[must_use]
pub fn t_args(key: &str, args: &[(&'static str, Arg)]) -> String {
    lang().tr_args(key, args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_and_time_reads_as_each_language_writes_it() {
        let at = time::macros::datetime!(2026-03-05 14:05);
        assert_eq!(Lang::Fi.datetime(at), "5.3.2026 klo 14.05");
        assert_eq!(Lang::Sv.datetime(at), "5.3.2026 kl. 14.05");
        assert_eq!(Lang::En.datetime(at), "05/03/2026 at 14:05");
    }

    #[test]
    fn every_language_has_its_own_text() {
        let texts: Vec<String> = Lang::ALL.iter().map(|l| l.tr("nav-records")).collect();
        assert_eq!(texts[0], "Terveystiedot");
        assert_eq!(texts[1], "Hälsouppgifter");
        assert_eq!(texts[2], "Health records");
    }

    #[test]
    fn arguments_come_without_isolation_marks() {
        let s = Lang::En.tr_args("signed-in-as", &[("name", "Aino Virtanen".into())]);
        assert!(s.contains("Aino Virtanen"), "{s}");
        assert!(!s.contains('\u{2068}'));
    }

    #[test]
    fn request_language_prefers_the_cookie_then_the_browser() {
        let mut h = http::HeaderMap::new();
        assert_eq!(Lang::of_request(&h), Lang::Fi);
        h.insert(
            http::header::ACCEPT_LANGUAGE,
            "sv-FI,sv;q=0.9,en;q=0.8".parse().expect("header"),
        );
        assert_eq!(Lang::of_request(&h), Lang::Sv);
        h.insert(
            http::header::COOKIE,
            "a=b; omakanta_lang=en".parse().expect("header"),
        );
        assert_eq!(Lang::of_request(&h), Lang::En);
    }

    #[test]
    fn counts_are_written_as_each_language_writes_numbers() {
        let hint = |lang: Lang| lang.tr_args("a11y-feedback-message-hint", &[("max", count(4000))]);
        assert!(
            hint(Lang::Fi).contains("4\u{a0}000 merkkiä"),
            "{}",
            hint(Lang::Fi)
        );
        assert!(
            hint(Lang::Sv).contains("4\u{a0}000 tecken"),
            "{}",
            hint(Lang::Sv)
        );
        assert!(
            hint(Lang::En).contains("4,000 characters"),
            "{}",
            hint(Lang::En)
        );
        assert_eq!(group_digits(7, ' '), "7");
        assert_eq!(group_digits(999, ' '), "999");
        assert_eq!(group_digits(1000, ' '), "1 000");
        assert_eq!(group_digits(1_234_567, ','), "1,234,567");
        assert_eq!(group_digits(-12_000, ' '), "\u{2212}12 000");
    }

    #[test]
    fn numbers_and_dates_follow_the_language() {
        assert_eq!(Lang::Fi.number(5.4), "5,4");
        assert_eq!(Lang::En.number(5.4), "5.4");
        assert_eq!(Lang::Sv.number(142.0), "142");
        let d = time::macros::date!(2026 - 03 - 05);
        assert_eq!(Lang::Fi.date(d), "5.3.2026");
        assert_eq!(Lang::En.date(d), "05/03/2026");
    }
}
