//! Read-outs for tests only (feature `test-support`): they bypass access and are not
//! compiled into the product.

use crate::access::Archive;
use crate::error::ArchiveError;
use crate::model::PersonId;

mod providers;
pub use providers::{
    disclosed_objects, documents_of, hetu_of, prescriptions_of, try_tamper_with_disclosed,
};

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

/// An appointment as stored, shown or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppointmentMarks {
    pub id: crate::model::AppointmentId,
    pub starts_at: String,
    pub kind: String,
    /// The provider told the client of it.
    pub released: bool,
    pub visible_to_guardian: bool,
}

/// Every appointment of a person as stored, soonest first, those never shown too.
///
/// # Errors
/// `Storage` when the database fails.
pub async fn appointment_marks(
    archive: &Archive,
    person: PersonId,
) -> Result<Vec<AppointmentMarks>, ArchiveError> {
    let rows: Vec<(i64, String, String, i64, i64)> = sqlx::query_as(
        "SELECT id, starts_at, kind, released, guardian_may_see FROM appointment \
         WHERE person_id = $1 ORDER BY starts_at, id",
    )
    .bind(person.get())
    .fetch_all(archive.db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, starts_at, kind, released, visible)| AppointmentMarks {
                id: crate::model::AppointmentId::from_raw(id),
                starts_at,
                kind,
                released: released != 0,
                visible_to_guardian: visible != 0,
            },
        )
        .collect())
}

/// A social-welfare document as stored, shown or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SocialMarks {
    pub id: crate::model::SocialDocumentId,
    pub task: String,
    pub kind: String,
    pub visible_to_guardian: bool,
}

/// Every social-welfare document of a person as stored, newest first, those never
/// shown too.
///
/// # Errors
/// `Storage` when the database fails.
pub async fn social_marks(
    archive: &Archive,
    person: PersonId,
) -> Result<Vec<SocialMarks>, ArchiveError> {
    let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
        "SELECT id, service_task, kind, guardian_may_see FROM social_document \
         WHERE person_id = $1 ORDER BY recorded_at DESC, id DESC",
    )
    .bind(person.get())
    .fetch_all(archive.db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, task, kind, visible)| SocialMarks {
            id: crate::model::SocialDocumentId::from_raw(id),
            task,
            kind,
            visible_to_guardian: visible != 0,
        })
        .collect())
}

/// Every certificate of a person as stored, newest first: (id, issued at, visible to
/// guardians).
///
/// # Errors
/// `Storage` when the database fails.
pub async fn certificate_marks(
    archive: &Archive,
    person: PersonId,
) -> Result<Vec<(crate::model::CertificateId, String, bool)>, ArchiveError> {
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT id, issued_at, guardian_may_see FROM certificate WHERE person_id = $1 \
         ORDER BY issued_at DESC, id DESC",
    )
    .bind(person.get())
    .fetch_all(archive.db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, at, v)| (crate::model::CertificateId::from_raw(id), at, v != 0))
        .collect())
}

/// A document's marks: (id, recorded at, visible to guardians, denied by the minor).
pub type Marks = (crate::model::DocumentId, String, bool, bool);

/// Every document's marks of a person, newest first.
///
/// # Errors
/// `Storage` when the database fails.
pub async fn document_marks(
    archive: &Archive,
    person: PersonId,
) -> Result<Vec<Marks>, ArchiveError> {
    let rows: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT id, recorded_at, guardian_may_see, denied_to_guardian FROM document \
         WHERE person_id = $1 ORDER BY recorded_at DESC, id DESC",
    )
    .bind(person.get())
    .fetch_all(archive.db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, at, v, d)| (crate::model::DocumentId::from_raw(id), at, v != 0, d != 0))
        .collect())
}

/// Marks a document as a professional or the minor would.
///
/// # Errors
/// `Storage` when the database fails.
pub async fn mark_document(
    archive: &Archive,
    person: PersonId,
    document: crate::model::DocumentId,
    visible_to_guardian: bool,
    denied_by_minor: bool,
) -> Result<(), ArchiveError> {
    sqlx::query("UPDATE document SET guardian_may_see = $1, denied_to_guardian = $2 WHERE person_id = $3 AND id = $4")
        .bind(i64::from(visible_to_guardian))
        .bind(i64::from(denied_by_minor))
        .bind(person.get())
        .bind(document.get())
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

/// Records a new document for `person` as a provider would that says nothing about
/// guardians: a copy of the person's newest document, dated `recorded_at`, with no
/// visibility mark of its own.
///
/// # Errors
/// `NotFound` when the person has no document; `Storage` when the database fails.
pub async fn record_unmarked_document(
    archive: &Archive,
    person: PersonId,
    id: i64,
    recorded_at: &str,
) -> Result<crate::model::DocumentId, ArchiveError> {
    let done = sqlx::query(
        "INSERT INTO document (person_id, id, service_event_id, kind, recorded_at, organisation_id, unit_id, \
         professional, title, body, code_system, code, code_display, language) \
         SELECT person_id, $2, service_event_id, kind, $3, organisation_id, unit_id, professional, title, body, \
         code_system, code, code_display, language FROM document WHERE person_id = $1 \
         ORDER BY recorded_at DESC, id DESC LIMIT 1",
    )
    .bind(person.get())
    .bind(id)
    .bind(recorded_at)
    .execute(archive.db.pool())
    .await?;
    if done.rows_affected() == 0 {
        return Err(ArchiveError::NotFound);
    }
    Ok(crate::model::DocumentId::from_raw(id))
}

/// Records a document for `person` that a professional has delayed until
/// `shown_from` (Finnish local time, `YYYY-MM-DDTHH:MM`), as a copy of the person's
/// newest document whose title, text and coding are all `text` and `code`, visible to
/// guardians. A laboratory result also gets its value: `code` as the test, `value`.
///
/// # Errors
/// `NotFound` when the person has no document; `Storage` when the database fails.
pub async fn record_delayed_document(
    archive: &Archive,
    person: PersonId,
    id: i64,
    kind: crate::model::DocumentKind,
    (code, text, value): (&str, &str, f64),
    recorded_at: &str,
    shown_from: &str,
) -> Result<crate::model::DocumentId, ArchiveError> {
    let mut tx = archive.db.begin().await?;
    let done = sqlx::query(
        "INSERT INTO document (person_id, id, service_event_id, kind, recorded_at, organisation_id, unit_id, \
         professional, title, body, code_system, code, code_display, language, guardian_may_see, shown_from) \
         SELECT person_id, $2, service_event_id, $3, $4, organisation_id, unit_id, professional, $5, $5, \
         'urn:test', $6, $5, language, 1, $7 FROM document WHERE person_id = $1 \
         ORDER BY recorded_at DESC, id DESC LIMIT 1",
    )
    .bind(person.get())
    .bind(id)
    .bind(kind.code())
    .bind(recorded_at)
    .bind(text)
    .bind(code)
    .bind(shown_from)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(ArchiveError::NotFound);
    }
    if kind == crate::model::DocumentKind::LabResult {
        sqlx::query(
            "INSERT INTO lab_result (person_id, document_id, test_code, test_name, value, unit, flag, taken_at) \
             VALUES ($1, $2, $3, $4, $5, 'g/L', 'H', $6)",
        )
        .bind(person.get())
        .bind(id)
        .bind(code)
        .bind(text)
        .bind(value)
        .bind(recorded_at)
        .execute(&mut *tx)
        .await?;
    }
    if kind == crate::model::DocumentKind::Measurement {
        sqlx::query(
            "INSERT INTO measurement_value (person_id, document_id, position, code, value, unit) \
             VALUES ($1, $2, 0, $3, $4, 'mmHg')",
        )
        .bind(person.get())
        .bind(id)
        .bind(code)
        .bind(value)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(crate::model::DocumentId::from_raw(id))
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

/// Forwards one of the person's certificates not yet forwarded (as `own`, the person's
/// own access, reads them) to the recipient its form goes to, at `sent_at` (Finnish
/// local `YYYY-MM-DDTHH:MM`), as Kanta would record it. Returns the recipient.
///
/// # Errors
/// `NotFound` when every certificate of the person is forwarded already; `Storage`
/// when the database fails.
pub async fn forward_a_certificate(
    own: &crate::access::Access,
    sent_at: &str,
) -> Result<crate::model::Recipient, ArchiveError> {
    let certificate = own
        .certificates()
        .await?
        .into_iter()
        .find(|c| c.forwardings.is_empty())
        .ok_or(ArchiveError::NotFound)?;
    let recipient = certificate.form.recipient();
    sqlx::query(
        "INSERT INTO certificate_forwarding (person_id, certificate_id, recipient, sent_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(own.subject().get())
    .bind(certificate.id.get())
    .bind(recipient.code())
    .bind(sent_at)
    .execute(own.archive.db.pool())
    .await?;
    Ok(recipient)
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
