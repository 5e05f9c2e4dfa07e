//! Social welfare as the person sees it. Shared with the web side.

use serde::{Deserialize, Serialize};
use time::{Date, PrimitiveDateTime};

use crate::model::{id_type, Language, OrganisationRef};

id_type!(
    /// A social-welfare client document of one person.
    SocialDocumentId
);

/// The service task (palvelutehtävä) a client document belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ServiceTask {
    OlderPeople,
    Disability,
    ChildWelfare,
    AdultSocialWork,
    SubstanceAbuse,
    /// Shelter services: never shown in the service.
    Shelter,
    /// Services for victims of domestic violence: never shown in the service.
    DomesticViolence,
}

crate::codes! {
    /// The stored code, also the end of its message id.
    ServiceTask {
        OlderPeople => "older-people",
        Disability => "disability",
        ChildWelfare => "child-welfare",
        AdultSocialWork => "adult-social-work",
        SubstanceAbuse => "substance-abuse",
        Shelter => "shelter",
        DomesticViolence => "domestic-violence",
    }
}

impl ServiceTask {
    /// Whether documents of this task are ever shown: shelter and domestic-violence
    /// services are not (their existence alone could endanger the person).
    #[must_use]
    pub const fn ever_shown(self) -> bool {
        !matches!(self, Self::Shelter | Self::DomesticViolence)
    }

    /// The tasks never shown, for the archive's queries.
    pub fn never_shown() -> impl Iterator<Item = Self> {
        Self::ALL.iter().copied().filter(|t| !t.ever_shown())
    }
}

/// What a client document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SocialDocumentKind {
    /// The client relationship started (asiakkuuden alkaminen).
    ClientRelationshipStarted,
    ServiceNeedAssessment,
    ClientPlan,
    Decision,
    /// A payment commitment: never shown in the service.
    PaymentCommitment,
}

crate::codes! {
    /// The stored code, also the end of its message id.
    SocialDocumentKind {
        ClientRelationshipStarted => "client-relationship-started",
        ServiceNeedAssessment => "service-need-assessment",
        ClientPlan => "client-plan",
        Decision => "decision",
        PaymentCommitment => "payment-commitment",
    }
}

impl SocialDocumentKind {
    /// Whether documents of this kind are ever shown: payment commitments are not.
    #[must_use]
    pub const fn ever_shown(self) -> bool {
        !matches!(self, Self::PaymentCommitment)
    }

    /// The kinds never shown, for the archive's queries.
    pub fn never_shown() -> impl Iterator<Item = Self> {
        Self::ALL.iter().copied().filter(|k| !k.ever_shown())
    }
}

/// The designated worker's profession.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WorkerRole {
    SocialWorker,
    SocialCounsellor,
    ServiceCoordinator,
}

crate::codes! {
    /// The stored code, also the end of its message id.
    WorkerRole {
        SocialWorker => "social-worker",
        SocialCounsellor => "social-counsellor",
        ServiceCoordinator => "service-coordinator",
    }
}

/// The designated worker (omatyöntekijä) of a client relationship: whom to contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DesignatedWorker {
    pub name: String,
    pub role: WorkerRole,
    pub phone: Option<String>,
}

/// A client document as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SocialDocumentSummary {
    pub id: SocialDocumentId,
    pub task: ServiceTask,
    pub kind: SocialDocumentKind,
    /// Finnish time.
    pub recorded_at: PrimitiveDateTime,
    pub title: String,
    pub organisation: OrganisationRef,
    pub unit: String,
    /// The language its title and text are written in.
    pub language: Language,
}

/// A client document in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SocialDocument {
    pub summary: SocialDocumentSummary,
    pub text: Option<String>,
    /// The designated worker of the client relationship it belongs to, if any.
    pub worker: Option<DesignatedWorker>,
}

/// One service task's client relationship with one organisation: since when, whom to
/// contact, and its documents, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceTaskRecords {
    pub task: ServiceTask,
    pub organisation: OrganisationRef,
    pub started_on: Option<Date>,
    pub worker: Option<DesignatedWorker>,
    pub documents: Vec<SocialDocumentSummary>,
}

/// The person's social-welfare documents, by service task (in the tasks' order), each
/// newest first; empty when there are none this right is shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SocialWelfare {
    pub tasks: Vec<ServiceTaskRecords>,
}

/// Client documents recorded since the previous visit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SocialWelfareNews {
    pub documents: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shelter_and_domestic_violence_services_and_payment_commitments_are_never_shown() {
        assert_eq!(
            ServiceTask::never_shown().collect::<Vec<_>>(),
            [ServiceTask::Shelter, ServiceTask::DomesticViolence]
        );
        assert_eq!(
            SocialDocumentKind::never_shown().collect::<Vec<_>>(),
            [SocialDocumentKind::PaymentCommitment]
        );
    }
}
