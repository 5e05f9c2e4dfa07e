//! What is stored of a person, shown or not (the marks that decide who sees it), and
//! records made as a provider or a professional would make them.

use crate::access::Archive;
use crate::error::ArchiveError;
use crate::model::PersonId;

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
