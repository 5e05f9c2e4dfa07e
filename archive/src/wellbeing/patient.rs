//! The person's own FHIR Patient resource in the wellbeing data: the one their
//! measurements' `subject` names (`Patient/<their patient id>`). Its id is the opaque
//! patient id this service gave them (never the identity code); what it holds is what
//! they or their app last wrote (the JSON as received, stamped with its id, version and
//! time), and nothing until one is written. It is created and updated by one `PUT` at
//! its id, as Kanta PHR's Patient is kept by the person's apps; it is never deleted.

use super::resources::StoredResource;
use super::store::{patient_id, ObservationCodec, ResourceIds};
use crate::access::{unix_ms, Access, Action};
use crate::error::ArchiveError;

type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// What a write of the Patient did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatientWritten {
    /// The first one (201).
    Created(StoredResource),
    /// A new version of the one there was (200).
    Updated(StoredResource),
}

#[derive(sqlx::FromRow)]
struct PatientRow {
    version: i64,
    updated_ms: Option<i64>,
    resource: Option<String>,
}

/// The person's patient id, and their Patient if one is written.
async fn stored(
    tx: &mut Tx,
    person: i64,
) -> Result<(String, Option<StoredResource>, i64), ArchiveError> {
    let id = patient_id(tx, person).await?;
    let row: PatientRow = sqlx::query_as(
        "SELECT version, updated_ms, resource FROM wellbeing_patient WHERE person_id = $1",
    )
    .bind(person)
    .fetch_one(&mut **tx)
    .await?;
    let resource = match (row.resource, row.updated_ms) {
        (Some(resource), Some(updated_ms)) => Some(StoredResource::of_row(
            id.clone(),
            row.version,
            updated_ms,
            resource,
        )),
        _ => None,
    };
    Ok((id, resource, row.version))
}

impl Access {
    /// The person's Patient, when one is written: a search's answer (none or one).
    ///
    /// # Errors
    /// `Refused` for anyone the wellbeing data is not open to (an app: not allowed to
    /// read, or its token without a Patient read scope); `Storage` when the database
    /// fails.
    pub async fn patient_resources(&self) -> Result<Vec<StoredResource>, ArchiveError> {
        let mut read = self
            .begin_read(Action::ReadPatient, None, Some("search".into()))
            .await?;
        let (_, found, _) = stored(&mut read.tx, self.subject().get()).await?;
        self.finish_read(read).await?;
        Ok(found.into_iter().collect())
    }

    /// The person's Patient by its id.
    ///
    /// # Errors
    /// `NotFound` when `id` is not their patient id or none is written yet; `Refused`
    /// as [`Access::patient_resources`]; `Storage` when the database fails.
    pub async fn patient_resource(&self, id: &str) -> Result<StoredResource, ArchiveError> {
        let mut read = self.begin_read(Action::ReadPatient, None, None).await?;
        match stored(&mut read.tx, self.subject().get()).await? {
            (own, Some(found), _) if own == id => {
                self.finish_read(read).await?;
                Ok(found)
            }
            _ => Err(self.refuse_read(read, ArchiveError::NotFound).await),
        }
    }

    /// Writes the person's Patient at its id: `resource` as received (read by the
    /// caller's typed model), stamped by `codec` with the id, the next version and
    /// now. The first one is created without `if_match`; a written one is replaced
    /// only when `if_match` is its version now, so that no app overwrites what it has
    /// not seen.
    ///
    /// # Errors
    /// `NotFound` when `id` is not their patient id (the person has one Patient, at the
    /// id the service gave them); `Blocked("version-required")` when one is written and
    /// `if_match` is `None`; `Blocked("version-conflict")` when `if_match` is not its
    /// version (or there is none yet); `Refused` for anyone the wellbeing data is not
    /// open to (an app: not allowed to write, or its token without a Patient write
    /// scope); `Storage` when the database fails. Nothing is changed then.
    pub async fn write_patient(
        &self,
        id: &str,
        if_match: Option<i64>,
        resource: &str,
        codec: &dyn ObservationCodec,
    ) -> Result<PatientWritten, ArchiveError> {
        let mut tx = self
            .begin_audited_with(Action::WritePatient, None, Some("fhir".into()))
            .await?;
        match self
            .write_patient_in(&mut tx, id, if_match, resource, codec)
            .await
        {
            Ok(written) => {
                tx.commit().await?;
                Ok(written)
            }
            Err(e) => Err(self.refuse(tx, Action::WritePatient, None, e).await),
        }
    }

    async fn write_patient_in(
        &self,
        tx: &mut Tx,
        id: &str,
        if_match: Option<i64>,
        resource: &str,
        codec: &dyn ObservationCodec,
    ) -> Result<PatientWritten, ArchiveError> {
        let person = self.subject().get();
        let (own, found, version) = stored(tx, person).await?;
        if own != id {
            return Err(ArchiveError::NotFound);
        }
        match (&found, if_match) {
            (Some(_), None) => return Err(ArchiveError::Blocked("version-required")),
            (None, Some(_)) => return Err(ArchiveError::Blocked("version-conflict")),
            (Some(_), Some(asked)) if asked != version => {
                return Err(ArchiveError::Blocked("version-conflict"))
            }
            _ => {}
        }
        let now = self.archive.clock.now();
        let next = version + 1;
        let stamped = codec.stamp(
            resource,
            &ResourceIds {
                resource_id: id,
                identifier: "",
                patient_id: id,
                version: next,
                last_updated: now,
            },
        );
        sqlx::query(
            "UPDATE wellbeing_patient SET resource = $1, version = $2, updated_ms = $3 \
             WHERE person_id = $4 AND version = $5",
        )
        .bind(stamped.as_str())
        .bind(next)
        .bind(unix_ms(now))
        .bind(person)
        .bind(version)
        .execute(&mut **tx)
        .await?;
        let written = StoredResource::of_row(id.to_owned(), next, unix_ms(now), stamped);
        Ok(if found.is_some() {
            PatientWritten::Updated(written)
        } else {
            PatientWritten::Created(written)
        })
    }
}
