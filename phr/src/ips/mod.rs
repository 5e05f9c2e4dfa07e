//! The person's Patient Summary as an HL7 International Patient Summary (IPS) document:
//! a `document` Bundle whose first entry is the Composition (LOINC 60591-5) with its
//! sections — the required medication (10160-0), allergies (48765-2) and problems
//! (11450-4), and immunisations, procedures and results — each with its entries or why
//! it has none, then the Patient, the compiling organisation and every entry. Written
//! with the `fhir` crate's typed R4 models; [`check`] reads any document Bundle against
//! the IPS guide's rules that can be checked without a terminology server.

mod check;
mod import;
mod read;

pub use check::check;
pub(crate) use check::collect_references;
pub use import::{foreign_summary, HETU_SYSTEM};

pub use read::{read, Imported, ImportedEntry, ImportedMedication, ImportedPatient, NotImported};

use archive::model::{LabTest, Medication, PatientSummary, SummaryEntry};
use fhir::r4::choice::Primitive;
use fhir::r4::coded::Coded;
use fhir::r4::codes::{
    BundleType, CompositionStatus, EventStatus, MedicationStatementStatus, NarrativeStatus,
    ObservationStatus,
};
use fhir::r4::resources::allergy_intolerance::AllergyIntolerance;
use fhir::r4::resources::bundle::BundleEntry;
use fhir::r4::resources::composition::CompositionSection;
use fhir::r4::resources::condition::{Condition, ConditionOnset};
use fhir::r4::resources::immunization::{Immunization, ImmunizationOccurrence};
use fhir::r4::resources::medication_statement::{
    MedicationStatement, MedicationStatementMedication,
};
use fhir::r4::resources::observation::{ObservationEffective, ObservationValue};
use fhir::r4::resources::procedure::{Procedure, ProcedurePerformed};
use fhir::r4::resources::{Bundle, Composition, Observation, Organization, Patient, Resource};
use fhir::r4::types;
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, PrimitiveDateTime};

const LOINC: &str = "http://loinc.org";
const EMPTY_REASON: &str = "http://terminology.hl7.org/CodeSystem/list-empty-reason";
const URI: &str = "urn:ietf:rfc:3986";
const HETU: &str = "urn:oid:1.2.246.21";
const CONDITION_CLINICAL: &str = "http://terminology.hl7.org/CodeSystem/condition-clinical";
const ALLERGY_CLINICAL: &str = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";

/// The IPS document's type.
pub const PATIENT_SUMMARY: &str = "60591-5";

/// A section of the IPS: its LOINC code, its title, whether the guide requires it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub code: &'static str,
    pub title: &'static str,
    pub required: bool,
}

pub const MEDICATIONS: Section = Section {
    code: "10160-0",
    title: "Medication Summary",
    required: true,
};
pub const ALLERGIES: Section = Section {
    code: "48765-2",
    title: "Allergies and Intolerances",
    required: true,
};
pub const PROBLEMS: Section = Section {
    code: "11450-4",
    title: "Problem List",
    required: true,
};
pub const IMMUNIZATIONS: Section = Section {
    code: "11369-6",
    title: "Immunizations",
    required: false,
};
pub const PROCEDURES: Section = Section {
    code: "47519-4",
    title: "History of Procedures",
    required: false,
};
pub const RESULTS: Section = Section {
    code: "30954-2",
    title: "Results",
    required: false,
};

/// The required sections, as [`check`] asks for them.
pub const REQUIRED: [Section; 3] = [MEDICATIONS, ALLERGIES, PROBLEMS];

pub(crate) fn string(s: &str) -> types::String {
    types::String(s.to_owned())
}

fn coding(system: &str, code: &str, display: &str) -> types::Coding {
    types::Coding {
        system: Some(types::Uri(system.into())),
        code: Some(types::Code(code.into())),
        display: (!display.is_empty()).then(|| string(display)),
        ..Default::default()
    }
}

pub(crate) fn concept(system: &str, code: &str, display: &str) -> types::CodeableConcept {
    types::CodeableConcept {
        coding: vec![coding(system, code, display)],
        text: (!display.is_empty()).then(|| string(display)),
        ..Default::default()
    }
}

pub(crate) fn reference(full_url: &str) -> types::Reference {
    types::Reference {
        reference: Some(string(full_url)),
        ..Default::default()
    }
}

pub(crate) fn reference_to<T>(full_url: &str) -> types::Reference<T>
where
    types::Reference<T>: Default,
{
    types::Reference::<T> {
        reference: Some(string(full_url)),
        ..Default::default()
    }
}

/// The person as a Patient: the identity code, the name, the birth date.
pub(crate) fn patient(hetu: &str, given: &str, family: &str, birth_date: time::Date) -> Patient {
    Patient {
        identifier: vec![types::Identifier {
            system: Some(types::Uri(HETU.into())),
            value: Some(string(hetu)),
            ..Default::default()
        }],
        name: vec![types::HumanName {
            family: Some(string(family)),
            given: given.split_whitespace().map(string).collect(),
            ..Default::default()
        }],
        birth_date: Some(types::Date(birth_date.to_string())),
        ..Default::default()
    }
}

/// A day and time as FHIR writes one, with Finland's offset of that moment.
pub(crate) fn date_time(at: PrimitiveDateTime) -> types::DateTime {
    let offset = archive::clock::finnish_offset(at);
    types::DateTime(
        at.assume_offset(offset)
            .format(&Rfc3339)
            .unwrap_or_default(),
    )
}

/// Text made safe inside the narrative's XHTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A section's narrative: one line an entry, or why there is none.
fn narrative(lines: &[String], empty: &str) -> types::Narrative {
    let body = if lines.is_empty() {
        format!("<p>{}</p>", escape(empty))
    } else {
        let items: String = lines
            .iter()
            .map(|l| format!("<li>{}</li>", escape(l)))
            .collect();
        format!("<ul>{items}</ul>")
    };
    types::Narrative {
        status: Coded::Known(NarrativeStatus::Generated),
        div: types::Xhtml(format!(
            "<div xmlns=\"http://www.w3.org/1999/xhtml\">{body}</div>"
        )),
        ..Default::default()
    }
}

/// The document being written: its entries, each with a fresh `urn:uuid:` address.
struct Document<F> {
    new_id: F,
    entries: Vec<BundleEntry>,
}

impl<F: FnMut() -> String> Document<F> {
    fn full_url(&mut self) -> String {
        format!("urn:uuid:{}", (self.new_id)())
    }

    /// Adds `resource` at a new address; its address.
    fn add(&mut self, resource: Resource) -> String {
        let full_url = self.full_url();
        self.entries.push(BundleEntry {
            full_url: Some(types::Uri(full_url.clone())),
            resource: serde_json::to_value(&resource).ok(),
            ..Default::default()
        });
        full_url
    }
}

/// A section of `entries` (addresses) with the narrative `lines`, or its empty
/// reason.
fn section(section: Section, entries: Vec<String>, lines: &[String]) -> CompositionSection {
    let empty = entries.is_empty();
    CompositionSection {
        title: Some(string(section.title)),
        code: Some(concept(LOINC, section.code, section.title)),
        text: Some(narrative(lines, "No information available.")),
        entry: entries.iter().map(|e| reference(e)).collect(),
        empty_reason: empty.then(|| types::CodeableConcept {
            coding: vec![coding(EMPTY_REASON, "unavailable", "Unavailable")],
            text: Some(string("No information available")),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn entry_line(e: &SummaryEntry) -> String {
    format!("{} ({})", e.coding.display, e.coding.code)
}

fn medication_line(m: &Medication) -> String {
    [m.product.as_str(), m.strength.as_str(), m.dosage.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

fn result_line(t: &LabTest) -> String {
    format!("{}: {} {}", t.test_name, t.latest.value, t.unit)
}

/// The person's summary as an IPS document Bundle, compiled at `now`; `new_id` gives a
/// fresh UUID for each address (and the Bundle's identifier).
///
/// # Errors
/// A required element left unset (a defect of this function, which its tests catch).
pub fn document(
    summary: &PatientSummary,
    now: OffsetDateTime,
    new_id: impl FnMut() -> String,
) -> Result<Bundle, fhir::r4::builder::BuilderError> {
    let mut doc = Document {
        new_id,
        entries: Vec::new(),
    };
    let composition_url = doc.full_url();
    let p = &summary.person;
    let patient = patient(&p.hetu, &p.given_name, &p.family_name, p.birth_date);
    let patient_url = doc.add(Resource::Patient(Box::new(patient)));
    let kanta = Organization {
        name: Some(string("Kanta")),
        ..Default::default()
    };
    let author_url = doc.add(Resource::Organization(Box::new(kanta)));
    let subject = || reference(&patient_url);

    let allergies: Vec<String> = summary
        .allergies
        .iter()
        .map(|e| {
            let a = AllergyIntolerance {
                clinical_status: Some(concept(ALLERGY_CLINICAL, "active", "Active")),
                code: Some(concept(&e.coding.system, &e.coding.code, &e.coding.display)),
                patient: reference_to(&patient_url),
                recorded_date: Some(date_time(e.first_recorded)),
                ..Default::default()
            };
            doc.add(Resource::AllergyIntolerance(Box::new(a)))
        })
        .collect();
    let problems: Vec<String> = summary
        .problems
        .iter()
        .map(|e| {
            let c = Condition {
                clinical_status: Some(concept(CONDITION_CLINICAL, "active", "Active")),
                code: Some(concept(&e.coding.system, &e.coding.code, &e.coding.display)),
                subject: subject(),
                onset: Some(ConditionOnset::DateTime(Primitive::new(date_time(
                    e.first_recorded,
                )))),
                recorded_date: Some(date_time(e.last_recorded)),
                ..Default::default()
            };
            doc.add(Resource::Condition(Box::new(c)))
        })
        .collect();
    let medications: Vec<String> = summary
        .medication
        .iter()
        .map(|m| {
            let name = format!("{} {}", m.product, m.strength).trim().to_owned();
            let s = MedicationStatement {
                status: Coded::Known(MedicationStatementStatus::Active),
                medication: Some(MedicationStatementMedication::CodeableConcept(Box::new(
                    concept(&m.system, &m.atc, &name),
                ))),
                subject: subject(),
                dosage: (!m.dosage.is_empty())
                    .then(|| types::Dosage {
                        text: Some(string(&m.dosage)),
                        ..Default::default()
                    })
                    .into_iter()
                    .collect(),
                ..Default::default()
            };
            doc.add(Resource::MedicationStatement(Box::new(s)))
        })
        .collect();
    let immunizations: Vec<String> = summary
        .immunizations
        .iter()
        .map(|e| {
            let i = Immunization {
                status: types::Code("completed".into()),
                vaccine_code: concept(&e.coding.system, &e.coding.code, &e.coding.display),
                patient: reference_to(&patient_url),
                occurrence: Some(ImmunizationOccurrence::DateTime(Primitive::new(date_time(
                    e.last_recorded,
                )))),
                ..Default::default()
            };
            doc.add(Resource::Immunization(Box::new(i)))
        })
        .collect();
    let procedures: Vec<String> = summary
        .procedures
        .iter()
        .map(|e| {
            let p = Procedure {
                status: Coded::Known(EventStatus::Completed),
                code: Some(concept(&e.coding.system, &e.coding.code, &e.coding.display)),
                subject: subject(),
                performed: Some(ProcedurePerformed::DateTime(Primitive::new(date_time(
                    e.last_recorded,
                )))),
                ..Default::default()
            };
            doc.add(Resource::Procedure(Box::new(p)))
        })
        .collect();
    let results: Vec<String> = summary
        .results
        .iter()
        .map(|t| {
            let o = Observation {
                status: Coded::Known(ObservationStatus::Final),
                category: vec![concept(
                    "http://terminology.hl7.org/CodeSystem/observation-category",
                    "laboratory",
                    "Laboratory",
                )],
                code: concept(archive::model::systems::FI_LAB, &t.test_code, &t.test_name),
                subject: Some(subject()),
                effective: Some(ObservationEffective::DateTime(Primitive::new(date_time(
                    t.latest.taken_at,
                )))),
                value: Some(ObservationValue::Quantity(Box::new(types::Quantity {
                    value: types::Decimal::new(t.latest.value.to_string()).ok(),
                    unit: Some(string(&t.unit)),
                    ..Default::default()
                }))),
                ..Default::default()
            };
            doc.add(Resource::Observation(Box::new(o)))
        })
        .collect();

    let lines = |entries: &[SummaryEntry]| entries.iter().map(entry_line).collect::<Vec<_>>();
    let sections = vec![
        section(
            MEDICATIONS,
            medications,
            &summary
                .medication
                .iter()
                .map(medication_line)
                .collect::<Vec<_>>(),
        ),
        section(ALLERGIES, allergies, &lines(&summary.allergies)),
        section(PROBLEMS, problems, &lines(&summary.problems)),
        section(IMMUNIZATIONS, immunizations, &lines(&summary.immunizations)),
        section(PROCEDURES, procedures, &lines(&summary.procedures)),
        section(
            RESULTS,
            results,
            &summary.results.iter().map(result_line).collect::<Vec<_>>(),
        ),
    ];
    let composition = Composition::builder()
        .status(Coded::Known(CompositionStatus::Final))
        .r#type(concept(LOINC, PATIENT_SUMMARY, "Patient summary Document"))
        .subject(reference(&patient_url))
        .date(types::DateTime(now.format(&Rfc3339).unwrap_or_default()))
        .author(vec1::vec1![reference(&author_url)])
        .title(string("International Patient Summary"))
        .custodian(reference_to(&author_url))
        .section(sections)
        .build()?;
    let identifier = doc.full_url();
    let mut entries = vec![BundleEntry {
        full_url: Some(types::Uri(composition_url)),
        resource: serde_json::to_value(Resource::Composition(Box::new(composition))).ok(),
        ..Default::default()
    }];
    entries.append(&mut doc.entries);
    Ok(Bundle {
        identifier: Some(types::Identifier {
            system: Some(types::Uri(URI.into())),
            value: Some(string(&identifier)),
            ..Default::default()
        }),
        r#type: Coded::Known(BundleType::Document),
        timestamp: now.format(&Rfc3339).ok().map(types::Instant),
        entry: entries,
        ..Default::default()
    })
}

/// The document as JSON, as it is downloaded.
#[must_use]
pub fn to_json(bundle: Bundle) -> String {
    serde_json::to_string_pretty(&Resource::Bundle(Box::new(bundle))).unwrap_or_default()
}
