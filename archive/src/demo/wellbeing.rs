//! The demo's wellbeing data, each person's own entries over the last months: Aino
//! weighs herself weekly and counts her steps; Mikko measures his blood pressure
//! morning and evening and his blood glucose each morning; Johan counts his steps and
//! his sleep. The children and Helvi have none (wellbeing data is from 16, and Helvi
//! does not use it). Each resource is written by the caller's codec (the `phr`
//! crate's typed FHIR model), as the form would write it.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use time::{Date, Duration, OffsetDateTime, Time};

use super::{ids, DEMO_SEED};
use crate::access::unix_ms;
use crate::access::Archive;
use crate::clock::{finnish_offset, from_finnish};
use crate::error::ArchiveError;
use crate::model::OrganisationId;
use crate::model::PersonId;
use crate::wellbeing::model::{Measure, Reading, When};
use crate::wellbeing::sharing::{Grantee, Permission};
use crate::wellbeing::sharing_store::record_share;
use crate::wellbeing::store::{insert, new_identifier};
use crate::wellbeing::ObservationCodec;

/// This section's stream of random numbers.
const STREAM: u64 = 0x5745_4C4C; // "WELL"

/// A moment `days_ago` at `hour:minute` Finnish time.
fn at(today: Date, days_ago: i64, hour: u8, minute: u8) -> OffsetDateTime {
    let local = (today - Duration::days(days_ago))
        .with_time(Time::from_hms(hour, minute, 0).unwrap_or(Time::MIDNIGHT));
    local.assume_offset(finnish_offset(local))
}

/// Rounded to `decimals`.
fn round(value: f64, decimals: i32) -> f64 {
    let scale = 10_f64.powi(decimals);
    (value * scale).round() / scale
}

/// Each reading of `person`'s, oldest first.
fn readings(person: PersonId, today: Date) -> Vec<Reading> {
    let mut rng = ChaCha8Rng::seed_from_u64(DEMO_SEED ^ STREAM ^ person.get().unsigned_abs());
    let mut out = Vec::new();
    let moment = |m, days, h, min, values| Reading {
        measure: m,
        when: When::Moment(at(today, days, h, min)),
        values,
    };
    let day = |m, days, values| Reading {
        measure: m,
        when: When::Day(today - Duration::days(days)),
        values,
    };
    match person {
        ids::ADULT => {
            out.push(moment(Measure::BodyHeight, 200, 7, 30, vec![168.0]));
            for week in (0_i32..26).rev() {
                let w = 68.4 - f64::from(26 - week) * 0.06 + rng.random_range(-0.4..0.4);
                out.push(moment(
                    Measure::BodyWeight,
                    i64::from(week) * 7 + 1,
                    7,
                    15,
                    vec![round(w, 1)],
                ));
            }
            for d in (1..60).rev() {
                let steps: f64 = if d % 7 == 6 {
                    rng.random_range(11_000.0..16_000.0)
                } else {
                    rng.random_range(4_500.0..10_500.0)
                };
                out.push(day(Measure::Steps, d, vec![steps.round()]));
            }
        }
        ids::HEAVY_USER => {
            for d in (1_i32..90).rev() {
                for (h, min, base) in [(7_u8, 40_u8, 148.0_f64), (21, 10, 139.0)] {
                    let d64 = i64::from(d);
                    let sys: f64 = base - f64::from(90 - d) * 0.08 + rng.random_range(-9.0..9.0);
                    let dia: f64 = sys * 0.58 + rng.random_range(-4.0..4.0);
                    let pulse: f64 = rng.random_range(58.0..78.0);
                    out.push(moment(
                        Measure::BloodPressure,
                        d64,
                        h,
                        min,
                        vec![sys.round(), dia.round()],
                    ));
                    if h == 7 {
                        out.push(moment(
                            Measure::HeartRate,
                            d64,
                            h,
                            min + 1,
                            vec![pulse.round()],
                        ));
                    }
                }
                let glucose: f64 = rng.random_range(5.8..8.4);
                out.push(moment(
                    Measure::BloodGlucose,
                    i64::from(d),
                    7,
                    5,
                    vec![round(glucose, 1)],
                ));
            }
        }
        ids::SWEDISH => {
            for d in (1..45).rev() {
                let steps: f64 = rng.random_range(6_000.0..13_000.0);
                out.push(day(Measure::Steps, d, vec![steps.round()]));
                let sleep: f64 = rng.random_range(6.0..8.6);
                out.push(day(Measure::Sleep, d - 1, vec![round(sleep, 1)]));
            }
        }
        _ => {}
    }
    out
}

/// Loads the demo persons' wellbeing data, unless some is there already; how many
/// readings.
///
/// # Errors
/// `Storage` when the database fails.
pub async fn load_wellbeing(
    archive: &Archive,
    codec: &dyn ObservationCodec,
) -> Result<u64, ArchiveError> {
    let (existing,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM wellbeing_observation")
        .fetch_one(archive.db.pool())
        .await?;
    if existing > 0 {
        return Ok(0);
    }
    let today = archive.clock.today();
    let mut tx = archive.db.begin().await?;
    let mut count = 0;
    for person in [ids::ADULT, ids::HEAVY_USER, ids::SWEDISH] {
        for reading in readings(person, today) {
            let written = match reading.when {
                When::Moment(at) => at + Duration::minutes(2),
                When::Day(day) => {
                    from_finnish(day.with_time(Time::from_hms(21, 0, 0).unwrap_or(Time::MIDNIGHT)))
                }
            };
            insert(
                &mut tx,
                person.get(),
                &reading,
                &new_identifier(),
                codec,
                person.get(),
                written,
            )
            .await?;
            count += 1;
        }
    }
    tx.commit().await?;
    load_sharing(archive, today).await?;
    Ok(count)
}

/// The demo's apps admitted to Kanta PHR (client id, name, maker). `painekirja` is also
/// the client the browser tests' identity provider issues tokens to.
pub const DEMO_APPS: [(&str, &str, &str); 2] = [
    ("painekirja", "Painekirja", "Esimerkki Terveys Oy"),
    ("askelmittari", "Askelmittari", "Liikkuva Esimerkki Oy"),
];

/// The apps, and who may use whose data: Mikko lets his blood-pressure app read and
/// write; Aino let the step counter read for a while and withdrew, and lets her health
/// centre read.
async fn load_sharing(archive: &Archive, today: Date) -> Result<(), ArchiveError> {
    let mut apps = Vec::new();
    for (client_id, name, maker) in DEMO_APPS {
        apps.push(archive.register_app(client_id, name, maker).await?);
    }
    let ms = |days_ago| unix_ms(from_finnish(at_local(today, days_ago)));
    let mut tx = archive.db.begin().await?;
    let aino = ids::ADULT.get();
    let health_centre: Option<i64> = sqlx::query_scalar(
        "SELECT organisation_id FROM document WHERE person_id = $1 \
         GROUP BY organisation_id ORDER BY COUNT(*) DESC, organisation_id LIMIT 1",
    )
    .bind(aino)
    .fetch_optional(&mut *tx)
    .await?;
    let choices = [
        (
            ids::HEAVY_USER.get(),
            Grantee::App(apps[0]),
            Some(Permission::ReadWrite),
            60,
        ),
        (aino, Grantee::App(apps[1]), Some(Permission::Read), 90),
        (aino, Grantee::App(apps[1]), None, 20),
    ];
    for (person, grantee, permission, days_ago) in choices {
        record_share(&mut tx, person, grantee, permission, person, ms(days_ago)).await?;
    }
    if let Some(organisation) = health_centre {
        let grantee = Grantee::Organisation(OrganisationId::from_raw(organisation));
        record_share(&mut tx, aino, grantee, Some(Permission::Read), aino, ms(10)).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// `days_ago` at noon, Finnish time.
fn at_local(today: Date, days_ago: i64) -> time::PrimitiveDateTime {
    (today - Duration::days(days_ago)).with_time(time::macros::time!(12:00))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_reading_meets_the_rules() {
        let today = time::macros::date!(2026 - 12 - 07);
        let now = at(today, 0, 12, 0);
        for person in [ids::ADULT, ids::HEAVY_USER, ids::SWEDISH] {
            let all = readings(person, today);
            assert!(all.len() > 40);
            for r in all {
                assert_eq!(r.problems(now, today), vec![], "{r:?}");
            }
        }
        assert!(readings(ids::TEEN, today).is_empty());
    }
}
