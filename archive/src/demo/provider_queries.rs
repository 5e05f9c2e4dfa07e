//! Three years of care organisations' queries, replayed through the archive's own
//! query (`providers::store::answer`) at the moments they would have been made, so
//! the disclosure log is full and every entry obeys the denials then in force: before
//! a visit, its organisation asks for the last year's documents (now and then a
//! nurse for the living will and the organ donation testament as well); on each day a
//! pharmacy dispensed a medicine it asked for the prescriptions, and Kela's
//! prescription centre, for the reimbursement, the night after the month's first.

use rand::seq::IndexedRandom;
use rand::Rng;
use time::{Date, Duration, Time};

use super::{office_time, org_of, Profile, Writer, ORGS};
use crate::clock::from_finnish;
use crate::error::ArchiveError;
use crate::model::{
    Asked, OrganisationId, PersonId, ProviderQuery, QueryPurpose, QueryRole, UnitId,
};

/// The demo's own stream of random numbers, apart from the records'.
const STREAM: u64 = 0x0050_524f_5649_4445; // "PROVIDE"

/// How many years are replayed, and how many visits' queries at most.
const YEARS: i64 = 3;
const VISITS: usize = 12;

/// The prescription centre, and the pharmacy near each home organisation.
const PRESCRIPTION_CENTRE: (i64, i64) = (7, 701);
fn pharmacy_near(home_org: i64) -> (i64, i64) {
    match home_org {
        4 => (9, 901),
        3 => (10, 1001),
        _ => (8, 801),
    }
}

/// Replays `p`'s queries (the demo's transaction, `w`).
pub(super) async fn replay_queries(
    w: &mut Writer<'_>,
    p: &Profile,
    today: Date,
) -> Result<(), ArchiveError> {
    let mut rng = super::stream(STREAM, p.id);
    let since = today - Duration::days(YEARS * 365);
    let person = PersonId::from_raw(w.person);
    let sectors: Vec<(i64, String)> = sqlx::query_as("SELECT id, sector FROM organisation")
        .fetch_all(&mut **w.tx)
        .await?;
    let sector = |org: i64| {
        sectors
            .iter()
            .find(|(id, _)| *id == org)
            .map_or("public", |(_, s)| s.as_str())
            .to_owned()
    };

    // Before visits: the organisation asks.
    let visits: Vec<(i64, String)> = sqlx::query_as(
        "SELECT organisation_id, started_at FROM service_event \
         WHERE person_id = $1 AND started_at >= $2 ORDER BY started_at, id",
    )
    .bind(w.person)
    .bind(since.to_string())
    .fetch_all(&mut **w.tx)
    .await?;
    let step = visits.len().div_ceil(VISITS).max(1);
    for (n, (org, started)) in visits.iter().step_by(step).enumerate() {
        let Ok(started) = crate::clock::parse_stamp(started) else {
            continue;
        };
        let at = from_finnish(started - Duration::minutes(rng.random_range(5..90)));
        let unit = unit_of(&mut rng, *org);
        let role = if rng.random_bool(0.6) {
            QueryRole::Physician
        } else {
            QueryRole::Nurse
        };
        let query = ProviderQuery {
            organisation: OrganisationId::from_raw(*org),
            unit,
            role,
            purpose: QueryPurpose::Treatment,
            asked: Asked::Documents,
            from: Some(started.date() - Duration::days(365)),
        };
        let s = sector(*org);
        crate::providers::store::answer(w.tx, person, &query, &s, at).await?;
        if n % 5 == 0 {
            let declarations = ProviderQuery {
                role: QueryRole::Nurse,
                asked: Asked::Declarations,
                from: None,
                ..query
            };
            let at = at + Duration::minutes(2);
            crate::providers::store::answer(w.tx, person, &declarations, &s, at).await?;
        }
    }

    // Dispensing days: the pharmacy, then the prescription centre.
    let days: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT dispensed_on FROM dispensation WHERE person_id = $1 \
         AND dispensed_on >= $2 ORDER BY dispensed_on",
    )
    .bind(w.person)
    .bind(since.to_string())
    .fetch_all(&mut **w.tx)
    .await?;
    let (pharmacy, pharmacy_unit) = pharmacy_near(org_of(p.home_unit));
    let mut reimbursed: Option<(i32, time::Month)> = None;
    for (day,) in days {
        let Ok(day) = Date::parse(&day, &time::format_description::well_known::Iso8601::DATE)
        else {
            continue;
        };
        if day >= today {
            continue;
        }
        let at = from_finnish(office_time(&mut rng, day));
        let at_pharmacy = ProviderQuery {
            organisation: OrganisationId::from_raw(pharmacy),
            unit: Some(UnitId::from_raw(pharmacy_unit)),
            role: QueryRole::Pharmacist,
            purpose: QueryPurpose::Dispensing,
            asked: Asked::Prescriptions,
            from: None,
        };
        crate::providers::store::answer(w.tx, person, &at_pharmacy, "pharmacy", at).await?;
        if reimbursed == Some((day.year(), day.month())) {
            continue;
        }
        reimbursed = Some((day.year(), day.month()));
        let night = from_finnish(
            (day + Duration::days(1)).with_time(Time::from_hms(2, 10, 0).unwrap_or(Time::MIDNIGHT)),
        );
        let kela = ProviderQuery {
            organisation: OrganisationId::from_raw(PRESCRIPTION_CENTRE.0),
            unit: Some(UnitId::from_raw(PRESCRIPTION_CENTRE.1)),
            role: QueryRole::ReimbursementHandler,
            purpose: QueryPurpose::Reimbursement,
            ..at_pharmacy
        };
        crate::providers::store::answer(w.tx, person, &kela, "public", night).await?;
    }
    Ok(())
}

/// One of an organisation's units, at random.
fn unit_of(rng: &mut rand_chacha::ChaCha8Rng, org: i64) -> Option<UnitId> {
    ORGS.iter()
        .find(|o| o.id == org)
        .and_then(|o| o.units.choose(rng))
        .map(|(id, _)| UnitId::from_raw(*id))
}
