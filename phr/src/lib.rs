//! Kanta PHR (Omatietovaranto): the person's wellbeing measurements as FHIR R4
//! Observations, with the `fhir` crate's typed R4 model.
//!
//! - [`KantaPhr`] writes a reading as the resource the archive stores with it
//!   ([`archive::wellbeing::ObservationCodec`]), keeping what an earlier version held
//!   that the form does not know.
//! - [`read_observation`] reads a resource as written by an app: typed parse (the
//!   structure, the value sets), then Kanta PHR's rules (its profile, `final`, a
//!   `urn:uuid` identifier, a known LOINC code, UCUM units) and the reading's own
//!   ([`archive::model::Reading::problems`]); a refusal names the field.
//!
//! Server side only: the crate is large, and the browser's build never sees it.

use archive::model::{Measure, Reading, When, LOINC_SYSTEM};
use archive::wellbeing::{Incoming, ObservationCodec, ResourceIds};
use fhir::r4::choice::Primitive;
use fhir::r4::coded::Coded;
use fhir::r4::codes::ObservationStatus;
use fhir::r4::resources::observation::{
    ObservationComponent, ObservationComponentValue, ObservationEffective, ObservationValue,
};
use fhir::r4::resources::{Observation, Patient, Resource};
use fhir::r4::types;
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

pub mod download;
pub mod ips;
pub mod rest;

/// The system of UCUM units.
pub const UCUM: &str = "http://unitsofmeasure.org";
/// The system of an identifier that is a URI (`urn:uuid:…`).
pub const URI_SYSTEM: &str = "urn:ietf:rfc:3986";

/// The Kanta PHR codec: readings to resources.
#[derive(Debug, Clone, Copy, Default)]
pub struct KantaPhr;

impl ObservationCodec for KantaPhr {
    fn encode(&self, reading: &Reading, ids: &ResourceIds<'_>, previous: Option<&str>) -> String {
        let mut observation = previous
            .and_then(|p| match serde_json::from_str::<Resource>(p) {
                Ok(Resource::Observation(o)) => Some(*o),
                _ => None,
            })
            .unwrap_or_default();
        write_reading(&mut observation, reading, ids);
        // A typed model always serialises.
        serde_json::to_string(&Resource::Observation(Box::new(observation))).unwrap_or_default()
    }

    fn stamp(&self, resource: &str, ids: &ResourceIds<'_>) -> String {
        let Ok(serde_json::Value::Object(mut object)) = serde_json::from_str(resource) else {
            // Read by `read_observation` before it is stored: always an object.
            return resource.to_owned();
        };
        object.insert("id".into(), ids.resource_id.into());
        let meta = object
            .entry("meta")
            .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
        if let serde_json::Value::Object(meta) = meta {
            meta.insert("versionId".into(), ids.version.to_string().into());
            if let Ok(at) = ids.last_updated.format(&Rfc3339) {
                meta.insert("lastUpdated".into(), at.into());
            }
        }
        serde_json::Value::Object(object).to_string()
    }
}

fn coding(system: &str, code: &str) -> types::Coding {
    types::Coding {
        system: Some(types::Uri(system.into())),
        code: Some(types::Code(code.into())),
        ..Default::default()
    }
}

fn concept(system: &str, code: &str) -> types::CodeableConcept {
    types::CodeableConcept {
        coding: vec![coding(system, code)],
        ..Default::default()
    }
}

fn quantity(value: f64, decimals: u8, unit: &str) -> types::Quantity {
    let lexeme = format!("{value:.prec$}", prec = usize::from(decimals));
    types::Quantity {
        value: types::Decimal::new(lexeme).ok(),
        unit: Some(types::String(unit.into())),
        system: Some(types::Uri(UCUM.into())),
        code: Some(types::Code(unit.into())),
        ..Default::default()
    }
}

/// Writes `reading` and the ids into `o`: its profile, status, category and code, the
/// subject (and performer: the person measured themself), when, and the values; what
/// else `o` holds is left as it is.
fn write_reading(o: &mut Observation, reading: &Reading, ids: &ResourceIds<'_>) {
    let spec = reading.measure.spec();
    o.id = Some(types::String(ids.resource_id.into()));
    let mut meta = o.meta.take().unwrap_or_default();
    meta.version_id = Some(types::Id(ids.version.to_string()));
    meta.last_updated = ids.last_updated.format(&Rfc3339).ok().map(types::Instant);
    if !meta.profile.0.iter().flatten().any(|p| p.0 == spec.profile) {
        meta.profile
            .0
            .push(Some(types::Canonical(spec.profile.into())));
    }
    o.meta = Some(meta);
    if !o
        .identifier
        .iter()
        .any(|i| i.value.as_ref().is_some_and(|v| v.0 == ids.identifier))
    {
        o.identifier.push(types::Identifier {
            system: Some(types::Uri(URI_SYSTEM.into())),
            value: Some(types::String(ids.identifier.into())),
            ..Default::default()
        });
    }
    o.status = Coded::Known(ObservationStatus::Final);
    if o.category.is_empty() {
        o.category = vec![concept(spec.category.0, spec.category.1)];
    }
    if Measure::of_codes(&o.code) != Some(reading.measure) {
        o.code = concept(LOINC_SYSTEM, spec.loinc);
    }
    let patient = format!("Patient/{}", ids.patient_id);
    o.subject = Some(types::Reference {
        reference: Some(types::String(patient.clone())),
        ..Default::default()
    });
    if o.performer.is_empty() {
        o.performer = vec![types::Reference {
            reference: Some(types::String(patient)),
            ..Default::default()
        }];
    }
    let effective = reading.when.text().unwrap_or_default();
    o.effective = Some(ObservationEffective::DateTime(Primitive::new(
        types::DateTime(effective),
    )));
    match spec.values {
        [single] if single.component.is_none() => {
            o.value = Some(ObservationValue::Quantity(Box::new(quantity(
                reading.values[0],
                single.decimals,
                spec.unit,
            ))));
            o.component.clear();
        }
        components => {
            o.value = None;
            o.component = components
                .iter()
                .zip(&reading.values)
                .map(|(c, value)| ObservationComponent {
                    code: concept(LOINC_SYSTEM, c.component.unwrap_or(spec.loinc)),
                    value: Some(ObservationComponentValue::Quantity(Box::new(quantity(
                        *value, c.decimals, spec.unit,
                    )))),
                    ..Default::default()
                })
                .collect();
        }
    }
}

/// Which kind a resource's code names, by its LOINC codings.
trait OfCodes {
    fn of_codes(code: &types::CodeableConcept) -> Option<Measure>;
}

impl OfCodes for Measure {
    fn of_codes(code: &types::CodeableConcept) -> Option<Measure> {
        code.coding
            .iter()
            .filter(|c| c.system.as_ref().is_some_and(|s| s.0 == LOINC_SYSTEM))
            .find_map(|c| c.code.as_ref().and_then(|code| Measure::of_loinc(&code.0)))
    }
}

/// Why a resource is refused: the field (a FHIRPath-like location, `Observation.code`)
/// and what is wrong with it, in words for the app's developer (an OperationOutcome's
/// diagnostics); never a value of the resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub location: String,
    pub problem: String,
    /// Not a FHIR R4 resource of the type asked for at all (its structure), rather
    /// than a rule broken.
    pub structural: bool,
}

impl Refusal {
    fn new(location: impl Into<String>, problem: impl Into<String>) -> Self {
        Self {
            location: location.into(),
            problem: problem.into(),
            structural: false,
        }
    }

    fn structural(location: impl Into<String>, problem: impl Into<String>) -> Self {
        Self {
            structural: true,
            ..Self::new(location, problem)
        }
    }
}

/// A resource read as Kanta PHR takes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    pub reading: Reading,
    /// Its identifiers, `system|value`.
    pub identifiers: Vec<String>,
    /// The patient its subject names (`Patient/<id>`'s id).
    pub patient: String,
    pub observation: Observation,
}

/// Reads an Observation as written: the typed R4 model first (a wrong type, an unknown
/// element's value, a code outside its value set), then Kanta PHR's rules and the
/// reading's, at `now` (Finnish `today`).
///
/// # Errors
/// The first [`Refusal`], naming the field.
pub fn read_observation(json: &str, now: OffsetDateTime, today: Date) -> Result<Read, Refusal> {
    let resource: Resource = serde_json::from_str(json).map_err(|e| {
        // serde's message names the field or the type expected, never the values.
        Refusal::structural("Observation", format!("not a valid FHIR R4 resource: {e}"))
    })?;
    let Resource::Observation(observation) = resource else {
        return Err(Refusal::structural(
            "resourceType",
            "only Observation resources are taken",
        ));
    };
    let observation = *observation;
    if let Some(issue) = fhir::validate::Validate::validate(&observation)
        .into_iter()
        .next()
    {
        return Err(Refusal::new(
            format!("Observation.{}", issue.path),
            issue.message,
        ));
    }
    let measure = Measure::of_codes(&observation.code)
        .ok_or_else(|| Refusal::new("Observation.code", "no LOINC code of a known measurement"))?;
    let spec = measure.spec();
    let profiles: Vec<&str> = observation
        .meta
        .iter()
        .flat_map(|m| m.profile.0.iter().flatten())
        .map(|p| p.0.as_str())
        .collect();
    if !profiles.contains(&spec.profile) {
        return Err(Refusal::new(
            "Observation.meta.profile",
            format!("must name {}", spec.profile),
        ));
    }
    if observation.status != Coded::Known(ObservationStatus::Final) {
        return Err(Refusal::new("Observation.status", "must be final"));
    }
    let identifiers: Vec<String> = observation
        .identifier
        .iter()
        .filter_map(|i| {
            Some(format!(
                "{}|{}",
                i.system.as_ref().map_or("", |s| s.0.as_str()),
                i.value.as_ref()?.0
            ))
        })
        .collect();
    if !observation.identifier.iter().any(|i| {
        i.system.as_ref().is_some_and(|s| s.0 == URI_SYSTEM)
            && i.value
                .as_ref()
                .is_some_and(|v| v.0.starts_with("urn:uuid:"))
    }) {
        return Err(Refusal::new(
            "Observation.identifier",
            "an identifier urn:uuid:… of system urn:ietf:rfc:3986 is required",
        ));
    }
    let patient = observation
        .subject
        .as_ref()
        .and_then(|s| s.reference.as_ref())
        .and_then(|r| r.0.strip_prefix("Patient/"))
        .map(str::to_owned)
        .ok_or_else(|| Refusal::new("Observation.subject", "must reference Patient/<id>"))?;
    let when = match &observation.effective {
        Some(ObservationEffective::DateTime(d)) => When::of_text(&d.value.0),
        Some(ObservationEffective::Instant(i)) => When::of_text(&i.value.0),
        Some(ObservationEffective::Period(p)) => p.start.as_ref().and_then(|s| When::of_text(&s.0)),
        _ => None,
    }
    .ok_or_else(|| {
        Refusal::new(
            "Observation.effective[x]",
            "a day (YYYY-MM-DD) or a time with its offset is required",
        )
    })?;
    let values = values_of(&observation, measure)?;
    let reading = Reading {
        measure,
        when,
        values,
    };
    if let Some((field, code)) = reading.problems(now, today).first() {
        let location = match *field {
            "date" => "Observation.effective[x]".to_owned(),
            field => value_location(measure, field),
        };
        return Err(Refusal::new(location, problem_words(code)));
    }
    Ok(Read {
        reading,
        identifiers,
        patient,
        observation,
    })
}

/// Reads the person's Patient as an app wrote it (`PUT Patient/<id>`): the typed R4
/// model (its structure, its value sets) and its validation; the id, if the resource
/// names one, must be `id`, the address's. What it holds otherwise is the app's and
/// the person's: stored as it came.
///
/// # Errors
/// The first [`Refusal`], naming the field.
pub fn read_patient(json: &str, id: &str) -> Result<Patient, Refusal> {
    let resource: Resource = serde_json::from_str(json).map_err(|e| {
        Refusal::structural("Patient", format!("not a valid FHIR R4 resource: {e}"))
    })?;
    let Resource::Patient(patient) = resource else {
        return Err(Refusal::structural(
            "resourceType",
            "only a Patient resource is taken here",
        ));
    };
    if let Some(issue) = fhir::validate::Validate::validate(&*patient)
        .into_iter()
        .next()
    {
        return Err(Refusal::new(
            format!("Patient.{}", issue.path),
            issue.message,
        ));
    }
    if patient.id.as_ref().is_some_and(|own| own.0 != id) {
        return Err(Refusal::structural(
            "Patient.id",
            "the resource's id must be the one in the address",
        ));
    }
    Ok(*patient)
}

/// A resource as an app sent it, read by [`read_observation`], as the archive stores
/// it: the reading for the searchable columns, the JSON as received.
///
/// # Errors
/// The first [`Refusal`], naming the field.
pub fn incoming(json: &str, now: OffsetDateTime, today: Date) -> Result<Incoming, Refusal> {
    let read = read_observation(json, now, today)?;
    Ok(Incoming {
        reading: read.reading,
        identifiers: read.identifiers,
        patient: read.patient,
        resource: json.to_owned(),
    })
}

fn value_location(measure: Measure, field: &str) -> String {
    let spec = measure.spec();
    match spec.values.iter().position(|v| v.field == field) {
        Some(i) if spec.values[i].component.is_some() => {
            format!("Observation.component[{i}].valueQuantity")
        }
        _ => "Observation.valueQuantity".to_owned(),
    }
}

fn problem_words(code: &str) -> &'static str {
    match code {
        "range" => "the value is outside the plausible range of this measurement",
        "decimals" => "the value has more decimals than this measurement has",
        "systolic-below-diastolic" => "the systolic pressure must be above the diastolic",
        "future" => "the time is in the future",
        _ => "the value is missing",
    }
}

/// A quantity's value, in the kind's UCUM unit.
fn quantity_value(q: &types::Quantity, unit: &str, location: &str) -> Result<f64, Refusal> {
    if q.system.as_ref().map(|s| s.0.as_str()) != Some(UCUM)
        || q.code.as_ref().map(|c| c.0.as_str()) != Some(unit)
    {
        return Err(Refusal::new(
            location,
            format!("the unit must be UCUM {unit}"),
        ));
    }
    q.value
        .as_ref()
        .map(types::Decimal::as_f64)
        .ok_or_else(|| Refusal::new(format!("{location}.value"), "the value is missing"))
}

fn values_of(o: &Observation, measure: Measure) -> Result<Vec<f64>, Refusal> {
    let spec = measure.spec();
    spec.values
        .iter()
        .map(|v| match v.component {
            None => match &o.value {
                Some(ObservationValue::Quantity(q)) => {
                    quantity_value(q, spec.unit, "Observation.valueQuantity")
                }
                _ => Err(Refusal::new(
                    "Observation.valueQuantity",
                    "a valueQuantity is required",
                )),
            },
            Some(code) => {
                let (i, c) = o
                    .component
                    .iter()
                    .enumerate()
                    .find(|(_, c)| {
                        c.code.coding.iter().any(|k| {
                            k.system.as_ref().is_some_and(|s| s.0 == LOINC_SYSTEM)
                                && k.code.as_ref().is_some_and(|k| k.0 == code)
                        })
                    })
                    .ok_or_else(|| {
                        Refusal::new(
                            "Observation.component",
                            format!("a component {code} is required"),
                        )
                    })?;
                let location = format!("Observation.component[{i}].valueQuantity");
                match &c.value {
                    Some(ObservationComponentValue::Quantity(q)) => {
                        quantity_value(q, spec.unit, &location)
                    }
                    _ => Err(Refusal::new(location, "a valueQuantity is required")),
                }
            }
        })
        .collect()
}
