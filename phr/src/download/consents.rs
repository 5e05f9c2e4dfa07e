//! The person's declarations and choices as Consents: each version of the living will
//! and of the organ donation testament, each change of a consent or denial and of a
//! consent abroad.

use archive::model::{AbroadEvent, ChoiceEvent, LivingWillVersion, OrganDonationVersion};
use fhir::r4::builder::BuilderError;
use fhir::r4::coded::Coded;
use fhir::r4::codes::{ConsentProvisionType, ConsentStateCodes};
use fhir::r4::resources::consent::{ConsentProvision, ConsentSource};
use fhir::r4::resources::{Consent, Resource};
use fhir::r4::types;
use time::PrimitiveDateTime;

use super::{base64, BundleWriter, CONSENT_CATEGORY, CONSENT_SCOPE};
use crate::ips::{concept, date_time, string};

impl<F: FnMut() -> String> BundleWriter<F> {
    /// A Consent of the person's own, `active` while in force.
    pub(super) fn consent(
        &self,
        scope: (&str, &str),
        category: types::CodeableConcept,
        at: PrimitiveDateTime,
        in_force: bool,
        text: Option<String>,
        permit: Option<bool>,
    ) -> Result<Resource, BuilderError> {
        let mut consent = Consent::builder()
            .status(Coded::Known(if in_force {
                ConsentStateCodes::Active
            } else {
                ConsentStateCodes::Inactive
            }))
            .scope(concept(CONSENT_SCOPE, scope.0, scope.1))
            .category(vec1::vec1![category])
            .patient(crate::ips::reference_to(&self.patient_url))
            .date_time(date_time(at))
            .performer(vec![self.subject()])
            .build()?;
        consent.source = text.map(|text| {
            ConsentSource::Attachment(Box::new(types::Attachment {
                content_type: Some(types::Code("text/plain; charset=utf-8".into())),
                data: Some(types::Base64Binary(base64(&text))),
                ..Default::default()
            }))
        });
        consent.provision = permit.map(|permit| ConsentProvision {
            r#type: Some(Coded::Known(if permit {
                ConsentProvisionType::Permit
            } else {
                ConsentProvisionType::Deny
            })),
            ..Default::default()
        });
        Ok(Resource::Consent(Box::new(consent)))
    }

    pub(super) fn living_will(&self, v: &LivingWillVersion) -> Result<Resource, BuilderError> {
        let text = v.text.as_ref().map(|t| {
            let mut lines = vec![t.wishes.clone()];
            lines.extend(
                t.treatments
                    .iter()
                    .map(|(treatment, wish)| format!("{}: {}", treatment.code(), wish.code())),
            );
            lines.join("\n")
        });
        self.consent(
            ("adr", "Advanced Care Directive"),
            concept(CONSENT_CATEGORY, "acd", "Advance Directive"),
            v.written_at,
            v.text.is_some(),
            text,
            None,
        )
    }

    pub(super) fn organ_donation(
        &self,
        v: &OrganDonationVersion,
    ) -> Result<Resource, BuilderError> {
        let text = v.text.as_ref().map(|t| {
            let excluded: Vec<&str> = t.excluded.iter().map(|d| d.code()).collect();
            format!(
                "decision: {}\nexcluded: {}\n{}",
                t.decision.code(),
                excluded.join(", "),
                t.notes
            )
        });
        self.consent(
            ("adr", "Advanced Care Directive"),
            types::CodeableConcept {
                text: Some(string("Organ donation testament")),
                ..Default::default()
            },
            v.written_at,
            v.text.is_some(),
            text,
            v.text
                .as_ref()
                .map(|t| t.decision != archive::model::DonationDecision::No),
        )
    }

    pub(super) fn choice(&self, e: &ChoiceEvent) -> Result<Resource, BuilderError> {
        let about = e.about.as_ref().map(|a| a.name.clone());
        let deny = e.choice.kind() != archive::model::ChoiceKind::DisclosureConsent;
        let text = [Some(e.choice.kind().code().to_owned()), about]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(": ");
        self.consent(
            ("patient-privacy", "Privacy Consent"),
            types::CodeableConcept {
                text: Some(string(e.choice.kind().code())),
                ..Default::default()
            },
            e.at,
            e.given,
            Some(text),
            Some(!deny),
        )
    }

    pub(super) fn abroad(&self, e: &AbroadEvent) -> Result<Resource, BuilderError> {
        self.consent(
            ("patient-privacy", "Privacy Consent"),
            types::CodeableConcept {
                text: Some(string(&format!("cross-border {}", e.service.code()))),
                ..Default::default()
            },
            e.at,
            e.given,
            None,
            Some(true),
        )
    }
}
