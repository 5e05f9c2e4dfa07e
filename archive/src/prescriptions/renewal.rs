//! The rules of prescriptions and renewal requests, as pure functions of the facts and
//! the day:
//! - a prescription is valid for its validity period (usually 24 months, some 12) from
//!   its issue;
//! - it may be renewed only if the person has bought from it, until 28 months from its
//!   issue for a two-year prescription and 16 months for others, and only when no
//!   request for it is open (sent or in processing);
//! - a request nobody has started processing expires after 8 days.

use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month};

/// How long an unprocessed request waits before it expires.
pub const UNPROCESSED_EXPIRY: Duration = Duration::days(8);

/// Why a prescription cannot be renewed now. Each has a code the page explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::VariantArray)]
#[serde(rename_all = "kebab-case")]
pub enum RenewalBlock {
    /// Nothing has been bought with it yet.
    NeverDispensed,
    /// More than 16 (or 28) months have passed since it was issued.
    TooOld,
    /// A request for it is already open.
    AlreadyRequested,
    /// The prescriber cancelled it.
    Cancelled,
}

impl RenewalBlock {
    /// Every variant, in declaration order.
    pub const ALL: &'static [Self] = <Self as strum::VariantArray>::VARIANTS;

    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::NeverDispensed => "never-dispensed",
            Self::TooOld => "too-old",
            Self::AlreadyRequested => "already-requested",
            Self::Cancelled => "cancelled",
        }
    }

    /// The code of the error that refuses a renewal for this reason.
    #[must_use]
    pub const fn error_code(self) -> &'static str {
        match self {
            Self::NeverDispensed => "renewal-never-dispensed",
            Self::TooOld => "renewal-too-old",
            Self::AlreadyRequested => "renewal-already-requested",
            Self::Cancelled => "renewal-cancelled",
        }
    }

    /// The reason an error code names.
    #[must_use]
    pub fn from_error_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|b| b.error_code() == code)
    }
}

/// `date` plus whole calendar months; the day is clamped to the month's end
/// (31 January + 1 month = 28 or 29 February).
#[must_use]
pub fn add_months(date: Date, months: i32) -> Date {
    let index = date.year() * 12 + i32::from(u8::from(date.month())) - 1 + months;
    let year = index.div_euclid(12);
    let month = Month::try_from(u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1))
        .unwrap_or(Month::January);
    let day = date.day().min(time::util::days_in_month(month, year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

/// The last day a prescription is valid.
#[must_use]
pub fn valid_until(issued: Date, validity_months: i32) -> Date {
    add_months(issued, validity_months) - Duration::days(1)
}

/// The last day a renewal may be asked for.
#[must_use]
pub fn renewable_until(issued: Date, validity_months: i32) -> Date {
    add_months(issued, if validity_months >= 24 { 28 } else { 16 })
}

/// Whether a prescription may be renewed on `today`.
///
/// # Errors
/// The first reason it may not, in the order a person would want to hear them.
pub fn may_renew(
    issued: Date,
    validity_months: i32,
    dispensed: bool,
    cancelled: bool,
    open_request: bool,
    today: Date,
) -> Result<(), RenewalBlock> {
    if cancelled {
        Err(RenewalBlock::Cancelled)
    } else if open_request {
        Err(RenewalBlock::AlreadyRequested)
    } else if !dispensed {
        Err(RenewalBlock::NeverDispensed)
    } else if today > renewable_until(issued, validity_months) {
        Err(RenewalBlock::TooOld)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn months_are_calendar_months() {
        assert_eq!(add_months(date!(2025 - 01 - 31), 1), date!(2025 - 02 - 28));
        assert_eq!(add_months(date!(2024 - 01 - 31), 1), date!(2024 - 02 - 29));
        assert_eq!(add_months(date!(2025 - 11 - 15), 16), date!(2027 - 03 - 15));
        assert_eq!(add_months(date!(2025 - 03 - 10), -3), date!(2024 - 12 - 10));
        assert_eq!(
            valid_until(date!(2025 - 03 - 10), 24),
            date!(2027 - 03 - 09)
        );
    }

    #[test]
    fn a_one_year_prescription_renews_until_sixteen_months() {
        let issued = date!(2025 - 01 - 15);
        let at = |d| may_renew(issued, 12, true, false, false, d);
        // 15 months 30 days, 16 months to the day, 16 months and a day.
        assert_eq!(at(add_months(issued, 15) + Duration::days(30)), Ok(()));
        assert_eq!(at(add_months(issued, 16)), Ok(()));
        assert_eq!(
            at(add_months(issued, 16) + Duration::days(1)),
            Err(RenewalBlock::TooOld)
        );
    }

    #[test]
    fn a_two_year_prescription_renews_until_twenty_eight_months() {
        let issued = date!(2024 - 08 - 31);
        let at = |d| may_renew(issued, 24, true, false, false, d);
        assert_eq!(at(add_months(issued, 27) + Duration::days(29)), Ok(()));
        assert_eq!(at(add_months(issued, 28)), Ok(()));
        assert_eq!(
            at(add_months(issued, 28) + Duration::days(1)),
            Err(RenewalBlock::TooOld)
        );
    }

    #[test]
    fn only_what_was_bought_from_without_an_open_request() {
        let issued = date!(2026 - 01 - 01);
        let today = date!(2026 - 06 - 01);
        assert_eq!(
            may_renew(issued, 24, false, false, false, today),
            Err(RenewalBlock::NeverDispensed)
        );
        assert_eq!(
            may_renew(issued, 24, true, false, true, today),
            Err(RenewalBlock::AlreadyRequested)
        );
        assert_eq!(
            may_renew(issued, 24, true, true, false, today),
            Err(RenewalBlock::Cancelled)
        );
        assert_eq!(may_renew(issued, 24, true, false, false, today), Ok(()));
    }
}
