//! Abroad: the person's own (the registry's `Coverage::OWN_ONLY`). Each change writes
//! an event (`abroad_consent_event`, kept) and what is in force
//! (`abroad_consent_in_force`, one row a service) in one transaction with its audit
//! event; giving what is in force, or withdrawing what is not, changes nothing.

use time::Date;

use super::model::{
    countries_added, countries_on, Abroad, AbroadEvent, AbroadNews, CrossBorderService, NotAbroad,
    PatientSummary, ServiceConsent, SummaryPerson, DENIALS_NOT_READ, DENIALS_READ_FIELD,
};
use crate::access::{unix_ms, Access, Action};
use crate::clock::{finnish_at_ms, finnish_local};
use crate::db::Sql;
use crate::error::ArchiveError;
use crate::news::part::NewsPart;
use crate::prescriptions::renewal::valid_until;
use crate::records::model::DocumentKind;

type Tx = sqlx::Transaction<'static, sqlx::Any>;

#[derive(sqlx::FromRow)]
struct InForceRow {
    service: String,
    since_ms: i64,
}

#[derive(sqlx::FromRow)]
struct EventRow {
    service: String,
    given: i64,
    at_ms: i64,
}

#[derive(sqlx::FromRow)]
struct ControlledRow {
    product: String,
    strength: String,
    issued_on: String,
    validity_months: i64,
}

fn service_of(code: &str) -> Result<CrossBorderService, ArchiveError> {
    CrossBorderService::from_code(code).ok_or(ArchiveError::Corrupt("abroad service"))
}

/// The day a stored date or time begins with; `what` names the column if it cannot be
/// read.
fn day_of(text: &str, what: &'static str) -> Result<Date, ArchiveError> {
    text.get(..10)
        .and_then(|day| Date::parse(day, &time::format_description::well_known::Iso8601::DATE).ok())
        .ok_or(ArchiveError::Corrupt(what))
}

pub(crate) async fn read_abroad(
    tx: &mut Tx,
    person: i64,
    today: Date,
) -> Result<Abroad, ArchiveError> {
    let in_force = sqlx::query_as::<_, InForceRow>(
        "SELECT service, since_ms FROM abroad_consent_in_force WHERE person_id = $1",
    )
    .bind(person)
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .map(|r| Ok((service_of(&r.service)?, r.since_ms)))
    .collect::<Result<Vec<_>, ArchiveError>>()?;
    let services = CrossBorderService::ALL
        .iter()
        .map(|&service| ServiceConsent {
            service,
            since: in_force
                .iter()
                .find(|(s, _)| *s == service)
                .map(|(_, ms)| finnish_at_ms(*ms)),
            countries: countries_on(service, today),
        })
        .collect();
    let history = sqlx::query_as::<_, EventRow>(
        "SELECT service, given, at_ms FROM abroad_consent_event WHERE person_id = $1 \
         ORDER BY at_ms DESC, id DESC",
    )
    .bind(person)
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .map(|r| {
        Ok(AbroadEvent {
            service: service_of(&r.service)?,
            given: r.given != 0,
            at: finnish_at_ms(r.at_ms),
        })
    })
    .collect::<Result<Vec<_>, ArchiveError>>()?;
    // Denials of every kind; the consent to disclosure is not one.
    let (denials,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM consent_in_force WHERE person_id = $1 \
         AND kind <> 'disclosure-consent'",
    )
    .bind(person)
    .fetch_one(&mut **tx)
    .await?;
    // Narcotics and drugs acting on the central nervous system cannot be bought
    // abroad: those of the person's prescriptions still valid today.
    let mut not_abroad = Vec::new();
    for row in sqlx::query_as::<_, ControlledRow>(
        "SELECT product, strength, issued_on, validity_months FROM prescription \
         WHERE person_id = $1 AND cancelled = 0 AND (narcotic <> 0 OR cns <> 0) \
         ORDER BY product, strength",
    )
    .bind(person)
    .fetch_all(&mut **tx)
    .await?
    {
        let months = i32::try_from(row.validity_months)
            .map_err(|_| ArchiveError::Corrupt("prescription validity_months"))?;
        if valid_until(day_of(&row.issued_on, "prescription issued_on")?, months) >= today {
            not_abroad.push(NotAbroad {
                product: row.product,
                strength: row.strength,
            });
        }
    }
    not_abroad.dedup();
    Ok(Abroad {
        services,
        denials,
        not_abroad,
        history,
    })
}

/// Today, in Finland: the day the countries are read for.
fn today(access: &Access) -> Date {
    finnish_local(access.archive.clock.now()).date()
}

impl Access {
    /// The person's consents abroad, the countries where each service works today,
    /// their denials in force, what of their prescriptions cannot be bought abroad,
    /// and every change.
    ///
    /// # Errors
    /// `Refused` for anyone but the person; `Storage` when the database fails.
    pub async fn abroad(&self) -> Result<Abroad, ArchiveError> {
        let mut read = self.begin_read(Action::ReadAbroad, None, None).await?;
        let abroad = read_abroad(&mut read.tx, self.subject().get(), today(self)).await?;
        self.finish_read(read).await?;
        Ok(abroad)
    }

    /// Gives (`give`) or withdraws the consent to `service` abroad, at once. Giving
    /// the Patient Summary's needs `denials_read`: that the person was told, and
    /// said, that Finnish denials do not apply to it abroad. Giving what is in force,
    /// or withdrawing what is not, changes nothing (a double submit).
    ///
    /// # Errors
    /// `InvalidFields` ([`DENIALS_READ_FIELD`]) when the Patient Summary's consent is
    /// given without `denials_read`; `Refused` for anyone but the person; `Storage`
    /// when the database fails.
    pub async fn change_abroad_consent(
        &self,
        service: CrossBorderService,
        give: bool,
        denials_read: bool,
    ) -> Result<Abroad, ArchiveError> {
        let person = self.subject().get();
        let action = if give {
            Action::GiveAbroadConsent
        } else {
            Action::WithdrawAbroadConsent
        };
        let mut tx = self
            .begin_audited_with(action, None, Some(service.code().to_owned()))
            .await?;
        if give && service.ignores_denials() && !denials_read {
            // Nothing changes: the transaction, and its event, are given up.
            drop(tx);
            return Err(ArchiveError::InvalidFields(vec![(
                DENIALS_READ_FIELD,
                DENIALS_NOT_READ,
            )]));
        }
        let (in_force,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM abroad_consent_in_force WHERE person_id = $1 AND service = $2",
        )
        .bind(person)
        .bind(service.code())
        .fetch_one(&mut *tx)
        .await?;
        if (in_force > 0) != give {
            let now = unix_ms(self.archive.clock.now());
            sqlx::query(
                "INSERT INTO abroad_consent_event (person_id, at_ms, id, service, given, \
                 written_by) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(person)
            .bind(now)
            .bind(crate::db::new_row_id())
            .bind(service.code())
            .bind(i64::from(give))
            .bind(self.actor().get())
            .execute(&mut *tx)
            .await?;
            let change = if give {
                sqlx::query(
                    "INSERT INTO abroad_consent_in_force (person_id, service, since_ms) \
                     VALUES ($1, $2, $3)",
                )
                .bind(person)
                .bind(service.code())
                .bind(now)
            } else {
                sqlx::query(
                    "DELETE FROM abroad_consent_in_force WHERE person_id = $1 AND service = $2",
                )
                .bind(person)
                .bind(service.code())
            };
            change.execute(&mut *tx).await?;
        }
        let abroad = read_abroad(&mut tx, person, today(self)).await?;
        tx.commit().await?;
        Ok(abroad)
    }
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    given_name: String,
    family_name: String,
    birth_date: String,
    hetu: String,
}

impl Access {
    /// The person's Patient Summary: allergies and risks, problems, the medication in
    /// use, procedures, immunisations and the latest laboratory results, in one read
    /// and one audit event. Denials do not apply (the person sees all of their own);
    /// what a professional delayed is left out and listed as delayed.
    ///
    /// # Errors
    /// `Refused` for anyone but the person; `Storage` when the database fails.
    pub async fn patient_summary(&self) -> Result<PatientSummary, ArchiveError> {
        let mut read = self
            .begin_read_after_expiry(Action::ReadPatientSummary, None)
            .await?;
        let person = sqlx::query_as::<_, PersonRow>(
            "SELECT given_name, family_name, birth_date, hetu FROM person WHERE id = $1",
        )
        .bind(self.subject().get())
        .fetch_one(&mut *read.tx)
        .await?;
        let allergies = self
            .summary_entries(&mut read.tx, DocumentKind::RiskInformation)
            .await?;
        let problems = self
            .summary_entries(&mut read.tx, DocumentKind::Diagnosis)
            .await?;
        let procedures = self
            .summary_entries(&mut read.tx, DocumentKind::Procedure)
            .await?;
        let immunizations = self
            .summary_entries(&mut read.tx, DocumentKind::Vaccination)
            .await?;
        let medication = self
            .medication_in(&mut read.tx)
            .await?
            .groups
            .into_iter()
            .flat_map(|g| g.medicines)
            .collect();
        let results = self.latest_lab_results(&mut read.tx).await?;
        let delayed = self
            .delayed(
                &mut read,
                &[
                    DocumentKind::RiskInformation,
                    DocumentKind::Diagnosis,
                    DocumentKind::Procedure,
                    DocumentKind::Vaccination,
                    DocumentKind::LabResult,
                ],
            )
            .await?;
        self.finish_read(read).await?;
        Ok(PatientSummary {
            compiled_at: finnish_local(self.archive.clock.now()),
            person: SummaryPerson {
                given_name: person.given_name,
                family_name: person.family_name,
                birth_date: day_of(&person.birth_date, "person birth_date")?,
                hetu: person.hetu,
            },
            allergies,
            problems,
            medication,
            procedures,
            immunizations,
            results,
            delayed,
        })
    }
}

#[derive(sqlx::FromRow)]
struct NewsRow {
    abroad_consents: i64,
    abroad_new_countries: i64,
}

/// How many consents are in force, and how many countries a service began to work in
/// since the previous visit (from the dated list, bound into the statement as a
/// value, so the part is still one row of the one statement).
impl NewsPart for AbroadNews {
    fn push(access: &Access, sql: &mut Sql, since_ms: i64) {
        let added = countries_added(finnish_at_ms(since_ms).date(), today(access));
        sql.push("(SELECT COUNT(*) AS abroad_consents, CAST(")
            .bind(i64::try_from(added).unwrap_or(i64::MAX))
            .push(
                " AS BIGINT) AS abroad_new_countries FROM abroad_consent_in_force a \
                 WHERE a.person_id = ",
            )
            .bind(access.subject().get())
            .push(")");
    }

    fn of_row(row: &sqlx::any::AnyRow) -> Result<Self, ArchiveError> {
        let row = <NewsRow as sqlx::FromRow<_>>::from_row(row)?;
        Ok(Self {
            consents: row.abroad_consents,
            new_countries: row.abroad_new_countries,
        })
    }
}
