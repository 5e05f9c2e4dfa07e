//! Rate-limit counters in the database, so that several servers share them: fixed
//! windows, one row per hashed key and window, counted with one atomic upsert. Windows
//! of different lengths (a minute, a day) live side by side; each row knows its end.

use sha2::{Digest, Sha256};

use crate::access::{unix_ms, Archive};
use crate::error::ArchiveError;

impl Archive {
    /// Counts one event for `key` in the current window of `window_ms` and returns how
    /// many the window now holds. The key is stored hashed. About once in 256 counts the
    /// windows that have ended are removed ([`Archive::forget_ended_windows`]).
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn count_event(&self, key: &str, window_ms: i64) -> Result<i64, ArchiveError> {
        let now = unix_ms(self.clock.now());
        let window = window_ms.max(1);
        let start = now - now.rem_euclid(window);
        let hash = hex::encode(Sha256::digest(key.as_bytes()));
        let (events,): (i64,) = sqlx::query_as(
            "INSERT INTO rate_limit (key_hash, window_start_ms, events, window_end_ms) \
             VALUES ($1, $2, 1, $3) \
             ON CONFLICT (key_hash, window_start_ms) DO UPDATE SET events = rate_limit.events + 1 \
             RETURNING events",
        )
        .bind(&hash)
        .bind(start)
        .bind(start.saturating_add(window))
        .fetch_one(self.db.pool())
        .await?;
        if rand::Rng::random_ratio(&mut rand::rng(), 1, 256) {
            self.forget_ended_windows().await?;
        }
        Ok(events)
    }

    /// Removes the counts of windows that have ended, whatever their length.
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn forget_ended_windows(&self) -> Result<u64, ArchiveError> {
        Ok(
            sqlx::query("DELETE FROM rate_limit WHERE window_end_ms <= $1")
                .bind(unix_ms(self.clock.now()))
                .execute(self.db.pool())
                .await?
                .rows_affected(),
        )
    }
}
