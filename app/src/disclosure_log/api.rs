//! The disclosure log's server functions, and its filter as the URL carries it.

use archive::model::{DisclosureLog, LogEntry, LogFilter};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::ui::form::day_range;

/// Entries on one page of the log.
pub const ENTRIES_PER_PAGE: u32 = 50;

/// The log's filter as the URL asks for it. `None` for a field means it was not in
/// the URL (the first visit: the last two years); `Some("")` that it was cleared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogQuery {
    pub from: Option<String>,
    pub to: Option<String>,
    pub organisation: Option<String>,
    pub after: Option<String>,
}

impl LogQuery {
    /// The filter this query asks for; the last two years when it asks no days.
    ///
    /// # Errors
    /// `Invalid` naming every field that is wrong, in the form's order.
    pub fn to_filter(&self, today: time::Date) -> Result<LogFilter, AppError> {
        let mut problems = Vec::new();
        let mut problem = |field: &str, code: &str| problems.push((field.into(), code.into()));
        let mut filter = if self.from.is_none() && self.to.is_none() {
            LogFilter::last_two_years(today)
        } else {
            LogFilter {
                range: day_range(self.from.as_deref(), self.to.as_deref(), &mut problem),
                organisation: None,
            }
        };
        match self.organisation.as_deref().map(str::trim) {
            None | Some("") => {}
            Some(s) => match s.parse() {
                Ok(id) => filter.organisation = Some(id),
                Err(_) => problem("organisation", "choice"),
            },
        }
        AppError::check(problems)?;
        Ok(filter)
    }

    /// The query string of this filter (without the cursor), for the next page's and
    /// the CSV file's addresses: what was asked, or the days the filter used.
    #[must_use]
    pub fn filter_params(&self, filter: &LogFilter) -> String {
        let day = |typed: &Option<String>, used| crate::ui::form::day_shown(typed.as_deref(), used);
        format!(
            "from={}&to={}&organisation={}",
            crate::ui::enc(&day(&self.from, filter.range.from)),
            crate::ui::enc(&day(&self.to, filter.range.to)),
            filter
                .organisation
                .map(|o| o.to_string())
                .unwrap_or_default()
        )
    }
}

/// A page of the log and the filter it was narrowed by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogView {
    pub filter: LogFilter,
    pub log: DisclosureLog,
}

/// What others did with the person's data, as `query` narrows it, a page at a time;
/// and the certificates forwarded to other organisations (the person's own section).
#[server(prefix = "/api", endpoint = "disclosure-log")]
pub async fn read_disclosure_log(query: LogQuery) -> Result<LogView, AppError> {
    use crate::ssr::{context_archive, subject_access};
    let access = subject_access().await?;
    let filter = query.to_filter(context_archive()?.clock().today())?;
    let log = access
        .disclosure_log(&filter, query.after.as_deref(), ENTRIES_PER_PAGE)
        .await?;
    Ok(LogView { filter, log })
}

/// One entry of the log and what it disclosed.
#[server(prefix = "/api", endpoint = "disclosure-log-entry")]
pub async fn read_disclosure_entry(key: String) -> Result<LogEntry, AppError> {
    use crate::ssr::subject_access;
    Ok(subject_access().await?.disclosure_entry(&key).await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_first_visit_shows_two_years_and_every_wrong_field_is_named() {
        let today = date!(2026 - 12 - 06);
        let first = LogQuery::default().to_filter(today).expect("default");
        assert_eq!(first.range.from, Some(date!(2024 - 12 - 06)));
        assert_eq!(first.range.to, Some(today));
        let cleared = LogQuery {
            from: Some(String::new()),
            to: Some(String::new()),
            ..LogQuery::default()
        };
        assert_eq!(cleared.to_filter(today).expect("all").range.from, None);
        let wrong = LogQuery {
            from: Some("5.13.2026".into()),
            to: Some("1.1.2020".into()),
            organisation: Some("HUS".into()),
            after: None,
        };
        let Err(AppError::Invalid { fields }) = wrong.to_filter(today) else {
            panic!("accepted");
        };
        let named: Vec<&str> = fields.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(named, ["from", "organisation"]);
        let backwards = LogQuery {
            from: Some("2026-02-01".into()),
            to: Some("1.1.2026".into()),
            ..LogQuery::default()
        };
        let Err(AppError::Invalid { fields }) = backwards.to_filter(today) else {
            panic!("accepted");
        };
        assert_eq!(fields, [("to".to_owned(), "date-order".to_owned())]);
    }
}
