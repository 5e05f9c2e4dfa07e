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

/// What an app's access token lets it do (its SMART scopes), apart from what the
/// person allowed it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppScopes {
    pub read: bool,
    pub write: bool,
}

impl AppScopes {
    /// The Observation scopes of a token's `scope` claim, in SMART's two forms:
    /// `patient/Observation.read`, `.write` and `.*` (v1), and `patient/Observation.rs`,
    /// `.cud` or any of their letters in order (v2: c create, r read, u update, d
    /// delete, s search). Writing takes all of create, update and delete in v2; reading
    /// takes read and search. Scopes of other resources, or not `patient/`, give
    /// nothing.
    #[must_use]
    pub fn of_claim(scope: &str) -> Self {
        let mut scopes = Self::default();
        let (mut c, mut r, mut u, mut d, mut s) = (false, false, false, false, false);
        for one in scope.split_ascii_whitespace() {
            let Some(rest) = one
                .strip_prefix("patient/Observation.")
                .or_else(|| one.strip_prefix("patient/*."))
            else {
                continue;
            };
            // v2 may carry a query (`?category=…`): it narrows, which is not supported,
            // so such a scope gives nothing.
            if rest.contains('?') {
                continue;
            }
            match rest {
                "read" => scopes.read = true,
                "write" => scopes.write = true,
                "*" => {
                    scopes.read = true;
                    scopes.write = true;
                }
                letters if is_v2(letters) => {
                    c |= letters.contains('c');
                    r |= letters.contains('r');
                    u |= letters.contains('u');
                    d |= letters.contains('d');
                    s |= letters.contains('s');
                }
                _ => {}
            }
        }
        scopes.read |= r && s;
        scopes.write |= c && u && d;
        scopes
    }

    /// The scope strings this service knows, as `/.well-known/smart-configuration`
    /// lists them.
    pub const SUPPORTED: &'static [&'static str] = &[
        "patient/Observation.read",
        "patient/Observation.write",
        "patient/Observation.rs",
        "patient/Observation.cud",
        "patient/Observation.cruds",
    ];
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
        let both = AppScopes {
            read: true,
            write: true,
        };
        let read = AppScopes {
            read: true,
            write: false,
        };
        let write = AppScopes {
            read: false,
            write: true,
        };
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
        assert_eq!(AppScopes::of_claim("patient/*.rs"), read);
        // Not all of what reading or writing needs, another resource, another
        // context, a narrowing query, letters out of order: nothing.
        for nothing in [
            "patient/Observation.r",
            "patient/Observation.cu",
            "patient/Patient.read",
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
