//! The demo's organ donation testaments, each the person's own: Mikko wrote "yes" three
//! years ago and changed it to "yes, except the corneas" last year; Johan said "yes"
//! with a note in Swedish. The others have none (Aino writes hers in the tests).

use time::{Date, Duration, Time};

use super::{ids, Profile, Writer};
use crate::error::ArchiveError;
use crate::organ_donation::model::{Donatable, DonationDecision};

/// One version: days ago, the decision, what is excluded, the note.
type Written = (i64, DonationDecision, &'static [Donatable], &'static str);

fn written(p: &Profile) -> &'static [Written] {
    use DonationDecision as D;
    match p.id {
        ids::HEAVY_USER => &[
            (3 * 365 + 40, D::Yes, &[], ""),
            (
                300,
                D::YesExcept,
                &[Donatable::Corneas],
                "Sarveiskalvoja en halua luovuttaa. Muuten kaikki saa käyttää.",
            ),
        ],
        ids::SWEDISH => &[(
            2 * 365,
            D::Yes,
            &[],
            "Jag har talat om mitt beslut med min familj.",
        )],
        _ => &[],
    }
}

/// Writes `p`'s testament's versions, oldest first; how many.
pub(super) async fn insert_organ_donation(
    w: &mut Writer<'_>,
    p: &Profile,
    today: Date,
) -> Result<u64, ArchiveError> {
    let versions = written(p);
    for (version, &(days, decision, excluded, notes)) in (1_i64..).zip(versions) {
        let at = (today - Duration::days(days))
            .with_time(Time::from_hms(17, 30, 0).unwrap_or(Time::MIDNIGHT))
            .assume_utc();
        let codes: Vec<&str> = excluded.iter().map(|d| d.code()).collect();
        sqlx::query(
            "INSERT INTO organ_donation \
             (person_id, version, decision, excluded, notes, language, withdrawn, written_by, written_ms) \
             VALUES ($1, $2, $3, $4, $5, $6, 0, $1, $7)",
        )
        .bind(p.id.get())
        .bind(version)
        .bind(decision.code())
        .bind(codes.join(" "))
        .bind(notes)
        .bind(w.lang.code())
        .bind(crate::access::unix_ms(at))
        .execute(&mut **w.tx)
        .await?;
    }
    Ok(versions.len() as u64)
}
