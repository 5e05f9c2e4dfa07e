//! A download read part by part from one snapshot ([`Download`]), and what it holds,
//! counted, for its page.

use super::model::{DownloadContents, Part, PersonPart, WellbeingPart, BATCH};
use crate::access::{Access, Action};
use crate::db::Sql;
use crate::error::ArchiveError;

type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// Where a download has got to: the kinds in the order they come, the row-by-row ones
/// with the last key given.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stage {
    Person,
    Documents { after: i64 },
    Prescriptions,
    RenewalRequests,
    LivingWill,
    OrganDonation,
    Consents,
    Abroad,
    Wellbeing { after: i64 },
    DisclosureLog { after: Option<String> },
    Done,
}

/// A download under way: ask [`Download::next`] for each part until it gives `None`.
/// Holds one read transaction (no write lock) until it is done or dropped.
pub struct Download {
    access: Access,
    tx: Option<Tx>,
    stage: Stage,
}

impl std::fmt::Debug for Download {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Download")
            .field("stage", &self.stage)
            .finish_non_exhaustive()
    }
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    hetu: String,
    given_name: String,
    family_name: String,
    birth_date: String,
    patient_id: Option<String>,
}

impl Access {
    /// Begins the download of all the person's data: refused for anyone but the
    /// person; otherwise its audit event is durable before anything is read.
    ///
    /// # Errors
    /// `Refused` for a proxy; `Storage` when the database fails.
    pub async fn download(&self) -> Result<Download, ArchiveError> {
        let read = self.begin_read(Action::Download, None, None).await?;
        // The event first, then the snapshot the parts are read from: nothing leaves
        // the archive before the event is durable.
        self.finish_read(read).await?;
        let tx = self.archive.db.begin_snapshot().await?;
        Ok(Download {
            access: self.clone(),
            tx: Some(tx),
            stage: Stage::Person,
        })
    }

    /// What a download of all the person's data holds, counted.
    ///
    /// # Errors
    /// `Refused` for a proxy; `Storage` when the database fails.
    pub async fn download_contents(&self) -> Result<DownloadContents, ArchiveError> {
        let mut read = self.begin_read(Action::ReadDownload, None, None).await?;
        let person = self.subject().get();
        let mut documents = Sql::new("SELECT COUNT(*) FROM document d WHERE d.person_id = ");
        documents.bind(person).push(" AND ");
        self.released(&mut documents, "d");
        let mut lab = Sql::new(
            "SELECT COUNT(*) FROM lab_result l JOIN document d ON d.person_id = l.person_id \
             AND d.id = l.document_id WHERE l.person_id = ",
        );
        lab.bind(person).push(" AND ");
        self.released(&mut lab, "d");
        let count = |table: &str| {
            let mut sql = Sql::new(&format!("SELECT COUNT(*) FROM {table} WHERE person_id = "));
            sql.bind(person);
            sql
        };
        let mut others = Sql::new("SELECT COUNT(*) FROM audit_event WHERE subject_id = ");
        others
            .bind(person)
            .push(" AND (actor_id IS NULL OR (actor_id <> subject_id AND actor_id <> ")
            .bind(crate::audit::ARCHIVE_ITSELF.get())
            .push("))");
        let mut counts = Vec::new();
        for sql in [
            documents,
            lab,
            count("prescription"),
            count("dispensation"),
            count("renewal_request"),
            count("living_will"),
            count("organ_donation"),
            count("consent_event"),
            count("abroad_consent_event"),
            count("wellbeing_observation"),
            others,
        ] {
            counts.push(sql.query_as::<(i64,)>().fetch_one(&mut *read.tx).await?.0);
        }
        self.finish_read(read).await?;
        let [documents, lab_results, prescriptions, purchases, renewal_requests, living_will_versions, organ_donation_versions, consent_events, abroad_events, measurements, log_entries] =
            counts[..]
        else {
            return Err(ArchiveError::Corrupt("the download's counts"));
        };
        Ok(DownloadContents {
            documents,
            lab_results,
            prescriptions,
            purchases,
            renewal_requests,
            living_will_versions,
            organ_donation_versions,
            consent_events,
            abroad_events,
            measurements,
            log_entries,
        })
    }
}

impl Download {
    /// The next part, or `None` once every part has been given (the snapshot then
    /// ends). A kind with nothing to give is passed over.
    ///
    /// # Errors
    /// `Storage` when the database fails; the download then ends.
    pub async fn next(&mut self) -> Result<Option<Part>, ArchiveError> {
        loop {
            let Some(tx) = self.tx.as_mut() else {
                return Ok(None);
            };
            let (part, next) = match read(&self.access, &self.stage, tx).await {
                Ok(read) => read,
                Err(e) => {
                    self.tx = None;
                    self.stage = Stage::Done;
                    return Err(e);
                }
            };
            self.stage = next;
            if self.stage == Stage::Done {
                if let Some(tx) = self.tx.take() {
                    tx.commit().await?;
                }
            }
            if part.is_some() || self.stage == Stage::Done {
                return Ok(part);
            }
        }
    }
}

/// The part at `stage` (`None` when it has nothing) and the stage after.
async fn read(
    access: &Access,
    stage: &Stage,
    tx: &mut Tx,
) -> Result<(Option<Part>, Stage), ArchiveError> {
    let person = access.subject().get();
    let batch = usize::try_from(BATCH).unwrap_or(usize::MAX);
    Ok(match stage {
        Stage::Person => {
            let row = sqlx::query_as::<_, PersonRow>(
                "SELECT p.hetu, p.given_name, p.family_name, p.birth_date, w.patient_id \
                     FROM person p LEFT JOIN wellbeing_patient w ON w.person_id = p.id \
                     WHERE p.id = $1",
            )
            .bind(person)
            .fetch_optional(&mut **tx)
            .await?
            .ok_or(ArchiveError::NotFound)?;
            let birth_date = time::Date::parse(&row.birth_date, crate::clock::DAY)
                .map_err(|_| ArchiveError::Corrupt("birth date"))?;
            (
                Some(Part::Person(PersonPart {
                    id: access.subject(),
                    hetu: row.hetu,
                    given_name: row.given_name,
                    family_name: row.family_name,
                    birth_date,
                    patient_id: row.patient_id,
                })),
                Stage::Documents { after: 0 },
            )
        }
        Stage::Documents { after } => {
            let documents = access.documents_after(tx, *after, BATCH).await?;
            let next = match documents.last() {
                Some(last) if documents.len() == batch => Stage::Documents {
                    after: last.summary.id.get(),
                },
                _ => Stage::Prescriptions,
            };
            (non_empty(documents).map(Part::Documents), next)
        }
        Stage::Prescriptions => (
            non_empty(access.load_prescriptions(tx, None).await?).map(Part::Prescriptions),
            Stage::RenewalRequests,
        ),
        Stage::RenewalRequests => (
            non_empty(access.load_requests(tx, None, i64::MAX).await?).map(Part::RenewalRequests),
            Stage::LivingWill,
        ),
        Stage::LivingWill => (
            non_empty(crate::living_will::store::versions(tx, person).await?).map(Part::LivingWill),
            Stage::OrganDonation,
        ),
        Stage::OrganDonation => (
            non_empty(crate::organ_donation::store::versions(tx, person).await?)
                .map(Part::OrganDonation),
            Stage::Consents,
        ),
        Stage::Consents => (
            Some(Part::Consents(
                crate::consents::store::read_consents(tx, person).await?,
            )),
            Stage::Abroad,
        ),
        Stage::Abroad => (
            Some(Part::Abroad(
                crate::abroad::store::read_abroad(tx, person, access.archive.clock.today()).await?,
            )),
            Stage::Wellbeing { after: 0 },
        ),
        Stage::Wellbeing { after } => {
            let rows = sqlx::query_as::<_, (i64, String)>(
                "SELECT id, resource FROM wellbeing_observation WHERE person_id = $1 \
                     AND id > $2 ORDER BY id LIMIT $3",
            )
            .bind(person)
            .bind(*after)
            .bind(i64::from(BATCH))
            .fetch_all(&mut **tx)
            .await?;
            let next = match rows.last() {
                Some((last, _)) if rows.len() == batch => Stage::Wellbeing { after: *last },
                _ => Stage::DisclosureLog { after: None },
            };
            let parts = rows
                .into_iter()
                .map(|(_, resource)| WellbeingPart { resource })
                .collect();
            (non_empty(parts).map(Part::Wellbeing), next)
        }
        Stage::DisclosureLog { after } => {
            let entries = access
                .log_entries_after(tx, after.as_deref(), BATCH)
                .await?;
            let next = match entries.last() {
                Some(last) if entries.len() == batch => Stage::DisclosureLog {
                    after: Some(last.key.clone()),
                },
                _ => Stage::Done,
            };
            (non_empty(entries).map(Part::DisclosureLog), next)
        }
        Stage::Done => (None, Stage::Done),
    })
}

fn non_empty<T>(v: Vec<T>) -> Option<Vec<T>> {
    (!v.is_empty()).then_some(v)
}
