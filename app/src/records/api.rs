//! The health records' server functions, and the list's query as the URL carries it.

use archive::model::{
    Document, DocumentKind, KindEntry, LabTests, MaybeDelayed, Page, RecordFilter, RecordsPage,
    Summaries,
};
pub use archive::model::{LabTrend, TrendPeriod};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::ui::form::day_range;

/// Documents on one page of the health-records list.
pub const RECORDS_PER_PAGE: u32 = 50;

/// The health-records list as the URL asks for it. `None` for a field means it was not
/// in the URL at all (the first visit); `Some("")` means the person cleared it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordsQuery {
    pub from: Option<String>,
    pub to: Option<String>,
    pub organisation: Option<String>,
    pub kind: Option<String>,
    pub after: Option<String>,
}

/// A page of health records and the filter it was narrowed by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordsView {
    pub filter: RecordFilter,
    pub page: RecordsPage,
}

impl RecordsQuery {
    /// The filter this query asks for; the last twelve months when it asks nothing.
    ///
    /// # Errors
    /// `Invalid` naming every field that is wrong, in the form's order.
    pub fn to_filter(&self, today: time::Date) -> Result<RecordFilter, AppError> {
        let mut problems = Vec::new();
        let mut problem = |field: &str, code: &str| problems.push((field.into(), code.into()));
        let mut filter = if self.from.is_none() && self.to.is_none() {
            RecordFilter::last_twelve_months(today)
        } else {
            RecordFilter::default()
        };
        if self.from.is_some() || self.to.is_some() {
            filter.range = day_range(self.from.as_deref(), self.to.as_deref(), &mut problem);
        }
        match self.organisation.as_deref().map(str::trim) {
            None | Some("") => {}
            Some(s) => match s.parse() {
                Ok(id) => filter.organisation = Some(id),
                Err(_) => problem("organisation", "choice"),
            },
        }
        match self.kind.as_deref().map(str::trim) {
            None | Some("") => {}
            Some(s) => match DocumentKind::from_code(s) {
                Some(kind) => filter.kind = Some(kind),
                None => problem("kind", "choice"),
            },
        }
        AppError::check(problems)?;
        Ok(filter)
    }
}

/// The signed-in person's health records.
#[server(prefix = "/api", endpoint = "records")]
pub async fn list_health_records(query: RecordsQuery) -> Result<RecordsView, AppError> {
    use crate::ssr::{context_archive, subject_access};
    let access = subject_access().await?;
    let filter = query.to_filter(context_archive()?.clock().today())?;
    let page = access
        .health_records(&filter, query.after.as_deref(), RECORDS_PER_PAGE)
        .await?;
    Ok(RecordsView { filter, page })
}

/// A page of a summary of one kind and the filter (kind and range) it was read by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KindSummaryView {
    pub filter: RecordFilter,
    pub entries: Page<MaybeDelayed<KindEntry>>,
}

/// Every entry of one kind (the query's `kind`) of the signed-in person in the query's
/// range, with its text and values, a page at a time.
#[server(prefix = "/api", endpoint = "kind-summary")]
pub async fn read_kind_summary(query: RecordsQuery) -> Result<KindSummaryView, AppError> {
    use crate::ssr::{context_archive, subject_access};
    let access = subject_access().await?;
    let filter = query.to_filter(context_archive()?.clock().today())?;
    let kind = filter
        .kind
        .ok_or_else(|| AppError::invalid("kind", "choice"))?;
    let entries = access
        .kind_summary(kind, filter.range, query.after.as_deref(), RECORDS_PER_PAGE)
        .await?;
    Ok(KindSummaryView { filter, entries })
}

/// One document of the signed-in person, or that it is not shown yet.
#[server(prefix = "/api", endpoint = "document")]
pub async fn read_document(id: String) -> Result<MaybeDelayed<Document>, AppError> {
    use crate::ssr::subject_access;
    let id = id.parse().map_err(|_| AppError::NotFound)?;
    Ok(subject_access().await?.document(id).await?)
}

/// Diagnoses, risk information and vaccinations of the signed-in person.
#[server(prefix = "/api", endpoint = "summaries")]
pub async fn read_summaries() -> Result<Summaries, AppError> {
    use crate::ssr::subject_access;
    Ok(subject_access().await?.summaries().await?)
}

/// The laboratory tests of the signed-in person, and the results not shown yet.
#[server(prefix = "/api", endpoint = "lab-tests")]
pub async fn read_lab_tests() -> Result<LabTests, AppError> {
    use crate::ssr::subject_access;
    Ok(subject_access().await?.lab_tests().await?)
}

/// All results of one laboratory test of the signed-in person within a period: the
/// test of the result `id` (an opaque id; no address names a test).
#[server(prefix = "/api", endpoint = "lab-series")]
pub async fn read_lab_series(id: String, period: Option<String>) -> Result<LabTrend, AppError> {
    use crate::ssr::{context_archive, subject_access};
    let id = id.parse().map_err(|_| AppError::NotFound)?;
    let period = match period.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(code) => Some(
            TrendPeriod::from_code(code).ok_or_else(|| AppError::invalid("period", "choice"))?,
        ),
    };
    let series = subject_access().await?.lab_series(id).await?;
    Ok(LabTrend::within(
        series,
        period,
        context_archive()?.clock().today(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn q(from: Option<&str>, to: Option<&str>) -> RecordsQuery {
        RecordsQuery {
            from: from.map(Into::into),
            to: to.map(Into::into),
            ..RecordsQuery::default()
        }
    }

    #[test]
    fn first_visit_shows_the_last_twelve_months() {
        let f = RecordsQuery::default()
            .to_filter(date!(2026 - 11 - 29))
            .expect("valid");
        assert_eq!(f.range.from, Some(date!(2025 - 11 - 29)));
        assert_eq!(f.range.to, Some(date!(2026 - 11 - 29)));
    }

    #[test]
    fn cleared_dates_mean_all_time() {
        let f = q(Some(""), Some(""))
            .to_filter(date!(2026 - 11 - 29))
            .expect("valid");
        assert_eq!(f.range.from, None);
        assert_eq!(f.range.to, None);
    }

    #[test]
    fn dates_may_be_typed_the_finnish_way() {
        let f = q(Some("5.3.2026"), Some("05/04/2026"))
            .to_filter(date!(2026 - 11 - 29))
            .expect("valid");
        assert_eq!(f.range.from, Some(date!(2026 - 03 - 05)));
        assert_eq!(f.range.to, Some(date!(2026 - 04 - 05)));
    }

    #[test]
    fn bad_dates_are_named() {
        let today = date!(2026 - 11 - 29);
        assert_eq!(
            q(Some("2026-13-01"), None).to_filter(today),
            Err(AppError::invalid("from", "date-format"))
        );
        assert_eq!(
            q(Some("2026-05-01"), Some("2026-04-01")).to_filter(today),
            Err(AppError::invalid("to", "date-order"))
        );
        let bad_kind = RecordsQuery {
            kind: Some("x".into()),
            ..RecordsQuery::default()
        };
        assert_eq!(
            bad_kind.to_filter(today),
            Err(AppError::invalid("kind", "choice"))
        );
    }

    #[test]
    fn every_wrong_field_is_named_at_once() {
        let all_wrong = RecordsQuery {
            from: Some("32.1.2026".into()),
            to: Some("eilen".into()),
            organisation: Some("x".into()),
            kind: Some("x".into()),
            after: None,
        };
        let fields = |e: Result<RecordFilter, AppError>| match e {
            Err(AppError::Invalid { fields }) => fields,
            other => panic!("expected Invalid, got {other:?}"),
        };
        let named = fields(all_wrong.to_filter(date!(2026 - 11 - 29)));
        let named: Vec<(&str, &str)> = named
            .iter()
            .map(|(f, c)| (f.as_str(), c.as_str()))
            .collect();
        assert_eq!(
            named,
            [
                ("from", "date-format"),
                ("to", "date-format"),
                ("organisation", "choice"),
                ("kind", "choice")
            ]
        );
    }
}
