//! Abroad's model: the cross-border services, the countries where each works on a
//! given day (read from the dated list `countries.tsv`, the one place it is kept), the
//! person's consents and their history. Shared with the web side.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use time::{Date, PrimitiveDateTime};

use crate::prescriptions::model::Medication;
use crate::records::model::{DelayedDocument, LabTest, SummaryEntry};

/// A service of Kanta used in other EU countries with the person's consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum CrossBorderService {
    /// A Finnish ePrescription dispensed at a pharmacy abroad.
    EPrescription,
    /// The Patient Summary (HL7 IPS) read by a doctor abroad.
    PatientSummary,
}

crate::codes! {
    /// As stored, and in the page's addresses and forms.
    CrossBorderService {
        EPrescription => "eprescription",
        PatientSummary => "patient-summary",
    }
}

impl CrossBorderService {
    /// Whether giving consent needs the person to say they have read that Finnish
    /// denials do not apply: the Patient Summary abroad ignores them.
    #[must_use]
    pub const fn ignores_denials(self) -> bool {
        matches!(self, Self::PatientSummary)
    }
}

/// The form field that says the person has read that denials do not apply abroad,
/// and the code of the error when it is missing.
pub const DENIALS_READ_FIELD: &str = "denials-read";
pub const DENIALS_NOT_READ: &str = "abroad-denials-not-read";

/// One line of the dated list: `service` works in `country` from `from` until the day
/// before `until` (while `None`, still).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceCountry {
    pub service: CrossBorderService,
    /// ISO 3166-1 alpha-2, upper case.
    pub country: String,
    pub from: Date,
    pub until: Option<Date>,
}

impl ServiceCountry {
    /// Whether the service works there on `day`.
    #[must_use]
    pub fn on(&self, day: Date) -> bool {
        self.from <= day && self.until.is_none_or(|until| day < until)
    }
}

/// The dated list as written, one line per service and country.
const COUNTRIES: &str = include_str!("countries.tsv");

/// Reads the dated list: `#` starts a comment line; each other line is the service's
/// code, the country's code and the first day, and the day it ended or nothing,
/// separated by tabs.
///
/// # Errors
/// The line (1-based) that cannot be read, and why.
pub fn parse_countries(text: &str) -> Result<Vec<ServiceCountry>, String> {
    let day = |s: &str| {
        Date::parse(
            s.trim(),
            &time::format_description::well_known::Iso8601::DATE,
        )
        .map_err(|e| format!("{s:?}: {e}"))
    };
    let mut lines = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |why: String| format!("line {}: {why}", n + 1);
        let fields: Vec<&str> = line.split('\t').collect();
        let [service, country, from, rest @ ..] = fields.as_slice() else {
            return Err(at("needs a service, a country and a day".into()));
        };
        if rest.len() > 1 {
            return Err(at("too many fields".into()));
        }
        let service = CrossBorderService::from_code(service.trim())
            .ok_or_else(|| at(format!("no service {service:?}")))?;
        let country = country.trim();
        if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(at(format!("{country:?} is not a country code")));
        }
        let from = day(from).map_err(at)?;
        let until = match rest.first().map(|s| s.trim()) {
            None | Some("") => None,
            Some(until) => Some(day(until).map_err(at)?),
        };
        if until.is_some_and(|until| until <= from) {
            return Err(at("ends before it begins".into()));
        }
        lines.push(ServiceCountry {
            service,
            country: country.to_owned(),
            from,
            until,
        });
    }
    Ok(lines)
}

/// The dated list of every service and country, as `countries.tsv` has it.
#[must_use]
pub fn service_countries() -> &'static [ServiceCountry] {
    static LIST: OnceLock<Vec<ServiceCountry>> = OnceLock::new();
    LIST.get_or_init(|| {
        #[allow(
            clippy::expect_used,
            reason = "the file is the crate's own, read by a test"
        )]
        parse_countries(COUNTRIES).expect("countries.tsv is read by its test")
    })
}

/// The countries where `service` works on `day`, by their codes in alphabetical order.
#[must_use]
pub fn countries_on(service: CrossBorderService, day: Date) -> Vec<String> {
    let mut countries: Vec<String> = service_countries()
        .iter()
        .filter(|c| c.service == service && c.on(day))
        .map(|c| c.country.clone())
        .collect();
    countries.sort();
    countries.dedup();
    countries
}

/// How many (service, country) pairs began to work after `since` and by `today`: what
/// the front page says is new abroad.
#[must_use]
pub fn countries_added(since: Date, today: Date) -> usize {
    service_countries()
        .iter()
        .filter(|c| c.from > since && c.from <= today && c.on(today))
        .count()
}

/// A service, whether the person's consent to it is in force, and where it works today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceConsent {
    pub service: CrossBorderService,
    /// In force since then (Finnish time), if it is.
    pub since: Option<PrimitiveDateTime>,
    /// The countries where it works today, by code.
    pub countries: Vec<String>,
}

/// One change, as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbroadEvent {
    pub service: CrossBorderService,
    /// Given (true) or withdrawn.
    pub given: bool,
    /// Finnish time.
    pub at: PrimitiveDateTime,
}

/// A prescription in force that cannot be bought abroad (a narcotic or a drug acting
/// on the central nervous system), named as the person knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotAbroad {
    pub product: String,
    pub strength: String,
}

/// The person's page abroad: each service with its consent and countries, how many
/// denials they have in force (which the Patient Summary abroad ignores), what of
/// their prescriptions cannot be bought abroad, and every change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Abroad {
    /// Every service, in [`CrossBorderService::ALL`]'s order.
    pub services: Vec<ServiceConsent>,
    /// Denials in force (of service events, organisations, registers, prescriptions).
    pub denials: i64,
    pub not_abroad: Vec<NotAbroad>,
    /// Every change, newest first.
    pub history: Vec<AbroadEvent>,
}

impl Abroad {
    /// The service's consent and countries.
    #[must_use]
    pub fn service(&self, service: CrossBorderService) -> Option<&ServiceConsent> {
        self.services.iter().find(|s| s.service == service)
    }
}

/// The person as the Patient Summary names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryPerson {
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Date,
    /// The personal identity code.
    pub hetu: String,
}

/// The person's Patient Summary, as the EU's (HL7 IPS) holds it: allergies and risks,
/// problems (diagnoses), the medication in use, procedures, immunisations and the
/// latest laboratory results. Finnish denials do not apply to it (it is the person's
/// own, and abroad it ignores them); what a professional delayed is left out until it
/// is shown, and said to exist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PatientSummary {
    /// When it was compiled, Finnish time.
    pub compiled_at: PrimitiveDateTime,
    pub person: SummaryPerson,
    pub allergies: Vec<SummaryEntry>,
    pub problems: Vec<SummaryEntry>,
    pub medication: Vec<Medication>,
    pub procedures: Vec<SummaryEntry>,
    pub immunizations: Vec<SummaryEntry>,
    pub results: Vec<LabTest>,
    /// Of these kinds, what a professional delayed, soonest shown first.
    pub delayed: Vec<DelayedDocument>,
}

/// What the front page says abroad: how many consents are in force, and how many
/// countries a service began to work in since the previous visit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbroadNews {
    pub consents: i64,
    pub new_countries: i64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_dated_list_reads_and_gives_the_countries_of_2026() {
        let list = parse_countries(COUNTRIES).expect("countries.tsv");
        assert_eq!(list.len(), service_countries().len());
        let day = date!(2026 - 12 - 07);
        assert_eq!(
            countries_on(CrossBorderService::EPrescription, day),
            ["CZ", "EE", "ES", "HR", "LV", "PL", "PT"]
        );
        assert_eq!(
            countries_on(CrossBorderService::PatientSummary, day),
            ["EE", "ES", "LV", "NO"]
        );
        // Before the list began, nowhere.
        assert!(countries_on(CrossBorderService::PatientSummary, date!(2025 - 12 - 31)).is_empty());
        assert_eq!(countries_added(date!(2025 - 12 - 31), day), 11);
        assert_eq!(countries_added(date!(2026 - 01 - 01), day), 0);
    }

    #[test]
    fn a_country_that_ended_is_not_offered_after_its_end_and_a_new_one_from_its_first_day() {
        let list = parse_countries(
            "# a comment\n\
             eprescription\tEE\t2026-01-01\t2027-01-01\n\
             eprescription\tFR\t2027-01-01\t\n\
             patient-summary\tEE\t2026-01-01\n",
        )
        .expect("list");
        let on = |day: Date| {
            list.iter()
                .filter(|c| c.service == CrossBorderService::EPrescription && c.on(day))
                .map(|c| c.country.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(on(date!(2026 - 12 - 31)), ["EE"]);
        assert_eq!(on(date!(2027 - 01 - 01)), ["FR"]);
        assert_eq!(list[2].until, None);
    }

    #[test]
    fn a_wrong_line_is_named_by_its_number() {
        for (text, why) in [
            ("eprescription\tEE\n", "line 1: needs"),
            ("\nprescription\tEE\t2026-01-01\n", "line 2: no service"),
            ("eprescription\tEst\t2026-01-01\n", "line 1: \"Est\" is not"),
            ("eprescription\tEE\t2026-13-01\n", "line 1: \"2026-13-01\""),
            (
                "eprescription\tEE\t2026-01-01\t2025-01-01\n",
                "line 1: ends before",
            ),
            ("eprescription\tEE\t2026-01-01\t\tx\n", "line 1: too many"),
        ] {
            let error = parse_countries(text).expect_err(text);
            assert!(error.starts_with(why), "{error}");
        }
    }
}
