//! Reading and writing the person's measurements. A reading from the form is checked by
//! the model's rules ([`ReadingForm::parse`]), written as a FHIR resource by the
//! caller's [`ObservationCodec`], and stored with its searchable columns and audit
//! event in one transaction.

use time::OffsetDateTime;

use super::form::ReadingForm;
use super::model::{
    Measure, MeasureLatest, MeasureSeries, Measurement, MeasurementId, Reading, Source,
    WellbeingOverview, WellbeingPeriod, When, MAX_SERIES,
};
use crate::access::{unix_ms, Access, Action};
use crate::clock::{finnish_at_ms, finnish_local, finnish_offset, from_finnish};
use crate::error::ArchiveError;

mod news;
mod rows;

pub(crate) use rows::{
    insert, insert_row, new_identifier, patient_id, update_row, write_identifiers, NewRow,
    URI_SYSTEM,
};

type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// The ids a resource is written with.
#[derive(Debug, Clone, Copy)]
pub struct ResourceIds<'a> {
    /// The resource's logical id.
    pub resource_id: &'a str,
    /// Its business identifier (`urn:uuid:…`, system `urn:ietf:rfc:3986`).
    pub identifier: &'a str,
    /// The person's opaque FHIR patient id (the subject's reference), never an
    /// identity code.
    pub patient_id: &'a str,
    /// The version this write makes (`meta.versionId`).
    pub version: i64,
    pub last_updated: OffsetDateTime,
}

/// Writes a reading as the FHIR resource stored with it (the `phr` crate's, with the
/// typed R4 model). `previous` is the resource as stored before a change, so that what
/// the form does not know (an app's extensions, notes) is kept.
pub trait ObservationCodec: Send + Sync {
    fn encode(&self, reading: &Reading, ids: &ResourceIds<'_>, previous: Option<&str>) -> String;

    /// A resource as an app sent it, with the ids this service gives it (`id`,
    /// `meta.versionId`, `meta.lastUpdated`) and nothing else changed: what the typed
    /// model does not know is kept.
    fn stamp(&self, resource: &str, ids: &ResourceIds<'_>) -> String;
}

/// A measurement's columns; an app's by its name in the register.
const COLUMNS: &str = "SELECT id, resource_id, measure, effective, effective_ms, value1, value2, \
     version, COALESCE((SELECT a.name FROM phr_app a WHERE a.client_id = source), source) \
     AS source FROM wellbeing_observation";

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    resource_id: String,
    measure: String,
    effective: String,
    effective_ms: i64,
    value1: f64,
    value2: Option<f64>,
    version: i64,
    source: String,
}

impl TryFrom<Row> for Measurement {
    type Error = ArchiveError;

    fn try_from(row: Row) -> Result<Self, ArchiveError> {
        let corrupt = || ArchiveError::Corrupt("wellbeing measurement");
        let measure = Measure::from_code(&row.measure).ok_or_else(corrupt)?;
        let when = When::of_text(&row.effective).ok_or_else(corrupt)?;
        let local = match when {
            When::Day(day) => day.midnight(),
            When::Moment(_) => finnish_at_ms(row.effective_ms),
        };
        Ok(Self {
            id: MeasurementId::from_raw(row.id),
            resource_id: row.resource_id,
            reading: Reading {
                measure,
                when,
                values: std::iter::once(row.value1).chain(row.value2).collect(),
            },
            local,
            version: row.version,
            source: if row.source.is_empty() {
                Source::Portal
            } else {
                Source::App(row.source)
            },
        })
    }
}

/// The stored text of when a reading was taken ([`When::text`]).
pub(crate) fn effective_text(when: When) -> Result<String, ArchiveError> {
    when.text()
        .ok_or(ArchiveError::invalid("date", "date-format"))
}

/// The instant a reading is ordered and filtered by: a moment's own, a day's Finnish
/// midnight.
pub(crate) fn effective_ms(when: When) -> i64 {
    match when {
        When::Day(day) => unix_ms(from_finnish(day.midnight())),
        When::Moment(at) => unix_ms(at),
    }
}

pub(crate) fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

impl Access {
    /// Each kind's newest reading and how many there are.
    ///
    /// # Errors
    /// `Refused` for anyone but the person, or one under 16; `Storage` when the
    /// database fails.
    pub async fn wellbeing(&self) -> Result<WellbeingOverview, ArchiveError> {
        let mut read = self.begin_read(Action::ReadWellbeing, None, None).await?;
        let person = self.subject().get();
        let counts: Vec<(String, i64)> = sqlx::query_as(
            "SELECT measure, COUNT(*) FROM wellbeing_observation WHERE person_id = $1 \
             GROUP BY measure",
        )
        .bind(person)
        .fetch_all(&mut *read.tx)
        .await?;
        let latest: Vec<Row> = sqlx::query_as(&format!(
            "{COLUMNS} o WHERE person_id = $1 AND effective_ms = (SELECT MAX(effective_ms) \
             FROM wellbeing_observation i WHERE i.person_id = o.person_id AND i.measure = o.measure) \
             ORDER BY id"
        ))
        .bind(person)
        .fetch_all(&mut *read.tx)
        .await?;
        self.finish_read(read).await?;
        let mut latest: Vec<Measurement> = latest
            .into_iter()
            .map(Measurement::try_from)
            .collect::<Result<_, _>>()?;
        let measures = Measure::ALL
            .iter()
            .map(|&measure| MeasureLatest {
                measure,
                count: counts
                    .iter()
                    .find(|(code, _)| code == measure.code())
                    .map_or(0, |c| c.1),
                latest: latest
                    .iter()
                    .position(|m| m.reading.measure == measure)
                    .map(|i| latest.swap_remove(i)),
            })
            .collect();
        Ok(WellbeingOverview { measures })
    }

    /// One kind's readings over a period ending today, oldest first (at most
    /// [`MAX_SERIES`], the newest).
    ///
    /// # Errors
    /// `Refused` for anyone but the person, or one under 16; `Storage` when the
    /// database fails.
    pub async fn measure_series(
        &self,
        measure: Measure,
        period: WellbeingPeriod,
    ) -> Result<MeasureSeries, ArchiveError> {
        let today = self.archive.clock.today();
        let from = period.first_day(today);
        let mut read = self
            .begin_read(Action::ReadWellbeing, None, Some(measure.code().into()))
            .await?;
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "{COLUMNS} WHERE person_id = $1 AND measure = $2 AND effective_ms >= $3 \
             ORDER BY effective_ms DESC, id DESC LIMIT $4"
        ))
        .bind(self.subject().get())
        .bind(measure.code())
        .bind(from.map_or(i64::MIN, |d| unix_ms(from_finnish(d.midnight()))))
        .bind(i64::try_from(MAX_SERIES).unwrap_or(i64::MAX))
        .fetch_all(&mut *read.tx)
        .await?;
        self.finish_read(read).await?;
        let mut readings: Vec<Measurement> = rows
            .into_iter()
            .map(Measurement::try_from)
            .collect::<Result<_, _>>()?;
        readings.reverse();
        Ok(MeasureSeries {
            measure,
            period,
            from,
            to: today,
            readings,
        })
    }

    /// One measurement.
    ///
    /// # Errors
    /// `NotFound` when the person has no such measurement; `Refused` for anyone but
    /// the person, or one under 16; `Storage` when the database fails.
    pub async fn measurement(&self, id: MeasurementId) -> Result<Measurement, ArchiveError> {
        let mut read = self
            .begin_read(Action::ReadMeasurement, Some(id.get()), None)
            .await?;
        let Some(row) = one(&mut read.tx, self.subject().get(), id).await? else {
            return Err(self.refuse_read(read, ArchiveError::NotFound).await);
        };
        self.finish_read(read).await?;
        row.try_into()
    }

    /// Adds a reading from the form. `key` is the form's own (a UUID, sent with it):
    /// it becomes the resource's identifier, so a form sent twice (a double click, a
    /// retry) stores one measurement and answers with it.
    ///
    /// # Errors
    /// `InvalidFields` with every problem of the form ([`ReadingForm::parse`]), or
    /// `Invalid` for a key that is not a UUID; `Refused` for anyone but the person, or
    /// one under 16; `Storage` when the database fails.
    pub async fn add_measurement(
        &self,
        measure: Measure,
        form: &ReadingForm,
        key: &str,
        codec: &dyn ObservationCodec,
    ) -> Result<Measurement, ArchiveError> {
        let person = self.subject().get();
        let mut tx = self.begin_audited(Action::AddMeasurement, None).await?;
        // Wrong input is refused, and the attempt recorded.
        let checked = uuid::Uuid::try_parse(key.trim())
            .map_err(|_| ArchiveError::invalid("key", "format"))
            .and_then(|key| Ok((key, self.parse_reading(measure, form)?)));
        let (key, reading) = match checked {
            Ok(checked) => checked,
            Err(e) => return Err(self.refuse(tx, Action::AddMeasurement, None, e).await),
        };
        let identifier = format!("urn:uuid:{key}");
        // The same form again: its measurement is the answer.
        if let Some(id) = by_identifier(&mut tx, person, &identifier).await? {
            let row = one(&mut tx, person, id)
                .await?
                .ok_or(ArchiveError::NotFound)?;
            tx.commit().await?;
            return row.try_into();
        }
        let id = insert(
            &mut tx,
            person,
            &reading,
            &identifier,
            codec,
            self.actor().get(),
            self.archive.clock.now(),
        )
        .await?;
        let row = one(&mut tx, person, MeasurementId::from_raw(id))
            .await?
            .ok_or(ArchiveError::NotFound)?;
        tx.commit().await?;
        row.try_into()
    }

    /// Changes a measurement to what the form says (a new version of its resource,
    /// what else the resource held kept); the same values again change nothing.
    ///
    /// # Errors
    /// `InvalidFields` with every problem of the form; `NotFound` when the person has
    /// no such measurement; `Refused` for anyone but the person, or one under 16;
    /// `Storage` when the database fails.
    pub async fn change_measurement(
        &self,
        id: MeasurementId,
        form: &ReadingForm,
        codec: &dyn ObservationCodec,
    ) -> Result<Measurement, ArchiveError> {
        let person = self.subject().get();
        let mut tx = self
            .begin_audited(Action::ChangeMeasurement, Some(id.get()))
            .await?;
        let Some(row) = one(&mut tx, person, id).await? else {
            return Err(self
                .refuse(
                    tx,
                    Action::ChangeMeasurement,
                    Some(id.get()),
                    ArchiveError::NotFound,
                )
                .await);
        };
        let before = Measurement::try_from(row)?;
        let reading = match self.parse_reading(before.reading.measure, form) {
            Ok(reading) => reading,
            Err(e) => {
                return Err(self
                    .refuse(tx, Action::ChangeMeasurement, Some(id.get()), e)
                    .await)
            }
        };
        if reading == before.reading {
            tx.commit().await?;
            return Ok(before);
        }
        let (previous, identifier): (String, String) = sqlx::query_as(
            "SELECT o.resource, COALESCE(MIN(i.identifier), '') FROM wellbeing_observation o \
             LEFT JOIN wellbeing_identifier i ON i.person_id = o.person_id AND i.observation_id = o.id \
             WHERE o.person_id = $1 AND o.id = $2 GROUP BY o.resource",
        )
        .bind(person)
        .bind(id.get())
        .fetch_one(&mut *tx)
        .await?;
        let identifier = identifier
            .split_once('|')
            .map_or(identifier.as_str(), |(_, value)| value)
            .to_owned();
        let patient_id = patient_id(&mut tx, person).await?;
        let now = self.archive.clock.now();
        let version = before.version + 1;
        let resource = codec.encode(
            &reading,
            &ResourceIds {
                resource_id: &before.resource_id,
                identifier: &identifier,
                patient_id: &patient_id,
                version,
                last_updated: now,
            },
            Some(&previous),
        );
        let row = NewRow {
            resource_id: &before.resource_id,
            reading: &reading,
            resource,
            identifiers: &[],
            source: "",
        };
        update_row(
            &mut tx,
            person,
            id.get(),
            &row,
            version,
            self.actor().get(),
            now,
        )
        .await?;
        let row = one(&mut tx, person, id)
            .await?
            .ok_or(ArchiveError::NotFound)?;
        tx.commit().await?;
        row.try_into()
    }

    /// Deletes a measurement, its resource with it; the audit trail keeps that it was.
    ///
    /// # Errors
    /// `NotFound` when the person has no such measurement (deleted already, say);
    /// `Refused` for anyone but the person, or one under 16; `Storage` when the
    /// database fails.
    pub async fn delete_measurement(&self, id: MeasurementId) -> Result<(), ArchiveError> {
        let person = self.subject().get();
        let mut tx = self
            .begin_audited(Action::DeleteMeasurement, Some(id.get()))
            .await?;
        let deleted =
            sqlx::query("DELETE FROM wellbeing_observation WHERE person_id = $1 AND id = $2")
                .bind(person)
                .bind(id.get())
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if deleted == 0 {
            return Err(self
                .refuse(
                    tx,
                    Action::DeleteMeasurement,
                    Some(id.get()),
                    ArchiveError::NotFound,
                )
                .await);
        }
        sqlx::query(
            "DELETE FROM wellbeing_identifier WHERE person_id = $1 AND observation_id = $2",
        )
        .bind(person)
        .bind(id.get())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The form's reading at the clock's now, or every problem of it.
    fn parse_reading(&self, measure: Measure, form: &ReadingForm) -> Result<Reading, ArchiveError> {
        let now = self.archive.clock.now();
        form.parse(measure, now, finnish_local(now).date(), finnish_offset)
            .map_err(ArchiveError::InvalidFields)
    }
}

async fn one(tx: &mut Tx, person: i64, id: MeasurementId) -> Result<Option<Row>, ArchiveError> {
    Ok(
        sqlx::query_as(&format!("{COLUMNS} WHERE person_id = $1 AND id = $2"))
            .bind(person)
            .bind(id.get())
            .fetch_optional(&mut **tx)
            .await?,
    )
}

/// The person's measurements taken from `from_ms` on (every one when `None`) and
/// written by `until_ms`, newest first: what a care organisation's query reads.
pub(crate) async fn measurements_until(
    tx: &mut Tx,
    person: i64,
    from_ms: Option<i64>,
    until_ms: i64,
) -> Result<Vec<Measurement>, ArchiveError> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "{COLUMNS} WHERE person_id = $1 AND effective_ms >= $2 AND updated_ms <= $3 \
         ORDER BY effective_ms DESC, id DESC"
    ))
    .bind(person)
    .bind(from_ms.unwrap_or(i64::MIN))
    .bind(until_ms)
    .fetch_all(&mut **tx)
    .await?;
    rows.into_iter().map(Measurement::try_from).collect()
}

async fn by_identifier(
    tx: &mut Tx,
    person: i64,
    identifier: &str,
) -> Result<Option<MeasurementId>, ArchiveError> {
    let id: Option<i64> = sqlx::query_scalar(
        "SELECT observation_id FROM wellbeing_identifier WHERE person_id = $1 AND identifier = $2 \
         ORDER BY observation_id LIMIT 1",
    )
    .bind(person)
    .bind(format!("{URI_SYSTEM}|{identifier}"))
    .fetch_optional(&mut **tx)
    .await?;
    Ok(id.map(MeasurementId::from_raw))
}
