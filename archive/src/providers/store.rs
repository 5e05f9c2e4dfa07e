//! A care organisation's query, answered as far as the person's denials let it, in
//! one transaction with its audit event and the list of what it disclosed.
//!
//! The rules, in one place each ([`disclosed_document`], [`disclosed_prescription`]):
//! - what the asking organisation wrote itself, it always gets;
//! - a document of another organisation is held back when its service event, its
//!   organisation, or (for an asker of another register) its register is denied;
//! - a prescription of another organisation is held back when it is denied, except
//!   from a physician when it is a narcotic or acts on the central nervous system;
//! - the declarations (the consent, the living will, the organ donation testament)
//!   are never held back;
//! - the person always sees everything in OmaKanta (no denial is read there).
//!
//! What is disclosed is written first (`INSERT … SELECT` into `audit_event_object`,
//! under the rule) and then read back from that list, so the answer and the log of
//! it cannot differ.

use time::format_description::well_known::Iso8601;
use time::Date;

use super::model::{
    Asked, Declarations, DisclosedDocument, DisclosedPrescription, ProviderAnswer, ProviderQuery,
    QueryRole,
};
use crate::access::{Archive, Purpose};
use crate::audit::Action;
use crate::audit_writer::{write_provider_event, ProviderEvent};
use crate::consents::model::ChoiceKind;
use crate::db::Sql;
use crate::error::ArchiveError;
use crate::hetu::Hetu;
use crate::model::{DocumentId, DocumentKind, PersonId, PrescriptionId};

type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// Why a query is refused before anything is read, as its event's outcome.
const ROLE_NOT_ALLOWED: &str = "role-not-allowed";

impl Archive {
    /// `query`'s organisation asks for the data of the person `hetu` names: answered
    /// under the person's denials (the module's rules), the query and what it
    /// disclosed written to the person's trail in the same transaction, with the
    /// organisation, unit and role as its actor.
    ///
    /// # Errors
    /// `NotFound` when no such person, organisation, or unit of it exists (nothing is
    /// recorded: there is no one's trail to record it on, or no actor);
    /// `Blocked("role-not-allowed")` when the role may not ask for that for that
    /// purpose ([`Asked::allowed`]), recorded on the person's trail; `Storage` when
    /// the database fails.
    pub async fn provider_query(
        &self,
        hetu: &Hetu,
        query: &ProviderQuery,
    ) -> Result<ProviderAnswer, ArchiveError> {
        let sector = self.asker_sector(query).await?;
        let (person,): (i64,) = sqlx::query_as("SELECT id FROM person WHERE hetu = $1")
            .bind(hetu.as_str())
            .fetch_one(self.db.pool())
            .await?;
        let (at_ms, id) = ProviderEvent::key(self.clock.now());
        let mut event = ProviderEvent {
            subject: PersonId::from_raw(person),
            at_ms,
            id,
            organisation: query.organisation,
            unit: query.unit,
            role: query.role,
            action: match query.asked {
                Asked::Documents => Action::ProviderDocuments,
                Asked::Prescriptions => Action::ProviderPrescriptions,
                Asked::Declarations => Action::ProviderDeclarations,
            },
            purpose: Purpose::Provider(query.purpose),
            detail: None,
            outcome: "ok",
        };
        let mut tx = self.db.begin().await?;
        if !query.asked.allowed(query.role, query.purpose) {
            event.outcome = ROLE_NOT_ALLOWED;
            write_provider_event(&mut tx, &event).await?;
            tx.commit().await?;
            return Err(ArchiveError::Blocked(ROLE_NOT_ALLOWED));
        }
        let mut answer = ProviderAnswer::default();
        match query.asked {
            Asked::Documents => {
                let (disclosed, asked) =
                    disclose_documents(&mut tx, &event, &sector, query.from).await?;
                answer.withheld = asked.saturating_sub(disclosed);
                answer.documents = disclosed_documents(&mut tx, &event).await?;
            }
            Asked::Prescriptions => {
                let (disclosed, asked) = disclose_prescriptions(&mut tx, &event).await?;
                answer.withheld = asked.saturating_sub(disclosed);
                answer.prescriptions = disclosed_prescriptions(&mut tx, &event).await?;
            }
            Asked::Declarations => {
                answer.declarations = Some(declarations(&mut tx, person).await?);
            }
        }
        event.detail = detail(query, answer.withheld);
        write_provider_event(&mut tx, &event).await?;
        tx.commit().await?;
        Ok(answer)
    }

    /// The asking organisation's sector (its register), after checking that it and
    /// its unit exist.
    async fn asker_sector(&self, query: &ProviderQuery) -> Result<String, ArchiveError> {
        let (sector,): (String,) = sqlx::query_as("SELECT sector FROM organisation WHERE id = $1")
            .bind(query.organisation.get())
            .fetch_one(self.db.pool())
            .await?;
        if let Some(unit) = query.unit {
            let (units,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM care_unit WHERE id = $1 AND organisation_id = $2",
            )
            .bind(unit.get())
            .bind(query.organisation.get())
            .fetch_one(self.db.pool())
            .await?;
            if units == 0 {
                return Err(ArchiveError::NotFound);
            }
        }
        Ok(sector)
    }
}

/// The event's detail: the day the documents were asked from, and how many asked for
/// the denials held back, when any.
fn detail(query: &ProviderQuery, withheld: u32) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(from) = query.from.filter(|_| query.asked == Asked::Documents) {
        parts.push(format!("from={from}"));
    }
    if withheld > 0 {
        parts.push(format!("withheld={withheld}"));
    }
    (!parts.is_empty()).then(|| parts.join(";"))
}

/// `consent_in_force` holds a choice of `kind` for the person of rows aliased
/// `alias`, about the id or code `target` (an SQL expression).
fn push_denied(sql: &mut Sql, alias: &str, kind: ChoiceKind, target: &str) {
    sql.push(&format!(
        "EXISTS (SELECT 1 FROM consent_in_force c WHERE c.person_id = {alias}.person_id \
         AND c.kind = "
    ))
    .bind(kind.code())
    .push(&format!(" AND c.target = {target})"));
}

/// The rule for a document `d` (of organisation `o`): the asker's own, or denied
/// neither by its service event, nor by its organisation, nor (to an asker of
/// another register, `asker_sector`) by its register.
fn disclosed_document(sql: &mut Sql, event: &ProviderEvent, asker_sector: &str) {
    sql.push("(d.organisation_id = ")
        .bind(event.organisation.get())
        .push(" OR NOT (");
    push_denied(
        sql,
        "d",
        ChoiceKind::DenyServiceEvent,
        "CAST(d.service_event_id AS TEXT)",
    );
    sql.push(" OR ");
    push_denied(
        sql,
        "d",
        ChoiceKind::DenyOrganisation,
        "CAST(d.organisation_id AS TEXT)",
    );
    sql.push(" OR (o.sector <> ")
        .bind(asker_sector)
        .push(" AND ");
    push_denied(sql, "d", ChoiceKind::DenyRegister, "o.sector");
    sql.push(")))");
}

/// The rule for a prescription `p`: the asker's own, not denied, or (to a physician)
/// a narcotic or a drug acting on the central nervous system.
fn disclosed_prescription(sql: &mut Sql, event: &ProviderEvent) {
    sql.push("(p.organisation_id = ")
        .bind(event.organisation.get())
        .push(" OR NOT ");
    push_denied(sql, "p", ChoiceKind::DenyPrescription, "CAST(p.id AS TEXT)");
    if event.role == QueryRole::Physician {
        sql.push(" OR p.narcotic = 1 OR p.cns = 1");
    }
    sql.push(")");
}

/// Lists the documents the rule discloses under the event; returns how many it
/// disclosed and how many were asked for.
async fn disclose_documents(
    tx: &mut Tx,
    event: &ProviderEvent,
    asker_sector: &str,
    from: Option<Date>,
) -> Result<(u32, u32), ArchiveError> {
    let from = from
        .map(|d| d.format(&Iso8601::DATE))
        .transpose()
        .map_err(|_| ArchiveError::Corrupt("date"))?;
    let asked_for = |sql: &mut Sql| {
        sql.push(
            " FROM document d JOIN organisation o ON o.id = d.organisation_id WHERE d.person_id = ",
        )
        .bind(event.subject.get());
        if let Some(from) = &from {
            sql.push(" AND d.recorded_at >= ").bind(from.as_str());
        }
    };
    let mut insert = Sql::new(
        "INSERT INTO audit_event_object (subject_id, at_ms, event_id, object_kind, object_id) \
         SELECT d.person_id, ",
    );
    insert
        .bind(event.at_ms)
        .push(", ")
        .bind(event.id)
        .push(", 'document', d.id");
    asked_for(&mut insert);
    insert.push(" AND ");
    disclosed_document(&mut insert, event, asker_sector);
    let disclosed = insert.query().execute(&mut **tx).await?.rows_affected();
    let mut count = Sql::new("SELECT COUNT(*)");
    asked_for(&mut count);
    let (asked,): (i64,) = count.query_as().fetch_one(&mut **tx).await?;
    Ok((
        u32::try_from(disclosed).unwrap_or(u32::MAX),
        u32::try_from(asked).unwrap_or(u32::MAX),
    ))
}

/// Lists the prescriptions (not cancelled) the rule discloses under the event;
/// returns how many it disclosed and how many were asked for.
async fn disclose_prescriptions(
    tx: &mut Tx,
    event: &ProviderEvent,
) -> Result<(u32, u32), ArchiveError> {
    let mut insert = Sql::new(
        "INSERT INTO audit_event_object (subject_id, at_ms, event_id, object_kind, object_id) \
         SELECT p.person_id, ",
    );
    insert
        .bind(event.at_ms)
        .push(", ")
        .bind(event.id)
        .push(", 'prescription', p.id FROM prescription p WHERE p.person_id = ")
        .bind(event.subject.get())
        .push(" AND p.cancelled = 0 AND ");
    disclosed_prescription(&mut insert, event);
    let disclosed = insert.query().execute(&mut **tx).await?.rows_affected();
    let (asked,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM prescription WHERE person_id = $1 AND cancelled = 0")
            .bind(event.subject.get())
            .fetch_one(&mut **tx)
            .await?;
    Ok((
        u32::try_from(disclosed).unwrap_or(u32::MAX),
        u32::try_from(asked).unwrap_or(u32::MAX),
    ))
}

/// The objects of `kind` an event disclosed: `alias`'s rows joined to its list.
fn objects_of(sql: &mut Sql, event: &ProviderEvent, kind: &str, alias: &str) {
    sql.push(&format!(
        " JOIN audit_event_object x ON x.subject_id = {alias}.person_id AND x.object_id = {alias}.id \
         WHERE x.subject_id = "
    ))
    .bind(event.subject.get())
    .push(" AND x.at_ms = ")
    .bind(event.at_ms)
    .push(" AND x.event_id = ")
    .bind(event.id)
    .push(" AND x.object_kind = ")
    .bind(kind);
}

/// The documents the event disclosed, newest first.
async fn disclosed_documents(
    tx: &mut Tx,
    event: &ProviderEvent,
) -> Result<Vec<DisclosedDocument>, ArchiveError> {
    let mut sql = Sql::new(
        "SELECT d.id, d.kind, d.title, d.recorded_at, o.name, u.name FROM document d \
         JOIN organisation o ON o.id = d.organisation_id JOIN care_unit u ON u.id = d.unit_id",
    );
    objects_of(&mut sql, event, "document", "d");
    sql.push(" ORDER BY d.recorded_at DESC, d.id DESC");
    let rows: Vec<(i64, String, String, String, String, String)> =
        sql.query_as().fetch_all(&mut **tx).await?;
    rows.into_iter()
        .map(|(id, kind, title, recorded_at, organisation, unit)| {
            Ok(DisclosedDocument {
                id: DocumentId::from_raw(id),
                kind: DocumentKind::from_code(&kind)
                    .ok_or(ArchiveError::Corrupt("document kind"))?,
                title,
                recorded_at: crate::clock::parse_stamp(&recorded_at)?,
                organisation,
                unit,
            })
        })
        .collect()
}

/// The prescriptions the event disclosed, newest first.
async fn disclosed_prescriptions(
    tx: &mut Tx,
    event: &ProviderEvent,
) -> Result<Vec<DisclosedPrescription>, ArchiveError> {
    let mut sql = Sql::new(
        "SELECT p.id, p.product, p.strength, p.dosage, p.issued_on, o.name, p.narcotic, p.cns \
         FROM prescription p JOIN organisation o ON o.id = p.organisation_id",
    );
    objects_of(&mut sql, event, "prescription", "p");
    sql.push(" ORDER BY p.issued_on DESC, p.id DESC");
    type Row = (i64, String, String, String, String, String, i64, i64);
    let rows: Vec<Row> = sql.query_as().fetch_all(&mut **tx).await?;
    rows.into_iter()
        .map(
            |(id, product, strength, dosage, issued_on, organisation, narcotic, cns)| {
                Ok(DisclosedPrescription {
                    id: PrescriptionId::from_raw(id),
                    product,
                    strength,
                    dosage,
                    issued_on: Date::parse(&issued_on, &Iso8601::DATE)
                        .map_err(|_| ArchiveError::Corrupt("date"))?,
                    organisation,
                    narcotic_or_cns: narcotic != 0 || cns != 0,
                })
            },
        )
        .collect()
}

/// The declarations in force, which no denial holds back.
async fn declarations(tx: &mut Tx, person: i64) -> Result<Declarations, ArchiveError> {
    let (consents,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM consent_in_force WHERE person_id = $1 AND kind = $2")
            .bind(person)
            .bind(ChoiceKind::DisclosureConsent.code())
            .fetch_one(&mut **tx)
            .await?;
    let living_will = crate::living_will::model::LivingWill::of_history(
        crate::living_will::store::versions(tx, person).await?,
    );
    let organ_donation = crate::organ_donation::model::OrganDonation::of_history(
        crate::organ_donation::store::versions(tx, person).await?,
    );
    Ok(Declarations {
        disclosure_consent: consents > 0,
        living_will: living_will.in_force().cloned(),
        organ_donation: organ_donation.in_force().cloned(),
    })
}

impl Archive {
    /// The organisation an OID names, as a provider's system names itself.
    ///
    /// # Errors
    /// `NotFound` for an OID no organisation has; `Storage` when the database fails.
    pub async fn organisation_by_oid(
        &self,
        oid: &str,
    ) -> Result<crate::model::OrganisationId, ArchiveError> {
        let (id,): (i64,) = sqlx::query_as("SELECT id FROM organisation WHERE oid = $1")
            .bind(oid)
            .fetch_one(self.db.pool())
            .await?;
        Ok(crate::model::OrganisationId::from_raw(id))
    }
}
