//! Prescriptions and renewal requests as they are read, their steps and expiry, and
//! what is new. Asking for a renewal is in `renewal`: a request is made once per
//! idempotency key (a double click, a resubmitted form or a retry after a dropped
//! connection gives back the same request), and the database allows at most one open
//! request per prescription, however many arrive at once. The medication list is in
//! `medication_list`.

mod medication_list;
mod renewal;

use std::collections::HashMap;

use time::format_description::well_known::Iso8601;
use time::Date;

use super::renewal::{may_renew, valid_until, UNPROCESSED_EXPIRY};
use crate::access::{unix_ms, Access, Action, AuditedRead};
use crate::clock::finnish_at_ms;
use crate::db::Sql;
use crate::error::ArchiveError;
use crate::model::{Language, OrganisationId, OrganisationRef, PersonId, PrescriptionsNews};
use crate::news::part::NewsPart;
use crate::prescriptions::model::{
    Dispensation, Prescription, PrescriptionDetail, PrescriptionId, PrescriptionStatus,
    RenewalRequest, RenewalRequestId, RenewalStatus, RenewalStep,
};

fn day(s: &str) -> Result<Date, ArchiveError> {
    Date::parse(s, &Iso8601::DATE).map_err(|_| ArchiveError::Corrupt("date"))
}

/// A prescription's row as [`PRESCRIPTION_SELECT`] reads it.
#[derive(sqlx::FromRow)]
struct PrescriptionRow {
    id: i64,
    product: String,
    atc: String,
    strength: String,
    form: String,
    package_size: String,
    dosage: String,
    language: String,
    amount: String,
    packages: i64,
    prescriber: String,
    organisation_id: i64,
    organisation_name: String,
    issued_on: String,
    validity_months: i64,
    cancelled: i64,
    narcotic: i64,
    cns: i64,
    renewed_from: Option<i64>,
}

/// A renewal request's row as [`REQUEST_SELECT`] reads it.
#[derive(sqlx::FromRow)]
pub(crate) struct RequestRow {
    id: i64,
    prescription_id: i64,
    organisation_id: i64,
    organisation_name: String,
    product: String,
    strength: String,
    status: String,
    reason: Option<String>,
    message: Option<String>,
    share_other_prescriptions: i64,
    requested_by: i64,
    by_given: String,
    by_family: String,
    created_ms: i64,
    updated_ms: i64,
    renewed_prescription_id: Option<i64>,
}

impl TryFrom<RequestRow> for RenewalRequest {
    type Error = ArchiveError;

    fn try_from(row: RequestRow) -> Result<Self, ArchiveError> {
        Ok(Self {
            id: RenewalRequestId::from_raw(row.id),
            prescription: PrescriptionId::from_raw(row.prescription_id),
            medicine: format!("{} {}", row.product, row.strength),
            organisation: OrganisationRef {
                id: OrganisationId::from_raw(row.organisation_id),
                name: row.organisation_name,
            },
            status: RenewalStatus::from_code(&row.status)
                .ok_or(ArchiveError::Corrupt("renewal status"))?,
            reason: row.reason,
            message: row.message,
            share_other_prescriptions: row.share_other_prescriptions != 0,
            requested_by: PersonId::from_raw(row.requested_by),
            requested_by_name: format!("{} {}", row.by_given, row.by_family),
            sent_at: finnish_at_ms(row.created_ms),
            updated_at: finnish_at_ms(row.updated_ms),
            renewed_as: row.renewed_prescription_id.map(PrescriptionId::from_raw),
            steps: Vec::new(),
        })
    }
}

/// Records that a request reached `status` at `at_ms`: one row per step, written in
/// the transaction that moves it there.
pub(crate) async fn record_step(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    person: i64,
    request: i64,
    status: RenewalStatus,
    at_ms: i64,
) -> Result<(), ArchiveError> {
    sqlx::query(
        "INSERT INTO renewal_step (person_id, request_id, status, at_ms) VALUES ($1, $2, $3, $4)",
    )
    .bind(person)
    .bind(request)
    .bind(status.code())
    .bind(at_ms)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Fills in each request's steps, oldest first.
async fn with_steps(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    person: i64,
    mut requests: Vec<RenewalRequest>,
) -> Result<Vec<RenewalRequest>, ArchiveError> {
    if requests.is_empty() {
        return Ok(requests);
    }
    let mut sql = crate::db::Sql::new(
        "SELECT request_id, status, at_ms FROM renewal_step WHERE person_id = ",
    );
    sql.bind(person)
        .push(" AND request_id IN (")
        .bind_list(requests.iter().map(|r| r.id.get()))
        .push(") ORDER BY at_ms, request_id");
    let mut steps: HashMap<i64, Vec<RenewalStep>> = HashMap::new();
    for (request, status, at_ms) in sql
        .query_as::<(i64, String, i64)>()
        .fetch_all(&mut **tx)
        .await?
    {
        steps.entry(request).or_default().push(RenewalStep {
            status: RenewalStatus::from_code(&status)
                .ok_or(ArchiveError::Corrupt("renewal status"))?,
            at: finnish_at_ms(at_ms),
        });
    }
    for r in &mut requests {
        r.steps = steps.remove(&r.id.get()).unwrap_or_default();
    }
    Ok(requests)
}

/// Renewal requests with what the page shows of them; `WHERE r.person_id = $1` and
/// more are appended.
const REQUEST_SELECT: &str = "SELECT r.id, r.prescription_id, r.organisation_id, o.name AS organisation_name, \
     p.product, p.strength, r.status, r.reason, r.message, r.share_other_prescriptions, r.requested_by, \
     b.given_name AS by_given, b.family_name AS by_family, r.created_ms, r.updated_ms, r.renewed_prescription_id \
     FROM renewal_request r JOIN organisation o ON o.id = r.organisation_id \
     JOIN prescription p ON p.person_id = r.person_id AND p.id = r.prescription_id \
     JOIN person b ON b.id = r.requested_by";

const PRESCRIPTION_SELECT: &str = "SELECT p.id, p.product, p.atc, p.strength, p.form, p.package_size, p.dosage, p.language, \
     p.amount, p.packages, p.prescriber, p.organisation_id, o.name AS organisation_name, p.issued_on, \
     p.validity_months, p.narcotic, p.cns, p.cancelled, p.renewed_from \
     FROM prescription p JOIN organisation o ON o.id = p.organisation_id";

impl Access {
    /// Requests sent before this instant (UTC milliseconds) and not taken up are expired.
    fn expiry_cutoff(&self) -> i64 {
        unix_ms(self.archive.clock.now()) - UNPROCESSED_EXPIRY.whole_milliseconds() as i64
    }

    /// Marks requests nobody began processing within eight days as expired. The
    /// requests are moved first, and a step written for each row this transaction
    /// moved (`RETURNING`): two reads that find the same request due both try, the
    /// second waits for the first's row lock and then finds nothing left to move, so
    /// neither fails and the step is written once. The renewal desk takes the same
    /// order (the request, then its step), so the two never wait on each other in a
    /// circle.
    async fn expire_unprocessed(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    ) -> Result<(), ArchiveError> {
        let now = unix_ms(self.archive.clock.now());
        let person = self.subject().get();
        let moved: Vec<(i64,)> = sqlx::query_as(
            "UPDATE renewal_request SET status = 'expired', updated_ms = $1 \
             WHERE person_id = $2 AND status = 'sent' AND created_ms < $3 RETURNING id",
        )
        .bind(now)
        .bind(person)
        .bind(self.expiry_cutoff())
        .fetch_all(&mut **tx)
        .await?;
        for (request,) in moved {
            record_step(tx, person, request, RenewalStatus::Expired, now).await?;
        }
        Ok(())
    }

    /// Expires the requests that are due, in a write of its own and only when one is,
    /// so that reads stay reads (and run beside one another).
    async fn expire_due(&self) -> Result<(), ArchiveError> {
        let (due,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM renewal_request WHERE person_id = $1 AND status = 'sent' AND created_ms < $2",
        )
        .bind(self.subject().get())
        .bind(self.expiry_cutoff())
        .fetch_one(self.archive.db.pool())
        .await?;
        if due > 0 {
            let mut tx = self.archive.db.begin().await?;
            self.expire_unprocessed(&mut tx).await?;
            tx.commit().await?;
        }
        Ok(())
    }

    /// Begins a read of prescriptions, having first expired the requests that are due
    /// (when this right reaches prescriptions at all). The expiry is a write of its own
    /// made before the read's transaction is opened, never while holding it: a read
    /// that held one pooled connection while asking for another could, with many at
    /// once, leave none free and wait out the pool's timeout.
    pub(crate) async fn begin_read_after_expiry(
        &self,
        action: Action,
        object: Option<i64>,
    ) -> Result<AuditedRead, ArchiveError> {
        if self.covers(crate::section::Section::Prescriptions) {
            self.expire_due().await?;
        }
        self.begin_read(action, object, None).await
    }

    /// The person's prescriptions this right sees (one, or all newest first), with
    /// what was bought, what remains, and whether a renewal may be asked for now.
    pub(crate) async fn load_prescriptions(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        only: Option<PrescriptionId>,
    ) -> Result<Vec<Prescription>, ArchiveError> {
        let subject = self.subject().get();
        let mut sql = Sql::new(&format!("{PRESCRIPTION_SELECT} WHERE p.person_id = "));
        sql.bind(subject);
        if let Some(id) = only {
            sql.push(" AND p.id = ").bind(id.get());
        }
        sql.push(" AND ");
        self.visible_rows(&mut sql, "p", "issued_on");
        sql.push(" ORDER BY p.issued_on DESC, p.id DESC");
        let rows = sql
            .query_as::<PrescriptionRow>()
            .fetch_all(&mut **tx)
            .await?;
        let mut dispensed: HashMap<i64, Vec<Dispensation>> = HashMap::new();
        let mut sql = Sql::new(
            "SELECT prescription_id, dispensed_on, pharmacy, packages FROM dispensation WHERE person_id = ",
        );
        sql.bind(subject);
        if let Some(id) = only {
            sql.push(" AND prescription_id = ").bind(id.get());
        }
        sql.push(" ORDER BY dispensed_on, id");
        let purchases = sql.query_as::<(i64, String, String, i64)>();
        for (rx, on, pharmacy, packages) in purchases.fetch_all(&mut **tx).await? {
            dispensed.entry(rx).or_default().push(Dispensation {
                dispensed_on: day(&on)?,
                pharmacy,
                packages,
            });
        }
        let open: Vec<(i64,)> = sqlx::query_as(
            "SELECT prescription_id FROM renewal_request WHERE person_id = $1 \
             AND status IN ('sent', 'in-processing')",
        )
        .bind(subject)
        .fetch_all(&mut **tx)
        .await?;
        let today = self.archive.clock.today();
        rows.into_iter()
            .map(|row| {
                let id = row.id;
                let issued = day(&row.issued_on)?;
                let months = i32::try_from(row.validity_months).unwrap_or(12);
                let cancelled = row.cancelled != 0;
                let has_open = open.iter().any(|(rx,)| *rx == id);
                let dispensations = dispensed.remove(&id).unwrap_or_default();
                let packages = row.packages;
                let until = valid_until(issued, months);
                let status = if cancelled {
                    PrescriptionStatus::Cancelled
                } else if has_open {
                    PrescriptionStatus::RenewalRequested
                } else if today > until {
                    PrescriptionStatus::Expired
                } else {
                    PrescriptionStatus::Valid
                };
                let bought: i64 = dispensations.iter().map(|d| d.packages).sum();
                Ok(Prescription {
                    id: PrescriptionId::from_raw(id),
                    product: row.product,
                    atc: row.atc,
                    strength: row.strength,
                    form: row.form,
                    package_size: row.package_size,
                    dosage: row.dosage,
                    language: Language::from_code(&row.language)
                        .ok_or(ArchiveError::Corrupt("prescription language"))?,
                    amount: row.amount,
                    packages,
                    prescriber: row.prescriber,
                    organisation: OrganisationRef {
                        id: OrganisationId::from_raw(row.organisation_id),
                        name: row.organisation_name,
                    },
                    issued_on: issued,
                    valid_until: until,
                    narcotic: row.narcotic != 0,
                    central_nervous_system: row.cns != 0,
                    status,
                    renewal_block: may_renew(
                        issued,
                        months,
                        bought > 0,
                        cancelled,
                        has_open,
                        today,
                    )
                    .err(),
                    remaining_packages: (packages - bought).max(0),
                    dispensations,
                    renewed_from: row.renewed_from.map(PrescriptionId::from_raw),
                })
            })
            .collect()
    }

    /// The renewal requests this right sees, newest first; of one prescription or all.
    pub(crate) async fn load_requests(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        only: Option<PrescriptionId>,
        limit: i64,
    ) -> Result<Vec<RenewalRequest>, ArchiveError> {
        let mut sql = Sql::new(&format!("{REQUEST_SELECT} WHERE r.person_id = "));
        sql.bind(self.subject().get());
        if let Some(id) = only {
            sql.push(" AND r.prescription_id = ").bind(id.get());
        }
        sql.push(" AND ");
        self.visible_rows(&mut sql, "p", "issued_on");
        sql.push(" ORDER BY r.created_ms DESC, r.id DESC LIMIT ")
            .bind(limit);
        let requests = sql
            .query_as::<RequestRow>()
            .fetch_all(&mut **tx)
            .await?
            .into_iter()
            .map(RenewalRequest::try_from)
            .collect::<Result<Vec<_>, _>>()?;
        with_steps(tx, self.subject().get(), requests).await
    }

    /// The organisations that have treated the person (in documents or prescriptions
    /// this right sees): those a renewal may be asked from.
    async fn treating_organisations(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    ) -> Result<Vec<OrganisationRef>, ArchiveError> {
        let mut sql = Sql::new(
            "SELECT o.id, o.name FROM organisation o WHERE o.id IN ( \
             SELECT d.organisation_id FROM document d WHERE d.person_id = ",
        );
        sql.bind(self.subject().get()).push(" AND ");
        self.visible_rows(&mut sql, "d", "recorded_at");
        sql.push(" UNION SELECT p.organisation_id FROM prescription p WHERE p.person_id = ")
            .bind(self.subject().get())
            .push(" AND ");
        self.visible_rows(&mut sql, "p", "issued_on");
        sql.push(") ORDER BY o.name, o.id");
        let rows: Vec<(i64, String)> = sql.query_as().fetch_all(&mut **tx).await?;
        Ok(rows
            .into_iter()
            .map(|(id, name)| OrganisationRef {
                id: OrganisationId::from_raw(id),
                name,
            })
            .collect())
    }

    /// The person's prescriptions, newest first, with what was bought, what remains,
    /// and whether a renewal may be asked for now.
    ///
    /// # Errors
    /// `Refused` when the right does not cover prescriptions; `Storage` when the
    /// database fails.
    pub async fn prescriptions(&self) -> Result<Vec<Prescription>, ArchiveError> {
        let mut read = self
            .begin_read_after_expiry(Action::ListPrescriptions, None)
            .await?;
        let list = self.load_prescriptions(&mut read.tx, None).await?;
        self.finish_read(read).await?;
        Ok(list)
    }

    /// One prescription with its purchases, its renewal requests, and the
    /// organisations a renewal may be asked from.
    ///
    /// # Errors
    /// `NotFound` for a prescription this right does not see; `Refused` when the right
    /// does not cover prescriptions; `Storage` when the database fails.
    pub async fn prescription(
        &self,
        id: PrescriptionId,
    ) -> Result<PrescriptionDetail, ArchiveError> {
        let mut read = self
            .begin_read_after_expiry(Action::ReadPrescription, Some(id.get()))
            .await?;
        let Some(prescription) = self.load_prescriptions(&mut read.tx, Some(id)).await?.pop()
        else {
            return Err(self.refuse_read(read, ArchiveError::NotFound).await);
        };
        let requests = self.load_requests(&mut read.tx, Some(id), 100).await?;
        let organisations = self.treating_organisations(&mut read.tx).await?;
        self.finish_read(read).await?;
        Ok(PrescriptionDetail {
            prescription,
            requests,
            organisations,
        })
    }

    /// The person's renewal requests, newest first.
    ///
    /// # Errors
    /// `Refused` when the right does not cover prescriptions; `Storage` when the
    /// database fails.
    pub async fn renewal_requests(&self, limit: u32) -> Result<Vec<RenewalRequest>, ArchiveError> {
        let mut read = self
            .begin_read_after_expiry(Action::ListRenewalRequests, None)
            .await?;
        let list = self
            .load_requests(&mut read.tx, None, i64::from(limit.clamp(1, 500)))
            .await?;
        self.finish_read(read).await?;
        Ok(list)
    }

    /// What is new in prescriptions since `since_ms` (UTC milliseconds, the previous
    /// visit): renewal requests answered since, and prescriptions written after that
    /// day, as this right sees them.
    ///
    /// # Errors
    /// `Refused` when the right does not cover prescriptions; `Storage` when the
    /// database fails.
    pub async fn prescriptions_news(
        &self,
        since_ms: i64,
    ) -> Result<PrescriptionsNews, ArchiveError> {
        self.news_part(Action::PrescriptionsNews, since_ms).await
    }
}

/// The prescriptions' part of the news statement ([`NewsPart`]).
#[derive(sqlx::FromRow)]
struct PrescriptionsNewsRow {
    prescriptions_answered: i64,
    prescriptions_written: i64,
}

/// What it counts (requests answered, prescriptions written) no expiry changes, so
/// its read expires nothing.
impl NewsPart for PrescriptionsNews {
    fn push(access: &Access, sql: &mut Sql, since_ms: i64) {
        let since_day = crate::clock::finnish_at_ms(since_ms).date().to_string();
        sql.push(
            "(SELECT (SELECT COUNT(*) FROM renewal_step s \
             JOIN renewal_request r ON r.person_id = s.person_id AND r.id = s.request_id \
             JOIN prescription p ON p.person_id = r.person_id AND p.id = r.prescription_id \
             WHERE s.person_id = ",
        )
        .bind(access.subject().get())
        .push(" AND s.status IN (")
        .bind_list([
            RenewalStatus::Renewed.code(),
            RenewalStatus::Rejected.code(),
        ])
        .push(") AND s.at_ms > ")
        .bind(since_ms)
        .push(" AND ");
        access.visible_rows(sql, "p", "issued_on");
        sql.push(") AS prescriptions_answered, (SELECT COUNT(*) FROM prescription p WHERE p.person_id = ")
            .bind(access.subject().get())
            .push(" AND p.issued_on > ")
            .bind(since_day)
            .push(" AND ");
        access.visible_rows(sql, "p", "issued_on");
        sql.push(") AS prescriptions_written)");
    }

    fn of_row(row: &sqlx::any::AnyRow) -> Result<Self, ArchiveError> {
        let row = <PrescriptionsNewsRow as sqlx::FromRow<_>>::from_row(row)?;
        Ok(Self {
            answered: row.prescriptions_answered,
            new_prescriptions: row.prescriptions_written,
        })
    }
}
