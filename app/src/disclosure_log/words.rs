//! The log's words, in a language given: the page's and the CSV file's.

use archive::model::{Asked, LoggedAction, Outcome};
use archive::Action;

use crate::i18n::{count, Lang, LangExt as _};

/// The message id that says in words what an audited action did.
#[must_use]
pub fn action_key(action: Action) -> String {
    format!("action-{}", action.code().replace('.', "-"))
}

/// Who acted, by which right or in which role.
pub fn right_or_role(lang: Lang, e: &LoggedAction) -> String {
    match &e.provider {
        Some(p) => lang.tr(&format!("query-role-{}", p.role.code())),
        None => lang.tr(&format!("right-{}", e.right.map_or("none", |r| r.code()))),
    }
}

/// Why: the organisation's stated purpose, or a person's affairs in OmaKanta.
pub fn purpose(lang: Lang, e: &LoggedAction) -> String {
    match &e.provider {
        Some(p) => lang.tr(&format!("purpose-{}", p.purpose.code())),
        None => lang.tr("purpose-citizen-service"),
    }
}

/// What was done, in words; a refused attempt said so.
pub fn what(lang: Lang, e: &LoggedAction) -> String {
    let done = lang.tr(&action_key(e.action));
    if e.outcome == Outcome::Done {
        done
    } else {
        lang.tr_args("disclosure-log-refused", &[("what", done.into())])
    }
}

/// How many documents or prescriptions a query was given, in words.
pub fn disclosed_count(lang: Lang, action: Action, n: u32) -> Option<String> {
    match Asked::of_action(action)? {
        Asked::Documents => Some(lang.tr_args("disclosure-log-documents", &[("count", count(n))])),
        Asked::Prescriptions => {
            Some(lang.tr_args("disclosure-log-prescriptions", &[("count", count(n))]))
        }
        Asked::Wellbeing => {
            Some(lang.tr_args("disclosure-log-measurements", &[("count", count(n))]))
        }
        Asked::Declarations => None,
    }
}
