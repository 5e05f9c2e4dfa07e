//! The demo's consents and denials, each the person's own: Mikko read the notice two
//! years ago, gave the consent then, and a year ago denied the disclosure of what his
//! occupational health care recorded; Helvi read the notice. The others have made no
//! choice (Aino, Laura and Johan make theirs in the tests).

use time::Date;

use super::{ids, Profile, Writer};
use crate::consents::model::{Choice, Register, NOTICE_VERSION};
use crate::error::ArchiveError;

/// The demo's own stream of random numbers, apart from the records'.
const STREAM: u64 = 0x0043_4f4e_5345_4e54; // "CONSENT"

/// When the notice was read (days ago), and each choice given: days ago and the choice.
fn made(p: &Profile) -> (Option<i64>, &'static [(i64, Choice)]) {
    match p.id {
        ids::HEAVY_USER => (
            Some(2 * 365),
            &[
                (2 * 365, Choice::DisclosureConsent),
                (365, Choice::DenyRegister(Register::Occupational)),
            ],
        ),
        ids::ELDER => (Some(500), &[]),
        _ => (None, &[]),
    }
}

fn ms(today: Date, days_ago: i64) -> i64 {
    super::days_ago_ms(today, days_ago, 10, 15)
}

/// Writes `p`'s acknowledgement and choices.
pub(super) async fn insert_consents(
    w: &mut Writer<'_>,
    p: &Profile,
    today: Date,
) -> Result<(), ArchiveError> {
    // Ids from a stream of its own, so the rest of the demo stays as it was.
    let mut rng = super::stream(STREAM, p.id);
    let w = &mut w.drawing_from(&mut rng);
    let (notice, choices) = made(p);
    if let Some(days) = notice {
        sqlx::query(
            "INSERT INTO notice_acknowledgement (person_id, version, at_ms) VALUES ($1, $2, $3)",
        )
        .bind(p.id.get())
        .bind(NOTICE_VERSION)
        .bind(ms(today, days))
        .execute(&mut **w.tx)
        .await?;
    }
    for &(days, choice) in choices {
        let at = ms(today, days);
        let id = w.new_id();
        sqlx::query(
            "INSERT INTO consent_event (person_id, at_ms, id, kind, target, given, written_by) \
             VALUES ($1, $2, $3, $4, $5, 1, $1)",
        )
        .bind(p.id.get())
        .bind(at)
        .bind(id)
        .bind(choice.kind().code())
        .bind(choice.target())
        .execute(&mut **w.tx)
        .await?;
        sqlx::query(
            "INSERT INTO consent_in_force (person_id, kind, target, since_ms) VALUES ($1, $2, $3, $4)",
        )
        .bind(p.id.get())
        .bind(choice.kind().code())
        .bind(choice.target())
        .bind(at)
        .execute(&mut **w.tx)
        .await?;
    }
    Ok(())
}
