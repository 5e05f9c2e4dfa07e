//! A stand-in for the care units that answer renewal requests, for the demo: it moves
//! requests on at a set pace so the whole flow can be seen. A request waits `pace` in
//! "sent", is taken into processing, waits `pace` again, and is then renewed (a new
//! prescription is written, naming the one it renews) or, for a narcotic, rejected with
//! the professional's reason. Requests nobody took up within eight days expire.
//!
//! Each step is one transaction with its audit event, made by the prescription centre
//! rather than by a person. It answers the demo persons' requests only, never a real
//! person's; production has no simulator: the server refuses to start it without demo
//! data.

use rand::Rng;
use time::Duration;

use super::model::RenewalStatus;
use super::renewal::UNPROCESSED_EXPIRY;
use crate::access::{unix_ms, Action, Archive, Purpose};
use crate::audit::ARCHIVE_ITSELF;
use crate::audit_writer::{write_audit, AuditEvent};
use crate::error::ArchiveError;
use crate::model::PersonId;

/// What a rejected request says, in the professional's words.
pub const REJECTION_REASON: &str =
    "Uusiminen vaatii vastaanottokäynnin. Varaa aika hoitavaan yksikköön.";

/// What one round of processing did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DeskReport {
    pub started: usize,
    pub renewed: usize,
    pub rejected: usize,
    pub expired: usize,
}

/// A request waiting at a step: (person, request, prescription, organisation, narcotic).
type Waiting = (i64, i64, i64, i64, i64);

type Tx = sqlx::Transaction<'static, sqlx::Any>;

impl Archive {
    /// Moves every request on by at most one step, as described in the module.
    ///
    /// # Errors
    /// `Storage` when the database fails; steps done before the failure stay done.
    pub async fn process_renewals(&self, pace: Duration) -> Result<DeskReport, ArchiveError> {
        let now = self.clock.now();
        let now_ms = unix_ms(now);
        let due = now_ms - i64::try_from(pace.whole_milliseconds()).unwrap_or(0);
        let expiry = now_ms - i64::try_from(UNPROCESSED_EXPIRY.whole_milliseconds()).unwrap_or(0);
        let mut report = DeskReport::default();
        // Decide before starting, so that each round shows one step of each request.
        for (person, id, rx, organisation, narcotic) in
            self.waiting("in-processing", "updated_ms", due).await?
        {
            let renew = narcotic == 0;
            let to = if renew { "renewed" } else { "rejected" };
            let Some(mut tx) = self.begin_step(person, id, "in-processing", to).await? else {
                continue;
            };
            if renew {
                let new_id: i64 = rand::rng().random_range(1..(1_i64 << 53));
                sqlx::query(
                    "INSERT INTO prescription (person_id, id, product, atc, strength, form, package_size, \
                     dosage, amount, packages, prescriber, organisation_id, issued_on, validity_months, \
                     narcotic, cns, cancelled, guardian_may_see, denied_to_guardian, renewed_from, language) \
                     SELECT person_id, $1, product, atc, strength, form, package_size, dosage, amount, \
                     packages, prescriber, $2, $3, validity_months, narcotic, cns, 0, guardian_may_see, \
                     denied_to_guardian, id, language FROM prescription WHERE person_id = $4 AND id = $5",
                )
                .bind(new_id)
                .bind(organisation)
                .bind(crate::clock::finnish_local(now).date().to_string())
                .bind(person)
                .bind(rx)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "UPDATE renewal_request SET renewed_prescription_id = $1 WHERE person_id = $2 AND id = $3",
                )
                .bind(new_id)
                .bind(person)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                report.renewed += 1;
            } else {
                sqlx::query(
                    "UPDATE renewal_request SET reason = $1 WHERE person_id = $2 AND id = $3",
                )
                .bind(REJECTION_REASON)
                .bind(person)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                report.rejected += 1;
            }
            tx.commit().await?;
        }
        for (person, id, ..) in self.waiting("sent", "created_ms", expiry).await? {
            if let Some(tx) = self.begin_step(person, id, "sent", "expired").await? {
                tx.commit().await?;
                report.expired += 1;
            }
        }
        for (person, id, ..) in self.waiting("sent", "updated_ms", due).await? {
            if let Some(tx) = self.begin_step(person, id, "sent", "in-processing").await? {
                tx.commit().await?;
                report.started += 1;
            }
        }
        Ok(report)
    }

    /// The requests in `status` whose `column` (a time) is at or before `before` (ms).
    async fn waiting(
        &self,
        status: &str,
        column: &'static str,
        before: i64,
    ) -> Result<Vec<Waiting>, ArchiveError> {
        Ok(sqlx::query_as(&format!(
            "SELECT r.person_id, r.id, r.prescription_id, r.organisation_id, p.narcotic \
             FROM renewal_request r JOIN prescription p ON p.person_id = r.person_id AND p.id = r.prescription_id \
             JOIN person d ON d.id = r.person_id AND d.demo_note IS NOT NULL \
             WHERE r.status = $1 AND r.{column} <= $2 ORDER BY r.created_ms LIMIT 500"
        ))
        .bind(status)
        .bind(before)
        .fetch_all(self.db.pool())
        .await?)
    }

    /// Begins moving one request from `from` to `to`, with the audit event written: the
    /// transaction to finish the step in, or `None` when the request is no longer in
    /// `from` (someone else moved it).
    async fn begin_step(
        &self,
        person: i64,
        id: i64,
        from: &str,
        to: &'static str,
    ) -> Result<Option<Tx>, ArchiveError> {
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        let moved = sqlx::query(
            "UPDATE renewal_request SET status = $1, updated_ms = $2 WHERE person_id = $3 AND id = $4 AND status = $5",
        )
        .bind(to)
        .bind(unix_ms(now))
        .bind(person)
        .bind(id)
        .bind(from)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if moved == 0 {
            return Ok(None);
        }
        let status = RenewalStatus::from_code(to).ok_or(ArchiveError::Corrupt("renewal status"))?;
        super::store::record_step(&mut tx, person, id, status, unix_ms(now)).await?;
        write_audit(
            &mut tx,
            AuditEvent {
                subject: PersonId::from_raw(person),
                actor: ARCHIVE_ITSELF,
                right: "prescription-centre",
                action: Action::ProcessRenewal,
                object: Some(id),
                detail: None,
                purpose: Purpose::CitizenService,
                outcome: to,
                at: now,
            },
        )
        .await?;
        Ok(Some(tx))
    }
}
