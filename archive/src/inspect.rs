//! Read-outs for tests only (feature `test-support`): they bypass access and are not
//! compiled into the product.

use crate::access::Archive;
use crate::error::ArchiveError;
use crate::model::PersonId;

/// One audit event as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    pub actor: PersonId,
    pub subject: PersonId,
    pub right: String,
    pub action: String,
    pub object: Option<i64>,
    pub purpose: String,
    pub outcome: String,
    pub at_ms: i64,
}

/// The audit trail of `subject`, oldest first.
///
/// # Errors
/// `Storage` when the database fails.
pub async fn audit_trail(
    archive: &Archive,
    subject: PersonId,
) -> Result<Vec<AuditRow>, ArchiveError> {
    type Row = (i64, i64, String, String, Option<i64>, String, String, i64);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT actor_id, subject_id, acting_right, action, object_id, purpose, outcome, at_ms \
         FROM audit_event WHERE subject_id = $1 ORDER BY at_ms, id",
    )
    .bind(subject.get())
    .fetch_all(archive.db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(actor, subject, right, action, object, purpose, outcome, at_ms)| AuditRow {
                actor: PersonId::from_raw(actor),
                subject: PersonId::from_raw(subject),
                right,
                action,
                object,
                purpose,
                outcome,
                at_ms,
            },
        )
        .collect())
}

/// Tries to change a written audit event, which the schema must refuse.
///
/// # Errors
/// The database's refusal (what the test expects).
pub async fn try_tamper_with_audit(
    archive: &Archive,
    subject: PersonId,
) -> Result<u64, ArchiveError> {
    let done = sqlx::query("UPDATE audit_event SET outcome = 'changed' WHERE subject_id = $1")
        .bind(subject.get())
        .execute(archive.db.pool())
        .await?;
    Ok(done.rows_affected())
}
