//! The registry of sections: one exhaustive table that says, for each part of the
//! service, its pages (address, navigation text, front-page text) and which rights
//! cover it. The rules (`Right::covers`), the navigation, the front page and both
//! access matrices read it, so a new [`Section`] does not compile until each of those
//! decisions is made here.
//!
//! Shared with the browser build: no storage, no rules beyond the table.

use serde::{Deserialize, Serialize};

/// The parts of the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// Health records, summaries and laboratory results.
    HealthRecords,
    /// Certificates and statements, and where they were forwarded.
    Certificates,
    /// Prescriptions, renewal requests and the medication list.
    Prescriptions,
    Appointments,
    /// Social-welfare client documents.
    SocialWelfare,
    LivingWill,
    OrganDonation,
    DisclosureLog,
    WellbeingData,
    /// Consents and denials.
    Consents,
    /// Consents to the ePrescription and the Patient Summary in other EU countries.
    Abroad,
    /// All the person's data as one file.
    Download,
}

/// The groups the navigation shows sections in, as a citizen thinks of them, in their
/// order; each names itself by the message `nav-group-<code>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum NavGroup {
    /// Health records, summaries, laboratory results.
    Health,
    /// Prescriptions and the medication list.
    Medicines,
    Appointments,
    /// Social-welfare documents.
    SocialCare,
    /// The person's own declarations: the living will, organ donation, consents.
    Choices,
    /// What is done with the person's data, and their own data: the disclosure log,
    /// wellbeing data, the download.
    MyData,
}

impl NavGroup {
    /// Every group, in the navigation's order.
    pub const ALL: &'static [Self] = <Self as strum::VariantArray>::VARIANTS;

    /// The message id of its name.
    #[must_use]
    pub const fn message(self) -> &'static str {
        match self {
            Self::Health => "nav-group-health",
            Self::Medicines => "nav-group-medicines",
            Self::Appointments => "nav-group-appointments",
            Self::SocialCare => "nav-group-social-care",
            Self::Choices => "nav-group-choices",
            Self::MyData => "nav-group-my-data",
        }
    }
}

/// What a Suomi.fi mandate is for. Each opens its own sections (the registry's
/// [`Coverage::mandate`]): a health-care mandate does not open social welfare, nor a
/// social-welfare one health records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum MandateScope {
    HealthCare,
    SocialWelfare,
}

crate::codes! {
    /// The code the register of mandates stores.
    MandateScope {
        HealthCare => "health-care",
        SocialWelfare => "social-welfare",
    }
}

/// The scopes of the mandates in force that give a right (one person may have given
/// another a mandate of each).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Scopes {
    pub health_care: bool,
    pub social_welfare: bool,
}

impl Scopes {
    pub const HEALTH_CARE: Self = Self::of(MandateScope::HealthCare);
    pub const SOCIAL_WELFARE: Self = Self::of(MandateScope::SocialWelfare);

    /// Only `scope`.
    #[must_use]
    pub const fn of(scope: MandateScope) -> Self {
        Self {
            health_care: false,
            social_welfare: false,
        }
        .with(scope)
    }

    /// These and `scope`.
    #[must_use]
    pub const fn with(self, scope: MandateScope) -> Self {
        match scope {
            MandateScope::HealthCare => Self {
                health_care: true,
                ..self
            },
            MandateScope::SocialWelfare => Self {
                social_welfare: true,
                ..self
            },
        }
    }

    /// Whether `scope` is among them.
    #[must_use]
    pub const fn has(self, scope: MandateScope) -> bool {
        match scope {
            MandateScope::HealthCare => self.health_care,
            MandateScope::SocialWelfare => self.social_welfare,
        }
    }
}

/// Who acts, as the registry tells rights apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Holder {
    /// The person themself.
    Own,
    /// A guardian of a child under 10.
    GuardianUnderTen,
    /// A guardian of a child of 10 to 17 (who then sees only some documents).
    GuardianOfTeen,
    /// A mandate holder of an adult, within the mandates' scopes.
    MandateHolder(Scopes),
}

impl Holder {
    /// Every holder the registry tells apart: a mandate holder once for each scope.
    pub const ALL: &'static [Self] = &[
        Self::Own,
        Self::GuardianUnderTen,
        Self::GuardianOfTeen,
        Self::MandateHolder(Scopes::HEALTH_CARE),
        Self::MandateHolder(Scopes::SOCIAL_WELFARE),
    ];
}

/// Which rights reach a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)]
pub struct Coverage {
    pub own: bool,
    pub guardian_under_ten: bool,
    pub guardian_of_teen: bool,
    /// The mandate's scope that opens the section to a mandate holder; `None`: none
    /// does.
    pub mandate: Option<MandateScope>,
    /// The age from which the person themself may use it (0: any age).
    pub own_from_age: i32,
}

impl Coverage {
    /// The person's own section: no one acting for them reaches it.
    pub const OWN_ONLY: Self = Self {
        own: true,
        guardian_under_ten: false,
        guardian_of_teen: false,
        mandate: None,
        own_from_age: 0,
    };

    /// Whether `holder` is covered.
    #[must_use]
    pub const fn admits(self, holder: Holder) -> bool {
        match holder {
            Holder::Own => self.own,
            Holder::GuardianUnderTen => self.guardian_under_ten,
            Holder::GuardianOfTeen => self.guardian_of_teen,
            Holder::MandateHolder(scopes) => match self.mandate {
                Some(scope) => scopes.has(scope),
                None => false,
            },
        }
    }
}

/// One page of a section as the navigation and the front page offer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionPage {
    /// The page's address.
    pub route: &'static str,
    /// The message id of its name in the navigation.
    pub nav: &'static str,
    /// The message id of its one-line description on the front page.
    pub front: &'static str,
}

/// What the registry says about a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionSpec {
    /// The stable code used in message ids and locale file names.
    pub code: &'static str,
    /// Its pages, in navigation order; none yet for a section still to be built.
    pub pages: &'static [SectionPage],
    pub coverage: Coverage,
    /// Where the navigation shows it.
    pub group: NavGroup,
}

/// A page of the registry (a struct literal, so the table is promoted to a static).
macro_rules! page {
    ($route:literal, $nav:literal, $front:literal $(,)?) => {
        SectionPage {
            route: $route,
            nav: $nav,
            front: $front,
        }
    };
}

impl Section {
    /// Every section, in registry order.
    pub const ALL: &'static [Self] = <Self as strum::VariantArray>::VARIANTS;

    /// The registry: no wildcard, so every section is decided here.
    #[must_use]
    pub const fn spec(self) -> SectionSpec {
        // Proxies (guardians and mandate holders) reach records, prescriptions and
        // appointments; never the person's own declarations, logs or wellbeing data.
        const PROXIES_TOO: Coverage = Coverage {
            own: true,
            guardian_under_ten: true,
            guardian_of_teen: true,
            mandate: Some(MandateScope::HealthCare),
            own_from_age: 0,
        };
        match self {
            Self::HealthRecords => SectionSpec {
                code: "records",
                pages: &[
                    page!("/records", "nav-records", "front-records-text"),
                    page!("/summaries", "nav-summaries", "front-summaries-text"),
                    page!("/lab", "nav-lab", "front-lab-text"),
                ],
                coverage: PROXIES_TOO,
                group: NavGroup::Health,
            },
            Self::Prescriptions => SectionSpec {
                code: "prescriptions",
                pages: &[
                    page!(
                        "/prescriptions",
                        "nav-prescriptions",
                        "front-prescriptions-text",
                    ),
                    page!(
                        "/medication-list",
                        "nav-medication",
                        "front-medication-text",
                    ),
                ],
                coverage: PROXIES_TOO,
                group: NavGroup::Medicines,
            },
            Self::Appointments => SectionSpec {
                code: "appointments",
                pages: &[page!(
                    "/appointments",
                    "nav-appointments",
                    "front-appointments-text",
                )],
                coverage: PROXIES_TOO,
                group: NavGroup::Appointments,
            },
            // A mandate of its own scope; a guardian as for health documents (what a
            // professional marked for guardians, for a child of 10 or more).
            Self::SocialWelfare => SectionSpec {
                code: "social-welfare",
                pages: &[page!(
                    "/social-welfare",
                    "nav-social-welfare",
                    "front-social-welfare-text",
                )],
                coverage: Coverage {
                    mandate: Some(MandateScope::SocialWelfare),
                    ..PROXIES_TOO
                },
                group: NavGroup::SocialCare,
            },
            // Medical certificates are health care: a health-care mandate opens them.
            Self::Certificates => SectionSpec {
                code: "certificates",
                pages: &[page!(
                    "/certificates",
                    "nav-certificates",
                    "front-certificates-text",
                )],
                coverage: PROXIES_TOO,
                group: NavGroup::Health,
            },
            Self::LivingWill => SectionSpec {
                code: "living-will",
                pages: &[page!(
                    "/living-will",
                    "nav-living-will",
                    "front-living-will-text",
                )],
                coverage: Coverage::OWN_ONLY,
                group: NavGroup::Choices,
            },
            Self::OrganDonation => SectionSpec {
                code: "organ-donation",
                pages: &[page!(
                    "/organ-donation",
                    "nav-organ-donation",
                    "front-organ-donation-text",
                )],
                coverage: Coverage::OWN_ONLY,
                group: NavGroup::Choices,
            },
            Self::DisclosureLog => SectionSpec {
                code: "disclosure-log",
                pages: &[page!(
                    "/disclosure-log",
                    "nav-disclosure-log",
                    "front-disclosure-log-text",
                )],
                coverage: Coverage::OWN_ONLY,
                group: NavGroup::MyData,
            },
            Self::WellbeingData => SectionSpec {
                code: "wellbeing-data",
                pages: &[page!("/wellbeing", "nav-wellbeing", "front-wellbeing-text")],
                // Kanta PHR is for those aged 16 and over.
                coverage: Coverage {
                    own_from_age: crate::wellbeing::model::WELLBEING_FROM_AGE,
                    ..Coverage::OWN_ONLY
                },
                group: NavGroup::MyData,
            },
            Self::Consents => SectionSpec {
                code: "consents",
                pages: &[page!("/consents", "nav-consents", "front-consents-text")],
                coverage: Coverage::OWN_ONLY,
                group: NavGroup::Choices,
            },
            // Consent abroad is the person's own: a guardian or a mandate holder cannot
            // give it for them.
            Self::Abroad => SectionSpec {
                code: "abroad",
                pages: &[
                    page!("/abroad", "nav-abroad", "front-abroad-text"),
                    page!(
                        "/abroad/summary",
                        "nav-patient-summary",
                        "front-patient-summary-text",
                    ),
                ],
                coverage: Coverage::OWN_ONLY,
                group: NavGroup::Choices,
            },
            // Everything about the person, so only the person: no right to act for
            // another reaches all of it.
            Self::Download => SectionSpec {
                code: "download",
                pages: &[page!("/download", "nav-download", "front-download-text")],
                coverage: Coverage::OWN_ONLY,
                group: NavGroup::MyData,
            },
        }
    }

    /// Whether `holder` reaches this section.
    #[must_use]
    pub const fn covers(self, holder: Holder) -> bool {
        self.spec().coverage.admits(holder)
    }

    /// Whether someone other than the person reaches this section (a guardian, or a
    /// mandate holder of some scope).
    #[must_use]
    pub fn shared(self) -> bool {
        Holder::ALL
            .iter()
            .any(|h| *h != Holder::Own && self.covers(*h))
    }

    /// The pages of the sections others may reach too (offered to the signed-out, who
    /// are then asked to sign in, and to a session whose right to act for someone has
    /// ended); never a section that is only ever the person's own.
    pub fn pages_for_everyone() -> impl Iterator<Item = &'static SectionPage> {
        Self::ALL
            .iter()
            .filter(|s| s.shared())
            .flat_map(|s| s.spec().pages.iter())
    }

    /// The navigation's groups with the pages `holder` is offered in each (`None`: the
    /// signed-out, or a session whose right has ended, offered the sections others may
    /// reach too), in the groups' order; a group with none is left out.
    #[must_use]
    pub fn navigation(holder: Option<Holder>) -> Vec<(NavGroup, Vec<&'static SectionPage>)> {
        NavGroup::ALL
            .iter()
            .map(|&group| {
                let pages = Self::ALL
                    .iter()
                    .filter(|s| s.spec().group == group)
                    .filter(|s| match holder {
                        Some(h) => s.covers(h),
                        None => s.shared(),
                    })
                    .flat_map(|s| s.spec().pages.iter())
                    .collect::<Vec<_>>();
                (group, pages)
            })
            .filter(|(_, pages)| !pages.is_empty())
            .collect()
    }

    /// The pages `holder` is offered, in the navigation's order (group by group, and
    /// in registry order within a group), so the front page and the menu agree.
    pub fn pages_for(holder: Holder) -> impl Iterator<Item = &'static SectionPage> {
        NavGroup::ALL.iter().flat_map(move |group| {
            Self::ALL
                .iter()
                .filter(move |s| s.spec().group == *group && s.covers(holder))
                .flat_map(|s| s.spec().pages.iter())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray;

    #[test]
    fn the_person_reaches_every_section_and_codes_and_routes_are_unique() {
        let mut codes = Vec::new();
        let mut routes = Vec::new();
        for s in Section::VARIANTS {
            assert!(s.covers(Holder::Own), "{s:?}");
            codes.push(s.spec().code);
            routes.extend(s.spec().pages.iter().map(|p| p.route));
        }
        let (c, r) = (codes.len(), routes.len());
        codes.sort_unstable();
        codes.dedup();
        routes.sort_unstable();
        routes.dedup();
        assert_eq!((codes.len(), routes.len()), (c, r));
    }

    #[test]
    fn no_proxy_reaches_the_persons_own_sections() {
        for s in [
            Section::LivingWill,
            Section::OrganDonation,
            Section::DisclosureLog,
            Section::WellbeingData,
            Section::Consents,
        ] {
            for h in [
                Holder::GuardianUnderTen,
                Holder::GuardianOfTeen,
                Holder::MandateHolder(Scopes::HEALTH_CARE),
                Holder::MandateHolder(Scopes::SOCIAL_WELFARE),
                Holder::MandateHolder(Scopes::HEALTH_CARE.with(MandateScope::SocialWelfare)),
            ] {
                assert!(!s.covers(h), "{s:?} {h:?}");
            }
        }
        let proxy_pages: Vec<&str> = Section::pages_for(Holder::MandateHolder(Scopes::HEALTH_CARE))
            .map(|p| p.route)
            .collect();
        assert_eq!(
            proxy_pages,
            [
                "/records",
                "/summaries",
                "/lab",
                "/certificates",
                "/prescriptions",
                "/medication-list",
                "/appointments"
            ]
        );
        // A mandate opens the sections of its scope only.
        let social: Vec<&str> = Section::pages_for(Holder::MandateHolder(Scopes::SOCIAL_WELFARE))
            .map(|p| p.route)
            .collect();
        assert_eq!(social, ["/social-welfare"]);
    }

    #[test]
    fn the_navigation_groups_the_pages_a_right_reaches_and_leaves_out_empty_groups() {
        let groups = |holder| -> Vec<(NavGroup, Vec<&str>)> {
            Section::navigation(holder)
                .into_iter()
                .map(|(g, pages)| (g, pages.into_iter().map(|p| p.route).collect()))
                .collect()
        };
        assert_eq!(
            groups(Some(Holder::Own)),
            [
                (
                    NavGroup::Health,
                    vec!["/records", "/summaries", "/lab", "/certificates"]
                ),
                (
                    NavGroup::Medicines,
                    vec!["/prescriptions", "/medication-list"]
                ),
                (NavGroup::Appointments, vec!["/appointments"]),
                (NavGroup::SocialCare, vec!["/social-welfare"]),
                (
                    NavGroup::Choices,
                    vec![
                        "/living-will",
                        "/organ-donation",
                        "/consents",
                        "/abroad",
                        "/abroad/summary"
                    ]
                ),
                (
                    NavGroup::MyData,
                    vec!["/disclosure-log", "/wellbeing", "/download"]
                ),
            ]
        );
        // The signed-out are offered what others may reach too: what a mandate of
        // both scopes opens.
        assert_eq!(
            groups(Some(Holder::MandateHolder(
                Scopes::HEALTH_CARE.with(MandateScope::SocialWelfare)
            ))),
            groups(None)
        );
        assert_eq!(
            groups(None).iter().map(|g| g.0).collect::<Vec<_>>(),
            [
                NavGroup::Health,
                NavGroup::Medicines,
                NavGroup::Appointments,
                NavGroup::SocialCare
            ]
        );
        // Every page a holder reaches is in its navigation, once.
        for &holder in Holder::ALL {
            let in_nav: Vec<&str> = Section::navigation(Some(holder))
                .into_iter()
                .flat_map(|(_, pages)| pages.into_iter().map(|p| p.route))
                .collect();
            let offered: Vec<&str> = Section::pages_for(holder).map(|p| p.route).collect();
            let (mut a, mut b) = (in_nav, offered);
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{holder:?}");
        }
    }
}
