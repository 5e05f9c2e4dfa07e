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
//! What was asked for is read once with the rule's verdict on each row; what it
//! discloses is both the answer and the list kept beside the event
//! (`audit_event_object`), so the two cannot differ. (Written first and read back by
//! a join, the list was planned by PostgreSQL without statistics within the demo's one
//! transaction: 0.7 s a query.)

use time::format_description::well_known::Iso8601;
use time::{Date, OffsetDateTime};

use super::model::{
    Asked, Declarations, DisclosedDocument, DisclosedPrescription, ProviderAnswer, ProviderQuery,
    QueryRole,
};
use crate::access::{Archive, Purpose};
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
        let mut tx = self.db.begin().await?;
        let answer = answer(
            &mut tx,
            PersonId::from_raw(person),
            query,
            &sector,
            self.clock.now(),
        )
        .await;
        // An answer and a refusal are both recorded; a failure leaves nothing.
        if matches!(answer, Ok(_) | Err(ArchiveError::Blocked(_))) {
            tx.commit().await?;
        }
        answer
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

/// Answers `query` about `person` as at `at`, in `tx`: its event written, and what it
/// disclosed listed beside it. A role that may not ask is refused, its event written
/// with that outcome. Only what existed at `at` is asked for, under the denials in
/// force then (`since_ms`): now for a live query, a moment of the past for the demo's
/// replay of years of queries.
pub(crate) async fn answer(
    tx: &mut Tx,
    person: PersonId,
    query: &ProviderQuery,
    asker_sector: &str,
    at: OffsetDateTime,
) -> Result<ProviderAnswer, ArchiveError> {
    let (at_ms, id) = ProviderEvent::new_key(at);
    let mut event = ProviderEvent {
        subject: person,
        at_ms,
        id,
        organisation: query.organisation,
        unit: query.unit,
        role: query.role,
        action: query.asked.action(),
        purpose: Purpose::Provider(query.purpose),
        detail: None,
        outcome: "ok",
    };
    if !query.asked.allowed(query.role, query.purpose) {
        event.outcome = ROLE_NOT_ALLOWED;
        write_provider_event(tx, &event).await?;
        return Err(ArchiveError::Blocked(ROLE_NOT_ALLOWED));
    }
    let stamp = crate::clock::format_stamp(crate::clock::finnish_local(at));
    let mut answer = ProviderAnswer::default();
    match query.asked {
        Asked::Documents => {
            let candidates = documents_asked(tx, &event, asker_sector, query.from, &stamp).await?;
            answer.withheld = withheld(&candidates);
            answer.documents = disclose(tx, &event, "document", candidates, |d| d.id.get()).await?;
        }
        Asked::Prescriptions => {
            let candidates = prescriptions_asked(tx, &event, &stamp).await?;
            answer.withheld = withheld(&candidates);
            answer.prescriptions =
                disclose(tx, &event, "prescription", candidates, |p| p.id.get()).await?;
        }
        Asked::Declarations => {
            answer.declarations = Some(declarations(tx, person.get()).await?);
        }
        Asked::Wellbeing => {
            let candidates = measurements_asked(tx, &event, query.from).await?;
            answer.withheld = withheld(&candidates);
            answer.measurements =
                disclose(tx, &event, "measurement", candidates, |m| m.id.get()).await?;
        }
    }
    event.detail = detail(query, answer.withheld);
    write_provider_event(tx, &event).await?;
    Ok(answer)
}

/// The event's detail: the day the documents were asked from, and how many asked for
/// the denials held back, when any.
fn detail(query: &ProviderQuery, withheld: u32) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(from) = query
        .from
        .filter(|_| matches!(query.asked, Asked::Documents | Asked::Wellbeing))
    {
        parts.push(format!("from={from}"));
    }
    if withheld > 0 {
        parts.push(format!("withheld={withheld}"));
    }
    (!parts.is_empty()).then(|| parts.join(";"))
}

/// `consent_in_force` holds a choice of `kind` for the person of rows aliased
/// `alias`, about the id or code `target` (an SQL expression), made by the event's time.
fn push_denied(sql: &mut Sql, event: &ProviderEvent, alias: &str, kind: ChoiceKind, target: &str) {
    sql.push(&format!(
        "EXISTS (SELECT 1 FROM consent_in_force c WHERE c.person_id = {alias}.person_id \
         AND c.kind = "
    ))
    .bind(kind.code())
    .push(&format!(" AND c.target = {target} AND c.since_ms <= "))
    .bind(event.at_ms)
    .push(")");
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
        event,
        "d",
        ChoiceKind::DenyServiceEvent,
        "CAST(d.service_event_id AS TEXT)",
    );
    sql.push(" OR ");
    push_denied(
        sql,
        event,
        "d",
        ChoiceKind::DenyOrganisation,
        "CAST(d.organisation_id AS TEXT)",
    );
    sql.push(" OR (o.sector <> ")
        .bind(asker_sector)
        .push(" AND ");
    push_denied(sql, event, "d", ChoiceKind::DenyRegister, "o.sector");
    sql.push(")))");
}

/// The rule for a prescription `p`: the asker's own, not denied, or (to a physician)
/// a narcotic or a drug acting on the central nervous system.
fn disclosed_prescription(sql: &mut Sql, event: &ProviderEvent) {
    sql.push("(p.organisation_id = ")
        .bind(event.organisation.get())
        .push(" OR NOT ");
    push_denied(
        sql,
        event,
        "p",
        ChoiceKind::DenyPrescription,
        "CAST(p.id AS TEXT)",
    );
    if event.role == QueryRole::Physician {
        sql.push(" OR p.narcotic = 1 OR p.cns = 1");
    }
    sql.push(")");
}

/// What was asked for, each with whether the rule discloses it.
type Candidates<T> = Vec<(T, bool)>;

fn withheld<T>(candidates: &Candidates<T>) -> u32 {
    u32::try_from(candidates.iter().filter(|(_, shown)| !shown).count()).unwrap_or(u32::MAX)
}

/// How many objects one INSERT lists at most (five values each): few enough that
/// SQLite's binding of numbered values (the square of their count) stays cheap.
const OBJECTS_PER_INSERT: usize = 64;

/// Lists what the rule disclosed beside the event (`audit_event_object`), and
/// returns it: what is answered and what the log holds are the same rows.
async fn disclose<T>(
    tx: &mut Tx,
    event: &ProviderEvent,
    kind: &str,
    candidates: Candidates<T>,
    id_of: impl Fn(&T) -> i64,
) -> Result<Vec<T>, ArchiveError> {
    let disclosed: Vec<T> = candidates
        .into_iter()
        .filter_map(|(item, shown)| shown.then_some(item))
        .collect();
    for chunk in disclosed.chunks(OBJECTS_PER_INSERT) {
        let mut sql = Sql::new(
            "INSERT INTO audit_event_object (subject_id, at_ms, event_id, object_kind, object_id) \
             VALUES ",
        );
        for (i, item) in chunk.iter().enumerate() {
            sql.push(if i == 0 { "(" } else { ", (" })
                .bind(event.subject.get())
                .push(", ")
                .bind(event.at_ms)
                .push(", ")
                .bind(event.id)
                .push(", ")
                .bind(kind)
                .push(", ")
                .bind(id_of(item))
                .push(")");
        }
        sql.query().execute(&mut **tx).await?;
    }
    Ok(disclosed)
}

/// The measurements asked for (written by the event's time, taken from the day
/// asked), each disclosed only when the person allowed the asking organisation to read
/// them at that time.
async fn measurements_asked(
    tx: &mut Tx,
    event: &ProviderEvent,
    from: Option<Date>,
) -> Result<Candidates<crate::wellbeing::model::Measurement>, ArchiveError> {
    let (shared,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM wellbeing_share WHERE person_id = $1 \
         AND recipient_kind = 'organisation' AND recipient_id = $2 AND since_ms <= $3",
    )
    .bind(event.subject.get())
    .bind(event.organisation.get())
    .bind(event.at_ms)
    .fetch_one(&mut **tx)
    .await?;
    let from_ms =
        from.map(|day| crate::access::unix_ms(crate::clock::from_finnish(day.midnight())));
    let measurements =
        crate::wellbeing::store::measurements_until(tx, event.subject.get(), from_ms, event.at_ms)
            .await?;
    Ok(measurements.into_iter().map(|m| (m, shared > 0)).collect())
}

/// The documents asked for (recorded by the event's time, from the day asked),
/// newest first, each with whether the rule discloses it.
async fn documents_asked(
    tx: &mut Tx,
    event: &ProviderEvent,
    asker_sector: &str,
    from: Option<Date>,
    until: &str,
) -> Result<Candidates<DisclosedDocument>, ArchiveError> {
    let mut sql =
        Sql::new("SELECT d.id, d.kind, d.title, d.recorded_at, o.name, u.name, CASE WHEN ");
    disclosed_document(&mut sql, event, asker_sector);
    sql.push(
        " THEN 1 ELSE 0 END FROM document d JOIN organisation o ON o.id = d.organisation_id \
         JOIN care_unit u ON u.id = d.unit_id WHERE d.person_id = ",
    )
    .bind(event.subject.get())
    .push(" AND d.recorded_at <= ")
    .bind(until);
    if let Some(from) = from {
        let from = from
            .format(&Iso8601::DATE)
            .map_err(|_| ArchiveError::Corrupt("date"))?;
        sql.push(" AND d.recorded_at >= ").bind(from);
    }
    sql.push(" ORDER BY d.recorded_at DESC, d.id DESC");
    let rows: Vec<DocumentRow> = sql.query_as().fetch_all(&mut **tx).await?;
    rows.into_iter()
        .map(|row| {
            Ok((
                document(row.0, row.1, row.2, &row.3, row.4, row.5)?,
                row.6 != 0,
            ))
        })
        .collect()
}

/// The prescriptions asked for (not cancelled, written by the event's time), newest
/// first, each with whether the rule discloses it.
async fn prescriptions_asked(
    tx: &mut Tx,
    event: &ProviderEvent,
    until: &str,
) -> Result<Candidates<DisclosedPrescription>, ArchiveError> {
    let day = until.get(..10).unwrap_or(until);
    let mut sql = Sql::new(&format!("SELECT {PRESCRIPTION_COLUMNS}, CASE WHEN "));
    disclosed_prescription(&mut sql, event);
    sql.push(
        " THEN 1 ELSE 0 END FROM prescription p JOIN organisation o ON o.id = p.organisation_id \
         WHERE p.person_id = ",
    )
    .bind(event.subject.get())
    .push(" AND p.cancelled = 0 AND p.issued_on <= ")
    .bind(day)
    .push(" ORDER BY p.issued_on DESC, p.id DESC");
    let rows: Vec<PrescriptionRowShown> = sql.query_as().fetch_all(&mut **tx).await?;
    rows.into_iter()
        .map(|r| {
            let shown = r.8 != 0;
            Ok((
                prescription((r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7))?,
                shown,
            ))
        })
        .collect()
}

type DocumentRow = (i64, String, String, String, String, String, i64);
type PrescriptionRow = (i64, String, String, String, String, String, i64, i64);
type PrescriptionRowShown = (i64, String, String, String, String, String, i64, i64, i64);

/// A disclosed prescription's columns, of `p` and its organisation `o`.
const PRESCRIPTION_COLUMNS: &str =
    "p.id, p.product, p.strength, p.dosage, p.issued_on, o.name, p.narcotic, p.cns";

fn document(
    id: i64,
    kind: String,
    title: String,
    recorded_at: &str,
    organisation: String,
    unit: String,
) -> Result<DisclosedDocument, ArchiveError> {
    Ok(DisclosedDocument {
        id: DocumentId::from_raw(id),
        kind: DocumentKind::from_code(&kind).ok_or(ArchiveError::Corrupt("document kind"))?,
        title,
        recorded_at: crate::clock::parse_stamp(recorded_at)?,
        organisation,
        unit,
    })
}

fn prescription(
    (id, product, strength, dosage, issued_on, organisation, narcotic, cns): PrescriptionRow,
) -> Result<DisclosedPrescription, ArchiveError> {
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
}

/// An event on a person's trail: (subject, time, id).
pub(crate) type EventKey = (i64, i64, i64);

/// The objects of `kind` an event disclosed: `alias`'s rows joined to its list.
fn objects_of(sql: &mut Sql, (subject, at_ms, id): EventKey, kind: &str, alias: &str) {
    sql.push(&format!(
        " JOIN audit_event_object x ON x.subject_id = {alias}.person_id AND x.object_id = {alias}.id \
         WHERE x.subject_id = "
    ))
    .bind(subject)
    .push(" AND x.at_ms = ")
    .bind(at_ms)
    .push(" AND x.event_id = ")
    .bind(id)
    .push(" AND x.object_kind = ")
    .bind(kind);
}

/// The documents an event disclosed, newest first (the disclosure log's entry).
pub(crate) async fn disclosed_documents(
    tx: &mut sqlx::AnyConnection,
    event: EventKey,
) -> Result<Vec<DisclosedDocument>, ArchiveError> {
    let mut sql = Sql::new(
        "SELECT d.id, d.kind, d.title, d.recorded_at, o.name, u.name FROM document d \
         JOIN organisation o ON o.id = d.organisation_id JOIN care_unit u ON u.id = d.unit_id",
    );
    objects_of(&mut sql, event, "document", "d");
    sql.push(" ORDER BY d.recorded_at DESC, d.id DESC");
    let rows: Vec<(i64, String, String, String, String, String)> =
        sql.query_as().fetch_all(&mut *tx).await?;
    rows.into_iter()
        .map(|(id, kind, title, at, organisation, unit)| {
            document(id, kind, title, &at, organisation, unit)
        })
        .collect()
}

/// The prescriptions an event disclosed, newest first (the disclosure log's entry).
pub(crate) async fn disclosed_prescriptions(
    tx: &mut sqlx::AnyConnection,
    event: EventKey,
) -> Result<Vec<DisclosedPrescription>, ArchiveError> {
    let mut sql = Sql::new(&format!(
        "SELECT {PRESCRIPTION_COLUMNS} FROM prescription p \
         JOIN organisation o ON o.id = p.organisation_id"
    ));
    objects_of(&mut sql, event, "prescription", "p");
    sql.push(" ORDER BY p.issued_on DESC, p.id DESC");
    let rows: Vec<PrescriptionRow> = sql.query_as().fetch_all(&mut *tx).await?;
    rows.into_iter().map(prescription).collect()
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
