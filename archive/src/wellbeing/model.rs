//! My wellbeing data (Kanta PHR, Omatietovaranto): measurements a person enters
//! themself, what each kind is in FHIR terms (the Kanta PHR profile, LOINC codes, the
//! UCUM unit), and the rules a reading must meet however it arrives (the form, or an
//! app through the FHIR interface). Shared with the web side.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time};

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

/// A reading as the form sends it: the day, the time (not for a daily kind), and the
/// values as typed (a comma or a point before decimals).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingForm {
    pub date: String,
    pub time: String,
    pub values: Vec<String>,
}

impl ReadingForm {
    /// The reading it asks for, at `now` (Finnish `today`), a time typed being Finnish
    /// time (`offset_at` gives its offset then); or every problem as (field,
    /// code): `missing`, `number`, `date-format`, `time-format`, and those of
    /// [`Reading::problems`].
    ///
    /// # Errors
    /// Every problem found, in the form's order.
    pub fn parse(
        &self,
        measure: Measure,
        now: OffsetDateTime,
        today: Date,
        offset_at: impl Fn(PrimitiveDateTime) -> time::UtcOffset,
    ) -> Result<Reading, Vec<(&'static str, &'static str)>> {
        let spec = measure.spec();
        let mut problems = Vec::new();
        let mut values = Vec::new();
        for (i, v) in spec.values.iter().enumerate() {
            let typed = self.values.get(i).map_or("", |s| s.trim());
            if typed.is_empty() {
                problems.push((v.field, "missing"));
            } else if let Some(n) = parse_decimal(typed) {
                values.push(n);
            } else {
                problems.push((v.field, "number"));
            }
        }
        let day = match parse_day(&self.date) {
            Ok(day) => Some(day),
            Err(code) => {
                problems.push(("date", code));
                None
            }
        };
        let when = if spec.daily {
            day.map(When::Day)
        } else {
            match parse_time(&self.time) {
                Ok(time) => day.map(|d| {
                    let local = PrimitiveDateTime::new(d, time);
                    When::Moment(local.assume_offset(offset_at(local)))
                }),
                Err(code) => {
                    problems.push(("time", code));
                    None
                }
            }
        };
        if let (true, Some(when)) = (problems.is_empty(), when) {
            let reading = Reading {
                measure,
                when,
                values,
            };
            let found = reading.problems(now, today);
            return if found.is_empty() {
                Ok(reading)
            } else {
                Err(found)
            };
        }
        Err(problems)
    }

    /// The form filled from a stored reading (to change it), its values written with
    /// `decimal` as the decimal sign.
    #[must_use]
    pub fn of_reading(reading: &Reading, local: PrimitiveDateTime, decimal: char) -> Self {
        let spec = reading.measure.spec();
        Self {
            date: local.date().to_string(),
            time: if spec.daily {
                String::new()
            } else {
                format!("{:02}:{:02}", local.hour(), local.minute())
            },
            values: reading
                .values
                .iter()
                .zip(spec.values)
                .map(|(v, s)| format_value(*v, s.decimals, decimal))
                .collect(),
        }
    }
}

/// A value with up to `decimals` decimals, trailing zeros left out (72.0 → "72",
/// 5.5 → "5,5" with a comma).
#[must_use]
pub fn format_value(value: f64, decimals: u8, decimal: char) -> String {
    let text = format!("{value:.prec$}", prec = usize::from(decimals));
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    text.replace('.', &decimal.to_string())
}

/// A number as people here type it: a comma or a point before decimals, spaces
/// between thousands (12 500).
#[must_use]
pub fn parse_decimal(typed: &str) -> Option<f64> {
    let cleaned: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty()
        || !cleaned
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A day as a date field sends it (2026-03-05) or as typed (5.3.2026).
fn parse_day(typed: &str) -> Result<Date, &'static str> {
    use time::macros::format_description;
    let s = typed.trim();
    if s.is_empty() {
        return Err("missing");
    }
    let iso = format_description!("[year]-[month]-[day]");
    let dotted = format_description!("[day padding:none].[month padding:none].[year]");
    Date::parse(s, iso)
        .or_else(|_| Date::parse(s, dotted))
        .map_err(|_| "date-format")
}

/// A time as a time field sends it (08:05) or as typed (8.05).
fn parse_time(typed: &str) -> Result<Time, &'static str> {
    let s = typed.trim();
    if s.is_empty() {
        return Err("missing");
    }
    let (h, m) = s
        .split_once(':')
        .or_else(|| s.split_once('.'))
        .ok_or("time-format")?;
    let hour: u8 = h.parse().map_err(|_| "time-format")?;
    // Seconds, when a time field sends them, are not kept.
    let minute: u8 = m
        .get(..2)
        .filter(|_| m.len() == 2 || m.as_bytes().get(2) == Some(&b':'))
        .and_then(|m| m.parse().ok())
        .ok_or("time-format")?;
    Time::from_hms(hour, minute, 0).map_err(|_| "time-format")
}

id_type!(
    /// A measurement's id in this service (its pages' addresses, the audit trail); the
    /// FHIR interface names it by [`Measurement::resource_id`].
    MeasurementId
);

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
    use time::macros::{datetime, offset};

    const NOW: OffsetDateTime = datetime!(2026-12-07 12:00 +2);

    fn form(date: &str, time: &str, values: &[&str]) -> ReadingForm {
        ReadingForm {
            date: date.into(),
            time: time.into(),
            values: values.iter().map(|v| (*v).to_owned()).collect(),
        }
    }

    fn parse(m: Measure, f: &ReadingForm) -> Result<Reading, Vec<(&'static str, &'static str)>> {
        f.parse(m, NOW, NOW.date(), |_| offset!(+2))
    }

    #[test]
    fn a_reading_as_typed() {
        let r = parse(
            Measure::BloodPressure,
            &form("7.12.2026", "8.05", &["128", "82"]),
        )
        .expect("valid");
        assert_eq!(r.values, vec![128.0, 82.0]);
        assert_eq!(r.when, When::Moment(datetime!(2026-12-07 08:05 +2)));
        let w = parse(Measure::BodyWeight, &form("2026-12-06", "21:30", &["72,5"])).expect("valid");
        assert_eq!(w.values, vec![72.5]);
        let s = parse(Measure::Steps, &form("2026-12-06", "", &["12 500"])).expect("valid");
        assert_eq!(s.when, When::Day(time::macros::date!(2026 - 12 - 06)));
        assert_eq!(s.values, vec![12_500.0]);
    }

    #[test]
    fn every_problem_at_once() {
        assert_eq!(
            parse(Measure::BloodPressure, &form("", "25:00", &["abc", ""])),
            Err(vec![
                ("systolic", "number"),
                ("diastolic", "missing"),
                ("date", "missing"),
                ("time", "time-format"),
            ])
        );
        assert_eq!(
            parse(
                Measure::BloodPressure,
                &form("7.12.2026", "8:00", &["80", "90"])
            ),
            Err(vec![("diastolic", "systolic-below-diastolic")])
        );
        assert_eq!(
            parse(Measure::BodyWeight, &form("8.12.2026", "8:00", &["900"])),
            Err(vec![("value", "range"), ("date", "future")])
        );
        assert_eq!(
            parse(Measure::HeartRate, &form("7.12.2026", "8:00", &["72,5"])),
            Err(vec![("value", "decimals")])
        );
        assert_eq!(
            parse(Measure::BloodGlucose, &form("7.12.2026", "12:30", &["5,6"])),
            Err(vec![("date", "future")])
        );
        assert!(parse(Measure::BloodGlucose, &form("7.12.2026", "12:01", &["5,6"])).is_ok());
    }

    #[test]
    fn a_stored_reading_fills_the_form_back() {
        let r = Reading {
            measure: Measure::BodyWeight,
            when: When::Moment(datetime!(2026-12-06 21:30 +2)),
            values: vec![72.5],
        };
        let f = ReadingForm::of_reading(&r, datetime!(2026-12-06 21:30), ',');
        assert_eq!(f, form("2026-12-06", "21:30", &["72,5"]));
        assert_eq!(parse(Measure::BodyWeight, &f), Ok(r));
        assert_eq!(format_value(128.0, 0, ','), "128");
        assert_eq!(format_value(5.0, 1, ','), "5");
    }

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
