//! The measurements as FHIR resources, for the FHIR interface: searched, read, created
//! (conditionally, by identifier, and many in one transaction), updated (by version)
//! and deleted, by the person's apps within what the person allowed them
//! ([`Access::require_cover`] for an app's access), or by the person. A resource as the
//! app sent it is stored as it came, with the ids this service gives it; the reading it
//! holds (checked by the caller's typed model and the model's rules) fills the
//! searchable columns.

use time::OffsetDateTime;

use super::model::{Measure, MeasurementId, Reading};
use super::store::{
    insert_row, patient_id, update_row, write_identifiers, NewRow, ObservationCodec, ResourceIds,
};
use crate::access::{Access, Action, Purpose};
use crate::db::Sql;
use crate::error::ArchiveError;

type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// A resource as an app sent it, read by the caller's typed model.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    pub reading: Reading,
    /// Its identifiers, `system|value`.
    pub identifiers: Vec<String>,
    /// The patient its subject names.
    pub patient: String,
    /// The resource as received.
    pub resource: String,
}

/// A stored resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResource {
    /// Its logical id.
    pub id: String,
    /// Its `meta.versionId`.
    pub version: i64,
    /// When this version was written.
    pub updated: OffsetDateTime,
    /// The resource, as written.
    pub resource: String,
}

/// A search of the person's Observations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ObservationSearch {
    /// Of these kinds; every kind when empty.
    pub measures: Vec<Measure>,
    /// Taken at or after this instant (UTC milliseconds); a day's reading counts from
    /// its Finnish midnight.
    pub from_ms: Option<i64>,
    /// Taken before this instant.
    pub before_ms: Option<i64>,
    /// The patient asked for (`patient=`); another's finds nothing.
    pub patient: Option<String>,
    /// At most this many, newest first.
    pub count: usize,
}

/// One create of a batch: the resource, and the identifier it is created only once
/// by (`If-None-Exist: identifier=system|value`).
#[derive(Debug, Clone, PartialEq)]
pub struct Create {
    pub incoming: Incoming,
    pub if_none_exist: Option<String>,
}

/// What a create did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Created {
    /// Stored anew (201).
    New(StoredResource),
    /// The one resource its `If-None-Exist` identifier matched (200).
    Existing(StoredResource),
}

/// The most resources a batch may hold (a day of minute-by-minute pulse is 1,440).
pub const MAX_BATCH: usize = 1_000;

/// The most a search returns.
pub const MAX_SEARCH: usize = 1_000;

#[derive(sqlx::FromRow)]
struct ResourceRow {
    id: i64,
    resource_id: String,
    version: i64,
    updated_ms: i64,
    resource: String,
}

impl StoredResource {
    /// A resource as its row holds it: written at `updated_ms` (UTC milliseconds).
    pub(crate) fn of_row(id: String, version: i64, updated_ms: i64, resource: String) -> Self {
        Self {
            id,
            version,
            updated: OffsetDateTime::from_unix_timestamp_nanos(i128::from(updated_ms) * 1_000_000)
                .unwrap_or(OffsetDateTime::UNIX_EPOCH),
            resource,
        }
    }
}

impl From<ResourceRow> for StoredResource {
    fn from(row: ResourceRow) -> Self {
        Self::of_row(row.resource_id, row.version, row.updated_ms, row.resource)
    }
}

const RESOURCE_COLUMNS: &str =
    "SELECT id, resource_id, version, updated_ms, resource FROM wellbeing_observation";

async fn by_resource_id(
    tx: &mut Tx,
    person: i64,
    resource_id: &str,
) -> Result<Option<ResourceRow>, ArchiveError> {
    Ok(sqlx::query_as(&format!(
        "{RESOURCE_COLUMNS} WHERE person_id = $1 AND resource_id = $2"
    ))
    .bind(person)
    .bind(resource_id)
    .fetch_optional(&mut **tx)
    .await?)
}

/// The measurements one identifier (`system|value`) names, at most two (one is an
/// answer, two are too many).
async fn matching(tx: &mut Tx, person: i64, identifier: &str) -> Result<Vec<i64>, ArchiveError> {
    Ok(sqlx::query_scalar(
        "SELECT observation_id FROM wellbeing_identifier WHERE person_id = $1 AND identifier = $2 \
         ORDER BY observation_id LIMIT 2",
    )
    .bind(person)
    .bind(identifier)
    .fetch_all(&mut **tx)
    .await?)
}

impl Access {
    /// Where what this access writes comes from: '' for the person's own, an app's
    /// client id for an app's.
    async fn source(&self, tx: &mut Tx) -> Result<String, ArchiveError> {
        match self.purpose() {
            Purpose::App { app, .. } => Ok(sqlx::query_scalar(
                "SELECT client_id FROM phr_app WHERE id = $1",
            )
            .bind(app.get())
            .fetch_one(&mut **tx)
            .await?),
            _ => Ok(String::new()),
        }
    }

    /// Checks that `incoming` is about this person (its subject their patient id).
    async fn about_them(&self, tx: &mut Tx, incoming: &Incoming) -> Result<String, ArchiveError> {
        let patient = patient_id(tx, self.subject().get()).await?;
        if incoming.patient == patient {
            Ok(patient)
        } else {
            Err(ArchiveError::invalid("subject", "wrong-subject"))
        }
    }

    /// The person's opaque FHIR patient id (made on first use).
    ///
    /// # Errors
    /// `Refused` for anyone the wellbeing data is not open to; `Storage` when the
    /// database fails.
    pub async fn wellbeing_patient(&self) -> Result<String, ArchiveError> {
        let mut read = self
            .begin_read(Action::ReadWellbeing, None, Some("patient".into()))
            .await?;
        let id = patient_id(&mut read.tx, self.subject().get()).await?;
        self.finish_read(read).await?;
        Ok(id)
    }

    /// The person's Observations that `search` finds, newest first.
    ///
    /// # Errors
    /// `Refused` for anyone the wellbeing data is not open to (an app: not allowed to
    /// read); `Storage` when the database fails.
    pub async fn search_observations(
        &self,
        search: &ObservationSearch,
    ) -> Result<Vec<StoredResource>, ArchiveError> {
        let person = self.subject().get();
        let mut read = self
            .begin_read(Action::ReadWellbeing, None, Some("search".into()))
            .await?;
        if let Some(patient) = &search.patient {
            if *patient != patient_id(&mut read.tx, person).await? {
                self.finish_read(read).await?;
                return Ok(Vec::new());
            }
        }
        let mut sql = Sql::new(RESOURCE_COLUMNS);
        sql.push(" WHERE person_id = ").bind(person);
        if !search.measures.is_empty() {
            sql.push(" AND measure IN (")
                .bind_list(search.measures.iter().map(|m| m.code()))
                .push(")");
        }
        if let Some(from) = search.from_ms {
            sql.push(" AND effective_ms >= ").bind(from);
        }
        if let Some(before) = search.before_ms {
            sql.push(" AND effective_ms < ").bind(before);
        }
        sql.push(" ORDER BY effective_ms DESC, id DESC LIMIT ")
            .bind(i64::try_from(search.count.min(MAX_SEARCH)).unwrap_or(0));
        let rows: Vec<ResourceRow> = sql.query_as().fetch_all(&mut *read.tx).await?;
        self.finish_read(read).await?;
        Ok(rows.into_iter().map(StoredResource::from).collect())
    }

    /// One Observation by its logical id.
    ///
    /// # Errors
    /// `NotFound` when the person has none by that id; `Refused` for anyone the
    /// wellbeing data is not open to; `Storage` when the database fails.
    pub async fn observation_resource(&self, id: &str) -> Result<StoredResource, ArchiveError> {
        let mut read = self
            .begin_read(Action::ReadMeasurement, None, Some("resource".into()))
            .await?;
        let Some(row) = by_resource_id(&mut read.tx, self.subject().get(), id).await? else {
            return Err(self.refuse_read(read, ArchiveError::NotFound).await);
        };
        self.finish_read(read).await?;
        Ok(row.into())
    }

    /// Creates resources, all or none, in one transaction: each stored as it came,
    /// with its new id and version 1; one whose `If-None-Exist` identifier names one
    /// stored resource is not stored again, and that resource is its answer.
    ///
    /// # Errors
    /// `Invalid` (`subject`, `wrong-subject`) when a resource is about another patient;
    /// `Invalid` (`batch`, `too-many`) over [`MAX_BATCH`]; `Blocked("multiple-matches")`
    /// when an `If-None-Exist` identifier names more than one; `Refused` for anyone the
    /// wellbeing data is not open to (an app: not allowed to write); `Storage` when the
    /// database fails. Nothing is stored then.
    pub async fn create_observations(
        &self,
        creates: &[Create],
        codec: &dyn ObservationCodec,
    ) -> Result<Vec<Created>, ArchiveError> {
        let person = self.subject().get();
        let detail = Some(format!("fhir {}", creates.len()));
        let mut tx = self
            .begin_audited_with(Action::AddMeasurement, None, detail)
            .await?;
        match self.create_in(&mut tx, person, creates, codec).await {
            Ok(created) => {
                tx.commit().await?;
                Ok(created)
            }
            Err(e) => Err(self.refuse(tx, Action::AddMeasurement, None, e).await),
        }
    }

    async fn create_in(
        &self,
        tx: &mut Tx,
        person: i64,
        creates: &[Create],
        codec: &dyn ObservationCodec,
    ) -> Result<Vec<Created>, ArchiveError> {
        if creates.len() > MAX_BATCH {
            return Err(ArchiveError::invalid("batch", "too-many"));
        }
        let source = self.source(tx).await?;
        let now = self.archive.clock.now();
        let mut created = Vec::with_capacity(creates.len());
        for create in creates {
            let patient = self.about_them(tx, &create.incoming).await?;
            if let Some(identifier) = &create.if_none_exist {
                match matching(tx, person, identifier).await?.as_slice() {
                    [] => {}
                    [id] => {
                        let stored: ResourceRow = sqlx::query_as(&format!(
                            "{RESOURCE_COLUMNS} WHERE person_id = $1 AND id = $2"
                        ))
                        .bind(person)
                        .bind(*id)
                        .fetch_one(&mut **tx)
                        .await?;
                        created.push(Created::Existing(stored.into()));
                        continue;
                    }
                    _ => return Err(ArchiveError::Blocked("multiple-matches")),
                }
            }
            let resource_id = super::store::new_uuid();
            let resource = codec.stamp(
                &create.incoming.resource,
                &ResourceIds {
                    resource_id: &resource_id,
                    identifier: "",
                    patient_id: &patient,
                    version: 1,
                    last_updated: now,
                },
            );
            let row = NewRow {
                resource_id: &resource_id,
                reading: &create.incoming.reading,
                resource,
                identifiers: &create.incoming.identifiers,
                source: &source,
            };
            insert_row(tx, person, &row, self.actor().get(), now).await?;
            let stored = by_resource_id(tx, person, &resource_id)
                .await?
                .ok_or(ArchiveError::NotFound)?;
            created.push(Created::New(stored.into()));
        }
        Ok(created)
    }

    /// Replaces an Observation with `incoming` as a new version; with `if_match`, only
    /// when that is its version now.
    ///
    /// # Errors
    /// `NotFound` when the person has none by that id; `Blocked("version-conflict")`
    /// when `if_match` is not its version; `Invalid` (`subject`, `wrong-subject`) when
    /// it is about another patient; `Refused` for anyone the wellbeing data is not open
    /// to; `Storage` when the database fails. Nothing is changed then.
    pub async fn update_observation(
        &self,
        id: &str,
        if_match: Option<i64>,
        incoming: &Incoming,
        codec: &dyn ObservationCodec,
    ) -> Result<StoredResource, ArchiveError> {
        let person = self.subject().get();
        let mut tx = self
            .begin_audited_with(Action::ChangeMeasurement, None, Some("fhir".into()))
            .await?;
        match self
            .update_in(&mut tx, person, id, if_match, incoming, codec)
            .await
        {
            Ok(stored) => {
                tx.commit().await?;
                Ok(stored)
            }
            Err(e) => Err(self.refuse(tx, Action::ChangeMeasurement, None, e).await),
        }
    }

    async fn update_in(
        &self,
        tx: &mut Tx,
        person: i64,
        id: &str,
        if_match: Option<i64>,
        incoming: &Incoming,
        codec: &dyn ObservationCodec,
    ) -> Result<StoredResource, ArchiveError> {
        let row = by_resource_id(tx, person, id)
            .await?
            .ok_or(ArchiveError::NotFound)?;
        if if_match.is_some_and(|v| v != row.version) {
            return Err(ArchiveError::Blocked("version-conflict"));
        }
        let patient = self.about_them(tx, incoming).await?;
        let now = self.archive.clock.now();
        let version = row.version + 1;
        let resource = codec.stamp(
            &incoming.resource,
            &ResourceIds {
                resource_id: id,
                identifier: "",
                patient_id: &patient,
                version,
                last_updated: now,
            },
        );
        let source = self.source(tx).await?;
        let new = NewRow {
            resource_id: id,
            reading: &incoming.reading,
            resource,
            identifiers: &incoming.identifiers,
            source: &source,
        };
        update_row(tx, person, row.id, &new, version, self.actor().get(), now).await?;
        sqlx::query(
            "DELETE FROM wellbeing_identifier WHERE person_id = $1 AND observation_id = $2",
        )
        .bind(person)
        .bind(row.id)
        .execute(&mut **tx)
        .await?;
        write_identifiers(tx, person, row.id, &incoming.identifiers).await?;
        Ok(by_resource_id(tx, person, id)
            .await?
            .ok_or(ArchiveError::NotFound)?
            .into())
    }

    /// Deletes an Observation by its logical id ([`Access::delete_measurement`]).
    ///
    /// # Errors
    /// `NotFound` when the person has none by that id; `Refused` for anyone the
    /// wellbeing data is not open to; `Storage` when the database fails.
    pub async fn delete_observation(&self, id: &str) -> Result<(), ArchiveError> {
        let person = self.subject().get();
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM wellbeing_observation WHERE person_id = $1 AND resource_id = $2",
        )
        .bind(person)
        .bind(id)
        .fetch_optional(self.archive.db.pool())
        .await?;
        // An id not theirs deletes nothing, and is refused and recorded as any other.
        self.delete_measurement(MeasurementId::from_raw(found.unwrap_or(0)))
            .await
    }
}
