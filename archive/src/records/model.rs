//! The health records' model: documents by service event, summaries, laboratory
//! results. Shared with the web side.

use serde::{Deserialize, Serialize};
use time::{Date, PrimitiveDateTime};

use crate::model::{id_type, Coding, DateRange, Language, OrganisationId, OrganisationRef, Page};

/// The most documents one page may hold.
pub const MAX_PAGE: u32 = 200;

id_type!(ServiceEventId);
id_type!(DocumentId);

/// The kinds of health-record entry the archive holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    VisitNote,
    Diagnosis,
    RiskInformation,
    Vaccination,
    Procedure,
    LabResult,
    ImagingStudy,
    /// Height, weight or blood pressure measured by a professional.
    Measurement,
    Referral,
    CarePlan,
}

crate::codes! {
    /// The stable code used in storage, URLs and message ids.
    DocumentKind {
        VisitNote => "visit-note",
        Diagnosis => "diagnosis",
        RiskInformation => "risk",
        Vaccination => "vaccination",
        Procedure => "procedure",
        LabResult => "lab-result",
        ImagingStudy => "imaging",
        Measurement => "measurement",
        Referral => "referral",
        CarePlan => "care-plan",
    }
}

/// Whether a service event was a single visit or a longer course of treatment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ServiceEventKind {
    Visit,
    CourseOfTreatment,
}

crate::codes! {
    ServiceEventKind {
        Visit => "visit",
        CourseOfTreatment => "course",
    }
}

/// How a laboratory value relates to its reference range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AbnormalFlag {
    Normal,
    Low,
    High,
}

impl AbnormalFlag {
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Normal => "N",
            Self::Low => "L",
            Self::High => "H",
        }
    }

    #[must_use]
    pub fn from_code(code: &str) -> Self {
        match code {
            "L" => Self::Low,
            "H" => Self::High,
            _ => Self::Normal,
        }
    }

    /// The flag a value earns against a reference range.
    #[must_use]
    pub fn of(value: f64, low: Option<f64>, high: Option<f64>) -> Self {
        match (low, high) {
            (Some(l), _) if value < l => Self::Low,
            (_, Some(h)) if value > h => Self::High,
            _ => Self::Normal,
        }
    }
}

/// A laboratory result's value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabValue {
    pub test_code: String,
    pub test_name: String,
    pub value: f64,
    pub unit: String,
    pub reference_low: Option<f64>,
    pub reference_high: Option<f64>,
    pub flag: AbnormalFlag,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceEventRef {
    pub id: ServiceEventId,
    pub kind: ServiceEventKind,
    pub title: String,
    /// The language its title is written in.
    pub language: Language,
}

/// One line of the health-records list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentSummary {
    pub id: DocumentId,
    pub kind: DocumentKind,
    pub recorded_at: PrimitiveDateTime,
    pub title: String,
    pub organisation: OrganisationRef,
    pub unit: String,
    pub professional: Option<String>,
    pub service_event: ServiceEventRef,
    /// The language its title and text are written in.
    pub language: Language,
    /// The code of what it records (ICD-10, ATC, the imaging or procedure code list),
    /// when it has one.
    pub code: Option<String>,
}

/// A document a professional has delayed (until the doctor has talked it through,
/// say): that it exists, its kind, its organisation and when it appears; never its
/// title, text, code, value, unit, professional or service event, which could tell
/// what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelayedDocument {
    pub id: DocumentId,
    pub kind: DocumentKind,
    pub organisation: OrganisationRef,
    /// Finnish local time from which it is shown.
    pub appears_at: PrimitiveDateTime,
}

/// What the person may see of a document now: all of it, or that it is delayed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum MaybeDelayed<T> {
    Shown(T),
    Delayed(DelayedDocument),
}

impl<T> MaybeDelayed<T> {
    /// What is shown, unless it is delayed.
    #[must_use]
    pub const fn shown(&self) -> Option<&T> {
        match self {
            Self::Shown(t) => Some(t),
            Self::Delayed(_) => None,
        }
    }

    /// That it is delayed, and until when.
    #[must_use]
    pub const fn delayed(&self) -> Option<&DelayedDocument> {
        match self {
            Self::Shown(_) => None,
            Self::Delayed(d) => Some(d),
        }
    }
}

impl MaybeDelayed<DocumentSummary> {
    /// The document's id, shown or not.
    #[must_use]
    pub const fn id(&self) -> DocumentId {
        match self {
            Self::Shown(d) => d.id,
            Self::Delayed(d) => d.id,
        }
    }

    #[must_use]
    pub const fn kind(&self) -> DocumentKind {
        match self {
            Self::Shown(d) => d.kind,
            Self::Delayed(d) => d.kind,
        }
    }

    #[must_use]
    pub const fn organisation(&self) -> &OrganisationRef {
        match self {
            Self::Shown(d) => &d.organisation,
            Self::Delayed(d) => &d.organisation,
        }
    }
}

impl MaybeDelayed<KindEntry> {
    /// The document's id, shown or not.
    #[must_use]
    pub const fn id(&self) -> DocumentId {
        match self {
            Self::Shown(e) => e.summary.id,
            Self::Delayed(d) => d.id,
        }
    }
}

/// A whole document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub summary: DocumentSummary,
    /// Free text: a visit note, an imaging report, a description of a risk.
    pub text: Option<String>,
    pub coding: Option<Coding>,
    pub lab: Option<LabValue>,
    /// What a professional measured (a measurement's values), in order.
    pub values: Vec<MeasuredValue>,
}

/// One value of a measurement a professional recorded: a height, a weight, or the
/// systolic or diastolic pressure of a blood pressure (LOINC codes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasuredValue {
    pub code: String,
    pub value: f64,
    pub unit: String,
}

/// One entry of a summary of one kind: the document, its text (an imaging report, a
/// referral, a care plan) and what it measured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KindEntry {
    pub summary: DocumentSummary,
    pub text: Option<String>,
    pub values: Vec<MeasuredValue>,
}

/// What the health-records list is narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordFilter {
    pub range: DateRange,
    pub organisation: Option<OrganisationId>,
    pub kind: Option<DocumentKind>,
}

impl RecordFilter {
    /// The default view: the last twelve months up to `today`.
    #[must_use]
    pub fn last_twelve_months(today: Date) -> Self {
        let from = today
            .replace_year(today.year() - 1)
            .unwrap_or_else(|_| today - time::Duration::days(365));
        Self {
            range: DateRange {
                from: Some(from),
                to: Some(today),
            },
            ..Self::default()
        }
    }
}

/// The health-records list with the organisations the person's records come from (for the filter).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordsPage {
    pub documents: Page<MaybeDelayed<DocumentSummary>>,
    pub organisations: Vec<OrganisationRef>,
}

/// One entry in a summary (a diagnosis, a risk, a vaccination).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryEntry {
    pub coding: Coding,
    pub first_recorded: PrimitiveDateTime,
    pub last_recorded: PrimitiveDateTime,
    pub times: i64,
    pub latest_document: DocumentId,
    pub text: Option<String>,
    /// The language of the display name and text (those of the latest document).
    pub language: Language,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summaries {
    pub diagnoses: Vec<SummaryEntry>,
    pub risks: Vec<SummaryEntry>,
    pub vaccinations: Vec<SummaryEntry>,
    /// Diagnoses, risk information and vaccinations not shown yet, soonest first.
    pub delayed: Vec<DelayedDocument>,
}

/// One measurement of a laboratory test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabPoint {
    pub document: DocumentId,
    pub taken_at: PrimitiveDateTime,
    pub value: f64,
    pub flag: AbnormalFlag,
}

/// A laboratory test the person has results of, with the latest one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabTest {
    pub test_code: String,
    pub test_name: String,
    pub unit: String,
    pub reference_low: Option<f64>,
    pub reference_high: Option<f64>,
    pub latest: LabPoint,
    pub count: i64,
}

/// The laboratory tests the person has results of, and the results not shown yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabTests {
    pub tests: Vec<LabTest>,
    /// Results not shown yet, soonest first (their tests are not named).
    pub delayed: Vec<DelayedDocument>,
}

/// All results of one test, oldest first, for a trend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabSeries {
    pub test_code: String,
    pub test_name: String,
    pub unit: String,
    pub reference_low: Option<f64>,
    pub reference_high: Option<f64>,
    pub points: Vec<LabPoint>,
}

/// How far back a laboratory trend reaches, so that a long series stays readable on a
/// narrow screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TrendPeriod {
    Year,
    FiveYears,
    All,
}

crate::codes! {
    /// The code the address carries (`?period=5y`), also its message id's end.
    TrendPeriod {
        Year => "1y",
        FiveYears => "5y",
        All => "all",
    }
}

impl TrendPeriod {
    /// The first day of the period that ends `today`; `None` for all.
    #[must_use]
    pub fn since(self, today: Date) -> Option<Date> {
        let years_back = |n: i32| {
            today
                .replace_year(today.year() - n)
                .unwrap_or_else(|_| today - time::Duration::days(365 * i64::from(n)))
        };
        match self {
            Self::Year => Some(years_back(1)),
            Self::FiveYears => Some(years_back(5)),
            Self::All => None,
        }
    }
}

/// One test's results within a period: the plot and the table show the same points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabTrend {
    pub series: LabSeries,
    pub period: TrendPeriod,
    /// Results before the period, not shown.
    pub earlier: usize,
}

impl LabTrend {
    /// `series` narrowed to `period` (ending `today`); with no period asked for, five
    /// years, or all when none of the results is that recent.
    #[must_use]
    pub fn within(mut series: LabSeries, period: Option<TrendPeriod>, today: Date) -> Self {
        let recent = |p: TrendPeriod| {
            let since = p.since(today);
            move |point: &LabPoint| since.is_none_or(|s| point.taken_at.date() >= s)
        };
        let period = period.unwrap_or_else(|| {
            if series.points.iter().any(recent(TrendPeriod::FiveYears)) {
                TrendPeriod::FiveYears
            } else {
                TrendPeriod::All
            }
        });
        let before = series.points.len();
        series.points.retain(recent(period));
        Self {
            earlier: before - series.points.len(),
            series,
            period,
        }
    }
}

#[cfg(test)]
mod trend_tests {
    use super::*;
    use time::macros::date;

    fn series(days: &[&str]) -> LabSeries {
        LabSeries {
            test_code: "B-Hb".into(),
            test_name: "Hemoglobiini".into(),
            unit: "g/L".into(),
            reference_low: None,
            reference_high: None,
            points: days
                .iter()
                .enumerate()
                .map(|(i, d)| LabPoint {
                    document: DocumentId::from_raw(i64::try_from(i).unwrap_or(0)),
                    taken_at: time::PrimitiveDateTime::new(
                        time::Date::parse(
                            d,
                            time::macros::format_description!("[year]-[month]-[day]"),
                        )
                        .expect("day"),
                        time::Time::MIDNIGHT,
                    ),
                    value: 140.0,
                    flag: AbnormalFlag::Normal,
                })
                .collect(),
        }
    }

    #[test]
    fn a_trend_shows_five_years_unless_asked_otherwise_and_counts_what_it_leaves_out() {
        let today = date!(2026 - 11 - 30);
        let s = series(&["1996-01-01", "2020-06-01", "2021-11-30", "2026-01-05"]);
        let five = LabTrend::within(s.clone(), None, today);
        assert_eq!(five.period, TrendPeriod::FiveYears);
        assert_eq!(
            (five.series.points.len(), five.earlier),
            (2, 2),
            "from 2021-11-30 on"
        );
        let year = LabTrend::within(s.clone(), Some(TrendPeriod::Year), today);
        assert_eq!((year.series.points.len(), year.earlier), (1, 3));
        let all = LabTrend::within(s, Some(TrendPeriod::All), today);
        assert_eq!((all.series.points.len(), all.earlier), (4, 0));
        // Nothing recent: all of it, rather than an empty picture.
        let old = LabTrend::within(series(&["1999-03-01", "2003-03-01"]), None, today);
        assert_eq!((old.period, old.series.points.len()), (TrendPeriod::All, 2));
    }

    #[test]
    fn every_period_has_a_code_that_reads_back() {
        for &p in TrendPeriod::ALL {
            assert_eq!(TrendPeriod::from_code(p.code()), Some(p));
        }
        assert_eq!(TrendPeriod::from_code("10y"), None);
    }
}
