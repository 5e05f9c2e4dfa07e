//! The rows a measurement is stored as — the observation with its searched columns, its
//! identifiers, the person's patient id — written for the form's operations and the
//! FHIR interface's alike, inside the caller's audited transaction.

use time::OffsetDateTime;

use super::{effective_ms, effective_text, new_uuid, ObservationCodec, ResourceIds, Tx};
use crate::access::unix_ms;
use crate::db::Sql;
use crate::error::ArchiveError;
use crate::wellbeing::model::Reading;

/// The person's opaque FHIR patient id, made on first use.
pub(crate) async fn patient_id(tx: &mut Tx, person: i64) -> Result<String, ArchiveError> {
    sqlx::query(
        "INSERT INTO wellbeing_patient (person_id, patient_id) VALUES ($1, $2) \
         ON CONFLICT (person_id) DO NOTHING",
    )
    .bind(person)
    .bind(new_uuid())
    .execute(&mut **tx)
    .await?;
    Ok(
        sqlx::query_scalar("SELECT patient_id FROM wellbeing_patient WHERE person_id = $1")
            .bind(person)
            .fetch_one(&mut **tx)
            .await?,
    )
}

/// Stores a new measurement of `person` (its resource written by `codec`, version 1),
/// written by `actor` at `now`; its id.
pub(crate) async fn insert(
    tx: &mut Tx,
    person: i64,
    reading: &Reading,
    identifier: &str,
    codec: &dyn ObservationCodec,
    actor: i64,
    now: OffsetDateTime,
) -> Result<i64, ArchiveError> {
    let patient_id = patient_id(tx, person).await?;
    let resource_id = new_uuid();
    let resource = codec.encode(
        reading,
        &ResourceIds {
            resource_id: &resource_id,
            identifier,
            patient_id: &patient_id,
            version: 1,
            last_updated: now,
        },
        None,
    );
    let row = NewRow {
        resource_id: &resource_id,
        reading,
        resource,
        identifiers: &[format!("{URI_SYSTEM}|{identifier}")],
        source: "",
    };
    insert_row(tx, person, &row, actor, now).await
}

/// A measurement's row as it is about to be stored.
pub(crate) struct NewRow<'a> {
    pub resource_id: &'a str,
    pub reading: &'a Reading,
    /// The resource as stored (and returned).
    pub resource: String,
    /// Its identifiers, `system|value`.
    pub identifiers: &'a [String],
    /// '' for the person's form, else the app's client id.
    pub source: &'a str,
}

/// Stores `row` as a new measurement of `person` (version 1) with its identifiers; its
/// id.
pub(crate) async fn insert_row(
    tx: &mut Tx,
    person: i64,
    row: &NewRow<'_>,
    actor: i64,
    now: OffsetDateTime,
) -> Result<i64, ArchiveError> {
    let id = crate::db::new_row_id();
    let reading = row.reading;
    let mut sql = Sql::new(
        "INSERT INTO wellbeing_observation (person_id, id, resource_id, measure, effective, \
         effective_ms, value1, value2, version, source, resource, written_by, updated_ms) VALUES (",
    );
    sql.bind(person)
        .push(", ")
        .bind(id)
        .push(", ")
        .bind(row.resource_id)
        .push(", ")
        .bind(reading.measure.code())
        .push(", ")
        .bind(effective_text(reading.when)?)
        .push(", ")
        .bind(effective_ms(reading.when))
        .push(", ")
        .bind(reading.values[0])
        .push(", ")
        .bind_real(reading.values.get(1).copied())
        .push(", 1, ")
        .bind(row.source)
        .push(", ")
        .bind(row.resource.as_str())
        .push(", ")
        .bind(actor)
        .push(", ")
        .bind(unix_ms(now))
        .push(")");
    sql.query().execute(&mut **tx).await?;
    write_identifiers(tx, person, id, row.identifiers).await?;
    Ok(id)
}

/// Writes `row` over measurement `id` of `person` as its version `version` (its
/// identifiers are the caller's to change).
pub(crate) async fn update_row(
    tx: &mut Tx,
    person: i64,
    id: i64,
    row: &NewRow<'_>,
    version: i64,
    actor: i64,
    now: OffsetDateTime,
) -> Result<(), ArchiveError> {
    let reading = row.reading;
    let mut sql = Sql::new("UPDATE wellbeing_observation SET measure = ");
    sql.bind(reading.measure.code())
        .push(", effective = ")
        .bind(effective_text(reading.when)?)
        .push(", effective_ms = ")
        .bind(effective_ms(reading.when))
        .push(", value1 = ")
        .bind(reading.values[0])
        .push(", value2 = ")
        .bind_real(reading.values.get(1).copied())
        .push(", version = ")
        .bind(version)
        .push(", source = ")
        .bind(row.source)
        .push(", resource = ")
        .bind(row.resource.as_str())
        .push(", written_by = ")
        .bind(actor)
        .push(", updated_ms = ")
        .bind(unix_ms(now))
        .push(" WHERE person_id = ")
        .bind(person)
        .push(" AND id = ")
        .bind(id);
    sql.query().execute(&mut **tx).await?;
    Ok(())
}

/// Records `identifiers` (`system|value`, each once) as measurement `id`'s.
pub(crate) async fn write_identifiers(
    tx: &mut Tx,
    person: i64,
    id: i64,
    identifiers: &[String],
) -> Result<(), ArchiveError> {
    let mut seen: Vec<&String> = Vec::with_capacity(identifiers.len());
    for identifier in identifiers {
        if seen.contains(&identifier) {
            continue;
        }
        seen.push(identifier);
        sqlx::query(
            "INSERT INTO wellbeing_identifier (person_id, identifier, observation_id) \
             VALUES ($1, $2, $3)",
        )
        .bind(person)
        .bind(identifier.as_str())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// A new `urn:uuid:` identifier.
pub(crate) fn new_identifier() -> String {
    format!("urn:uuid:{}", new_uuid())
}

/// The system of an identifier that is a URI.
pub(crate) const URI_SYSTEM: &str = "urn:ietf:rfc:3986";
