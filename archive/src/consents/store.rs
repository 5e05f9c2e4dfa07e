//! Consents and denials: the person's own (the registry's `Coverage::OWN_ONLY`). Each
//! change writes an event (`consent_event`, kept) and what is in force
//! (`consent_in_force`, one row a choice, which the providers' queries read) in one
//! transaction with its audit event; giving what is in force, or withdrawing what is
//! not, changes nothing.

use super::model::{
    About, Choice, ChoiceEvent, ChoicePreview, Consents, ConsentsNews, InForce, NoticeAcknowledged,
    NOTICE_VERSION,
};
use crate::access::{unix_ms, Access, Action};
use crate::db::Sql;
use crate::error::ArchiveError;
use crate::model::{OrganisationId, OrganisationRef};
use crate::news::part::NewsPart;

type Tx = sqlx::Transaction<'static, sqlx::Any>;

#[derive(sqlx::FromRow)]
struct EventRow {
    kind: String,
    target: String,
    given: i64,
    at_ms: i64,
}

#[derive(sqlx::FromRow)]
struct InForceRow {
    kind: String,
    target: String,
    since_ms: i64,
}

#[derive(sqlx::FromRow)]
struct NoticeRow {
    version: String,
    at_ms: i64,
}

#[derive(sqlx::FromRow)]
struct OrganisationRow {
    id: i64,
    name: String,
}

#[derive(sqlx::FromRow)]
struct NamedRow {
    id: i64,
    name: String,
    /// A clinical time or a day; its first ten characters are the day.
    day: String,
}

fn corrupt() -> ArchiveError {
    ArchiveError::Corrupt("consent choice")
}

/// That organisation `o` wrote for person `$1`: a document (the writer a denial of an
/// organisation holds back, which may not be its service event's), a service event or
/// a prescription; each by its index.
const WROTE_FOR: &str = "(EXISTS (SELECT 1 FROM document d WHERE d.person_id = $1 \
     AND d.organisation_id = o.id) \
     OR EXISTS (SELECT 1 FROM service_event s WHERE s.person_id = $1 AND s.organisation_id = o.id) \
     OR EXISTS (SELECT 1 FROM prescription p WHERE p.person_id = $1 AND p.organisation_id = o.id))";

/// The organisations that wrote the person's documents or prescriptions, by name.
pub(crate) async fn organisations_of(
    tx: &mut Tx,
    person: i64,
) -> Result<Vec<OrganisationRef>, ArchiveError> {
    Ok(sqlx::query_as::<_, OrganisationRow>(&format!(
        "SELECT o.id, o.name FROM organisation o WHERE {WROTE_FOR} ORDER BY o.name"
    ))
    .bind(person)
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .map(|r| OrganisationRef {
        id: OrganisationId::from_raw(r.id),
        name: r.name,
    })
    .collect())
}

/// What each choice about one thing is about, in words: an organisation's name, a
/// service event's organisation, title and day, a prescription's product.
struct Names {
    organisations: Vec<OrganisationRef>,
    events: Vec<NamedRow>,
    prescriptions: Vec<NamedRow>,
}

impl Names {
    /// The names of what the person's choices are about, and of `pending` (a choice
    /// about to be made) too.
    async fn of(tx: &mut Tx, person: i64, pending: Option<Choice>) -> Result<Self, ArchiveError> {
        let pending_id = |kind| {
            pending
                .filter(|c| c.kind() == kind)
                .and_then(Choice::object)
                .unwrap_or(0)
        };
        let events = sqlx::query_as::<_, NamedRow>(
            "SELECT s.id, o.name || ': ' || s.title AS name, s.started_at AS day \
             FROM service_event s JOIN organisation o ON o.id = s.organisation_id \
             WHERE s.person_id = $1 AND (s.id = $2 OR s.id IN (SELECT CAST(c.target AS BIGINT) \
             FROM consent_event c WHERE c.person_id = $1 AND c.kind = 'deny-service-event'))",
        )
        .bind(person)
        .bind(pending_id(super::model::ChoiceKind::DenyServiceEvent))
        .fetch_all(&mut **tx)
        .await?;
        let prescriptions = sqlx::query_as::<_, NamedRow>(
            "SELECT p.id, p.product || ' ' || p.strength AS name, p.issued_on AS day \
             FROM prescription p WHERE p.person_id = $1 AND (p.id = $2 OR p.id IN \
             (SELECT CAST(c.target AS BIGINT) FROM consent_event c \
             WHERE c.person_id = $1 AND c.kind = 'deny-prescription'))",
        )
        .bind(person)
        .bind(pending_id(super::model::ChoiceKind::DenyPrescription))
        .fetch_all(&mut **tx)
        .await?;
        Ok(Self {
            organisations: organisations_of(tx, person).await?,
            events,
            prescriptions,
        })
    }

    fn about(&self, choice: Choice) -> Option<About> {
        let named = |rows: &[NamedRow], id: i64| {
            rows.iter().find(|r| r.id == id).map(|r| About {
                name: r.name.clone(),
                on: r.day.get(..10).and_then(|day| {
                    time::Date::parse(day, &time::format_description::well_known::Iso8601::DATE)
                        .ok()
                }),
            })
        };
        match choice {
            Choice::DisclosureConsent | Choice::DenyResearchContact | Choice::DenyRegister(_) => {
                None
            }
            Choice::DenyOrganisation(id) => {
                self.organisations
                    .iter()
                    .find(|o| o.id == id)
                    .map(|o| About {
                        name: o.name.clone(),
                        on: None,
                    })
            }
            Choice::DenyServiceEvent(id) => named(&self.events, id.get()),
            Choice::DenyPrescription(id) => named(&self.prescriptions, id.get()),
        }
    }
}

pub(crate) async fn read_consents(tx: &mut Tx, person: i64) -> Result<Consents, ArchiveError> {
    let names = Names::of(tx, person, None).await?;
    let notice = sqlx::query_as::<_, NoticeRow>(
        "SELECT version, at_ms FROM notice_acknowledgement WHERE person_id = $1 \
         ORDER BY at_ms DESC LIMIT 1",
    )
    .bind(person)
    .fetch_optional(&mut **tx)
    .await?
    .map(|r| NoticeAcknowledged {
        version: r.version,
        at: crate::clock::finnish_at_ms(r.at_ms),
    });
    let in_force = sqlx::query_as::<_, InForceRow>(
        "SELECT kind, target, since_ms FROM consent_in_force WHERE person_id = $1 \
         ORDER BY since_ms, kind, target",
    )
    .bind(person)
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .map(|r| {
        let choice = Choice::of_stored(&r.kind, &r.target).ok_or_else(corrupt)?;
        Ok(InForce {
            choice,
            about: names.about(choice),
            since: crate::clock::finnish_at_ms(r.since_ms),
        })
    })
    .collect::<Result<Vec<_>, ArchiveError>>()?;
    let history = sqlx::query_as::<_, EventRow>(
        "SELECT kind, target, given, at_ms FROM consent_event WHERE person_id = $1 \
         ORDER BY at_ms DESC, id DESC",
    )
    .bind(person)
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .map(|r| {
        let choice = Choice::of_stored(&r.kind, &r.target).ok_or_else(corrupt)?;
        Ok(ChoiceEvent {
            choice,
            about: names.about(choice),
            given: r.given != 0,
            at: crate::clock::finnish_at_ms(r.at_ms),
        })
    })
    .collect::<Result<Vec<_>, ArchiveError>>()?;
    Ok(Consents {
        notice,
        in_force,
        organisations: names.organisations,
        history,
    })
}

/// Whether what `choice` is about is the person's: their service event, an
/// organisation that wrote for them, their prescription.
async fn is_theirs(tx: &mut Tx, person: i64, choice: Choice) -> Result<bool, ArchiveError> {
    let Some(id) = choice.object() else {
        // About no one thing of theirs: a register, the consent, research contact.
        return Ok(true);
    };
    let sql = match choice {
        Choice::DisclosureConsent | Choice::DenyResearchContact | Choice::DenyRegister(_) => {
            return Ok(true)
        }
        Choice::DenyServiceEvent(_) => {
            "SELECT COUNT(*) FROM service_event WHERE person_id = $1 AND id = $2".to_owned()
        }
        Choice::DenyPrescription(_) => {
            "SELECT COUNT(*) FROM prescription WHERE person_id = $1 AND id = $2".to_owned()
        }
        Choice::DenyOrganisation(_) => {
            format!("SELECT COUNT(*) FROM organisation o WHERE o.id = $2 AND {WROTE_FOR}")
        }
    };
    let (n,): (i64,) = sqlx::query_as(&sql)
        .bind(person)
        .bind(id)
        .fetch_one(&mut **tx)
        .await?;
    Ok(n > 0)
}

impl Access {
    /// The person's consents and denials: the notice, what is in force, the
    /// organisations they may deny, and every change.
    ///
    /// # Errors
    /// `Refused` for anyone but the person; `Storage` when the database fails.
    pub async fn consents(&self) -> Result<Consents, ArchiveError> {
        let mut read = self.begin_read(Action::ReadConsents, None, None).await?;
        let consents = read_consents(&mut read.tx, self.subject().get()).await?;
        self.finish_read(read).await?;
        Ok(consents)
    }

    /// One choice as the page confirming its change shows it: what it is about, in
    /// words, and since when it is in force, if it is.
    ///
    /// # Errors
    /// `NotFound` when what it is about is not the person's; `Refused` for anyone but
    /// the person; `Storage` when the database fails.
    pub async fn consent_choice(&self, choice: Choice) -> Result<ChoicePreview, ArchiveError> {
        let person = self.subject().get();
        let object = choice.object();
        let mut read = self
            .begin_read(
                Action::ReadConsents,
                object,
                Some(choice.kind().code().to_owned()),
            )
            .await?;
        if !is_theirs(&mut read.tx, person, choice).await? {
            return Err(self.refuse_read(read, ArchiveError::NotFound).await);
        }
        let names = Names::of(&mut read.tx, person, Some(choice)).await?;
        let since = sqlx::query_as::<_, (i64,)>(
            "SELECT since_ms FROM consent_in_force WHERE person_id = $1 AND kind = $2 AND target = $3",
        )
        .bind(person)
        .bind(choice.kind().code())
        .bind(choice.target())
        .fetch_optional(&mut *read.tx)
        .await?
        .map(|(ms,)| crate::clock::finnish_at_ms(ms));
        self.finish_read(read).await?;
        Ok(ChoicePreview {
            choice,
            about: names.about(choice),
            since,
        })
    }

    /// Acknowledges the Kanta information notice in force ([`NOTICE_VERSION`]); once
    /// acknowledged, again changes nothing.
    ///
    /// # Errors
    /// `Refused` for anyone but the person; `Storage` when the database fails.
    pub async fn acknowledge_notice(&self) -> Result<Consents, ArchiveError> {
        let person = self.subject().get();
        let mut tx = self
            .begin_audited_with(Action::AcknowledgeNotice, None, Some(NOTICE_VERSION.into()))
            .await?;
        sqlx::query(
            "INSERT INTO notice_acknowledgement (person_id, version, at_ms) VALUES ($1, $2, $3) \
             ON CONFLICT (person_id, version) DO NOTHING",
        )
        .bind(person)
        .bind(NOTICE_VERSION)
        .bind(unix_ms(self.archive.clock.now()))
        .execute(&mut *tx)
        .await?;
        let consents = read_consents(&mut tx, person).await?;
        tx.commit().await?;
        Ok(consents)
    }

    /// Gives (`give`) or withdraws `choice`, at once: from now on the providers'
    /// queries see it. Giving what is in force, or withdrawing what is not, changes
    /// nothing (a double submit).
    ///
    /// # Errors
    /// `NotFound` when what it is about is not the person's (a service event,
    /// organisation or prescription of someone else, or none); `Refused` for anyone
    /// but the person; `Storage` when the database fails.
    pub async fn change_consent(
        &self,
        choice: Choice,
        give: bool,
    ) -> Result<Consents, ArchiveError> {
        let person = self.subject().get();
        let action = if give {
            Action::GiveConsent
        } else {
            Action::WithdrawConsent
        };
        // The event names the kind of choice, and what it is about by its id or code.
        let object = choice.object();
        let detail = match choice {
            Choice::DenyRegister(register) => {
                format!("{} {}", choice.kind().code(), register.code())
            }
            _ => choice.kind().code().to_owned(),
        };
        let mut tx = self
            .begin_audited_with(action, object, Some(detail))
            .await?;
        if !is_theirs(&mut tx, person, choice).await? {
            return Err(self
                .refuse(tx, action, object, ArchiveError::NotFound)
                .await);
        }
        let (kind, target) = (choice.kind().code(), choice.target());
        let (in_force,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM consent_in_force WHERE person_id = $1 AND kind = $2 AND target = $3",
        )
        .bind(person)
        .bind(kind)
        .bind(&target)
        .fetch_one(&mut *tx)
        .await?;
        if (in_force > 0) != give {
            let now = unix_ms(self.archive.clock.now());
            let id: i64 = crate::db::new_row_id();
            sqlx::query(
                "INSERT INTO consent_event (person_id, at_ms, id, kind, target, given, written_by) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(person)
            .bind(now)
            .bind(id)
            .bind(kind)
            .bind(&target)
            .bind(i64::from(give))
            .bind(self.actor().get())
            .execute(&mut *tx)
            .await?;
            let change = if give {
                sqlx::query(
                    "INSERT INTO consent_in_force (person_id, kind, target, since_ms) VALUES ($1, $2, $3, $4)",
                )
                .bind(person)
                .bind(kind)
                .bind(&target)
                .bind(now)
            } else {
                sqlx::query(
                    "DELETE FROM consent_in_force WHERE person_id = $1 AND kind = $2 AND target = $3",
                )
                .bind(person)
                .bind(kind)
                .bind(&target)
            };
            change.execute(&mut *tx).await?;
        }
        let consents = read_consents(&mut tx, person).await?;
        tx.commit().await?;
        Ok(consents)
    }
}

#[derive(sqlx::FromRow)]
struct NewsRow {
    consents_denials: i64,
    consents_notice: i64,
}

/// Only the person changes them: the front page says whether the notice in force is
/// read and how many denials are in force, read as the consents (whatever the time of
/// the previous visit).
impl NewsPart for ConsentsNews {
    fn push(access: &Access, sql: &mut Sql, _since_ms: i64) {
        let person = access.subject().get();
        sql.push("(SELECT (SELECT COUNT(*) FROM consent_in_force c WHERE c.person_id = ")
            .bind(person)
            .push(
                " AND c.kind <> 'disclosure-consent') AS consents_denials, \
               (SELECT COUNT(*) FROM notice_acknowledgement a WHERE a.person_id = ",
            )
            .bind(person)
            .push(" AND a.version = ")
            .bind(NOTICE_VERSION)
            .push(") AS consents_notice)");
    }

    fn of_row(row: &sqlx::any::AnyRow) -> Result<Self, ArchiveError> {
        let row = <NewsRow as sqlx::FromRow<_>>::from_row(row)?;
        Ok(Self {
            notice_read: row.consents_notice > 0,
            denials: row.consents_denials,
        })
    }
}
