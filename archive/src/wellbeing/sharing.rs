//! What others may do with the person's wellbeing data: which care organisations may
//! read it (in their queries), and which apps may read it or also write it (through the
//! FHIR interface). Each choice is the person's own, takes effect at once, can be
//! withdrawn, and is kept in the history. Shared with the web side.

use serde::{Deserialize, Serialize};
use time::PrimitiveDateTime;

use crate::model::{id_type, OrganisationId, OrganisationRef};

id_type!(
    /// An app in the register of apps admitted to Kanta PHR.
    AppId
);

/// An app admitted to Kanta PHR: its OAuth client id (what its access tokens name),
/// its name and its maker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct App {
    pub id: AppId,
    pub client_id: String,
    pub name: String,
    pub maker: String,
}

/// Whom a choice is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "id")]
pub enum Grantee {
    /// A care organisation: its professionals' queries for treatment may read.
    Organisation(OrganisationId),
    /// An app, through the FHIR interface.
    App(AppId),
}

impl Grantee {
    /// As stored: its kind's code and its id.
    #[must_use]
    pub const fn stored(self) -> (&'static str, i64) {
        match self {
            Self::Organisation(id) => ("organisation", id.get()),
            Self::App(id) => ("app", id.get()),
        }
    }

    /// The grantee a stored kind and id name, if they name one.
    #[must_use]
    pub fn of_stored(kind: &str, id: i64) -> Option<Self> {
        match kind {
            "organisation" => Some(Self::Organisation(OrganisationId::from_raw(id))),
            "app" => Some(Self::App(AppId::from_raw(id))),
            _ => None,
        }
    }

    /// The permissions it may be given: an organisation only reads.
    #[must_use]
    pub const fn permissions(self) -> &'static [Permission] {
        match self {
            Self::Organisation(_) => &[Permission::Read],
            Self::App(_) => Permission::ALL,
        }
    }
}

/// What a grantee may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Permission {
    /// Read the measurements.
    Read,
    /// Read them, and add, change and delete (an app's own and the person's).
    ReadWrite,
}

crate::codes! {
    Permission {
        Read => "read",
        ReadWrite => "read-write",
    }
}

impl Permission {
    /// Whether it lets the grantee write.
    #[must_use]
    pub const fn writes(self) -> bool {
        matches!(self, Self::ReadWrite)
    }
}

/// A choice in force: whom, what they may do, since when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    pub grantee: Grantee,
    /// The organisation's or the app's name.
    pub name: String,
    pub permission: Permission,
    /// Finnish time.
    pub since: PrimitiveDateTime,
}

/// One change, as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareEvent {
    pub grantee: Grantee,
    pub name: String,
    /// What was given; `None`: withdrawn.
    pub permission: Option<Permission>,
    /// Finnish time.
    pub at: PrimitiveDateTime,
}

/// The person's choices: what is in force, whom they could choose, and every change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WellbeingSharing {
    /// In force, by name.
    pub in_force: Vec<Share>,
    /// The organisations that wrote the person's documents or prescriptions.
    pub organisations: Vec<OrganisationRef>,
    /// The apps admitted to Kanta PHR, by name.
    pub apps: Vec<App>,
    /// Every change, newest first.
    pub history: Vec<ShareEvent>,
}

impl WellbeingSharing {
    /// What `grantee` may do now, if anything.
    #[must_use]
    pub fn permission(&self, grantee: Grantee) -> Option<Permission> {
        self.in_force
            .iter()
            .find(|s| s.grantee == grantee)
            .map(|s| s.permission)
    }

    /// The name of a grantee the person could choose, if it is one.
    #[must_use]
    pub fn name_of(&self, grantee: Grantee) -> Option<&str> {
        match grantee {
            Grantee::Organisation(id) => self
                .organisations
                .iter()
                .find(|o| o.id == id)
                .map(|o| o.name.as_str()),
            Grantee::App(id) => self
                .apps
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.name.as_str()),
        }
    }
}

/// What an app's access token lets it do with one resource type (its SMART scopes for
/// it), apart from what the person allowed it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rights {
    pub read: bool,
    pub write: bool,
}

impl Rights {
    pub const READ: Self = Self {
        read: true,
        write: false,
    };
    pub const WRITE: Self = Self {
        read: false,
        write: true,
    };
    pub const BOTH: Self = Self {
        read: true,
        write: true,
    };
}

/// The resource types an app's scopes name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopedType {
    Observation,
    Patient,
}

/// What an app's access token lets it do (its SMART scopes), apart from what the
/// person allowed it: the person's measurements (`Observation`) and their own
/// `Patient` resource, each read or written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppScopes {
    pub observation: Rights,
    pub patient: Rights,
}

impl AppScopes {
    /// The rights the scopes give of one resource type.
    #[must_use]
    pub const fn of(self, kind: ScopedType) -> Rights {
        match kind {
            ScopedType::Observation => self.observation,
            ScopedType::Patient => self.patient,
        }
    }

    /// The scopes of a token's `scope` claim, in SMART's two forms, for `Observation`,
    /// `Patient` or `*`: `patient/Observation.read`, `.write` and `.*` (v1), and
    /// `patient/Observation.rs`, `.cud` or any of their letters in order (v2: c create,
    /// r read, u update, d delete, s search). Writing takes all of create, update and
    /// delete in v2 (of a Patient, which is never deleted, create and update); reading
    /// takes read and search. Scopes of other resources, or not `patient/`, give
    /// nothing.
    #[must_use]
    pub fn of_claim(scope: &str) -> Self {
        Self {
            observation: rights_of_claim(scope, "Observation", "cud"),
            patient: rights_of_claim(scope, "Patient", "cu"),
        }
    }

    /// The scope strings this service knows, as `/.well-known/smart-configuration`
    /// lists them.
    pub const SUPPORTED: &'static [&'static str] = &[
        "patient/Observation.read",
        "patient/Observation.write",
        "patient/Observation.rs",
        "patient/Observation.cud",
        "patient/Observation.cruds",
        "patient/Patient.read",
        "patient/Patient.write",
        "patient/Patient.rs",
        "patient/Patient.cu",
        "patient/Patient.crus",
    ];
}

/// What `scope` gives of resource type `kind`; writing in v2 takes each letter of
/// `writes`.
fn rights_of_claim(scope: &str, kind: &str, writes: &str) -> Rights {
    let mut rights = Rights::default();
    let mut letters = String::new();
    for one in scope.split_ascii_whitespace() {
        let Some(rest) = one
            .strip_prefix("patient/")
            .and_then(|r| r.strip_prefix(kind).or_else(|| r.strip_prefix('*')))
            .and_then(|r| r.strip_prefix('.'))
        else {
            continue;
        };
        // v2 may carry a query (`?category=…`): it narrows, which is not supported,
        // so such a scope gives nothing.
        if rest.contains('?') {
            continue;
        }
        match rest {
            "read" => rights.read = true,
            "write" => rights.write = true,
            "*" => rights = Rights::BOTH,
            v2 if is_v2(v2) => letters.push_str(v2),
            _ => {}
        }
    }
    rights.read |= letters.contains('r') && letters.contains('s');
    rights.write |= writes.chars().all(|l| letters.contains(l));
    rights
}

/// SMART v2's letters: some of `cruds`, each once, in that order.
fn is_v2(letters: &str) -> bool {
    !letters.is_empty() && {
        let mut order = "cruds".chars();
        letters.chars().all(|l| order.any(|o| o == l))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_are_read_in_both_smart_forms() {
        let observations = |observation| AppScopes {
            observation,
            patient: Rights::default(),
        };
        let (read, write, both) = (
            observations(Rights::READ),
            observations(Rights::WRITE),
            observations(Rights::BOTH),
        );
        assert_eq!(AppScopes::of_claim("patient/Observation.read"), read);
        assert_eq!(AppScopes::of_claim("patient/Observation.write"), write);
        assert_eq!(AppScopes::of_claim("openid patient/Observation.*"), both);
        assert_eq!(AppScopes::of_claim("patient/Observation.rs"), read);
        assert_eq!(AppScopes::of_claim("patient/Observation.cud"), write);
        assert_eq!(AppScopes::of_claim("patient/Observation.cruds"), both);
        assert_eq!(
            AppScopes::of_claim("patient/Observation.rs patient/Observation.cud"),
            both
        );
        // The Patient's: writing it is creating and updating (it is never deleted).
        let patient = |patient| AppScopes {
            observation: Rights::default(),
            patient,
        };
        assert_eq!(
            AppScopes::of_claim("patient/Patient.read"),
            patient(Rights::READ)
        );
        assert_eq!(
            AppScopes::of_claim("patient/Patient.cu"),
            patient(Rights::WRITE)
        );
        assert_eq!(
            AppScopes::of_claim("patient/Patient.crus"),
            patient(Rights::BOTH)
        );
        assert_eq!(
            AppScopes::of_claim("patient/*.rs"),
            AppScopes {
                observation: Rights::READ,
                patient: Rights::READ
            }
        );
        assert_eq!(
            AppScopes::of_claim("patient/Observation.rs patient/Patient.write"),
            AppScopes {
                observation: Rights::READ,
                patient: Rights::WRITE
            }
        );
        assert_eq!(
            AppScopes::of_claim("patient/Patient.cu").of(ScopedType::Patient),
            Rights::WRITE
        );
        // Not all of what reading or writing needs, another resource, another
        // context, a narrowing query, letters out of order: nothing.
        for nothing in [
            "patient/Observation.r",
            "patient/Observation.cu",
            "patient/Patient.c",
            "patient/Encounter.read",
            "patient/PatientX.read",
            "user/Observation.read",
            "patient/Observation.rs?category=vital-signs",
            "patient/Observation.sr",
            "patient/Observation.rrs",
            "",
        ] {
            assert_eq!(
                AppScopes::of_claim(nothing),
                AppScopes::default(),
                "{nothing}"
            );
        }
        // Every scope the service lists gives something.
        for scope in AppScopes::SUPPORTED {
            assert_ne!(AppScopes::of_claim(scope), AppScopes::default(), "{scope}");
        }
    }

    #[test]
    fn a_recipient_is_stored_as_its_kind_and_id_and_read_back() {
        for grantee in [
            Grantee::Organisation(OrganisationId::from_raw(7)),
            Grantee::App(AppId::from_raw(9_007_199_254_740_000)),
        ] {
            let (kind, id) = grantee.stored();
            assert_eq!(Grantee::of_stored(kind, id), Some(grantee));
        }
        assert_eq!(Grantee::of_stored("person", 1), None);
        assert_eq!(
            Grantee::Organisation(OrganisationId::from_raw(1)).permissions(),
            &[Permission::Read]
        );
    }
}
