//! The audit trail as stored, and the attempts to change it that the schema refuses.

use crate::access::Archive;
use crate::error::ArchiveError;
use crate::model::PersonId;

/// One audit event as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    /// The person who acted; `None` when an organisation did (`organisation`, `role`).
    pub actor: Option<PersonId>,
    pub organisation: Option<i64>,
    pub unit: Option<i64>,
    pub role: Option<String>,
    pub subject: PersonId,
    pub right: String,
    pub action: String,
    pub object: Option<i64>,
    pub detail: Option<String>,
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
    type Row = (
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<String>,
        i64,
        String,
        String,
        Option<i64>,
        Option<String>,
        String,
        String,
        i64,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT actor_id, actor_organisation_id, actor_unit_id, actor_role, subject_id, acting_right, action, object_id, object_detail, purpose, outcome, at_ms \
         FROM audit_event WHERE subject_id = $1 ORDER BY at_ms, id",
    )
    .bind(subject.get())
    .fetch_all(archive.db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                actor,
                organisation,
                unit,
                role,
                subject,
                right,
                action,
                object,
                detail,
                purpose,
                outcome,
                at_ms,
            )| AuditRow {
                actor: actor.map(PersonId::from_raw),
                organisation,
                unit,
                role,
                subject: PersonId::from_raw(subject),
                right,
                action,
                object,
                detail,
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

/// Tries to empty the audit trail at once (TRUNCATE on PostgreSQL; SQLite has no
/// TRUNCATE, and its `DELETE` without a condition meets the row trigger).
///
/// # Errors
/// The database's refusal (what the test expects).
pub async fn try_truncate_audit(archive: &Archive) -> Result<(), ArchiveError> {
    let sql = match archive.db.backend() {
        crate::Backend::Postgres => "TRUNCATE audit_event",
        crate::Backend::Sqlite => "DELETE FROM audit_event",
    };
    sqlx::query(sql).execute(archive.db.pool()).await?;
    Ok(())
}
