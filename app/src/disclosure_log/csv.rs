//! The disclosure log as a CSV file: UTF-8 with a byte order mark, so spreadsheet
//! programs read ä and ö; a header row in the reader's language, then one row an
//! entry, in the page's words (`super::words`). Written by the `csv` crate, which
//! quotes what needs quoting.

use archive::model::LoggedAction;

use super::words::{purpose, right_or_role, what};
use crate::i18n::{Lang, LangExt as _};

/// The byte order mark that tells a spreadsheet program the file is UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The file of `entries`, in `lang`.
///
/// # Errors
/// When a row cannot be written (never, to memory).
pub fn write(entries: &[LoggedAction], lang: Lang) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(BOM.to_vec());
    out.write_record([
        lang.tr("disclosure-log-when"),
        lang.tr("disclosure-log-who"),
        lang.tr("disclosure-entry-unit"),
        lang.tr("disclosure-log-right"),
        lang.tr("disclosure-log-why"),
        lang.tr("disclosure-log-what"),
        lang.tr("disclosure-log-disclosed"),
        lang.tr("disclosure-log-kept-back"),
    ])?;
    for e in entries {
        let provider = e.provider.as_ref();
        out.write_record([
            lang.datetime(e.at),
            e.actor_name.clone(),
            provider.and_then(|p| p.unit.clone()).unwrap_or_default(),
            right_or_role(lang, e),
            purpose(lang, e),
            what(lang, e),
            provider
                .map(|p| p.disclosed.to_string())
                .unwrap_or_default(),
            provider.map(|p| p.withheld.to_string()).unwrap_or_default(),
        ])?;
    }
    out.into_inner().map_err(|e| e.into_error().into())
}
