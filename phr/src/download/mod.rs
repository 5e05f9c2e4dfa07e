//! The download of all the person's data as one FHIR R4 `collection` Bundle, written a
//! part at a time ([`archive::download`]): the Bundle's head, then each part's
//! entries, then its end, so that whoever sends it holds one part at a time.
//!
//! Each part becomes typed R4 resources: the person a Patient; a laboratory result or
//! a measurement an Observation, any other document a DocumentReference with its text;
//! a prescription a MedicationRequest and each purchase a MedicationDispense; a renewal
//! request a Task on its prescription; each version of the living will and of the organ
//! donation testament, each change of a consent or denial and of a consent abroad a
//! Consent; wellbeing data as its app wrote it; each entry of the disclosure log an
//! AuditEvent. Every resource refers to the Patient by its `fullUrl`.

use std::collections::HashMap;

use archive::download::model::{Part, PersonPart};
use archive::model::Outcome;
use archive::model::{
    systems, AbnormalFlag, Dispensation, Document, DocumentKind, LoggedAction, Prescription,
    PrescriptionStatus, RenewalRequest, RenewalStatus,
};
use fhir::r4::builder::BuilderError;
use fhir::r4::choice::Primitive;
use fhir::r4::coded::Coded;
use fhir::r4::codes::{
    AuditEventOutcome, BundleType, DocumentReferenceStatus, MedicationdispenseStatus,
    MedicationrequestIntent, MedicationrequestStatus, ObservationStatus, TaskIntent, TaskStatus,
};
use fhir::r4::resources::audit_event::{AuditEventAgent, AuditEventSource};
use fhir::r4::resources::bundle::BundleEntry;
use fhir::r4::resources::document_reference::DocumentReferenceContent;
use fhir::r4::resources::medication_dispense::{
    MedicationDispenseMedication, MedicationDispensePerformer,
};
use fhir::r4::resources::medication_request::{
    MedicationRequestDispenseRequest, MedicationRequestMedication,
};
use fhir::r4::resources::observation::{
    ObservationComponent, ObservationComponentValue, ObservationEffective,
    ObservationReferenceRange, ObservationValue,
};
use fhir::r4::resources::{
    AuditEvent, Bundle, DocumentReference, MedicationDispense, MedicationRequest, Observation,
    Resource, Task,
};
use fhir::r4::types;
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime, PrimitiveDateTime};

use crate::ips::{concept, date_time, reference, string};

mod check;
mod consents;

pub use check::check;

const OBSERVATION_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
const INTERPRETATION: &str = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
const CONSENT_SCOPE: &str = "http://terminology.hl7.org/CodeSystem/consentscope";
const CONSENT_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/consentcategorycodes";
const AUDIT_TYPE: &str = "http://terminology.hl7.org/CodeSystem/audit-event-type";
const DOCUMENT_KIND: &str = "urn:omakanta:document-kind";
const LOG_ACTION: &str = "urn:omakanta:audit-action";

/// Writes one download's Bundle: [`BundleWriter::head`], [`BundleWriter::part`] for
/// each part in turn, then [`BundleWriter::TAIL`].
#[derive(Debug)]
pub struct BundleWriter<F: FnMut() -> String> {
    new_id: F,
    /// The FHIR interface's address, which wellbeing data's references are relative to.
    base: String,
    patient_url: String,
    /// Each prescription's `fullUrl`, for its purchases' and renewal requests'
    /// references.
    prescriptions: HashMap<i64, String>,
    written: bool,
}

impl<F: FnMut() -> String> BundleWriter<F> {
    /// What ends the Bundle.
    pub const TAIL: &'static str = "]}";

    /// A writer that names resources by `new_id` (a UUID each); `base` is the FHIR
    /// interface's address (`https://…/fhir`), where the Patient and the wellbeing data
    /// have their addresses, so that the wellbeing data's references to the Patient
    /// (`Patient/<id>`, as its apps wrote them) resolve inside the Bundle.
    pub fn new(mut new_id: F, base: &str) -> Self {
        let patient_url = format!("urn:uuid:{}", new_id());
        Self {
            new_id,
            base: base.trim_end_matches('/').to_owned(),
            patient_url,
            prescriptions: HashMap::new(),
            written: false,
        }
    }

    /// The Bundle up to its first entry: its type, identifier and time.
    pub fn head(&mut self, now: OffsetDateTime) -> String {
        let bundle = Bundle {
            identifier: Some(types::Identifier {
                system: Some(types::Uri("urn:ietf:rfc:3986".into())),
                value: Some(string(&format!("urn:uuid:{}", (self.new_id)()))),
                ..Default::default()
            }),
            r#type: Coded::Known(BundleType::Collection),
            timestamp: now.format(&Rfc3339).ok().map(types::Instant),
            ..Default::default()
        };
        let json = serde_json::to_string(&Resource::Bundle(Box::new(bundle))).unwrap_or_default();
        // The typed Bundle without entries, its closing brace replaced by the entries'
        // opening: `{"resourceType":"Bundle",…,"entry":[`.
        let open = json.strip_suffix('}').unwrap_or(&json);
        format!("{open},\"entry\":[")
    }

    /// The entries of one part, each after a comma unless it is the Bundle's first.
    ///
    /// # Errors
    /// When a resource lacks what FHIR requires of it (the writer's fault, not the
    /// data's).
    pub fn part(&mut self, part: &Part) -> Result<String, BuilderError> {
        let resources = self.resources(part)?;
        let mut out = String::new();
        for (url, resource) in resources {
            let entry = BundleEntry {
                full_url: Some(types::Uri(url)),
                resource: Some(resource),
                ..Default::default()
            };
            if self.written {
                out.push(',');
            }
            out.push_str(&serde_json::to_string(&entry).unwrap_or_default());
            self.written = true;
        }
        Ok(out)
    }

    fn url(&mut self) -> String {
        format!("urn:uuid:{}", (self.new_id)())
    }

    fn resources(&mut self, part: &Part) -> Result<Vec<(String, serde_json::Value)>, BuilderError> {
        let mut out = Vec::new();
        match part {
            Part::Person(p) => {
                if let Some(id) = &p.patient_id {
                    self.patient_url = format!("{}/Patient/{id}", self.base);
                }
                add(&mut out, self.patient_url.clone(), patient(p));
            }
            Part::Documents(documents) => {
                for d in documents {
                    let url = self.url();
                    add(&mut out, url, self.document(d)?);
                }
            }
            Part::Prescriptions(prescriptions) => {
                for p in prescriptions {
                    let url = self.url();
                    self.prescriptions.insert(p.id.get(), url.clone());
                    add(&mut out, url.clone(), self.prescription(p));
                    for d in &p.dispensations {
                        let dispense = self.dispensation(p, d, &url);
                        add(&mut out, self.url(), dispense);
                    }
                }
            }
            Part::RenewalRequests(requests) => {
                for r in requests {
                    let task = self.renewal(r);
                    add(&mut out, self.url(), task);
                }
            }
            Part::LivingWill(versions) => {
                for v in versions {
                    let consent = self.living_will(v)?;
                    add(&mut out, self.url(), consent);
                }
            }
            Part::OrganDonation(versions) => {
                for v in versions {
                    let consent = self.organ_donation(v)?;
                    add(&mut out, self.url(), consent);
                }
            }
            Part::Consents(consents) => {
                for e in &consents.history {
                    let consent = self.choice(e)?;
                    add(&mut out, self.url(), consent);
                }
            }
            Part::Abroad(abroad) => {
                for e in &abroad.history {
                    let consent = self.abroad(e)?;
                    add(&mut out, self.url(), consent);
                }
            }
            Part::Wellbeing(measurements) => {
                for m in measurements {
                    // As its app wrote it: what the archive keeps is what it was given.
                    // As its app wrote it (stored as received): a typed model would
                    // drop what it does not know.
                    if let Ok(v) = serde_json::from_str::<serde_json::Value>(&m.resource) {
                        let url = match (v["resourceType"].as_str(), v["id"].as_str()) {
                            (Some(kind), Some(id)) => format!("{}/{kind}/{id}", self.base),
                            _ => self.url(),
                        };
                        out.push((url, v));
                    }
                }
            }
            Part::DisclosureLog(entries) => {
                for e in entries {
                    let event = self.log_entry(e)?;
                    add(&mut out, self.url(), event);
                }
            }
        }
        Ok(out)
    }

    fn subject(&self) -> types::Reference {
        reference(&self.patient_url)
    }

    fn document(&self, d: &Document) -> Result<Resource, BuilderError> {
        let s = &d.summary;
        let code = match (&d.coding, &d.lab) {
            (_, Some(lab)) => concept(systems::FI_LAB, &lab.test_code, &lab.test_name),
            (Some(c), None) => concept(&c.system, &c.code, &c.display),
            (None, None) => concept(DOCUMENT_KIND, s.kind.code(), &s.title),
        };
        let performer = vec![types::Reference {
            display: Some(string(&s.organisation.name)),
            ..Default::default()
        }];
        if let Some(lab) = &d.lab {
            return Ok(Resource::Observation(Box::new(Observation {
                status: Coded::Known(ObservationStatus::Final),
                category: vec![concept(OBSERVATION_CATEGORY, "laboratory", "Laboratory")],
                code,
                subject: Some(self.subject()),
                effective: Some(ObservationEffective::DateTime(Primitive::new(date_time(
                    s.recorded_at,
                )))),
                performer,
                value: Some(ObservationValue::Quantity(Box::new(quantity(
                    lab.value, &lab.unit,
                )))),
                interpretation: interpretation(lab.flag).into_iter().collect(),
                reference_range: (lab.reference_low.is_some() || lab.reference_high.is_some())
                    .then(|| ObservationReferenceRange {
                        low: lab.reference_low.map(|v| quantity(v, &lab.unit)),
                        high: lab.reference_high.map(|v| quantity(v, &lab.unit)),
                        ..Default::default()
                    })
                    .into_iter()
                    .collect(),
                ..Default::default()
            })));
        }
        if s.kind == DocumentKind::Measurement && !d.values.is_empty() {
            return Ok(Resource::Observation(Box::new(Observation {
                status: Coded::Known(ObservationStatus::Final),
                category: vec![concept(OBSERVATION_CATEGORY, "vital-signs", "Vital Signs")],
                code,
                subject: Some(self.subject()),
                effective: Some(ObservationEffective::DateTime(Primitive::new(date_time(
                    s.recorded_at,
                )))),
                performer,
                component: d
                    .values
                    .iter()
                    .map(|v| ObservationComponent {
                        code: concept(systems::LOINC, &v.code, ""),
                        value: Some(ObservationComponentValue::Quantity(Box::new(quantity(
                            v.value, &v.unit,
                        )))),
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            })));
        }
        let text = d.text.clone().unwrap_or_default();
        Ok(Resource::DocumentReference(Box::new(
            DocumentReference::builder()
                .status(Coded::Known(DocumentReferenceStatus::Current))
                .r#type(code)
                .category(vec![concept(DOCUMENT_KIND, s.kind.code(), "")])
                .subject(self.subject())
                .date(instant(s.recorded_at))
                .author(performer)
                .description(string(&s.title))
                .content(vec1::vec1![DocumentReferenceContent {
                    attachment: types::Attachment {
                        content_type: Some(types::Code("text/plain; charset=utf-8".into())),
                        language: Some(types::Code(s.language.code().into())),
                        data: Some(types::Base64Binary(base64(&text))),
                        title: Some(string(&s.title)),
                        ..Default::default()
                    },
                    ..Default::default()
                }])
                .build()?,
        )))
    }

    fn medicine(p: &Prescription) -> types::CodeableConcept {
        let name = format!("{} {} {}", p.product, p.strength, p.form);
        concept(systems::ATC, &p.atc, name.trim())
    }

    fn prescription(&self, p: &Prescription) -> Resource {
        Resource::MedicationRequest(Box::new(MedicationRequest {
            status: Coded::Known(match p.status {
                PrescriptionStatus::Cancelled => MedicationrequestStatus::Cancelled,
                PrescriptionStatus::Expired => MedicationrequestStatus::Completed,
                PrescriptionStatus::Valid | PrescriptionStatus::RenewalRequested => {
                    MedicationrequestStatus::Active
                }
            }),
            intent: Coded::Known(MedicationrequestIntent::Order),
            medication: Some(MedicationRequestMedication::CodeableConcept(Box::new(
                Self::medicine(p),
            ))),
            subject: self.subject(),
            authored_on: Some(types::DateTime(p.issued_on.to_string())),
            requester: Some(types::Reference {
                display: Some(string(&format!(
                    "{}, {}",
                    p.prescriber, p.organisation.name
                ))),
                ..Default::default()
            }),
            dosage_instruction: vec![types::Dosage {
                text: Some(string(&p.dosage)),
                ..Default::default()
            }],
            dispense_request: Some(MedicationRequestDispenseRequest {
                validity_period: Some(period(p.issued_on, p.valid_until)),
                quantity: Some(types::Quantity {
                    value: types::Decimal::new(p.packages.to_string()).ok(),
                    unit: Some(string(&p.package_size)),
                    ..Default::default()
                }),
                ..Default::default()
            }),
            ..Default::default()
        }))
    }

    fn dispensation(&self, p: &Prescription, d: &Dispensation, prescription: &str) -> Resource {
        Resource::MedicationDispense(Box::new(MedicationDispense {
            status: Coded::Known(MedicationdispenseStatus::Completed),
            medication: Some(MedicationDispenseMedication::CodeableConcept(Box::new(
                Self::medicine(p),
            ))),
            subject: Some(self.subject()),
            performer: vec![MedicationDispensePerformer {
                actor: types::Reference {
                    display: Some(string(&d.pharmacy)),
                    ..Default::default()
                },
                ..Default::default()
            }],
            authorizing_prescription: vec![crate::ips::reference_to(prescription)],
            quantity: Some(types::Quantity {
                value: types::Decimal::new(d.packages.to_string()).ok(),
                unit: Some(string(&p.package_size)),
                ..Default::default()
            }),
            when_handed_over: Some(types::DateTime(d.dispensed_on.to_string())),
            ..Default::default()
        }))
    }

    fn renewal(&self, r: &RenewalRequest) -> Resource {
        let focus = self
            .prescriptions
            .get(&r.prescription.get())
            .map(|url| reference(url));
        Resource::Task(Box::new(Task {
            status: Coded::Known(match r.status {
                RenewalStatus::Sent => TaskStatus::Requested,
                RenewalStatus::InProcessing => TaskStatus::InProgress,
                RenewalStatus::Renewed => TaskStatus::Completed,
                RenewalStatus::Rejected => TaskStatus::Rejected,
                RenewalStatus::Expired => TaskStatus::Cancelled,
            }),
            status_reason: r.reason.as_deref().map(|reason| types::CodeableConcept {
                text: Some(string(reason)),
                ..Default::default()
            }),
            intent: Coded::Known(TaskIntent::Order),
            code: Some(types::CodeableConcept {
                text: Some(string(&format!("Renewal of {}", r.medicine))),
                ..Default::default()
            }),
            description: r.message.as_deref().map(string),
            focus,
            r#for: Some(self.subject()),
            authored_on: Some(date_time(r.sent_at)),
            last_modified: Some(date_time(r.updated_at)),
            requester: Some(types::Reference {
                display: Some(string(&r.requested_by_name)),
                ..Default::default()
            }),
            owner: Some(types::Reference {
                display: Some(string(&r.organisation.name)),
                ..Default::default()
            }),
            ..Default::default()
        }))
    }

    fn log_entry(&self, e: &LoggedAction) -> Result<Resource, BuilderError> {
        let role = e
            .right
            .map(|r| r.code().to_owned())
            .or_else(|| e.provider.as_ref().map(|p| p.role.code().to_owned()));
        let mut event = AuditEvent::builder()
            .r#type(types::Coding {
                system: Some(types::Uri(AUDIT_TYPE.into())),
                code: Some(types::Code("rest".into())),
                display: Some(string("RESTful Operation")),
                ..Default::default()
            })
            .subtype(vec![types::Coding {
                system: Some(types::Uri(LOG_ACTION.into())),
                code: Some(types::Code(e.action.code().into())),
                ..Default::default()
            }])
            .recorded(instant(e.at))
            .outcome(Coded::Known(match e.outcome {
                Outcome::Done => AuditEventOutcome::N0,
                _ => AuditEventOutcome::N4,
            }))
            .agent(vec1::vec1![AuditEventAgent {
                role: role
                    .map(|r| types::CodeableConcept {
                        text: Some(string(&r)),
                        ..Default::default()
                    })
                    .into_iter()
                    .collect(),
                name: Some(string(&e.actor_name)),
                requestor: types::Boolean(true),
                ..Default::default()
            }])
            .source(AuditEventSource {
                observer: types::Reference {
                    display: Some(string("Kanta")),
                    ..Default::default()
                },
                ..Default::default()
            })
            .entity(vec![fhir::r4::resources::audit_event::AuditEventEntity {
                what: Some(self.subject()),
                ..Default::default()
            }])
            .build()?;
        event.purpose_of_event = e
            .provider
            .as_ref()
            .map(|p| types::CodeableConcept {
                text: Some(string(p.purpose.code())),
                ..Default::default()
            })
            .into_iter()
            .collect();
        Ok(Resource::AuditEvent(Box::new(event)))
    }
}

/// `r` as an entry's resource, after `url`.
fn add(out: &mut Vec<(String, serde_json::Value)>, url: String, r: Resource) {
    out.push((url, serde_json::to_value(r).unwrap_or_default()));
}

fn patient(p: &PersonPart) -> Resource {
    let mut patient = crate::ips::patient(&p.hetu, &p.given_name, &p.family_name, p.birth_date);
    patient.id = p.patient_id.as_deref().map(string);
    Resource::Patient(Box::new(patient))
}

fn quantity(value: f64, unit: &str) -> types::Quantity {
    types::Quantity {
        value: types::Decimal::new(value.to_string()).ok(),
        unit: Some(string(unit)),
        ..Default::default()
    }
}

fn interpretation(flag: AbnormalFlag) -> Option<types::CodeableConcept> {
    let (code, display) = match flag {
        AbnormalFlag::High => ("H", "High"),
        AbnormalFlag::Low => ("L", "Low"),
        AbnormalFlag::Normal => ("N", "Normal"),
    };
    Some(concept(INTERPRETATION, code, display))
}

fn period(start: Date, end: Date) -> types::Period {
    types::Period {
        start: Some(types::DateTime(start.to_string())),
        end: Some(types::DateTime(end.to_string())),
        ..Default::default()
    }
}

/// A Finnish time as an instant.
fn instant(at: PrimitiveDateTime) -> types::Instant {
    types::Instant(date_time(at).0)
}

fn base64(text: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(text.as_bytes())
}
