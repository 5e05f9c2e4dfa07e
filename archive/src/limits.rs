//! Rate-limit counters in the database, so that several servers share them: fixed
//! windows, one row per hashed key and window, counted with one atomic upsert.

use sha2::{Digest, Sha256};

use crate::access::{unix_ms, Archive};
use crate::error::ArchiveError;

impl Archive {
    /// Counts one event for `key` in the current window of `window_ms` and returns how
    /// many the window now holds. The key is stored hashed. Now and then the windows
    /// that have passed are removed.
    ///
    /// # Errors
    /// `Storage` when the database fails.
    pub async fn count_event(&self, key: &str, window_ms: i64) -> Result<i64, ArchiveError> {
        let now = unix_ms(self.clock.now());
        let window = window_ms.max(1);
        let start = now - now.rem_euclid(window);
        let hash = hex::encode(Sha256::digest(key.as_bytes()));
        let (events,): (i64,) = sqlx::query_as(
            "INSERT INTO rate_limit (key_hash, window_start_ms, events) VALUES ($1, $2, 1) \
             ON CONFLICT (key_hash, window_start_ms) DO UPDATE SET events = rate_limit.events + 1 \
             RETURNING events",
        )
        .bind(&hash)
        .bind(start)
        .fetch_one(self.db.pool())
        .await?;
        // About once in 256 counts, forget the windows before the previous one.
        if rand::Rng::random_ratio(&mut rand::rng(), 1, 256) {
            sqlx::query("DELETE FROM rate_limit WHERE window_start_ms < $1")
                .bind(start - window)
                .execute(self.db.pool())
                .await?;
        }
        Ok(events)
    }
}
