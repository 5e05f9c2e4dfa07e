//! The living will's model: free text and a wish about each life-sustaining treatment,
//! with every version kept. Shared with the web side.

use serde::{Deserialize, Serialize};
use time::PrimitiveDateTime;

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

impl TreatmentWish {
    /// Every variant, in declaration order.
    pub const ALL: &'static [Self] = <Self as strum::VariantArray>::VARIANTS;

    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Want => "want",
            Self::Refuse => "refuse",
            Self::Undecided => "undecided",
        }
    }

    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|w| w.code() == code)
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

impl Treatment {
    /// Every variant, in declaration order.
    pub const ALL: &'static [Self] = <Self as strum::VariantArray>::VARIANTS;

    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Resuscitation => "resuscitation",
            Self::Ventilation => "ventilation",
            Self::TubeFeeding => "tube-feeding",
            Self::Dialysis => "dialysis",
            Self::PainRelief => "pain-relief",
        }
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LivingWillVersion {
    pub version: i64,
    pub text: Option<LivingWillText>,
    /// Finnish time.
    pub written_at: PrimitiveDateTime,
}

/// A person's living will: what is in force now, and every version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LivingWill {
    /// The will in force, if any (not withdrawn).
    pub current: Option<LivingWillVersion>,
    /// Every version, newest first.
    pub history: Vec<LivingWillVersion>,
}
