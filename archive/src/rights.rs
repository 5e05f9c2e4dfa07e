//! The rules of acting for another person, as pure functions of the facts and the day.
//! `Archive::access` gathers the facts; nothing else decides a right.
//!
//! - A guardian acts for a child under 18: under 10, for all of the child's records;
//!   from 10, only for what a professional marked visible to guardians and the child has
//!   not denied, plus everything recorded before the child turned 10. Never when the
//!   guardian has a court-appointed guardian, when either has a non-disclosure order, or
//!   when the child is taken into care.
//! - A mandate holder acts for an adult within the mandate's scope and validity period;
//!   a mandate from a minor (or from someone whose age is unknown) gives no right.
//! - What a right covers is decided per section in the registry ([`Section::spec`]).

use time::Date;

use crate::audit::Refusal;
use crate::clock::age_on;
pub use crate::section::{Holder, MandateScope, Scopes, Section};

/// The scope of a Suomi.fi mandate for health-care matters, as stored.
pub const HEALTH_CARE_SCOPE: &str = MandateScope::HealthCare.code();

/// The scope of a Suomi.fi mandate for social-welfare matters, as stored.
pub const SOCIAL_WELFARE_SCOPE: &str = MandateScope::SocialWelfare.code();

/// By which right an actor acts for a subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Right {
    /// The person themself.
    Own,
    /// A guardian of a minor.
    Guardian { child_birth: Date, child_age: i32 },
    /// A mandate holder of an adult, within the scopes of the mandates in force, until
    /// the last day of the longest.
    Mandate { valid_until: Date, scopes: Scopes },
}

impl Right {
    /// The last day of a mandate right, when it ends within the notice period.
    #[must_use]
    pub fn ending_soon(self, today: Date) -> Option<Date> {
        match self {
            Self::Mandate { valid_until, .. } if ends_within_notice(valid_until, today) => {
                Some(valid_until)
            }
            _ => None,
        }
    }

    /// Whether this right reaches a section at all, as the registry
    /// ([`Section::spec`]) decides (documents are then filtered by
    /// [`Right::document_rule`]).
    #[must_use]
    pub const fn covers(self, section: Section) -> bool {
        section.covers(self.holder())
    }

    /// Who acts, as the registry of sections tells rights apart.
    #[must_use]
    pub const fn holder(self) -> Holder {
        match self {
            Self::Own => Holder::Own,
            Self::Guardian { child_age, .. } if child_age < 10 => Holder::GuardianUnderTen,
            Self::Guardian { .. } => Holder::GuardianOfTeen,
            Self::Mandate { scopes, .. } => Holder::MandateHolder(scopes),
        }
    }

    /// Which of the subject's documents this right sees.
    #[must_use]
    pub fn document_rule(self) -> DocumentRule {
        match self {
            Self::Guardian {
                child_birth,
                child_age,
            } if child_age >= 10 => DocumentRule::GuardianOfTen {
                tenth_birthday: tenth_birthday(child_birth),
            },
            _ => DocumentRule::All,
        }
    }

    #[must_use]
    pub const fn kind(self) -> crate::model::RightKind {
        match self {
            Self::Own => crate::model::RightKind::Own,
            Self::Guardian { .. } => crate::model::RightKind::Guardian,
            Self::Mandate { .. } => crate::model::RightKind::Mandate,
        }
    }
}

/// Which documents a right sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentRule {
    All,
    /// Recorded before the tenth birthday, or marked visible to guardians and not
    /// denied by the child.
    GuardianOfTen {
        tenth_birthday: Date,
    },
}

impl DocumentRule {
    /// Whether a document with these marks is visible.
    #[must_use]
    pub fn sees(self, recorded_on: Date, visible_to_guardian: bool, denied_by_minor: bool) -> bool {
        match self {
            Self::All => true,
            Self::GuardianOfTen { tenth_birthday } => {
                recorded_on < tenth_birthday || (visible_to_guardian && !denied_by_minor)
            }
        }
    }
}

fn tenth_birthday(birth: Date) -> Date {
    birth
        .replace_year(birth.year() + 10)
        // 29 February: the birthday is 1 March in a common year.
        .unwrap_or_else(|_| {
            Date::from_calendar_date(birth.year() + 10, time::Month::March, 1).unwrap_or(birth)
        })
}

/// How many days before its end a mandate's end is announced, to the one who holds it
/// and to the one who gave it, so that a new one can be given in time.
pub const MANDATE_END_NOTICE_DAYS: i64 = 30;

/// Whether a mandate valid until `until` (its last day) ends within the notice period.
fn ends_within_notice(until: Date, today: Date) -> bool {
    until - today <= time::Duration::days(MANDATE_END_NOTICE_DAYS)
}

/// A mandate as registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mandate {
    pub scope: String,
    pub valid_from: Date,
    pub valid_until: Date,
}

impl Mandate {
    /// A mandate as stored (days as `YYYY-MM-DD`); `None` for a day that does not read.
    pub(crate) fn from_stored(scope: String, valid_from: &str, valid_until: &str) -> Option<Self> {
        let day =
            |s: &str| Date::parse(s, &time::format_description::well_known::Iso8601::DATE).ok();
        Some(Self {
            scope,
            valid_from: day(valid_from)?,
            valid_until: day(valid_until)?,
        })
    }

    /// Its scope, when it is one the service knows.
    #[must_use]
    pub fn scope(&self) -> Option<MandateScope> {
        MandateScope::from_code(&self.scope)
    }

    /// Whether it gives a right on `today` (to the matters of its scope).
    fn in_force(&self, today: Date) -> bool {
        self.scope().is_some() && self.valid_from <= today && today <= self.valid_until
    }

    /// Its last day, when it is in force on `today` and ends within the notice period.
    #[must_use]
    pub fn ending_soon(&self, today: Date) -> Option<Date> {
        (self.in_force(today) && ends_within_notice(self.valid_until, today))
            .then_some(self.valid_until)
    }
}

/// What the register says about an actor and a subject.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub subject_birth: Option<Date>,
    pub subject_in_care: bool,
    pub subject_non_disclosure: bool,
    pub actor_non_disclosure: bool,
    pub actor_has_court_guardian: bool,
    /// The actor is a registered guardian of the subject.
    pub guardian: bool,
    /// Mandates the subject has given the actor.
    pub mandates: Vec<Mandate>,
}

/// Decides the right of someone other than the subject, on `today`.
///
/// # Errors
/// The refusal that says why not.
pub fn decide(facts: &Facts, today: Date) -> Result<Right, Refusal> {
    let age = facts.subject_birth.map(|b| age_on(b, today));
    if facts.guardian {
        if let (Some(birth), Some(age)) = (facts.subject_birth, age) {
            if age < 18 {
                if facts.actor_has_court_guardian {
                    return Err(Refusal::GuardianUnderGuardianship);
                }
                if facts.subject_non_disclosure || facts.actor_non_disclosure {
                    return Err(Refusal::NonDisclosure);
                }
                if facts.subject_in_care {
                    return Err(Refusal::ChildInCare);
                }
                return Ok(Right::Guardian {
                    child_birth: birth,
                    child_age: age,
                });
            }
        }
    }
    // A mandate is given by an adult: a minor's matters go through the guardian.
    if age.is_none_or(|a| a < 18) {
        return Err(Refusal::NoRight);
    }
    // Mandates in force give the right: within each one's scope, until the last day
    // of the longest.
    let in_force: Vec<&Mandate> = facts
        .mandates
        .iter()
        .filter(|m| m.in_force(today))
        .collect();
    if let Some(valid_until) = in_force.iter().map(|m| m.valid_until).max() {
        let scopes = in_force
            .iter()
            .filter_map(|m| m.scope())
            .fold(Scopes::default(), Scopes::with);
        return Ok(Right::Mandate {
            valid_until,
            scopes,
        });
    }
    let mut refusal = Refusal::NoRight;
    for m in &facts.mandates {
        refusal = if m.scope().is_none() {
            Refusal::MandateOutOfScope
        } else if today < m.valid_from {
            Refusal::MandateNotStarted
        } else {
            Refusal::MandateEnded
        };
    }
    Err(refusal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 29);

    fn guardian_of(birth: Date) -> Facts {
        Facts {
            subject_birth: Some(birth),
            guardian: true,
            ..Facts::default()
        }
    }

    #[test]
    fn a_guardians_right_follows_the_childs_age() {
        let seven = date!(2019 - 06 - 01);
        assert_eq!(
            decide(&guardian_of(seven), TODAY),
            Ok(Right::Guardian {
                child_birth: seven,
                child_age: 7
            })
        );
        assert_eq!(
            Right::Guardian {
                child_birth: seven,
                child_age: 7
            }
            .document_rule(),
            DocumentRule::All
        );
        let fifteen = date!(2011 - 03 - 10);
        let right = decide(&guardian_of(fifteen), TODAY).expect("right");
        assert_eq!(
            right.document_rule(),
            DocumentRule::GuardianOfTen {
                tenth_birthday: date!(2021 - 03 - 10)
            }
        );
        // The day before and on the 18th birthday.
        assert!(decide(&guardian_of(date!(2008 - 11 - 30)), TODAY).is_ok());
        assert_eq!(
            decide(&guardian_of(date!(2008 - 11 - 29)), TODAY),
            Err(Refusal::NoRight)
        );
    }

    #[test]
    fn the_tenth_birthday_decides_which_documents_a_guardian_sees() {
        let rule = DocumentRule::GuardianOfTen {
            tenth_birthday: date!(2021 - 03 - 10),
        };
        assert!(
            rule.sees(date!(2021 - 03 - 09), false, false),
            "before 10 stays visible"
        );
        assert!(
            rule.sees(date!(2021 - 03 - 09), false, true),
            "even if denied later"
        );
        assert!(
            !rule.sees(date!(2021 - 03 - 10), false, false),
            "not marked"
        );
        assert!(
            rule.sees(date!(2022 - 01 - 01), true, false),
            "marked visible"
        );
        assert!(
            !rule.sees(date!(2022 - 01 - 01), true, true),
            "denied by the minor"
        );
        assert_eq!(tenth_birthday(date!(2012 - 02 - 29)), date!(2022 - 03 - 01));
    }

    #[test]
    fn each_block_refuses_a_guardian() {
        let birth = date!(2019 - 06 - 01);
        let cases = [
            (
                Facts {
                    actor_has_court_guardian: true,
                    ..guardian_of(birth)
                },
                Refusal::GuardianUnderGuardianship,
            ),
            (
                Facts {
                    subject_non_disclosure: true,
                    ..guardian_of(birth)
                },
                Refusal::NonDisclosure,
            ),
            (
                Facts {
                    actor_non_disclosure: true,
                    ..guardian_of(birth)
                },
                Refusal::NonDisclosure,
            ),
            (
                Facts {
                    subject_in_care: true,
                    ..guardian_of(birth)
                },
                Refusal::ChildInCare,
            ),
        ];
        for (facts, refusal) in cases {
            assert_eq!(decide(&facts, TODAY), Err(refusal));
        }
    }

    #[test]
    fn a_mandate_holds_within_its_scope_and_period_only() {
        let m = |scope: &str, from, until| Facts {
            subject_birth: Some(date!(1942 - 01 - 01)),
            mandates: vec![Mandate {
                scope: scope.into(),
                valid_from: from,
                valid_until: until,
            }],
            ..Facts::default()
        };
        assert_eq!(
            decide(
                &m(
                    HEALTH_CARE_SCOPE,
                    date!(2026 - 01 - 01),
                    date!(2026 - 11 - 29)
                ),
                TODAY
            ),
            Ok(Right::Mandate {
                valid_until: date!(2026 - 11 - 29),
                scopes: Scopes::HEALTH_CARE,
            })
        );
        // A social-welfare mandate gives a right of its own scope only; with both in
        // force, both scopes, until the longer's last day.
        assert_eq!(
            decide(
                &m(
                    SOCIAL_WELFARE_SCOPE,
                    date!(2026 - 01 - 01),
                    date!(2026 - 12 - 31)
                ),
                TODAY
            ),
            Ok(Right::Mandate {
                valid_until: date!(2026 - 12 - 31),
                scopes: Scopes::SOCIAL_WELFARE,
            })
        );
        let mut both = m(
            HEALTH_CARE_SCOPE,
            date!(2026 - 01 - 01),
            date!(2026 - 12 - 01),
        );
        both.mandates.push(Mandate {
            scope: SOCIAL_WELFARE_SCOPE.into(),
            valid_from: date!(2026 - 01 - 01),
            valid_until: date!(2027 - 06 - 30),
        });
        let right = decide(&both, TODAY).expect("a right");
        assert_eq!(
            right,
            Right::Mandate {
                valid_until: date!(2027 - 06 - 30),
                scopes: Scopes::HEALTH_CARE.with(MandateScope::SocialWelfare),
            }
        );
        let social_only = Right::Mandate {
            valid_until: date!(2027 - 06 - 30),
            scopes: Scopes::SOCIAL_WELFARE,
        };
        assert!(right.covers(Section::HealthRecords) && right.covers(Section::SocialWelfare));
        assert!(
            !social_only.covers(Section::HealthRecords),
            "not health records"
        );
        assert!(social_only.covers(Section::SocialWelfare));
        let health_only = Right::Mandate {
            valid_until: date!(2027 - 06 - 30),
            scopes: Scopes::HEALTH_CARE,
        };
        assert!(
            !health_only.covers(Section::SocialWelfare),
            "not social welfare"
        );
        assert_eq!(
            decide(
                &m(
                    HEALTH_CARE_SCOPE,
                    date!(2026 - 11 - 30),
                    date!(2027 - 01 - 01)
                ),
                TODAY
            ),
            Err(Refusal::MandateNotStarted)
        );
        assert_eq!(
            decide(
                &m(
                    HEALTH_CARE_SCOPE,
                    date!(2025 - 01 - 01),
                    date!(2026 - 11 - 28)
                ),
                TODAY
            ),
            Err(Refusal::MandateEnded)
        );
        assert_eq!(
            decide(
                &m("taxation", date!(2025 - 01 - 01), date!(2027 - 01 - 01)),
                TODAY
            ),
            Err(Refusal::MandateOutOfScope)
        );
        assert_eq!(decide(&Facts::default(), TODAY), Err(Refusal::NoRight));
        // A mandate from a 17-year-old gives nothing; from the 18th birthday it holds.
        let minor = Facts {
            subject_birth: Some(date!(2008 - 11 - 30)),
            ..m(
                HEALTH_CARE_SCOPE,
                date!(2026 - 01 - 01),
                date!(2027 - 01 - 01),
            )
        };
        assert_eq!(decide(&minor, TODAY), Err(Refusal::NoRight));
        let adult = Facts {
            subject_birth: Some(date!(2008 - 11 - 29)),
            ..minor
        };
        assert!(decide(&adult, TODAY).is_ok());
    }

    #[test]
    fn no_proxy_reaches_the_persons_own_sections() {
        let guardian = Right::Guardian {
            child_birth: date!(2019 - 06 - 01),
            child_age: 7,
        };
        let mandate = Right::Mandate {
            valid_until: date!(2027 - 01 - 01),
            scopes: Scopes::HEALTH_CARE.with(MandateScope::SocialWelfare),
        };
        for section in [
            Section::LivingWill,
            Section::OrganDonation,
            Section::DisclosureLog,
            Section::WellbeingData,
            Section::Consents,
        ] {
            assert!(!guardian.covers(section), "{section:?}");
            assert!(!mandate.covers(section), "{section:?}");
        }
        for section in Section::ALL {
            assert!(Right::Own.covers(*section));
        }
        assert!(guardian.covers(Section::HealthRecords) && mandate.covers(Section::HealthRecords));
    }

    #[test]
    fn a_mandate_s_end_is_announced_from_thirty_days_before_its_last_day() {
        let ending = |until: Date| Mandate {
            scope: HEALTH_CARE_SCOPE.to_owned(),
            valid_from: date!(2025 - 01 - 01),
            valid_until: until,
        };
        assert_eq!(
            ending(date!(2026 - 12 - 29)).ending_soon(TODAY),
            Some(date!(2026 - 12 - 29))
        );
        assert_eq!(
            ending(date!(2026 - 12 - 30)).ending_soon(TODAY),
            None,
            "31 days ahead"
        );
        assert_eq!(
            ending(TODAY).ending_soon(TODAY),
            Some(TODAY),
            "its last day"
        );
        assert_eq!(
            ending(date!(2026 - 11 - 28)).ending_soon(TODAY),
            None,
            "already ended"
        );
        let other = Mandate {
            scope: "taxation".to_owned(),
            ..ending(date!(2026 - 12 - 01))
        };
        assert_eq!(
            other.ending_soon(TODAY),
            None,
            "no right here, nothing to announce"
        );
        // The holder sees the same day through the right the mandate gives.
        let facts = Facts {
            subject_birth: Some(date!(1950 - 01 - 01)),
            mandates: vec![ending(date!(2026 - 12 - 10))],
            ..Facts::default()
        };
        let right = decide(&facts, TODAY).expect("a right");
        assert_eq!(right.ending_soon(TODAY), Some(date!(2026 - 12 - 10)));
        // Of two in force, the longer one decides, and nothing is announced.
        let both = Facts {
            mandates: vec![ending(date!(2026 - 12 - 10)), ending(date!(2028 - 01 - 01))],
            ..facts
        };
        assert_eq!(
            decide(&both, TODAY).expect("a right").ending_soon(TODAY),
            None
        );
    }
}
