//! A reading as the form sends it, read the ways people here type: values with a
//! decimal comma and spaces between thousands, days as 7.12.2026, times as 8.05; every
//! problem at once, then the reading's own rules ([`Reading::problems`]). Shared with
//! the web side.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time};

use super::model::{Measure, Reading, When};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wellbeing::model::Measure;
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
}
