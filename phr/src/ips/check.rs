//! The IPS guide's rules that can be checked without a terminology server, read on any
//! document Bundle as JSON.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::{LOINC, PATIENT_SUMMARY, REQUIRED};

/// What breaks the IPS guide's rules in `bundle` (a document Bundle as JSON), each in
/// words; empty when none does. Checked: the Bundle is a `document` with an
/// `identifier` and a `timestamp`; the Composition is its first entry and its only
/// one, of type LOINC 60591-5, with `status`, `date`, `title`, an `author` and a
/// `subject` that resolve, the subject to the one Patient; the medication, allergies
/// and problems sections each exactly once; every section with `title`, `code` and
/// `text`, with `entry` or `emptyReason` and never both; every `fullUrl` unique and
/// every reference resolving inside the Bundle; the Patient with a name and a birth
/// date.
#[must_use]
pub fn check(bundle: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let mut fail = |p: String| problems.push(p);
    if bundle["resourceType"] != "Bundle" {
        fail("not a Bundle".into());
        return problems;
    }
    if bundle["type"] != "document" {
        fail(format!("Bundle.type is {}, not document", bundle["type"]));
    }
    if bundle["identifier"]["value"].as_str().is_none() {
        fail("Bundle.identifier is missing".into());
    }
    if bundle["timestamp"].as_str().is_none() {
        fail("Bundle.timestamp is missing".into());
    }
    let entries = bundle["entry"].as_array().cloned().unwrap_or_default();
    // Addresses, unique; and what each resolves to.
    let mut by_url: HashMap<String, &Value> = HashMap::new();
    for (i, entry) in entries.iter().enumerate() {
        match entry["fullUrl"].as_str() {
            None => fail(format!("Bundle.entry[{i}].fullUrl is missing")),
            Some(url) => {
                if by_url.insert(url.to_owned(), &entry["resource"]).is_some() {
                    fail(format!("Bundle.entry[{i}].fullUrl {url} is not unique"));
                }
            }
        }
    }
    let resolve = |reference: &str| -> Option<&Value> {
        by_url.get(reference).copied().or_else(|| {
            // A relative reference (Type/id) resolves to the entry whose address ends
            // with it.
            (!reference.contains(':'))
                .then(|| {
                    by_url
                        .iter()
                        .find(|(url, _)| url.ends_with(&format!("/{reference}")))
                        .map(|(_, r)| *r)
                })
                .flatten()
        })
    };
    for (i, entry) in entries.iter().enumerate() {
        let mut references = Vec::new();
        collect_references(&entry["resource"], &mut references);
        for r in references {
            if !r.starts_with('#') && resolve(&r).is_none() {
                fail(format!(
                    "Bundle.entry[{i}] refers to {r}, not in the Bundle"
                ));
            }
        }
    }
    let compositions = entries
        .iter()
        .filter(|e| e["resource"]["resourceType"] == "Composition")
        .count();
    let first = entries.first().map(|e| &e["resource"]);
    let Some(composition) = first.filter(|r| r["resourceType"] == "Composition") else {
        fail("the first entry is not a Composition".into());
        return problems;
    };
    if compositions != 1 {
        fail(format!("{compositions} Compositions, not one"));
    }
    let has_code = |concept: &Value, system: &str, code: &str| {
        concept["coding"]
            .as_array()
            .is_some_and(|c| c.iter().any(|c| c["system"] == system && c["code"] == code))
    };
    if !has_code(&composition["type"], LOINC, PATIENT_SUMMARY) {
        fail("Composition.type is not LOINC 60591-5".into());
    }
    for field in ["status", "date", "title"] {
        if composition[field].as_str().is_none() {
            fail(format!("Composition.{field} is missing"));
        }
    }
    if composition["author"].as_array().is_none_or(Vec::is_empty) {
        fail("Composition.author is missing".into());
    }
    let patients: Vec<&Value> = entries
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == "Patient")
        .collect();
    if patients.len() != 1 {
        fail(format!("{} Patients, not one", patients.len()));
    }
    match composition["subject"]["reference"]
        .as_str()
        .and_then(resolve)
    {
        Some(subject) if subject["resourceType"] == "Patient" => {
            if subject["name"].as_array().is_none_or(Vec::is_empty) {
                fail("the Patient has no name".into());
            }
            if subject["birthDate"].as_str().is_none() {
                fail("the Patient has no birthDate".into());
            }
        }
        _ => fail("Composition.subject does not resolve to the Patient".into()),
    }
    let sections = composition["section"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut seen: HashSet<String> = HashSet::new();
    for (i, s) in sections.iter().enumerate() {
        let at = format!("Composition.section[{i}]");
        for field in ["title", "code", "text"] {
            if s[field].is_null() {
                fail(format!("{at}.{field} is missing"));
            }
        }
        let has_entries = s["entry"].as_array().is_some_and(|e| !e.is_empty());
        match (has_entries, !s["emptyReason"].is_null()) {
            (true, true) => fail(format!("{at} has both entry and emptyReason")),
            (false, false) => fail(format!("{at} has neither entry nor emptyReason")),
            _ => {}
        }
        if let Some(code) = s["code"]["coding"]
            .as_array()
            .and_then(|c| c.iter().find(|c| c["system"] == LOINC))
            .and_then(|c| c["code"].as_str())
        {
            if !seen.insert(code.to_owned()) && REQUIRED.iter().any(|r| r.code == code) {
                fail(format!("{at}: the section {code} is there twice"));
            }
        }
    }
    for section in REQUIRED {
        if !seen.contains(section.code) {
            fail(format!(
                "the {} section ({}) is missing",
                section.title, section.code
            ));
        }
    }
    problems
}

/// Every `reference` string inside `value`.
pub(crate) fn collect_references(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("reference", Value::String(r)) => out.push(r.clone()),
                    _ => collect_references(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_references(v, out)),
        _ => {}
    }
}
