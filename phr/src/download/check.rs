//! The download's shape, read back: what its tests run on every download they write.

use fhir::r4::resources::Resource;

/// What breaks the download's shape in `bundle` (its JSON), each in words; empty when
/// nothing does: a `collection` Bundle with an identifier and a time, whose every entry
/// has a unique `fullUrl` and a resource that reads as a typed R4 resource, and whose
/// every reference resolves inside it (absolute, or relative to the entry's address).
#[must_use]
pub fn check(bundle: &serde_json::Value) -> Vec<String> {
    let mut problems = Vec::new();
    if bundle["resourceType"] != "Bundle" || bundle["type"] != "collection" {
        problems.push("not a collection Bundle".to_owned());
    }
    if bundle["identifier"]["value"].as_str().is_none() || bundle["timestamp"].as_str().is_none() {
        problems.push("Bundle.identifier or Bundle.timestamp is missing".to_owned());
    }
    let entries = bundle["entry"].as_array().cloned().unwrap_or_default();
    let mut urls = std::collections::HashSet::new();
    for (i, entry) in entries.iter().enumerate() {
        let url = entry["fullUrl"].as_str().unwrap_or_default();
        if url.is_empty() || !urls.insert(url.to_owned()) {
            problems.push(format!(
                "Bundle.entry[{i}].fullUrl is missing or not unique"
            ));
        }
        if let Err(e) = serde_json::from_value::<Resource>(entry["resource"].clone()) {
            problems.push(format!("Bundle.entry[{i}].resource: {e}"));
        }
    }
    for (i, entry) in entries.iter().enumerate() {
        let mut references = Vec::new();
        crate::ips::collect_references(&entry["resource"], &mut references);
        let url = entry["fullUrl"].as_str().unwrap_or_default();
        // The entry's base: its address without `Type/id`.
        let base = url.rsplitn(3, '/').nth(2).unwrap_or_default();
        for r in references {
            let resolved =
                urls.contains(&r) || (!r.contains(':') && urls.contains(&format!("{base}/{r}")));
            if !resolved {
                problems.push(format!(
                    "Bundle.entry[{i}]: the reference {r} does not resolve"
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_check_finds_a_reference_that_does_not_resolve_and_a_resource_that_is_not_one() {
        let bundle = serde_json::json!({
            "resourceType": "Bundle",
            "type": "collection",
            "identifier": {"value": "urn:uuid:1"},
            "timestamp": "2026-12-07T10:00:00+02:00",
            "entry": [
                {"fullUrl": "https://x/fhir/Patient/p1", "resource": {"resourceType": "Patient", "id": "p1"}},
                {"fullUrl": "https://x/fhir/Observation/o1", "resource": {
                    "resourceType": "Observation", "id": "o1", "status": "final",
                    "code": {"text": "weight"}, "subject": {"reference": "Patient/p1"}}},
                {"fullUrl": "urn:uuid:2", "resource": {
                    "resourceType": "Observation", "status": "final",
                    "code": {"text": "weight"}, "subject": {"reference": "urn:uuid:missing"}}},
                {"fullUrl": "urn:uuid:3", "resource": {"resourceType": "Observation", "status": "final"}}
            ]
        });
        let problems = check(&bundle);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with("Bundle.entry[3].resource"),
            "{problems:?}"
        );
        assert!(problems[1].contains("urn:uuid:missing"), "{problems:?}");
    }
}
