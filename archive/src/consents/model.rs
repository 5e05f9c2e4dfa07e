//! Consents and denials: the Kanta information notice acknowledged, the consent to
//! disclosure between providers, and the denials that hide documents and
//! prescriptions from other organisations (never from the person, nor from the
//! organisation that wrote them). Each change is an event, so the history is kept.
//! Shared with the web side.

use serde::{Deserialize, Serialize};
use time::{Date, PrimitiveDateTime};

use crate::model::{OrganisationId, OrganisationRef, PrescriptionId, ServiceEventId};

/// The version of the Kanta information notice in force: acknowledging it keeps this
/// version and the time; a new version is acknowledged anew.
pub const NOTICE_VERSION: &str = "2024-01";

/// A register of health care: where an organisation records what it writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum Register {
    /// Public health care (wellbeing services counties, cities).
    Public,
    /// Occupational health care.
    Occupational,
    /// Private health care.
    Private,
}

crate::codes! {
    /// As an organisation's `sector` stores it.
    Register {
        Public => "public",
        Occupational => "occupational",
        Private => "private",
    }
}

/// What one choice is about: each is given (in force) or withdrawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "target")]
pub enum Choice {
    /// Consent to disclosure between providers (the 2023 form), including data
    /// recorded outside Kanta.
    DisclosureConsent,
    /// The documents of one service event are not disclosed to other organisations.
    DenyServiceEvent(ServiceEventId),
    /// What one organisation wrote is not disclosed to other organisations.
    DenyOrganisation(OrganisationId),
    /// What was recorded in one register is not disclosed to organisations of another.
    DenyRegister(Register),
    /// One prescription is not disclosed to other organisations (the pharmacy needs
    /// the paper patient instruction to dispense it).
    DenyPrescription(PrescriptionId),
    /// No contact about findings of research.
    DenyResearchContact,
}

/// The kinds of [`Choice`], as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum ChoiceKind {
    DisclosureConsent,
    DenyServiceEvent,
    DenyOrganisation,
    DenyRegister,
    DenyPrescription,
    DenyResearchContact,
}

crate::codes! {
    ChoiceKind {
        DisclosureConsent => "disclosure-consent",
        DenyServiceEvent => "deny-service-event",
        DenyOrganisation => "deny-organisation",
        DenyRegister => "deny-register",
        DenyPrescription => "deny-prescription",
        DenyResearchContact => "deny-research-contact",
    }
}

impl Choice {
    /// Its kind.
    #[must_use]
    pub const fn kind(self) -> ChoiceKind {
        match self {
            Self::DisclosureConsent => ChoiceKind::DisclosureConsent,
            Self::DenyServiceEvent(_) => ChoiceKind::DenyServiceEvent,
            Self::DenyOrganisation(_) => ChoiceKind::DenyOrganisation,
            Self::DenyRegister(_) => ChoiceKind::DenyRegister,
            Self::DenyPrescription(_) => ChoiceKind::DenyPrescription,
            Self::DenyResearchContact => ChoiceKind::DenyResearchContact,
        }
    }

    /// What it is about, as stored beside its kind: an id, a register's code, or
    /// empty.
    #[must_use]
    pub fn target(self) -> String {
        match self {
            Self::DisclosureConsent | Self::DenyResearchContact => String::new(),
            Self::DenyServiceEvent(id) => id.get().to_string(),
            Self::DenyOrganisation(id) => id.get().to_string(),
            Self::DenyRegister(register) => register.code().to_owned(),
            Self::DenyPrescription(id) => id.get().to_string(),
        }
    }

    /// The id of the one thing it is about (a service event, an organisation, a
    /// prescription), if it is about one: what its audit event names as its object.
    #[must_use]
    pub const fn object(self) -> Option<i64> {
        match self {
            Self::DenyServiceEvent(id) => Some(id.get()),
            Self::DenyOrganisation(id) => Some(id.get()),
            Self::DenyPrescription(id) => Some(id.get()),
            Self::DisclosureConsent | Self::DenyRegister(_) | Self::DenyResearchContact => None,
        }
    }

    /// The choice a stored kind and target name, if they name one.
    #[must_use]
    pub fn of_stored(kind: &str, target: &str) -> Option<Self> {
        let id = || target.parse::<i64>().ok();
        Some(match ChoiceKind::from_code(kind)? {
            ChoiceKind::DisclosureConsent if target.is_empty() => Self::DisclosureConsent,
            ChoiceKind::DenyResearchContact if target.is_empty() => Self::DenyResearchContact,
            ChoiceKind::DenyServiceEvent => Self::DenyServiceEvent(ServiceEventId::from_raw(id()?)),
            ChoiceKind::DenyOrganisation => Self::DenyOrganisation(OrganisationId::from_raw(id()?)),
            ChoiceKind::DenyRegister => Self::DenyRegister(Register::from_code(target)?),
            ChoiceKind::DenyPrescription => Self::DenyPrescription(PrescriptionId::from_raw(id()?)),
            ChoiceKind::DisclosureConsent | ChoiceKind::DenyResearchContact => return None,
        })
    }
}

/// What a choice about one thing is about, in words the person knows: an
/// organisation's name; a service event's organisation and title, and its day; a
/// prescription's product and strength, and the day it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct About {
    pub name: String,
    pub on: Option<Date>,
}

/// One change, as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceEvent {
    pub choice: Choice,
    /// What it is about; `None` for a choice about no one thing (or a register).
    pub about: Option<About>,
    /// Given (true) or withdrawn.
    pub given: bool,
    /// Finnish time.
    pub at: PrimitiveDateTime,
}

/// A choice in force, since when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InForce {
    pub choice: Choice,
    pub about: Option<About>,
    /// Finnish time.
    pub since: PrimitiveDateTime,
}

/// The notice acknowledged: which version, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeAcknowledged {
    pub version: String,
    /// Finnish time.
    pub at: PrimitiveDateTime,
}

/// The person's consents and denials: the notice, what is in force, what could be
/// denied, and every change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consents {
    /// The latest acknowledgement of the notice, if any.
    pub notice: Option<NoticeAcknowledged>,
    /// Every choice in force, in the order given.
    pub in_force: Vec<InForce>,
    /// The organisations that wrote the person's documents or prescriptions, to deny.
    pub organisations: Vec<OrganisationRef>,
    /// Every change, newest first.
    pub history: Vec<ChoiceEvent>,
}

/// One choice as the page confirming a change shows it: what it is about, and whether
/// it is in force now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoicePreview {
    pub choice: Choice,
    pub about: Option<About>,
    /// In force since then, if it is.
    pub since: Option<PrimitiveDateTime>,
}

/// What the front page says of consents and denials: whether the notice in force has
/// been read, and how many denials are in force.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentsNews {
    pub notice_read: bool,
    pub denials: i64,
}

impl Consents {
    /// Whether the current notice has been acknowledged.
    #[must_use]
    pub fn notice_current(&self) -> bool {
        self.notice
            .as_ref()
            .is_some_and(|n| n.version == NOTICE_VERSION)
    }

    /// Since when `choice` is in force, if it is.
    #[must_use]
    pub fn since(&self, choice: Choice) -> Option<PrimitiveDateTime> {
        self.in_force
            .iter()
            .find(|c| c.choice == choice)
            .map(|c| c.since)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_is_stored_as_its_kind_and_target_and_read_back() {
        let choices = [
            Choice::DisclosureConsent,
            Choice::DenyServiceEvent(ServiceEventId::from_raw(42)),
            Choice::DenyOrganisation(OrganisationId::from_raw(7)),
            Choice::DenyRegister(Register::Occupational),
            Choice::DenyPrescription(PrescriptionId::from_raw(9_007_199_254_740_000)),
            Choice::DenyResearchContact,
        ];
        for choice in choices {
            assert_eq!(
                Choice::of_stored(choice.kind().code(), &choice.target()),
                Some(choice)
            );
            assert_eq!(choice.object(), choice.target().parse::<i64>().ok());
        }
        assert_eq!(Choice::of_stored("deny-register", "hospital"), None);
        assert_eq!(Choice::of_stored("deny-organisation", "x"), None);
        assert_eq!(Choice::of_stored("disclosure-consent", "1"), None);
        assert_eq!(Choice::of_stored("nothing", ""), None);
    }
}
