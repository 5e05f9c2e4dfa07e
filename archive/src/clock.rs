//! Time as the archive sees it. Ages, validity periods and "the last twelve months" all
//! depend on now, so the clock is passed in and tests can fix or move it.

use std::fmt;
use std::sync::Mutex;

use time::macros::format_description;
use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, UtcOffset};

use crate::error::ArchiveError;

/// How clinical times are stored: Finnish local time to the minute.
const STAMP: &[time::format_description::FormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]");
/// How days are stored.
pub(crate) const DAY: &[time::format_description::FormatItem<'static>] =
    format_description!("[year]-[month]-[day]");

/// A clinical time as stored.
pub(crate) fn format_stamp(at: PrimitiveDateTime) -> String {
    at.format(STAMP).unwrap_or_default()
}

/// A stored clinical time read back.
pub(crate) fn parse_stamp(s: &str) -> Result<PrimitiveDateTime, ArchiveError> {
    PrimitiveDateTime::parse(s, STAMP).map_err(|_| ArchiveError::Corrupt("clinical time"))
}

pub trait Clock: Send + Sync + fmt::Debug {
    fn now(&self) -> OffsetDateTime;

    /// Today in Finland.
    fn today(&self) -> Date {
        finnish_local(self.now()).date()
    }
}

/// The machine's clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
    }
}

/// A clock that stands still until told to move. For tests and reproducible demo data.
#[derive(Debug)]
pub struct FixedClock(Mutex<OffsetDateTime>);

impl FixedClock {
    #[must_use]
    pub fn at(now: OffsetDateTime) -> Self {
        Self(Mutex::new(now))
    }

    pub fn advance(&self, by: Duration) {
        let mut now = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *now += by;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> OffsetDateTime {
        *self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Finnish local time (EET, with EU summer time from the last Sunday of March to the
/// last Sunday of October, switching at 01:00 UTC).
#[must_use]
pub fn finnish_local(at: OffsetDateTime) -> PrimitiveDateTime {
    let utc = at.to_offset(UtcOffset::UTC);
    let year = utc.year();
    let start = last_sunday(year, Month::March).with_hms(1, 0, 0);
    let end = last_sunday(year, Month::October).with_hms(1, 0, 0);
    let naive = PrimitiveDateTime::new(utc.date(), utc.time());
    let summer = match (start, end) {
        (Ok(s), Ok(e)) => naive >= s && naive < e,
        _ => false,
    };
    naive + Duration::hours(if summer { 3 } else { 2 })
}

/// The instant a Finnish local time names (the inverse of [`finnish_local`]; an hour
/// the clocks skip is read as winter time).
#[must_use]
pub fn from_finnish(local: PrimitiveDateTime) -> OffsetDateTime {
    let summer = (local - Duration::hours(3)).assume_utc();
    if finnish_local(summer) == local {
        summer
    } else {
        (local - Duration::hours(2)).assume_utc()
    }
}

/// The offset Finnish time has at the local time `local` (+2, or +3 in summer).
pub fn finnish_offset(local: PrimitiveDateTime) -> time::UtcOffset {
    let seconds = (local.assume_utc() - from_finnish(local)).whole_seconds();
    time::UtcOffset::from_whole_seconds(i32::try_from(seconds).unwrap_or(7200))
        .unwrap_or(time::UtcOffset::UTC)
}

/// Finnish local time of a stored instant (unix milliseconds, as the audit trail and
/// requests keep time).
#[must_use]
pub fn finnish_at_ms(ms: i64) -> PrimitiveDateTime {
    finnish_local(
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
            .unwrap_or(OffsetDateTime::UNIX_EPOCH),
    )
}

fn last_sunday(year: i32, month: Month) -> Date {
    let last = Date::from_calendar_date(year, month, time::util::days_in_month(month, year))
        .unwrap_or(Date::MIN);
    let back = last.weekday().number_days_from_sunday();
    last - Duration::days(i64::from(back))
}

/// Whole years between `birth` and `on` (a person born on 29 February turns a year
/// older on 1 March in common years).
#[must_use]
pub fn age_on(birth: Date, on: Date) -> i32 {
    let mut years = on.year() - birth.year();
    if (on.month() as u8, on.day()) < (birth.month() as u8, birth.day()) {
        years -= 1;
    }
    years
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn a_finnish_time_names_its_instant() {
        for at in [
            datetime!(2026-01-15 10:00 UTC),
            datetime!(2026-07-01 21:30 UTC),
            datetime!(2026-03-29 00:59 UTC),
            datetime!(2026-03-29 01:00 UTC),
            datetime!(2026-10-25 02:00 UTC),
        ] {
            assert_eq!(from_finnish(finnish_local(at)), at);
        }
    }

    #[test]
    fn finnish_time_follows_summer_time() {
        assert_eq!(
            finnish_local(datetime!(2026-01-15 10:00 UTC)),
            datetime!(2026-01-15 12:00)
        );
        assert_eq!(
            finnish_local(datetime!(2026-07-01 21:30 UTC)),
            datetime!(2026-07-02 00:30)
        );
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(
            finnish_local(datetime!(2026-03-29 00:59 UTC)),
            datetime!(2026-03-29 02:59)
        );
        assert_eq!(
            finnish_local(datetime!(2026-03-29 01:00 UTC)),
            datetime!(2026-03-29 04:00)
        );
        assert_eq!(
            finnish_local(datetime!(2026-10-25 01:00 UTC)),
            datetime!(2026-10-25 03:00)
        );
    }

    #[test]
    fn age_turns_on_the_birthday() {
        assert_eq!(age_on(date!(2016 - 05 - 10), date!(2026 - 05 - 09)), 9);
        assert_eq!(age_on(date!(2016 - 05 - 10), date!(2026 - 05 - 10)), 10);
        assert_eq!(age_on(date!(2008 - 02 - 29), date!(2026 - 02 - 28)), 17);
        assert_eq!(age_on(date!(2008 - 02 - 29), date!(2026 - 03 - 01)), 18);
    }
}
