//! Read-outs for tests only (feature `test-support`): they bypass access and are not
//! compiled into the product.

use crate::access::Archive;
use crate::error::ArchiveError;
use crate::model::PersonId;

mod audit;
mod marks;
mod providers;
pub use audit::{audit_trail, try_tamper_with_audit, try_truncate_audit, AuditRow};
pub use marks::{
    appointment_marks, certificate_marks, document_marks, forward_a_certificate, mark_document,
    record_delayed_document, record_unmarked_document, social_marks, AppointmentMarks, Marks,
    SocialMarks,
};
pub use providers::{
    disclosed_objects, documents_of, hetu_of, prescriptions_of, try_tamper_with_disclosed,
};

/// Sets the register's flags of a person.
///
/// # Errors
/// `Storage` when the database fails.
pub async fn set_person_flags(
    archive: &Archive,
    person: PersonId,
    in_care: bool,
    non_disclosure: bool,
    has_court_guardian: bool,
) -> Result<(), ArchiveError> {
    sqlx::query("UPDATE person SET in_care = $1, non_disclosure = $2, has_court_guardian = $3 WHERE id = $4")
        .bind(i64::from(in_care))
        .bind(i64::from(non_disclosure))
        .bind(i64::from(has_court_guardian))
        .bind(person.get())
        .execute(archive.db.pool())
        .await?;
    Ok(())
}

/// Replaces the mandates `principal` has given `holder` with one.
///
/// # Errors
/// `Storage` when the database fails.
pub async fn set_mandate(
    archive: &Archive,
    principal: PersonId,
    holder: PersonId,
    scope: &str,
    valid_from: time::Date,
    valid_until: time::Date,
) -> Result<(), ArchiveError> {
    let mut tx = archive.db.begin().await?;
    sqlx::query("DELETE FROM mandate WHERE principal_id = $1 AND holder_id = $2")
        .bind(principal.get())
        .bind(holder.get())
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO mandate (principal_id, id, holder_id, scope, valid_from, valid_until) VALUES ($1, 99, $2, $3, $4, $5)",
    )
    .bind(principal.get())
    .bind(holder.get())
    .bind(scope)
    .bind(valid_from.to_string())
    .bind(valid_until.to_string())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// How many renewal requests a person has, and how many of them are open.
///
/// # Errors
/// `Storage` when the database fails.
pub async fn renewal_request_counts(
    archive: &Archive,
    person: PersonId,
) -> Result<(i64, i64), ArchiveError> {
    let (all, open): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN status IN ('sent', 'in-processing') THEN 1 ELSE 0 END), 0) \
         FROM renewal_request WHERE person_id = $1",
    )
    .bind(person.get())
    .fetch_one(archive.db.pool())
    .await?;
    Ok((all, open))
}

/// When a session began and when it was last written as seen, in UTC milliseconds.
///
/// # Errors
/// `NotFound` for an unknown session; `Storage` when the database fails.
pub async fn session_times(
    archive: &Archive,
    token: &crate::SessionToken,
) -> Result<(i64, i64), ArchiveError> {
    let row: (i64, i64) =
        sqlx::query_as("SELECT created_ms, last_seen_ms FROM web_session WHERE token_hash = $1")
            .bind(token.hash())
            .fetch_one(archive.db.pool())
            .await?;
    Ok(row)
}

/// Sets or clears a person's demo note (which makes a person a demo person).
///
/// # Errors
/// `Storage` when the database fails.
pub async fn set_demo_note(
    archive: &Archive,
    person: PersonId,
    note: Option<&str>,
) -> Result<(), ArchiveError> {
    sqlx::query("UPDATE person SET demo_note = $1 WHERE id = $2")
        .bind(note)
        .bind(person.get())
        .execute(archive.db.pool())
        .await?;
    Ok(())
}

/// How many connections the archive's pool holds at most.
#[must_use]
pub fn pool_size(archive: &Archive) -> usize {
    archive.db.pool().options().get_max_connections() as usize
}

/// How many of the pool's connections sit inside a transaction nobody holds: all of
/// them are taken at once and probed. Outside a transaction PostgreSQL
/// refuses a SAVEPOINT and SQLite accepts a BEGIN; inside one, the other way round.
///
/// # Errors
/// `Storage` when the database fails.
pub async fn leaked_transactions(archive: &Archive) -> Result<usize, ArchiveError> {
    let connections = pool_size(archive);
    let mut held = Vec::with_capacity(connections);
    for _ in 0..connections {
        held.push(archive.db.pool().acquire().await?);
    }
    let mut leaked = 0;
    for conn in &mut held {
        let inside = match archive.db.backend() {
            crate::Backend::Postgres => {
                let inside = sqlx::query("SAVEPOINT probe")
                    .execute(&mut **conn)
                    .await
                    .is_ok();
                if inside {
                    sqlx::query("RELEASE SAVEPOINT probe")
                        .execute(&mut **conn)
                        .await?;
                }
                inside
            }
            crate::Backend::Sqlite => {
                let outside = sqlx::query("BEGIN").execute(&mut **conn).await.is_ok();
                if outside {
                    sqlx::query("ROLLBACK").execute(&mut **conn).await?;
                }
                !outside
            }
        };
        leaked += usize::from(inside);
    }
    Ok(leaked)
}

/// A person's service events and prescriptions, each with the organisation that
/// wrote it: `(service events, prescriptions)` as `(id, organisation id)`.
///
/// # Errors
/// `Storage` when the database fails.
pub async fn events_and_prescriptions(
    archive: &Archive,
    person: PersonId,
) -> Result<(Vec<(i64, i64)>, Vec<(i64, i64)>), ArchiveError> {
    let events = sqlx::query_as(
        "SELECT id, organisation_id FROM service_event WHERE person_id = $1 ORDER BY started_at, id",
    )
    .bind(person.get())
    .fetch_all(archive.db.pool())
    .await?;
    let prescriptions = sqlx::query_as(
        "SELECT id, organisation_id FROM prescription WHERE person_id = $1 ORDER BY issued_on, id",
    )
    .bind(person.get())
    .fetch_all(archive.db.pool())
    .await?;
    Ok((events, prescriptions))
}

/// Gives `person` the FHIR patient id `patient_id` (as if made on first use), so that
/// resources written about that patient (the shared Kanta PHR examples) are theirs.
///
/// # Errors
/// `Storage` when the database fails (another person has that id, say).
pub async fn set_wellbeing_patient(
    archive: &Archive,
    person: PersonId,
    patient_id: &str,
) -> Result<(), ArchiveError> {
    let mut tx = archive.db.begin().await?;
    sqlx::query("DELETE FROM wellbeing_patient WHERE person_id = $1")
        .bind(person.get())
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO wellbeing_patient (person_id, patient_id) VALUES ($1, $2)")
        .bind(person.get())
        .bind(patient_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The person with `hetu`, if the archive has one.
///
/// # Errors
/// `Storage` when the database fails.
pub async fn person_by_hetu(
    archive: &Archive,
    hetu: &crate::hetu::Hetu,
) -> Result<Option<PersonId>, ArchiveError> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM person WHERE hetu = $1")
        .bind(hetu.as_str())
        .fetch_optional(archive.db.pool())
        .await?;
    Ok(row.map(|(id,)| PersonId::from_raw(id)))
}
