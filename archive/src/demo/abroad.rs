//! The demo's consents abroad, each the person's own: Johan, who winters in Spain, gave
//! both (the ePrescription and the Patient Summary) last winter; Mikko gave both two
//! years ago and withdrew the Patient Summary's after a summer in Estonia. The others
//! have given none (Aino gives hers in the tests).

use time::Date;

use super::{ids, Profile, Writer};
use crate::abroad::model::CrossBorderService;
use crate::error::ArchiveError;

/// The demo's own stream of random numbers, apart from the records'.
const STREAM: u64 = 0x0041_4252_4f41_4400; // "ABROAD"

/// Each change: days ago, the service, given (or withdrawn).
fn made(p: &Profile) -> &'static [(i64, CrossBorderService, bool)] {
    match p.id {
        ids::SWEDISH => &[
            (300, CrossBorderService::EPrescription, true),
            (300, CrossBorderService::PatientSummary, true),
        ],
        ids::HEAVY_USER => &[
            (2 * 365, CrossBorderService::EPrescription, true),
            (2 * 365, CrossBorderService::PatientSummary, true),
            (400, CrossBorderService::PatientSummary, false),
        ],
        _ => &[],
    }
}

fn ms(today: Date, days_ago: i64) -> i64 {
    super::days_ago_ms(today, days_ago, 18, 40)
}

/// Writes `p`'s changes, and what is in force after them.
pub(super) async fn insert_abroad(
    w: &mut Writer<'_>,
    p: &Profile,
    today: Date,
) -> Result<(), ArchiveError> {
    let mut rng = super::stream(STREAM, p.id);
    let w = &mut w.drawing_from(&mut rng);
    for &(days, service, given) in made(p) {
        let at = ms(today, days);
        let id = w.new_id();
        sqlx::query(
            "INSERT INTO abroad_consent_event (person_id, at_ms, id, service, given, written_by) \
             VALUES ($1, $2, $3, $4, $5, $1)",
        )
        .bind(p.id.get())
        .bind(at)
        .bind(id)
        .bind(service.code())
        .bind(i64::from(given))
        .execute(&mut **w.tx)
        .await?;
        let change = if given {
            sqlx::query(
                "INSERT INTO abroad_consent_in_force (person_id, service, since_ms) \
                 VALUES ($1, $2, $3)",
            )
            .bind(p.id.get())
            .bind(service.code())
            .bind(at)
        } else {
            sqlx::query("DELETE FROM abroad_consent_in_force WHERE person_id = $1 AND service = $2")
                .bind(p.id.get())
                .bind(service.code())
        };
        change.execute(&mut **w.tx).await?;
    }
    Ok(())
}
