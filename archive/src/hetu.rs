//! The Finnish personal identity code (henkilötunnus, HETU).
//!
//! `DDMMYYCZZZQ`: birth date, century sign, individual number, check character.
//! The check character is the remainder of the nine digits `DDMMYYZZZ` mod 31,
//! looked up in [`CHECK_CHARACTERS`]. A [`Hetu`] that exists is valid.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::{Date, Month};

/// The 31 check characters, indexed by the remainder.
pub const CHECK_CHARACTERS: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";

/// Why a string is not a personal identity code. Carries no part of the input,
/// so it can be logged and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum HetuError {
    #[error("a personal identity code has 11 characters")]
    Length,
    #[error("the first six characters must be a date of birth in digits (DDMMYY)")]
    NotDigits,
    #[error("the century sign must be one of + - Y X W V U A B C D E F")]
    CenturySign,
    #[error("the date of birth does not exist")]
    Date,
    #[error("the individual number must be three digits from 002 to 999")]
    IndividualNumber,
    #[error("the check character does not match")]
    CheckCharacter,
}

impl HetuError {
    /// A stable, language-independent code for translation.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Length => "hetu-length",
            Self::NotDigits => "hetu-not-digits",
            Self::CenturySign => "hetu-century-sign",
            Self::Date => "hetu-date",
            Self::IndividualNumber => "hetu-individual-number",
            Self::CheckCharacter => "hetu-check-character",
        }
    }
}

/// A valid personal identity code. Its `Debug` hides all but the birth year,
/// so a stray `{:?}` in a log line does not leak it.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Hetu(String);

impl Hetu {
    /// Parses and validates a code. Lower-case letters are accepted and normalised.
    ///
    /// # Errors
    /// Says which part is wrong; see [`HetuError`].
    pub fn parse(input: &str) -> Result<Self, HetuError> {
        let s = input.trim().to_ascii_uppercase();
        let b = s.as_bytes();
        if b.len() != 11 || !s.is_ascii() {
            return Err(HetuError::Length);
        }
        if !b[..6].iter().all(u8::is_ascii_digit) {
            return Err(HetuError::NotDigits);
        }
        let century = century_of(b[6]).ok_or(HetuError::CenturySign)?;
        if !b[7..10].iter().all(u8::is_ascii_digit) {
            return Err(HetuError::IndividualNumber);
        }
        let individual = digits(&b[7..10]);
        if individual < 2 {
            return Err(HetuError::IndividualNumber);
        }
        let (day, month, yy) = (digits(&b[0..2]), digits(&b[2..4]), digits(&b[4..6]));
        let year = century + i32::try_from(yy).map_err(|_| HetuError::Date)?;
        let month = u8::try_from(month)
            .ok()
            .and_then(|m| Month::try_from(m).ok())
            .ok_or(HetuError::Date)?;
        let day = u8::try_from(day).map_err(|_| HetuError::Date)?;
        Date::from_calendar_date(year, month, day).map_err(|_| HetuError::Date)?;
        let number = digits(&b[0..6]) * 1000 + individual;
        if b[10] != check_character(number) {
            return Err(HetuError::CheckCharacter);
        }
        Ok(Self(s))
    }

    /// Builds the code of a birth date and individual number, with its check character.
    ///
    /// # Errors
    /// When the year has no century sign (before 1800 or after 2099) or the number is out of range.
    pub fn from_parts(birth_date: Date, individual: u16) -> Result<Self, HetuError> {
        if !(2..=999).contains(&individual) {
            return Err(HetuError::IndividualNumber);
        }
        let sign = match birth_date.year() {
            1800..=1899 => '+',
            1900..=1999 => '-',
            2000..=2099 => 'A',
            _ => return Err(HetuError::CenturySign),
        };
        let ddmmyy = format!(
            "{:02}{:02}{:02}",
            birth_date.day(),
            u8::from(birth_date.month()),
            birth_date.year() % 100
        );
        let number = u32::from(birth_date.day()) * 10_000
            + u32::from(u8::from(birth_date.month())) * 100
            + u32::try_from(birth_date.year() % 100).map_err(|_| HetuError::Date)?;
        let check = check_character(number * 1000 + u32::from(individual)) as char;
        Ok(Self(format!("{ddmmyy}{sign}{individual:03}{check}")))
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The date of birth the code carries.
    #[must_use]
    pub fn birth_date(&self) -> Date {
        let b = self.0.as_bytes();
        let century = century_of(b[6]).unwrap_or(1900);
        let year = century + i32::try_from(digits(&b[4..6])).unwrap_or(0);
        let month = u8::try_from(digits(&b[2..4]))
            .ok()
            .and_then(|m| Month::try_from(m).ok())
            .unwrap_or(Month::January);
        let day = u8::try_from(digits(&b[0..2])).unwrap_or(1);
        Date::from_calendar_date(year, month, day).unwrap_or(Date::MIN)
    }

    /// Individual numbers 900–999 are reserved for test identities.
    #[must_use]
    pub fn is_test_identity(&self) -> bool {
        digits(&self.0.as_bytes()[7..10]) >= 900
    }
}

fn digits(b: &[u8]) -> u32 {
    b.iter().fold(0, |acc, d| acc * 10 + u32::from(d - b'0'))
}

fn century_of(sign: u8) -> Option<i32> {
    match sign {
        b'+' => Some(1800),
        b'-' | b'Y' | b'X' | b'W' | b'V' | b'U' => Some(1900),
        b'A'..=b'F' => Some(2000),
        _ => None,
    }
}

fn check_character(nine_digits: u32) -> u8 {
    CHECK_CHARACTERS[(nine_digits % 31) as usize]
}

impl fmt::Debug for Hetu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hetu(born {}, redacted)", self.birth_date().year())
    }
}

impl FromStr for Hetu {
    type Err = HetuError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for Hetu {
    type Error = HetuError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Hetu> for String {
    fn from(h: Hetu) -> Self {
        h.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn accepts_the_published_example_and_its_new_century_signs() {
        // The example DVV publishes, and the same person with the 2023 alternative signs.
        for code in ["131052-308T", "131052Y308T", "131052U308T"] {
            let hetu = Hetu::parse(code).expect("valid");
            assert_eq!(hetu.birth_date(), date!(1952 - 10 - 13));
        }
        assert_eq!(
            Hetu::parse("010594Y9032").map(|h| h.birth_date()),
            Ok(date!(1994 - 05 - 01))
        );
        assert_eq!(
            Hetu::parse("020106a902r").map(|h| h.as_str().to_owned()),
            Ok("020106A902R".to_owned())
        );
    }

    #[test]
    fn rejects_each_kind_of_fault_with_its_reason() {
        assert_eq!(Hetu::parse("131052-308"), Err(HetuError::Length));
        assert_eq!(Hetu::parse("13105X-308T"), Err(HetuError::NotDigits));
        assert_eq!(Hetu::parse("131052Z308T"), Err(HetuError::CenturySign));
        assert_eq!(Hetu::parse("310252-308T"), Err(HetuError::Date));
        assert_eq!(Hetu::parse("290223A9022"), Err(HetuError::Date)); // 2023 is not a leap year
        assert_eq!(Hetu::parse("131052-000T"), Err(HetuError::IndividualNumber));
        assert_eq!(Hetu::parse("131052-30XT"), Err(HetuError::IndividualNumber));
        assert_eq!(Hetu::parse("131052-308U"), Err(HetuError::CheckCharacter));
        assert_eq!(Hetu::parse("131052–308T"), Err(HetuError::Length)); // an en dash
    }

    #[test]
    fn builds_codes_that_parse_back() {
        for (d, n) in [
            (date!(1952 - 10 - 13), 308),
            (date!(2019 - 02 - 28), 951),
            (date!(1899 - 12 - 31), 902),
        ] {
            let built = Hetu::from_parts(d, n).expect("in range");
            let parsed = Hetu::parse(built.as_str()).expect("round trip");
            assert_eq!(parsed.birth_date(), d);
            assert_eq!(parsed.is_test_identity(), n >= 900);
        }
        assert_eq!(
            Hetu::from_parts(date!(1952 - 10 - 13), 308).map(String::from),
            Ok("131052-308T".to_owned())
        );
    }

    #[test]
    fn debug_does_not_reveal_the_code() {
        let hetu = Hetu::parse("131052-308T").expect("valid");
        assert!(!format!("{hetu:?}").contains("308"));
    }
}
