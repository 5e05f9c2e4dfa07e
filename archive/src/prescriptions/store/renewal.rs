//! Asking for a renewal: once per key, at most one open request per prescription.

use super::{
    day, record_step, with_steps, Access, Action, ArchiveError, RequestRow, REQUEST_SELECT,
};
use crate::access::unix_ms;
use crate::db::Sql;
use crate::prescriptions::model::{PrescriptionId, RenewalForm, RenewalRequest, RenewalStatus};
use crate::prescriptions::renewal::{may_renew, RenewalBlock};

impl Access {
    /// Asks for a prescription to be renewed. The same `key` always gives back the same
    /// request, and nothing more is stored.
    ///
    /// # Errors
    /// `Invalid` for a malformed key, message or organisation; `NotFound` for a
    /// prescription this right does not see; `Blocked` with the reason; `Refused`
    /// when the right does not cover prescriptions.
    pub async fn request_renewal(
        &self,
        prescription: PrescriptionId,
        form: &RenewalForm,
        key: &str,
    ) -> Result<RenewalRequest, ArchiveError> {
        if !crate::model::is_form_key(key) {
            return Err(ArchiveError::invalid("key", "request"));
        }
        RenewalForm::check_message(form.message.as_deref())
            .map_err(|code| ArchiveError::invalid("message", code))?;
        let message = RenewalForm::message_text(form.message.as_deref());
        let subject = self.subject().get();
        let mut tx = self
            .begin_audited(Action::RequestRenewal, Some(prescription.get()))
            .await?;
        // The request made with this key, as this right sees it: a key belongs to one
        // prescription, and another's use of it is refused, never taken for the first.
        let mut by_key = Sql::new(&format!("{REQUEST_SELECT} WHERE r.person_id = "));
        by_key
            .bind(subject)
            .push(" AND r.idempotency_key = ")
            .bind(key)
            .push(" AND ");
        self.visible_rows(&mut by_key, "p", "issued_on");
        let object = Some(prescription.get());
        let refuse = |tx, error| self.refuse(tx, Action::RequestRenewal, object, error);
        // What the request under this key answers: itself when it is this prescription's.
        let answered = |existing: RenewalRequest| {
            (existing.prescription == prescription)
                .then_some(existing)
                .ok_or(ArchiveError::Blocked(
                    crate::prescriptions::model::KEY_REUSED,
                ))
        };
        if let Some(existing) = by_key
            .query_as::<RequestRow>()
            .fetch_optional(&mut *tx)
            .await?
        {
            return self
                .conclude(tx, object, answered(existing.try_into()?))
                .await;
        }
        self.expire_unprocessed(&mut tx).await?;
        let mut sql = Sql::new(
            "SELECT p.issued_on, p.validity_months, p.cancelled FROM prescription p WHERE p.person_id = ",
        );
        sql.bind(subject)
            .push(" AND p.id = ")
            .bind(prescription.get())
            .push(" AND ");
        self.visible_rows(&mut sql, "p", "issued_on");
        let row: Option<(String, i64, i64)> = sql.query_as().fetch_optional(&mut *tx).await?;
        let Some((issued, months, cancelled)) = row else {
            return Err(refuse(tx, ArchiveError::NotFound).await);
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
                if let Some(row) = by_key
                    .query_as::<RequestRow>()
                    .fetch_optional(&mut *tx)
                    .await?
                {
                    return self.conclude(tx, object, answered(row.try_into()?)).await;
                }
            }
            return Err(refuse(tx, ArchiveError::Blocked(block.error_code())).await);
        }
        // The person picks from the organisations that have treated them.
        if !self
            .treating_organisations(&mut tx)
            .await?
            .iter()
            .any(|o| o.id == form.organisation)
        {
            return Err(refuse(tx, ArchiveError::invalid("organisation", "choice")).await);
        }
        let now = unix_ms(self.archive.clock.now());
        let id: i64 = crate::db::new_row_id();
        let inserted = sqlx::query(
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
        if inserted.rows_affected() == 1 {
            record_step(&mut tx, subject, id, RenewalStatus::Sent, now).await?;
        }
        // Whoever won a race, the request under this key is the answer; with none, the
        // prescription's one open request was made under another key.
        let made = by_key
            .query_as::<RequestRow>()
            .fetch_optional(&mut *tx)
            .await?;
        let answer = match made {
            Some(row) => answered(row.try_into()?),
            None => Err(ArchiveError::Blocked(
                RenewalBlock::AlreadyRequested.error_code(),
            )),
        };
        self.conclude(tx, object, answer).await
    }

    /// Ends a renewal request's transaction with its answer: the request with its
    /// steps, committed; or the refusal, audited.
    async fn conclude(
        &self,
        mut tx: sqlx::Transaction<'static, sqlx::Any>,
        object: Option<i64>,
        answer: Result<RenewalRequest, ArchiveError>,
    ) -> Result<RenewalRequest, ArchiveError> {
        match answer {
            Ok(request) => {
                let mut request = with_steps(&mut tx, self.subject().get(), vec![request]).await?;
                tx.commit().await?;
                request.pop().ok_or(ArchiveError::NotFound)
            }
            Err(e) => Err(self.refuse(tx, Action::RequestRenewal, object, e).await),
        }
    }
}
