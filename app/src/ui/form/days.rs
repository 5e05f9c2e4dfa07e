//! A filter's days as typed: parsed the ways people here write them, checked in
//! order, and shown back as typed (or as the filter used them).

/// A day as a date field sends it (2026-03-05) or as people here type it where the
/// browser has no date picker (5.3.2026, 05/03/2026).
fn parse_day(value: Option<&str>) -> Result<Option<time::Date>, ()> {
    use time::macros::format_description;
    let Some(s) = value.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let iso = format_description!("[year]-[month]-[day]");
    let dotted = format_description!("[day padding:none].[month padding:none].[year]");
    let slashed = format_description!("[day padding:none]/[month padding:none]/[year]");
    time::Date::parse(s, iso)
        .or_else(|_| time::Date::parse(s, dotted))
        .or_else(|_| time::Date::parse(s, slashed))
        .map(Some)
        .map_err(|_| ())
}

/// The days a filter's `from` and `to` fields ask for (either may be empty), each
/// problem given to `problem` under its field: a day that does not parse
/// (`date-format`), or an end before the start (`date-order`).
pub fn day_range(
    from: Option<&str>,
    to: Option<&str>,
    problem: &mut impl FnMut(&str, &str),
) -> archive::model::DateRange {
    let mut range = archive::model::DateRange::default();
    for (field, value, day) in [("from", from, &mut range.from), ("to", to, &mut range.to)] {
        match parse_day(value) {
            Ok(d) => *day = d,
            Err(()) => problem(field, "date-format"),
        }
    }
    if let (Some(from), Some(to)) = (range.from, range.to) {
        if from > to {
            problem("to", "date-order");
        }
    }
    range
}

/// What a filter's date field holds: what was typed, or else the day the filter used
/// (the default range's, on a first visit).
#[must_use]
pub fn day_shown(typed: Option<&str>, used: Option<time::Date>) -> String {
    typed.filter(|s| !s.is_empty()).map_or_else(
        || used.map(|d| d.to_string()).unwrap_or_default(),
        str::to_owned,
    )
}
