//! Appointments as an iCalendar file (RFC 5545): times in Europe/Helsinki with the
//! zone's rules written in (a `VTIMEZONE`, which the `icalendar` crate does not make),
//! a stable UID per appointment, and nothing that names the person or a diagnosis —
//! what, when, where, how to attend and prepare, and where to change it.

use archive::model::{Appointment, AttendanceMode};
use icalendar::{Calendar, Component, Event, EventLike, Property};
use time::{OffsetDateTime, PrimitiveDateTime};

use crate::i18n::{Lang, LangExt as _};

/// The zone every time in the file is in.
pub const TZID: &str = "Europe/Helsinki";

/// Finland's time: EET (UTC+2), and EEST (UTC+3) from 03.00 on the last Sunday of March
/// to 04.00 on the last Sunday of October (the EU's 01.00 UTC), as RFC 5545 writes a
/// zone's rules.
const HELSINKI: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/Helsinki\r\n\
BEGIN:STANDARD\r\n\
DTSTART:19701025T040000\r\n\
TZOFFSETFROM:+0300\r\n\
TZOFFSETTO:+0200\r\n\
TZNAME:EET\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
BEGIN:DAYLIGHT\r\n\
DTSTART:19700329T030000\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0300\r\n\
TZNAME:EEST\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
END:VTIMEZONE\r\n";

/// A local time as the file writes it (as `key`), with its zone.
fn local(key: &str, at: PrimitiveDateTime) -> Property {
    let value = format!(
        "{:04}{:02}{:02}T{:02}{:02}00",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute()
    );
    let mut property = Property::new(key, value);
    property.add_parameter("TZID", TZID);
    property
}

/// The file of `appointments`, its words in `lang`, stamped `now`.
#[must_use]
pub fn ics(appointments: &[Appointment], lang: Lang, now: OffsetDateTime) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new(
            "PRODID",
            "-//Kanta//OmaKanta ajanvaraukset//FI",
        ))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .name(&lang.tr("appointments-calendar-name"));
    let utc = now.to_offset(time::UtcOffset::UTC);
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        utc.year(),
        u8::from(utc.month()),
        utc.day(),
        utc.hour(),
        utc.minute(),
        utc.second()
    );
    for a in appointments {
        calendar.push(event(a, lang, &stamp));
    }
    with_zone(&calendar.done().to_string())
}

/// The calendar the crate wrote, with the zone's rules before its events. (Given to
/// the crate as a component, the zone would come back with a UID and a DTSTAMP of its
/// own, and so would each of its rules: a VTIMEZONE has neither.)
fn with_zone(calendar: &str) -> String {
    let at = calendar
        .find("BEGIN:VEVENT\r\n")
        .or_else(|| calendar.find("END:VCALENDAR"))
        .unwrap_or(calendar.len());
    let mut text = String::with_capacity(calendar.len() + HELSINKI.len());
    text.push_str(&calendar[..at]);
    text.push_str(HELSINKI);
    text.push_str(&calendar[at..]);
    text
}

fn event(a: &Appointment, lang: Lang, stamp: &str) -> Event {
    let kind = super::kind_text_in(lang, a.kind);
    let mode = super::mode_text_in(lang, a.mode);
    let role = super::role_text_in(lang, a.role);
    let place = match (&a.address, a.mode) {
        (_, AttendanceMode::Video) => mode.clone(),
        (Some(address), _) => format!("{}, {address}", a.unit),
        (None, _) => a.unit.clone(),
    };
    let mut lines = vec![
        format!("{}: {role}", lang.tr("appointment-role")),
        format!("{}: {mode}", lang.tr("appointment-mode")),
        format!(
            "{}: {}",
            lang.tr("appointment-organisation"),
            a.organisation.name
        ),
        format!("{}: {}", lang.tr("appointments-unit"), a.unit),
        format!(
            "{}: {}",
            lang.tr("appointment-reference"),
            a.booking_reference
        ),
    ];
    if let Some(join) = &a.join_link {
        lines.push(format!("{}: {join}", lang.tr("appointment-join")));
    }
    if let Some(preparation) = &a.preparation {
        lines.push(format!(
            "{}: {preparation}",
            lang.tr("appointment-preparation")
        ));
    }
    if let Some(booking) = &a.booking_service {
        lines.push(format!("{}: {booking}", lang.tr("appointment-changes")));
    }
    let mut event = Event::new();
    event
        .uid(&format!("appointment-{}@omakanta.kanta.fi", a.id))
        .add_property("DTSTAMP", stamp)
        .append_property(local("DTSTART", a.starts_at))
        .append_property(local("DTEND", a.ends_at()))
        .summary(&format!("{kind} – {}", a.unit))
        .location(&place)
        .description(&lines.join("\n"));
    if let Some(url) = a.booking_service.as_deref().or(a.join_link.as_deref()) {
        event.add_property("URL", url);
    }
    event.done()
}

#[cfg(test)]
mod tests {
    use super::*;
    use archive::model::{
        AppointmentId, AppointmentKind, Language, OrganisationId, OrganisationRef, ProfessionalRole,
    };
    use icalendar::{CalendarComponent, CalendarDateTime, DatePerhapsTime};
    use time::macros::datetime;

    fn appointment(id: i64, starts_at: PrimitiveDateTime) -> Appointment {
        Appointment {
            id: AppointmentId::from_raw(id),
            starts_at,
            minutes: 30,
            kind: AppointmentKind::Laboratory,
            mode: AttendanceMode::InPerson,
            role: ProfessionalRole::LaboratoryNurse,
            organisation: OrganisationRef {
                id: OrganisationId::from_raw(2),
                name: "HUS-yhtymä".into(),
            },
            unit: "HUS Diagnostiikkakeskus, laboratorio".into(),
            address: Some("Topeliuksenkatu 32, 00290 Helsinki".into()),
            join_link: None,
            preparation: Some("Tule ravinnotta; vettä saat juoda, ei kahvia.".into()),
            language: Language::Fi,
            booking_reference: "AJ-004211".into(),
            booking_service: Some("https://ajanvaraus.hus.example/".into()),
        }
    }

    /// The offset (hours east of UTC) that the file's own VTIMEZONE gives a local
    /// time: its two observances' rules read back from the parsed file (month, last
    /// Sunday, the local hour of the change) — not this module's constants.
    fn offset_by_the_file(zone: &impl Component, at: PrimitiveDateTime) -> i64 {
        let mut changes = Vec::new();
        for observance in zone.components() {
            let rule = observance.property_value("RRULE").expect("a rule");
            let month: u8 = rule
                .split(';')
                .find_map(|p| p.strip_prefix("BYMONTH="))
                .and_then(|m| m.parse().ok())
                .expect("a month");
            assert!(rule.contains("BYDAY=-1SU"), "{rule}");
            let start = observance.property_value("DTSTART").expect("a start");
            let hour: u8 = start[9..11].parse().expect("an hour");
            let to = observance.property_value("TZOFFSETTO").expect("an offset");
            let hours: i64 = to[1..3].parse().expect("hours");
            let sign = if to.starts_with('-') { -1 } else { 1 };
            let month = time::Month::try_from(month).expect("month");
            let last = time::Date::from_calendar_date(
                at.year(),
                month,
                time::util::days_in_month(month, at.year()),
            )
            .expect("date");
            let sunday =
                last - time::Duration::days(i64::from(last.weekday().number_days_from_sunday()));
            changes.push((sunday.with_hms(hour, 0, 0).expect("time"), sign * hours));
        }
        changes.sort();
        // The offset in force is that of the latest change at or before `at` this year,
        // or else the year's last (in force since the year before).
        changes
            .iter()
            .rev()
            .find(|(when, _)| *when <= at)
            .or(changes.last())
            .map(|(_, offset)| *offset)
            .expect("an offset")
    }

    #[test]
    fn parsed_back_each_side_of_both_changes_is_right_to_the_minute_in_utc() {
        // 28 March 2027 and 31 October 2027 are the last Sundays.
        let cases = [
            (datetime!(2027-03-27 10:00), datetime!(2027-03-27 08:00)),
            (datetime!(2027-03-29 10:00), datetime!(2027-03-29 07:00)),
            (datetime!(2027-10-30 09:15), datetime!(2027-10-30 06:15)),
            (datetime!(2027-11-01 09:15), datetime!(2027-11-01 07:15)),
            (datetime!(2026-12-08 14:45), datetime!(2026-12-08 12:45)),
        ];
        let list: Vec<_> = cases
            .iter()
            .enumerate()
            .map(|(i, (local, _))| appointment(1000 + i as i64, *local))
            .collect();
        let text = ics(&list, Lang::Fi, OffsetDateTime::UNIX_EPOCH);
        let parsed: Calendar = text.parse().expect("the file parses");
        let zone = parsed
            .components
            .iter()
            .find_map(|c| match c {
                CalendarComponent::Other(o) if o.component_kind() == "VTIMEZONE" => Some(o),
                _ => None,
            })
            .expect("a VTIMEZONE");
        assert_eq!(zone.property_value("TZID"), Some(TZID));
        let events: Vec<_> = parsed.events().collect();
        assert_eq!(events.len(), cases.len());
        for (event, (local, utc)) in events.iter().zip(cases) {
            let Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid })) =
                event.get_start()
            else {
                panic!("a start in a zone: {event:?}");
            };
            assert_eq!(tzid, TZID);
            let read = time::PrimitiveDateTime::parse(
                &date_time.format("%Y-%m-%dT%H:%M").to_string(),
                time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]"),
            )
            .expect("a time");
            assert_eq!(read, local);
            let as_utc = read - time::Duration::hours(offset_by_the_file(zone, read));
            assert_eq!(as_utc, utc, "{local}");
            assert!(matches!(
                event.get_end(),
                Some(DatePerhapsTime::DateTime(
                    CalendarDateTime::WithTimezone { .. }
                ))
            ));
        }
    }

    #[test]
    fn each_appointment_has_a_stable_uid_and_nothing_that_names_the_person() {
        let a = appointment(4_242_424_242, datetime!(2026-12-08 09:30));
        let first = ics(
            std::slice::from_ref(&a),
            Lang::Sv,
            OffsetDateTime::UNIX_EPOCH,
        );
        let again = ics(
            std::slice::from_ref(&a),
            Lang::Sv,
            OffsetDateTime::UNIX_EPOCH + time::Duration::days(3),
        );
        let uid = |text: &str| {
            let parsed: Calendar = text.parse().expect("parses");
            let uid = parsed
                .events()
                .next()
                .and_then(|e| e.get_uid().map(str::to_owned));
            uid.expect("a uid")
        };
        assert_eq!(
            uid(&first),
            uid(&again),
            "the same appointment, the same UID"
        );
        assert_eq!(uid(&first), "appointment-4242424242@omakanta.kanta.fi");
        let parsed: Calendar = first.parse().expect("parses");
        let event = parsed.events().next().expect("an event");
        assert_eq!(
            event.get_description().map(|d| d.contains("ei kahvia.")),
            Some(true),
            "text with a semicolon and a comma comes back as written"
        );
        assert_eq!(first.matches("PRODID:").count(), 1, "{first}");
        // The zone has no UID or DTSTAMP of its own (RFC 5545 gives it none).
        let zone = &first[first.find("BEGIN:VTIMEZONE").expect("a zone")
            ..first.find("END:VTIMEZONE").expect("its end")];
        assert!(!zone.contains("UID") && !zone.contains("DTSTAMP"), "{zone}");
        // No identity code (DDMMYY-NNNC) anywhere.
        let hetu_like = first.as_bytes().windows(11).any(|w| {
            w[..6].iter().all(u8::is_ascii_digit)
                && matches!(w[6], b'-' | b'+' | b'A'..=b'F' | b'U'..=b'Y')
                && w[7..10].iter().all(u8::is_ascii_digit)
        });
        assert!(!hetu_like, "{first}");
    }
}
