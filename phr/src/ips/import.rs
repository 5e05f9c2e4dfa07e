//! An IPS document read ([`super::read`]) made into what the archive keeps of a summary
//! from elsewhere ([`archive::imports::ForeignSummary`]): whom it is about, by the
//! Finnish personal identity code among the Patient's identifiers (system
//! `urn:oid:1.2.246.21`) or, for a summary from abroad that has none, the one the
//! operator gives; its days; the language of its texts. Whatever does not fit is
//! named by resource and field, and the summary is then refused whole.

use archive::hetu::Hetu;
use archive::imports::{ForeignEntry, ForeignMedicine, ForeignSection, ForeignSummary};
use archive::model::{Coding, Language};
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time};

use super::read::{Imported, ImportedEntry, NotImported};

/// The system of the Finnish personal identity code (henkilötunnus).
pub const HETU_SYSTEM: &str = "urn:oid:1.2.246.21";

/// What the archive keeps of `imported`, about the person its Patient names by
/// identity code, or `person` when it names none (a summary from abroad).
///
/// # Errors
/// Each field that does not fit: no identity code, or one not the `person` given; a
/// birth date or a day that is not a date; a language the archive does not keep texts
/// in (Finnish, Swedish, English).
pub fn foreign_summary(
    imported: &Imported,
    person: Option<&Hetu>,
) -> Result<ForeignSummary, Vec<NotImported>> {
    let mut wrong = Vec::new();
    let mut refuse = |resource: &str, field: &str, why: &str| {
        wrong.push(NotImported {
            resource: resource.into(),
            field: field.into(),
            why: why.into(),
        });
    };
    let named: Vec<&str> = imported
        .patient
        .identifiers
        .iter()
        .filter_map(|i| i.strip_prefix(HETU_SYSTEM)?.strip_prefix('|'))
        .collect();
    let hetu = match (named.first(), person) {
        (Some(code), given) => match Hetu::parse(code) {
            Ok(h) if given.is_none_or(|g| *g == h) => Some(h),
            Ok(_) => {
                refuse(
                    "Patient",
                    "Patient.identifier",
                    "names another person than the one given",
                );
                None
            }
            Err(_) => {
                refuse(
                    "Patient",
                    "Patient.identifier",
                    "not a valid Finnish personal identity code",
                );
                None
            }
        },
        (None, Some(given)) => Some(given.clone()),
        (None, None) => {
            refuse(
                "Patient",
                "Patient.identifier",
                "no Finnish personal identity code (urn:oid:1.2.246.21); give the person's",
            );
            None
        }
    };
    if imported.source.trim().is_empty() {
        refuse(
            "Composition",
            "Composition.author",
            "names no organisation, and the Bundle no identifier, to say where it came from",
        );
    }
    let birth_date = day_of(&imported.patient.birth_date);
    if birth_date.is_none() {
        refuse("Patient", "Patient.birthDate", "not a date (YYYY-MM-DD)");
    }
    let written_at = time_of(&imported.date);
    if written_at.is_none() {
        refuse("Composition", "Composition.date", "not a date or a time");
    }
    let language = match imported.language.as_deref() {
        // An international summary that does not say is in English.
        None => Some(Language::En),
        Some(tag) => {
            let primary = tag.split('-').next().unwrap_or_default().to_lowercase();
            let known = Language::from_code(&primary);
            if known.is_none() {
                refuse(
                    "Bundle",
                    "Bundle.language",
                    "the archive keeps texts in Finnish, Swedish or English",
                );
            }
            known
        }
    };
    let mut entries = Vec::new();
    for (section, list, resource, field) in [
        (
            ForeignSection::Allergies,
            &imported.allergies,
            "AllergyIntolerance",
            "onsetDateTime",
        ),
        (
            ForeignSection::Problems,
            &imported.problems,
            "Condition",
            "onsetDateTime",
        ),
        (
            ForeignSection::Procedures,
            &imported.procedures,
            "Procedure",
            "performedDateTime",
        ),
        (
            ForeignSection::Immunizations,
            &imported.immunizations,
            "Immunization",
            "occurrenceDateTime",
        ),
    ] {
        for entry in list {
            let day = match &entry.date {
                None => None,
                Some(text) => {
                    let day = day_of(text);
                    if day.is_none() {
                        refuse(
                            &format!("{resource} {}", entry.code),
                            &format!("{resource}.{field}"),
                            "not a date or a time",
                        );
                    }
                    day
                }
            };
            entries.push(ForeignEntry {
                section,
                coding: coding(entry),
                day,
            });
        }
    }
    let medicines = imported
        .medications
        .iter()
        .map(|m| ForeignMedicine {
            name: m.name.clone(),
            coding: Coding {
                system: m.system.clone(),
                code: m.code.clone(),
                display: m.name.clone(),
            },
            dosage: m.dosage.clone(),
        })
        .collect();
    match (hetu, birth_date, written_at, language) {
        (Some(person), Some(birth_date), Some(written_at), Some(language)) if wrong.is_empty() => {
            Ok(ForeignSummary {
                person,
                given_name: imported.patient.given.clone(),
                family_name: imported.patient.family.clone(),
                birth_date,
                identifier: imported.identifier.clone(),
                source: imported.source.clone(),
                title: imported.title.clone(),
                written_at,
                language,
                entries,
                medicines,
            })
        }
        _ => Err(wrong),
    }
}

fn coding(entry: &ImportedEntry) -> Coding {
    Coding {
        system: entry.system.clone(),
        code: entry.code.clone(),
        display: entry.display.clone(),
    }
}

/// The day a FHIR date or dateTime names: its own, or (to the year or the month only)
/// the period's first.
fn day_of(text: &str) -> Option<Date> {
    let day = format_description!("[year]-[month]-[day]");
    match text.len() {
        4 => Date::from_calendar_date(text.parse().ok()?, Month::January, 1).ok(),
        7 => Date::parse(&format!("{text}-01"), day).ok(),
        10 => Date::parse(text, day).ok(),
        n if n > 10 => time_of(text).map(PrimitiveDateTime::date),
        _ => None,
    }
}

/// A FHIR dateTime in Finnish time; a date alone at its midnight.
fn time_of(text: &str) -> Option<PrimitiveDateTime> {
    if text.len() > 10 {
        let at = OffsetDateTime::parse(text, &Rfc3339).ok()?;
        return Some(archive::clock::finnish_local(at));
    }
    day_of(text).map(|d| d.with_time(Time::MIDNIGHT))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_of_every_precision() {
        assert_eq!(
            day_of("2017"),
            Date::from_calendar_date(2017, Month::January, 1).ok()
        );
        assert_eq!(
            day_of("2017-05"),
            Date::from_calendar_date(2017, Month::May, 1).ok()
        );
        assert_eq!(
            day_of("2017-05-09"),
            Date::from_calendar_date(2017, Month::May, 9).ok()
        );
        // 23:30 in New Zealand is the same day's morning in Finland.
        assert_eq!(
            day_of("2017-05-09T23:30:00+12:00"),
            Date::from_calendar_date(2017, Month::May, 9).ok()
        );
        assert_eq!(day_of("9.5.2017"), None);
        assert_eq!(day_of("2017-13"), None);
    }
}
