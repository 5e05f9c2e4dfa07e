//! An IPS document read into what the archive can hold of it: the person it is about,
//! where it came from, and the entries of its allergies, problems, medication,
//! procedures and immunisations sections, each with its first coding. Read with the
//! `fhir` crate's typed R4 model (a resource that is not valid R4 refuses the file).
//! Anything that cannot be mapped is named by resource and field: in a section the
//! archive holds, it refuses the whole file (nothing of it is to be stored); in a
//! section it does not hold (vital signs, devices, …), it is listed as not imported.

use std::collections::{HashMap, HashSet};

use fhir::r4::resources::allergy_intolerance::AllergyIntoleranceOnset;
use fhir::r4::resources::condition::ConditionOnset;
use fhir::r4::resources::immunization::ImmunizationOccurrence;
use fhir::r4::resources::medication_statement::MedicationStatementMedication;
use fhir::r4::resources::procedure::ProcedurePerformed;
use fhir::r4::resources::Resource;
use fhir::r4::types;
use serde_json::Value;

use super::{ALLERGIES, IMMUNIZATIONS, MEDICATIONS, PROBLEMS, PROCEDURES};

/// What could not be read, or is not held: the resource (`Condition/…`, or its
/// address), the field, and why, in words for whoever imports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotImported {
    pub resource: String,
    pub field: String,
    pub why: String,
}

/// A coded entry: its first coding, and the day it is about (onset, occurrence,
/// performance), as written (a year, a day or a time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedEntry {
    pub system: String,
    pub code: String,
    pub display: String,
    pub date: Option<String>,
}

/// A medicine in use: its name as written, its first coding, and the dosage's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedMedication {
    pub name: String,
    pub system: String,
    pub code: String,
    pub dosage: String,
}

/// The person the document is about, as it names them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportedPatient {
    pub family: String,
    pub given: String,
    pub birth_date: String,
    /// Identifiers as `system|value`.
    pub identifiers: Vec<String>,
}

/// What an IPS document holds that the archive can keep.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Imported {
    /// Where it came from: its author's or custodian's name, else its identifier.
    pub source: String,
    /// The document's identifier, as `system|value`.
    pub identifier: String,
    /// The Composition's title and date (a day or a time), as written.
    pub title: String,
    pub date: String,
    /// The language it is written in (BCP 47, the Bundle's or the Composition's).
    pub language: Option<String>,
    pub patient: ImportedPatient,
    pub allergies: Vec<ImportedEntry>,
    pub problems: Vec<ImportedEntry>,
    pub medications: Vec<ImportedMedication>,
    pub procedures: Vec<ImportedEntry>,
    pub immunizations: Vec<ImportedEntry>,
    /// Entries of sections the archive does not hold.
    pub not_imported: Vec<NotImported>,
}

fn text(s: Option<&types::String>) -> String {
    s.map(|s| s.0.clone()).unwrap_or_default()
}

/// The first coding with a system and a code, and the concept's text or the coding's
/// display.
fn first_coding(concept: Option<&types::CodeableConcept>) -> Option<(String, String, String)> {
    let concept = concept?;
    let coding = concept
        .coding
        .iter()
        .find(|c| c.system.is_some() && c.code.is_some())?;
    let display = coding
        .display
        .as_ref()
        .or(concept.text.as_ref())
        .map(|s| s.0.clone())
        .unwrap_or_default();
    Some((
        coding.system.as_ref()?.0.clone(),
        coding.code.as_ref()?.0.clone(),
        display,
    ))
}

/// Reads `bundle` (an IPS document as JSON).
///
/// # Errors
/// Every reason it is refused: the IPS guide's rules ([`super::check`]), a resource
/// that is not valid R4, an entry of a held section without a code.
pub fn read(bundle: &Value) -> Result<Imported, Vec<NotImported>> {
    let broken = super::check(bundle);
    if !broken.is_empty() {
        return Err(broken
            .into_iter()
            .map(|why| NotImported {
                resource: "Bundle".into(),
                field: "Bundle".into(),
                why,
            })
            .collect());
    }
    let mut refusals = Vec::new();
    // Every entry's JSON by its address; typed when the archive holds what it is
    // (a resource of a section it does not hold is only named, never read).
    let mut raw: HashMap<String, (usize, &Value)> = HashMap::new();
    for (i, entry) in bundle["entry"].as_array().into_iter().flatten().enumerate() {
        let url = entry["fullUrl"].as_str().unwrap_or_default().to_owned();
        raw.insert(url, (i, &entry["resource"]));
    }
    let held = held_addresses(bundle, &raw);
    let mut typed: HashMap<String, Resource> = HashMap::new();
    let mut kinds: HashMap<String, String> = HashMap::new();
    for (url, (i, resource)) in &raw {
        kinds.insert(
            url.clone(),
            resource["resourceType"]
                .as_str()
                .unwrap_or("Resource")
                .to_owned(),
        );
        if !held.contains(url) {
            continue;
        }
        match serde_json::from_value::<Resource>((*resource).clone()) {
            Ok(resource) => {
                typed.insert(url.clone(), resource);
            }
            Err(e) => refusals.push(NotImported {
                resource: format!("Bundle.entry[{i}]"),
                field: resource["resourceType"]
                    .as_str()
                    .unwrap_or("resource")
                    .to_owned(),
                why: format!("not a valid FHIR R4 resource: {}", value_free(&e)),
            }),
        }
    }
    let resolve = |reference: &str| -> Option<(&String, &Resource)> {
        typed.get_key_value(reference).or_else(|| {
            typed
                .iter()
                .find(|(url, _)| url.ends_with(&format!("/{reference}")))
        })
    };
    let composition = &bundle["entry"][0]["resource"];
    let mut imported = Imported {
        source: ["author", "custodian"]
            .iter()
            .filter_map(|f| {
                let r = composition[f]
                    .as_array()
                    .and_then(|a| a.first())
                    .unwrap_or(&composition[f]);
                r["reference"].as_str()
            })
            .find_map(|r| match resolve(r) {
                Some((_, Resource::Organization(o))) => o.name.as_ref().map(|n| n.0.clone()),
                _ => None,
            })
            .or_else(|| bundle["identifier"]["value"].as_str().map(str::to_owned))
            .unwrap_or_default(),
        identifier: format!(
            "{}|{}",
            bundle["identifier"]["system"].as_str().unwrap_or_default(),
            bundle["identifier"]["value"].as_str().unwrap_or_default()
        ),
        title: composition["title"].as_str().unwrap_or_default().to_owned(),
        date: composition["date"].as_str().unwrap_or_default().to_owned(),
        language: bundle["language"]
            .as_str()
            .or_else(|| composition["language"].as_str())
            .map(str::to_owned),
        ..Default::default()
    };
    if let Some((_, Resource::Patient(p))) = composition["subject"]["reference"]
        .as_str()
        .and_then(resolve)
    {
        let name = p.name.first();
        imported.patient = ImportedPatient {
            family: text(name.and_then(|n| n.family.as_ref())),
            given: name
                .map(|n| {
                    n.given
                        .0
                        .iter()
                        .flatten()
                        .map(|g| g.0.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default(),
            birth_date: p
                .birth_date
                .as_ref()
                .map(|d| d.0.clone())
                .unwrap_or_default(),
            identifiers: p
                .identifier
                .iter()
                .filter_map(|i| {
                    Some(format!(
                        "{}|{}",
                        i.system.as_ref().map(|s| s.0.as_str()).unwrap_or_default(),
                        i.value.as_ref()?.0
                    ))
                })
                .collect(),
        };
    }
    for section in composition["section"].as_array().into_iter().flatten() {
        let code = section["code"]["coding"][0]["code"]
            .as_str()
            .unwrap_or_default();
        let title = section["title"].as_str().unwrap_or(code).to_owned();
        for reference in section["entry"].as_array().into_iter().flatten() {
            let reference = reference["reference"].as_str().unwrap_or_default();
            let Some(url) = address(&raw, reference) else {
                continue; // a refusal of check(), already returned
            };
            let Some(resource) = typed.get(url) else {
                if !held.contains(url) {
                    imported.not_imported.push(NotImported {
                        resource: format!(
                            "{} {url}",
                            kinds.get(url).map_or("Resource", String::as_str)
                        ),
                        field: format!("Composition.section ({title})"),
                        why: "a section the archive does not hold".into(),
                    });
                }
                continue; // held but not valid R4: refused above
            };
            let name = |t: &str| format!("{t} {url}");
            let missing = |t: &str, field: &str| NotImported {
                resource: name(t),
                field: format!("{t}.{field}"),
                why: "no coding with a system and a code".into(),
            };
            match (code, resource) {
                (c, Resource::AllergyIntolerance(a)) if c == ALLERGIES.code => {
                    match first_coding(a.code.as_ref()) {
                        Some((system, code, display)) => imported.allergies.push(ImportedEntry {
                            system,
                            code,
                            display,
                            date: match &a.onset {
                                Some(AllergyIntoleranceOnset::DateTime(d)) => {
                                    Some(d.value.0.clone())
                                }
                                _ => a.recorded_date.as_ref().map(|d| d.0.clone()),
                            },
                        }),
                        None => refusals.push(missing("AllergyIntolerance", "code")),
                    }
                }
                (c, Resource::Condition(p)) if c == PROBLEMS.code => {
                    match first_coding(p.code.as_ref()) {
                        Some((system, code, display)) => imported.problems.push(ImportedEntry {
                            system,
                            code,
                            display,
                            date: match &p.onset {
                                Some(ConditionOnset::DateTime(d)) => Some(d.value.0.clone()),
                                _ => p.recorded_date.as_ref().map(|d| d.0.clone()),
                            },
                        }),
                        None => refusals.push(missing("Condition", "code")),
                    }
                }
                (c, Resource::Procedure(p)) if c == PROCEDURES.code => {
                    match first_coding(p.code.as_ref()) {
                        Some((system, code, display)) => imported.procedures.push(ImportedEntry {
                            system,
                            code,
                            display,
                            date: match &p.performed {
                                Some(ProcedurePerformed::DateTime(d)) => Some(d.value.0.clone()),
                                _ => None,
                            },
                        }),
                        None => refusals.push(missing("Procedure", "code")),
                    }
                }
                (c, Resource::Immunization(i)) if c == IMMUNIZATIONS.code => {
                    match first_coding(Some(&i.vaccine_code)) {
                        Some((system, code, display)) => {
                            imported.immunizations.push(ImportedEntry {
                                system,
                                code,
                                display,
                                date: match &i.occurrence {
                                    Some(ImmunizationOccurrence::DateTime(d)) => {
                                        Some(d.value.0.clone())
                                    }
                                    _ => None,
                                },
                            });
                        }
                        None => refusals.push(missing("Immunization", "vaccineCode")),
                    }
                }
                (c, Resource::MedicationStatement(s)) if c == MEDICATIONS.code => {
                    let concept = match &s.medication {
                        Some(MedicationStatementMedication::CodeableConcept(c)) => {
                            Some((**c).clone())
                        }
                        Some(MedicationStatementMedication::Reference(r)) => r
                            .reference
                            .as_ref()
                            .and_then(|r| resolve(&r.0))
                            .and_then(|(_, m)| match m {
                                Resource::Medication(m) => m.code.clone(),
                                _ => None,
                            }),
                        _ => None,
                    };
                    match first_coding(concept.as_ref()) {
                        Some((system, code, display)) => {
                            imported.medications.push(ImportedMedication {
                                name: concept
                                    .as_ref()
                                    .and_then(|c| c.text.as_ref())
                                    .map_or(display, |t| t.0.clone()),
                                system,
                                code,
                                dosage: s
                                    .dosage
                                    .iter()
                                    .filter_map(|d| d.text.as_ref().map(|t| t.0.clone()))
                                    .collect::<Vec<_>>()
                                    .join("; "),
                            });
                        }
                        None => refusals.push(missing("MedicationStatement", "medication")),
                    }
                }
                _ => imported.not_imported.push(NotImported {
                    resource: name(kinds.get(url.as_str()).map_or("Resource", String::as_str)),
                    field: format!("Composition.section ({title})"),
                    why: "a section the archive does not hold".into(),
                }),
            }
        }
    }
    if refusals.is_empty() {
        Ok(imported)
    } else {
        Err(refusals)
    }
}

/// What serde says is wrong with a resource, without the value it found (which may be
/// a name or an identity code): the rule broken, the field or code it expected.
fn value_free(e: &serde_json::Error) -> String {
    let message = e.to_string();
    for wrong in [
        "invalid type",
        "invalid value",
        "invalid length",
        "unknown variant",
    ] {
        if message.starts_with(wrong) {
            return match message.find(", expected") {
                Some(at) => format!("{wrong}{}", &message[at..]),
                None => wrong.to_owned(),
            };
        }
    }
    // "missing field `x`", "unknown field `x`, expected …", "duplicate field `x`":
    // names of FHIR's fields, not values.
    if message.contains(" field `") {
        message
    } else {
        "not readable as the resource it says it is".to_owned()
    }
}

/// The address `reference` resolves to inside the Bundle: itself, or the entry whose
/// address ends with a relative `Type/id`.
fn address<'a>(raw: &'a HashMap<String, (usize, &Value)>, reference: &str) -> Option<&'a String> {
    raw.get_key_value(reference).map(|(k, _)| k).or_else(|| {
        (!reference.contains(':'))
            .then(|| {
                raw.keys()
                    .find(|url| url.ends_with(&format!("/{reference}")))
            })
            .flatten()
    })
}

/// What is read typed: the Patient and the organisations the Composition names, the
/// entries of the sections the archive holds, and the Medications those name.
fn held_addresses(bundle: &Value, raw: &HashMap<String, (usize, &Value)>) -> HashSet<String> {
    const HELD: [&str; 5] = [
        ALLERGIES.code,
        PROBLEMS.code,
        MEDICATIONS.code,
        PROCEDURES.code,
        IMMUNIZATIONS.code,
    ];
    let composition = &bundle["entry"][0]["resource"];
    let mut references: Vec<String> = Vec::new();
    for field in ["subject", "author", "custodian"] {
        super::collect_references(&composition[field], &mut references);
    }
    for section in composition["section"].as_array().into_iter().flatten() {
        let code = section["code"]["coding"][0]["code"]
            .as_str()
            .unwrap_or_default();
        if HELD.contains(&code) {
            super::collect_references(&section["entry"], &mut references);
        }
    }
    let mut held: HashSet<String> = references
        .iter()
        .filter_map(|r| address(raw, r).cloned())
        .collect();
    // The Medications the held statements name.
    let named: Vec<String> = held
        .iter()
        .filter_map(|url| raw.get(url))
        .filter_map(|(_, r)| r["medicationReference"]["reference"].as_str())
        .filter_map(|r| address(raw, r).cloned())
        .collect();
    held.extend(named);
    held
}
