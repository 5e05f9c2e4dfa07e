//! Prescriptions and renewal requests. A request is made once per idempotency key (a
//! double click, a resubmitted form or a retry after a dropped connection gives back the
//! same request), and the database allows at most one open request per prescription,
//! however many arrive at once.

use std::collections::HashMap;

use sqlx::any::AnyRow;
use sqlx::Row;
use time::format_description::well_known::Iso8601;
use time::Date;

use crate::access::{unix_ms, Access, Action};
use crate::error::ArchiveError;
use crate::model::{
    Dispensation, OrganisationId, OrganisationRef, Prescription, PrescriptionId,
    PrescriptionStatus, RenewalForm, RenewalRequest, RenewalRequestId, RenewalStatus,
};
use crate::renewal::{may_renew, valid_until, RenewalBlock, UNPROCESSED_EXPIRY};
use crate::rights::Section;

/// The longest message a person may send with a request.
pub const MAX_MESSAGE_CHARS: usize = 1000;

fn day(s: &str) -> Result<Date, ArchiveError> {
    Date::parse(s, &Iso8601::DATE).map_err(|_| ArchiveError::Invalid("stored date"))
}

fn request_of(row: &AnyRow) -> Result<RenewalRequest, ArchiveError> {
    let status: String = row.try_get("status")?;
    Ok(RenewalRequest {
        id: RenewalRequestId::from_raw(row.try_get("id")?),
        prescription: PrescriptionId::from_raw(row.try_get("prescription_id")?),
        organisation: OrganisationId::from_raw(row.try_get("organisation_id")?),
        status: RenewalStatus::from_code(&status).ok_or(ArchiveError::Invalid("stored status"))?,
        reason: row.try_get("reason")?,
        requested_by: crate::model::PersonId::from_raw(row.try_get("requested_by")?),
    })
}

const REQUEST_COLUMNS: &str = "id, prescription_id, organisation_id, status, reason, requested_by";

impl Access {
    /// Marks requests nobody began processing within eight days as expired.
    async fn expire_unprocessed(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    ) -> Result<(), ArchiveError> {
        let now = unix_ms(self.archive.clock.now());
        let limit = now - UNPROCESSED_EXPIRY.whole_milliseconds() as i64;
        sqlx::query(
            "UPDATE renewal_request SET status = 'expired', updated_ms = $1 \
             WHERE person_id = $2 AND status = 'sent' AND created_ms < $3",
        )
        .bind(now)
        .bind(self.subject().get())
        .bind(limit)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// The person's prescriptions, newest first, with what was bought, what remains,
    /// and whether a renewal may be asked for now.
    ///
    /// # Errors
    /// `Refused` when the right does not cover prescriptions; `Storage` when the
    /// database fails.
    pub async fn prescriptions(&self) -> Result<Vec<Prescription>, ArchiveError> {
        let mut tx = self
            .begin_audited(Section::Prescriptions, Action::ListPrescriptions, None)
            .await?;
        self.expire_unprocessed(&mut tx).await?;
        let subject = self.subject().get();
        let rows = sqlx::query(&format!(
            "SELECT p.id, p.product, p.atc, p.strength, p.form, p.package_size, p.dosage, p.amount, \
             p.packages, p.prescriber, p.organisation_id, o.name AS organisation_name, p.issued_on, \
             p.validity_months, p.narcotic, p.cns, p.cancelled \
             FROM prescription p JOIN organisation o ON o.id = p.organisation_id \
             WHERE p.person_id = $1 AND {} ORDER BY p.issued_on DESC, p.id DESC",
            self.visible_rows("p", "issued_on")
        ))
        .bind(subject)
        .fetch_all(&mut *tx)
        .await?;
        let mut dispensed: HashMap<i64, Vec<Dispensation>> = HashMap::new();
        for (rx, on, pharmacy, packages) in sqlx::query_as::<_, (i64, String, String, i64)>(
            "SELECT prescription_id, dispensed_on, pharmacy, packages FROM dispensation \
             WHERE person_id = $1 ORDER BY dispensed_on, id",
        )
        .bind(subject)
        .fetch_all(&mut *tx)
        .await?
        {
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
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        let today = self.archive.clock.today();
        rows.iter()
            .map(|row| {
                let id: i64 = row.try_get("id")?;
                let issued = day(&row.try_get::<String, _>("issued_on")?)?;
                let months = i32::try_from(row.try_get::<i64, _>("validity_months")?).unwrap_or(12);
                let cancelled = row.try_get::<i64, _>("cancelled")? != 0;
                let has_open = open.iter().any(|(rx,)| *rx == id);
                let dispensations = dispensed.remove(&id).unwrap_or_default();
                let packages: i64 = row.try_get("packages")?;
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
                    product: row.try_get("product")?,
                    atc: row.try_get("atc")?,
                    strength: row.try_get("strength")?,
                    form: row.try_get("form")?,
                    package_size: row.try_get("package_size")?,
                    dosage: row.try_get("dosage")?,
                    amount: row.try_get("amount")?,
                    packages,
                    prescriber: row.try_get("prescriber")?,
                    organisation: OrganisationRef {
                        id: OrganisationId::from_raw(row.try_get("organisation_id")?),
                        name: row.try_get("organisation_name")?,
                    },
                    issued_on: issued,
                    valid_until: until,
                    narcotic: row.try_get::<i64, _>("narcotic")? != 0,
                    central_nervous_system: row.try_get::<i64, _>("cns")? != 0,
                    status,
                    renewal_block: may_renew(
                        issued,
                        months,
                        bought > 0,
                        cancelled,
                        has_open,
                        today,
                    )
                    .err()
                    .map(|b| b.code().to_owned()),
                    remaining_packages: (packages - bought).max(0),
                    dispensations,
                })
            })
            .collect()
    }

    /// Asks for a prescription to be renewed. The same `key` always gives back the same
    /// request, and nothing more is stored.
    ///
    /// # Errors
    /// `Invalid` for a malformed key, message or organisation; `NotFound` for a
    /// prescription this right does not see; `NotRenewable` with the reason; `Refused`
    /// when the right does not cover prescriptions.
    pub async fn request_renewal(
        &self,
        prescription: PrescriptionId,
        form: &RenewalForm,
        key: &str,
    ) -> Result<RenewalRequest, ArchiveError> {
        if !(16..=128).contains(&key.len())
            || !key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(ArchiveError::Invalid("idempotency key"));
        }
        let message = form
            .message
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty());
        if message.is_some_and(|m| m.chars().count() > MAX_MESSAGE_CHARS) {
            return Err(ArchiveError::Invalid("message"));
        }
        let subject = self.subject().get();
        let mut tx = self
            .begin_audited(
                Section::Prescriptions,
                Action::RequestRenewal,
                Some(prescription.get()),
            )
            .await?;
        let by_key = format!(
            "SELECT {REQUEST_COLUMNS} FROM renewal_request WHERE person_id = $1 AND idempotency_key = $2"
        );
        if let Some(existing) = sqlx::query(&by_key)
            .bind(subject)
            .bind(key)
            .fetch_optional(&mut *tx)
            .await?
        {
            let existing = request_of(&existing)?;
            tx.commit().await?;
            return Ok(existing);
        }
        self.expire_unprocessed(&mut tx).await?;
        let row: Option<(String, i64, i64)> = sqlx::query_as(&format!(
            "SELECT p.issued_on, p.validity_months, p.cancelled FROM prescription p \
             WHERE p.person_id = $1 AND p.id = $2 AND {}",
            self.visible_rows("p", "issued_on")
        ))
        .bind(subject)
        .bind(prescription.get())
        .fetch_optional(&mut *tx)
        .await?;
        let Some((issued, months, cancelled)) = row else {
            return Err(ArchiveError::NotFound);
        };
        let (bought,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM dispensation WHERE person_id = $1 AND prescription_id = $2",
        )
        .bind(subject)
        .bind(prescription.get())
        .fetch_one(&mut *tx)
        .await?;
        let (open,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM renewal_request WHERE person_id = $1 AND prescription_id = $2 \
             AND status IN ('sent', 'in-processing')",
        )
        .bind(subject)
        .bind(prescription.get())
        .fetch_one(&mut *tx)
        .await?;
        if let Err(block) = may_renew(
            day(&issued)?,
            i32::try_from(months).unwrap_or(12),
            bought > 0,
            cancelled != 0,
            open > 0,
            self.archive.clock.today(),
        ) {
            // The open request may be this very form's, committed by a concurrent
            // submission since we looked: then it is the answer.
            if block == RenewalBlock::AlreadyRequested {
                if let Some(row) = sqlx::query(&by_key)
                    .bind(subject)
                    .bind(key)
                    .fetch_optional(&mut *tx)
                    .await?
                {
                    let existing = request_of(&row)?;
                    tx.commit().await?;
                    return Ok(existing);
                }
            }
            return Err(ArchiveError::NotRenewable(block));
        }
        // The person picks from the organisations that have treated them.
        let (treated,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM (SELECT organisation_id FROM document WHERE person_id = $1 AND organisation_id = $2 \
             UNION SELECT organisation_id FROM prescription WHERE person_id = $1 AND organisation_id = $2) t",
        )
        .bind(subject)
        .bind(form.organisation.get())
        .fetch_one(&mut *tx)
        .await?;
        if treated == 0 {
            return Err(ArchiveError::Invalid("organisation"));
        }
        let now = unix_ms(self.archive.clock.now());
        let id: i64 = rand::Rng::random_range(&mut rand::rng(), 1..(1_i64 << 53));
        sqlx::query(
            "INSERT INTO renewal_request (person_id, id, prescription_id, organisation_id, message, \
             share_other_prescriptions, status, idempotency_key, requested_by, created_ms, updated_ms) \
             VALUES ($1, $2, $3, $4, $5, $6, 'sent', $7, $8, $9, $9) ON CONFLICT DO NOTHING",
        )
        .bind(subject)
        .bind(id)
        .bind(prescription.get())
        .bind(form.organisation.get())
        .bind(message)
        .bind(i64::from(form.share_other_prescriptions))
        .bind(key)
        .bind(self.actor().get())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        // Whoever won a race, the request under this key is the answer; with none, the
        // prescription's one open request was made under another key.
        let made = sqlx::query(&by_key)
            .bind(subject)
            .bind(key)
            .fetch_optional(&mut *tx)
            .await?;
        tx.commit().await?;
        match made {
            Some(row) => request_of(&row),
            None => Err(ArchiveError::NotRenewable(RenewalBlock::AlreadyRequested)),
        }
    }
}
