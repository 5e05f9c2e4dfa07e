//! Read-outs for the providers' queries' tests: a person's documents and
//! prescriptions as a query sees them, what one query disclosed, the identity code a
//! provider's system knows.

use crate::access::Archive;
use crate::error::ArchiveError;
use crate::model::PersonId;

/// A person's documents as (id, service event, organisation, the organisation's
/// sector), for the providers' tests.
///
/// # Errors
/// `Storage` when the database fails.
pub async fn documents_of(
    archive: &Archive,
    person: PersonId,
) -> Result<Vec<(i64, i64, i64, String)>, ArchiveError> {
    Ok(sqlx::query_as(
        "SELECT d.id, d.service_event_id, d.organisation_id, o.sector FROM document d \
         JOIN organisation o ON o.id = d.organisation_id WHERE d.person_id = $1 ORDER BY d.id",
    )
    .bind(person.get())
    .fetch_all(archive.db.pool())
    .await?)
}

/// What one organisation's query event disclosed: (object kind, object id), for the
/// providers' tests; the event named by its subject and time.
///
/// # Errors
/// `Storage` when the database fails.
pub async fn disclosed_objects(
    archive: &Archive,
    subject: PersonId,
    at_ms: i64,
) -> Result<Vec<(String, i64)>, ArchiveError> {
    Ok(sqlx::query_as(
        "SELECT object_kind, object_id FROM audit_event_object WHERE subject_id = $1 \
         AND at_ms = $2 ORDER BY object_kind, object_id",
    )
    .bind(subject.get())
    .bind(at_ms)
    .fetch_all(archive.db.pool())
    .await?)
}

/// A person's prescriptions as (id, organisation, narcotic or acting on the central
/// nervous system), for the providers' tests.
///
/// # Errors
/// `Storage` when the database fails.
pub async fn prescriptions_of(
    archive: &Archive,
    person: PersonId,
) -> Result<Vec<(i64, i64, bool)>, ArchiveError> {
    let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT id, organisation_id, narcotic + cns FROM prescription \
         WHERE person_id = $1 AND cancelled = 0 ORDER BY id",
    )
    .bind(person.get())
    .fetch_all(archive.db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, org, n)| (id, org, n > 0))
        .collect())
}

/// A person's identity code, as a provider's system knows it.
///
/// # Errors
/// `NotFound` for no such person; `Corrupt` for a stored code that does not parse.
pub async fn hetu_of(
    archive: &Archive,
    person: PersonId,
) -> Result<crate::hetu::Hetu, ArchiveError> {
    let (hetu,): (String,) = sqlx::query_as("SELECT hetu FROM person WHERE id = $1")
        .bind(person.get())
        .fetch_one(archive.db.pool())
        .await?;
    crate::hetu::Hetu::parse(&hetu).map_err(|_| ArchiveError::Corrupt("hetu"))
}

/// Tries to change what a provider's query disclosed, which the schema must refuse.
///
/// # Errors
/// The database's refusal (what the test expects).
pub async fn try_tamper_with_disclosed(
    archive: &Archive,
    subject: PersonId,
) -> Result<u64, ArchiveError> {
    let done = sqlx::query("DELETE FROM audit_event_object WHERE subject_id = $1")
        .bind(subject.get())
        .execute(archive.db.pool())
        .await?;
    Ok(done.rows_affected())
}
