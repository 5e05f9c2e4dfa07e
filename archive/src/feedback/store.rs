//! Keeping and listing feedback.

use rand::Rng;

use super::model::{Feedback, ReceivedFeedback};
use crate::access::{unix_ms, Archive};
use crate::error::ArchiveError;
use crate::model::Language;

impl Archive {
    /// Keeps feedback; returns its number. The same key keeps it once (the form sent
    /// again, or its page rendered twice, gives back the first one's number).
    ///
    /// # Errors
    /// `Invalid` for a malformed key (field `key`) or the first of
    /// [`Feedback::problems`]; `Storage` when the database fails.
    pub async fn receive_feedback(&self, feedback: &Feedback) -> Result<i64, ArchiveError> {
        if !crate::model::is_form_key(&feedback.key) {
            return Err(ArchiveError::invalid("key", "request"));
        }
        if let Some((field, code)) = feedback.problems().first() {
            return Err(ArchiveError::invalid(field, code));
        }
        let id: i64 = rand::rng().random_range(1..(1_i64 << 53));
        sqlx::query(
            "INSERT INTO accessibility_feedback \
             (id, received_ms, page, language, message, contact, idempotency_key) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING",
        )
        .bind(id)
        .bind(unix_ms(self.clock.now()))
        .bind(feedback.page_kept())
        .bind(feedback.language.code())
        .bind(feedback.message.trim())
        .bind(feedback.contact_kept())
        .bind(&feedback.key)
        .execute(self.db.pool())
        .await?;
        let (kept,): (i64,) =
            sqlx::query_as("SELECT id FROM accessibility_feedback WHERE idempotency_key = $1")
                .bind(&feedback.key)
                .fetch_one(self.db.pool())
                .await?;
        Ok(kept)
    }

    /// A page of the feedback received at or after `since_ms` (Unix milliseconds),
    /// oldest first: at most `limit` messages (1 to 1,000), those after `after` (the
    /// previous page's last message's time and number) when given. The maintainers'
    /// listing reads page after page, so however much arrives it never holds it all.
    ///
    /// # Errors
    /// `Corrupt` for a stored language that is none; `Storage` when the database fails.
    pub async fn feedback_received(
        &self,
        since_ms: i64,
        after: Option<(i64, i64)>,
        limit: u32,
    ) -> Result<Vec<ReceivedFeedback>, ArchiveError> {
        type Row = (i64, i64, Option<String>, String, String, Option<String>);
        let (from_ms, after_id) = match after {
            Some((ms, id)) => (ms.max(since_ms), if ms < since_ms { i64::MIN } else { id }),
            None => (since_ms, i64::MIN),
        };
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, received_ms, page, language, message, contact FROM accessibility_feedback \
             WHERE received_ms >= $1 AND (received_ms > $1 OR id > $2) \
             ORDER BY received_ms, id LIMIT $3",
        )
        .bind(from_ms)
        .bind(after_id)
        .bind(i64::from(limit.clamp(1, 1000)))
        .fetch_all(self.db.pool())
        .await?;
        rows.into_iter()
            .map(|(id, received_ms, page, language, message, contact)| {
                Ok(ReceivedFeedback {
                    id,
                    received_ms,
                    page,
                    language: Language::from_code(&language)
                        .ok_or(ArchiveError::Corrupt("feedback language"))?,
                    message,
                    contact,
                })
            })
            .collect()
    }
}
