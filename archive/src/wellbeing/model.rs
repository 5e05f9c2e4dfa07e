//! My wellbeing data (Kanta PHR, Omatietovaranto): measurements a person enters
//! themself, what each kind is in FHIR terms (the Kanta PHR profile, LOINC codes, the
//! UCUM unit), and the rules a reading must meet however it arrives (the form, or an
//! app through the FHIR interface; the form as typed is [`super::form`]'s). Shared with
//! the web side.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime, PrimitiveDateTime};

use crate::model::id_type;

/// From what age the person may use their wellbeing data (no one acting for them ever
/// may: the registry's `Coverage::OWN_ONLY`).
pub const WELLBEING_FROM_AGE: i32 = 16;

/// The kinds of measurement, in the page's order.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    BloodPressure,
    BodyWeight,
    BodyHeight,
    Steps,
    HeartRate,
    BloodGlucose,
    Sleep,
}

crate::codes! {
    Measure {
        BloodPressure => "blood-pressure",
        BodyWeight => "body-weight",
        BodyHeight => "body-height",
        Steps => "steps",
        HeartRate => "heart-rate",
        BloodGlucose => "blood-glucose",
        Sleep => "sleep",
    }
}

/// One value of a measurement: the observation's own value, or one of its components
/// (blood pressure's two).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValueSpec {
    /// The form field, and the `field` of its problems.
    pub field: &'static str,
    /// The LOINC code of the component; `None`: the observation's own value.
    pub component: Option<&'static str>,
    /// The plausible range, both ends included.
    pub min: f64,
    pub max: f64,
    /// Decimals the value may have (0: whole numbers only).
    pub decimals: u8,
}

/// What a kind of measurement is in FHIR terms, and its rules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeasureSpec {
    /// The Kanta PHR profile (`meta.profile`).
    pub profile: &'static str,
    /// The LOINC code written as the observation's code.
    pub loinc: &'static str,
    /// LOINC codes also read as this kind (steps: any time span, or a day's).
    pub also: &'static [&'static str],
    /// The observation's category (`system`, `code`).
    pub category: (&'static str, &'static str),
    /// The UCUM unit of every value.
    pub unit: &'static str,
    /// Whether a reading is of a day (steps, a night's sleep) rather than a moment.
    pub daily: bool,
    pub values: &'static [ValueSpec],
}

/// The system of LOINC codes.
pub const LOINC_SYSTEM: &str = "http://loinc.org";
const VITAL_SIGNS: (&str, &str) = (
    "http://terminology.hl7.org/CodeSystem/observation-category",
    "vital-signs",
);
const FITNESS: (&str, &str) = ("http://phr.kanta.fi/fiphr-cs-fitnesscategory", "fitness");

const fn single(field: &'static str, min: f64, max: f64, decimals: u8) -> [ValueSpec; 1] {
    [ValueSpec {
        field,
        component: None,
        min,
        max,
        decimals,
    }]
}

impl Measure {
    /// The registry of measurements. The profiles of blood pressure, body weight and
    /// height, steps and blood glucose are those of the Kanta PHR examples; heart rate
    /// and sleep follow the same naming.
    #[must_use]
    pub const fn spec(self) -> MeasureSpec {
        const BLOOD_PRESSURE: [ValueSpec; 2] = [
            ValueSpec {
                field: "systolic",
                component: Some("8480-6"),
                min: 40.0,
                max: 300.0,
                decimals: 0,
            },
            ValueSpec {
                field: "diastolic",
                component: Some("8462-4"),
                min: 20.0,
                max: 200.0,
                decimals: 0,
            },
        ];
        const WEIGHT: [ValueSpec; 1] = single("value", 2.0, 400.0, 1);
        const HEIGHT: [ValueSpec; 1] = single("value", 40.0, 260.0, 1);
        const STEPS: [ValueSpec; 1] = single("value", 0.0, 200_000.0, 0);
        const HEART_RATE: [ValueSpec; 1] = single("value", 20.0, 300.0, 0);
        const GLUCOSE: [ValueSpec; 1] = single("value", 0.5, 50.0, 1);
        const SLEEP: [ValueSpec; 1] = single("value", 0.0, 24.0, 1);
        match self {
            Self::BloodPressure => MeasureSpec {
                profile: "http://phr.kanta.fi/StructureDefinition/fiphr-sd-bloodpressure",
                loinc: "85354-9",
                also: &[],
                category: VITAL_SIGNS,
                unit: "mm[Hg]",
                daily: false,
                values: &BLOOD_PRESSURE,
            },
            Self::BodyWeight => MeasureSpec {
                profile: "http://phr.kanta.fi/StructureDefinition/fiphr-sd-bodyweight",
                loinc: "29463-7",
                also: &[],
                category: VITAL_SIGNS,
                unit: "kg",
                daily: false,
                values: &WEIGHT,
            },
            Self::BodyHeight => MeasureSpec {
                profile: "http://phr.kanta.fi/StructureDefinition/fiphr-sd-bodyheight",
                loinc: "8302-2",
                also: &[],
                category: VITAL_SIGNS,
                unit: "cm",
                daily: false,
                values: &HEIGHT,
            },
            Self::Steps => MeasureSpec {
                profile: "http://phr.kanta.fi/StructureDefinition/fiphr-sd-stepstaken",
                loinc: "41950-7",
                also: &["66334-4"],
                category: FITNESS,
                unit: "1",
                daily: true,
                values: &STEPS,
            },
            Self::HeartRate => MeasureSpec {
                profile: "http://phr.kanta.fi/StructureDefinition/fiphr-sd-heartrate",
                loinc: "8867-4",
                also: &[],
                category: VITAL_SIGNS,
                unit: "/min",
                daily: false,
                values: &HEART_RATE,
            },
            Self::BloodGlucose => MeasureSpec {
                profile: "http://phr.kanta.fi/StructureDefinition/fiphr-sd-bloodglucose",
                loinc: "15074-8",
                also: &[],
                category: VITAL_SIGNS,
                unit: "mmol/L",
                daily: false,
                values: &GLUCOSE,
            },
            Self::Sleep => MeasureSpec {
                profile: "http://phr.kanta.fi/StructureDefinition/fiphr-sd-sleep",
                loinc: "93832-4",
                also: &[],
                category: FITNESS,
                unit: "h",
                daily: true,
                values: &SLEEP,
            },
        }
    }

    /// The kind a profile names, if any.
    #[must_use]
    pub fn of_profile(profile: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|m| m.spec().profile == profile)
    }

    /// The kind a LOINC code names, if any.
    #[must_use]
    pub fn of_loinc(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|m| {
            let spec = m.spec();
            spec.loinc == code || spec.also.contains(&code)
        })
    }
}

/// When a reading was taken: a moment (with the offset it was given in), or a whole
/// day (a day's steps, a night's sleep by the morning's date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum When {
    Day(Date),
    Moment(OffsetDateTime),
}

impl When {
    /// As FHIR and the store write it: a day (2026-12-07), or a moment in RFC 3339 with
    /// its offset; `None` for a year RFC 3339 cannot write.
    #[must_use]
    pub fn text(self) -> Option<String> {
        use time::format_description::well_known::Rfc3339;
        match self {
            Self::Day(day) => Some(day.to_string()),
            Self::Moment(at) => at.format(&Rfc3339).ok(),
        }
    }

    /// What [`When::text`] wrote (or a FHIR `dateTime` to the day or the second).
    #[must_use]
    pub fn of_text(text: &str) -> Option<Self> {
        use time::format_description::well_known::{Iso8601, Rfc3339};
        if text.len() == 10 {
            Date::parse(text, &Iso8601::DATE).ok().map(Self::Day)
        } else {
            OffsetDateTime::parse(text, &Rfc3339).ok().map(Self::Moment)
        }
    }
}

/// One reading: its kind, when, and its values in the order of the kind's
/// [`MeasureSpec::values`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    pub measure: Measure,
    pub when: When,
    pub values: Vec<f64>,
}

impl Reading {
    /// What is wrong with it, every problem as (field, code), at `now` (Finnish
    /// `today`): a value missing or out of the kind's range (`range`), with
    /// more decimals than it has (`decimals`), blood pressure's systolic not above its
    /// diastolic (`systolic-below-diastolic`), a time in the future (`future`).
    #[must_use]
    pub fn problems(&self, now: OffsetDateTime, today: Date) -> Vec<(&'static str, &'static str)> {
        let spec = self.measure.spec();
        let mut problems = Vec::new();
        if self.values.len() != spec.values.len() {
            problems.push((spec.values[0].field, "missing"));
            return problems;
        }
        for (value, v) in self.values.iter().zip(spec.values) {
            if !value.is_finite() || *value < v.min || *value > v.max {
                problems.push((v.field, "range"));
            } else if !has_at_most_decimals(*value, v.decimals) {
                problems.push((v.field, "decimals"));
            }
        }
        if self.measure == Measure::BloodPressure
            && problems.is_empty()
            && self.values[0] <= self.values[1]
        {
            problems.push(("diastolic", "systolic-below-diastolic"));
        }
        // A day (FHIR lets a time be given to the day) or a moment, for any kind.
        let future = match self.when {
            When::Day(day) => day > today,
            // A minute's grace for a clock a little ahead.
            When::Moment(at) => at > now + time::Duration::minutes(1),
        };
        if future {
            problems.push(("date", "future"));
        }
        problems
    }
}

/// Whether `value` has at most `decimals` decimals (as typed: 72.5 has one).
fn has_at_most_decimals(value: f64, decimals: u8) -> bool {
    let scaled = value * 10_f64.powi(i32::from(decimals));
    (scaled - scaled.round()).abs() < 1e-6
}

id_type!(
    /// A measurement's id in this service (its pages' addresses, the audit trail); the
    /// FHIR interface names it by [`Measurement::resource_id`].
    MeasurementId
);

/// What the front page says of the wellbeing data: how many measurements the person's
/// apps recorded or changed since the previous visit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WellbeingNews {
    pub from_apps: i64,
}

/// Who wrote a measurement: the person in this service, or an app of theirs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    Portal,
    App(String),
}

/// A stored measurement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    pub id: MeasurementId,
    /// The FHIR resource's logical id.
    pub resource_id: String,
    pub reading: Reading,
    /// When it was taken, in Finnish local time.
    pub local: PrimitiveDateTime,
    /// The resource's version (`meta.versionId`, the ETag).
    pub version: i64,
    pub source: Source,
}

/// One kind's newest reading and how many there are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureLatest {
    pub measure: Measure,
    pub count: i64,
    pub latest: Option<Measurement>,
}

/// The wellbeing data's front page: each kind's newest reading.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WellbeingOverview {
    pub measures: Vec<MeasureLatest>,
}

/// The periods a kind's plot can show, the shortest first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
pub enum WellbeingPeriod {
    Week,
    #[default]
    Month,
    Quarter,
    Year,
    All,
}

crate::codes! {
    WellbeingPeriod {
        Week => "week",
        Month => "month",
        Quarter => "quarter",
        Year => "year",
        All => "all",
    }
}

impl WellbeingPeriod {
    /// The first day the period shows, ending `today`; `None`: from the first reading.
    #[must_use]
    pub fn first_day(self, today: Date) -> Option<Date> {
        let days = match self {
            Self::Week => 6,
            Self::Month => 29,
            Self::Quarter => 89,
            Self::Year => 364,
            Self::All => return None,
        };
        today.checked_sub(time::Duration::days(days))
    }
}

/// One kind's readings over a period, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureSeries {
    pub measure: Measure,
    pub period: WellbeingPeriod,
    pub from: Option<Date>,
    pub to: Date,
    pub readings: Vec<Measurement>,
}

/// The most readings a series returns (the newest of them).
pub const MAX_SERIES: usize = 1000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_its_own_profile_and_code() {
        for m in Measure::ALL {
            assert_eq!(Measure::of_profile(m.spec().profile), Some(*m));
            assert_eq!(Measure::of_loinc(m.spec().loinc), Some(*m));
            assert_eq!(Measure::from_code(m.code()), Some(*m));
        }
        assert_eq!(Measure::of_loinc("66334-4"), Some(Measure::Steps));
    }
}
