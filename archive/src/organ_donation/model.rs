//! The organ donation testament's model: the decision, what is excluded from it, and
//! free text, with every version kept. Shared with the web side.

use serde::{Deserialize, Serialize};

use crate::model::Language;

/// The longest free text of a testament, in characters.
pub const MAX_DONATION_NOTES_CHARS: usize = 2000;

/// What the person decided about donating their organs and tissues after death.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum DonationDecision {
    /// Yes, all organs and tissues.
    Yes,
    /// Yes, but not those excluded.
    YesExcept,
    No,
}

crate::codes! {
    DonationDecision {
        Yes => "yes",
        YesExcept => "yes-except",
        No => "no",
    }
}

/// Whether a [`Donatable`] is an organ or a tissue (the form asks about each group in
/// its own set of choices).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum DonatableKind {
    Organ,
    Tissue,
}

crate::codes! {
    DonatableKind {
        Organ => "organ",
        Tissue => "tissue",
    }
}

/// The organs and tissues that may be excluded from a donation, in the form's order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
pub enum Donatable {
    Heart,
    Lungs,
    Liver,
    Kidneys,
    Pancreas,
    SmallIntestine,
    Corneas,
    HeartValves,
    BloodVessels,
    Skin,
    Bone,
    Tendons,
}

crate::codes! {
    Donatable {
        Heart => "heart",
        Lungs => "lungs",
        Liver => "liver",
        Kidneys => "kidneys",
        Pancreas => "pancreas",
        SmallIntestine => "small-intestine",
        Corneas => "corneas",
        HeartValves => "heart-valves",
        BloodVessels => "blood-vessels",
        Skin => "skin",
        Bone => "bone",
        Tendons => "tendons",
    }
}

impl Donatable {
    /// An organ or a tissue.
    #[must_use]
    pub const fn kind(self) -> DonatableKind {
        match self {
            Self::Heart
            | Self::Lungs
            | Self::Liver
            | Self::Kidneys
            | Self::Pancreas
            | Self::SmallIntestine => DonatableKind::Organ,
            Self::Corneas
            | Self::HeartValves
            | Self::BloodVessels
            | Self::Skin
            | Self::Bone
            | Self::Tendons => DonatableKind::Tissue,
        }
    }
}

/// What a testament says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganDonationText {
    pub decision: DonationDecision,
    /// Excluded from the donation: only with [`DonationDecision::YesExcept`], at least
    /// one, each once, in [`Donatable::ALL`]'s order.
    pub excluded: Vec<Donatable>,
    /// Free text, as typed (trimmed).
    pub notes: String,
    /// The language the text was written in (the page's when it was saved), so that
    /// a page in another language marks it.
    pub language: Language,
}

impl OrganDonationText {
    /// A testament of `decision`, `excluded` (in any order, repeats allowed: put in
    /// order, each once) and `notes` (trimmed), written in Finnish unless said
    /// ([`OrganDonationText::written_in`]).
    #[must_use]
    pub fn new(decision: DonationDecision, excluded: &[Donatable], notes: &str) -> Self {
        let mut excluded = excluded.to_vec();
        excluded.sort_unstable();
        excluded.dedup();
        Self {
            decision,
            excluded,
            notes: notes.trim().to_owned(),
            language: Language::default(),
        }
    }

    /// The same, written in `language`.
    #[must_use]
    pub fn written_in(self, language: Language) -> Self {
        Self { language, ..self }
    }

    /// Everything wrong with it, each as (field, code): the free text too long
    /// (`notes`, `donation-notes-too-long`), "yes, except" with nothing excluded
    /// (`excluded`, `choose-excluded`), or something excluded with another decision
    /// (`excluded`, `excluded-without-exceptions`). The store applies it; a form asks
    /// it too, to name every wrong field at once.
    #[must_use]
    pub fn problems(&self) -> Vec<(&'static str, &'static str)> {
        let mut problems = Vec::new();
        if let Some(code) = Self::check_notes(&self.notes) {
            problems.push(("notes", code));
        }
        match (self.decision, self.excluded.is_empty()) {
            (DonationDecision::YesExcept, true) => problems.push(("excluded", "choose-excluded")),
            (DonationDecision::Yes | DonationDecision::No, false) => {
                problems.push(("excluded", "excluded-without-exceptions"));
            }
            _ => {}
        }
        problems
    }

    /// The rule for the free text alone: at most [`MAX_DONATION_NOTES_CHARS`]
    /// characters once trimmed; the code `donation-notes-too-long` when longer.
    #[must_use]
    pub fn check_notes(notes: &str) -> Option<&'static str> {
        (notes.trim().chars().count() > MAX_DONATION_NOTES_CHARS)
            .then_some("donation-notes-too-long")
    }
}

/// One version of a testament; `text` is `None` for a withdrawal.
pub type OrganDonationVersion = crate::declaration::Version<OrganDonationText>;

/// A person's organ donation testament: what is in force now, and every version.
pub type OrganDonation = crate::declaration::Declaration<OrganDonationText>;

#[cfg(test)]
mod tests {
    use super::*;
    use DonationDecision as D;

    #[test]
    fn exclusions_are_put_in_order_once_and_only_go_with_yes_except() {
        let text = OrganDonationText::new(
            D::YesExcept,
            &[Donatable::Skin, Donatable::Heart, Donatable::Skin],
            "  Ei ihoa.  ",
        );
        assert_eq!(text.excluded, [Donatable::Heart, Donatable::Skin]);
        assert_eq!(text.notes, "Ei ihoa.");
        assert!(text.problems().is_empty());
        assert_eq!(
            OrganDonationText::new(D::YesExcept, &[], "").problems(),
            [("excluded", "choose-excluded")]
        );
        for decision in [D::Yes, D::No] {
            assert!(OrganDonationText::new(decision, &[], "")
                .problems()
                .is_empty());
            assert_eq!(
                OrganDonationText::new(decision, &[Donatable::Liver], "").problems(),
                [("excluded", "excluded-without-exceptions")]
            );
        }
    }

    #[test]
    fn the_free_text_is_measured_in_characters_once_trimmed() {
        let at_most = "ä".repeat(MAX_DONATION_NOTES_CHARS);
        assert!(OrganDonationText::new(D::Yes, &[], &format!(" {at_most} "))
            .problems()
            .is_empty());
        let over = format!("{at_most}ö");
        assert_eq!(
            OrganDonationText::new(D::YesExcept, &[], &over).problems(),
            [
                ("notes", "donation-notes-too-long"),
                ("excluded", "choose-excluded")
            ]
        );
    }

    #[test]
    fn every_donatable_is_an_organ_or_a_tissue_organs_first() {
        let kinds: Vec<DonatableKind> = Donatable::ALL.iter().map(|d| d.kind()).collect();
        let organs = kinds.iter().filter(|k| **k == DonatableKind::Organ).count();
        assert_eq!(organs, 6);
        assert!(kinds[..organs].iter().all(|k| *k == DonatableKind::Organ));
        assert!(kinds[organs..].iter().all(|k| *k == DonatableKind::Tissue));
    }
}
