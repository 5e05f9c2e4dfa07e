//! The living will's model: free text and a wish about each life-sustaining treatment,
//! with every version kept. Shared with the web side.

use serde::{Deserialize, Serialize};

/// The longest free text of a living will, in characters.
pub const MAX_WISHES_CHARS: usize = 5000;

/// A wish about one life-sustaining treatment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum TreatmentWish {
    Want,
    Refuse,
    Undecided,
}

crate::codes! {
    TreatmentWish {
        Want => "want",
        Refuse => "refuse",
        Undecided => "undecided",
    }
}

/// The life-sustaining treatments a living will takes a position on, in the order the
/// form asks about them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum Treatment {
    Resuscitation,
    Ventilation,
    TubeFeeding,
    Dialysis,
    /// Enough pain relief even if it may shorten life.
    PainRelief,
}

crate::codes! {
    Treatment {
        Resuscitation => "resuscitation",
        Ventilation => "ventilation",
        TubeFeeding => "tube-feeding",
        Dialysis => "dialysis",
        PainRelief => "pain-relief",
    }
}

/// What a living will says: free text and a wish about each treatment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LivingWillText {
    pub wishes: String,
    /// One per [`Treatment::ALL`], in that order.
    pub treatments: Vec<(Treatment, TreatmentWish)>,
}

impl LivingWillText {
    /// The rule for the free text: at most [`MAX_WISHES_CHARS`] characters once trimmed.
    /// The store applies it; a form asks it too, to name every wrong field at once.
    ///
    /// # Errors
    /// The code `wishes-too-long`.
    pub fn check_wishes(wishes: &str) -> Result<(), &'static str> {
        if wishes.trim().chars().count() > MAX_WISHES_CHARS {
            Err("wishes-too-long")
        } else {
            Ok(())
        }
    }
}

/// One version of a living will; `text` is `None` for a withdrawal.
pub type LivingWillVersion = crate::declaration::Version<LivingWillText>;

/// A person's living will: what is in force now, and every version.
pub type LivingWill = crate::declaration::Declaration<LivingWillText>;
