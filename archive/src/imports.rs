//! Patient summaries written outside Kanta, kept as the person's data so that they show
//! in the service beside Kanta's own, marked with where they came from. The operator's
//! tool (`omakanta import-fhir`) reads an HL7 IPS document (`phr::ips::read`, which knows
//! FHIR; this module does not) into a [`ForeignSummary`] and hands it here.
//!
//! One summary is one transaction: the person (added when the archive has no one with
//! the identity code, from the summary's name and birth date), the organisation it
//! came from (sector `imported`, never one of the registers denials name), a service
//! event under which each entry is a document of its kind (allergies as risk
//! information, problems as diagnoses, procedures, immunisations as vaccinations),
//! each medicine recorded medication (setting `imported`, with its code's system), and
//! the audit event. A summary already imported (its identifier, per person) changes
//! nothing; a summary that names someone else (a birth date not the person's) is
//! refused and nothing of it is stored.

use time::{Date, PrimitiveDateTime, Time};

use crate::access::{unix_ms, Archive, Purpose};
use crate::audit::Action;
use crate::audit::ARCHIVE_ITSELF;
use crate::audit_writer::{write_audit, AuditEvent};
use crate::clock::{format_stamp, DAY};
use crate::db::new_row_id;
use crate::error::ArchiveError;
use crate::hetu::Hetu;
use crate::model::{Coding, Language, PersonId};
use crate::prescriptions::model::CareSetting;
use crate::records::model::{DocumentKind, ServiceEventKind};

/// The sector of an organisation whose summaries were imported: not a register of
/// Finnish health care, so no denial by register reaches or hides it by accident.
pub const IMPORTED_SECTOR: &str = "imported";

/// Which section of a summary an entry comes from, and so the kind of document it is
/// kept as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForeignSection {
    Allergies,
    Problems,
    Procedures,
    Immunizations,
}

impl ForeignSection {
    /// The kind of document an entry of this section is kept as.
    #[must_use]
    pub const fn kind(self) -> DocumentKind {
        match self {
            Self::Allergies => DocumentKind::RiskInformation,
            Self::Problems => DocumentKind::Diagnosis,
            Self::Procedures => DocumentKind::Procedure,
            Self::Immunizations => DocumentKind::Vaccination,
        }
    }
}

/// One coded entry: an allergy, a problem, a procedure or an immunisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignEntry {
    pub section: ForeignSection,
    pub coding: Coding,
    /// The day it is about (onset, performance, occurrence); `None`: the summary's day.
    pub day: Option<Date>,
}

/// A medicine in use, as the summary names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignMedicine {
    /// The product as written (the concept's text, else the coding's display).
    pub name: String,
    pub coding: Coding,
    /// The dosage's text, as written (may be empty).
    pub dosage: String,
}

/// A patient summary from elsewhere, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignSummary {
    /// Whom it is about in the archive.
    pub person: Hetu,
    pub given_name: String,
    pub family_name: String,
    /// As the summary states it: it must be the person's.
    pub birth_date: Date,
    /// The summary's own identifier (`system|value`): imported again, it is kept once.
    pub identifier: String,
    /// Where it came from: its author's or custodian's name.
    pub source: String,
    /// Its title, as written (the service event's title).
    pub title: String,
    /// When it was written (its date, Finnish time).
    pub written_at: PrimitiveDateTime,
    /// The language its texts are written in.
    pub language: Language,
    pub entries: Vec<ForeignEntry>,
    pub medicines: Vec<ForeignMedicine>,
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportOutcome {
    /// Whose data it is now.
    pub person: PersonId,
    /// Whether the archive had no one with the identity code and added them.
    pub person_added: bool,
    /// Whether this summary was imported before (then nothing changed, and the
    /// counts are 0).
    pub already: bool,
    /// How many entries were kept as documents, and how many medicines.
    pub documents: usize,
    pub medicines: usize,
}

impl Archive {
    /// Keeps `summary` as its person's data, all of it or nothing.
    ///
    /// # Errors
    /// `Invalid { field: "birth-date", code: "not-the-person" }` when the summary's
    /// birth date is not the one the identity code (or the archive) says: it is about
    /// someone else; `Storage` when the database fails. Nothing is stored on an error.
    pub async fn import_summary(
        &self,
        summary: &ForeignSummary,
    ) -> Result<ImportOutcome, ArchiveError> {
        if summary.birth_date != summary.person.birth_date() {
            return Err(not_the_person());
        }
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        let known: Option<(i64, String)> =
            sqlx::query_as("SELECT id, birth_date FROM person WHERE hetu = $1")
                .bind(summary.person.as_str())
                .fetch_optional(&mut *tx)
                .await?;
        let (person, person_added) = match known {
            Some((id, birth_date)) => {
                if birth_date != day_text(summary.birth_date) {
                    return Err(not_the_person());
                }
                (id, false)
            }
            None => {
                let id = new_row_id();
                sqlx::query(
                    "INSERT INTO person (id, hetu, given_name, family_name, birth_date, language) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(id)
                .bind(summary.person.as_str())
                .bind(&summary.given_name)
                .bind(&summary.family_name)
                .bind(day_text(summary.birth_date))
                .bind(summary.language.code())
                .execute(&mut *tx)
                .await?;
                (id, true)
            }
        };
        let seen: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM imported_summary WHERE person_id = $1 AND identifier = $2",
        )
        .bind(person)
        .bind(&summary.identifier)
        .fetch_optional(&mut *tx)
        .await?;
        if seen.is_some() {
            return Ok(ImportOutcome {
                person: PersonId::from_raw(person),
                person_added: false,
                already: true,
                documents: 0,
                medicines: 0,
            });
        }
        let (organisation, unit) = source_organisation(&mut tx, &summary.source).await?;
        let event = new_row_id();
        let written = format_stamp(summary.written_at);
        sqlx::query(
            "INSERT INTO service_event (person_id, id, organisation_id, kind, title, started_at, language) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(person)
        .bind(event)
        .bind(organisation)
        .bind(ServiceEventKind::Visit.code())
        .bind(&summary.title)
        .bind(&written)
        .bind(summary.language.code())
        .execute(&mut *tx)
        .await?;
        for entry in &summary.entries {
            let at = entry.day.map_or(written.clone(), |d| {
                format_stamp(d.with_time(Time::MIDNIGHT))
            });
            sqlx::query(
                "INSERT INTO document (person_id, id, service_event_id, kind, recorded_at, organisation_id, unit_id, \
                 title, code_system, code, code_display, language) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            )
            .bind(person)
            .bind(new_row_id())
            .bind(event)
            .bind(entry.section.kind().code())
            .bind(at)
            .bind(organisation)
            .bind(unit)
            .bind(title_of(&entry.coding))
            .bind(&entry.coding.system)
            .bind(&entry.coding.code)
            .bind(&entry.coding.display)
            .bind(summary.language.code())
            .execute(&mut *tx)
            .await?;
        }
        for medicine in &summary.medicines {
            sqlx::query(
                "INSERT INTO recorded_medication (person_id, id, product, strength, form, atc, code_system, dose, \
                 language, setting, organisation_id, started_on) \
                 VALUES ($1, $2, $3, '', '', $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(person)
            .bind(new_row_id())
            .bind(&medicine.name)
            .bind(&medicine.coding.code)
            .bind(&medicine.coding.system)
            .bind(&medicine.dosage)
            .bind(summary.language.code())
            .bind(CareSetting::Imported.code())
            .bind(organisation)
            .bind(day_text(summary.written_at.date()))
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "INSERT INTO imported_summary (person_id, id, identifier, organisation_id, service_event_id, imported_ms) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(person)
        .bind(new_row_id())
        .bind(&summary.identifier)
        .bind(organisation)
        .bind(event)
        .bind(unix_ms(now))
        .execute(&mut *tx)
        .await?;
        write_audit(
            &mut tx,
            AuditEvent {
                subject: PersonId::from_raw(person),
                actor: ARCHIVE_ITSELF,
                right: "import",
                action: Action::ImportSummary,
                object: Some(event),
                detail: None,
                purpose: Purpose::CitizenService,
                outcome: "ok",
                at: now,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(ImportOutcome {
            person: PersonId::from_raw(person),
            person_added,
            already: false,
            documents: summary.entries.len(),
            medicines: summary.medicines.len(),
        })
    }
}

const fn not_the_person() -> ArchiveError {
    ArchiveError::Invalid {
        field: "birth-date",
        code: "not-the-person",
    }
}

fn day_text(day: Date) -> String {
    day.format(DAY).unwrap_or_default()
}

/// A document's title: the coding's display, else its code.
fn title_of(coding: &Coding) -> &str {
    if coding.display.trim().is_empty() {
        &coding.code
    } else {
        &coding.display
    }
}

/// The organisation a summary came from, and its one care unit: found by name among
/// the imported ones, or added.
async fn source_organisation(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    name: &str,
) -> Result<(i64, i64), ArchiveError> {
    let oid = format!("urn:omakanta:imported:{name}");
    let found: Option<(i64, i64)> = sqlx::query_as(
        "SELECT o.id, u.id FROM organisation o JOIN care_unit u ON u.organisation_id = o.id \
         WHERE o.oid = $1 ORDER BY u.id LIMIT 1",
    )
    .bind(&oid)
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(ids) = found {
        return Ok(ids);
    }
    let (organisation, unit) = (new_row_id(), new_row_id());
    sqlx::query("INSERT INTO organisation (id, oid, name, sector) VALUES ($1, $2, $3, $4)")
        .bind(organisation)
        .bind(&oid)
        .bind(name)
        .bind(IMPORTED_SECTOR)
        .execute(&mut **tx)
        .await?;
    sqlx::query("INSERT INTO care_unit (id, organisation_id, name) VALUES ($1, $2, $3)")
        .bind(unit)
        .bind(organisation)
        .bind(name)
        .execute(&mut **tx)
        .await?;
    Ok((organisation, unit))
}
